// Text from tokens as they arrive. One character may span several byte-fallback tokens, so the
// whole answer is decoded each time and only its new, complete part is handed out: streaming
// never shows half a letter (a U+FFFD) that the next token would have completed.
#pragma once

#include <string>
#include <vector>

namespace azllm {

class Tokenizer;

class IncrementalDecoder
{
public:
    explicit IncrementalDecoder(const Tokenizer &tokenizer) : m_tokenizer(&tokenizer) {}

    // Adds id; returns the text that became complete with it (often empty for a byte token).
    std::string push(int id);
    // Everything so far, an unfinished character included.
    std::string text() const;
    const std::vector<int> &ids() const { return m_ids; }

private:
    const Tokenizer *m_tokenizer;
    std::vector<int> m_ids;
    std::string m_shown;
};

} // namespace azllm
