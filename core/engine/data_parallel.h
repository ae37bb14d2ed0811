// What a Trainer does differently as one rank of several; trainer.cpp calls it at the hooks
// marked "data parallel". Each rank takes its share of every micro-batch's rows, gradients are
// averaged across ranks after backward (gradient_reducer.h), every rank applies the same update,
// and rank 0 alone validates and writes. Engine sources only (LibTorch, c10d).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "distributed.h"
#include "gpt.h"
#include "gradient_reducer.h"
#include "trainer.h"

namespace azllm {

class DataParallel
{
public:
    // Throws std::invalid_argument when batch_size does not divide among the ranks.
    DataParallel(std::shared_ptr<DistributedGroup> group, Gpt &model, const TrainConfig &train);

    int rank() const { return m_group->rank(); }
    bool isWriter() const { return m_group->isWriter(); }
    // This rank's rows of each micro-batch: [firstRow, firstRow + rowCount).
    std::int64_t firstRow() const { return m_firstRow; }
    std::int64_t rowCount() const { return m_rowCount; }

    // Every rank must be at the same step of the same run; then all take rank 0's weights.
    void synchronizeStart(Gpt &model, const RunConfig &config, std::int64_t step);

    // Dropout masks must differ between ranks. Rank 0 keeps the run's own generator (so a run
    // on one process continues it); rank r > 0 draws from a stream seeded by (seed, rank, step).
    void seedOwnGenerator(at::Generator &generator, std::uint64_t seed, std::int64_t step);
    // Rank r > 0 takes rng-rank-<r>.pt from a checkpoint written by at least r + 1 ranks, and
    // seeds its own stream otherwise (resuming with more processes than wrote it).
    void restoreGenerator(at::Generator &generator, const std::string &checkpointDir,
                          std::uint64_t seed, std::int64_t step);
    // Every rank's generator state, for rank 0 to save (ranks 1.. in order; empty elsewhere).
    std::vector<torch::Tensor> gatherGeneratorStates(at::Generator &generator);

    // At the top of each step, on every rank: go on, stop (any rank asked: Ctrl-C, Stop), or
    // wait while rank 0 is paused. Pause is rank 0's alone: the others have no one to ask them.
    bool agreeToContinue(TrainingControl *control);
    // Rank 0's answer to a question only it can answer (what is on its disk), for every rank.
    bool writerDecides(const std::function<bool()> &decide);

    void beforeBackward(std::int64_t step, bool lastMicroBatch);

    struct StepTotals
    {
        double lossSum = 0;     // summed over micro-batches, mean over the global batch
        double waitSeconds = 0; // blocked on the network after backward, on this rank
        std::vector<double> rankTokensPerSecond; // each rank's tokens over its busy time
    };
    // After the step's last backward: the averaged gradients are in .grad, and every rank learns
    // the global loss and how fast each rank computed.
    StepTotals afterBackward(double lossSum, double busySeconds, std::int64_t rankTokens);

private:
    void waitOutPause(TrainingControl *control);

    std::shared_ptr<DistributedGroup> m_group;
    DistributedGroup::Impl &m_impl;
    std::unique_ptr<GradientReducer> m_reducer;
    std::int64_t m_firstRow = 0;
    std::int64_t m_rowCount = 0;
    std::int64_t m_pauses = 0;
};

} // namespace azllm
