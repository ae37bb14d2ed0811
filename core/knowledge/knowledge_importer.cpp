#include "knowledge_importer.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include "knowledge_error.h"
#include "knowledge_store.h"

namespace azllm {

KnowledgeImporter::KnowledgeImporter(KnowledgeStore &store, qint64 baseId, ChunkingOptions options)
    : m_store(store), m_baseId(baseId), m_chunker(options)
{
    const std::optional<KnowledgeBaseRecord> base = store.base(baseId);
    if (!base)
        throw KnowledgeError("the knowledge base no longer exists");
    m_prefixLength = base->prefixLength;
}

KnowledgeImportReport KnowledgeImporter::import(const QStringList &inputs,
                                                const ProgressSink &progress)
{
    QElapsedTimer clock;
    clock.start();
    KnowledgeImportReport report;
    const FileListing listing = listKnowledgeFiles(inputs);
    report.issues = listing.issues;
    report.skipped = int(listing.issues.size());
    report.ignored = listing.ignored;
    KnowledgeImportProgress state;
    state.filesTotal = int(listing.files.size());
    for (const QString &file : listing.files)
        state.bytesTotal += QFileInfo(file).size();
    for (const QString &file : listing.files) {
        state.currentFile = file;
        if (progress && !progress(state)) {
            report.cancelled = true;
            break;
        }
        if (!importFile(file, report))
            ++report.skipped;
        ++state.filesDone;
        state.bytesDone += QFileInfo(file).size();
    }
    state.currentFile.clear();
    if (progress && !report.cancelled)
        progress(state);
    report.seconds = double(clock.nsecsElapsed()) / 1e9;
    return report;
}

bool KnowledgeImporter::importFile(const QString &path, KnowledgeImportReport &report)
{
    const std::optional<KnowledgeFile> file = readKnowledgeFile(path, report.issues);
    if (!file)
        return false;
    report.bytes += file->bytes;
    const std::optional<KnowledgeDocumentRecord> existing =
        m_store.documentAt(m_baseId, file->path);
    if (existing && existing->contentHash == file->hash) {
        ++report.unchanged;
        return true;
    }
    const QVector<DocumentChunk> chunks = m_chunker.chunk(file->lines);
    if (chunks.isEmpty()) {
        report.issues.push_back({path, QStringLiteral("holds no text; skipped")});
        return false;
    }
    KnowledgeDocumentRecord document;
    document.baseId = m_baseId;
    document.name = existing ? existing->name : file->name; // a renamed document stays renamed
    document.title = DocumentChunker::titleOf(file->lines, file->name);
    document.path = file->path;
    document.format = file->format;
    document.contentHash = file->hash;
    document.bytes = file->bytes;
    document.lines = file->lines.isEmpty() ? 0 : file->lines.back().number;
    m_store.replaceDocument(document, chunks, m_prefixLength);
    ++(existing ? report.replaced : report.added);
    report.chunks += int(chunks.size());
    report.documents << document.name;
    return true;
}

} // namespace azllm
