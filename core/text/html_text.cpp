#include "html_text.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace azllm {
namespace {

void appendUtf8(std::string &out, char32_t c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0)
        c = 0xFFFD; // what a browser shows for an invalid reference
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

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
            const int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(d))
                              ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                              : -1;
            if (v < 0)
                return 0;
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        appendUtf8(out, value);
        return semicolon - i + 1;
    }
    const auto found = namedEntities().find(body);
    if (found == namedEntities().end())
        return 0;
    appendUtf8(out, found->second);
    return semicolon - i + 1;
}

bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Elements whose content is never shown.
// (Not head: its end tag is optional, and title is its only text.)
const std::unordered_set<std::string> kHidden = {"script",   "style", "title", "template",
                                                 "noscript", "svg",   "iframe"};
// Elements that end a paragraph (a blank line) or a line.
const std::unordered_set<std::string> kParagraphs = {
    "p",       "h1",      "h2",   "h3",     "h4",         "h5",      "h6",   "div",
    "section", "article", "main", "header", "footer",     "aside",   "nav",  "blockquote",
    "pre",     "table",   "ul",   "ol",     "dl",         "figure",  "form", "hr",
    "address", "details", "body", "html",   "figcaption", "fieldset"};
const std::unordered_set<std::string> kLines = {"li",      "tr",      "dt",     "dd",
                                                "caption", "summary", "option", "legend"};

struct Tag
{
    std::string name; // lower case
    bool closing = false;
    std::size_t end = 0; // index just past '>'
};

// Parses the tag starting at html[i] == '<'; a '<' that starts no tag yields an empty name.
Tag parseTag(std::string_view html, std::size_t i)
{
    Tag tag;
    std::size_t j = i + 1;
    if (j < html.size() && html[j] == '/') {
        tag.closing = true;
        ++j;
    }
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-'))
        tag.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++]))));
    if (tag.name.empty() || !std::isalpha(static_cast<unsigned char>(tag.name[0]))) {
        tag.name.clear();
        return tag;
    }
    char quote = 0; // attribute values may hold '>'
    for (; j < html.size(); ++j) {
        if (quote) {
            quote = html[j] == quote ? 0 : quote;
        } else if (html[j] == '"' || html[j] == '\'') {
            quote = html[j];
        } else if (html[j] == '>') {
            tag.end = j + 1;
            return tag;
        }
    }
    tag.end = html.size();
    return tag;
}

// Index just past the "</name ...>" that closes a hidden element (or the end of the input).
std::size_t skipHidden(std::string_view html, std::size_t from, const std::string &name)
{
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        const Tag tag = parseTag(html, i);
        if (tag.closing && tag.name == name)
            return tag.end;
    }
    return html.size();
}

class TextBuilder
{
public:
    void text(char c, bool preformatted)
    {
        if (!preformatted && isHtmlSpace(c)) {
            m_space = true;
            return;
        }
        flushSpace();
        m_out.push_back(c);
    }
    void append(std::string_view s)
    {
        flushSpace();
        m_out.append(s);
    }
    void breakLine(int lines)
    {
        m_space = false;
        std::size_t trailing = 0;
        while (trailing < m_out.size() && m_out[m_out.size() - 1 - trailing] == '\n')
            ++trailing;
        if (!m_out.empty() && trailing < std::size_t(lines))
            m_out.append(lines - trailing, '\n');
    }
    // <br>: every one is a line break, even several in a row.
    void newline()
    {
        m_space = false;
        if (!m_out.empty())
            m_out.push_back('\n');
    }
    std::string take() { return std::move(m_out); }

private:
    void flushSpace()
    {
        if (m_space && !m_out.empty() && m_out.back() != '\n')
            m_out.push_back(' ');
        m_space = false;
    }
    std::string m_out;
    bool m_space = false;
};

} // namespace

std::string decodeHtmlEntities(std::string_view text)
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

std::string htmlToText(std::string_view html)
{
    TextBuilder out;
    int preDepth = 0;
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '&') {
            std::string decoded;
            if (const std::size_t used = decodeReference(html, i, decoded)) {
                out.append(decoded);
                i += used;
                continue;
            }
        }
        if (c != '<') {
            out.text(c, preDepth > 0);
            ++i;
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            const std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        const Tag tag = parseTag(html, i);
        if (tag.name.empty()) {
            out.text(c, preDepth > 0); // a lone '<' is text
            ++i;
            continue;
        }
        i = tag.end;
        if (!tag.closing && kHidden.count(tag.name) && html[tag.end - 1] == '>' &&
            html[tag.end - 2] != '/') {
            i = skipHidden(html, tag.end, tag.name);
            continue;
        }
        if (tag.name == "pre")
            preDepth = std::max(0, preDepth + (tag.closing ? -1 : 1));
        if (tag.name == "br")
            out.newline();
        else if (kParagraphs.count(tag.name))
            out.breakLine(2);
        else if (kLines.count(tag.name))
            out.breakLine(1);
        else if (tag.name == "td" || tag.name == "th")
            out.text(' ', false);
    }
    return out.take();
}

} // namespace azllm
