#include "pii_scrubber.h"

#include <cctype>

namespace azllm::sources {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ASCII only, without the locale lookup of std::isalnum (a UTF-8 locale classifies no byte
// above 0x7F either): this runs on every byte of every document.
bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isLocalPartChar(char c)
{
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool isDomainChar(char c)
{
    return isAlnum(c) || c == '-' || c == '.';
}

// The address around the '@' at `at`: [begin, end), or begin == end when there is none.
std::pair<std::size_t, std::size_t> emailAround(std::string_view text, std::size_t at)
{
    std::size_t begin = at;
    while (begin > 0 && isLocalPartChar(text[begin - 1]))
        --begin;
    while (begin < at && text[begin] == '.')
        ++begin;
    std::size_t end = at + 1;
    while (end < text.size() && isDomainChar(text[end]))
        ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end; // a sentence's full stop is not part of the domain
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (begin == at || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2)
        return {at, at};
    for (std::size_t i = dot + 1; i < domain.size(); ++i)
        if (!std::isalpha(static_cast<unsigned char>(domain[i])))
            return {at, at};
    return {begin, end};
}

struct PhoneSpan
{
    std::size_t end = 0;
    bool found = false;
};

// A telephone number starting at i ('+', '(' or a digit at a word start).
PhoneSpan phoneAt(std::string_view text, std::size_t i)
{
    std::string digits;
    std::string shape; // digits as 'd', separators as themselves: "ddd-dd-dd"
    std::size_t j = i;
    std::size_t lastDigitEnd = i;
    const bool plus = text[i] == '+';
    if (plus)
        ++j;
    while (j < text.size() && digits.size() <= 15) {
        const char c = text[j];
        if (isDigit(c)) {
            digits.push_back(c);
            shape.push_back('d');
            lastDigitEnd = j + 1;
        } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') &&
                   j + 1 < text.size() &&
                   (isDigit(text[j + 1]) || text[j + 1] == '(' ||
                    (c == ')' && text[j + 1] == ' '))) {
            shape.push_back(c);
        } else {
            break;
        }
        ++j;
    }
    if (lastDigitEnd < text.size() && isAlnum(text[lastDigitEnd]))
        return {};
    const std::size_t n = digits.size();
    const bool international = plus && n >= 9 && n <= 15;
    const bool national =
        !plus && n == 10 && digits[0] == '0' && shape.find_first_not_of('d') != std::string::npos;
    const bool national12 = !plus && n == 12 && digits.compare(0, 3, "994") == 0;
    const bool local = !plus && shape == "ddd-dd-dd";
    if (!international && !national && !national12 && !local)
        return {};
    return {lastDigitEnd, true};
}

} // namespace

std::string scrubPii(std::string_view text, std::uint64_t &replaced)
{
    std::string out;        // only written once something is replaced
    std::size_t copied = 0; // text before this index is in out
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '@') {
            const auto [begin, end] = emailAround(text, i);
            if (begin < end && begin >= copied) {
                out.append(text.substr(copied, begin - copied)).append(kEmailPlaceholder);
                ++replaced;
                copied = end;
                i = end - 1;
            }
            continue;
        }
        if (!(isDigit(c) || c == '+' || c == '(') || i < copied)
            continue;
        const bool wordStart =
            i == 0 || !(isAlnum(text[i - 1]) || text[i - 1] == '+' || text[i - 1] == '.' ||
                        text[i - 1] == ',' || text[i - 1] == '-' || text[i - 1] == '/');
        if (!wordStart)
            continue;
        const PhoneSpan phone = phoneAt(text, i);
        if (!phone.found)
            continue;
        out.append(text.substr(copied, i - copied)).append(kPhonePlaceholder);
        ++replaced;
        copied = phone.end;
        i = phone.end - 1;
    }
    if (copied == 0)
        return std::string(text);
    out.append(text.substr(copied));
    return out;
}

} // namespace azllm::sources
