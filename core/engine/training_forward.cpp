#include "training_forward.h"

#include <cmath>
#include <limits>

#include "batched_matmul.h"
#include "chunked_head_loss.h"
#include "mixed_precision.h"

namespace azllm {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// x (B*T, C) -> attention output (B*T, C). Dimension legend in gpt.h.
torch::Tensor attentionForward(CausalSelfAttentionImpl &attn, std::int64_t nh,
                               const torch::Tensor &x, const SequenceShape &shape)
{
    const std::int64_t B = shape.batch, T = shape.context, hs = x.size(1) / nh;
    const torch::Tensor qkv = attn.c_attn(x); // (B*T, 3C)
    // One copy puts every head's q, k and v in a contiguous (T, hs) block of its own.
    const torch::Tensor heads = qkv.view({B, T, 3, nh, hs})
                                    .permute({2, 0, 3, 1, 4})
                                    .contiguous()
                                    .view({3, B * nh, T, hs});
    const torch::Tensor q = heads[0], k = heads[1], v = heads[2]; // (B*nh, T, hs)
    torch::Tensor scores = batchedMatmul(q, k.transpose(1, 2), 1.0 / std::sqrt(double(hs)));
    scores.masked_fill_(shape.future, -std::numeric_limits<float>::infinity()); // (B*nh, T, T)
    const torch::Tensor probs = attn.attn_dropout(torch::softmax(scores, -1));
    const torch::Tensor y = batchedMatmul(probs, v)                       // (B*nh, T, hs)
                                .view({B, nh, T, hs})
                                .permute({0, 2, 1, 3})
                                .contiguous()
                                .view({B * T, nh * hs}); // (B*T, C)
    return attn.resid_dropout(attn.c_proj(y));
}

// Non-tensor state lives in saved_data; the block is addressed by pointer (the model outlives
// every backward pass of its own graph).
class CheckpointedBlock : public torch::autograd::Function<CheckpointedBlock>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, BlockImpl *block,
                                 std::int64_t heads, const SequenceShape &shape,
                                 at::Generator generator)
    {
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            ctx->saved_data["rng"] = generator.get_state();
        }
        ctx->saved_data["generator"] = generator;
        ctx->saved_data["block"] = std::int64_t(reinterpret_cast<std::intptr_t>(block));
        ctx->saved_data["heads"] = heads;
        ctx->saved_data["batch"] = shape.batch;
        ctx->saved_data["future"] = shape.future;
        ctx->saved_data["autocast"] = std::int64_t(currentAutocastDtype(x.device().type()));
        ctx->save_for_backward({x});
        return blockTrainingForward(*block, heads, x, shape);
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        const torch::Tensor x = ctx->get_saved_variables()[0].detach().requires_grad_(true);
        auto *block = reinterpret_cast<BlockImpl *>(std::intptr_t(ctx->saved_data["block"].toInt()));
        const torch::Tensor future = ctx->saved_data["future"].toTensor();
        const SequenceShape shape{ctx->saved_data["batch"].toInt(), future.size(0), future};
        at::Generator generator = ctx->saved_data["generator"].toGenerator();
        torch::Tensor resumeState;
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            resumeState = generator.get_state();
            generator.set_state(ctx->saved_data["rng"].toTensor());
        }
        torch::Tensor y;
        {
            // The same forward as before, under the same autocast, drawing the same masks.
            torch::AutoGradMode enable(true);
            const AutocastScope autocast(x.device().type(),
                                         torch::ScalarType(ctx->saved_data["autocast"].toInt()));
            y = blockTrainingForward(*block, ctx->saved_data["heads"].toInt(), x, shape);
        }
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(resumeState); // later draws continue where the run left them
        }
        torch::autograd::backward({y}, {gradOutputs[0]});
        return {x.grad(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

SequenceShape sequenceShape(std::int64_t batch, std::int64_t context, const torch::Device &device)
{
    const auto options = torch::TensorOptions().dtype(torch::kBool).device(device);
    return {batch, context, torch::ones({context, context}, options).triu(1)};
}

torch::Tensor blockTrainingForward(BlockImpl &block, std::int64_t heads, const torch::Tensor &x,
                                   const SequenceShape &shape)
{
    const torch::Tensor afterAttention =
        x + attentionForward(*block.attn, heads, block.ln_1(x), shape);
    MlpImpl &mlp = *block.mlp;
    // GELU's tanh approximation, GPT-2's own (see MlpImpl::forward).
    const torch::Tensor hidden = torch::gelu(mlp.c_fc(block.ln_2(afterAttention)), "tanh");
    return afterAttention + mlp.dropout(mlp.c_proj(hidden));
}

torch::Tensor checkpointedBlockForward(BlockImpl &block, std::int64_t heads,
                                       const torch::Tensor &x, const SequenceShape &shape,
                                       at::Generator dropoutGenerator)
{
    return CheckpointedBlock::apply(x, &block, heads, shape, std::move(dropoutGenerator));
}

at::Generator dropoutGenerator(const torch::Device &device)
{
    return device.is_cpu() ? at::detail::getDefaultCPUGenerator()
                           : at::globalContext().defaultGenerator(device);
}

torch::Tensor gptTrainingLoss(GptImpl &model, const torch::Tensor &idx,
                              const torch::Tensor &targets, bool checkpointing)
{
    const ModelConfig &c = model.config();
    const std::int64_t B = idx.size(0), T = idx.size(1);
    TORCH_CHECK(T <= c.contextLength, "sequence of ", T,
                " tokens is longer than the model's context of ", c.contextLength);
    const torch::Tensor positions =
        torch::arange(T, torch::TensorOptions().dtype(torch::kLong).device(idx.device()));
    torch::Tensor x = model.drop(model.wte(idx) + model.wpe(positions)).view({B * T, c.nEmbd});
    const SequenceShape shape = sequenceShape(B, T, idx.device());
    // Recomputing only pays when a graph is being built.
    const bool recompute = checkpointing && torch::GradMode::is_enabled();
    for (const auto &block : *model.h) {
        BlockImpl &b = *block->as<Block>();
        x = recompute ? checkpointedBlockForward(b, c.nHead, x, shape, dropoutGenerator(x.device()))
                      : blockTrainingForward(b, c.nHead, x, shape);
    }
    return chunkedHeadLoss(model.ln_f(x), model.wte->weight, targets.reshape({-1}));
}

} // namespace azllm
