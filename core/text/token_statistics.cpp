#include "token_statistics.h"

#include "tokenizer.h"

#include <algorithm>

namespace azllm {

void TokenStatisticsCollector::add(std::string_view text, const std::vector<int> &ids)
{
    ++m_stats.documents;
    bool inWord = false;
    for (unsigned char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        m_stats.words += !space && !inWord;
        inWord = !space;
        m_stats.characters += (c & 0xC0) != 0x80; // count lead bytes only
    }
    m_stats.tokens += ids.size();
    for (int id : ids) {
        ++m_counts[id];
        m_stats.byteTokens += id != m_tokenizer.newlineId() && m_tokenizer.isByte(id);
    }
}

TokenStatistics TokenStatisticsCollector::result(std::size_t topCount) const
{
    TokenStatistics stats = m_stats;
    std::vector<std::pair<int, std::uint64_t>> counts(m_counts.begin(), m_counts.end());
    // Ties broken by id, so the report is the same on every run.
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    counts.resize(std::min(counts.size(), topCount));
    for (const auto &[id, count] : counts)
        stats.topPieces.emplace_back(m_tokenizer.idToPiece(id), count);
    return stats;
}

} // namespace azllm
