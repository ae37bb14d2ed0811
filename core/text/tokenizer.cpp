#include "tokenizer.h"

#include "spm_library.h"

#include <algorithm>
#include <stdexcept>

namespace azllm {

using detail::spmApi;

void Tokenizer::ModelDeleter::operator()(AzSpmModel *model) const
{
    spmApi().free(model);
}

Tokenizer::Tokenizer(Tokenizer &&) noexcept = default;
Tokenizer &Tokenizer::operator=(Tokenizer &&) noexcept = default;
Tokenizer::~Tokenizer() = default;

std::string Tokenizer::libraryPath()
{
    return spmApi().path;
}

Tokenizer Tokenizer::load(const std::string &path)
{
    const auto &api = spmApi();
    Tokenizer tokenizer;
    tokenizer.m_path = path;
    tokenizer.m_model.reset(api.load(path.c_str()));
    if (!tokenizer.m_model)
        throw std::runtime_error("tokenizer " + path + ": " + api.lastError());
    tokenizer.m_vocabSize = api.vocabSize(tokenizer.m_model.get());
    tokenizer.m_newlineId = tokenizer.pieceToId("<0x0A>");
    if (tokenizer.m_newlineId < 0)
        throw std::runtime_error("tokenizer " + path +
                                 ": no byte token <0x0A> (train it with byte_fallback=true)");
    return tokenizer;
}

void Tokenizer::encodeLine(std::string_view line, std::vector<int> &out) const
{
    const auto &api = spmApi();
    const std::size_t start = out.size();
    // Most lines need fewer ids than bytes; one retry covers the rest.
    int capacity = static_cast<int>(std::min<std::size_t>(line.size() + 16, 1 << 30));
    for (;;) {
        out.resize(start + capacity);
        const int needed =
            api.encode(m_model.get(), line.data(), line.size(), out.data() + start, capacity);
        if (needed < 0) {
            out.resize(start);
            throw std::runtime_error("tokenizer " + m_path + ": " + api.lastError());
        }
        if (needed <= capacity) {
            out.resize(start + needed);
            return;
        }
        capacity = needed;
    }
}

void Tokenizer::encodeAppend(std::string_view utf8, std::vector<int> &out) const
{
    std::size_t begin = 0;
    for (;;) {
        const std::size_t end = utf8.find('\n', begin);
        encodeLine(utf8.substr(begin, end == std::string_view::npos ? end : end - begin), out);
        if (end == std::string_view::npos)
            return;
        out.push_back(m_newlineId);
        begin = end + 1;
    }
}

std::vector<int> Tokenizer::encode(std::string_view utf8) const
{
    std::vector<int> ids;
    encodeAppend(utf8, ids);
    return ids;
}

void Tokenizer::decodeSegment(const int *ids, int count, std::string &out) const
{
    const auto &api = spmApi();
    const std::size_t start = out.size();
    std::size_t capacity = static_cast<std::size_t>(count) * 8 + 16;
    for (;;) {
        out.resize(start + capacity);
        const long needed = api.decode(m_model.get(), ids, count, out.data() + start, capacity);
        if (needed < 0) {
            out.resize(start);
            throw std::runtime_error("tokenizer " + m_path + ": " + api.lastError());
        }
        if (static_cast<std::size_t>(needed) <= capacity) {
            out.resize(start + static_cast<std::size_t>(needed));
            return;
        }
        capacity = static_cast<std::size_t>(needed);
    }
}

std::string Tokenizer::decode(const std::vector<int> &ids) const
{
    std::string text;
    const int *begin = ids.data();
    const int *const last = ids.data() + ids.size();
    for (;;) {
        const int *end = std::find(begin, last, m_newlineId);
        decodeSegment(begin, static_cast<int>(end - begin), text);
        if (end == last)
            return text;
        text.push_back('\n');
        begin = end + 1;
    }
}

std::vector<std::string> Tokenizer::pieces(std::string_view utf8) const
{
    std::vector<std::string> result;
    for (int id : encode(utf8))
        result.push_back(idToPiece(id));
    return result;
}

std::string Tokenizer::idToPiece(int id) const
{
    const auto &api = spmApi();
    const int length = api.idToPiece(m_model.get(), id, nullptr, 0);
    if (length < 0)
        throw std::runtime_error("tokenizer " + m_path + ": token id " + std::to_string(id) +
                                 " is outside the vocabulary of " + std::to_string(m_vocabSize));
    std::string piece(static_cast<std::size_t>(length), '\0');
    api.idToPiece(m_model.get(), id, piece.data(), piece.size());
    return piece;
}

int Tokenizer::pieceToId(std::string_view piece) const
{
    return spmApi().pieceToId(m_model.get(), piece.data(), piece.size());
}

bool Tokenizer::isByte(int id) const
{
    return spmApi().isByte(m_model.get(), id) != 0;
}

bool Tokenizer::isUnknown(int id) const
{
    return spmApi().isUnknown(m_model.get(), id) != 0;
}

bool Tokenizer::isControl(int id) const
{
    return spmApi().isControl(m_model.get(), id) != 0;
}

} // namespace azllm
