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
    // The state in locals (registers) while the chunk is read; stored back on every return.
    std::uint64_t offset = m_offset, line = m_line;
    int remaining = m_remaining, length = m_length;
    unsigned char low = m_low, high = m_high;
    const auto store = [&](bool result) {
        m_offset = offset;
        m_line = line;
        m_remaining = remaining;
        m_length = length;
        m_low = low;
        m_high = high;
        return result;
    };
    const auto *bytes = reinterpret_cast<const unsigned char *>(chunk.data());
    const std::size_t size = chunk.size();
    for (std::size_t i = 0; i < size;) {
        if (remaining > 0) {
            const unsigned char c = bytes[i++];
            if (c < low || c > high)
                return store(false);
            low = 0x80;
            high = 0xBF;
            if (--remaining == 0)
                offset += std::uint64_t(length);
            continue;
        }
        // Between sequences: ASCII eight bytes at a time, then byte by byte up to a lead byte
        // (text in Azerbaijani has a few ASCII letters between its other letters).
        const std::size_t ascii = asciiPrefix(chunk.substr(i), line);
        offset += ascii;
        i += ascii;
        for (; i < size && bytes[i] < 0x80; ++i) {
            ++offset;
            line += bytes[i] == '\n';
        }
        if (i == size)
            break;
        // The first byte fixes the length and the range of the second byte (Unicode table 3-7).
        const unsigned char c = bytes[i++];
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return store(false);
        }
        remaining = length - 1;
    }
    return store(true);
}

bool Utf8Validator::finish()
{
    return m_remaining == 0;
}

} // namespace azllm
