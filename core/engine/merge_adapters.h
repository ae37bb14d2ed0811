// "Merge on demand": a LoRA (or last-N) checkpoint keeps its adapters apart from the base; this
// bakes them in and writes a self-contained checkpoint (model.pt only) that loads anywhere a
// plain model does, and leaves the original untouched.
#pragma once

#include <string>

namespace azllm {

// Writes <outRunDir>/checkpoints/step-N (N: the source's step) with config.txt (lora_rank 0,
// train_blocks all, base_checkpoint kept for the record), state.txt, model.pt and rng.pt.
// Returns its folder. Throws std::runtime_error naming what cannot be read or written.
std::string mergeAdapters(const std::string &checkpointDir, const std::string &outRunDir);

} // namespace azllm
