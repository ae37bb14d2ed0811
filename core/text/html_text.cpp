#include "html_text.h"

#include "html_document.h"
#include "html_entities.h"

namespace azllm {

std::string htmlToText(std::string_view html)
{
    return sources::visibleText(html);
}

std::string decodeHtmlEntities(std::string_view text)
{
    return sources::decodeCharacterReferences(text);
}

} // namespace azllm
