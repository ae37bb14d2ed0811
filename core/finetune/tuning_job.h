// Preparing a tuning run from a base checkpoint and a dataset file, for `azllm sft|classify
// train` and the Fine-tune screen alike: the dataset read and checked, split, encoded with the
// base run's tokenizer into examples files, and a run config with defaults that suit tuning.
//
//   <out>/config.txt                 the run config (kind, base_checkpoint, ...)
//   <out>/tokenizer.model            the base run's tokenizer
//   <out>/data/train.examples        docs/formats.md
//   <out>/data/val.examples
//   <out>/data/validation.jsonl      classify: the validation texts, for the misclassified list
//   <out>/data/report.txt            what was read: counts, problems, truncation
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "classification_dataset.h"
#include "sft_encoder.h"
#include "train_config.h"

namespace azllm {

struct TuningRequest
{
    std::string kind = "sft";   // sft | classify
    std::string base;           // a checkpoint folder, or a run folder (its best or newest)
    std::string data;           // the dataset file
    std::string validationData; // optional: a second file instead of a split of data
    std::string outDir;
    double validationRatio = 0.1;
    std::uint64_t seed = 1337;
    // Config keys over the kind's defaults, in order (epochs, lora_rank, learning_rate, ...).
    std::vector<std::pair<std::string, std::string>> settings;
};

struct PreparedTuning
{
    RunConfig config;
    std::string baseCheckpoint;
    std::string format; // what the dataset was read as (alpaca, sharegpt, messages, csv, ...)
    std::vector<DatasetIssue> issues;
    std::int64_t trainExamples = 0;
    std::int64_t validationExamples = 0;
    std::int64_t stepsPerEpoch = 0;
    SftEncodingStats sft;                      // train and validation together
    ClassEncodingStats classify;               // train and validation together
    std::vector<std::string> labels;           // classify
    std::vector<LabelledText> trainItems;      // classify: for the baselines on the same split
    std::vector<LabelledText> validationItems; // classify: for the misclassified list
    // One line each, for the console and the screen's log.
    std::vector<std::string> summary() const;
};

// The defaults a kind starts from (learning rate, epochs, warmup, batch, ...), applied before
// the request's settings. For classify, mode is head | last2 | full | lora.
std::vector<std::pair<std::string, std::string>> tuningDefaults(const std::string &kind);
std::vector<std::pair<std::string, std::string>> classifyModeSettings(const std::string &mode);

// Writes everything above except checkpoints. Throws std::runtime_error (a file, a line and the
// reason) or std::invalid_argument (a setting) without leaving a half-made run folder behind.
PreparedTuning prepareTuning(const TuningRequest &request);

// Questions to compare base and tuned answers on: the validation file's (a chat dataset or
// question/reference JSONL) or, without one, the conversations the run's split holds out; each
// the first question and its answer as the reference. At most count.
std::vector<EvalItem> heldOutQuestions(const TuningRequest &request, int count);

// The checkpoint a base folder stands for (its best, else its newest); throws naming the folder.
std::string resolveBaseCheckpoint(const std::string &checkpointOrRunDir);

} // namespace azllm
