#include "import_pipeline.h"

#include "parallel_for.h"

#include <QUrl>

#include <cctype>

namespace azllm {
namespace {

std::size_t wordCount(const std::string &text)
{
    std::size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

} // namespace

ImportPipeline::ImportPipeline(const CleaningOptions &cleaning, const FilterOptions &filters,
                               const DedupeOptions &dedupe, unsigned threads, KeepSink keep,
                               std::size_t batchBytes)
    : m_filter(cleaning, filters), m_dedupeOptions(dedupe), m_dedupe(dedupe),
      m_boilerplate(filters.quality.enabled ? filters.quality.boilerplateDocuments : 0),
      m_threads(threads), m_keep(std::move(keep)), m_batchLimit(batchBytes)
{
}

std::string ImportPipeline::originOf(const Document &document)
{
    if (!document.url.empty()) {
        const QString host = QUrl(QString::fromStdString(document.url)).host();
        if (!host.isEmpty())
            return host.toStdString();
    }
    // "path:12" (a block of a file) and "path#Title" (an article of a dump) come from "path".
    std::string origin = document.source.substr(0, document.source.find('#'));
    const std::size_t colon = origin.rfind(':');
    if (colon != std::string::npos && colon + 1 < origin.size() &&
        std::isdigit(static_cast<unsigned char>(origin[colon + 1])))
        origin.resize(colon);
    return origin;
}

ImportPipeline::~ImportPipeline()
{
    if (m_pending.valid())
        m_pending.wait(); // an error there no longer matters: ours is already under way
}

void ImportPipeline::add(Document &&document)
{
    m_batchBytes += document.text.size();
    m_batch.push_back(std::move(document));
    if (m_batchBytes < m_batchLimit)
        return;
    finishPending();
    m_pending = m_worker.post([this, batch = std::move(m_batch)]() mutable { process(batch); });
    m_batch.clear();
    m_batchBytes = 0;
}

void ImportPipeline::finishPending()
{
    if (m_pending.valid())
        m_pending.get();
}

void ImportPipeline::flush()
{
    finishPending();
    process(m_batch);
    m_batch.clear();
    m_batchBytes = 0;
}

void ImportPipeline::countVerdict(const FilteredDocument &filtered)
{
    switch (filtered.verdict) {
    case FilteredDocument::Verdict::Kept:
        break;
    case FilteredDocument::Verdict::Empty:
        ++m_counts.emptyDocuments;
        break;
    case FilteredDocument::Verdict::Language:
        ++m_counts.filters.languageRemoved;
        break;
    case FilteredDocument::Verdict::Quality:
        ++m_counts.filters.qualityRemoved[std::size_t(filtered.rule)];
        break;
    }
}

void ImportPipeline::process(std::vector<Document> &batch)
{
    const std::size_t n = batch.size();
    std::vector<FilteredDocument> filtered(n);
    sources::parallelFor(n, m_threads,
                         [&](std::size_t i) { filtered[i] = m_filter.apply(batch[i].text); });
    for (const FilteredDocument &f : filtered) {
        ++m_counts.documentsRead;
        countVerdict(f);
        m_counts.filters.piiReplaced += f.piiReplaced;
        if (f.verdict == FilteredDocument::Verdict::Kept)
            m_boilerplate.count(f.lineHashes);
    }
    const int minWords = m_filter.options().quality.minWords;
    std::vector<std::uint64_t> hashes(n);
    std::vector<Deduplicator::Signature> signatures(n);
    std::vector<bool> boilerplate(n, false);
    sources::parallelFor(n, m_threads, [&](std::size_t i) {
        FilteredDocument &f = filtered[i];
        if (f.verdict != FilteredDocument::Verdict::Kept)
            return;
        std::size_t removed = 0;
        if (!f.lineHashes.empty())
            f.text = m_boilerplate.strip(f.text, removed);
        if (removed > 0 && int(wordCount(f.text)) < minWords) {
            boilerplate[i] = true; // nothing but menus and footers was left
            return;
        }
        hashes[i] = textHash(f.text);
        if (m_dedupeOptions.near)
            signatures[i] = m_dedupe.signature(f.text);
    });
    for (std::size_t i = 0; i < n; ++i) {
        FilteredDocument &f = filtered[i];
        if (f.verdict != FilteredDocument::Verdict::Kept)
            continue;
        if (boilerplate[i]) {
            ++m_counts.filters.qualityRemoved[std::size_t(sources::QualityRule::Boilerplate)];
            continue;
        }
        const DuplicateKind kind = m_dedupe.add(hashes[i], signatures[i]);
        m_counts.exactDuplicates += kind == DuplicateKind::Exact;
        m_counts.nearDuplicates += kind == DuplicateKind::Near;
        if (kind != DuplicateKind::Unique)
            continue;
        ++m_counts.documentsKept;
        m_counts.bytesKept += f.text.size();
        m_keep({std::move(f.text), originOf(batch[i]), hashes[i]});
    }
}

} // namespace azllm
