#include "json_fields.h"

#include "utf8.h"
#include "utf8_append.h"

#include <array>

namespace azllm {
namespace {

constexpr int kMaxDepth = 64;              // deeper lines go to Qt (its own limit is higher)
constexpr std::size_t kMaxNumberSize = 32; // no exponent and this short: always a finite double

// Bytes that end a plain run inside a string: the quote, the backslash and control characters.
constexpr std::array<bool, 256> stringStops()
{
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c)
        stops[std::size_t(c)] = true;
    stops['"'] = stops['\\'] = true;
    return stops;
}
constexpr std::array<bool, 256> kStringStops = stringStops();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A recursive-descent reader of one line; every method returns false at the first thing it
// does not take (the caller then leaves the line to Qt).
class Reader
{
public:
    Reader(std::string_view line, std::string_view textField, JsonLineFields &fields,
           Utf8State utf8)
        : m_p(line.data()), m_end(line.data() + line.size()), m_textField(textField),
          m_fields(fields), m_checkUtf8(utf8 == Utf8State::Unchecked)
    {
    }

    bool line()
    {
        skipSpace();
        if (!object(0))
            return false;
        skipSpace();
        return m_p == m_end && m_textSeen;
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    // Four hex digits after "\u".
    bool hex4(char32_t &code)
    {
        if (m_end - m_p < 4)
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(*m_p++);
            if (digit < 0)
                return false;
            code = code << 4 | char32_t(digit);
        }
        return true;
    }

    bool escape(std::string &out)
    {
        if (m_p == m_end)
            return false;
        const char c = *m_p++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out.push_back(c);
            return true;
        case 'b':
            out.push_back('\b');
            return true;
        case 'f':
            out.push_back('\f');
            return true;
        case 'n':
            out.push_back('\n');
            return true;
        case 'r':
            out.push_back('\r');
            return true;
        case 't':
            out.push_back('\t');
            return true;
        case 'u':
            return unicodeEscape(out);
        default:
            return false;
        }
    }

    // "\uXXXX", or a surrogate pair "\uD83D\uDE00"; a lone surrogate is left to Qt.
    bool unicodeEscape(std::string &out)
    {
        char32_t code = 0;
        if (!hex4(code))
            return false;
        if (code >= 0xDC00 && code <= 0xDFFF)
            return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            char32_t low = 0;
            if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        unicode::appendUtf8(out, code); // U+0000 stays a NUL byte, as Qt keeps it
        return true;
    }

    // A string after its opening quote, decoded into `out`.
    bool stringBody(std::string &out)
    {
        out.clear();
        for (;;) {
            const char *start = m_p;
            while (m_p < m_end && !kStringStops[static_cast<unsigned char>(*m_p)])
                ++m_p;
            // A run ends at an ASCII byte, so a valid UTF-8 sequence never spans two runs.
            const std::string_view run(start, std::size_t(m_p - start));
            if (m_checkUtf8 && !isValidUtf8(run))
                return false;
            out.append(run);
            if (m_p == m_end)
                return false;
            const char stop = *m_p++;
            if (stop == '"')
                return true;
            if (stop != '\\' || !escape(out))
                return false; // a raw control character, or a bad escape
        }
    }

    bool number()
    {
        const char *start = m_p;
        take('-');
        if (take('0')) {
        } else if (m_p < m_end && isDigit(*m_p)) {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        } else {
            return false;
        }
        if (take('.')) {
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E'))
            return false;
        return std::size_t(m_p - start) <= kMaxNumberSize;
    }

    bool literal(std::string_view word)
    {
        if (std::size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    // Any value, checked and passed over (`m_scratch` holds a string's text meanwhile).
    bool skipValue(int depth)
    {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            ++m_p;
            return stringBody(m_scratch);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool array(int depth)
    {
        if (depth > kMaxDepth || !take('['))
            return false;
        skipSpace();
        if (take(']'))
            return true;
        for (;;) {
            skipSpace();
            if (!skipValue(depth))
                return false;
            skipSpace();
            if (take(']'))
                return true;
            if (!take(','))
                return false;
        }
    }

    // A wanted member's value: its text when it is a string, else empty (Qt's toString()).
    bool wantedValue(int depth, std::string &out, bool &isString)
    {
        isString = m_p < m_end && *m_p == '"';
        if (!isString) {
            out.clear();
            return skipValue(depth);
        }
        ++m_p;
        return stringBody(out);
    }

    bool member(int depth)
    {
        if (!take('"') || !stringBody(m_key))
            return false;
        skipSpace();
        if (!take(':'))
            return false;
        skipSpace();
        if (depth > 0)
            return skipValue(depth);
        const bool isText = m_key == m_textField, isTitle = m_key == "title",
                   isUrl = m_key == "url";
        if (!isText && !isTitle && !isUrl)
            return skipValue(depth);
        // A wanted key given twice: which one counts is Qt's business.
        if ((isText && m_textSeen) || (isTitle && m_titleSeen) || (isUrl && m_urlSeen))
            return false;
        bool isString = false;
        std::string &target = isText ? m_fields.text : isTitle ? m_fields.title : m_fields.url;
        if (!wantedValue(depth, target, isString))
            return false;
        if (isText && !isString)
            return false; // "is not a string" is reported by the Qt path
        m_textSeen |= isText;
        m_titleSeen |= isTitle;
        m_urlSeen |= isUrl;
        // The text field may be called "title" or "url" too.
        if (isText && isTitle)
            m_fields.title = m_fields.text;
        if (isText && isUrl)
            m_fields.url = m_fields.text;
        return true;
    }

    bool object(int depth)
    {
        if (depth > kMaxDepth || !take('{'))
            return false;
        if (depth == 0) {
            m_fields.title.clear();
            m_fields.url.clear();
        }
        skipSpace();
        if (take('}'))
            return true;
        for (;;) {
            skipSpace();
            if (!member(depth))
                return false;
            skipSpace();
            if (take('}'))
                return true;
            if (!take(','))
                return false;
        }
    }

    const char *m_p;
    const char *m_end;
    std::string_view m_textField;
    JsonLineFields &m_fields;
    std::string m_key;
    std::string m_scratch;
    bool m_checkUtf8;
    bool m_textSeen = false, m_titleSeen = false, m_urlSeen = false;
};

} // namespace

bool readJsonFields(std::string_view line, std::string_view textField, JsonLineFields &fields,
                    Utf8State utf8)
{
    return Reader(line, textField, fields, utf8).line();
}

} // namespace azllm
