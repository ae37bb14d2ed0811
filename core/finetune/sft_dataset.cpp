#include "sft_dataset.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

#include "csv_reader.h"

namespace azllm {
namespace {

bool blank(const std::string &text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// ShareGPT's speaker names, and the chat roles under their usual aliases.
ChatRole roleOf(const std::string &name)
{
    if (name == "system")
        return ChatRole::System;
    if (name == "human" || name == "user")
        return ChatRole::User;
    if (name == "gpt" || name == "assistant" || name == "bot" || name == "model")
        return ChatRole::Assistant;
    throw std::invalid_argument("unknown speaker '" + name +
                                "' (system, human/user or gpt/assistant)");
}

// A conversation the template can train on: an optional leading system turn, then turns that
// alternate user, assistant, ..., with at least one assistant answer and no empty text.
void requireTrainable(const Conversation &c)
{
    bool answered = false;
    ChatRole expected = ChatRole::User;
    for (std::size_t i = 0; i < c.turns.size(); ++i) {
        const ChatTurn &turn = c.turns[i];
        if (blank(turn.text))
            throw std::invalid_argument("turn " + std::to_string(i + 1) + " (" +
                                        roleName(turn.role) + ") is empty");
        if (turn.role == ChatRole::System) {
            if (i != 0)
                throw std::invalid_argument("a system turn may only come first");
            continue;
        }
        if (turn.role != expected)
            throw std::invalid_argument("turn " + std::to_string(i + 1) + " is " +
                                        roleName(turn.role) + " where " + roleName(expected) +
                                        " was expected (turns alternate user, assistant)");
        answered = answered || turn.role == ChatRole::Assistant;
        expected = expected == ChatRole::User ? ChatRole::Assistant : ChatRole::User;
    }
    if (!answered)
        throw std::invalid_argument("has no assistant answer to learn from");
}

Conversation fromAlpaca(const QJsonObject &o)
{
    Conversation c;
    const std::string system = stringField(o, "system", false);
    if (!blank(system))
        c.turns.push_back({ChatRole::System, system});
    std::string question = stringField(o, "instruction");
    const std::string input = stringField(o, "input", false);
    if (!blank(input))
        question += "\n\n" + input;
    c.turns.push_back({ChatRole::User, question});
    c.turns.push_back({ChatRole::Assistant, stringField(o, "output")});
    return c;
}

Conversation fromTurns(const QJsonArray &turns, const char *roleKey, const char *textKey)
{
    Conversation c;
    for (int i = 0; i < turns.size(); ++i) {
        if (!turns[i].isObject())
            throw std::invalid_argument("turn " + std::to_string(i + 1) + " is not an object");
        const QJsonObject turn = turns[i].toObject();
        c.turns.push_back({roleOf(stringField(turn, roleKey)), stringField(turn, textKey)});
    }
    return c;
}

QJsonArray arrayField(const QJsonObject &o, const char *name)
{
    if (!o.value(QLatin1String(name)).isArray())
        throw std::invalid_argument(std::string("field \"") + name + "\" is not a list");
    return o.value(QLatin1String(name)).toArray();
}

Conversation conversationOf(const QJsonObject &o, std::string &format)
{
    Conversation c;
    if (o.contains(QLatin1String("messages"))) {
        format = "messages";
        c = fromTurns(arrayField(o, "messages"), "role", "content");
    } else if (o.contains(QLatin1String("conversations"))) {
        format = "sharegpt";
        c = fromTurns(arrayField(o, "conversations"), "from", "value");
        const std::string system = stringField(o, "system", false);
        if (!blank(system) && (c.turns.empty() || c.turns.front().role != ChatRole::System))
            c.turns.insert(c.turns.begin(), {ChatRole::System, system});
    } else if (o.contains(QLatin1String("instruction"))) {
        format = "alpaca";
        c = fromAlpaca(o);
    } else {
        throw std::invalid_argument("neither \"messages\", \"conversations\" nor \"instruction\": "
                                    "not a chat example this studio knows");
    }
    requireTrainable(c);
    return c;
}

void readJsonl(const std::string &text, const std::string &path, SftDataset &data)
{
    for (const JsonLine &line : parseJsonLines(text, path, data.issues)) {
        std::string format;
        try {
            Conversation c = conversationOf(line.object, format);
            c.line = line.line;
            data.conversations.push_back(std::move(c));
        } catch (const std::invalid_argument &e) {
            data.issues.push_back({path, line.line, std::string(e.what()) + "; line skipped"});
            continue;
        }
        data.format = data.format.empty() || data.format == format ? format : "mixed";
    }
}

void readCsv(const std::string &text, const std::string &path, SftDataset &data)
{
    const CsvTable table = parseCsv(text);
    for (const CsvProblem &p : table.problems)
        data.issues.push_back({path, p.line, p.reason + "; record skipped"});
    const int question = table.column("question"), answer = table.column("answer");
    if (question < 0 || answer < 0)
        throw std::runtime_error(path + ":1: the header row needs \"question\" and \"answer\" "
                                        "columns");
    const int system = table.column("system");
    data.format = "csv";
    for (const CsvRecord &r : table.records) {
        Conversation c;
        c.line = r.line;
        if (system >= 0 && !blank(r.fields[std::size_t(system)]))
            c.turns.push_back({ChatRole::System, r.fields[std::size_t(system)]});
        c.turns.push_back({ChatRole::User, r.fields[std::size_t(question)]});
        c.turns.push_back({ChatRole::Assistant, r.fields[std::size_t(answer)]});
        try {
            requireTrainable(c);
            data.conversations.push_back(std::move(c));
        } catch (const std::invalid_argument &e) {
            data.issues.push_back({path, r.line, std::string(e.what()) + "; record skipped"});
        }
    }
}

} // namespace

Conversation parseConversationJson(const std::string &line, std::string &format)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw std::invalid_argument("not a JSON object");
    return conversationOf(doc.object(), format);
}

SftDataset readSftDataset(const std::string &path)
{
    const std::string text = readDatasetFile(path);
    const std::string ext = fileExtension(path);
    SftDataset data;
    if (ext == "jsonl" || ext == "json")
        readJsonl(text, path, data);
    else if (ext == "csv")
        readCsv(text, path, data);
    else
        throw std::runtime_error(path + ": unknown dataset type '." + ext +
                                 "' (JSONL in the Alpaca, ShareGPT or messages format, or CSV "
                                 "with question and answer columns)");
    if (data.conversations.empty())
        throw std::runtime_error(path + ": no usable conversation" +
                                 (data.issues.empty()
                                      ? std::string()
                                      : " (first problem: " + data.issues.front().text() + ")"));
    return data;
}

EvalSet readEvalSet(const std::string &path)
{
    EvalSet set;
    for (const JsonLine &line : parseJsonLines(readDatasetFile(path), path, set.issues)) {
        try {
            set.items.push_back({stringField(line.object, "question"),
                                 stringField(line.object, "reference"), line.line});
        } catch (const std::invalid_argument &e) {
            set.issues.push_back({path, line.line, std::string(e.what()) + "; line skipped"});
        }
    }
    if (set.items.empty())
        throw std::runtime_error(path + ": no {\"question\", \"reference\"} line to evaluate");
    return set;
}

} // namespace azllm
