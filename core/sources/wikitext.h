// Wikitext (MediaWiki's markup) to the plain text a reader sees, for pretraining.
//
// Dropped: templates and parser functions ({{...}}, nested), tables ({| ... |}), references
// (<ref>...</ref>, <ref/>, <references/>), comments, galleries, math and other extension tags,
// links to files, images and categories, interlanguage links, magic words (__TOC__), bold and
// italic quotes, horizontal rules. Kept as text: a link's label ([[Bakı|paytaxt]] -> paytaxt,
// [[Bakı]] -> Bakı, the link trail of [[Bakı]]nın), an external link's label, headings (a
// paragraph of their own), list items (without their * # : ; markers), and the contents of
// formatting tags (<b>, <span>, <small>, ...). Character references are decoded.
#pragma once

#include <string>
#include <string_view>

namespace azllm::sources {

std::string wikitextToText(std::string_view wikitext);

// "#REDIRECT [[...]]" and its Azerbaijani forms (#İSTİQAMƏTLƏNDİRMƏ, #YÖNLƏNDİRMƏ), any case.
bool isRedirectWikitext(std::string_view wikitext);

} // namespace azllm::sources
