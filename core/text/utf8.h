// Strict UTF-8 validation (no overlong forms, surrogates or code points above U+10FFFF),
// fed in chunks so files of any size are checked in bounded memory.
#pragma once

#include <cstdint>
#include <string_view>

namespace azllm {

class Utf8Validator
{
public:
    // Feeds the next chunk; false at the first invalid byte (see errorOffset/errorLine).
    bool feed(std::string_view chunk);
    // False when the input ended inside a multi-byte sequence.
    bool finish();
    std::uint64_t errorOffset() const { return m_offset; } // byte offset of the bad sequence
    std::uint64_t errorLine() const { return m_line; }     // 1-based line of it

private:
    std::uint64_t m_offset = 0; // bytes consumed before the current sequence
    std::uint64_t m_line = 1;   // line of the current position
    int m_remaining = 0;        // continuation bytes still expected
    int m_length = 0;           // length of the current sequence
    unsigned char m_low = 0x80; // allowed range of the next continuation byte
    unsigned char m_high = 0xBF;
};

inline bool isValidUtf8(std::string_view text)
{
    Utf8Validator validator;
    return validator.feed(text) && validator.finish();
}

} // namespace azllm
