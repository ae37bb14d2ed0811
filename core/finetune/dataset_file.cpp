#include "dataset_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <QJsonDocument>
#include <QJsonParseError>

#include "utf8.h"

namespace azllm {

std::string readDatasetFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot be read (no such file, or no permission)");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string text = bytes.str();
    Utf8Validator validator;
    if (!validator.feed(text) || !validator.finish())
        throw std::runtime_error(
            path + ":" + std::to_string(validator.errorLine()) + ": not valid UTF-8 (byte " +
            std::to_string(validator.errorOffset()) + "); convert the file to UTF-8 first");
    return text;
}

std::vector<JsonLine> parseJsonLines(const std::string &text, const std::string &path,
                                     std::vector<DatasetIssue> &issues)
{
    std::vector<JsonLine> lines;
    std::istringstream in(text);
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
        if (raw.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(raw), &error);
        if (error.error != QJsonParseError::NoError) {
            issues.push_back({path, number,
                              "invalid JSON at column " + std::to_string(error.offset + 1) + ": " +
                                  error.errorString().toStdString() + "; line skipped"});
            continue;
        }
        if (!doc.isObject()) {
            issues.push_back({path, number, "not a JSON object; line skipped"});
            continue;
        }
        lines.push_back({number, doc.object()});
    }
    return lines;
}

std::string stringField(const QJsonObject &object, const char *name, bool required)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            throw std::invalid_argument(std::string("field \"") + name + "\" is missing");
        return {};
    }
    if (!value.isString())
        throw std::invalid_argument(std::string("field \"") + name + "\" is not a string");
    return value.toString().toStdString();
}

std::string fileExtension(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty() && ext[0] == '.')
        ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

} // namespace azllm
