#include "deduplicator.h"

#include <algorithm>
#include <limits>

namespace azllm {
namespace {

// splitmix64's finaliser: spreads every input bit over the output.
std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

std::vector<std::uint64_t> wordHashes(std::string_view text)
{
    std::vector<std::uint64_t> hashes;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start)
            hashes.push_back(textHash(text.substr(start, i - start)));
    }
    return hashes;
}

// The smallest (multiplier * shingle + offset) per hash over all shingles. The loop is the
// import's largest cost after language identification; copies for AVX-512 (whose 64-bit
// multiply and unsigned minimum do eight hashes in one instruction each) and AVX2 (four at
// once), chosen by the loader at run time, do the same arithmetic, so give the same signature.
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default"))) void
foldMinima(const std::uint64_t *shingles, std::size_t count, const std::uint64_t *multipliers,
           const std::uint64_t *offsets, std::uint64_t *minima)
{
    for (std::size_t s = 0; s < count; ++s)
        for (int i = 0; i < Deduplicator::kHashes; ++i)
            minima[i] = std::min(minima[i], multipliers[i] * shingles[s] + offsets[i]);
}

} // namespace

std::uint64_t textHash(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return mix64(h ^ text.size());
}

Deduplicator::Deduplicator(DedupeOptions options) : m_options(options), m_bands(kBands)
{
    // Fixed, seeded hash family: results do not change between runs or machines.
    std::uint64_t state = 0x5eeda2111aULL;
    for (int i = 0; i < kHashes; ++i) {
        state = mix64(state + 0x9e3779b97f4a7c15ULL);
        m_multipliers.push_back(state | 1);
        state = mix64(state + 0x9e3779b97f4a7c15ULL);
        m_offsets.push_back(state);
    }
}

Deduplicator::Signature Deduplicator::signature(std::string_view text) const
{
    const std::vector<std::uint64_t> words = wordHashes(text);
    if (words.empty())
        return {};
    const std::size_t k = std::min<std::size_t>(std::max(1, m_options.shingleWords), words.size());
    std::vector<std::uint64_t> shingles(words.size() - k + 1);
    for (std::size_t start = 0; start < shingles.size(); ++start) {
        std::uint64_t shingle = 0;
        for (std::size_t j = 0; j < k; ++j)
            shingle = mix64(shingle ^ words[start + j]);
        shingles[start] = shingle;
    }
    std::vector<std::uint64_t> minima(kHashes, std::numeric_limits<std::uint64_t>::max());
    foldMinima(shingles.data(), shingles.size(), m_multipliers.data(), m_offsets.data(),
               minima.data());
    Signature result(kHashes);
    for (int i = 0; i < kHashes; ++i)
        result[i] = static_cast<std::uint32_t>(minima[i] >> 32);
    return result;
}

double Deduplicator::similarity(const Signature &a, const Signature &b)
{
    if (a.empty() || a.size() != b.size())
        return 0.0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        same += a[i] == b[i];
    return static_cast<double>(same) / static_cast<double>(a.size());
}

std::uint64_t Deduplicator::bandKey(const Signature &signature, int band)
{
    std::uint64_t key = mix64(static_cast<std::uint64_t>(band) + 1);
    for (int row = 0; row < kRows; ++row)
        key = mix64(key ^ signature[band * kRows + row]);
    return key;
}

bool Deduplicator::isNearDuplicate(const Signature &signature) const
{
    for (int band = 0; band < kBands; ++band) {
        const std::uint32_t found = m_bands[band].find(bandKey(signature, band));
        if (found == BandTable::kAbsent)
            continue;
        // similarity() against the remembered signature, read where it lies.
        const std::uint32_t *candidate = m_signatures.data() + std::size_t(found) * kHashes;
        std::size_t same = 0;
        for (int i = 0; i < kHashes; ++i)
            same += signature[std::size_t(i)] == candidate[i];
        if (static_cast<double>(same) / static_cast<double>(kHashes) >= m_options.nearThreshold)
            return true;
    }
    return false;
}

void Deduplicator::remember(const Signature &signature)
{
    const auto index = static_cast<std::uint32_t>(m_signatures.size() / kHashes);
    m_signatures.insert(m_signatures.end(), signature.begin(), signature.end());
    for (int band = 0; band < kBands; ++band)
        m_bands[band].insertFirst(bandKey(signature, band), index);
}

std::uint32_t Deduplicator::BandTable::find(std::uint64_t key) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.document == kAbsent || slot.key == key)
            return slot.document;
    }
}

void Deduplicator::BandTable::insertFirst(std::uint64_t key, std::uint32_t document)
{
    if (2 * (m_size + 1) > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.document == kAbsent) {
            slot = {key, document};
            ++m_size;
            return;
        }
        if (slot.key == key)
            return;
    }
}

void Deduplicator::BandTable::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    m_size = 0;
    for (const Slot &slot : old)
        if (slot.document != kAbsent)
            insertFirst(slot.key, slot.document);
}

bool Deduplicator::HashSet::insert(std::uint64_t hash)
{
    hash = hash == 0 ? 1 : hash;
    if (10 * (m_size + 1) > 7 * m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = mix64(hash) & mask;; i = (i + 1) & mask) {
        if (m_slots[i] == hash)
            return false;
        if (m_slots[i] == 0) {
            m_slots[i] = hash;
            ++m_size;
            return true;
        }
    }
}

void Deduplicator::HashSet::grow()
{
    std::vector<std::uint64_t> old(m_slots.size() * 2, 0);
    old.swap(m_slots);
    m_size = 0;
    for (std::uint64_t hash : old)
        if (hash != 0)
            insert(hash);
}

DuplicateKind Deduplicator::add(std::string_view text)
{
    return add(textHash(text), m_options.near ? signature(text) : Signature());
}

DuplicateKind Deduplicator::add(std::uint64_t hash, const Signature &sig)
{
    if (m_options.exact && !m_exactHashes.insert(hash)) {
        ++m_exactDuplicates;
        return DuplicateKind::Exact;
    }
    if (!m_options.near || sig.empty())
        return DuplicateKind::Unique;
    if (isNearDuplicate(sig)) {
        ++m_nearDuplicates;
        return DuplicateKind::Near;
    }
    if (!nearIndexFull())
        remember(sig);
    return DuplicateKind::Unique;
}

bool Deduplicator::nearIndexFull() const
{
    return m_signatures.size() / kHashes >= m_options.maxNearDocuments;
}

} // namespace azllm
