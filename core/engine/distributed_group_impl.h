// DistributedGroup's insides, for the engine's data-parallel code. Engine sources only (c10d).
#pragma once

#include <torch/torch.h>

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "distributed.h"
#include "rank_watch.h"

namespace azllm {

struct DistributedGroup::Impl
{
    DistributedSettings settings;
    std::string backend = "gloo";
    c10::intrusive_ptr<c10d::Store> store; // this run's keys
    // Gloo on CPU tensors: the small per-step exchanges, random states, and CPU gradients.
    c10::intrusive_ptr<c10d::ProcessGroup> cpu;
    // What all-reduces gradients and broadcasts weights: NCCL for CUDA tensors when this build
    // has it, else the Gloo group (which also takes CUDA tensors, through host memory).
    c10::intrusive_ptr<c10d::ProcessGroup> gradients;
    std::unique_ptr<RankWatch> watch;

    // Waits for a collective. Its failure or timeout becomes a DistributedError that names the
    // rank the watch blames; `what` says which collective ("the gradient all-reduce of step 7").
    void wait(const c10::intrusive_ptr<c10d::Work> &work, const std::string &what);
    [[noreturn]] void fail(const std::string &what, const std::exception &cause);
    // Issues a collective and waits for it, both under the same failure handling.
    void run(const std::string &what, const std::function<c10::intrusive_ptr<c10d::Work>()> &issue);

    // Element-wise sum over all ranks of a few numbers (losses, flags, timings), exact in doubles.
    std::vector<double> sum(const std::vector<double> &values, const std::string &what);
    // Every rank's tensor (same shape and type on all ranks), indexed by rank.
    std::vector<torch::Tensor> gather(const torch::Tensor &mine, const std::string &what);
    // Replaces tensor's contents with rank 0's.
    void broadcast(torch::Tensor &tensor, const std::string &what);
};

} // namespace azllm
