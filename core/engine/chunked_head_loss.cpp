#include "chunked_head_loss.h"

#include <algorithm>

namespace azllm {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// One block's log-probabilities (rows, V), in the weight's type (fp32 under autocast too,
// whatever type the product ran in).
torch::Tensor chunkLogProbs(const torch::Tensor &x, const torch::Tensor &weight)
{
    return torch::log_softmax(torch::mm(x, weight.t()), 1, weight.scalar_type());
}

// Minus the summed log-probabilities of the targets: the block's share of the loss.
torch::Tensor targetLossSum(const torch::Tensor &logProbs, const torch::Tensor &targets)
{
    return -logProbs.gather(1, targets.unsqueeze(1)).sum();
}

class ChunkedHeadLossFunction : public torch::autograd::Function<ChunkedHeadLossFunction>
{
public:
    // The loss and, for an incoming gradient of 1, the gradients of x and weight: backward only
    // scales them. d loss / d logits = (softmax - one-hot) / N, taken block by block.
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &weight, const torch::Tensor &targets,
                                 std::int64_t chunkRows, const torch::Tensor &gradWeightBuffer)
    {
        const std::int64_t rows = x.size(0);
        const double scale = 1.0 / double(rows);
        const bool wantX = x.requires_grad(), wantWeight = weight.requires_grad();
        torch::Tensor gradX = wantX ? torch::empty_like(x) : torch::Tensor();
        torch::Tensor gradWeight;
        if (wantWeight)
            gradWeight =
                gradWeightBuffer.numel() > 0 ? gradWeightBuffer : torch::empty_like(weight);
        torch::Tensor lossSum = torch::zeros({}, weight.options());
        for (std::int64_t first = 0; first < rows; first += chunkRows) {
            const std::int64_t end = std::min(rows, first + chunkRows);
            const torch::Tensor xc = x.slice(0, first, end);
            const torch::Tensor tc = targets.slice(0, first, end);
            torch::Tensor grad = chunkLogProbs(xc, weight);
            lossSum += targetLossSum(grad, tc);
            // softmax - one-hot, in place over the block's log-probabilities
            grad.exp_().scatter_add_(1, tc.unsqueeze(1),
                                     torch::full({end - first, 1}, -1.0, grad.options()));
            if (wantX) {
                torch::Tensor gradXc = gradX.slice(0, first, end);
                at::addmm_out(gradXc, gradXc, grad.to(x.scalar_type()), weight, 0.0, scale);
            }
            // The first block writes the weight's gradient (beta 0: no zeroing pass), the
            // others add to it.
            if (wantWeight)
                at::addmm_out(gradWeight, gradWeight, grad.t().to(weight.scalar_type()),
                              xc.to(weight.scalar_type()), first == 0 ? 0.0 : 1.0, scale);
        }
        ctx->saved_data["grad_x"] = gradX;
        ctx->saved_data["grad_weight"] = gradWeight;
        return lossSum * scale;
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        TORCH_CHECK(ctx->saved_data.count("grad_x") == 1,
                    "chunkedHeadLoss's backward runs once (no retain_graph)");
        torch::Tensor gradX = ctx->saved_data["grad_x"].toTensor();
        torch::Tensor gradWeight = ctx->saved_data["grad_weight"].toTensor();
        // Let go of them: autograd hands a gradient to .grad without a copy only when it holds
        // the last reference, and a tied token lookup adds into gradWeight later (in place).
        ctx->saved_data.erase("grad_x");
        ctx->saved_data.erase("grad_weight");
        const torch::Tensor &g = gradOutputs[0];
        // A plain loss.backward() sends exactly 1 (on a CPU, read without a device sync): then
        // no pass over the gradients at all. Else they are scaled in place, so that the buffer
        // a tied lookup adds into stays the one handed on.
        if (!(g.is_cpu() && g.item<double>() == 1.0)) {
            if (gradX.defined())
                gradX.mul_(g);
            if (gradWeight.defined())
                gradWeight.mul_(g);
        }
        return {gradX, gradWeight, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

// Evaluation and no-grad callers: the loss alone, no gradient products.
torch::Tensor lossOnly(const torch::Tensor &x, const torch::Tensor &weight,
                       const torch::Tensor &targets, std::int64_t chunkRows)
{
    torch::Tensor lossSum = torch::zeros({}, weight.options());
    for (std::int64_t first = 0; first < x.size(0); first += chunkRows) {
        const std::int64_t end = std::min(x.size(0), first + chunkRows);
        lossSum += targetLossSum(chunkLogProbs(x.slice(0, first, end), weight),
                                 targets.slice(0, first, end));
    }
    return lossSum / double(x.size(0));
}

} // namespace

torch::Tensor chunkedHeadLoss(const torch::Tensor &x, const torch::Tensor &weight,
                              const torch::Tensor &targets, std::int64_t chunkRows,
                              const torch::Tensor &gradWeightBuffer)
{
    TORCH_CHECK(x.dim() == 2 && weight.dim() == 2 && targets.dim() == 1 &&
                    targets.size(0) == x.size(0) && x.size(0) > 0,
                "chunkedHeadLoss wants x (N, C), weight (V, C) and targets (N), N > 0");
    if (chunkRows <= 0)
        chunkRows = headLossChunkRows(weight.size(0), x.size(0));
    const bool needsGrad =
        torch::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad());
    if (!needsGrad)
        return lossOnly(x, weight, targets, chunkRows);
    TORCH_CHECK(!gradWeightBuffer.defined() || gradWeightBuffer.sizes() == weight.sizes(),
                "chunkedHeadLoss wants a gradient buffer shaped like the weight");
    // Function::apply refuses undefined tensor arguments: no buffer travels as an empty one.
    return ChunkedHeadLossFunction::apply(
        x, weight, targets, chunkRows,
        gradWeightBuffer.defined() ? gradWeightBuffer : torch::empty({0}, weight.options()));
}

} // namespace azllm
