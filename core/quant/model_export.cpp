#include "model_export.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "atomic_file.h"
#include "checkpoint.h"
#include "checkpoint_folder.h"
#include "config_io.h"
#include "gguf_model.h"
#include "hf_model.h"
#include "language_model.h"
#include "model_weights_bridge.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

std::string readBytes(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// LoRA adapters are saved beside the weights; their files name themselves.
bool holdsAdapters(const std::string &checkpointDir)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(checkpointDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find("lora") != std::string::npos || name.find("adapter") != std::string::npos)
            return true;
    }
    return false;
}

quant::ModelWeights exportedWeights(const ExportRequest &request, const std::string &checkpoint,
                                    std::vector<std::string> &notes)
{
    const std::string kind = checkpointKind(checkpoint);
    if (kind == "classify")
        notes.push_back("a classification head is not exported: the file holds the language "
                        "model only");
    if (holdsAdapters(checkpoint)) {
        if (!request.mergeAdapters)
            throw std::runtime_error("checkpoint " + checkpoint +
                                     " holds LoRA adapters, and this build cannot merge them "
                                     "into the weights yet");
        notes.push_back("LoRA adapters merged into the weights");
        return request.mergeAdapters(checkpoint);
    }
    return copyWeights(LanguageModel::fromCheckpoint(checkpoint, "cpu"));
}

std::string runNameOf(const std::string &checkpoint)
{
    return fs::path(checkpoint).parent_path().parent_path().filename().string();
}

} // namespace

const char *exportFormatName(ExportFormat format)
{
    return format == ExportFormat::Gguf ? "gguf" : "safetensors";
}

ExportFormat parseExportFormat(const std::string &name)
{
    if (name == "gguf")
        return ExportFormat::Gguf;
    if (name == "safetensors")
        return ExportFormat::Safetensors;
    throw std::invalid_argument("unknown format '" + name + "' (use gguf or safetensors)");
}

std::string checkpointKind(const std::string &checkpointDir)
{
    std::istringstream config(readTextFile((fs::path(checkpointDir) / "config.txt").string()));
    std::string line;
    while (std::getline(config, line)) {
        std::istringstream words(line.substr(0, line.find('#')));
        std::string key, eq, value;
        if (words >> key >> eq >> value && key == "kind" && eq == "=")
            return value;
    }
    return "pretrain";
}

ExportResult exportModel(const ExportRequest &request, const ExportProgress &progress)
{
    if (request.out.empty())
        throw std::invalid_argument("no output path given");
    if (request.format == ExportFormat::Safetensors && request.type == quant::ExportType::Q8_0)
        throw std::invalid_argument("safetensors has no Q8_0: export it as f32 or f16, or as "
                                    "GGUF for Q8_0");
    ExportResult result;
    result.checkpoint = resolveCheckpointFolder(request.checkpoint);
    if (progress && !progress("loading the checkpoint", 0.0)) {
        result.cancelled = true;
        return result;
    }
    quant::ModelPackage package;
    package.weights = exportedWeights(request, result.checkpoint, package.notes);
    const fs::path tokenizer =
        fs::path(result.checkpoint).parent_path().parent_path() / "tokenizer.model";
    if (fs::is_regular_file(tokenizer))
        package.tokenizerModel = readBytes(tokenizer);
    else
        package.notes.push_back("the run has no tokenizer.model: a placeholder vocabulary "
                                "(byte pieces and [id N]) stands in");
    package.runName = runNameOf(result.checkpoint);
    package.checkpoint = result.checkpoint;
    package.step = readCheckpointState(result.checkpoint).step;

    const auto writing = [&](double fraction) {
        return !progress || progress("writing tensors", 0.1 + 0.9 * fraction);
    };
    if (!fs::path(request.out).parent_path().empty())
        fs::create_directories(fs::path(request.out).parent_path());
    bool complete = false;
    if (request.format == ExportFormat::Gguf) {
        complete = quant::writeGgufModel(request.out, package, request.type, writing);
        if (complete) {
            const fs::path modelfile = fs::path(request.out).parent_path() / "Modelfile";
            quant::writeWholeFile(
                modelfile.string(),
                quant::ollamaModelfile(package, fs::path(request.out).filename().string()));
            result.files = {request.out, modelfile.string()};
        }
    } else {
        quant::AtomicFolder folder(request.out);
        complete = quant::writeHuggingFaceModel(folder.staging(), package, request.type, writing);
        if (complete) {
            folder.commit();
            result.files.push_back((fs::path(request.out) / "model.safetensors").string());
            for (const auto &entry : fs::directory_iterator(request.out))
                if (entry.path().filename() != "model.safetensors")
                    result.files.push_back(entry.path().string());
        }
    }
    result.cancelled = !complete;
    result.notes = package.notes;
    if (complete)
        result.bytes = fs::file_size(result.files.front());
    return result;
}

} // namespace azllm
