#include "sentencepiece_model.h"

#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace azllm::quant {
namespace {

// ---- protobuf wire format: varints, 32-bit floats and length-delimited fields --------------

enum WireType : std::uint32_t
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5
};

class ProtoReader
{
public:
    ProtoReader(const char *data, std::size_t size, const std::string &source)
        : m_data(data), m_end(data + size), m_source(source)
    {
    }

    bool atEnd() const { return m_data >= m_end; }

    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                fail("a number runs past the end");
            const auto byte = std::uint8_t(*m_data++);
            value |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        fail("a number is longer than 10 bytes");
    }

    // Field number and wire type of the next field.
    std::pair<std::uint32_t, std::uint32_t> tag()
    {
        const std::uint64_t key = varint();
        return {std::uint32_t(key >> 3), std::uint32_t(key & 7)};
    }

    std::string bytes()
    {
        const std::uint64_t length = varint();
        if (length > std::uint64_t(m_end - m_data))
            fail("a field runs past the end");
        std::string out(m_data, std::size_t(length));
        m_data += length;
        return out;
    }

    float fixed32Float()
    {
        if (m_end - m_data < 4)
            fail("a number runs past the end");
        float value;
        std::memcpy(&value, m_data, 4);
        m_data += 4;
        return value;
    }

    void skip(std::uint32_t wireType)
    {
        switch (wireType) {
        case Varint:
            varint();
            return;
        case Fixed64:
            advance(8);
            return;
        case LengthDelimited:
            bytes();
            return;
        case Fixed32:
            advance(4);
            return;
        default:
            fail("unknown protobuf wire type " + std::to_string(wireType));
        }
    }

    [[noreturn]] void fail(const std::string &why) const
    {
        throw std::runtime_error(m_source + ": not a SentencePiece model (" + why + ")");
    }

private:
    void advance(std::size_t n)
    {
        if (std::size_t(m_end - m_data) < n)
            fail("a field runs past the end");
        m_data += n;
    }

    const char *m_data;
    const char *m_end;
    const std::string &m_source;
};

void putVarint(std::string &out, std::uint64_t value)
{
    while (value >= 0x80) {
        out += char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out += char(value);
}

void putTag(std::string &out, std::uint32_t field, WireType type)
{
    putVarint(out, (std::uint64_t(field) << 3) | type);
}

void putInt(std::string &out, std::uint32_t field, std::int64_t value)
{
    putTag(out, field, Varint);
    putVarint(out, std::uint64_t(value)); // negative ids take ten bytes, as protobuf's int32 does
}

void putBytes(std::string &out, std::uint32_t field, const std::string &bytes)
{
    putTag(out, field, LengthDelimited);
    putVarint(out, bytes.size());
    out += bytes;
}

void putFloat(std::string &out, std::uint32_t field, float value)
{
    putTag(out, field, Fixed32);
    char raw[4];
    std::memcpy(raw, &value, 4);
    out.append(raw, 4);
}

// ModelProto.SentencePiece: piece = 1, score = 2, type = 3.
void parsePiece(const std::string &bytes, const std::string &source, SentencePieceVocabulary &v)
{
    ProtoReader in(bytes.data(), bytes.size(), source);
    std::string piece;
    float score = 0;
    PieceType type = PieceType::Normal;
    while (!in.atEnd()) {
        const auto [field, wire] = in.tag();
        if (field == 1 && wire == LengthDelimited)
            piece = in.bytes();
        else if (field == 2 && wire == Fixed32)
            score = in.fixed32Float();
        else if (field == 3 && wire == Varint)
            type = PieceType(std::int32_t(in.varint()));
        else
            in.skip(wire);
    }
    v.pieces.push_back(std::move(piece));
    v.scores.push_back(score);
    v.types.push_back(type);
}

// TrainerSpec: model_type = 3 (1 unigram, 2 BPE), byte_fallback = 35.
void parseTrainerSpec(const std::string &bytes, const std::string &source,
                      SentencePieceVocabulary &v)
{
    ProtoReader in(bytes.data(), bytes.size(), source);
    while (!in.atEnd()) {
        const auto [field, wire] = in.tag();
        if (field == 3 && wire == Varint)
            v.bpe = in.varint() == 2;
        else if (field == 35 && wire == Varint)
            v.byteFallback = in.varint() != 0;
        else
            in.skip(wire);
    }
}

// NormalizerSpec: add_dummy_prefix = 3, remove_extra_whitespaces = 4 (both default true).
void parseNormalizerSpec(const std::string &bytes, const std::string &source,
                         SentencePieceVocabulary &v)
{
    v.addDummyPrefix = true;
    v.removeExtraWhitespaces = true;
    ProtoReader in(bytes.data(), bytes.size(), source);
    while (!in.atEnd()) {
        const auto [field, wire] = in.tag();
        if (field == 3 && wire == Varint)
            v.addDummyPrefix = in.varint() != 0;
        else if (field == 4 && wire == Varint)
            v.removeExtraWhitespaces = in.varint() != 0;
        else
            in.skip(wire);
    }
}

} // namespace

SentencePieceVocabulary parseSentencePieceModel(const std::string &bytes, const std::string &source)
{
    SentencePieceVocabulary v;
    ProtoReader in(bytes.data(), bytes.size(), source);
    while (!in.atEnd()) {
        const auto [field, wire] = in.tag();
        if (field == 1 && wire == LengthDelimited)
            parsePiece(in.bytes(), source, v);
        else if (field == 2 && wire == LengthDelimited)
            parseTrainerSpec(in.bytes(), source, v);
        else if (field == 3 && wire == LengthDelimited)
            parseNormalizerSpec(in.bytes(), source, v);
        else
            in.skip(wire);
    }
    if (v.pieces.empty())
        in.fail("no pieces");
    return v;
}

SentencePieceVocabulary readSentencePieceModel(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return parseSentencePieceModel(bytes.str(), path);
}

std::string serializeSentencePieceModel(const SentencePieceVocabulary &v)
{
    std::string model;
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::string piece;
        putBytes(piece, 1, v.pieces[i]);
        putFloat(piece, 2, v.scores[i]);
        putInt(piece, 3, std::int64_t(v.types[i]));
        putBytes(model, 1, piece);
    }
    std::string trainer;
    putInt(trainer, 3, v.bpe ? 2 : 1);
    putInt(trainer, 4, std::int64_t(v.size()));
    putInt(trainer, 35, v.byteFallback ? 1 : 0);
    putInt(trainer, 40, 0);  // unk_id
    putInt(trainer, 41, 1);  // bos_id
    putInt(trainer, 42, 2);  // eos_id
    putInt(trainer, 43, -1); // pad_id: none (the studio's <pad> is a user-defined piece)
    putBytes(model, 2, trainer);
    std::string normalizer;
    putBytes(normalizer, 1, "identity");
    putInt(normalizer, 3, v.addDummyPrefix ? 1 : 0);
    putInt(normalizer, 4, v.removeExtraWhitespaces ? 1 : 0);
    putInt(normalizer, 5, 1); // escape_whitespaces: spaces become "▁"
    putBytes(model, 3, normalizer);
    return model;
}

SentencePieceVocabulary placeholderVocabulary(std::int64_t size)
{
    SentencePieceVocabulary v;
    const auto add = [&](std::string piece, PieceType type) {
        v.scores.push_back(type == PieceType::Normal ? -float(v.pieces.size()) : 0.0f);
        v.pieces.push_back(std::move(piece));
        v.types.push_back(type);
    };
    add("<unk>", PieceType::Unknown);
    add("<s>", PieceType::Control);
    add("</s>", PieceType::Control);
    for (int b = 0; b < 256 && std::int64_t(v.size()) < size; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        add(name, PieceType::Byte);
    }
    while (std::int64_t(v.size()) < size)
        add("[id " + std::to_string(v.size()) + "]", PieceType::Normal);
    v.pieces.resize(std::size_t(size));
    v.scores.resize(std::size_t(size));
    v.types.resize(std::size_t(size));
    return v;
}

} // namespace azllm::quant
