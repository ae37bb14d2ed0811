// How well a tokenizer fits a text: fertility, characters per token, byte fallback, top pieces.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace azllm {

class Tokenizer;

struct TokenStatistics
{
    std::uint64_t documents = 0;
    std::uint64_t words = 0;      // whitespace-separated
    std::uint64_t characters = 0; // Unicode code points, spaces and newlines included
    std::uint64_t tokens = 0;     // end-of-text tokens between documents not counted
    std::uint64_t byteTokens = 0; // byte fallback, the <0x0A> of line breaks not counted
    std::vector<std::pair<std::string, std::uint64_t>> topPieces; // most frequent first

    double fertility() const { return words ? double(tokens) / double(words) : 0.0; }
    double charactersPerToken() const { return tokens ? double(characters) / double(tokens) : 0.0; }
    double byteFallbackShare() const { return tokens ? double(byteTokens) / double(tokens) : 0.0; }
};

class TokenStatisticsCollector
{
public:
    explicit TokenStatisticsCollector(const Tokenizer &tokenizer) : m_tokenizer(tokenizer) {}

    void add(std::string_view text, const std::vector<int> &ids);
    TokenStatistics result(std::size_t topCount = 20) const;

private:
    const Tokenizer &m_tokenizer;
    TokenStatistics m_stats;
    std::unordered_map<int, std::uint64_t> m_counts;
};

} // namespace azllm
