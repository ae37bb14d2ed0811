#include "corpus_reader.h"

#include "html_text.h"
#include "utf8.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace azllm {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kReportEveryBytes = 1 << 20;

std::string extensionOf(const std::string &path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

void stripBom(std::string &line)
{
    if (line.compare(0, 3, "\xEF\xBB\xBF") == 0)
        line.erase(0, 3);
}

// Groups lines into documents: whole files cut at blank lines past a size limit, or one
// document per blank-line-separated block.
class BlockSplitter
{
public:
    BlockSplitter(const ImportOptions &options, std::string source,
                  const CorpusReader::DocumentSink &sink)
        : m_options(options), m_source(std::move(source)), m_sink(sink)
    {
    }

    bool line(std::string_view line)
    {
        ++m_lineNumber;
        if (isBlank(line)) {
            const bool cut =
                m_options.paragraphDocuments || m_text.size() >= m_options.maxDocumentBytes;
            if (cut)
                return flushDocument();
            if (!m_text.empty())
                m_text.push_back('\n');
            return true;
        }
        if (m_text.empty())
            m_firstLine = m_lineNumber;
        m_text.append(line).push_back('\n');
        // A file without blank lines: cut at a line rather than hold it all.
        if (m_text.size() >= 4 * m_options.maxDocumentBytes)
            return flushDocument();
        return true;
    }

    bool finish() { return flushDocument(); }

private:
    bool flushDocument()
    {
        if (isBlank(m_text)) {
            m_text.clear();
            return true;
        }
        ++m_emitted;
        Document document;
        const bool whole = !m_options.paragraphDocuments && m_emitted == 1 && m_firstLine == 1;
        document.source = whole ? m_source : m_source + ":" + std::to_string(m_firstLine);
        document.text = std::move(m_text);
        m_text.clear();
        return m_sink(std::move(document));
    }

    const ImportOptions &m_options;
    std::string m_source;
    const CorpusReader::DocumentSink &m_sink;
    std::string m_text;
    std::uint64_t m_lineNumber = 0;
    std::uint64_t m_firstLine = 1;
    std::uint64_t m_emitted = 0;
};

} // namespace

CorpusReader::CorpusReader(const std::vector<std::string> &inputs, ImportOptions options)
    : m_options(std::move(options))
{
    for (const std::string &input : inputs)
        addInput(input);
    std::sort(m_files.begin(), m_files.end());
    m_files.erase(std::unique(m_files.begin(), m_files.end()), m_files.end());
    for (const std::string &file : m_files) {
        std::error_code error;
        const auto size = fs::file_size(file, error);
        m_totalBytes += error ? 0 : size;
    }
}

bool CorpusReader::isSupported(const std::string &path)
{
    const std::string ext = extensionOf(path);
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".jsonl" ||
           ext == ".html" || ext == ".htm";
}

void CorpusReader::addInput(const std::string &input)
{
    std::error_code error;
    if (fs::is_directory(input, error)) {
        const fs::path excluded = m_options.excludeFolder.empty()
                                      ? fs::path()
                                      : fs::weakly_canonical(m_options.excludeFolder, error);
        auto it = fs::recursive_directory_iterator(
            input, fs::directory_options::skip_permission_denied, error);
        for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
            const std::string name = it->path().filename().string();
            const bool isExcluded = it->is_directory() && !excluded.empty() &&
                                    fs::weakly_canonical(it->path()) == excluded;
            if ((!name.empty() && name[0] == '.') || isExcluded) {
                if (it->is_directory())
                    it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file())
                continue;
            if (isSupported(it->path().string()))
                m_files.push_back(it->path().string());
            else
                ++m_ignoredFiles;
        }
        if (error)
            throw std::runtime_error("input folder " + input + ": " + error.message());
        return;
    }
    if (!fs::exists(input, error))
        throw std::runtime_error("input " + input + ": no such file or folder");
    if (!isSupported(input)) {
        m_issues.push_back({input, "unsupported file type (expected .txt, .md, .jsonl, .html or "
                                   ".htm); skipped"});
        ++m_skippedFiles;
        return;
    }
    m_files.push_back(input);
}

bool CorpusReader::reportBytes(std::uint64_t bytes)
{
    m_progress.bytesRead += bytes;
    if (!m_onProgress || m_progress.bytesRead < m_nextReport)
        return true;
    m_nextReport = m_progress.bytesRead + kReportEveryBytes;
    return m_onProgress(m_progress);
}

bool CorpusReader::checkUtf8(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        m_issues.push_back({path, "cannot be opened; skipped"});
        return false;
    }
    Utf8Validator validator;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (!validator.feed(std::string_view(buffer.data(), std::size_t(in.gcount())))) {
            m_issues.push_back({path + ":" + std::to_string(validator.errorLine()),
                                "not valid UTF-8 (byte " + std::to_string(validator.errorOffset()) +
                                    "); file skipped, convert it to UTF-8 first"});
            return false;
        }
    }
    if (!validator.finish()) {
        m_issues.push_back({path, "not valid UTF-8 (truncated at the end); file skipped"});
        return false;
    }
    return true;
}

bool CorpusReader::readText(const std::string &path, bool html, const DocumentSink &sink)
{
    std::ifstream in(path, std::ios::binary);
    BlockSplitter splitter(m_options, path, sink);
    if (html) {
        // Pages are converted whole: markup can span lines. (HTML files are page-sized.)
        std::ostringstream raw;
        raw << in.rdbuf();
        const std::string page = raw.str();
        if (!reportBytes(page.size()))
            return false;
        std::istringstream text(htmlToText(page));
        for (std::string line; std::getline(text, line);)
            if (!splitter.line(line))
                return false;
        return splitter.finish();
    }
    bool first = true;
    for (std::string line; std::getline(in, line);) {
        if (!reportBytes(line.size() + 1))
            return false;
        if (first)
            stripBom(line);
        first = false;
        if (!splitter.line(line))
            return false;
    }
    return splitter.finish();
}

bool CorpusReader::readJsonl(const std::string &path, const DocumentSink &sink)
{
    std::ifstream in(path, std::ios::binary);
    const QString field = QString::fromStdString(m_options.jsonlField);
    std::uint64_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!reportBytes(line.size() + 1))
            return false;
        if (number == 1)
            stripBom(line);
        if (isBlank(line))
            continue;
        const std::string where = path + ":" + std::to_string(number);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(
            QByteArray::fromRawData(line.data(), qsizetype(line.size())), &error);
        if (error.error != QJsonParseError::NoError) {
            m_issues.push_back({where, "invalid JSON at column " +
                                           std::to_string(error.offset + 1) + ": " +
                                           error.errorString().toStdString() + "; line skipped"});
            continue;
        }
        if (!json.isObject()) {
            m_issues.push_back({where, "not a JSON object; line skipped"});
            continue;
        }
        const QJsonValue value = json.object().value(field);
        if (!value.isString()) {
            m_issues.push_back(
                {where, "field \"" + m_options.jsonlField + "\" " +
                            (value.isUndefined() ? "is missing" : "is not a string") +
                            "; line skipped"});
            continue;
        }
        if (!sink(Document{value.toString().toStdString(), where}))
            return false;
    }
    return true;
}

bool CorpusReader::read(const DocumentSink &onDocument, const ProgressSink &onProgress)
{
    m_onProgress = onProgress;
    m_progress = ImportProgress{};
    m_progress.bytesTotal = m_totalBytes;
    m_progress.filesTotal = m_files.size();
    m_nextReport = 0;
    const DocumentSink counted = [&](Document &&document) {
        ++m_progress.documents;
        return onDocument(std::move(document));
    };
    for (const std::string &path : m_files) {
        if (!checkUtf8(path)) {
            ++m_skippedFiles;
            std::error_code error;
            const auto size = fs::file_size(path, error);
            if (!reportBytes(error ? 0 : size))
                return false;
        } else {
            const std::string ext = extensionOf(path);
            const bool more = ext == ".jsonl"
                                  ? readJsonl(path, counted)
                                  : readText(path, ext == ".html" || ext == ".htm", counted);
            if (!more)
                return false;
        }
        ++m_progress.filesDone;
        if (m_onProgress && !m_onProgress(m_progress))
            return false;
    }
    return true;
}

} // namespace azllm
