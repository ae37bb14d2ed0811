#include "json_value.h"

#include <charconv>
#include <cstdio>

#include "utf8_append.h"

namespace azllm::quant {

class JsonParser
{
public:
    JsonParser(const std::string &text, const std::string &source) : m_text(text), m_source(source)
    {
    }

    JsonValue document()
    {
        JsonValue v = value(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("text after the end of the document");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string &why) const
    {
        throw std::runtime_error(m_source + ": invalid JSON at byte " + std::to_string(m_pos) +
                                 ": " + why);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool consume(const char *word)
    {
        const std::string w(word);
        if (m_text.compare(m_pos, w.size(), w) != 0)
            return false;
        m_pos += w.size();
        return true;
    }

    JsonValue value(int depth)
    {
        if (depth > 64)
            fail("nested too deeply");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("the document ends too soon");
        JsonValue v;
        const char c = m_text[m_pos];
        if (c == '{') {
            v.m_kind = JsonValue::Kind::Object;
            object(v, depth);
        } else if (c == '[') {
            v.m_kind = JsonValue::Kind::Array;
            array(v, depth);
        } else if (c == '"') {
            v.m_kind = JsonValue::Kind::String;
            v.m_string = string();
        } else if (consume("true")) {
            v.m_kind = JsonValue::Kind::Bool;
            v.m_bool = true;
        } else if (consume("false")) {
            v.m_kind = JsonValue::Kind::Bool;
        } else if (consume("null")) {
            v.m_kind = JsonValue::Kind::Null;
        } else {
            v.m_kind = JsonValue::Kind::Number;
            v.m_number = number();
        }
        return v;
    }

    void object(JsonValue &v, int depth)
    {
        ++m_pos; // {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a member name in quotes");
            std::string key = string();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                fail("expected ':' after \"" + key + "\"");
            ++m_pos;
            if (v.m_object.count(key))
                fail("member \"" + key + "\" appears twice");
            v.m_object[key] = value(depth + 1);
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return;
            }
            fail("expected ',' or '}'");
        }
    }

    void array(JsonValue &v, int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return;
        }
        while (true) {
            v.m_array.push_back(value(depth + 1));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return;
            }
            fail("expected ',' or ']'");
        }
    }

    unsigned hex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("a \\u escape ends too soon");
        unsigned code = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            code <<= 4;
            if (h >= '0' && h <= '9')
                code |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f')
                code |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                code |= unsigned(h - 'A' + 10);
            else
                fail("a \\u escape holds a non-hex digit");
        }
        return code;
    }

    // The character of a \u escape (its "\u" read): a surrogate pair makes one; a surrogate
    // alone has no UTF-8 form and becomes U+FFFD, as in Python's and browsers' decoders.
    char32_t escapedCharacter()
    {
        const char32_t code = hex4();
        if (code < 0xd800 || code > 0xdfff)
            return code;
        if (code < 0xdc00 && m_text.compare(m_pos, 2, "\\u") == 0) {
            const std::size_t afterHigh = m_pos;
            m_pos += 2;
            const char32_t low = hex4();
            if (low >= 0xdc00 && low <= 0xdfff)
                return 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            m_pos = afterHigh; // the next escape is read on its own
        }
        return 0xfffd;
    }

    std::string string()
    {
        ++m_pos; // "
        std::string out;
        while (true) {
            if (m_pos >= m_text.size())
                fail("a string is not closed");
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("a control character inside a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail("a string is not closed");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u':
                unicode::appendUtf8(out, escapedCharacter());
                break;
            default:
                fail(std::string("unknown escape \\") + e);
            }
        }
    }

    // from_chars, not strtod: a GUI runs in the learner's locale, where the decimal point may
    // be a comma.
    double number()
    {
        const char *begin = m_text.data() + m_pos;
        double v = 0;
        const auto [end, error] = std::from_chars(begin, m_text.data() + m_text.size(), v);
        if (error != std::errc() || end == begin)
            fail("expected a value");
        m_pos += std::size_t(end - begin);
        return v;
    }

    const std::string &m_text;
    const std::string &m_source;
    std::size_t m_pos = 0;
};

JsonValue JsonValue::parse(const std::string &text, const std::string &source)
{
    return JsonParser(text, source).document();
}

const JsonValue *JsonValue::member(const std::string &key) const
{
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &it->second;
}

std::string jsonNumber(double value)
{
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

std::string jsonQuoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

} // namespace azllm::quant
