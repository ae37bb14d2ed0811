// Cleaning rules applied to every document before dedupe and tokenization
// (listed in docs/text_pipeline.md; each one has a test in tests/text/test_text_clean.cpp).
#pragma once

#include <string>
#include <string_view>

namespace azllm {

struct CleaningOptions
{
    // Cyrillic-script Azerbaijani to Latin (transliteration.h); off by default because it also
    // rewrites Russian quotations.
    bool transliterateCyrillic = false;
};

class TextCleaner
{
public:
    explicit TextCleaner(CleaningOptions options = {}) : m_options(options) {}

    // In order: NFC; ǝ/Ǝ (U+01DD/U+018E) → ə/Ə (U+0259/U+018F); optional transliteration;
    // line separators (\r\n, \r, U+2028, U+2029, U+0085, \v, \f) → \n; tabs and Unicode spaces
    // → space; other control and format characters (zero-width space and joiners, BOM, soft
    // hyphen, bidi marks) removed, except a zero-width joiner inside an emoji sequence;
    // runs of spaces → one space; spaces at line ends removed; more than one blank line → one;
    // the text trimmed. Input must be valid UTF-8.
    std::string clean(std::string_view utf8) const;

private:
    CleaningOptions m_options;
};

} // namespace azllm
