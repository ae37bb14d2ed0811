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

// True for characters that no neighbour can change under NFC (starters that are already
// composed and never the second half of a composition): a text made only of them is in NFC.
bool isNfcInert(char32_t c);

class TextCleaner
{
public:
    explicit TextCleaner(CleaningOptions options = {}) : m_options(options) {}

    // In order: NFC; ǝ/Ǝ (U+01DD/U+018E) → ə/Ə (U+0259/U+018F); optional transliteration;
    // line separators (\r\n, \r, U+2028, U+2029, U+0085, \v, \f) → \n; tabs and Unicode spaces
    // → space; other control and format characters (zero-width space and joiners, BOM, soft
    // hyphen, bidi marks) removed, except a zero-width joiner inside an emoji sequence;
    // runs of spaces → one space; spaces at line ends removed; more than one blank line → one;
    // the text trimmed. Invalid UTF-8 sequences become U+FFFD. Text made only of NFC-inert
    // characters (isNfcInert: ASCII, Azerbaijani Latin, Cyrillic, ...) is cleaned straight
    // from its UTF-8; other text goes through Qt's NFC first. Both give the same result.
    std::string clean(std::string_view utf8) const;

private:
    CleaningOptions m_options;
};

} // namespace azllm
