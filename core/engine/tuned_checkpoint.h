// Loading what a tuned checkpoint computes with. A full or last-N tuning keeps model.pt; LoRA and
// head-only runs keep only what they change (adapters.pt, head.pt) and name their base, whose
// weights are loaded first. base.txt fingerprints the base so a changed or replaced base is
// caught instead of silently mixing weights. Engine sources only (LibTorch).
#pragma once

#include <string>

#include "gpt.h"
#include "train_config.h"

namespace azllm {

// The token ids whose embedding rows a run with a frozen table trains (docs/text_pipeline.md):
// the chat markers 4-7 for sft, <|label|> (8) for classify unless only the head trains.
std::vector<std::int64_t> markerIdsFor(const TuningConfig &tuning);

// model.pt, or (without one) the base's weights, recursively; then adapters.pt merged in.
// Throws std::runtime_error naming the checkpoint and the missing or changed file.
void loadModelWeights(const std::string &checkpointDir, Gpt &model);

// base.txt: the base checkpoint's path and a fingerprint of its state and weight files.
void writeBaseReference(const std::string &checkpointDir, const std::string &baseDir);
// Throws when the base is gone or differs from the one recorded.
void checkBaseReference(const std::string &checkpointDir, const std::string &baseDir);

} // namespace azllm
