// The bridge between the engine's LibTorch model and core/quant's plain structures: the decode
// path reads the model's fp32 tensors in place, the exporters copy them out, the importers copy
// them back into a fresh model and checkpoint. No LibTorch in this header.
#pragma once

#include <memory>
#include <string>

#include "decode_model.h"
#include "language_model.h"
#include "model_weights.h"
#include "train_config.h"

namespace azllm {

// The decode path over this model's weights (CPU only): fp32 reads them in place (the model's
// tensors stay alive as long as the DecodeModel), int8 quantizes a copy. Throws
// std::invalid_argument for a model on a GPU.
std::shared_ptr<const quant::DecodeModel> buildDecodeModel(const LanguageModel &model,
                                                           quant::Precision precision);

// Every tensor copied out as fp32, by GPT-2 name, in module order.
quant::ModelWeights copyWeights(const LanguageModel &model);

// A CPU model holding these weights; throws std::runtime_error naming a missing or misshapen
// tensor.
LanguageModel modelFromWeights(const quant::ModelWeights &weights);

// Writes weights as a checkpoint of a new run folder: <runDir>/config.txt and
// <runDir>/checkpoints/step-<step>/ (no optimizer state: the run starts fresh from these weights).
// Returns the checkpoint folder.
std::string saveWeightsAsCheckpoint(const std::string &runDir, const RunConfig &config,
                                    const quant::ModelWeights &weights, std::int64_t step = 0);

} // namespace azllm
