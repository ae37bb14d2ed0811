// GGUF files as `azllm import` meets them: the reader's checks of the header, metadata and tensor
// table, every tensor read back as fp32, then the GPT-2 model reader over the same file. A bad
// file must end in GgufError (or the model checks' runtime_error), never a crash or a huge
// allocation.
#include <stdexcept>

#include "fuzz_support.h"
#include "gguf.h"
#include "gguf_model.h"
#include "tiny_package.h"

namespace {

// The tiny model as the studio exports it, once per tensor type.
void writeSeeds(const std::string &folder)
{
    using azllm::quant::ExportType;
    azllm::quant::ModelPackage package = fuzz::tinyPackage();
    for (ExportType type : {ExportType::F32, ExportType::F16, ExportType::Q8_0})
        azllm::quant::writeGgufModel(
            folder + "/tiny-" + azllm::quant::exportTypeName(type) + ".gguf", package, type);
}

double readEverything(const std::string &path)
{
    const azllm::quant::GgufReader reader(path);
    double sum = reader.version();
    for (const auto &[key, value] : reader.metadata())
        sum += double(key.size() + value.text.size() + value.numbers.size() + value.texts.size());
    for (const azllm::quant::GgufTensorInfo &info : reader.tensors())
        for (float value : reader.readFloats(info))
            sum += double(value);
    return sum;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    if (const std::string folder = fuzz::seedFolder(); !folder.empty())
        writeSeeds(folder);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("input.gguf");
    fuzz::writeFile(path, data, size);
    try {
        volatile double sink = readEverything(path);
        (void)sink;
        (void)azllm::quant::readGgufModel(path).weights.tensors.size();
    } catch (const azllm::quant::GgufError &) {
    } catch (const std::runtime_error &) {
    }
    return 0;
}
