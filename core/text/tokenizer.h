// A trained SentencePiece tokenizer (.model file), loaded through libazllm_spm.
//
// Newlines: SentencePiece trains on lines, so a '\n' is never a learned piece. encode() splits
// the text at '\n', encodes each line on its own (each starts a new word, as in training) and
// joins them with the byte token <0x0A>; decode() splits at that token again. The result
// round-trips exactly: decode(encode(s)) == s for any UTF-8 s.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct AzSpmModel;

namespace azllm {

class Tokenizer
{
public:
    // Throws std::runtime_error naming the file when it cannot be read or is not a model.
    static Tokenizer load(const std::string &path);

    Tokenizer(Tokenizer &&) noexcept;
    Tokenizer &operator=(Tokenizer &&) noexcept;
    ~Tokenizer();

    const std::string &path() const { return m_path; }
    int vocabSize() const { return m_vocabSize; }
    // The id of the byte token <0x0A> that stands for '\n'.
    int newlineId() const { return m_newlineId; }

    std::vector<int> encode(std::string_view utf8) const;
    // Appends the ids of utf8 to out (no allocation per call once out has grown).
    void encodeAppend(std::string_view utf8, std::vector<int> &out) const;
    // One line, exactly as SentencePiece (and spm_encode) encodes it; line holds no '\n'.
    void encodeLine(std::string_view line, std::vector<int> &out) const;
    // Throws std::runtime_error for an id outside the vocabulary.
    std::string decode(const std::vector<int> &ids) const;

    std::vector<std::string> pieces(std::string_view utf8) const;
    std::string idToPiece(int id) const;
    // -1 when the vocabulary has no such piece.
    int pieceToId(std::string_view piece) const;
    bool isByte(int id) const;
    bool isUnknown(int id) const;
    bool isControl(int id) const;

    // Where libazllm_spm was found (for diagnostics); throws when it cannot be loaded.
    static std::string libraryPath();

private:
    struct ModelDeleter
    {
        void operator()(AzSpmModel *model) const;
    };
    Tokenizer() = default;
    void decodeSegment(const int *ids, int count, std::string &out) const;

    std::string m_path;
    std::unique_ptr<AzSpmModel, ModelDeleter> m_model;
    int m_vocabSize = 0;
    int m_newlineId = -1;
};

} // namespace azllm
