// Exact and near-duplicate detection over cleaned documents, streaming: each document is checked
// against those kept before it, and kept ones are remembered.
//
// Exact: a 64-bit hash of the cleaned text. Near: MinHash over word shingles (120 hashes)
// with locality-sensitive hashing (20 bands of 6 rows); a candidate pair is a duplicate when
// the estimated Jaccard similarity of their shingle sets reaches the threshold.
//
// Memory is bounded: exact hashes take about 12 bytes per kept document (an open-addressing
// table, so ten million documents fit in about 120 MB); near-duplicate signatures about 1 KB
// each, for at most maxNearDocuments kept documents (later ones are still checked against
// those, and still deduplicated exactly).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace azllm {

struct DedupeOptions
{
    bool exact = true;
    bool near = true;
    // Estimated Jaccard similarity of word shingles at which two documents count as one.
    // The bands find pairs above ~0.6 reliably, so thresholds below that miss some.
    double nearThreshold = 0.8;
    // Words per shingle; shorter documents form one shingle of all their words.
    int shingleWords = 5;
    // Documents remembered for near-dedupe (about 1 KB each): the memory bound.
    std::size_t maxNearDocuments = 500000;
};

enum class DuplicateKind
{
    Unique,
    Exact,
    Near
};

// A stable 64-bit hash of text (FNV-1a with a final mix), the same on every platform.
std::uint64_t textHash(std::string_view text);

class Deduplicator
{
public:
    static constexpr int kBands = 20;
    static constexpr int kRows = 6;
    static constexpr int kHashes = kBands * kRows;

    explicit Deduplicator(DedupeOptions options = {});

    // Checks a document; a unique one is remembered, a duplicate is not.
    DuplicateKind add(std::string_view text);
    // The same with the hash and signature computed beforehand (on other threads).
    DuplicateKind add(std::uint64_t hash, const std::vector<std::uint32_t> &signature);
    // Whether the near-dedupe memory bound was reached (later documents are not remembered).
    bool nearIndexFull() const;

    std::uint64_t exactDuplicates() const { return m_exactDuplicates; }
    std::uint64_t nearDuplicates() const { return m_nearDuplicates; }

    using Signature = std::vector<std::uint32_t>;
    // The MinHash signature (kHashes values); empty for a text without words.
    Signature signature(std::string_view text) const;
    static double similarity(const Signature &a, const Signature &b);

private:
    bool isNearDuplicate(const Signature &signature) const;
    void remember(const Signature &signature);
    static std::uint64_t bandKey(const Signature &signature, int band);

    // An open-addressing set of 64-bit hashes (0 marks a free slot; hash 0 is stored as 1).
    class HashSet
    {
    public:
        bool insert(std::uint64_t hash);

    private:
        void grow();
        std::vector<std::uint64_t> m_slots = std::vector<std::uint64_t>(1024, 0);
        std::size_t m_size = 0;
    };

    // An open-addressing map from band keys to the first kept document with each key (at most
    // half full): no allocation per entry, one probe mostly, where a std::unordered_map cost a
    // node and a cache miss per entry on the import's in-order step.
    class BandTable
    {
    public:
        static constexpr std::uint32_t kAbsent = ~std::uint32_t(0);
        std::uint32_t find(std::uint64_t key) const; // kAbsent when no document has it
        void insertFirst(std::uint64_t key, std::uint32_t document); // keeps an earlier one

    private:
        struct Slot
        {
            std::uint64_t key = 0;
            std::uint32_t document = kAbsent; // kAbsent: a free slot
        };
        void grow();
        std::vector<Slot> m_slots = std::vector<Slot>(1024);
        std::size_t m_size = 0;
    };

    DedupeOptions m_options;
    HashSet m_exactHashes;
    std::vector<std::uint32_t> m_signatures; // kHashes per kept document, flattened
    // Per band: band key → the first kept document with it.
    std::vector<BandTable> m_bands;
    std::vector<std::uint64_t> m_multipliers, m_offsets;
    std::uint64_t m_exactDuplicates = 0;
    std::uint64_t m_nearDuplicates = 0;
};

} // namespace azllm
