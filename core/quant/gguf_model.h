// A studio GPT as a GGUF that llama.cpp, Ollama and LM Studio load (arch "gpt2", SentencePiece
// vocabulary as tokenizer.ggml.model = "llama"), and such a GGUF back into weights.
// docs/formats.md ("GGUF") lists every key and tensor.
#pragma once

#include <string>

#include "gguf.h"
#include "model_package.h"

namespace azllm::quant {

// Our tensor name ("h.3.mlp.c_fc.weight") as GGUF's gpt2 loader names it ("blk.3.ffn_up.weight").
std::string ggufTensorName(const std::string &name);

// Writes the GGUF atomically; false (nothing written) when progress cancels. A matrix whose rows
// do not split into 32-value blocks is written F16 under Q8_0, with a note in package.notes.
bool writeGgufModel(const std::string &path, ModelPackage &package, ExportType type,
                    const ProgressCallback &progress = {});

// An Ollama Modelfile for the GGUF named ggufFileName (in the same folder): the chat template
// and its stop words for a chat model, plain continuation otherwise.
std::string ollamaModelfile(const ModelPackage &package, const std::string &ggufFileName);

// Reads a GPT-2 GGUF with a SentencePiece vocabulary. Throws GgufError with a sentence for the
// learner: another architecture, a byte-level BPE vocabulary ("gpt2"), an MLP that is not 4C
// wide, an output head that differs from the token table, a missing or misshapen tensor.
ImportedModel readGgufModel(const std::string &path);

} // namespace azllm::quant
