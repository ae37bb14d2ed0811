// HTML through a spec-following HTML5 parser (Debian's gumbo): pages are read the way a browser
// reads them, however malformed (unclosed tags, stray end tags, bare '<', broken nesting).
#pragma once

#include <string>
#include <string_view>

namespace azllm::sources {

// The visible text of a page: markup, comments and the contents of script, style, title,
// template, noscript, svg and iframe dropped; block elements (p, div, headings, lists, tables,
// ...) become line breaks (paragraph-like ones a blank line), <br> a line break; whitespace
// collapses as a browser shows it (except in pre); character references decoded.
std::string visibleText(std::string_view html);

// A news page reduced to its article.
struct Article
{
    std::string title;
    std::string text;      // the article's paragraphs, without navigation, menus, comments,
                           // share buttons and lists of related links
    std::string canonical; // <link rel="canonical">, as written (may be relative)
    std::string published; // article:published_time, <time datetime>, ... as written
    std::string language;  // <html lang>
};

// Finds the article (an <article> or <main>, or else the element whose paragraphs hold the most
// text) and keeps its text, minus blocks that are navigation or mostly links.
Article extractArticle(std::string_view html);

} // namespace azllm::sources
