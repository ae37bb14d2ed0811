#include "import_checkpoint.h"

#include "corpus_preparer.h"
#include "durable_io.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace azllm {

namespace fs = std::filesystem;

namespace {

constexpr const char *kMagic = "azllm-import-checkpoint 1";

std::string countsLine(const ImportCounts &c)
{
    std::ostringstream out;
    out << c.documentsRead << ' ' << c.emptyDocuments << ' ' << c.exactDuplicates << ' '
        << c.nearDuplicates << ' ' << c.documentsKept << ' ' << c.bytesKept << ' '
        << c.filters.languageRemoved << ' ' << c.filters.piiReplaced;
    for (std::uint64_t removed : c.filters.qualityRemoved)
        out << ' ' << removed;
    return out.str();
}

bool readCounts(std::istream &in, ImportCounts &c)
{
    in >> c.documentsRead >> c.emptyDocuments >> c.exactDuplicates >> c.nearDuplicates >>
        c.documentsKept >> c.bytesKept >> c.filters.languageRemoved >> c.filters.piiReplaced;
    for (std::uint64_t &removed : c.filters.qualityRemoved)
        in >> removed;
    return bool(in);
}

} // namespace

void ImportCheckpoint::save(const std::string &path) const
{
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << kMagic << '\n'
            << fingerprint << '\n'
            << position.fileIndex << ' ' << position.documents << ' ' << spoolBytes << '\n'
            << countsLine(counts) << '\n'
            << boilerplate.size() << '\n';
        for (const auto &[hash, documents] : boilerplate)
            out << hash << ' ' << documents << '\n';
        out << origins.size() << '\n';
        for (const std::string &origin : origins)
            out << origin << '\n';
        out.close();
        if (!out)
            throw std::runtime_error("writing " + temp + " failed (disk full?)");
    }
    syncFile(temp);
    fs::rename(temp, path);
    syncDirectory(fs::absolute(path).parent_path().string());
}

std::optional<ImportCheckpoint> ImportCheckpoint::load(const std::string &path,
                                                       const std::string &fingerprint)
{
    std::ifstream in(path, std::ios::binary);
    std::string magic, stored;
    if (!std::getline(in, magic) || magic != kMagic || !std::getline(in, stored) ||
        stored != fingerprint)
        return std::nullopt;
    ImportCheckpoint checkpoint;
    checkpoint.fingerprint = stored;
    std::size_t lines = 0;
    in >> checkpoint.position.fileIndex >> checkpoint.position.documents >> checkpoint.spoolBytes;
    if (!readCounts(in, checkpoint.counts) || !(in >> lines))
        return std::nullopt;
    checkpoint.boilerplate.resize(lines);
    for (auto &[hash, documents] : checkpoint.boilerplate)
        in >> hash >> documents;
    std::size_t origins = 0;
    in >> origins;
    in.ignore(1);
    checkpoint.origins.resize(origins);
    for (std::string &origin : checkpoint.origins)
        std::getline(in, origin);
    if (!in)
        return std::nullopt;
    return checkpoint;
}

std::string importFingerprint(const std::vector<std::string> &files, const PrepareOptions &o)
{
    std::ostringstream text;
    for (const std::string &file : files) {
        std::error_code error;
        const auto size = fs::file_size(file, error);
        const auto time = fs::last_write_time(file, error).time_since_epoch().count();
        text << file << '|' << size << '|' << time << '\n';
    }
    const sources::QualityOptions &q = o.filters.quality;
    text << o.import.jsonlField << o.import.paragraphDocuments << o.import.maxDocumentBytes
         << o.cleaning.transliterateCyrillic << o.filters.language << o.filters.languageCode
         << o.filters.languageThreshold << q.enabled << q.minWords << q.minLetterShare
         << q.maxSymbolShare << q.maxRepeatedLineShare << q.boilerplateDocuments << o.filters.pii
         << o.dedupe.exact << o.dedupe.near << o.dedupe.nearThreshold << o.dedupe.shingleWords;
    char digest[17];
    std::snprintf(digest, sizeof digest, "%016llx", (unsigned long long)textHash(text.str()));
    return digest;
}

} // namespace azllm
