// A studio GPT in the Hugging Face layout that transformers loads as GPT2LMHeadModel: a folder
// with model.safetensors (Conv1D weights transposed, "transformer." names, the output head tied
// and so not stored), config.json, the SentencePiece tokenizer files and a short model card
// (README.md). And such a folder back into weights. docs/formats.md, "safetensors".
#pragma once

#include <string>

#include "model_package.h"
#include "safetensors.h"

namespace azllm::quant {

// Our tensor name as transformers' GPT2LMHeadModel names it ("transformer.h.0.attn.c_attn.weight"),
// and whether it is one of GPT-2's Conv1D weights, stored (in, out): transposed from ours.
std::string huggingFaceTensorName(const std::string &name);
bool isConv1DWeight(const std::string &name);

// Writes the files into `folder` (which must exist; the caller makes it atomic). F32 or F16;
// throws std::invalid_argument for Q8_0, which safetensors cannot hold. False when cancelled.
bool writeHuggingFaceModel(const std::string &folder, const ModelPackage &package, ExportType type,
                           const ProgressCallback &progress = {});

// Reads a folder written as above (or by transformers for a GPT-2 of this shape with a
// SentencePiece tokenizer). Throws SafetensorsError naming the file and the problem.
ImportedModel readHuggingFaceModel(const std::string &folder);

} // namespace azllm::quant
