// A Hugging Face model folder as `azllm import` meets it: model.safetensors, config.json or the
// tokenizer files (the input's first byte picks which) replaced by the input, the others as the
// studio exports them. The safetensors reader's checks, every tensor widened to fp32, then the
// GPT2LMHeadModel reader over the folder: a bad file must end in a SafetensorsError or
// runtime_error naming it, never a crash.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "hf_model.h"
#include "safetensors.h"
#include "tiny_package.h"

namespace {

namespace fs = std::filesystem;

using Files = std::vector<std::pair<std::string, std::string>>; // name, bytes

std::string readAll(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The tiny model exported in F32, every file of the folder in a stable order.
const Files &pristine()
{
    static const Files files = [] {
        const fs::path folder = fuzz::scratchPath("pristine");
        fs::remove_all(folder);
        fs::create_directories(folder);
        azllm::quant::writeHuggingFaceModel(folder.string(), fuzz::tinyPackage(),
                                            azllm::quant::ExportType::F32);
        Files made;
        for (const fs::directory_entry &entry : fs::directory_iterator(folder))
            made.emplace_back(entry.path().filename().string(), readAll(entry.path()));
        std::sort(made.begin(), made.end());
        return made;
    }();
    return files;
}

double readTensors(const std::string &path)
{
    const azllm::quant::SafetensorsReader reader(path);
    double sum = double(reader.metadata().size());
    for (const azllm::quant::SafetensorsEntry &entry : reader.tensors())
        for (float value : reader.readFloats(entry))
            sum += double(value);
    return sum;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const Files &files = pristine();
    if (const std::string folder = fuzz::seedFolder(); !folder.empty())
        for (std::size_t i = 0; i < files.size(); ++i)
            fuzz::writeFile(folder + "/seed-" + files[i].first,
                            std::string(1, char(i)) + files[i].second);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const Files &files = pristine();
    const fs::path folder = fuzz::scratchPath("model");
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (const auto &[name, bytes] : files)
        fuzz::writeFile((folder / name).string(), bytes);
    const std::string replaced = (folder / files[data[0] % files.size()].first).string();
    fuzz::writeFile(replaced, data + 1, size - 1);
    try {
        volatile double sink = readTensors((folder / "model.safetensors").string());
        (void)sink;
    } catch (const azllm::quant::SafetensorsError &) {
    }
    try {
        (void)azllm::quant::readHuggingFaceModel(folder.string()).weights.tensors.size();
    } catch (const std::runtime_error &) {
    }
    return 0;
}
