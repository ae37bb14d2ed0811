// Fine-tuning data without a model: CSV, the three JSONL chat formats, the chat-template loss
// mask token by token, truncation, classification datasets and splits, answer metrics, the
// bag-of-words baseline, and preparing a run folder from a base.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "answer_metrics.h"
#include "bow_baseline.h"
#include "classification_dataset.h"
#include "csv_reader.h"
#include "sft_encoder.h"
#include "special_tokens.h"
#include "tokenizer.h"
#include "workspace.h"

using namespace azllm;

namespace {

void writeFile(const QString &path, const std::string &text)
{
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}

// One conversation, as each format writes it.
const char *kAlpaca = R"({"system": "Qısa cavab ver.", "instruction": "Bakı haqqında danış.", )"
                      R"("input": "", "output": "Bakı Azərbaycanın paytaxtıdır."})";
const char *kShareGpt = R"({"conversations": [{"from": "system", "value": "Qısa cavab ver."}, )"
                        R"({"from": "human", "value": "Bakı haqqında danış."}, )"
                        R"({"from": "gpt", "value": "Bakı Azərbaycanın paytaxtıdır."}]})";
const char *kMessages = R"({"messages": [{"role": "system", "content": "Qısa cavab ver."}, )"
                        R"({"role": "user", "content": "Bakı haqqında danış."}, )"
                        R"({"role": "assistant", "content": "Bakı Azərbaycanın paytaxtıdır."}]})";

// The weights an independent reading of the ids gives: 1 from just after <|assistant|> through
// its <|end|>, 0 everywhere else.
std::vector<std::uint8_t> expectedMask(const std::vector<int> &ids)
{
    std::vector<std::uint8_t> mask;
    bool inAnswer = false;
    for (int id : ids) {
        mask.push_back(inAnswer ? 1 : 0);
        if (id == SpecialTokens::Assistant)
            inAnswer = true;
        else if (id == SpecialTokens::End)
            inAnswer = false;
    }
    return mask;
}

} // namespace

class TestFinetuneData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Tokenizer> m_tokenizer;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Workspace workspace(path(QStringLiteral("ws")));
        workspace.seedSampleDataset();
        const QString model =
            workspace.datasetDir(QStringLiteral("sample")) + QLatin1String("/tokenizer.model");
        m_tokenizer = std::make_unique<Tokenizer>(Tokenizer::load(model.toStdString()));
    }

    void csvFollowsRfc4180()
    {
        const CsvTable t = parseCsv("\xEF\xBB\xBFquestion,answer\r\n"
                                    "\"Bakı, paytaxt?\",\"Bəli, \"\"Bakı\"\".\"\r\n"
                                    "\"iki\nsətir\",sadə\n"
                                    "bir,iki,üç\n"
                                    "\n"
                                    "son,cavab");
        QCOMPARE(t.column("Question"), 0);
        QCOMPARE(t.records.size(), std::size_t(3));
        QCOMPARE(t.records[0].fields[0], std::string("Bakı, paytaxt?"));
        QCOMPARE(t.records[0].fields[1], std::string("Bəli, \"Bakı\"."));
        QCOMPARE(t.records[1].fields[0], std::string("iki\nsətir"));
        QCOMPARE(t.records[2].line, 7);
        QCOMPARE(t.problems.size(), std::size_t(1));
        QCOMPARE(t.problems[0].line, 5);
    }

    void theThreeFormatsReadAsTheSameConversation()
    {
        std::string format;
        const Conversation alpaca = parseConversationJson(kAlpaca, format);
        QCOMPARE(format, std::string("alpaca"));
        const Conversation sharegpt = parseConversationJson(kShareGpt, format);
        QCOMPARE(format, std::string("sharegpt"));
        const Conversation messages = parseConversationJson(kMessages, format);
        QCOMPARE(format, std::string("messages"));
        for (const Conversation *c : {&alpaca, &sharegpt, &messages}) {
            QCOMPARE(c->turns.size(), std::size_t(3));
            for (std::size_t i = 0; i < 3; ++i) {
                QCOMPARE(int(c->turns[i].role), int(messages.turns[i].role));
                QCOMPARE(c->turns[i].text, messages.turns[i].text);
            }
        }
        writeFile(path(QStringLiteral("qa.csv")),
                  "system,question,answer\nQısa cavab ver.,Bakı haqqında danış.,"
                  "Bakı Azərbaycanın paytaxtıdır.\n");
        const SftDataset csv = readSftDataset(path(QStringLiteral("qa.csv")).toStdString());
        QCOMPARE(csv.conversations.size(), std::size_t(1));
        QCOMPARE(csv.conversations[0].turns.back().text, messages.turns.back().text);
    }

    void malformedLinesAreNamedAndTheRestIsUsed()
    {
        writeFile(path(QStringLiteral("mixed.jsonl")),
                  std::string(kMessages) + "\n" + "{not json\n" + "\n" +
                      R"({"messages": [{"role": "user", "content": "Salam"}]})" + "\n" +
                      R"({"instruction": "Sual", "output": 5})" + "\n" + kAlpaca + "\n");
        const std::string file = path(QStringLiteral("mixed.jsonl")).toStdString();
        const SftDataset data = readSftDataset(file);
        QCOMPARE(data.conversations.size(), std::size_t(2));
        QCOMPARE(data.format, std::string("mixed"));
        QCOMPARE(data.issues.size(), std::size_t(3));
        QVERIFY2(data.issues[0].text().rfind(file + ":2: invalid JSON", 0) == 0,
                 data.issues[0].text().c_str());
        QVERIFY2(data.issues[1].text().find(":4: has no assistant answer") != std::string::npos,
                 data.issues[1].text().c_str());
        QVERIFY2(data.issues[2].text().find(":5: field \"output\" is not a string") !=
                     std::string::npos,
                 data.issues[2].text().c_str());
        QCOMPARE(data.conversations[1].line, 6);
    }

    // Checked token by token for each format: weight 1 exactly on the assistant's text and its
    // <|end|>; the system prompt, the question and every marker before an answer weigh 0.
    void theMaskCountsOnlyTheAssistant_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("alpaca") << QString::fromUtf8(kAlpaca);
        QTest::newRow("sharegpt") << QString::fromUtf8(kShareGpt);
        QTest::newRow("messages") << QString::fromUtf8(kMessages);
        QTest::newRow("multi-turn")
            << QStringLiteral(R"({"messages": [{"role": "user", "content": "Salam!"}, )"
                              R"({"role": "assistant", "content": "Salam, buyurun."}, )"
                              R"({"role": "user", "content": "Gəncə haradadır?"}, )"
                              R"({"role": "assistant", "content": "Gəncə qərbdədir."}]})");
    }

    void theMaskCountsOnlyTheAssistant()
    {
        QFETCH(QString, line);
        std::string format;
        const Conversation c = parseConversationJson(line.toStdString(), format);
        const EncodedConversation e = encodeConversation(*m_tokenizer, c, 256);
        QCOMPARE(e.weights.size(), e.tokens.size());
        QCOMPARE(e.weights, expectedMask(e.tokens));
        std::vector<int> answer;
        std::string answers;
        for (std::size_t i = 0; i < e.tokens.size(); ++i) {
            if (e.weights[i] && e.tokens[i] != SpecialTokens::End)
                answer.push_back(e.tokens[i]);
            if (e.weights[i] && e.tokens[i] == SpecialTokens::End) {
                answers += m_tokenizer->decode(answer) + "|";
                answer.clear();
            }
        }
        std::string expected;
        for (const ChatTurn &turn : c.turns)
            if (turn.role == ChatRole::Assistant)
                expected += turn.text + "|";
        QCOMPARE(answers, expected);
        QCOMPARE(e.tokens.front(), SpecialTokens::EndOfText);
    }

    void longConversationsLoseTheirOldestExchanges()
    {
        Conversation c;
        c.turns.push_back({ChatRole::System, "Qısa cavab ver."});
        for (int i = 0; i < 6; ++i) {
            c.turns.push_back({ChatRole::User, "Sual nömrə " + std::to_string(i) +
                                                   ": Azərbaycanın çayları hansılardır?"});
            c.turns.push_back({ChatRole::Assistant, "Kür və Araz ən böyük çaylardır."});
        }
        const EncodedConversation full = encodeConversation(*m_tokenizer, c, 1000);
        QCOMPARE(full.droppedTurns, 0);
        const int budget = int(full.tokens.size()) / 2;
        const EncodedConversation fitted = encodeConversation(*m_tokenizer, c, budget);
        QVERIFY(fitted.droppedTurns > 0);
        QCOMPARE(fitted.droppedTurns % 2, 0);
        QVERIFY(int(fitted.tokens.size()) <= budget);
        QVERIFY(!fitted.cut);
        QCOMPARE(fitted.tokens[1], SpecialTokens::System); // the system prompt stays
        QCOMPARE(fitted.tokens.back(), SpecialTokens::End);

        const EncodedConversation cut = encodeConversation(*m_tokenizer, c, 12);
        QVERIFY(cut.cut);
        QCOMPARE(cut.tokens.size(), std::size_t(12));
    }

    void classificationDatasetsSplitByLabel()
    {
        std::string csv = "text,label\n";
        for (int i = 0; i < 40; ++i)
            csv += "\"Xəbər " + std::to_string(i) + ", qısa.\"," +
                   (i % 4 == 0 ? "səhiyyə" : "idman") + "\n";
        csv += "\"\",idman\n";
        writeFile(path(QStringLiteral("news.csv")), csv);
        const ClassificationDataset data =
            readClassificationDataset(path(QStringLiteral("news.csv")).toStdString());
        QCOMPARE(data.items.size(), std::size_t(40));
        QCOMPARE(data.issues.size(), std::size_t(1));
        QCOMPARE(data.issues[0].line, 42);
        QCOMPARE(labelSet(data.items), (std::vector<std::string>{"idman", "səhiyyə"}));
        std::vector<LabelledText> train, validation;
        stratifiedSplit(data.items, 0.2, 7, train, validation);
        QCOMPARE(validation.size(), std::size_t(8));
        QCOMPARE(std::count_if(validation.begin(), validation.end(),
                               [](const LabelledText &t) { return t.label == "səhiyyə"; }),
                 2);
        std::vector<LabelledText> again, againValidation;
        stratifiedSplit(data.items, 0.2, 7, again, againValidation);
        QCOMPARE(againValidation[0].line, validation[0].line);

        ClassEncodingStats stats;
        const ExampleSet set =
            encodeClassExamples(*m_tokenizer, train, labelSet(data.items), 8, "news.csv", stats);
        for (const Example &e : set.examples) {
            QCOMPARE(e.tokens.front(), std::uint32_t(SpecialTokens::EndOfText));
            QCOMPARE(e.tokens.back(), std::uint32_t(SpecialTokens::Label));
            QVERIFY(e.tokens.size() <= 8);
        }
        QVERIFY(stats.truncated > 0);
    }

    void answerMetricsReadAzerbaijani()
    {
        QCOMPARE(azerbaijaniLower("İSTİ IŞIQ"), std::string("isti ışıq"));
        QCOMPARE(answerWords("Bakı, Azərbaycanın paytaxtıdır!"),
                 (std::vector<std::string>{"bakı", "azərbaycanın", "paytaxtıdır"}));
        QVERIFY(exactMatch("BAKI.", "bakı"));
        QVERIFY(!exactMatch("Bakı şəhəri", "Bakı"));
        QCOMPARE(tokenF1("Bakı böyük şəhərdir", "Bakı şəhərdir"), 0.8);
        QCOMPARE(tokenF1("", "Bakı"), 0.0);
        QCOMPARE(tokenF1("Gəncə", "Bakı"), 0.0);
    }

    void bagOfWordsSeparatesWhatWordsSeparate()
    {
        const std::vector<std::string> sport = {"futbol", "qol", "turnir", "məşqçi", "çempion"};
        const std::vector<std::string> health = {"xəstəxana", "həkim", "peyvənd", "müalicə",
                                                 "dərman"};
        std::vector<LabelledText> train, test;
        for (int i = 0; i < 60; ++i) {
            const bool isSport = i % 2 == 0;
            const auto &words = isSport ? sport : health;
            const std::string text = "Bu gün " + words[std::size_t(i) % 5] + " və " +
                                     words[std::size_t(i + 2) % 5] + " haqqında xəbər.";
            (i < 40 ? train : test).push_back({text, isSport ? "idman" : "səhiyyə", i + 2});
        }
        const BaselineReports reports = runBaselines(train, test, {"idman", "səhiyyə"}, "test.csv");
        QCOMPARE(reports.bagOfWords.accuracy, 1.0);
        QCOMPARE(reports.majority.accuracy, 0.5);
        QCOMPARE(reports.majority.n, 20);
        test.push_back({"naməlum", "siyasət", 99});
        try {
            runBaselines(train, test, {"idman", "səhiyyə"}, "test.csv");
            QFAIL("an unknown label was scored");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(QLatin1String("test.csv:99:")),
                     e.what());
        }
    }

    void scoresCountAsDefined()
    {
        const ClassificationReport r =
            scoreClassification({"a", "b", "c"}, {0, 0, 1, 1, 1}, {0, 1, 1, 1, 2});
        QCOMPARE(r.accuracy, 0.6);
        QCOMPARE(r.perClass[0].precision, 1.0);
        QCOMPARE(r.perClass[0].recall, 0.5);
        QCOMPARE(r.perClass[1].precision, 2.0 / 3.0);
        // c never occurs in the truth: it does not enter the macro average, but predicting it is
        // an error.
        QCOMPARE(r.macroF1, 2.0 / 3.0);
        QCOMPARE(r.confusion[1][2], 1);
    }
};

QTEST_GUILESS_MAIN(TestFinetuneData)
#include "test_finetune_data.moc"
