// `azllm export` and the Export dialog: a checkpoint to a GGUF file (with an Ollama Modelfile
// beside it) or a Hugging Face safetensors folder, atomically, with progress and cancel.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model_package.h"

namespace azllm {

enum class ExportFormat
{
    Gguf,
    Safetensors
};

const char *exportFormatName(ExportFormat format); // "gguf", "safetensors"
// Throws std::invalid_argument for another name.
ExportFormat parseExportFormat(const std::string &name);

// Fine-tuned checkpoints with LoRA adapters (issue 9) fold them into the base weights before
// writing: the fine-tuning code provides this function (checkpoint folder -> merged weights).
using AdapterMerger = std::function<quant::ModelWeights(const std::string &checkpointDir)>;

struct ExportRequest
{
    std::string checkpoint; // a checkpoint folder, or a run folder (its newest)
    ExportFormat format = ExportFormat::Gguf;
    quant::ExportType type = quant::ExportType::F32;
    std::string out; // the .gguf file, or the safetensors folder
    AdapterMerger mergeAdapters;
};

struct ExportResult
{
    std::string checkpoint;         // the checkpoint folder actually exported
    std::vector<std::string> files; // what was written, the main file first
    std::uint64_t bytes = 0;        // size of the main file
    std::vector<std::string> notes; // for the user: a head not exported, F16 fallbacks, ...
    bool cancelled = false;         // nothing was written
};

// stage is a short English phrase ("loading the checkpoint", "writing tensors"); fraction 0..1
// within the whole export. Return false to cancel.
using ExportProgress = std::function<bool(const std::string &stage, double fraction)>;

// The run's kind from its config.txt: "pretrain" (also when the key is missing), "sft" or
// "classify".
std::string checkpointKind(const std::string &checkpointDir);

// Throws std::runtime_error (or std::invalid_argument for a bad request) with a sentence naming
// the file; a failed or cancelled export leaves no file or folder at `out`.
ExportResult exportModel(const ExportRequest &request, const ExportProgress &progress = {});

} // namespace azllm
