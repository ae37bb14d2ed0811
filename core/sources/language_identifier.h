// Which language a text is in: character n-gram profiles (orders 1-3) per language, scored as
// a naive Bayes classifier. The profiles come from scripts/build_langid_profiles.py
// (resources/langid/profiles.tsv, built into the program) and cover Azerbaijani in Latin and
// Cyrillic script, Turkish, Russian, English, Kazakh, Uzbek (Latin, Cyrillic) and Persian.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace azllm::sources {

struct LanguageScore
{
    std::string code; // "az-Latn", "tr", ...
    double score = 0; // posterior probability; the scores of one text sum to 1
};

class LanguageIdentifier
{
public:
    // Parses profiles in the format of resources/langid/profiles.tsv. Throws
    // std::runtime_error naming the line of a malformed one.
    static LanguageIdentifier fromProfiles(std::string_view profiles);
    static LanguageIdentifier load(const std::string &path);
    // The profiles built into the program (a Qt resource), loaded once.
    static const LanguageIdentifier &builtIn();

    const std::vector<std::string> &codes() const { return m_codes; }
    std::string name(const std::string &code) const;

    // Every language, best first. A text without letters gets equal scores. Long texts are
    // sampled (about maxSampleBytes spread over the text), so a document costs the same
    // whatever its length.
    std::vector<LanguageScore> identify(std::string_view utf8,
                                        std::size_t maxSampleBytes = 4096) const;
    // The summed score of the codes starting with prefix ("az" counts az-Latn and az-Cyrl).
    static double scoreOf(const std::vector<LanguageScore> &scores, std::string_view prefix);

private:
    void addNgrams(std::string_view utf8, std::vector<double> &logLikelihood) const;
    void addRows(const std::vector<std::uint32_t> &rows, std::vector<double> &logLikelihood) const;
    // The languages of the built-in profiles: their sums get a copy of their own.
    static constexpr std::size_t kProfileLanguages = 9;
    // The row of m_logp for an n-gram: its own, or its order's unseen row. An open-addressing
    // table (keys are never 0): three lookups per character of every document make
    // std::unordered_map's node chasing the import's largest single cost.
    std::uint32_t rowOf(std::uint64_t key, int order) const;
    // The same row, looked up directly for unigrams and for bigrams of common letters.
    std::uint32_t rowOf(const char32_t *gram, int order) const;
    void buildIndex(const std::vector<std::uint64_t> &keys);
    void buildDirectRows();

    std::vector<std::string> m_codes;
    std::vector<std::string> m_names;
    // A slot's key and row side by side: a probe that finds its key reads one cache line.
    struct Slot
    {
        std::uint64_t key = 0; // the n-gram (0: empty)
        std::uint32_t row = 0; // its row of m_logp
    };
    std::vector<Slot> m_slots;
    // Unigrams and bigrams are two of the three look-ups per character: straight from tables.
    std::vector<std::uint32_t> m_unigramRows;   // code point below 0x530 -> row
    std::vector<std::uint8_t> m_commonIndex;    // code point below 0x530 -> 0..127, or 255
    std::vector<std::uint32_t> m_commonBigrams; // [first][second] common indexes -> row
    std::uint64_t m_slotMask = 0;
    std::uint32_t m_unseenRow = 0; // rows m_unseenRow + order - 1: unseen n-grams
    std::vector<float> m_logp;     // [row][language]
};

} // namespace azllm::sources
