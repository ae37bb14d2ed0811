// GGUF, version 3 (ggml's file format, read by llama.cpp, Ollama and LM Studio): a header,
// typed key/value metadata, a tensor table, then the tensors' data, each aligned to 32 bytes.
// Layout and the studio's keys: docs/formats.md, "GGUF".
//
// Dimensions: GGUF lists them innermost first (ne0 = row length), LibTorch outermost first.
// Shapes here are always LibTorch's order; the file's order is produced and read at the edge.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "model_weights.h"

namespace azllm::quant {

inline constexpr std::uint32_t kGgufVersion = 3;
inline constexpr std::uint64_t kGgufAlignment = 32;

// ggml's tensor types the studio writes and reads.
enum class GgmlType : std::uint32_t
{
    F32 = 0,
    F16 = 1,
    Q8_0 = 8
};

const char *ggmlTypeName(GgmlType type); // "F32", "F16", "Q8_0"
// Bytes of a tensor of this shape in this type; throws std::invalid_argument for Q8_0 when the
// row length is not a multiple of 32.
std::uint64_t ggmlTensorBytes(GgmlType type, const Shape &shape);

enum class GgufValueType : std::uint32_t
{
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12
};

// One metadata value as read: numbers (and bools) as double, strings as text; arrays of either.
struct GgufValue
{
    GgufValueType type = GgufValueType::UInt32;
    GgufValueType elementType = GgufValueType::UInt32; // arrays only
    double number = 0;
    std::string text;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

// Called with the fraction done; returning false cancels the write.
using ProgressCallback = std::function<bool(double fraction)>;

class GgufWriter
{
public:
    void setString(const std::string &key, const std::string &value);
    void setUInt32(const std::string &key, std::uint32_t value);
    void setInt32(const std::string &key, std::int32_t value);
    void setFloat32(const std::string &key, float value);
    void setBool(const std::string &key, bool value);
    void setStringArray(const std::string &key, const std::vector<std::string> &values);
    void setFloat32Array(const std::string &key, const std::vector<float> &values);
    void setInt32Array(const std::string &key, const std::vector<std::int32_t> &values);

    // fp32 values (row-major, LibTorch shape) converted to `type` as the file is written; the
    // values must stay alive until write() returns.
    void addTensor(const std::string &name, const Shape &shape, GgmlType type, const float *values);

    // Writes the file atomically (atomic_file.h). Returns false, leaving nothing behind, when
    // progress asked to stop; throws std::runtime_error naming the path on an I/O error.
    bool write(const std::string &path, const ProgressCallback &progress = {}) const;

private:
    struct Tensor
    {
        std::string name;
        Shape shape;
        GgmlType type;
        const float *values;
    };
    void key(const std::string &name, GgufValueType type);

    std::string m_metadata; // serialized key/value pairs
    std::uint64_t m_keyCount = 0;
    std::vector<Tensor> m_tensors;
};

// A GGUF file that the header says something impossible about, or that ends too soon.
class GgufError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct GgufTensorInfo
{
    std::string name;
    Shape shape; // LibTorch order
    GgmlType type = GgmlType::F32;
    std::uint64_t offset = 0; // from the start of the data section
    std::uint64_t bytes = 0;
};

// A GGUF file, memory-mapped and checked: every count, length, type, offset and size in the
// header is validated against the file before anything is used.
class GgufReader
{
public:
    // Throws GgufError naming the file and what is wrong with it.
    explicit GgufReader(const std::string &path);
    ~GgufReader();
    GgufReader(const GgufReader &) = delete;
    GgufReader &operator=(const GgufReader &) = delete;

    const std::string &path() const { return m_path; }
    std::uint32_t version() const { return m_version; }
    const std::map<std::string, GgufValue> &metadata() const { return m_metadata; }
    const GgufValue *find(const std::string &key) const;
    // Throw GgufError naming the key when it is missing or of another kind.
    std::string text(const std::string &key) const;
    double number(const std::string &key) const;
    // A number that must be a count (countFrom); throws GgufError naming the key otherwise.
    std::int64_t count(const std::string &key) const;

    const std::vector<GgufTensorInfo> &tensors() const { return m_tensors; }
    const GgufTensorInfo *tensor(const std::string &name) const;
    // The tensor's values as fp32 (F16 and Q8_0 are expanded).
    std::vector<float> readFloats(const GgufTensorInfo &info) const;
    const std::uint8_t *rawData(const GgufTensorInfo &info) const;

private:
    struct Cursor;
    void parse();

    std::string m_path;
    const std::uint8_t *m_data = nullptr;
    std::uint64_t m_size = 0;
    std::uint32_t m_version = 0;
    std::uint64_t m_dataStart = 0;
    std::map<std::string, GgufValue> m_metadata;
    std::vector<GgufTensorInfo> m_tensors;
};

} // namespace azllm::quant
