// The files a knowledge base imports, read into numbered lines: whatever core/text's
// CorpusReader reads (txt, md, html, jsonl, ...), and PDF.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "document_chunker.h"

namespace azllm {

// A file that could not be used, and why.
struct FileIssue
{
    QString where; // "file" or "file:line"
    QString message;
    QString toString() const { return where + QStringLiteral(": ") + message; }
};

struct KnowledgeFile
{
    QString path;   // absolute
    QString name;   // the file name without its extension(s): the document's name
    QString format; // "md", "txt", "html", "jsonl", "pdf", ...
    QString hash;   // SHA-1 of the file's bytes: an unchanged file is not imported again
    qint64 bytes = 0;
    QVector<SourceLine> lines;
};

struct FileListing
{
    QStringList files; // absolute paths, sorted
    QVector<FileIssue> issues;
    int ignored = 0; // files inside folders of a type no reader knows
};

// The importable files under inputs (folders recursively, hidden entries skipped). A path that
// does not exist, or a file given by name whose type is not importable, becomes an issue.
FileListing listKnowledgeFiles(const QStringList &inputs);

bool isPdf(const QString &path);

// Reads one file; nullopt when it cannot be used at all. Problems (a file that is not UTF-8, a
// damaged PDF, a malformed JSONL line) are appended to issues; what can be read is kept.
std::optional<KnowledgeFile> readKnowledgeFile(const QString &path, QVector<FileIssue> &issues);

} // namespace azllm
