#include "example_file.h"

#include <cstring>
#include <stdexcept>

#include "config_io.h"

namespace azllm {
namespace {

constexpr std::size_t kHeaderBytes = 32;

void putU32(std::string &out, std::uint32_t v)
{
    for (int b = 0; b < 4; ++b)
        out.push_back(char((v >> (8 * b)) & 0xff));
}

void putU64(std::string &out, std::uint64_t v)
{
    for (int b = 0; b < 8; ++b)
        out.push_back(char((v >> (8 * b)) & 0xff));
}

void checkExample(const ExampleSet &set, const Example &e, std::size_t index)
{
    const auto fail = [&](const std::string &why) {
        throw std::invalid_argument("example " + std::to_string(index) + ": " + why);
    };
    for (std::uint32_t id : e.tokens)
        if (id >= set.vocabSize)
            fail("token id " + std::to_string(id) + " is outside the vocabulary of " +
                 std::to_string(set.vocabSize));
    if (set.kind == ExampleKind::Sft && e.weights.size() != e.tokens.size())
        fail("has " + std::to_string(e.tokens.size()) + " tokens but " +
             std::to_string(e.weights.size()) + " loss weights");
    if (set.kind == ExampleKind::Classify && e.label >= set.labels.size())
        fail("label " + std::to_string(e.label) + " is not one of the " +
             std::to_string(set.labels.size()) + " labels");
}

// Reads little-endian fields from a byte buffer, failing with the file's name past its end.
class Reader
{
public:
    Reader(const std::string &bytes, const std::string &path) : m_bytes(bytes), m_path(path) {}

    std::uint32_t u32() { return std::uint32_t(take(4)); }
    std::uint64_t u64() { return take(8); }
    std::string bytes(std::size_t n)
    {
        require(n);
        std::string out = m_bytes.substr(m_at, n);
        m_at += n;
        return out;
    }
    std::uint8_t u8() { return std::uint8_t(take(1)); }
    bool atEnd() const { return m_at == m_bytes.size(); }
    std::runtime_error bad(const std::string &why) const
    {
        return std::runtime_error("examples file " + m_path + ": " + why);
    }

private:
    void require(std::size_t n) const
    {
        if (m_bytes.size() - m_at < n)
            throw bad("ends early (truncated copy?)");
    }
    std::uint64_t take(int n)
    {
        require(std::size_t(n));
        std::uint64_t v = 0;
        for (int b = 0; b < n; ++b)
            v |= std::uint64_t(static_cast<unsigned char>(m_bytes[m_at + std::size_t(b)]))
                 << (8 * b);
        m_at += std::size_t(n);
        return v;
    }

    const std::string &m_bytes;
    std::string m_path;
    std::size_t m_at = 0;
};

} // namespace

void writeExampleFile(const std::string &path, const ExampleSet &set)
{
    std::string out(kExampleFileMagic, sizeof kExampleFileMagic);
    putU32(out, kExampleFileVersion);
    putU32(out, std::uint32_t(set.kind));
    putU32(out, set.vocabSize);
    putU32(out, std::uint32_t(set.labels.size()));
    putU64(out, set.examples.size());
    for (const std::string &label : set.labels) {
        putU32(out, std::uint32_t(label.size()));
        out += label;
    }
    for (std::size_t i = 0; i < set.examples.size(); ++i) {
        const Example &e = set.examples[i];
        checkExample(set, e, i);
        putU32(out, std::uint32_t(e.tokens.size()));
        putU32(out, set.kind == ExampleKind::Classify ? e.label : 0);
        putU32(out, e.sourceLine);
        for (std::uint32_t id : e.tokens)
            putU32(out, id);
        if (set.kind == ExampleKind::Sft)
            for (std::uint8_t w : e.weights)
                out.push_back(char(w ? 1 : 0));
    }
    writeFileAtomically(path, out);
}

ExampleSet readExampleFile(const std::string &path)
{
    const std::string bytes = readTextFile(path);
    Reader in(bytes, path);
    if (bytes.size() < kHeaderBytes ||
        std::memcmp(bytes.data(), kExampleFileMagic, sizeof kExampleFileMagic) != 0)
        throw in.bad("not an examples file (no AZEXAMPL header)");
    in.bytes(sizeof kExampleFileMagic);
    if (const std::uint32_t version = in.u32(); version != kExampleFileVersion)
        throw in.bad("version " + std::to_string(version) + " is not supported");
    ExampleSet set;
    const std::uint32_t kind = in.u32();
    if (kind != std::uint32_t(ExampleKind::Sft) && kind != std::uint32_t(ExampleKind::Classify))
        throw in.bad("unknown kind " + std::to_string(kind));
    set.kind = ExampleKind(kind);
    set.vocabSize = in.u32();
    const std::uint32_t labelCount = in.u32();
    const std::uint64_t count = in.u64();
    for (std::uint32_t i = 0; i < labelCount; ++i)
        set.labels.push_back(in.bytes(in.u32()));
    set.examples.reserve(std::size_t(std::min<std::uint64_t>(count, bytes.size() / 12)));
    for (std::uint64_t i = 0; i < count; ++i) {
        Example e;
        e.tokens.resize(in.u32());
        e.label = in.u32();
        e.sourceLine = in.u32();
        for (std::uint32_t &id : e.tokens)
            id = in.u32();
        if (set.kind == ExampleKind::Sft) {
            e.weights.resize(e.tokens.size());
            for (std::uint8_t &w : e.weights)
                w = in.u8();
        }
        try {
            checkExample(set, e, std::size_t(i));
        } catch (const std::invalid_argument &error) {
            throw in.bad(error.what());
        }
        set.examples.push_back(std::move(e));
    }
    if (!in.atEnd())
        throw in.bad("has bytes after its last example");
    return set;
}

} // namespace azllm
