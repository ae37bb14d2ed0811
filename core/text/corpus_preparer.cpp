#include "corpus_preparer.h"

#include "import_checkpoint.h"
#include "import_pipeline.h"
#include "parallel_for.h"
#include "special_tokens.h"
#include "token_file.h"
#include "tokenizer.h"
#include "training_sample.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace azllm {

namespace fs = std::filesystem;

const char *toString(PrepareStage stage)
{
    switch (stage) {
    case PrepareStage::Import:
        return "import";
    case PrepareStage::TrainTokenizer:
        return "tokenizer";
    case PrepareStage::WriteShards:
        return "shards";
    case PrepareStage::Done:
        break;
    }
    return "done";
}

namespace {

// The import's dedupe tables (hundreds of MB on a big corpus) are freed as many small blocks
// that glibc keeps in its heap, while SentencePiece's large buffers come from fresh mappings:
// without this, the two stages' memory adds up instead of the peak being the larger one.
void returnFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

struct Cancelled
{
};

// The run's work folder: removed with everything in it when the run ends, unless it is kept
// for a later run to resume from.
class WorkFolder
{
public:
    explicit WorkFolder(const fs::path &outputDir) : m_path(outputDir / ".prepare-work")
    {
        fs::create_directories(m_path);
    }
    ~WorkFolder()
    {
        std::error_code ignored;
        if (!m_keep)
            fs::remove_all(m_path, ignored);
    }
    WorkFolder(const WorkFolder &) = delete;
    WorkFolder &operator=(const WorkFolder &) = delete;
    std::string file(const char *name) const { return (m_path / name).string(); }
    void keep(bool keep) { m_keep = keep; }
    // Empties it for a fresh start.
    void clear()
    {
        for (const auto &entry : fs::directory_iterator(m_path))
            fs::remove_all(entry.path());
    }

private:
    fs::path m_path;
    bool m_keep = false;
};

// Kept documents, length-prefixed with their origin, so later stages stream them instead of
// holding them: [u32 bytes][u32 origin index][text] each.
class DocumentSpool
{
public:
    explicit DocumentSpool(std::string path) : m_path(std::move(path)) {}
    ~DocumentSpool()
    {
        if (m_file)
            std::fclose(m_file);
    }
    DocumentSpool(const DocumentSpool &) = delete;
    DocumentSpool &operator=(const DocumentSpool &) = delete;

    // Opens for writing, keeping the first keepBytes (a resumed import's spool).
    void open(std::uint64_t keepBytes = 0)
    {
        if (keepBytes > 0)
            fs::resize_file(m_path, keepBytes);
        m_file = std::fopen(m_path.c_str(), keepBytes > 0 ? "ab" : "wb");
        if (!m_file)
            throw std::runtime_error("cannot write " + m_path);
        m_bytes = keepBytes;
    }
    void write(const std::string &text, std::uint32_t origin)
    {
        const std::uint32_t header[2] = {static_cast<std::uint32_t>(text.size()), origin};
        if (std::fwrite(header, sizeof header, 1, m_file) != 1 ||
            std::fwrite(text.data(), 1, text.size(), m_file) != text.size())
            throw std::runtime_error("writing " + m_path + " failed (disk full?)");
        m_bytes += sizeof header + text.size();
    }
    // Everything written so far is on the disk (before a checkpoint names its length).
    void sync()
    {
        if (std::fflush(m_file) != 0 || ::fsync(::fileno(m_file)) != 0)
            throw std::runtime_error("writing " + m_path + " failed (disk full?)");
    }
    void close()
    {
        const bool ok = std::fclose(m_file) == 0;
        m_file = nullptr;
        if (!ok)
            throw std::runtime_error("writing " + m_path + " failed (disk full?)");
    }
    std::uint64_t bytes() const { return m_bytes; }
    // Calls f(index, origin, text) for each document in order.
    template <typename F> void forEach(F f) const
    {
        std::ifstream in(m_path, std::ios::binary);
        std::string text;
        std::uint32_t header[2] = {};
        for (std::uint64_t index = 0; in.read(reinterpret_cast<char *>(header), sizeof header);
             ++index) {
            text.resize(header[0]);
            in.read(text.data(), header[0]);
            f(index, header[1], text);
        }
    }

private:
    std::string m_path;
    std::FILE *m_file = nullptr;
    std::uint64_t m_bytes = 0;
};

// Text encoded per batch in the shard stage: large enough to keep every core busy, small
// enough that a cancel is seen within a second or two.
constexpr std::uint64_t kBatchBytes = 4 << 20;

// Encodes texts on all cores; ids[i] belongs to texts[i]. Rethrows a worker's error.
void encodeBatch(const Tokenizer &tokenizer, const std::vector<std::string> &texts,
                 std::vector<std::vector<int>> &ids, unsigned threads)
{
    ids.resize(texts.size());
    sources::parallelFor(texts.size(), threads, [&](std::size_t i) {
        ids[i].clear();
        tokenizer.encodeAppend(texts[i], ids[i]);
    });
}

std::uint64_t splitKey(std::uint64_t contentHash, unsigned seed)
{
    return textHash(std::to_string(contentHash) + ":" + std::to_string(seed));
}

// Marks the documents whose seeded keys are smallest as validation: the same documents for
// the same seed and corpus whatever order or machine, and exactly round(n * ratio) of them.
std::vector<bool> chooseValidation(const std::vector<std::uint64_t> &hashes, double ratio,
                                   unsigned seed)
{
    const std::size_t n = hashes.size();
    std::size_t count = static_cast<std::size_t>(std::llround(double(n) * ratio));
    if (ratio > 0 && n >= 2)
        count = std::clamp<std::size_t>(count, 1, n - 1);
    std::vector<std::pair<std::uint64_t, std::size_t>> keys;
    keys.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        keys.emplace_back(splitKey(hashes[i], seed), i);
    std::vector<bool> validation(n, false);
    if (count == 0 || count >= n)
        return validation;
    std::nth_element(keys.begin(), keys.begin() + std::ptrdiff_t(count), keys.end());
    for (std::size_t i = 0; i < count; ++i)
        validation[keys[i].second] = true;
    return validation;
}

class Run
{
public:
    Run(const PrepareOptions &options, const PrepareCallback &callback)
        : m_options(options), m_callback(callback), m_work(options.outputDir),
          m_spool(m_work.file("documents.bin"))
    {
    }

    PrepareReport execute()
    {
        auto seconds = [start = std::chrono::steady_clock::now()]() mutable {
            const auto now = std::chrono::steady_clock::now();
            const double elapsed = std::chrono::duration<double>(now - start).count();
            start = now;
            return elapsed;
        };
        importDocuments();
        returnFreedMemory();
        m_report.importSeconds = seconds();
        m_validation = chooseValidation(m_hashes, m_options.valRatio, m_options.splitSeed);
        const Tokenizer tokenizer = makeTokenizer();
        m_report.tokenizerSeconds = seconds();
        writeShards(tokenizer);
        m_report.shardSeconds = seconds();
        commit();
        return m_report;
    }

private:
    void progress(PrepareStage stage, std::uint64_t done, std::uint64_t total,
                  std::uint64_t textBytes = 0)
    {
        if (!m_callback)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (stage != m_stage) {
            m_stage = stage;
            m_stageStart = now;
            m_stageStartDone = done;
        }
        PrepareProgress p{stage, done, total, m_report.documentsKept, textBytes, -1};
        const double seconds = std::chrono::duration<double>(now - m_stageStart).count();
        if (total > done && done > m_stageStartDone && seconds > 1)
            p.secondsLeft = seconds * double(total - done) / double(done - m_stageStartDone);
        if (stage == PrepareStage::Import)
            p.documents = m_documentsSeen;
        if (!m_callback(p))
            throw Cancelled{};
    }

    std::uint32_t originIndex(const std::string &name)
    {
        const auto found = m_originIndex.find(name);
        if (found != m_originIndex.end())
            return found->second;
        m_report.origins.push_back({name, 0, 0});
        return m_originIndex[name] = std::uint32_t(m_report.origins.size() - 1);
    }

    void keep(KeptDocument &&kept)
    {
        const std::uint32_t origin = originIndex(kept.origin);
        ++m_report.origins[origin].documents;
        m_spool.write(kept.text, origin);
        m_hashes.push_back(kept.hash);
    }

    void saveCheckpoint(const ReadPosition &position, ImportPipeline &pipeline)
    {
        pipeline.finishPending(); // the spool and the counts then cover everything read
        m_spool.sync();
        ImportCheckpoint checkpoint{m_fingerprint,
                                    position,
                                    m_spool.bytes(),
                                    pipeline.counts(),
                                    pipeline.boilerplate().snapshot(),
                                    {}};
        for (const PrepareReport::Origin &origin : m_report.origins)
            checkpoint.origins.push_back(origin.name);
        checkpoint.save(m_work.file("checkpoint.txt"));
    }

    // Picks up an interrupted import of the same work: the spool cut back to the checkpoint,
    // the dedupe state rebuilt from it. Otherwise starts afresh.
    ReadPosition resumeOrStart(ImportPipeline &pipeline)
    {
        const std::string spool = m_work.file("documents.bin");
        std::optional<ImportCheckpoint> checkpoint;
        if (m_options.resume)
            checkpoint = ImportCheckpoint::load(m_work.file("checkpoint.txt"), m_fingerprint);
        std::error_code error;
        if (!checkpoint || fs::file_size(spool, error) < checkpoint->spoolBytes || error) {
            m_work.clear();
            m_spool.open();
            return {};
        }
        fs::resize_file(spool, checkpoint->spoolBytes);
        for (const std::string &name : checkpoint->origins)
            originIndex(name);
        std::vector<std::string> texts;
        const auto rebuild = [&] {
            std::vector<Deduplicator::Signature> signatures(texts.size());
            sources::parallelFor(texts.size(), m_options.threads, [&](std::size_t i) {
                if (m_options.dedupe.near)
                    signatures[i] = pipeline.deduplicator().signature(texts[i]);
            });
            for (std::size_t i = 0; i < texts.size(); ++i) {
                m_hashes.push_back(textHash(texts[i]));
                pipeline.deduplicator().add(m_hashes.back(), signatures[i]);
            }
            texts.clear();
        };
        m_spool.forEach([&](std::uint64_t, std::uint32_t origin, const std::string &text) {
            ++m_report.origins.at(origin).documents;
            texts.push_back(text);
            if (texts.size() == 4096)
                rebuild();
        });
        rebuild();
        pipeline.counts() = checkpoint->counts;
        pipeline.boilerplate().restore(checkpoint->boilerplate);
        m_report.resumedDocuments = checkpoint->counts.documentsRead;
        m_spool.open(checkpoint->spoolBytes);
        return checkpoint->position;
    }

    void importDocuments()
    {
        ImportOptions importOptions = m_options.import;
        importOptions.excludeFolder = m_options.outputDir; // never read our own report.txt
        importOptions.threads = m_options.threads;
        CorpusReader reader(m_options.inputs, importOptions);
        m_report.files = reader.files().size();
        m_report.bytes = reader.totalBytes();
        m_fingerprint = importFingerprint(reader.files(), m_options);
        ImportPipeline pipeline(
            m_options.cleaning, m_options.filters, m_options.dedupe, m_options.threads,
            [this](KeptDocument &&kept) { keep(std::move(kept)); }, m_options.importBatchBytes);
        const ReadPosition start = resumeOrStart(pipeline);
        m_documentsSeen = m_report.resumedDocuments;
        auto lastCheckpoint = std::chrono::steady_clock::now();
        std::uint64_t textBytes = 0, checkpointAt = m_options.checkpointEveryBytes;
        const bool finished = reader.read(
            [&](Document &&document) {
                ++m_documentsSeen;
                textBytes += document.text.size();
                pipeline.add(std::move(document));
                const auto now = std::chrono::steady_clock::now();
                // Right after a batch went through, everything read so far is accounted for.
                if (!pipeline.hasQueued() && (textBytes >= checkpointAt ||
                                              now - lastCheckpoint > std::chrono::seconds(30))) {
                    saveCheckpoint(reader.position(), pipeline);
                    checkpointAt = textBytes + m_options.checkpointEveryBytes;
                    lastCheckpoint = now;
                }
                return true;
            },
            [&](const ImportProgress &p) {
                try {
                    progress(PrepareStage::Import, p.bytesRead, p.bytesTotal, p.textBytes);
                } catch (const Cancelled &) {
                    return false;
                }
                return true;
            },
            start);
        pipeline.flush();
        const ImportCounts &counts = pipeline.counts();
        m_report.documentsRead = counts.documentsRead;
        m_report.emptyDocuments = counts.emptyDocuments;
        m_report.exactDuplicates = counts.exactDuplicates;
        m_report.nearDuplicates = counts.nearDuplicates;
        m_report.documentsKept = counts.documentsKept;
        m_report.filters = counts.filters;
        m_report.textBytes = textBytes;
        m_bytesKept = counts.bytesKept;
        m_report.issues = reader.issues();
        m_report.filesSkipped = reader.skippedFiles();
        m_report.filesIgnored = reader.ignoredFiles();
        if (pipeline.deduplicator().nearIndexFull())
            m_report.issues.push_back(
                {"near-dedupe",
                 "its memory bound was reached: later documents were checked against "
                 "the first " +
                     std::to_string(m_options.dedupe.maxNearDocuments) +
                     " kept ones only (exact dedupe covered all)"});
        if (!finished) {
            if (m_options.keepWorkOnCancel) {
                saveCheckpoint(reader.position(), pipeline);
                m_work.keep(true);
            }
            throw Cancelled{};
        }
        m_spool.close();
        if (m_report.documentsKept == 0)
            throw std::runtime_error(emptyCorpusMessage());
    }

    std::string emptyCorpusMessage() const
    {
        std::string message = "no text to prepare: " + std::to_string(m_report.files) +
                              " file(s) read, " + std::to_string(m_report.documentsRead) +
                              " document(s) found, none left after cleaning, filters and dedupe";
        for (std::size_t i = 0; i < std::min<std::size_t>(3, m_report.issues.size()); ++i)
            message += "\n  " + m_report.issues[i].toString();
        return message;
    }

    Tokenizer makeTokenizer()
    {
        const std::string model = m_work.file("tokenizer.model");
        progress(PrepareStage::TrainTokenizer, 0, 1);
        if (!m_options.existingTokenizer.empty()) {
            fs::copy_file(m_options.existingTokenizer, model);
            m_report.modelType = "given (" + m_options.existingTokenizer + ")";
        } else {
            const std::string input = m_work.file("tokenizer_input.txt");
            writeTrainingText(input);
            TokenizerTrainer(m_options.tokenizer).train(input, model);
            returnFreedMemory(); // the trainer's buffers, before the shards are encoded
            m_report.modelType = toString(m_options.tokenizer.modelType);
        }
        progress(PrepareStage::TrainTokenizer, 1, 1);
        Tokenizer tokenizer = Tokenizer::load(model);
        m_report.vocabSize = tokenizer.vocabSize();
        return tokenizer;
    }

    // SentencePiece trains on lines: a sample of the training split's non-empty lines, bounded
    // in bytes (training_sample.h).
    void writeTrainingText(const std::string &path)
    {
        TrainingSampleWriter out(path, m_options.tokenizer.sampleBytes, m_bytesKept,
                                 m_options.tokenizer.seed);
        m_spool.forEach([&](std::uint64_t index, std::uint32_t, const std::string &text) {
            if (!m_validation[index])
                out.add(text);
        });
        out.finish();
    }

    void writeShards(const Tokenizer &tokenizer)
    {
        const auto vocab = static_cast<std::uint32_t>(tokenizer.vocabSize());
        TokenFileWriter train(m_work.file("train.tokens"), vocab);
        TokenFileWriter val(m_work.file("val.tokens"), vocab);
        TokenStatisticsCollector valStats(tokenizer), trainStats(tokenizer);
        std::vector<std::string> texts;
        std::vector<std::uint32_t> origins;
        std::vector<std::vector<int>> ids;
        std::vector<std::uint32_t> tokens;
        std::uint64_t first = 0, batchBytes = 0, done = 0;
        // Documents are encoded in batches on all cores and written in their spool order.
        const auto flush = [&] {
            encodeBatch(tokenizer, texts, ids, m_options.threads);
            for (std::size_t i = 0; i < texts.size(); ++i) {
                const bool isVal = m_validation[first + i];
                (isVal ? valStats : trainStats).add(texts[i], ids[i]);
                tokens.assign(ids[i].begin(), ids[i].end());
                tokens.push_back(SpecialTokens::EndOfText);
                (isVal ? val : train).append(tokens);
                ++(isVal ? m_report.valDocuments : m_report.trainDocuments);
                m_report.origins[origins[i]].tokens += ids[i].size();
            }
            first += texts.size();
            origins.clear();
            done += batchBytes;
            texts.clear();
            batchBytes = 0;
            progress(PrepareStage::WriteShards, done, m_bytesKept);
        };
        progress(PrepareStage::WriteShards, 0, m_bytesKept);
        m_spool.forEach([&](std::uint64_t, std::uint32_t origin, const std::string &text) {
            texts.push_back(text);
            origins.push_back(origin);
            batchBytes += text.size();
            if (batchBytes >= kBatchBytes)
                flush();
        });
        flush();
        m_report.statisticsOnTrain = m_report.valDocuments == 0;
        m_report.statistics = (m_report.statisticsOnTrain ? trainStats : valStats).result();
        m_report.trainTokens = train.count();
        m_report.valTokens = val.count();
        train.finish();
        val.finish();
    }

    // The only step that touches the output names: four renames and the report.
    void commit()
    {
        const fs::path out(m_options.outputDir);
        m_report.tokenizerPath = (out / "tokenizer.model").string();
        m_report.trainPath = (out / "train.tokens").string();
        m_report.valPath = (out / "val.tokens").string();
        m_report.reportPath = (out / "report.txt").string();
        std::error_code noVocab;
        fs::rename(m_work.file("tokenizer.vocab"), out / "tokenizer.vocab", noVocab);
        fs::rename(m_work.file("tokenizer.model"), m_report.tokenizerPath);
        fs::rename(m_work.file("train.tokens"), m_report.trainPath);
        fs::rename(m_work.file("val.tokens"), m_report.valPath);
        const std::string reportTemp = m_work.file("report.txt");
        std::ofstream(reportTemp) << m_report.toText();
        fs::rename(reportTemp, m_report.reportPath);
        if (m_callback)
            m_callback({PrepareStage::Done, 1, 1, m_report.documentsKept});
    }

    const PrepareOptions &m_options;
    const PrepareCallback &m_callback;
    WorkFolder m_work;
    DocumentSpool m_spool;
    PrepareReport m_report;
    std::vector<std::uint64_t> m_hashes; // content hash per kept document
    std::vector<bool> m_validation;
    std::uint64_t m_bytesKept = 0;
    std::uint64_t m_documentsSeen = 0;
    std::string m_fingerprint;
    std::unordered_map<std::string, std::uint32_t> m_originIndex;
    PrepareStage m_stage = PrepareStage::Done;
    std::chrono::steady_clock::time_point m_stageStart;
    std::uint64_t m_stageStartDone = 0;
};

} // namespace

PrepareReport CorpusPreparer::run(const PrepareCallback &progress)
{
    if (m_options.inputs.empty())
        throw std::runtime_error("no inputs given");
    if (m_options.outputDir.empty())
        throw std::runtime_error("no output folder given");
    if (m_options.valRatio < 0 || m_options.valRatio >= 1)
        throw std::runtime_error("validation ratio " + std::to_string(m_options.valRatio) +
                                 ": expected 0 <= ratio < 1");
    fs::create_directories(m_options.outputDir);
    try {
        return Run(m_options, progress).execute();
    } catch (const Cancelled &) {
        PrepareReport report;
        report.cancelled = true;
        return report;
    }
}

std::string PrepareReport::toText() const
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(3);
    out << "# Az-LLM corpus report, format 1\n"
        << "files: " << files << "\n"
        << "files_skipped: " << filesSkipped << "\n"
        << "files_ignored: " << filesIgnored << "\n"
        << "bytes: " << bytes << "\n"
        << "documents_read: " << documentsRead << "\n"
        << "empty_removed: " << emptyDocuments << "\n"
        << "exact_duplicates_removed: " << exactDuplicates << "\n"
        << "near_duplicates_removed: " << nearDuplicates << "\n"
        << "lang_removed: " << filters.languageRemoved << "\n";
    for (int rule = 0; rule < sources::kQualityRuleCount; ++rule)
        out << "quality_removed_" << sources::ruleKey(sources::QualityRule(rule)) << ": "
            << filters.qualityRemoved[std::size_t(rule)] << "\n";
    out << "pii_replaced: " << filters.piiReplaced << "\n"
        << "text_bytes: " << textBytes << "\n"
        << "resumed_documents: " << resumedDocuments << "\n"
        << "import_seconds: " << importSeconds << "\n"
        << "tokenizer_seconds: " << tokenizerSeconds << "\n"
        << "shards_seconds: " << shardSeconds << "\n"
        << "documents_kept: " << documentsKept << "\n"
        << "train_documents: " << trainDocuments << "\n"
        << "val_documents: " << valDocuments << "\n"
        << "tokenizer_model: " << modelType << "\n"
        << "vocab_size: " << vocabSize << "\n"
        << "train_tokens: " << trainTokens << "\n"
        << "val_tokens: " << valTokens << "\n"
        << "statistics_split: " << (statisticsOnTrain ? "train" : "val") << "\n"
        << "stat_words: " << statistics.words << "\n"
        << "stat_characters: " << statistics.characters << "\n"
        << "stat_tokens: " << statistics.tokens << "\n"
        << "fertility_tokens_per_word: " << statistics.fertility() << "\n"
        << "characters_per_token: " << statistics.charactersPerToken() << "\n"
        << "byte_fallback_share: " << std::setprecision(5) << statistics.byteFallbackShare()
        << "\n";
    for (std::size_t i = 0; i < statistics.topPieces.size(); ++i)
        out << "top_piece_" << i + 1 << ": " << statistics.topPieces[i].first << "\t"
            << statistics.topPieces[i].second << "\n";
    for (const Origin &origin : origins)
        out << "origin: " << origin.name << "\t" << origin.documents << "\t" << origin.tokens
            << "\n";
    for (const ImportIssue &issue : issues)
        out << "issue: " << issue.toString() << "\n";
    return out.str();
}

} // namespace azllm
