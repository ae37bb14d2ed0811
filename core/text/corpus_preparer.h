// Corpus → tokenizer → token shards, headless: what `azllm prepare` runs now and the Data
// screen's worker thread will run later.
//
// Stages: import and clean every document, filter it (language, quality, personal data), drop
// empty, boilerplate, exact and near duplicates, spool the rest to a work folder
// (import_pipeline.h, on every core); split by document (seeded); train the tokenizer on the
// training split; encode both splits into token shards (</s> after each document); gather
// statistics on the validation split. Everything is written in a work folder inside the output
// folder (DIR/.prepare-work) and moved into place only at the end, so a cancel or an error
// leaves no half-written tokenizer or shard. The import checkpoints itself there as it goes: an
// interrupted run (killed, crashed, or cancelled with keepWorkOnCancel) resumes where it stopped.
#pragma once

#include "corpus_reader.h"
#include "deduplicator.h"
#include "document_filter.h"
#include "text_cleaner.h"
#include "token_statistics.h"
#include "tokenizer_trainer.h"

#include <functional>
#include <string>
#include <vector>

namespace azllm {

struct PrepareOptions
{
    std::vector<std::string> inputs; // files and folders
    std::string outputDir;
    ImportOptions import;
    CleaningOptions cleaning;
    FilterOptions filters;
    DedupeOptions dedupe;
    double valRatio = 0.05; // share of documents held out (at least one when there are two)
    unsigned splitSeed = 1234;
    TokenizerTrainingOptions tokenizer;
    // When set, this trained tokenizer is copied and used instead of training one.
    std::string existingTokenizer;
    // Threads for decompression, conversion, filters and encoding (0: one per core).
    unsigned threads = 0;
    // Resume an import of the same inputs and options from its checkpoint, when there is one.
    bool resume = true;
    // A cancel keeps the work folder (and its checkpoint), so the next run resumes.
    bool keepWorkOnCancel = false;
    // Text imported between two checkpoints (they are also written every 30 s at most).
    std::uint64_t checkpointEveryBytes = 64ull << 20;
    // Text filtered per parallel batch: large enough to keep every core busy.
    std::size_t importBatchBytes = 4 << 20;
};

enum class PrepareStage
{
    Import,
    TrainTokenizer,
    WriteShards,
    Done
};
const char *toString(PrepareStage stage);

struct PrepareProgress
{
    PrepareStage stage = PrepareStage::Import;
    std::uint64_t done = 0;  // bytes (import: of the files as stored; shards: of text)
    std::uint64_t total = 0; // 0 when unknown
    std::uint64_t documents = 0;
    std::uint64_t textBytes = 0; // import: uncompressed text read so far
    double secondsLeft = -1;     // estimated from this stage's rate; -1 when unknown
};

// Called often (about every MiB); return false to cancel.
using PrepareCallback = std::function<bool(const PrepareProgress &)>;

struct PrepareReport
{
    bool cancelled = false;
    // Import and cleaning.
    std::size_t files = 0, filesSkipped = 0, filesIgnored = 0;
    std::uint64_t bytes = 0;
    std::uint64_t documentsRead = 0, emptyDocuments = 0, exactDuplicates = 0, nearDuplicates = 0,
                  documentsKept = 0;
    std::uint64_t textBytes = 0; // uncompressed
    FilterCounts filters;
    // Documents an earlier, interrupted run had read; 0 when this run started afresh.
    std::uint64_t resumedDocuments = 0;
    std::vector<ImportIssue> issues;
    // Where the kept documents came from (a site, or an input file), with their tokens.
    struct Origin
    {
        std::string name;
        std::uint64_t documents = 0, tokens = 0;
    };
    std::vector<Origin> origins;
    // Split and shards.
    std::uint64_t trainDocuments = 0, valDocuments = 0, trainTokens = 0, valTokens = 0;
    // Tokenizer.
    std::string modelType;
    int vocabSize = 0;
    // Statistics on the validation split (on the training split when that is empty).
    TokenStatistics statistics;
    bool statisticsOnTrain = false;
    // Wall time of each stage, seconds.
    double importSeconds = 0, tokenizerSeconds = 0, shardSeconds = 0;
    // Output files.
    std::string tokenizerPath, trainPath, valPath, reportPath;

    // report.txt (format in docs/text_pipeline.md).
    std::string toText() const;
};

class CorpusPreparer
{
public:
    explicit CorpusPreparer(PrepareOptions options) : m_options(std::move(options)) {}

    // Throws std::runtime_error (bad input, empty corpus, training failure); a cancel returns a
    // report with cancelled set and leaves the output folder as it was.
    PrepareReport run(const PrepareCallback &progress = {});

private:
    PrepareOptions m_options;
};

} // namespace azllm
