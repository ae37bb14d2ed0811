// Resuming an interrupted import. While CorpusPreparer imports, it writes a checkpoint into its
// work folder (DIR/.prepare-work/) every so often: where the reader stands, the counts so far,
// the length of the spool of kept documents that goes with them, and the boilerplate line
// counts. A run with the same inputs (paths, sizes, times) and options finds it, cuts the spool
// back to that length, rebuilds the dedupe state from the spool, and reads on from there.
// The format is in docs/formats.md ("import checkpoint").
#pragma once

#include "corpus_reader.h"
#include "import_pipeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace azllm {

struct PrepareOptions;

struct ImportCheckpoint
{
    std::string fingerprint; // of the inputs and options: a checkpoint of other work is ignored
    ReadPosition position;
    std::uint64_t spoolBytes = 0;
    ImportCounts counts;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> boilerplate;
    std::vector<std::string> origins; // names of the spool's origin indices

    // Atomic: a temporary file, fsync, rename.
    void save(const std::string &path) const;
    // std::nullopt when there is none, it is unreadable, or it belongs to other work.
    static std::optional<ImportCheckpoint> load(const std::string &path,
                                                const std::string &fingerprint);
};

// A digest of what decides an import's result: each input file's path, size and modification
// time, and the import, cleaning, filter and dedupe options.
std::string importFingerprint(const std::vector<std::string> &files, const PrepareOptions &options);

} // namespace azllm
