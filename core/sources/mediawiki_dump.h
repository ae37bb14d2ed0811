// MediaWiki XML dumps (pages-articles[-multistream].xml[.bz2]), streamed page by page: the
// whole dump is never in memory, only the page being read.
//
// The dump is machine-written XML with a fixed shape (<mediawiki><siteinfo/><page><title/>
// <ns/><redirect/><revision><text>...</text></revision></page>...), so pages are found by their
// tags and the text unescaped, without a general XML parser: that is what keeps up with the
// decompression.
#pragma once

#include "compressed_input.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace azllm::sources {

struct WikiPage
{
    std::string title;
    int ns = 0; // namespace: 0 for articles
    bool redirect = false;
    std::string text; // the wikitext, unescaped
};

// True when a file (compressed or not) starts like a MediaWiki dump: "<mediawiki" in its first
// few KiB.
bool isMediaWikiDump(const std::string &path);

class MediaWikiDumpReader : private BufferedReader
{
public:
    explicit MediaWikiDumpReader(InputStream &input) : BufferedReader(input) {}

    // The next page; false at the end. Throws InputError for a page that never ends.
    bool next(WikiPage &page);
    // Uncompressed bytes read so far.
    std::uint64_t bytesRead() const { return m_filled; }
};

// Replaces XML's character references (&lt; &gt; &amp; &quot; &apos; &#N; &#xH;).
std::string unescapeXml(std::string_view text);

} // namespace azllm::sources
