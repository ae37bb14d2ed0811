#include "incremental_decoder.h"

#include "tokenizer.h"

namespace azllm {
namespace {

constexpr const char *kReplacementCharacter = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

} // namespace

std::string IncrementalDecoder::push(int id)
{
    m_ids.push_back(id);
    const std::string text = m_tokenizer->decode(m_ids);
    const bool extends =
        text.size() > m_shown.size() && text.compare(0, m_shown.size(), m_shown) == 0;
    if (!extends || text.find(kReplacementCharacter, m_shown.size()) != std::string::npos)
        return {};
    std::string fresh = text.substr(m_shown.size());
    m_shown = text;
    return fresh;
}

std::string IncrementalDecoder::text() const
{
    return m_tokenizer->decode(m_ids);
}

} // namespace azllm
