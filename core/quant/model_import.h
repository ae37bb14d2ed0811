// `azllm import`: a GGUF file or a Hugging Face safetensors folder back into a run folder with
// one checkpoint and its tokenizer, which every screen and command can then use.
#pragma once

#include <string>
#include <vector>

#include "model_config.h"

namespace azllm {

struct ImportResult
{
    std::string runDir;
    std::string checkpoint;
    ModelConfig config;
    std::string format; // "gguf" or "safetensors"
    std::vector<std::string> notes;
};

// `in` is a .gguf file, a safetensors folder, or the model.safetensors inside one; `outRunDir`
// must not exist yet. Throws std::runtime_error with a sentence naming the file; a failed import
// leaves nothing at outRunDir.
ImportResult importModel(const std::string &in, const std::string &outRunDir);

} // namespace azllm
