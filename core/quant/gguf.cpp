#include "gguf.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "atomic_file.h"
#include "q8_0.h"

namespace azllm::quant {

const char *ggmlTypeName(GgmlType type)
{
    switch (type) {
    case GgmlType::F32:
        return "F32";
    case GgmlType::F16:
        return "F16";
    case GgmlType::Q8_0:
        return "Q8_0";
    }
    return "?";
}

std::uint64_t ggmlTensorBytes(GgmlType type, const Shape &shape)
{
    const auto count = std::uint64_t(elementCount(shape));
    switch (type) {
    case GgmlType::F32:
        return 4 * count;
    case GgmlType::F16:
        return 2 * count;
    case GgmlType::Q8_0:
        if (shape.empty() || shape.back() % kQ8BlockSize != 0)
            throw std::invalid_argument("Q8_0 needs rows of a multiple of 32 values, not " +
                                        shapeText(shape));
        return count / kQ8BlockSize * sizeof(BlockQ8);
    }
    throw std::invalid_argument("unknown tensor type");
}

// ---- writing -------------------------------------------------------------------------------

namespace {

template <typename T> void put(std::string &out, T value)
{
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out.append(raw, sizeof(T));
}

void putString(std::string &out, const std::string &text)
{
    put<std::uint64_t>(out, text.size());
    out += text;
}

std::uint64_t padding(std::uint64_t offset)
{
    return (kGgufAlignment - offset % kGgufAlignment) % kGgufAlignment;
}

// One row of fp32 values in the file's type, appended to out.
void convertRow(const float *values, std::size_t count, GgmlType type, std::string &out)
{
    const std::size_t start = out.size();
    switch (type) {
    case GgmlType::F32:
        out.append(reinterpret_cast<const char *>(values), 4 * count);
        return;
    case GgmlType::F16:
        out.resize(start + 2 * count);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint16_t half = floatToHalf(values[i]);
            std::memcpy(&out[start + 2 * i], &half, 2);
        }
        return;
    case GgmlType::Q8_0:
        out.resize(start + q8BlocksPerRow(count) * sizeof(BlockQ8));
        quantizeRowQ8(values, count, reinterpret_cast<BlockQ8 *>(&out[start]));
        return;
    }
}

} // namespace

void GgufWriter::key(const std::string &name, GgufValueType type)
{
    putString(m_metadata, name);
    put<std::uint32_t>(m_metadata, std::uint32_t(type));
    ++m_keyCount;
}

void GgufWriter::setString(const std::string &k, const std::string &value)
{
    key(k, GgufValueType::String);
    putString(m_metadata, value);
}

void GgufWriter::setUInt32(const std::string &k, std::uint32_t value)
{
    key(k, GgufValueType::UInt32);
    put(m_metadata, value);
}

void GgufWriter::setInt32(const std::string &k, std::int32_t value)
{
    key(k, GgufValueType::Int32);
    put(m_metadata, value);
}

void GgufWriter::setFloat32(const std::string &k, float value)
{
    key(k, GgufValueType::Float32);
    put(m_metadata, value);
}

void GgufWriter::setBool(const std::string &k, bool value)
{
    key(k, GgufValueType::Bool);
    put<std::uint8_t>(m_metadata, value ? 1 : 0);
}

void GgufWriter::setStringArray(const std::string &k, const std::vector<std::string> &values)
{
    key(k, GgufValueType::Array);
    put<std::uint32_t>(m_metadata, std::uint32_t(GgufValueType::String));
    put<std::uint64_t>(m_metadata, values.size());
    for (const std::string &v : values)
        putString(m_metadata, v);
}

void GgufWriter::setFloat32Array(const std::string &k, const std::vector<float> &values)
{
    key(k, GgufValueType::Array);
    put<std::uint32_t>(m_metadata, std::uint32_t(GgufValueType::Float32));
    put<std::uint64_t>(m_metadata, values.size());
    for (float v : values)
        put(m_metadata, v);
}

void GgufWriter::setInt32Array(const std::string &k, const std::vector<std::int32_t> &values)
{
    key(k, GgufValueType::Array);
    put<std::uint32_t>(m_metadata, std::uint32_t(GgufValueType::Int32));
    put<std::uint64_t>(m_metadata, values.size());
    for (std::int32_t v : values)
        put(m_metadata, v);
}

void GgufWriter::addTensor(const std::string &name, const Shape &shape, GgmlType type,
                           const float *values)
{
    ggmlTensorBytes(type, shape); // refuses a Q8_0 shape that does not split into blocks
    m_tensors.push_back({name, shape, type, values});
}

bool GgufWriter::write(const std::string &path, const ProgressCallback &progress) const
{
    std::string header = "GGUF";
    put<std::uint32_t>(header, kGgufVersion);
    put<std::uint64_t>(header, m_tensors.size());
    put<std::uint64_t>(header, m_keyCount);
    header += m_metadata;
    std::uint64_t offset = 0, total = 0;
    for (const Tensor &t : m_tensors) {
        putString(header, t.name);
        put<std::uint32_t>(header, std::uint32_t(t.shape.size()));
        for (auto d = t.shape.rbegin(); d != t.shape.rend(); ++d) // GGUF: innermost first
            put<std::uint64_t>(header, std::uint64_t(*d));
        put<std::uint32_t>(header, std::uint32_t(t.type));
        put<std::uint64_t>(header, offset);
        const std::uint64_t bytes = ggmlTensorBytes(t.type, t.shape);
        offset += bytes + padding(bytes);
        total += bytes;
    }
    header.append(padding(header.size()), '\0');

    AtomicFile file(path);
    file.write(header);
    std::string buffer;
    std::uint64_t done = 0;
    for (const Tensor &t : m_tensors) {
        const auto rowLength = std::size_t(t.shape.back());
        const auto rows = std::size_t(elementCount(t.shape)) / rowLength;
        for (std::size_t r = 0; r < rows; ++r) {
            convertRow(t.values + r * rowLength, rowLength, t.type, buffer);
            if (buffer.size() >= (1u << 20) || r + 1 == rows) {
                file.write(buffer);
                done += buffer.size();
                buffer.clear();
                if (progress && !progress(total ? double(done) / double(total) : 1.0))
                    return false;
            }
        }
        const std::string zeros(padding(ggmlTensorBytes(t.type, t.shape)), '\0');
        file.write(zeros);
    }
    file.commit();
    return true;
}

// ---- reading -------------------------------------------------------------------------------

struct GgufReader::Cursor
{
    const GgufReader &file;
    std::uint64_t pos = 0;

    [[noreturn]] void fail(const std::string &why) const
    {
        throw GgufError(file.m_path + ": " + why + " (at byte " + std::to_string(pos) + ")");
    }

    void need(std::uint64_t bytes, const char *what) const
    {
        if (bytes > file.m_size - pos)
            fail(std::string("truncated: the file ends inside ") + what);
    }

    template <typename T> T read(const char *what)
    {
        need(sizeof(T), what);
        T value;
        std::memcpy(&value, file.m_data + pos, sizeof(T));
        pos += sizeof(T);
        return value;
    }

    std::string string(const char *what)
    {
        const auto length = read<std::uint64_t>(what);
        need(length, what);
        std::string text(reinterpret_cast<const char *>(file.m_data + pos), std::size_t(length));
        pos += length;
        return text;
    }

    double number(GgufValueType type, const char *what)
    {
        switch (type) {
        case GgufValueType::UInt8:
            return read<std::uint8_t>(what);
        case GgufValueType::Int8:
            return read<std::int8_t>(what);
        case GgufValueType::UInt16:
            return read<std::uint16_t>(what);
        case GgufValueType::Int16:
            return read<std::int16_t>(what);
        case GgufValueType::UInt32:
            return read<std::uint32_t>(what);
        case GgufValueType::Int32:
            return read<std::int32_t>(what);
        case GgufValueType::Float32:
            return read<float>(what);
        case GgufValueType::Bool:
            return read<std::uint8_t>(what) != 0;
        case GgufValueType::UInt64:
            return double(read<std::uint64_t>(what));
        case GgufValueType::Int64:
            return double(read<std::int64_t>(what));
        case GgufValueType::Float64:
            return read<double>(what);
        default:
            fail("value type " + std::to_string(std::uint32_t(type)) + " is not a number");
        }
    }

    GgufValue value(const std::string &key)
    {
        GgufValue v;
        v.type = GgufValueType(read<std::uint32_t>("a metadata value"));
        if (v.type == GgufValueType::String) {
            v.text = string("a metadata string");
        } else if (v.type == GgufValueType::Array) {
            v.elementType = GgufValueType(read<std::uint32_t>("an array"));
            const auto count = read<std::uint64_t>("an array");
            if (v.elementType == GgufValueType::Array)
                fail("metadata '" + key + "' is an array of arrays, which no GPT-2 file needs");
            // Each element takes at least one byte: a count beyond the file is a lie.
            need(count, "an array");
            for (std::uint64_t i = 0; i < count; ++i) {
                if (v.elementType == GgufValueType::String)
                    v.texts.push_back(string("an array of strings"));
                else
                    v.numbers.push_back(number(v.elementType, "an array"));
            }
        } else if (std::uint32_t(v.type) > std::uint32_t(GgufValueType::Float64)) {
            fail("metadata '" + key + "' has unknown value type " +
                 std::to_string(std::uint32_t(v.type)));
        } else {
            v.number = number(v.type, "a metadata value");
        }
        return v;
    }
};

GgufReader::GgufReader(const std::string &path) : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0)
        throw GgufError("cannot open " + path + ": " + std::strerror(errno));
    struct stat info
    {
    };
    ::fstat(fd, &info);
    m_size = std::uint64_t(info.st_size);
    if (m_size > 0) {
        void *mapped = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (mapped != MAP_FAILED)
            m_data = static_cast<const std::uint8_t *>(mapped);
    }
    ::close(fd);
    if (m_size > 0 && !m_data)
        throw GgufError("cannot map " + path + ": " + std::strerror(errno));
    try {
        parse();
    } catch (...) {
        if (m_data)
            ::munmap(const_cast<std::uint8_t *>(m_data), m_size);
        throw;
    }
}

GgufReader::~GgufReader()
{
    if (m_data)
        ::munmap(const_cast<std::uint8_t *>(m_data), m_size);
}

void GgufReader::parse()
{
    Cursor in{*this};
    if (m_size < 4 || std::memcmp(m_data, "GGUF", 4) != 0)
        throw GgufError(m_path + ": not a GGUF file (it does not start with \"GGUF\")");
    in.pos = 4;
    m_version = in.read<std::uint32_t>("the header");
    if (m_version < 2 || m_version > kGgufVersion)
        in.fail("GGUF version " + std::to_string(m_version) + " (the studio reads 2 and 3)");
    const auto tensorCount = in.read<std::uint64_t>("the header");
    const auto keyCount = in.read<std::uint64_t>("the header");
    // Every key and tensor entry takes more than 8 bytes: counts beyond that are lies.
    if (tensorCount > m_size / 8 || keyCount > m_size / 8)
        in.fail("the header claims " + std::to_string(tensorCount) + " tensors and " +
                std::to_string(keyCount) + " metadata keys, more than the file can hold");
    for (std::uint64_t i = 0; i < keyCount; ++i) {
        const std::string key = in.string("a metadata key");
        if (m_metadata.count(key))
            in.fail("metadata key '" + key + "' appears twice");
        m_metadata[key] = in.value(key);
    }
    std::uint64_t alignment = kGgufAlignment;
    if (const GgufValue *a = find("general.alignment")) {
        alignment = std::uint64_t(countFrom(a->number).value_or(0)); // 0: refused below
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            in.fail("general.alignment " + std::to_string(alignment) + " is not a power of two");
    }
    for (std::uint64_t i = 0; i < tensorCount; ++i) {
        GgufTensorInfo t;
        t.name = in.string("a tensor name");
        const auto dims = in.read<std::uint32_t>("a tensor entry");
        if (dims < 1 || dims > 4)
            in.fail("tensor '" + t.name + "' has " + std::to_string(dims) + " dimensions");
        t.shape.resize(dims);
        for (std::uint32_t d = 0; d < dims; ++d) {
            const auto size = in.read<std::uint64_t>("a tensor entry");
            if (size == 0 || size > (std::uint64_t(1) << 40))
                in.fail("tensor '" + t.name + "' has a dimension of " + std::to_string(size));
            t.shape[dims - 1 - d] = std::int64_t(size);
        }
        if (!elementCountUpTo(t.shape, m_size))
            in.fail("tensor '" + t.name + "' claims " + shapeText(t.shape) +
                    " values, more than the file holds");
        const auto type = in.read<std::uint32_t>("a tensor entry");
        if (type != 0 && type != 1 && type != 8)
            in.fail("tensor '" + t.name + "' has ggml type " + std::to_string(type) +
                    "; the studio reads F32 (0), F16 (1) and Q8_0 (8)");
        t.type = GgmlType(type);
        try {
            t.bytes = ggmlTensorBytes(t.type, t.shape);
        } catch (const std::invalid_argument &e) {
            in.fail("tensor '" + t.name + "': " + e.what());
        }
        t.offset = in.read<std::uint64_t>("a tensor entry");
        if (t.offset % alignment != 0)
            in.fail("tensor '" + t.name + "' starts at offset " + std::to_string(t.offset) +
                    ", not a multiple of the alignment " + std::to_string(alignment));
        if (tensor(t.name))
            in.fail("tensor '" + t.name + "' appears twice");
        m_tensors.push_back(std::move(t));
    }
    m_dataStart = in.pos + (alignment - in.pos % alignment) % alignment;
    for (const GgufTensorInfo &t : m_tensors)
        if (m_dataStart > m_size || t.offset > m_size - m_dataStart ||
            t.bytes > m_size - m_dataStart - t.offset)
            throw GgufError(m_path + ": truncated: tensor '" + t.name + "' needs bytes up to " +
                            std::to_string(m_dataStart + t.offset + t.bytes) +
                            " but the file has " + std::to_string(m_size));
}

const GgufValue *GgufReader::find(const std::string &key) const
{
    const auto it = m_metadata.find(key);
    return it == m_metadata.end() ? nullptr : &it->second;
}

std::string GgufReader::text(const std::string &key) const
{
    const GgufValue *v = find(key);
    if (!v || v->type != GgufValueType::String)
        throw GgufError(
            m_path + ": " +
            (v ? "metadata '" + key + "' is not a string" : "no metadata '" + key + "'"));
    return v->text;
}

double GgufReader::number(const std::string &key) const
{
    const GgufValue *v = find(key);
    if (!v || v->type == GgufValueType::String || v->type == GgufValueType::Array)
        throw GgufError(
            m_path + ": " +
            (v ? "metadata '" + key + "' is not a number" : "no metadata '" + key + "'"));
    return v->number;
}

std::int64_t GgufReader::count(const std::string &key) const
{
    const double value = number(key);
    const std::optional<std::int64_t> whole = countFrom(value);
    if (!whole)
        throw GgufError(m_path + ": metadata '" + key + "' = " + std::to_string(value) +
                        " is not a count");
    return *whole;
}

const GgufTensorInfo *GgufReader::tensor(const std::string &name) const
{
    for (const GgufTensorInfo &t : m_tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

const std::uint8_t *GgufReader::rawData(const GgufTensorInfo &info) const
{
    return m_data + m_dataStart + info.offset;
}

std::vector<float> GgufReader::readFloats(const GgufTensorInfo &info) const
{
    const std::uint8_t *raw = rawData(info);
    std::vector<float> values(std::size_t(elementCount(info.shape)));
    switch (info.type) {
    case GgmlType::F32:
        std::memcpy(values.data(), raw, 4 * values.size());
        break;
    case GgmlType::F16:
        for (std::size_t i = 0; i < values.size(); ++i) {
            std::uint16_t half;
            std::memcpy(&half, raw + 2 * i, 2);
            values[i] = halfToFloat(half);
        }
        break;
    case GgmlType::Q8_0: {
        const auto rowLength = std::size_t(info.shape.back());
        const std::size_t rows = values.size() / rowLength;
        std::vector<BlockQ8> blocks(q8BlocksPerRow(rowLength));
        for (std::size_t r = 0; r < rows; ++r) {
            std::memcpy(blocks.data(), raw + r * blocks.size() * sizeof(BlockQ8),
                        blocks.size() * sizeof(BlockQ8));
            dequantizeRowQ8(blocks.data(), rowLength, values.data() + r * rowLength);
        }
        break;
    }
    }
    return values;
}

} // namespace azllm::quant
