// Where a checkpoint path given by the learner points. Plain C++, no LibTorch.
#pragma once

#include <string>

namespace azllm {

// A run folder means its newest checkpoint, a checkpoint folder (with state.txt) itself. Throws
// std::runtime_error naming the path when it does not exist or holds no checkpoint.
std::string resolveCheckpointFolder(const std::string &checkpointOrRunDir);

} // namespace azllm
