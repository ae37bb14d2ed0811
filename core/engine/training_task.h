// What a tuning run optimises: its batches, loss, trainable parameters, validation and the files
// its checkpoints carry besides the model. The Trainer keeps pretraining's own path and hands the
// two tuning kinds (sft, classify) to one of these. Engine sources only (LibTorch).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "classification_metrics.h"
#include "gpt.h"
#include "train_config.h"

namespace azllm {

struct TaskLoss
{
    torch::Tensor loss;      // scalar, a graph to backpropagate
    std::int64_t tokens = 0; // tokens the micro-batch processed (padding excluded)
};

class TrainingTask
{
public:
    virtual ~TrainingTask() = default;

    // Parameters the optimizer updates: matrices (weight decay) and the rest, in a fixed order.
    virtual void trainable(std::vector<torch::Tensor> &decay,
                           std::vector<torch::Tensor> &noDecay) const = 0;
    // Loss of micro-batch `micro` of optimizer step `step` (0-based).
    virtual TaskLoss trainLoss(std::int64_t step, std::int64_t micro) = 0;
    // Mean loss over the whole validation file; the caller holds a NoGradGuard and eval mode.
    virtual double validationLoss() = 0;
    virtual std::int64_t stepsPerEpoch() const = 0;
    // Whether checkpoints hold model.pt (false: the base's weights plus adapters or a head).
    virtual bool savesModelWeights() const = 0;
    // Writes adapters.pt, head.pt, labels.txt, base.txt into a checkpoint folder being written.
    virtual void saveFiles(const std::string &checkpointDir) const = 0;
    virtual void loadFiles(const std::string &checkpointDir) = 0;
    // The classification report of the last validation, for classify runs.
    virtual std::optional<ClassificationReport> report() const { return std::nullopt; }
};

// Kind "sft" or "classify"; throws std::runtime_error naming a bad examples file. New adapters
// and heads draw their initial weights from generator, the trainer's.
std::unique_ptr<TrainingTask> makeTuningTask(const RunConfig &config, Gpt &model,
                                             const torch::Device &device, at::Generator generator);
std::unique_ptr<TrainingTask> makeSftTask(const RunConfig &config, Gpt &model,
                                          const torch::Device &device, at::Generator generator);
std::unique_ptr<TrainingTask> makeClassifyTask(const RunConfig &config, Gpt &model,
                                               const torch::Device &device,
                                               at::Generator generator);

} // namespace azllm
