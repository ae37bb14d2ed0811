#include "model_import.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "atomic_file.h"
#include "checkpoint.h"
#include "gguf_model.h"
#include "hf_model.h"
#include "model_weights_bridge.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

bool startsWithGgufMagic(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::memcmp(magic, "GGUF", 4) == 0;
}

} // namespace

ImportResult importModel(const std::string &in, const std::string &outRunDir)
{
    if (!fs::exists(in))
        throw std::runtime_error(in + ": no such file or folder");
    if (fs::exists(outRunDir) && !fs::is_empty(outRunDir))
        throw std::runtime_error(outRunDir + " already exists; import into a new run folder");
    ImportResult result;
    quant::ImportedModel model;
    if (fs::is_directory(in)) {
        model = quant::readHuggingFaceModel(in);
        result.format = "safetensors";
    } else if (fs::path(in).filename() == "model.safetensors") {
        model = quant::readHuggingFaceModel(fs::path(in).parent_path().string());
        result.format = "safetensors";
    } else if (startsWithGgufMagic(in)) {
        model = quant::readGgufModel(in);
        result.format = "gguf";
    } else {
        throw std::runtime_error(in + ": neither a GGUF file nor a safetensors folder");
    }
    RunConfig config;
    config.model = model.weights.config;
    config.train.outDir = outRunDir;
    quant::AtomicFolder folder(outRunDir);
    const std::string staged =
        saveWeightsAsCheckpoint(folder.staging(), config, model.weights, model.step);
    quant::writeWholeFile((fs::path(folder.staging()) / "tokenizer.model").string(),
                          model.tokenizerModel);
    if (fs::exists(outRunDir))
        fs::remove(outRunDir); // an empty folder the learner made for it
    folder.commit();
    result.runDir = outRunDir;
    result.checkpoint =
        (fs::path(outRunDir) / "checkpoints" / fs::path(staged).filename()).string();
    result.config = config.model;
    result.notes = model.notes;
    return result;
}

} // namespace azllm
