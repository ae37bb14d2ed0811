#include "gradient_reducer.h"

#include <chrono>

#include "distributed_group_impl.h"

namespace azllm {

GradientReducer::GradientReducer(const std::vector<torch::Tensor> &parameters,
                                 DistributedGroup::Impl &group, std::int64_t bucketBytes)
    : m_group(group)
{
    // Reverse order: the output end of the model finishes backward first.
    std::int64_t filled = 0;
    for (auto p = parameters.rbegin(); p != parameters.rend(); ++p) {
        const std::int64_t bytes = p->numel() * std::int64_t(p->element_size());
        if (m_buckets.empty() || (filled > 0 && filled + bytes > bucketBytes) ||
            m_buckets.back().flat.defined() /* placeholder never set here */) {
            m_buckets.emplace_back();
            filled = 0;
        }
        Slot slot;
        slot.parameter = *p;
        slot.bucket = m_buckets.size() - 1;
        slot.offset = filled / std::int64_t(p->element_size());
        m_buckets.back().slots.push_back(m_slots.size());
        m_slots.push_back(slot);
        filled += bytes;
    }
    for (Bucket &bucket : m_buckets) {
        std::int64_t elements = 0;
        for (std::size_t s : bucket.slots)
            elements += m_slots[s].parameter.numel();
        bucket.flat = torch::zeros({elements}, m_slots[bucket.slots.front()].parameter.options());
    }
    for (std::size_t s = 0; s < m_slots.size(); ++s)
        m_slots[s].hook = m_slots[s].parameter.register_hook(
            [this, s](const torch::Tensor &grad) { gradientArrived(s, grad); });
}

GradientReducer::~GradientReducer()
{
    for (Slot &slot : m_slots)
        slot.parameter.remove_hook(slot.hook);
}

torch::Tensor GradientReducer::viewOf(const Slot &slot) const
{
    return m_buckets[slot.bucket]
        .flat.narrow(0, slot.offset, slot.parameter.numel())
        .view(slot.parameter.sizes());
}

std::string GradientReducer::describe(const char *what) const
{
    return std::string(what) + " of step " + std::to_string(m_step + 1);
}

void GradientReducer::expectFinalBackward(std::int64_t step)
{
    m_step = step;
    m_armed = true;
    m_nextLaunch = 0;
    for (Slot &slot : m_slots)
        slot.ready = false;
    for (Bucket &bucket : m_buckets) {
        bucket.pending = bucket.slots.size();
        bucket.work.reset();
    }
}

// Called by autograd once per parameter with the gradient of this backward pass, before it is
// added to .grad: the bucket gets the step's whole gradient (earlier micro-batches + this one).
void GradientReducer::gradientArrived(std::size_t index, const torch::Tensor &incoming)
{
    Slot &slot = m_slots[index];
    if (!m_armed || slot.ready)
        return;
    torch::NoGradGuard noGrad;
    torch::Tensor target = viewOf(slot);
    const torch::Tensor &earlier = slot.parameter.grad();
    if (earlier.defined())
        torch::add_out(target, earlier, incoming);
    else
        target.copy_(incoming);
    slot.ready = true;
    if (--m_buckets[slot.bucket].pending == 0)
        launchReadyBuckets();
}

void GradientReducer::launchReadyBuckets()
{
    while (m_nextLaunch < m_buckets.size() && m_buckets[m_nextLaunch].pending == 0)
        launch(m_buckets[m_nextLaunch++]);
}

void GradientReducer::launch(Bucket &bucket)
{
    std::vector<at::Tensor> tensors = {bucket.flat};
    try {
        bucket.work = m_group.gradients->allreduce(tensors);
    } catch (const std::exception &e) {
        m_group.fail(describe("the gradient all-reduce"), e);
    }
}

double GradientReducer::finish()
{
    torch::NoGradGuard noGrad;
    m_armed = false;
    // Gradients that no hook delivered (a parameter unused this step, or hooks not armed):
    // whatever .grad holds, zero when nothing.
    for (Slot &slot : m_slots) {
        if (slot.ready)
            continue;
        const torch::Tensor &grad = slot.parameter.grad();
        if (grad.defined())
            viewOf(slot).copy_(grad);
        else
            viewOf(slot).zero_();
        slot.ready = true;
        --m_buckets[slot.bucket].pending;
    }
    launchReadyBuckets();

    const auto start = std::chrono::steady_clock::now();
    const double ranks = double(m_group.settings.worldSize);
    for (Bucket &bucket : m_buckets) {
        m_group.wait(bucket.work, describe("the gradient all-reduce"));
        bucket.flat.div_(ranks);
    }
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The averaged gradients stay in the buckets; .grad views them (no copy back).
    for (Slot &slot : m_slots)
        slot.parameter.mutable_grad() = viewOf(slot);
    return waited;
}

} // namespace azllm
