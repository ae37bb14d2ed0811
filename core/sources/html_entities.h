// HTML's and XML's character references (&amp;, &laquo;, &#601;, &#x259;), for the text formats
// that carry them outside an HTML parser: MediaWiki dumps and wikitext.
#pragma once

#include <string>
#include <string_view>

namespace azllm::sources {

// Decodes the references in text; unknown ones are left as they are. An invalid code point
// (a surrogate, 0, above U+10FFFF) becomes U+FFFD, as in a browser.
std::string decodeCharacterReferences(std::string_view text);

} // namespace azllm::sources
