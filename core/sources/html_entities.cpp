#include "html_entities.h"

#include <cctype>
#include <unordered_map>

#include "utf8_append.h"

namespace azllm::sources {
namespace {

const std::unordered_map<std::string_view, char32_t> &namedEntities()
{
    static const std::unordered_map<std::string_view, char32_t> table = {
        {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},     {"shy", 0xAD},     {"laquo", 0xAB},
        {"raquo", 0xBB},    {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"sbquo", 0x201A},
        {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E}, {"ndash", 0x2013},
        {"mdash", 0x2014},  {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},
        {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122}, {"deg", 0xB0},
        {"times", 0xD7},    {"divide", 0xF7},   {"plusmn", 0xB1},  {"sect", 0xA7},
        {"para", 0xB6},     {"euro", 0x20AC},   {"pound", 0xA3},   {"cent", 0xA2},
        {"yen", 0xA5},      {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},
        {"iexcl", 0xA1},    {"iquest", 0xBF},   {"ensp", 0x2002},  {"emsp", 0x2003},
        {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},   {"minus", 0x2212},
        {"Ccedil", 0xC7},   {"ccedil", 0xE7},   {"Ouml", 0xD6},    {"ouml", 0xF6},
        {"Uuml", 0xDC},     {"uuml", 0xFC},     {"Scedil", 0x15E}, {"scedil", 0x15F},
        {"Gbreve", 0x11E},  {"gbreve", 0x11F},  {"Idot", 0x130},   {"imath", 0x131},
        {"inodot", 0x131},  {"Auml", 0xC4},     {"auml", 0xE4},    {"eacute", 0xE9},
        {"Eacute", 0xC9},   {"agrave", 0xE0},   {"aacute", 0xE1},  {"szlig", 0xDF}};
    return table;
}

int digitValue(char d, bool hex)
{
    const auto c = static_cast<unsigned char>(d);
    if (std::isdigit(c))
        return d - '0';
    if (hex && std::isxdigit(c))
        return std::tolower(c) - 'a' + 10;
    return -1;
}

// Decodes the reference at text[i] == '&'; on success appends it and returns its length.
std::size_t decodeReference(std::string_view text, std::size_t i, std::string &out)
{
    const std::size_t semicolon = text.find(';', i + 1);
    if (semicolon == std::string_view::npos || semicolon - i > 32)
        return 0;
    const std::string_view body = text.substr(i + 1, semicolon - i - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8)
            return 0;
        char32_t value = 0;
        for (char d : digits) {
            const int v = digitValue(d, hex);
            if (v < 0)
                return 0;
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        const bool character =
            value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        unicode::appendUtf8(out,
                            character ? value : 0xFFFD); // what a browser shows for an invalid one
        return semicolon - i + 1;
    }
    const auto found = namedEntities().find(body);
    if (found == namedEntities().end())
        return 0;
    unicode::appendUtf8(out, found->second);
    return semicolon - i + 1;
}

} // namespace

std::string decodeCharacterReferences(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t used = text[i] == '&' ? decodeReference(text, i, out) : 0;
        if (used == 0)
            out.push_back(text[i++]);
        else
            i += used;
    }
    return out;
}

} // namespace azllm::sources
