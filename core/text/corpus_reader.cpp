#include "corpus_reader.h"

#include "compressed_input.h"
#include "html_text.h"
#include "json_fields.h"
#include "mediawiki_dump.h"
#include "parallel_for.h"
#include "utf8.h"
#include "wikitext.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace azllm {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kReportEveryBytes = 1 << 20;

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
    const std::string ext = sources::contentExtension(path);
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".jsonl" ||
           ext == ".html" || ext == ".htm" || ext == ".xml";
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
        m_issues.push_back({input, "unsupported file type (expected .txt, .md, .jsonl, .html, "
                                   ".htm or a MediaWiki .xml dump, each possibly .gz, .xz, "
                                   ".zst or .bz2); skipped"});
        ++m_skippedFiles;
        return;
    }
    m_files.push_back(input);
}

// One input file: its decompressed bytes as lines, checked to be UTF-8 as they are read when
// the file is compressed (a plain file is checked whole before reading).
class CorpusReader::FileInput
{
public:
    FileInput(const std::string &path, unsigned threads)
        : m_path(path),
          m_compressed(sources::detectCompression(path) != sources::Compression::None),
          m_input(sources::openInput(path, threads)), m_lines(*m_input)
    {
    }
    const std::string &path() const { return m_path; }
    sources::InputStream &stream() { return *m_input; }
    std::uint64_t fileBytes() const { return m_input->fileBytesRead(); }
    std::uint64_t lineNumber() const { return m_lineNumber; }

    // The next line; false at the end or at the first line that is not UTF-8 (then `bad` is set).
    bool next(std::string &line, bool &bad)
    {
        bad = false;
        if (!m_lines.next(line))
            return false;
        ++m_lineNumber;
        if (m_compressed && !isValidUtf8(line)) {
            bad = true;
            return false;
        }
        return true;
    }

private:
    std::string m_path;
    bool m_compressed;
    std::unique_ptr<sources::InputStream> m_input;
    sources::LineReader m_lines;
    std::uint64_t m_lineNumber = 0;
};

bool CorpusReader::report(const FileInput &file, std::uint64_t textBytes)
{
    m_progress.textBytes += textBytes;
    m_progress.bytesRead = m_filesBefore + file.fileBytes();
    if (!m_onProgress || m_progress.textBytes < m_nextReport)
        return true;
    m_nextReport = m_progress.textBytes + kReportEveryBytes;
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
    // At most 1 MiB, and no more than the file needs: small files are the common case.
    std::error_code unknownSize;
    const std::uintmax_t size = fs::file_size(path, unknownSize);
    std::vector<char> buffer(unknownSize
                                 ? std::size_t(1) << 20
                                 : std::size_t(std::min<std::uintmax_t>(size + 1, 1 << 20)));
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

namespace {

void reportBadLine(std::vector<ImportIssue> &issues, const std::string &path, std::uint64_t line)
{
    issues.push_back({path + ":" + std::to_string(line),
                      "not valid UTF-8; the rest of this compressed file is skipped, convert it "
                      "to UTF-8 first"});
}

} // namespace

bool CorpusReader::readText(FileInput &file, bool html, const DocumentSink &sink)
{
    BlockSplitter splitter(m_options, file.path(), sink);
    std::string line;
    bool bad = false;
    if (html) {
        // Pages are converted whole: markup can span lines. (HTML files are page-sized.)
        std::string page;
        while (file.next(line, bad))
            page.append(line).push_back('\n');
        if (bad)
            reportBadLine(m_issues, file.path(), file.lineNumber());
        if (!report(file, page.size()))
            return false;
        std::istringstream text(htmlToText(page));
        for (std::string textLine; std::getline(text, textLine);)
            if (!splitter.line(textLine))
                return false;
        return splitter.finish();
    }
    bool first = true;
    while (file.next(line, bad)) {
        if (!report(file, line.size() + 1))
            return false;
        if (first)
            stripBom(line);
        first = false;
        if (!splitter.line(line))
            return false;
    }
    if (bad)
        reportBadLine(m_issues, file.path(), file.lineNumber());
    return splitter.finish();
}

namespace {

// One line through QJsonDocument: the lines the fast reader leaves (json_fields.h), and every
// error message. False (with an issue) when the line gives no document.
bool readJsonWithQt(const std::string &line, const std::string &where, const std::string &field,
                    std::vector<ImportIssue> &issues, Document &document)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromRawData(line.data(), qsizetype(line.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        issues.push_back({where, "invalid JSON at column " + std::to_string(error.offset + 1) +
                                     ": " + error.errorString().toStdString() + "; line skipped"});
        return false;
    }
    if (!json.isObject()) {
        issues.push_back({where, "not a JSON object; line skipped"});
        return false;
    }
    const QJsonObject object = json.object();
    const QJsonValue value = object.value(QString::fromStdString(field));
    if (!value.isString()) {
        issues.push_back({where, "field \"" + field + "\" " +
                                     (value.isUndefined() ? "is missing" : "is not a string") +
                                     "; line skipped"});
        return false;
    }
    document = Document{value.toString().toStdString(), where, {}, {}};
    document.title = object.value(QLatin1String("title")).toString().toStdString();
    document.url = object.value(QLatin1String("url")).toString().toStdString();
    return true;
}

} // namespace

bool CorpusReader::readJsonl(FileInput &file, const DocumentSink &sink)
{
    std::string line;
    JsonLineFields fields;
    bool bad = false;
    while (file.next(line, bad)) {
        const std::uint64_t number = file.lineNumber();
        if (!report(file, line.size() + 1))
            return false;
        if (number == 1)
            stripBom(line);
        if (isBlank(line))
            continue;
        std::string where = file.path() + ":" + std::to_string(number);
        Document document;
        // Every line is valid UTF-8 here: a plain file was checked whole, a compressed one
        // line by line.
        if (readJsonFields(line, m_options.jsonlField, fields, Utf8State::Checked))
            document = Document{std::move(fields.text), std::move(where), std::move(fields.title),
                                std::move(fields.url)};
        else if (!readJsonWithQt(line, where, m_options.jsonlField, m_issues, document))
            continue;
        if (!sink(std::move(document)))
            return false;
    }
    if (bad)
        reportBadLine(m_issues, file.path(), file.lineNumber());
    return true;
}

bool CorpusReader::readWikiDump(FileInput &file, const DocumentSink &sink)
{
    sources::MediaWikiDumpReader dump(file.stream());
    // Articles are converted in batches on every core, then handed out in dump order.
    constexpr std::size_t kBatchBytes = 4 << 20;
    std::vector<sources::WikiPage> batch;
    std::vector<std::string> texts;
    std::size_t batchBytes = 0;
    std::uint64_t lastBytes = 0;
    const auto flush = [&]() -> bool {
        texts.assign(batch.size(), {});
        sources::parallelFor(batch.size(), m_options.threads, [&](std::size_t i) {
            texts[i] = sources::wikitextToText(batch[i].text);
        });
        for (std::size_t i = 0; i < batch.size(); ++i) {
            Document document{
                std::move(texts[i]), file.path() + "#" + batch[i].title, batch[i].title, {}};
            if (!sink(std::move(document)))
                return false;
        }
        batch.clear();
        batchBytes = 0;
        const std::uint64_t bytes = dump.bytesRead();
        const bool more = report(file, bytes - lastBytes);
        lastBytes = bytes;
        return more;
    };
    sources::WikiPage page;
    while (dump.next(page)) {
        if (page.ns != 0 || page.redirect || sources::isRedirectWikitext(page.text))
            continue;
        if (m_skip > 0) { // resuming: passed over without converting
            --m_skip;
            ++m_position.documents;
            continue;
        }
        batchBytes += page.text.size();
        batch.push_back(std::move(page));
        if (batchBytes >= kBatchBytes && !flush())
            return false;
    }
    return flush();
}

bool CorpusReader::readFile(const std::string &path, const DocumentSink &sink)
{
    const std::string ext = sources::contentExtension(path);
    const bool compressed = sources::detectCompression(path) != sources::Compression::None;
    // A plain file is checked whole first (it is cheap to read twice); a compressed one as it
    // is decompressed.
    if (!compressed && !checkUtf8(path)) {
        ++m_skippedFiles;
        return true;
    }
    try {
        FileInput file(path, m_options.threads);
        if (ext == ".xml")
            return readWikiDump(file, sink);
        if (ext == ".jsonl")
            return readJsonl(file, sink);
        return readText(file, ext == ".html" || ext == ".htm", sink);
    } catch (const sources::InputError &error) {
        // The documents before the damage are kept; the rest of the file is lost.
        m_issues.push_back({path, std::string(error.what()) + "; the rest of the file is skipped"});
        return true;
    }
}

bool CorpusReader::read(const DocumentSink &onDocument, const ProgressSink &onProgress,
                        ReadPosition start)
{
    m_onProgress = onProgress;
    m_progress = ImportProgress{};
    m_progress.bytesTotal = m_totalBytes;
    m_progress.filesTotal = m_files.size();
    m_nextReport = 0;
    m_filesBefore = 0;
    const DocumentSink counted = [&](Document &&document) {
        ++m_position.documents;
        if (m_skip > 0) {
            --m_skip;
            return true;
        }
        ++m_progress.documents;
        return onDocument(std::move(document));
    };
    for (std::size_t index = 0; index < m_files.size(); ++index) {
        const std::string &path = m_files[index];
        std::error_code error;
        const std::uint64_t size = fs::file_size(path, error);
        m_position = {index, 0};
        m_skip = index == start.fileIndex ? start.documents : 0;
        // Files before the start were read by an earlier run.
        if (index >= start.fileIndex && !readFile(path, counted))
            return false;
        m_filesBefore += error ? 0 : size;
        m_progress.bytesRead = m_filesBefore;
        ++m_progress.filesDone;
        if (m_onProgress && !m_onProgress(m_progress))
            return false;
    }
    m_position = {m_files.size(), 0};
    return true;
}

} // namespace azllm
