// Where a checkpoint path given by the learner points. Plain C++, no LibTorch.
#pragma once

#include <string>

namespace azllm {

// A checkpoint folder (with state.txt) means itself; a run folder its newest checkpoint to
// resume, or, to use the model, the best one when a tuning run kept one (docs/finetune.md).
// Throws std::runtime_error naming the path when it does not exist or holds no checkpoint.
std::string resolveCheckpointFolder(const std::string &checkpointOrRunDir, bool toResume = false);

} // namespace azllm
