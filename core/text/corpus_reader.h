// Streams documents out of files and folders: .txt, .md, .jsonl, .html/.htm, MediaWiki XML
// dumps (.xml), each also compressed (.gz, .xz, .zst, .bz2; recognised by their magic bytes,
// decompressed on other threads: core/sources/compressed_input.h).
//
// Documents: a .txt/.md/.html file is one document (a longer one is cut at blank lines into
// pieces of about maxDocumentBytes, so no document has to fit in memory whole), or, with
// paragraphDocuments, each blank-line-separated block is one. A .jsonl line is one document
// (its `text` field, or the configured one). Problems (a malformed JSONL line, a file that is
// not UTF-8) are collected as issues naming file and line; the rest is imported. A MediaWiki
// dump gives one document per article (namespace 0, redirects skipped), its wikitext turned
// into plain text on every core (core/sources/wikitext.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace azllm {

struct Document
{
    std::string text;
    std::string source; // "path", or "path:line" when a file holds several documents
    std::string title;  // an article's title (dumps; JSONL "title" fields), else empty
    std::string url;    // where a collected page came from (JSONL "url" fields), else empty
};

// Where reading stands: documents of files before fileIndex and the first `documents` of that
// file have been handed out. Reading can start from such a point (resuming an import).
struct ReadPosition
{
    std::size_t fileIndex = 0;
    std::uint64_t documents = 0;
};

struct ImportOptions
{
    std::string jsonlField = "text";
    bool paragraphDocuments = false;
    std::size_t maxDocumentBytes = 1 << 20;
    // A folder never read (the pipeline's own output folder, when it lies inside an input).
    std::string excludeFolder;
    // Threads that decompress and convert wikitext (0: one per core).
    unsigned threads = 0;
};

struct ImportIssue
{
    std::string where; // "file" or "file:line"
    std::string message;
    std::string toString() const { return where + ": " + message; }
};

struct ImportProgress
{
    std::uint64_t bytesRead = 0;  // of the files as stored (compressed bytes for compressed ones)
    std::uint64_t bytesTotal = 0; // the files' sizes
    std::uint64_t textBytes = 0;  // uncompressed text read
    std::uint64_t documents = 0;
    std::size_t filesDone = 0;
    std::size_t filesTotal = 0;
};

class CorpusReader
{
public:
    // Return false to stop reading (cancel).
    using DocumentSink = std::function<bool(Document &&)>;
    using ProgressSink = std::function<bool(const ImportProgress &)>;

    // Lists the files now (folders recursively, hidden entries skipped, sorted so every run
    // sees the same order). Throws std::runtime_error for an input that does not exist.
    CorpusReader(const std::vector<std::string> &inputs, ImportOptions options = {});

    static bool isSupported(const std::string &path);

    const std::vector<std::string> &files() const { return m_files; }
    std::uint64_t totalBytes() const { return m_totalBytes; }
    // Files in folders with other extensions, passed over.
    std::size_t ignoredFiles() const { return m_ignoredFiles; }
    std::size_t skippedFiles() const { return m_skippedFiles; }
    const std::vector<ImportIssue> &issues() const { return m_issues; }

    // Reads every file; returns false when a sink asked to stop. From `start`, the documents
    // before it are passed over without being converted or handed out.
    bool read(const DocumentSink &onDocument, const ProgressSink &onProgress = {},
              ReadPosition start = {});
    // After (or during) read(): the position just past the last document handed out.
    ReadPosition position() const { return m_position; }

private:
    class FileInput;
    void addInput(const std::string &input);
    bool checkUtf8(const std::string &path);
    bool readFile(const std::string &path, const DocumentSink &sink);
    bool readText(FileInput &file, bool html, const DocumentSink &sink);
    bool readJsonl(FileInput &file, const DocumentSink &sink);
    bool readWikiDump(FileInput &file, const DocumentSink &sink);
    bool report(const FileInput &file, std::uint64_t textBytes);

    ImportOptions m_options;
    std::vector<std::string> m_files;
    std::uint64_t m_totalBytes = 0;
    std::size_t m_ignoredFiles = 0;
    std::size_t m_skippedFiles = 0;
    std::vector<ImportIssue> m_issues;
    ImportProgress m_progress;
    ProgressSink m_onProgress;
    std::uint64_t m_nextReport = 0;
    std::uint64_t m_filesBefore = 0; // bytes of the files already read
    ReadPosition m_position;
    std::uint64_t m_skip = 0; // documents of the current file still to pass over
};

} // namespace azllm
