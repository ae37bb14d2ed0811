#include "document_filter.h"

#include "language_identifier.h"
#include "pii_scrubber.h"
#include "transliteration.h"

namespace azllm {
namespace {

CleaningOptions withoutTransliteration(CleaningOptions options)
{
    options.transliterateCyrillic = false;
    return options;
}

} // namespace

FilterOptions FilterOptions::none()
{
    FilterOptions options;
    options.language = false;
    options.quality.enabled = false;
    options.quality.boilerplateDocuments = 0;
    options.pii = false;
    return options;
}

void FilterCounts::add(const FilterCounts &other)
{
    languageRemoved += other.languageRemoved;
    for (std::size_t i = 0; i < qualityRemoved.size(); ++i)
        qualityRemoved[i] += other.qualityRemoved[i];
    piiReplaced += other.piiReplaced;
}

DocumentFilter::DocumentFilter(CleaningOptions cleaning, FilterOptions filters)
    : m_cleaner(withoutTransliteration(cleaning)), m_transliterate(cleaning.transliterateCyrillic),
      m_filters(std::move(filters))
{
    if (m_filters.language)
        sources::LanguageIdentifier::builtIn(); // loaded once, before threads share it
}

FilteredDocument DocumentFilter::apply(const std::string &raw) const
{
    FilteredDocument out;
    out.text = m_cleaner.clean(raw);
    if (out.text.empty()) {
        out.verdict = FilteredDocument::Verdict::Empty;
        return out;
    }
    if (m_filters.language) {
        const auto scores = sources::LanguageIdentifier::builtIn().identify(out.text);
        if (sources::LanguageIdentifier::scoreOf(scores, m_filters.languageCode) <
            m_filters.languageThreshold) {
            out.verdict = FilteredDocument::Verdict::Language;
            return out;
        }
    }
    if (m_filters.quality.enabled) {
        if (const auto rule = sources::checkQuality(out.text, m_filters.quality)) {
            out.verdict = FilteredDocument::Verdict::Quality;
            out.rule = *rule;
            return out;
        }
    }
    if (m_filters.pii)
        out.text = sources::scrubPii(out.text, out.piiReplaced);
    if (m_transliterate)
        out.text = transliterateCyrillicUtf8(out.text);
    if (m_filters.quality.enabled && m_filters.quality.boilerplateDocuments > 0)
        out.lineHashes = sources::BoilerplateDetector::lineHashes(out.text);
    return out;
}

} // namespace azllm
