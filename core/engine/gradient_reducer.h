// Averages gradients across ranks: parameters packed into buckets of about bucketBytes, each
// bucket all-reduced as soon as backward has produced all of its gradients, so communication
// overlaps the rest of backward (what PyTorch's DistributedDataParallel does, in small).
// Engine sources only (LibTorch, c10d).
//
// Buckets hold parameters in reverse order, the order backward finishes them, and are always
// launched in index order: every rank must issue the same collectives in the same order.
#pragma once

#include <torch/torch.h>

#include <torch/csrc/distributed/c10d/Work.hpp>

#include <cstdint>
#include <vector>

#include "distributed.h"

namespace azllm {

class GradientReducer
{
public:
    GradientReducer(const std::vector<torch::Tensor> &parameters, DistributedGroup::Impl &group,
                    std::int64_t bucketBytes);
    ~GradientReducer();
    GradientReducer(const GradientReducer &) = delete;
    GradientReducer &operator=(const GradientReducer &) = delete;

    // Before the backward pass that completes the step's gradients (the last micro-batch): its
    // gradient hooks fill the buckets and launch their all-reduce while backward goes on.
    void expectFinalBackward(std::int64_t step);
    // After it: launches what the hooks did not, waits, and leaves every parameter's gradient
    // the mean over ranks. Returns the seconds spent waiting for the network.
    double finish();
    std::size_t bucketCount() const { return m_buckets.size(); }

private:
    struct Bucket
    {
        std::vector<std::size_t> slots;
        torch::Tensor flat; // the gradients of its slots, back to back
        std::size_t pending = 0;
        c10::intrusive_ptr<c10d::Work> work; // set once launched
    };
    struct Slot
    {
        torch::Tensor parameter;
        std::size_t bucket = 0;
        std::int64_t offset = 0;
        unsigned hook = 0;
        bool ready = false;
    };

    void gradientArrived(std::size_t slot, const torch::Tensor &incoming);
    void launchReadyBuckets();
    void launch(Bucket &bucket);
    // The slot's stretch of its bucket, shaped like its parameter.
    torch::Tensor viewOf(const Slot &slot) const;
    std::string describe(const char *what) const;

    DistributedGroup::Impl &m_group;
    std::vector<Slot> m_slots;
    std::vector<Bucket> m_buckets;
    std::size_t m_nextLaunch = 0;
    bool m_armed = false;
    std::int64_t m_step = 0;
};

} // namespace azllm
