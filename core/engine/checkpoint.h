// Checkpoints: one folder per saved step, everything needed to continue the run.
//
//   <run>/checkpoints/step-00000200/
//       config.txt     the RunConfig (config_io.h format)
//       state.txt      step, losses, tokens seen, elapsed seconds, format version
//       model.pt       weights by GPT-2 name (a LibTorch archive)
//       optimizer.pt   AdamW moments and step counts
//       rng.pt         the trainer's generator state (dropout)
//       rng-rank-N.pt  data parallel: rank N's generator state (N = 1 .. processes - 1)
//   <run>/checkpoints/lineage.txt   the run's current line of checkpoints, oldest first
// The folder is written as step-N.tmp, every file and folder synced to the disk, and swapped into
// place when complete, so a crash, a power cut or a cancel never leaves a half checkpoint under a
// real name. docs/formats.md has the details.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "train_config.h"

namespace azllm {

inline constexpr int kCheckpointFormatVersion = 1;
// Tuned checkpoints (kind sft or classify): version 1's files, and adapters.pt, head.pt,
// labels.txt and base.txt where the run has them; model.pt only when the module's own weights
// changed (docs/formats.md). Pretraining still writes version 1.
inline constexpr int kTunedCheckpointFormatVersion = 2;

struct CheckpointState
{
    int formatVersion = kCheckpointFormatVersion;
    std::int64_t step = 0; // optimizer steps done; also where the data stream continues
    std::int64_t tokensSeen = 0;
    double trainLoss = 0;       // loss of the last step
    double validationLoss = -1; // last validation loss, -1 when none yet
    double elapsedSeconds = 0;  // training time so far, across resumes
    // fp16's dynamic loss scale (loss_scaler.h); absent from older checkpoints, which start over.
    double lossScale = 65536.0;
    std::int64_t lossScaleGoodSteps = 0;
    std::int64_t skippedSteps = 0;
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

// The complete checkpoints of the run's current lineage, oldest first: what resume, the lists
// and pruning follow. lineage.txt names them; a run without one (written before it existed) has
// every complete checkpoint in step order. Temporary and set-aside folders are never listed.
std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir);
std::optional<CheckpointInfo> latestCheckpoint(const std::string &runDir);

// The run a checkpoint folder belongs to (<run>/checkpoints/step-N -> <run>); empty for a folder
// that does not lie in a run's checkpoints/ (a checkpoint copied elsewhere).
std::string runDirOf(const std::string &checkpointDir);
// Makes checkpointDir (in <run>/checkpoints/) the newest of its run's lineage: resuming from an
// earlier step abandons the later checkpoints (never offered again; pruning removes them once
// the new line has its own).
void continueLineageFrom(const std::string &checkpointDir);
// Adds a checkpoint just put in place to the end of its run's lineage.
void appendToLineage(const std::string &runDir, const std::string &checkpointDir);
// Renames a checkpoint whose weights made the loss non-finite to "<folder>.diverged" (kept for a
// look, never offered) and drops it from the lineage. Returns the new path.
std::string setAsideDivergedCheckpoint(const std::string &checkpointDir);

// True when runDir already holds a run: a config.txt or a checkpoints folder.
bool holdsRun(const std::string &runDir);

// The error every checkpoint loader throws: "checkpoint DIR: why", so messages name the folder
// the same way whichever file in it is at fault.
// Inline: the archive check in the engine's base library uses it too.
inline std::runtime_error checkpointError(const std::string &checkpointDir, const std::string &why)
{
    return std::runtime_error("checkpoint " + checkpointDir + ": " + why);
}

// Throw std::runtime_error naming the folder and the file when a checkpoint is missing or damaged.
RunConfig readCheckpointConfig(const std::string &checkpointDir);
CheckpointState readCheckpointState(const std::string &checkpointDir);

// Deletes all but the newest `keep` checkpoints of the lineage, the abandoned ones outside it and
// leftovers of interrupted writes; set-aside (.diverged) folders stay.
// keepAlso: the step of a checkpoint kept besides them (a tuning run's best), -1 none.
void pruneCheckpoints(const std::string &runDir, std::int64_t keep, std::int64_t keepAlso = -1);

// Tuning runs keep their lowest-validation-loss checkpoint: <run>/best.txt names its step.
void recordBestCheckpoint(const std::string &runDir, std::int64_t step, double validationLoss);
std::optional<CheckpointInfo> bestCheckpoint(const std::string &runDir);
// What a run folder stands for when a model is asked of it: its best checkpoint when it keeps
// one, else its newest.
std::optional<CheckpointInfo> preferredCheckpoint(const std::string &runDir);

} // namespace azllm
