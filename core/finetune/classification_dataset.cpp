#include "classification_dataset.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "csv_reader.h"
#include "example_schedule.h"
#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {
namespace {

bool blank(const std::string &text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string trimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    return first == std::string::npos ? std::string()
                                      : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void addItem(ClassificationDataset &data, const std::string &path, int line,
             const std::string &text, const std::string &label)
{
    if (blank(text))
        data.issues.push_back({path, line, "the text is empty; item skipped"});
    else if (blank(label))
        data.issues.push_back({path, line, "the label is empty; item skipped"});
    else
        data.items.push_back({text, trimmed(label), line});
}

} // namespace

ClassificationDataset readClassificationDataset(const std::string &path)
{
    const std::string text = readDatasetFile(path);
    const std::string ext = fileExtension(path);
    ClassificationDataset data;
    if (ext == "csv") {
        const CsvTable table = parseCsv(text);
        for (const CsvProblem &p : table.problems)
            data.issues.push_back({path, p.line, p.reason + "; record skipped"});
        const int textColumn = table.column("text"), labelColumn = table.column("label");
        if (textColumn < 0 || labelColumn < 0)
            throw std::runtime_error(path + ":1: the header row needs \"text\" and \"label\" "
                                            "columns");
        for (const CsvRecord &r : table.records)
            addItem(data, path, r.line, r.fields[std::size_t(textColumn)],
                    r.fields[std::size_t(labelColumn)]);
    } else if (ext == "jsonl" || ext == "json") {
        for (const JsonLine &line : parseJsonLines(text, path, data.issues)) {
            try {
                addItem(data, path, line.line, stringField(line.object, "text"),
                        stringField(line.object, "label"));
            } catch (const std::invalid_argument &e) {
                data.issues.push_back({path, line.line, std::string(e.what()) + "; line skipped"});
            }
        }
    } else {
        throw std::runtime_error(path + ": unknown dataset type '." + ext +
                                 "' (CSV with text and label columns, or JSONL)");
    }
    if (data.items.empty())
        throw std::runtime_error(path + ": no usable labelled text");
    return data;
}

std::vector<std::string> labelSet(const std::vector<LabelledText> &items)
{
    std::vector<std::string> labels;
    for (const LabelledText &item : items)
        labels.push_back(item.label);
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    return labels;
}

void stratifiedSplit(const std::vector<LabelledText> &items, double validationRatio,
                     std::uint64_t seed, std::vector<LabelledText> &train,
                     std::vector<LabelledText> &validation)
{
    std::map<std::string, std::vector<std::size_t>> byLabel;
    for (std::size_t i = 0; i < items.size(); ++i)
        byLabel[items[i].label].push_back(i);
    std::vector<bool> held(items.size(), false);
    std::uint64_t stream = seed;
    for (const auto &[label, indices] : byLabel) {
        std::size_t count = std::size_t(std::lround(double(indices.size()) * validationRatio));
        if (validationRatio > 0 && indices.size() >= 2)
            count = std::clamp<std::size_t>(count, 1, indices.size() - 1);
        const std::vector<std::size_t> order = seededPermutation(indices.size(), ++stream);
        for (std::size_t k = 0; k < count; ++k)
            held[indices[order[k]]] = true;
    }
    for (std::size_t i = 0; i < items.size(); ++i)
        (held[i] ? validation : train).push_back(items[i]);
}

std::vector<int> classificationInput(const Tokenizer &tokenizer, const std::string &text,
                                     int maxTokens, bool *truncated)
{
    std::vector<int> ids = {SpecialTokens::EndOfText};
    tokenizer.encodeAppend(text, ids);
    const bool cut = int(ids.size()) > maxTokens - 1;
    if (cut)
        ids.resize(std::size_t(std::max(1, maxTokens - 1))); // the start of a news item says most
    ids.push_back(SpecialTokens::Label);
    if (truncated)
        *truncated = cut;
    return ids;
}

ExampleSet encodeClassExamples(const Tokenizer &tokenizer, const std::vector<LabelledText> &items,
                               const std::vector<std::string> &labels, int maxTokens,
                               const std::string &sourceFile, ClassEncodingStats &stats)
{
    ExampleSet set;
    set.kind = ExampleKind::Classify;
    set.vocabSize = std::uint32_t(tokenizer.vocabSize());
    set.labels = labels;
    for (const LabelledText &item : items) {
        const auto it = std::find(labels.begin(), labels.end(), item.label);
        if (it == labels.end())
            throw std::runtime_error(sourceFile + ":" + std::to_string(item.line) + ": label '" +
                                     item.label + "' is not one the classifier knows");
        bool truncated = false;
        const std::vector<int> ids =
            classificationInput(tokenizer, item.text, maxTokens, &truncated);
        stats.truncated += truncated;
        set.examples.push_back({std::vector<std::uint32_t>(ids.begin(), ids.end()),
                                {},
                                std::uint32_t(it - labels.begin()),
                                std::uint32_t(item.line)});
    }
    stats.examples = int(set.examples.size());
    return set;
}

} // namespace azllm
