#include "chunked_head_loss.h"

#include <algorithm>

namespace azllm {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr std::int64_t kLogitsPerChunk = std::int64_t(8) << 20;
constexpr std::int64_t kMinimumChunkRows = 64;

// One block of rows: its log-probabilities, and the loss summed over its counted rows.
struct ChunkLogits
{
    torch::Tensor logProbs; // (rows, V)
    torch::Tensor safeTargets, counted; // ignored rows point at class 0 and count 0
    torch::Tensor lossSum;  // scalar
};

ChunkLogits chunkLogits(const torch::Tensor &x, const torch::Tensor &weight,
                        const torch::Tensor &targets, std::int64_t ignoreIndex)
{
    ChunkLogits c;
    c.logProbs = torch::log_softmax(torch::mm(x, weight.t()), 1, torch::kFloat32);
    const torch::Tensor valid = targets.ne(ignoreIndex);
    c.safeTargets = torch::where(valid, targets, torch::zeros_like(targets)).unsqueeze(1);
    c.counted = valid.to(c.logProbs.scalar_type()).unsqueeze(1);
    c.lossSum = -(c.logProbs.gather(1, c.safeTargets) * c.counted).sum();
    return c;
}

class ChunkedHeadLossFunction : public torch::autograd::Function<ChunkedHeadLossFunction>
{
public:
    // Computes the loss and, for a backward pass with an incoming gradient of 1, the gradients
    // of x and weight; backward only scales them.
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &weight, const torch::Tensor &targets,
                                 std::int64_t ignoreIndex, std::int64_t chunkRows)
    {
        const std::int64_t rows = x.size(0);
        const double counted = double(targets.ne(ignoreIndex).sum().item<std::int64_t>());
        const double scale = counted > 0 ? 1.0 / counted : 0.0;
        // Products run in x's type (bf16 under autocast); the weight's gradient stays in its own.
        const torch::Tensor w = weight.to(x.scalar_type());
        torch::Tensor gradX = torch::empty_like(x);
        torch::Tensor gradW = torch::empty_like(weight);
        torch::Tensor lossSum = torch::zeros({}, x.options().dtype(torch::kFloat32));
        if (rows == 0)
            gradW.zero_();
        for (std::int64_t first = 0; first < rows; first += chunkRows) {
            const std::int64_t end = std::min(rows, first + chunkRows);
            const torch::Tensor xc = x.slice(0, first, end);
            ChunkLogits c = chunkLogits(xc, w, targets.slice(0, first, end), ignoreIndex);
            lossSum += c.lossSum;
            // d loss / d logits = (softmax - one-hot) / counted rows, zero on ignored rows.
            torch::Tensor grad = c.logProbs.exp_();
            grad.scatter_add_(1, c.safeTargets, -c.counted).mul_(c.counted);
            const torch::Tensor gradC = grad.to(x.scalar_type());
            torch::Tensor gradXc = gradX.slice(0, first, end);
            at::addmm_out(gradXc, gradXc, gradC, w, 0.0, scale);
            // The first block writes the weight's gradient (beta 0: no zeroing pass), the
            // others add to it.
            at::addmm_out(gradW, gradW, gradC.t().to(weight.scalar_type()),
                          xc.to(weight.scalar_type()), first == 0 ? 0.0 : 1.0, scale);
        }
        ctx->saved_data["grad_x"] = gradX;
        ctx->saved_data["grad_weight"] = gradW;
        return lossSum * scale;
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        torch::Tensor gradX = ctx->saved_data["grad_x"].toTensor();
        torch::Tensor gradW = ctx->saved_data["grad_weight"].toTensor();
        const torch::Tensor &g = gradOutputs[0];
        // The usual incoming gradient is exactly 1 (a plain loss.backward()): no pass at all.
        if (!(g.is_cpu() && g.item<double>() == 1.0)) {
            gradX = gradX * g;
            gradW = gradW * g;
        }
        return {gradX, gradW, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

// Evaluation and no-grad callers: the loss alone, no gradient products.
torch::Tensor lossOnly(const torch::Tensor &x, const torch::Tensor &weight,
                       const torch::Tensor &targets, std::int64_t ignoreIndex,
                       std::int64_t chunkRows)
{
    torch::Tensor lossSum = torch::zeros({}, x.options().dtype(torch::kFloat32));
    for (std::int64_t first = 0; first < x.size(0); first += chunkRows) {
        const std::int64_t end = std::min(x.size(0), first + chunkRows);
        lossSum += chunkLogits(x.slice(0, first, end), weight, targets.slice(0, first, end),
                               ignoreIndex)
                       .lossSum;
    }
    const double counted = double(targets.ne(ignoreIndex).sum().item<std::int64_t>());
    return lossSum / std::max(1.0, counted);
}

} // namespace

std::int64_t headLossChunkRows(std::int64_t vocabSize, std::int64_t rows)
{
    const std::int64_t byMemory =
        std::max(kMinimumChunkRows, kLogitsPerChunk / std::max<std::int64_t>(1, vocabSize) /
                                        kMinimumChunkRows * kMinimumChunkRows);
    return std::max<std::int64_t>(1, std::min(rows, byMemory));
}

torch::Tensor chunkedHeadLoss(const torch::Tensor &x, const torch::Tensor &weight,
                              const torch::Tensor &targets, std::int64_t ignoreIndex,
                              std::int64_t chunkRows)
{
    TORCH_CHECK(x.dim() == 2 && targets.dim() == 1 && targets.size(0) == x.size(0),
                "chunkedHeadLoss wants x (N, C) and targets (N)");
    if (chunkRows <= 0)
        chunkRows = headLossChunkRows(weight.size(0), x.size(0));
    const bool needsGrad =
        torch::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad());
    if (!needsGrad)
        return lossOnly(x, weight, targets, ignoreIndex, chunkRows);
    return ChunkedHeadLossFunction::apply(x, weight, targets, ignoreIndex, chunkRows);
}

} // namespace azllm
