// The import stage of CorpusPreparer: documents in batches through cleaning and the filters on
// every core, then, in document order, the cross-document steps (boilerplate lines, exact and
// near dedupe). The result depends on the documents and options only, never on the thread count.
//
//   batch ──(parallel) clean, language, quality, PII, line hashes
//         ──(in order) count lines across documents
//         ──(parallel) strip boilerplate lines, content hash, MinHash signature
//         ──(in order) dedupe ──> kept documents
//
// A full batch goes through on a worker thread (kept) while the caller reads the next one, so
// decompression and parsing overlap the filters; batches still go through one at a time, in
// order, so the result stays the same.
#pragma once

#include "corpus_reader.h"
#include "deduplicator.h"
#include "document_filter.h"
#include "thread_pool.h"

#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

namespace azllm {

struct ImportCounts
{
    std::uint64_t documentsRead = 0, emptyDocuments = 0, exactDuplicates = 0, nearDuplicates = 0,
                  documentsKept = 0, bytesKept = 0;
    FilterCounts filters;
};

struct KeptDocument
{
    std::string text;
    std::string origin; // the site (for collected pages) or the input file it came from
    std::uint64_t hash = 0;
};

class ImportPipeline
{
public:
    using KeepSink = std::function<void(KeptDocument &&)>;

    ImportPipeline(const CleaningOptions &cleaning, const FilterOptions &filters,
                   const DedupeOptions &dedupe, unsigned threads, KeepSink keep,
                   std::size_t batchBytes = 4 << 20);

    ImportPipeline(const ImportPipeline &) = delete;
    ImportPipeline &operator=(const ImportPipeline &) = delete;
    ~ImportPipeline();

    // Queues a document; a full batch (batchBytes of text) starts through the pipeline in the
    // background (the keep sink is then called from the worker, one batch at a time).
    void add(Document &&document);
    // Processes what is queued and waits for it. After it, every document added so far is
    // counted or kept.
    void flush();
    // Waits for the batch in the background, if any (rethrows its error). After it, every
    // document added before the last full batch is counted or kept.
    void finishPending();
    // Documents added since the last full batch (not yet on their way).
    bool hasQueued() const { return !m_batch.empty(); }

    const ImportCounts &counts() const { return m_counts; }
    ImportCounts &counts() { return m_counts; }
    Deduplicator &deduplicator() { return m_dedupe; }
    sources::BoilerplateDetector &boilerplate() { return m_boilerplate; }

    // The origin recorded for a document: its URL's host, or its file.
    static std::string originOf(const Document &document);

private:
    void countVerdict(const FilteredDocument &filtered);
    void process(std::vector<Document> &batch);

    DocumentFilter m_filter;
    DedupeOptions m_dedupeOptions;
    Deduplicator m_dedupe;
    sources::BoilerplateDetector m_boilerplate;
    unsigned m_threads;
    KeepSink m_keep;
    std::vector<Document> m_batch;
    std::size_t m_batchBytes = 0;
    std::size_t m_batchLimit;
    ImportCounts m_counts;
    sources::ThreadPool m_worker{1}; // takes the batches one at a time, in order
    std::future<void> m_pending;     // the batch in the background (last: waited for first)
};

} // namespace azllm
