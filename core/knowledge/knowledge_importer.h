// Imports files and folders into a knowledge base: read (knowledge_file.h), chunked
// (document_chunker.h) and stored with their index rows, one transaction per document. A file
// imported again replaces its chunks when its bytes changed and is passed over when not; a file
// that cannot be read is reported and skipped, the others are imported.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

#include "document_chunker.h"
#include "knowledge_file.h"

namespace azllm {

class KnowledgeStore;

struct KnowledgeImportProgress
{
    int filesDone = 0;
    int filesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString currentFile;
};

struct KnowledgeImportReport
{
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    int skipped = 0;
    int ignored = 0; // files in the folders of a type no reader knows
    int chunks = 0;  // chunks written
    qint64 bytes = 0; // bytes of the files read
    double seconds = 0;
    bool cancelled = false;
    QVector<FileIssue> issues;
    QStringList documents; // names of the documents added or replaced
};

class KnowledgeImporter
{
public:
    using ProgressSink = std::function<bool(const KnowledgeImportProgress &)>;

    KnowledgeImporter(KnowledgeStore &store, qint64 baseId, ChunkingOptions options = {});

    // progress returning false cancels before the next file: the documents stored so far stay,
    // complete. Throws DatabaseError when studio.db refuses a write.
    KnowledgeImportReport import(const QStringList &inputs, const ProgressSink &progress = {});

private:
    // Returns false when the file was skipped.
    bool importFile(const QString &path, KnowledgeImportReport &report);

    KnowledgeStore &m_store;
    qint64 m_baseId;
    int m_prefixLength = 5;
    DocumentChunker m_chunker;
};

} // namespace azllm
