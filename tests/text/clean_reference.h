// The cleaning rules written plainly, all through Qt: the definition TextCleaner's UTF-8 path
// must match byte for byte. Shared by test_text_clean and the text_clean fuzz target, which
// compares the two on whatever libFuzzer makes.
#pragma once

#include <QChar>
#include <QString>

#include <string>

#include "transliteration.h"

namespace azllm::test {

inline bool isEmojiLike(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Symbol_Other || category == QChar::Symbol_Modifier || c == 0xFE0F;
}

// NFC of the whole text, Qt's categories for every character.
inline std::string referenceClean(const std::string &utf8, bool transliterate)
{
    std::u32string text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()))
                              .normalized(QString::NormalizationForm_C)
                              .toStdU32String();
    for (char32_t &c : text)
        c = c == 0x01DD ? 0x0259 : c == 0x018E ? 0x018F : c;
    if (transliterate)
        text = transliterateCyrillic(text);
    std::u32string out;
    int breaks = 0;
    bool space = false;
    const auto put = [&](char32_t c) {
        if (!out.empty() && breaks > 0)
            out.append(breaks > 1 ? 2 : 1, U'\n');
        else if (!out.empty() && space)
            out.push_back(U' ');
        breaks = 0;
        space = false;
        out.push_back(c);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const auto category = QChar::category(c);
        if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n')
            continue;
        if (c == U'\n' || c == U'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
            c == 0x2029)
            ++breaks;
        else if (c == U'\t' || category == QChar::Separator_Space)
            space = true;
        else if (c == 0x200D && !out.empty() && isEmojiLike(out.back()) && i + 1 < text.size() &&
                 isEmojiLike(text[i + 1]))
            put(c);
        else if (category != QChar::Other_Control && category != QChar::Other_Format)
            put(c);
    }
    return QString::fromStdU32String(out).toStdString();
}

} // namespace azllm::test
