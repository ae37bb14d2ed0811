#include "mediawiki_dump.h"

#include "html_entities.h"

#include <algorithm>
#include <cstdlib>

namespace azllm::sources {
namespace {

// A page larger than this is not a page (the dump is broken); the largest real articles are a
// few MiB.
constexpr std::size_t kMaxPageBytes = 256u << 20;

// The content of the first <tag>...</tag> in page, or empty.
std::string_view element(std::string_view page, std::string_view tag)
{
    const std::string open = "<" + std::string(tag);
    std::size_t start = page.find(open);
    while (start != std::string_view::npos) {
        const char after = start + open.size() < page.size() ? page[start + open.size()] : '>';
        if (after == '>' || after == ' ' || after == '/')
            break;
        start = page.find(open, start + 1);
    }
    if (start == std::string_view::npos)
        return {};
    const std::size_t close = page.find('>', start);
    if (close == std::string_view::npos || page[close - 1] == '/')
        return {}; // <text ... /> : empty
    const std::string end = "</" + std::string(tag) + ">";
    const std::size_t stop = page.find(end, close + 1);
    if (stop == std::string_view::npos)
        return {};
    return page.substr(close + 1, stop - close - 1);
}

} // namespace

std::string unescapeXml(std::string_view text)
{
    if (text.find('&') == std::string_view::npos)
        return std::string(text);
    return decodeCharacterReferences(text);
}

bool isMediaWikiDump(const std::string &path)
{
    try {
        const auto input = openInput(path, 1);
        std::string head(8192, '\0');
        std::size_t filled = 0;
        while (filled < head.size()) {
            const std::size_t n = input->read(head.data() + filled, head.size() - filled);
            if (n == 0)
                break;
            filled += n;
        }
        head.resize(filled);
        return head.find("<mediawiki") != std::string::npos;
    } catch (const InputError &) {
        return false;
    }
}

bool MediaWikiDumpReader::next(WikiPage &page)
{
    std::size_t start = std::string::npos;
    std::size_t searchFrom = m_position;
    for (;;) {
        if (start == std::string::npos) {
            start = m_buffer.find("<page>", searchFrom);
            if (start == std::string::npos) {
                // Keep a possible partial "<page" at the end; drop the rest.
                m_position =
                    m_buffer.size() - std::min<std::size_t>(5, m_buffer.size() - m_position);
                if (!fill())
                    return false;
                searchFrom = 0;
                continue;
            }
        }
        const std::size_t end = m_buffer.find("</page>", start);
        if (end != std::string::npos) {
            const std::string_view body(m_buffer.data() + start, end - start);
            page.title = unescapeXml(element(body, "title"));
            page.ns = std::atoi(std::string(element(body, "ns")).c_str());
            page.redirect = body.find("<redirect") != std::string_view::npos;
            page.text = unescapeXml(element(body, "text"));
            m_position = end + 7;
            return true;
        }
        if (m_buffer.size() - start > kMaxPageBytes)
            throw InputError("a <page> longer than 256 MiB near byte " + std::to_string(m_filled) +
                             ": not a MediaWiki dump, or a broken one");
        // Move the page's start to the front before reading more.
        m_position = start;
        if (!fill())
            throw InputError("the dump ends inside a <page> (truncated file?)");
        start = 0;
    }
}

} // namespace azllm::sources
