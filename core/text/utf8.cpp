#include "utf8.h"

#include <cstring>

namespace azllm {

namespace {

// Eight bytes at a time while they are ASCII (most text is mostly ASCII).
std::size_t asciiPrefix(std::string_view chunk, std::uint64_t &lineBreaks)
{
    std::size_t i = 0;
    for (; i + 8 <= chunk.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, chunk.data() + i, 8);
        if (word & 0x8080808080808080ULL)
            break;
        // A '\n' byte becomes 0, then exactly the zero bytes get their top bit set.
        constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
        const std::uint64_t x = word ^ 0x0A0A0A0A0A0A0A0AULL;
        const std::uint64_t zeros = ~(((x & kLow7) + kLow7) | x | kLow7);
        lineBreaks += std::uint64_t(__builtin_popcountll(zeros));
    }
    return i;
}

} // namespace

bool Utf8Validator::feed(std::string_view chunk)
{
    if (m_remaining == 0) {
        const std::size_t ascii = asciiPrefix(chunk, m_line);
        m_offset += ascii;
        chunk.remove_prefix(ascii);
    }
    for (unsigned char c : chunk) {
        if (m_remaining > 0) {
            if (c < m_low || c > m_high)
                return false;
            m_low = 0x80;
            m_high = 0xBF;
            if (--m_remaining == 0)
                m_offset += m_length;
            continue;
        }
        if (c < 0x80) {
            ++m_offset;
            m_line += c == '\n';
            continue;
        }
        // The first byte fixes the length and the range of the second byte (Unicode table 3-7).
        if (c >= 0xC2 && c <= 0xDF) {
            m_length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            m_length = 3;
            m_low = c == 0xE0 ? 0xA0 : 0x80;
            m_high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            m_length = 4;
            m_low = c == 0xF0 ? 0x90 : 0x80;
            m_high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        m_remaining = m_length - 1;
    }
    return true;
}

bool Utf8Validator::finish()
{
    return m_remaining == 0;
}

} // namespace azllm
