// Reading a dataset file for fine-tuning, and the problems found in it: one line or record is
// reported as "file:line: reason", and the rest of the file is still used.
#pragma once

#include <QJsonObject>

#include <string>
#include <vector>

namespace azllm {

struct DatasetIssue
{
    std::string file;
    int line = 0;
    std::string reason;

    std::string text() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

// The file's bytes; throws std::runtime_error naming it when it cannot be read or is not UTF-8.
std::string readDatasetFile(const std::string &path);

struct JsonLine
{
    int line = 0;
    QJsonObject object;
};

// Each non-blank line of a JSONL text as an object; a line that is not valid JSON or not an
// object is reported ("invalid JSON at column N: reason") and skipped.
std::vector<JsonLine> parseJsonLines(const std::string &text, const std::string &path,
                                     std::vector<DatasetIssue> &issues);

// A field that must be a string; throws std::invalid_argument naming it otherwise. Empty
// optional fields give "".
std::string stringField(const QJsonObject &object, const char *name, bool required = true);

// Lower-cased extension without the dot ("jsonl", "csv").
std::string fileExtension(const std::string &path);

} // namespace azllm
