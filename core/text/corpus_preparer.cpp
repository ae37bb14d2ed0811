#include "corpus_preparer.h"

#include "special_tokens.h"
#include "token_file.h"
#include "tokenizer.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

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

struct Cancelled
{
};

// A folder removed with everything in it when the run ends, however it ends.
class WorkFolder
{
public:
    explicit WorkFolder(const fs::path &outputDir)
        : m_path(outputDir / (".prepare-" + std::to_string(::getpid()) + ".tmp"))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~WorkFolder()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    WorkFolder(const WorkFolder &) = delete;
    WorkFolder &operator=(const WorkFolder &) = delete;
    std::string file(const char *name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

// Kept documents, length-prefixed, so later stages stream them instead of holding them.
class DocumentSpool
{
public:
    explicit DocumentSpool(std::string path) : m_path(std::move(path)) {}
    void open()
    {
        m_out.open(m_path, std::ios::binary | std::ios::trunc);
        if (!m_out)
            throw std::runtime_error("cannot write " + m_path);
    }
    void write(const std::string &text)
    {
        const auto size = static_cast<std::uint32_t>(text.size());
        m_out.write(reinterpret_cast<const char *>(&size), sizeof size);
        m_out.write(text.data(), std::streamsize(text.size()));
    }
    void close()
    {
        m_out.close();
        if (!m_out)
            throw std::runtime_error("writing " + m_path + " failed (disk full?)");
    }
    // Calls f(index, text) for each document in order.
    template <typename F> void forEach(F f) const
    {
        std::ifstream in(m_path, std::ios::binary);
        std::string text;
        std::uint32_t size = 0;
        for (std::uint64_t index = 0; in.read(reinterpret_cast<char *>(&size), sizeof size);
             ++index) {
            text.resize(size);
            in.read(text.data(), size);
            f(index, text);
        }
    }

private:
    std::string m_path;
    std::ofstream m_out;
};

// Text encoded per batch in the shard stage: large enough to keep every core busy, small
// enough that a cancel is seen within a second or two.
constexpr std::uint64_t kBatchBytes = 4 << 20;

// Encodes texts on all cores; ids[i] belongs to texts[i]. Rethrows a worker's error.
void encodeBatch(const Tokenizer &tokenizer, const std::vector<std::string> &texts,
                 std::vector<std::vector<int>> &ids)
{
    ids.resize(texts.size());
    const std::size_t workers =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), texts.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    const auto work = [&] {
        try {
            for (std::size_t i; (i = next++) < texts.size();) {
                ids[i].clear();
                tokenizer.encodeAppend(texts[i], ids[i]);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(errorMutex);
            error = std::current_exception();
            next = texts.size(); // the others stop too
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w)
        threads.emplace_back(work);
    work();
    for (std::thread &thread : threads)
        thread.join();
    if (error)
        std::rethrow_exception(error);
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
        importDocuments();
        m_validation = chooseValidation(m_hashes, m_options.valRatio, m_options.splitSeed);
        const Tokenizer tokenizer = makeTokenizer();
        writeShards(tokenizer);
        commit();
        return m_report;
    }

private:
    void progress(PrepareStage stage, std::uint64_t done, std::uint64_t total)
    {
        if (m_callback && !m_callback({stage, done, total, m_report.documentsKept}))
            throw Cancelled{};
    }

    void importDocuments()
    {
        ImportOptions importOptions = m_options.import;
        importOptions.excludeFolder = m_options.outputDir; // never read our own report.txt
        CorpusReader reader(m_options.inputs, importOptions);
        const TextCleaner cleaner(m_options.cleaning);
        Deduplicator dedupe(m_options.dedupe);
        m_report.files = reader.files().size();
        m_report.bytes = reader.totalBytes();
        m_spool.open();
        const bool finished = reader.read(
            [&](Document &&document) {
                ++m_report.documentsRead;
                const std::string text = cleaner.clean(document.text);
                if (text.empty()) {
                    ++m_report.emptyDocuments;
                    return true;
                }
                if (dedupe.add(text) != DuplicateKind::Unique)
                    return true;
                m_spool.write(text);
                m_hashes.push_back(textHash(text));
                m_bytesKept += text.size();
                ++m_report.documentsKept;
                return true;
            },
            [&](const ImportProgress &p) {
                return !m_callback ||
                       m_callback({PrepareStage::Import, p.bytesRead, p.bytesTotal, p.documents});
            });
        m_spool.close();
        m_report.issues = reader.issues();
        m_report.filesSkipped = reader.skippedFiles();
        m_report.filesIgnored = reader.ignoredFiles();
        m_report.exactDuplicates = dedupe.exactDuplicates();
        m_report.nearDuplicates = dedupe.nearDuplicates();
        if (!finished)
            throw Cancelled{};
        if (m_report.documentsKept == 0)
            throw std::runtime_error(emptyCorpusMessage());
    }

    std::string emptyCorpusMessage() const
    {
        std::string message = "no text to prepare: " + std::to_string(m_report.files) +
                              " file(s) read, " + std::to_string(m_report.documentsRead) +
                              " document(s) found, none left after cleaning and dedupe";
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
            m_report.modelType = toString(m_options.tokenizer.modelType);
        }
        progress(PrepareStage::TrainTokenizer, 1, 1);
        Tokenizer tokenizer = Tokenizer::load(model);
        m_report.vocabSize = tokenizer.vocabSize();
        return tokenizer;
    }

    // SentencePiece trains on lines: every non-empty line of the training split.
    void writeTrainingText(const std::string &path)
    {
        std::ofstream out(path, std::ios::binary);
        m_spool.forEach([&](std::uint64_t index, const std::string &text) {
            if (m_validation[index])
                return;
            std::istringstream lines(text);
            for (std::string line; std::getline(lines, line);)
                if (!line.empty())
                    out << line << '\n';
        });
        out.close();
        if (!out)
            throw std::runtime_error("writing " + path + " failed (disk full?)");
    }

    void writeShards(const Tokenizer &tokenizer)
    {
        const auto vocab = static_cast<std::uint32_t>(tokenizer.vocabSize());
        TokenFileWriter train(m_work.file("train.tokens"), vocab);
        TokenFileWriter val(m_work.file("val.tokens"), vocab);
        TokenStatisticsCollector valStats(tokenizer), trainStats(tokenizer);
        std::vector<std::string> texts;
        std::vector<std::vector<int>> ids;
        std::vector<std::uint32_t> tokens;
        std::uint64_t first = 0, batchBytes = 0, done = 0;
        // Documents are encoded in batches on all cores and written in their spool order.
        const auto flush = [&] {
            encodeBatch(tokenizer, texts, ids);
            for (std::size_t i = 0; i < texts.size(); ++i) {
                const bool isVal = m_validation[first + i];
                (isVal ? valStats : trainStats).add(texts[i], ids[i]);
                tokens.assign(ids[i].begin(), ids[i].end());
                tokens.push_back(SpecialTokens::EndOfText);
                (isVal ? val : train).append(tokens);
                ++(isVal ? m_report.valDocuments : m_report.trainDocuments);
            }
            first += texts.size();
            done += batchBytes;
            texts.clear();
            batchBytes = 0;
            progress(PrepareStage::WriteShards, done, m_bytesKept);
        };
        progress(PrepareStage::WriteShards, 0, m_bytesKept);
        m_spool.forEach([&](std::uint64_t, const std::string &text) {
            texts.push_back(text);
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
    for (const ImportIssue &issue : issues)
        out << "issue: " << issue.toString() << "\n";
    return out.str();
}

} // namespace azllm
