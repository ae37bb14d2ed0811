#include "wikitext.h"

#include "html_entities.h"

#include <QString>

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace azllm::sources {
namespace {

bool isAsciiAlpha(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

std::string lowerAscii(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// Extension tags whose whole content is dropped.
const std::unordered_set<std::string> kDroppedTags = {
    "ref",       "references",   "gallery",        "math",
    "chem",      "score",        "timeline",       "graph",
    "imagemap",  "hiero",        "inputbox",       "mapframe",
    "maplink",   "templatedata", "templatestyles", "syntaxhighlight",
    "source",    "categorytree", "includeonly",    "ce",
    "indicator", "references"};
// Tags whose markup is dropped and content kept (formatting, layout).
const std::unordered_set<std::string> kKeptTags = {
    "b",          "i",      "u",       "s",   "big",    "small", "sup", "sub",  "span",
    "div",        "center", "font",    "p",   "abbr",   "code",  "tt",  "poem", "nowiki",
    "blockquote", "cite",   "q",       "em",  "strong", "del",   "ins", "mark", "onlyinclude",
    "noinclude",  "pre",    "table",   "tr",  "td",     "th",    "ul",  "ol",   "li",
    "dl",         "dt",     "dd",      "var", "kbd",    "samp",  "bdi", "time", "data",
    "ruby",       "rb",     "rt",      "rp",  "wbr",    "h1",    "h2",  "h3",   "h4",
    "h5",         "h6",     "section", "br",  "hr",     "strike"};
// Namespaces whose links are not text (English and Azerbaijani names).
const std::unordered_set<std::string> kDroppedNamespaces = {
    "file", "image", "media", "category", "fayl", "şəkil", "kateqoriya", "təsvir", "medya"};

struct Tag
{
    std::string name; // lower case
    bool closing = false;
    bool selfClosing = false;
    std::size_t end = 0; // just past '>'
};

// A tag at text[i] == '<' that is one of ours; name empty when it is not.
Tag parseTag(std::string_view text, std::size_t i)
{
    Tag tag;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '/') {
        tag.closing = true;
        ++j;
    }
    const std::size_t nameStart = j;
    while (j < text.size() && (isAsciiAlpha(text[j]) || std::isdigit((unsigned char)text[j])))
        ++j;
    tag.name = lowerAscii(text.substr(nameStart, j - nameStart));
    if (tag.name.empty() || (!kDroppedTags.count(tag.name) && !kKeptTags.count(tag.name)) ||
        (j < text.size() && text[j] != '>' && text[j] != '/' && text[j] != ' ' && text[j] != '\t' &&
         text[j] != '\n')) {
        tag.name.clear();
        return tag;
    }
    const std::size_t close = text.find('>', j);
    if (close == std::string_view::npos || close - i > 2000) {
        tag.name.clear();
        return tag;
    }
    tag.selfClosing = text[close - 1] == '/';
    tag.end = close + 1;
    return tag;
}

// Just past "</name...>" from `from`, or npos.
std::size_t findClosingTag(std::string_view text, std::size_t from, const std::string &name)
{
    for (std::size_t i = text.find("</", from); i != std::string_view::npos;
         i = text.find("</", i + 2)) {
        if (lowerAscii(text.substr(i + 2, name.size())) == name) {
            const std::size_t close = text.find('>', i);
            return close == std::string_view::npos ? text.size() : close + 1;
        }
    }
    return std::string_view::npos;
}

// Pass 1: comments, extension tags and HTML-like tags.
std::string stripTags(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c != '<') {
            const std::size_t next = text.find('<', i);
            const std::size_t stop = next == std::string_view::npos ? text.size() : next;
            out.append(text.substr(i, stop - i));
            i = stop;
            continue;
        }
        if (startsWith(text.substr(i), "<!--")) {
            const std::size_t end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        const Tag tag = parseTag(text, i);
        if (tag.name.empty()) {
            out.push_back(c);
            ++i;
            continue;
        }
        i = tag.end;
        if (kDroppedTags.count(tag.name) && !tag.closing && !tag.selfClosing) {
            const std::size_t end = findClosingTag(text, i, tag.name);
            if (end != std::string_view::npos)
                i = end;
        } else if (tag.name == "br" || tag.name == "p" || tag.name == "li" || tag.name == "tr" ||
                   tag.name == "div") {
            out.push_back('\n');
        }
    }
    return out;
}

// Index just past the "}}" that closes the "{{" at i (nested braces counted), or npos.
std::size_t skipBalanced(std::string_view text, std::size_t i, char open, char close)
{
    int depth = 0;
    while (i + 1 < text.size()) {
        if (text[i] == open && text[i + 1] == open) {
            ++depth;
            i += 2;
        } else if (text[i] == close && text[i + 1] == close) {
            --depth;
            i += 2;
            if (depth == 0)
                return i;
        } else {
            ++i;
        }
    }
    return std::string_view::npos;
}

bool atLineStart(std::string_view text, std::size_t i)
{
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == ':'))
        --i;
    return i == 0 || text[i - 1] == '\n';
}

// Index just past the line that closes the table opened at i ("|}" at a line start).
std::size_t skipTable(std::string_view text, std::size_t i)
{
    int depth = 0;
    std::size_t line = i;
    while (line < text.size()) {
        std::size_t end = text.find('\n', line);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view content = trim(text.substr(line, end - line));
        const std::string_view bare =
            content.substr(std::min(content.find_first_not_of(':'), content.size()));
        if (startsWith(bare, "{|"))
            ++depth;
        else if (startsWith(bare, "|}") && --depth == 0)
            return std::min(end + 1, text.size());
        line = end + 1;
    }
    return text.size();
}

// "en", "ru", "zh-min-nan", "simple": an interlanguage prefix.
bool isLanguagePrefix(std::string_view prefix)
{
    if (prefix.size() < 2 || prefix.size() > 12)
        return false;
    return std::all_of(prefix.begin(), prefix.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

std::string lowerUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toLower().toStdString();
}

void render(std::string_view text, std::string &out);

// The first '|' outside nested [[ ]] and {{ }}.
std::size_t findPipe(std::string_view inner)
{
    int depth = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        const char c = inner[i];
        if ((c == '[' || c == '{') && i + 1 < inner.size() && inner[i + 1] == c) {
            ++depth;
            ++i;
        } else if ((c == ']' || c == '}') && i + 1 < inner.size() && inner[i + 1] == c) {
            --depth;
            ++i;
        } else if (c == '|' && depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

void renderLink(std::string_view inner, std::string &out)
{
    const std::size_t pipe = findPipe(inner);
    std::string_view target = trim(inner.substr(0, pipe));
    const bool forcedLink = startsWith(target, ":"); // [[:Kateqoriya:X]] links to the page
    if (forcedLink)
        target.remove_prefix(1);
    const std::size_t colon = target.find(':');
    if (!forcedLink && colon != std::string_view::npos) {
        const std::string prefix = lowerUtf8(trim(target.substr(0, colon)));
        if (kDroppedNamespaces.count(prefix) || isLanguagePrefix(prefix))
            return;
    }
    if (pipe != std::string_view::npos) {
        std::string_view label = inner.substr(pipe + 1);
        if (!trim(label).empty()) {
            render(label, out);
            return;
        }
        // The pipe trick: [[Quba (şəhər)|]] shows "Quba".
        target = trim(target.substr(0, target.find(" (")));
        if (colon != std::string_view::npos)
            target = target.substr(target.find(':') + 1);
    }
    if (startsWith(target, "#"))
        target.remove_prefix(1);
    else
        target = target.substr(0, target.find('#'));
    out.append(target);
}

bool isMagicWord(std::string_view text, std::size_t i, std::size_t &end)
{
    if (!startsWith(text.substr(i), "__"))
        return false;
    std::size_t j = i + 2;
    while (j < text.size() && std::isupper(static_cast<unsigned char>(text[j])))
        ++j;
    if (j == i + 2 || !startsWith(text.substr(j), "__"))
        return false;
    end = j + 2;
    return true;
}

bool isExternalLinkStart(std::string_view rest)
{
    return startsWith(rest, "[http://") || startsWith(rest, "[https://") ||
           startsWith(rest, "[//") || startsWith(rest, "[ftp://") || startsWith(rest, "[mailto:");
}

// Pass 2: templates, tables, links, quotes, magic words.
void render(std::string_view text, std::string &out)
{
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        // Markup starts only at these bytes: everything up to the next one is copied as it is.
        if (c != '{' && c != '[' && c != '\'' && c != '_') {
            const std::size_t next = text.find_first_of("{['_", i);
            const std::size_t stop = next == std::string_view::npos ? text.size() : next;
            out.append(text.substr(i, stop - i));
            i = stop;
            continue;
        }
        const std::string_view rest = text.substr(i);
        std::size_t end = 0;
        if (startsWith(rest, "{{")) {
            end = skipBalanced(text, i, '{', '}');
            i = end == std::string_view::npos ? i + 2 : end;
        } else if (startsWith(rest, "{|") && atLineStart(text, i)) {
            i = skipTable(text, i);
        } else if (startsWith(rest, "[[")) {
            end = skipBalanced(text, i, '[', ']');
            if (end == std::string_view::npos) {
                i += 2;
                continue;
            }
            renderLink(text.substr(i + 2, end - i - 4), out);
            i = end;
        } else if (c == '[' && isExternalLinkStart(rest)) {
            const std::size_t close = text.find_first_of("]\n", i);
            if (close == std::string_view::npos || text[close] != ']') {
                out.push_back(c);
                ++i;
                continue;
            }
            const std::string_view inside = text.substr(i + 1, close - i - 1);
            const std::size_t space = inside.find(' ');
            if (space != std::string_view::npos)
                render(inside.substr(space + 1), out);
            i = close + 1;
        } else if (startsWith(rest, "''")) {
            while (i < text.size() && text[i] == '\'')
                ++i;
        } else if (c == '_' && isMagicWord(text, i, end)) {
            i = end;
        } else {
            out.push_back(c);
            ++i;
        }
    }
}

// Pass 3: headings become paragraphs, list markers go, rules go, spaces at line ends go.
std::string renderLines(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.size() >= 2 && line.front() == '=' && line.back() == '=') {
            const std::size_t first = line.find_first_not_of('=');
            const std::size_t last = line.find_last_not_of('=');
            if (first != std::string_view::npos && first <= last) {
                out.append("\n").append(trim(line.substr(first, last - first + 1))).append("\n\n");
                continue;
            }
        }
        if (startsWith(line, "----"))
            continue;
        const std::size_t body = line.find_first_not_of("*#:;");
        line = body == std::string_view::npos ? std::string_view() : trim(line.substr(body));
        out.append(line).push_back('\n');
    }
    return out;
}

} // namespace

std::string wikitextToText(std::string_view wikitext)
{
    const std::string withoutTags = stripTags(wikitext);
    std::string rendered;
    rendered.reserve(withoutTags.size());
    render(withoutTags, rendered);
    return decodeCharacterReferences(renderLines(rendered));
}

bool isRedirectWikitext(std::string_view wikitext)
{
    const std::string_view start = trim(wikitext.substr(0, 64));
    if (!startsWith(start, "#"))
        return false;
    const QString word = QString::fromUtf8(start.data(), qsizetype(start.size()))
                             .section(QLatin1Char('['), 0, 0)
                             .trimmed()
                             .toUpper();
    return word == QLatin1String("#REDIRECT") || word == QStringLiteral("#İSTİQAMƏTLƏNDİRMƏ") ||
           word == QStringLiteral("#YÖNLƏNDİRMƏ") || word == QStringLiteral("#YÖNLENDİRME");
}

} // namespace azllm::sources
