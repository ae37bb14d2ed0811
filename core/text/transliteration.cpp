#include "transliteration.h"

#include <QString>

#include <unordered_map>

namespace azllm {
namespace {

// Lower-case Cyrillic letter → its Latin spelling (one code point for the Azerbaijani letters).
const std::unordered_map<char32_t, std::u32string> &lowerTable()
{
    static const std::unordered_map<char32_t, std::u32string> table = {
        {U'а', U"a"},
        {U'б', U"b"},
        {U'ҹ', U"c"},
        {U'ҷ', U"c"},
        {U'ч', U"ç"},
        {U'д', U"d"},
        {U'е', U"e"},
        {U'ә', U"ə"},
        {U'ф', U"f"},
        {U'ҝ', U"g"},
        {U'ғ', U"ğ"},
        {U'һ', U"h"},
        {U'х', U"x"},
        {U'ы', U"ı"},
        {U'и', U"i"},
        {U'ж', U"j"},
        {U'к', U"k"},
        {U'г', U"q"},
        {U'л', U"l"},
        {U'м', U"m"},
        {U'н', U"n"},
        {U'о', U"o"},
        {U'ө', U"ö"},
        {U'п', U"p"},
        {U'р', U"r"},
        {U'с', U"s"},
        {U'ш', U"ş"},
        {U'т', U"t"},
        {U'у', U"u"},
        {U'ү', U"ü"},
        {U'в', U"v"},
        {U'ј', U"y"},
        {U'з', U"z"},
        // Russian letters in Soviet-era Azerbaijani texts.
        {U'й', U"y"},
        {U'я', U"ya"},
        {U'ю', U"yu"},
        {U'ё', U"yo"},
        {U'ц', U"ts"},
        {U'щ', U"şç"},
        {U'э', U"e"},
        {U'ъ', U""},
        {U'ь', U""}};
    return table;
}

// Upper-case letter → its lower-case partner in lowerTable().
const std::unordered_map<char32_t, char32_t> &upperToLower()
{
    static const std::unordered_map<char32_t, char32_t> table = [] {
        std::unordered_map<char32_t, char32_t> map;
        for (const auto &entry : lowerTable()) {
            const char32_t upper = QChar::toUpper(entry.first);
            if (upper != entry.first)
                map.emplace(upper, entry.first);
        }
        return map;
    }();
    return table;
}

char32_t latinUpper(char32_t c)
{
    switch (c) {
    case U'i':
        return U'İ'; // Azerbaijani dotted capital, not ASCII I
    case U'ı':
        return U'I';
    default:
        return QChar::toUpper(c);
    }
}

bool isUpperLetter(const std::u32string &text, std::size_t i)
{
    return i < text.size() && QChar::isUpper(text[i]);
}

} // namespace

std::u32string transliterateCyrillic(const std::u32string &text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (auto lower = lowerTable().find(c); lower != lowerTable().end()) {
            out += lower->second;
            continue;
        }
        const auto upper = upperToLower().find(c);
        if (upper == upperToLower().end()) {
            out.push_back(c);
            continue;
        }
        const std::u32string &latin = lowerTable().at(upper->second);
        // "Я" is "Ya" in a word ("Yalta") but "YA" inside capitals ("YAŞAR").
        const bool allCaps = isUpperLetter(text, i + 1) || (i > 0 && isUpperLetter(text, i - 1));
        for (std::size_t k = 0; k < latin.size(); ++k)
            out.push_back(k == 0 || allCaps ? latinUpper(latin[k]) : latin[k]);
    }
    return out;
}

std::string transliterateCyrillicUtf8(const std::string &utf8)
{
    const std::u32string codePoints = QString::fromUtf8(utf8).toStdU32String();
    return QString::fromStdU32String(transliterateCyrillic(codePoints)).toStdString();
}

} // namespace azllm
