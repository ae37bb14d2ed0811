// Checkpoints: one folder per saved step, everything needed to continue the run.
//
//   <run>/checkpoints/step-00000200/
//       config.txt     the RunConfig (config_io.h format)
//       state.txt      step, losses, tokens seen, elapsed seconds, format version
//       model.pt       weights by GPT-2 name (a LibTorch archive)
//       optimizer.pt   AdamW moments and step counts
//       rng.pt         LibTorch's CPU generator state (dropout)
//       rng-rank-N.pt  data parallel: rank N's generator state (N = 1 .. processes - 1)
// The folder is written as step-N.tmp and renamed when complete, so a crash or a cancel never
// leaves a half checkpoint under a real name. docs/formats.md has the details.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "train_config.h"

namespace azllm {

inline constexpr int kCheckpointFormatVersion = 1;

struct CheckpointState
{
    std::int64_t step = 0; // optimizer steps done; also where the data stream continues
    std::int64_t tokensSeen = 0;
    double trainLoss = 0;       // loss of the last step
    double validationLoss = -1; // last validation loss, -1 when none yet
    double elapsedSeconds = 0;  // training time so far, across resumes
};

struct CheckpointInfo
{
    std::string path;
    CheckpointState state;
};

std::string checkpointsDir(const std::string &runDir);
std::string checkpointDirName(std::int64_t step);
// Data parallel: where a checkpoint keeps rank N's random state (rank 0's is rng.pt).
std::string rankGeneratorFileName(int rank);

// Complete checkpoints of a run, oldest first (temporary folders are ignored).
std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir);
std::optional<CheckpointInfo> latestCheckpoint(const std::string &runDir);

// Throw std::runtime_error naming the folder and the file when a checkpoint is missing or damaged.
RunConfig readCheckpointConfig(const std::string &checkpointDir);
CheckpointState readCheckpointState(const std::string &checkpointDir);

// Deletes all but the newest `keep` checkpoints of a run.
void pruneCheckpoints(const std::string &runDir, std::int64_t keep);

} // namespace azllm
