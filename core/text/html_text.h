// The visible text of an HTML page: what a reader sees, as plain UTF-8 (parsed by gumbo, an
// HTML5 parser; core/sources/html_document.h).
#pragma once

#include <string>
#include <string_view>

namespace azllm {

// Markup, comments and the contents of script, style, title, template, noscript, svg and
// iframe are dropped; block elements (p, div, headings, lists, tables, ...) become line breaks
// (paragraph-like ones a blank line); whitespace inside text collapses as a browser would
// (except in pre); character references are decoded (named, &#NNN; and &#xHH;).
std::string htmlToText(std::string_view html);

// Decodes character references in text; unknown ones are left as they are.
std::string decodeHtmlEntities(std::string_view text);

} // namespace azllm
