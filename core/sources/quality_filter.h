// Document quality rules in the spirit of the published web-corpus filters (C4, Gopher,
// RefinedWeb): each rule removes a document for one reason, counted under its own key so the
// learner sees what each one removed. Thresholds are options; docs/sources.md lists defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace azllm::sources {

enum class QualityRule
{
    TooShort,       // fewer words than minWords
    TooFewLetters,  // letters are under minLetterShare of the visible characters
    TooManySymbols, // symbols (#, |, {, <, =, ...) over maxSymbolShare of them
    RepeatedLines,  // lines repeated inside the document over maxRepeatedLineShare of its lines
    Boilerplate,    // nothing useful left once lines repeated across documents are removed
};
constexpr int kQualityRuleCount = 5;

// "too_short", "too_few_letters", "too_many_symbols", "repeated_lines", "boilerplate": the
// report's quality_removed_<rule> keys.
const char *ruleKey(QualityRule rule);

struct QualityOptions
{
    bool enabled = true;
    int minWords = 10;
    double minLetterShare = 0.5;
    double maxSymbolShare = 0.1;
    double maxRepeatedLineShare = 0.3;
    // A line found in this many documents is boilerplate (menus, footers, "Bütün hüquqlar
    // qorunur"); 0 turns the rule off.
    int boilerplateDocuments = 5;
};

// The first rule inside one document that the text breaks, if any (all but Boilerplate).
std::optional<QualityRule> checkQuality(std::string_view text, const QualityOptions &options);

// Lines repeated across documents, counted as documents stream past. Bounded: at most
// maxLines distinct lines are remembered; when full, lines seen only once are forgotten.
class BoilerplateDetector
{
public:
    explicit BoilerplateDetector(int documentsThreshold, std::size_t maxLines = 1 << 21)
        : m_threshold(documentsThreshold), m_maxLines(maxLines)
    {
    }

    // The distinct hashes of a document's non-empty lines.
    static std::vector<std::uint64_t> lineHashes(std::string_view text);
    // Counts one document's lines (each line once per document).
    void count(const std::vector<std::uint64_t> &hashes);
    bool isBoilerplate(std::uint64_t lineHash) const;
    // The text without its boilerplate lines; removedLines counts them.
    std::string strip(std::string_view text, std::size_t &removedLines) const;

    // For resuming: the counts as (hash, documents) pairs, and back.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> snapshot() const;
    void restore(const std::vector<std::pair<std::uint64_t, std::uint32_t>> &counts);

private:
    void prune();

    int m_threshold;
    std::size_t m_maxLines;
    std::unordered_map<std::uint64_t, std::uint32_t> m_documents;
};

} // namespace azllm::sources
