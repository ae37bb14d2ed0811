#include "safetensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "json_value.h"
#include "q8_0.h"

namespace azllm::quant {
namespace {

const char *dtypeName(SafetensorsType type)
{
    return type == SafetensorsType::F16 ? "F16" : "F32";
}

std::size_t dtypeBytes(const std::string &dtype)
{
    if (dtype == "F32")
        return 4;
    if (dtype == "F16" || dtype == "BF16")
        return 2;
    return 0;
}

Shape fileShape(const Shape &source, bool transposed)
{
    return transposed ? Shape(source.rbegin(), source.rend()) : source;
}

// The tensor's bytes in the file's order and type, a block of rows at a time into out.
void appendRows(const float *values, const Shape &source, bool transposed, SafetensorsType type,
                std::size_t firstRow, std::size_t rowCount, std::string &out)
{
    const Shape shape = fileShape(source, transposed);
    const std::size_t cols =
        shape.size() > 1 ? std::size_t(shape.back()) : std::size_t(elementCount(shape));
    const std::size_t width = type == SafetensorsType::F16 ? 2 : 4;
    const std::size_t start = out.size();
    out.resize(start + rowCount * cols * width);
    char *dst = &out[start];
    for (std::size_t r = firstRow; r < firstRow + rowCount; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            // Transposed: file element (r, c) is source element (c, r), source rows of length
            // `shape.front()` (the file's row count).
            const float v =
                transposed ? values[c * std::size_t(shape.front()) + r] : values[r * cols + c];
            if (type == SafetensorsType::F16) {
                const std::uint16_t half = floatToHalf(v);
                std::memcpy(dst, &half, 2);
            } else {
                std::memcpy(dst, &v, 4);
            }
            dst += width;
        }
}

} // namespace

void SafetensorsWriter::setMetadata(const std::string &key, const std::string &value)
{
    m_metadata[key] = value;
}

void SafetensorsWriter::addTensor(const std::string &name, const Shape &sourceShape,
                                  const float *values, SafetensorsType type, bool transposed)
{
    if (transposed && sourceShape.size() != 2)
        throw std::invalid_argument("only a matrix can be transposed: " + name);
    m_tensors.push_back({name, sourceShape, values, type, transposed});
}

bool SafetensorsWriter::write(const std::string &path, const ProgressCallback &progress) const
{
    std::string header = "{";
    if (!m_metadata.empty()) {
        header += "\"__metadata__\":{";
        bool first = true;
        for (const auto &[key, value] : m_metadata) {
            header += (first ? "" : ",") + jsonQuoted(key) + ":" + jsonQuoted(value);
            first = false;
        }
        header += "}";
    }
    std::uint64_t offset = 0;
    for (const Tensor &t : m_tensors) {
        const Shape shape = fileShape(t.sourceShape, t.transposed);
        const std::uint64_t bytes =
            std::uint64_t(elementCount(shape)) * (t.type == SafetensorsType::F16 ? 2 : 4);
        header += (header.size() > 1 ? "," : "") + jsonQuoted(t.name) + ":{\"dtype\":\"" +
                  dtypeName(t.type) + "\",\"shape\":[";
        for (std::size_t d = 0; d < shape.size(); ++d)
            header += (d ? "," : "") + std::to_string(shape[d]);
        header += "],\"data_offsets\":[" + std::to_string(offset) + "," +
                  std::to_string(offset + bytes) + "]}";
        offset += bytes;
    }
    header += "}";
    // The data starts 8-byte aligned: pad the header with spaces, as the format allows.
    header.append((8 - header.size() % 8) % 8, ' ');

    AtomicFile file(path);
    std::string buffer;
    const std::uint64_t length = header.size();
    buffer.append(reinterpret_cast<const char *>(&length), 8);
    buffer += header;
    file.write(buffer);
    std::uint64_t done = 0;
    for (const Tensor &t : m_tensors) {
        const Shape shape = fileShape(t.sourceShape, t.transposed);
        const std::size_t rows = shape.size() > 1 ? std::size_t(shape.front()) : 1;
        const std::size_t chunk = std::max<std::size_t>(1, rows / 16);
        for (std::size_t r = 0; r < rows; r += chunk) {
            buffer.clear();
            appendRows(t.values, t.sourceShape, t.transposed, t.type, r, std::min(chunk, rows - r),
                       buffer);
            file.write(buffer);
            done += buffer.size();
            if (progress && !progress(offset ? double(done) / double(offset) : 1.0))
                return false;
        }
    }
    file.commit();
    return true;
}

JsonValue parseSafetensorsJson(const std::string &text, const std::string &source)
{
    try {
        return JsonValue::parse(text, source);
    } catch (const std::runtime_error &malformed) {
        throw SafetensorsError(malformed.what());
    }
}

SafetensorsReader::SafetensorsReader(const std::string &path) : m_path(path)
{
    const auto fail = [&](const std::string &why) { throw SafetensorsError(path + ": " + why); };
    std::ifstream file(path, std::ios::binary);
    if (!file)
        fail("cannot be opened");
    std::ostringstream all;
    all << file.rdbuf();
    m_bytes = all.str();
    if (m_bytes.size() < 8)
        fail("truncated: shorter than the 8-byte header length");
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, m_bytes.data(), 8);
    if (headerLength > m_bytes.size() - 8)
        fail("truncated: the header claims " + std::to_string(headerLength) +
             " bytes but the file has " + std::to_string(m_bytes.size() - 8) + " after it");
    m_dataStart = 8 + headerLength;
    const JsonValue header =
        parseSafetensorsJson(m_bytes.substr(8, std::size_t(headerLength)), path + " (header)");
    if (!header.isObject())
        fail("the header is not a JSON object");
    const std::uint64_t dataSize = m_bytes.size() - m_dataStart;
    for (const auto &[name, entry] : header.object()) {
        if (name == "__metadata__") {
            for (const auto &[key, value] : entry.object())
                if (value.isString())
                    m_metadata[key] = value.string();
            continue;
        }
        const JsonValue *dtype = entry.member("dtype");
        const JsonValue *shape = entry.member("shape");
        const JsonValue *offsets = entry.member("data_offsets");
        if (!dtype || !dtype->isString() || !shape || !shape->isArray() || !offsets ||
            !offsets->isArray() || offsets->array().size() != 2)
            fail("tensor '" + name + "' lacks dtype, shape or data_offsets");
        SafetensorsEntry e;
        e.name = name;
        e.dtype = dtype->string();
        if (dtypeBytes(e.dtype) == 0)
            fail("tensor '" + name + "' has dtype " + e.dtype +
                 "; the studio reads F32, F16 and BF16");
        for (const JsonValue &d : shape->array()) {
            if (!d.isNumber() || d.number() < 0 || d.number() > 1e12)
                fail("tensor '" + name + "' has a bad dimension");
            e.shape.push_back(std::int64_t(d.number()));
        }
        const std::optional<std::int64_t> begin = countFrom(offsets->array()[0].number());
        const std::optional<std::int64_t> end = countFrom(offsets->array()[1].number());
        if (!begin || !end)
            fail("tensor '" + name + "' has data_offsets that are not byte positions");
        e.begin = std::uint64_t(*begin);
        e.end = std::uint64_t(*end);
        if (e.end < e.begin || e.end > dataSize)
            fail("truncated: tensor '" + name + "' needs data bytes up to " +
                 std::to_string(e.end) + " but the file holds " + std::to_string(dataSize));
        if (!elementCountUpTo(e.shape, dataSize))
            fail("tensor '" + name + "' claims " + shapeText(e.shape) +
                 " values, more than the file holds");
        if (e.end - e.begin != std::uint64_t(elementCount(e.shape)) * dtypeBytes(e.dtype))
            fail("tensor '" + name + "' of shape " + shapeText(e.shape) + " in " + e.dtype +
                 " needs " +
                 std::to_string(elementCount(e.shape) * std::int64_t(dtypeBytes(e.dtype))) +
                 " bytes, but its data_offsets give " + std::to_string(e.end - e.begin));
        m_tensors.push_back(std::move(e));
    }
    // The ranges must tile the data: no overlap, no hole.
    std::vector<const SafetensorsEntry *> ordered;
    for (const SafetensorsEntry &e : m_tensors)
        ordered.push_back(&e);
    std::sort(ordered.begin(), ordered.end(),
              [](const auto *a, const auto *b) { return a->begin < b->begin; });
    std::uint64_t expected = 0;
    for (const SafetensorsEntry *e : ordered) {
        if (e->begin != expected)
            fail("tensor '" + e->name + "' starts at data byte " + std::to_string(e->begin) +
                 ", expected " + std::to_string(expected) + " (ranges overlap or leave a hole)");
        expected = e->end;
    }
    if (expected != dataSize)
        fail("the tensors cover " + std::to_string(expected) + " data bytes but the file holds " +
             std::to_string(dataSize));
}

const SafetensorsEntry *SafetensorsReader::tensor(const std::string &name) const
{
    for (const SafetensorsEntry &e : m_tensors)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::vector<float> SafetensorsReader::readFloats(const SafetensorsEntry &e) const
{
    const char *raw = m_bytes.data() + m_dataStart + e.begin;
    std::vector<float> values(std::size_t(elementCount(e.shape)));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (e.dtype == "F32") {
            std::memcpy(&values[i], raw + 4 * i, 4);
            continue;
        }
        std::uint16_t half;
        std::memcpy(&half, raw + 2 * i, 2);
        if (e.dtype == "F16") {
            values[i] = halfToFloat(half);
        } else { // BF16: the high half of an fp32
            const std::uint32_t bits = std::uint32_t(half) << 16;
            std::memcpy(&values[i], &bits, 4);
        }
    }
    return values;
}

} // namespace azllm::quant
