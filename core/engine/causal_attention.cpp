#include "causal_attention.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

namespace azllm {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Row i of the scaled scores p (n x n) becomes the softmax of its first i + 1 entries; the
// future (j > i) becomes 0.
template <typename Scalar> void causalSoftmaxInPlace(Scalar *p, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i) {
        Scalar *row = p + i * n;
        const Scalar largest = *std::max_element(row, row + i + 1);
        Scalar sum = 0;
        for (std::int64_t j = 0; j <= i; ++j) {
            row[j] = std::exp(row[j] - largest);
            sum += row[j];
        }
        const Scalar inverse = Scalar(1) / sum;
        for (std::int64_t j = 0; j <= i; ++j)
            row[j] *= inverse;
        std::fill(row + i + 1, row + n, Scalar(0));
    }
}

// g (n x n), the gradient of the probabilities p, becomes the gradient of the scores, row by
// row p * (g - <g, p>); 0 over the future.
template <typename Scalar>
void causalSoftmaxBackwardInPlace(Scalar *g, const Scalar *p, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i) {
        Scalar *grad = g + i * n;
        const Scalar *prob = p + i * n;
        Scalar dot = 0;
        for (std::int64_t j = 0; j <= i; ++j)
            dot += grad[j] * prob[j];
        for (std::int64_t j = 0; j <= i; ++j)
            grad[j] = prob[j] * (grad[j] - dot);
        std::fill(grad + i + 1, grad + n, Scalar(0));
    }
}

void causalSoftmax(torch::Tensor &scores)
{
    AT_DISPATCH_FLOATING_TYPES(scores.scalar_type(), "causalSoftmax", [&] {
        causalSoftmaxInPlace(scores.data_ptr<scalar_t>(), scores.size(0));
    });
}

void causalSoftmaxBackward(torch::Tensor &grad, const torch::Tensor &probs)
{
    AT_DISPATCH_FLOATING_TYPES(grad.scalar_type(), "causalSoftmaxBackward", [&] {
        causalSoftmaxBackwardInPlace(grad.data_ptr<scalar_t>(), probs.data_ptr<scalar_t>(),
                                     grad.size(0));
    });
}

// One head's (T, hs) columns of a (B, T, 3C) projection or of its gradient: views, no copies
// (BLAS reads and writes them through their row stride).
struct HeadColumns
{
    torch::Tensor q, k, v;
};

struct Shape
{
    std::int64_t batch, time, width, heads;
    std::int64_t headWidth() const { return width / heads; }
};

Shape shapeOf(const torch::Tensor &qkv, std::int64_t nHead)
{
    return {qkv.size(0), qkv.size(1), qkv.size(2) / 3, nHead};
}

HeadColumns headColumns(const torch::Tensor &qkv, const Shape &s, std::int64_t b, std::int64_t h)
{
    const torch::Tensor row = qkv.select(0, b); // (T, 3C)
    const std::int64_t hs = s.headWidth(), first = h * hs;
    return {row.narrow(1, first, hs), row.narrow(1, s.width + first, hs),
            row.narrow(1, 2 * s.width + first, hs)};
}

// Runs perHead(b, h) for every head of every row, the heads shared out over the threads, each
// head's products on one thread (OpenBLAS runs single-threaded inside a parallel region). The
// worker threads do not inherit the caller's autograd state: the tensors are detached and no
// graph is recorded.
template <typename PerHead> void forEachHead(const Shape &s, const PerHead &perHead)
{
    at::parallel_for(0, s.batch * s.heads, 1, [&](std::int64_t begin, std::int64_t end) {
        const torch::NoGradGuard noGrad;
        for (std::int64_t bh = begin; bh < end; ++bh)
            perHead(bh / s.heads, bh % s.heads);
    });
}

class FusedCausalAttention : public torch::autograd::Function<FusedCausalAttention>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &qkvInput,
                                 std::int64_t nHead, const torch::Tensor &dropoutMask)
    {
        const torch::Tensor qkv = qkvInput.detach().contiguous();
        const Shape s = shapeOf(qkv, nHead);
        const double scale = 1.0 / std::sqrt(double(s.headWidth()));
        const bool dropout = dropoutMask.numel() > 0;
        // probs keeps the softmax for backward; y the heads side by side.
        torch::Tensor probs = torch::empty({s.batch, s.heads, s.time, s.time}, qkv.options());
        torch::Tensor y = torch::empty({s.batch, s.time, s.width}, qkv.options());
        forEachHead(s, [&](std::int64_t b, std::int64_t h) {
            const HeadColumns head = headColumns(qkv, s, b, h);
            torch::Tensor p = probs[b][h];
            at::addmm_out(p, p, head.q, head.k.t(), 0.0, scale);
            causalSoftmax(p);
            torch::Tensor out = y.select(0, b).narrow(1, h * s.headWidth(), s.headWidth());
            at::mm_out(out, dropout ? p * dropoutMask[b][h] : p, head.v);
        });
        ctx->save_for_backward({qkv, probs, dropoutMask});
        ctx->saved_data["heads"] = nHead;
        return y;
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor qkv = saved[0].detach(), probs = saved[1].detach();
        const torch::Tensor dropoutMask = saved[2].detach();
        const bool dropout = dropoutMask.numel() > 0;
        const Shape s = shapeOf(qkv, ctx->saved_data["heads"].toInt());
        const double scale = 1.0 / std::sqrt(double(s.headWidth()));
        const torch::Tensor gradY = gradOutputs[0].detach().contiguous(); // (B, T, C)
        torch::Tensor gradQkv = torch::empty_like(qkv); // every column written below
        forEachHead(s, [&](std::int64_t b, std::int64_t h) {
            const HeadColumns head = headColumns(qkv, s, b, h);
            HeadColumns grad = headColumns(gradQkv, s, b, h);
            const torch::Tensor p = probs[b][h];
            const torch::Tensor dy = gradY.select(0, b).narrow(1, h * s.headWidth(), s.headWidth());
            const torch::Tensor mask = dropout ? dropoutMask[b][h] : torch::Tensor();
            at::mm_out(grad.v, (dropout ? p * mask : p).t(), dy);
            torch::Tensor dp = torch::mm(dy, head.v.t()); // gradient of the probabilities
            if (dropout)
                dp.mul_(mask);
            causalSoftmaxBackward(dp, p); // now of the scaled scores
            at::addmm_out(grad.q, grad.q, dp, head.k, 0.0, scale);
            at::addmm_out(grad.k, grad.k, dp.t(), head.q, 0.0, scale);
        });
        return {gradQkv, torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

bool fusedCausalAttentionApplies(const torch::Tensor &qkv)
{
    const auto type = qkv.scalar_type();
    return qkv.is_cpu() && qkv.dim() == 3 && qkv.size(2) % 3 == 0 &&
           (type == torch::kFloat32 || type == torch::kFloat64);
}

torch::Tensor fusedCausalAttention(const torch::Tensor &qkv, std::int64_t nHead,
                                   const torch::Tensor &dropoutMask)
{
    TORCH_CHECK(fusedCausalAttentionApplies(qkv) && (qkv.size(2) / 3) % nHead == 0,
                "fusedCausalAttention wants a CPU float or double (B, T, 3C) tensor, C a multiple "
                "of the heads");
    const torch::Tensor mask =
        dropoutMask.defined() ? dropoutMask.contiguous() : torch::empty({0}, qkv.options());
    return FusedCausalAttention::apply(qkv, nHead, mask);
}

} // namespace azllm
