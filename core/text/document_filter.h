// The filters a document passes on its way into a dataset, after cleaning and before dedupe:
// language identification (on the text before any transliteration), the quality rules, and
// personal-data scrubbing. Each is switchable and counted (report.txt: lang_removed,
// quality_removed_<rule>, pii_replaced). New imports have them all on.
#pragma once

#include "quality_filter.h"
#include "text_cleaner.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace azllm {

struct FilterOptions
{
    bool language = true;
    // Documents whose summed score for this language (both scripts) is below the threshold are
    // dropped. Codes as in resources/langid/profiles.tsv ("az", "tr", "ru", ...).
    std::string languageCode = "az";
    double languageThreshold = 0.5;
    sources::QualityOptions quality;
    bool pii = true;

    // Every filter off: what the text pipeline did before filters existed.
    static FilterOptions none();
};

struct FilterCounts
{
    std::uint64_t languageRemoved = 0;
    std::array<std::uint64_t, sources::kQualityRuleCount> qualityRemoved{};
    std::uint64_t piiReplaced = 0;

    void add(const FilterCounts &other);
};

// One document through cleaning and the per-document filters.
struct FilteredDocument
{
    enum class Verdict
    {
        Kept,
        Empty,
        Language,
        Quality,
    };
    Verdict verdict = Verdict::Kept;
    sources::QualityRule rule = sources::QualityRule::TooShort; // when Quality
    std::string text;
    std::uint64_t piiReplaced = 0;
    std::vector<std::uint64_t> lineHashes; // for the cross-document boilerplate rule
};

class DocumentFilter
{
public:
    DocumentFilter(CleaningOptions cleaning, FilterOptions filters);

    // Thread-safe: called for many documents at once.
    FilteredDocument apply(const std::string &raw) const;

    const FilterOptions &options() const { return m_filters; }

private:
    TextCleaner m_cleaner; // without transliteration: language ID reads the original script
    bool m_transliterate;
    FilterOptions m_filters;
};

} // namespace azllm
