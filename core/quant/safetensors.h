// safetensors (Hugging Face's tensor file): an 8-byte little-endian header length N, N bytes of
// JSON naming each tensor's dtype, shape and [begin, end) byte range in the data that follows,
// plus an optional "__metadata__" object of strings. Layout: docs/formats.md, "safetensors".
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "gguf.h" // ProgressCallback
#include "json_value.h"
#include "model_weights.h"

namespace azllm::quant {

enum class SafetensorsType
{
    F32,
    F16
};

class SafetensorsWriter
{
public:
    void setMetadata(const std::string &key, const std::string &value);
    // values are row-major with `sourceShape`; transposed (2-D only) writes the transpose, so the
    // file's shape is sourceShape reversed. values must stay alive until write() returns.
    void addTensor(const std::string &name, const Shape &sourceShape, const float *values,
                   SafetensorsType type, bool transposed = false);
    // Atomic (atomic_file.h); false and nothing written when progress asks to stop.
    bool write(const std::string &path, const ProgressCallback &progress = {}) const;

private:
    struct Tensor
    {
        std::string name;
        Shape sourceShape;
        const float *values;
        SafetensorsType type;
        bool transposed;
    };
    std::map<std::string, std::string> m_metadata;
    std::vector<Tensor> m_tensors;
};

class SafetensorsError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// JSON read for a safetensors header or a Hugging Face folder's config.json: malformed text
// throws SafetensorsError naming `source` and the byte, like every other fault of those files.
JsonValue parseSafetensorsJson(const std::string &text, const std::string &source);

struct SafetensorsEntry
{
    std::string name;
    std::string dtype; // "F32", "F16", "BF16"
    Shape shape;
    std::uint64_t begin = 0; // within the data section
    std::uint64_t end = 0;
};

// Reads a whole file and checks it: the header length, the JSON, every dtype and shape against
// its byte range, the ranges inside the data and covering it without overlap.
class SafetensorsReader
{
public:
    // Throws SafetensorsError naming the file and what is wrong.
    explicit SafetensorsReader(const std::string &path);

    const std::string &path() const { return m_path; }
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }
    const std::vector<SafetensorsEntry> &tensors() const { return m_tensors; }
    const SafetensorsEntry *tensor(const std::string &name) const;
    // As fp32, in the file's shape; F16 and BF16 are widened.
    std::vector<float> readFloats(const SafetensorsEntry &entry) const;

private:
    std::string m_path;
    std::string m_bytes;
    std::uint64_t m_dataStart = 0;
    std::map<std::string, std::string> m_metadata;
    std::vector<SafetensorsEntry> m_tensors;
};

} // namespace azllm::quant
