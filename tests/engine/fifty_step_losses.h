// Fifty AdamW steps of a small model on fixed batches, for tests that compare two ways of
// computing the same training loss (engine tests only: LibTorch).
#pragma once

#include <functional>
#include <vector>

#include "gpt.h"

// The loss of predicting targets (B, T) from idx (B, T) with the model, one way or another.
using LossOf = std::function<torch::Tensor(azllm::Gpt &, const torch::Tensor &idx,
                                           const torch::Tensor &targets)>;

// 50 AdamW steps (learning rate 3e-3) of a model built from config with generator seed 5 on four
// fixed batches of 3 x 12 tokens (seed 6), in training mode; the loss of each step.
inline std::vector<double> fiftyStepLosses(const azllm::ModelConfig &config, const LossOf &lossOf)
{
    azllm::Gpt model(config, at::detail::createCPUGenerator(5));
    model->train();
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-3));
    at::Generator data = at::detail::createCPUGenerator(6);
    const torch::Tensor windows = torch::randint(config.vocabSize, {4, 3, 13}, data, torch::kLong);
    std::vector<double> losses;
    for (int step = 0; step < 50; ++step) {
        const torch::Tensor w = windows[step % 4];
        const torch::Tensor idx = w.slice(1, 0, 12), targets = w.slice(1, 1, 13);
        optimizer.zero_grad();
        const torch::Tensor loss = lossOf(model, idx, targets);
        loss.backward();
        optimizer.step();
        losses.push_back(loss.item<double>());
    }
    return losses;
}
