#include "activation_checkpoint.h"

#include <mutex>

#include "gpt.h"
#include "mixed_precision.h"

namespace azllm {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Function::apply refuses undefined tensor arguments: the causal pass travels as an empty mask.
torch::Tensor maskArgument(const torch::Tensor &blocked)
{
    return blocked.defined() ? blocked : torch::empty({0}, torch::kBool);
}

torch::Tensor runBlock(BlockImpl &block, const torch::Tensor &x, const torch::Tensor &mask)
{
    return block.forwardMasked(x, mask.numel() > 0 ? mask : torch::Tensor());
}

torch::Tensor swapGeneratorState(at::Generator &generator, const torch::Tensor &state)
{
    std::lock_guard<std::mutex> lock(generator.mutex());
    torch::Tensor previous = generator.get_state();
    generator.set_state(state);
    return previous;
}

// Function::apply runs forward without recording a graph: the block's activations are freed as
// soon as it returns. Non-tensor arguments travel in saved_data; the block by address.
class CheckpointedBlock : public torch::autograd::Function<CheckpointedBlock>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &mask, std::int64_t blockAddress,
                                 at::Generator generator)
    {
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            ctx->saved_data["rng"] = generator.get_state();
        }
        ctx->saved_data["generator"] = generator;
        ctx->saved_data["block"] = blockAddress;
        ctx->saved_data["mask"] = mask;
        ctx->saved_data["autocast"] = std::int64_t(activeAutocastDtype(x.device().type()));
        ctx->save_for_backward({x});
        return runBlock(*reinterpret_cast<BlockImpl *>(blockAddress), x, mask);
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        const torch::Tensor x = ctx->get_saved_variables()[0].detach().requires_grad_(true);
        auto &block = *reinterpret_cast<BlockImpl *>(ctx->saved_data["block"].toInt());
        const torch::Tensor mask = ctx->saved_data["mask"].toTensor();
        at::Generator generator = ctx->saved_data["generator"].toGenerator();
        // Replay this block's masks, then give the generator back the state the run left it in.
        const torch::Tensor runState =
            swapGeneratorState(generator, ctx->saved_data["rng"].toTensor());
        torch::Tensor y;
        {
            // The same work as the forward pass: under the same autocast, if it ran under one.
            torch::AutoGradMode enable(true);
            const AutocastScope autocast(x.device().type(),
                                         torch::ScalarType(ctx->saved_data["autocast"].toInt()));
            y = runBlock(block, x, mask);
        }
        swapGeneratorState(generator, runState);
        // The block's parameters receive their gradients here, as in the plain backward.
        torch::autograd::backward({y}, {gradOutputs[0]});
        return {x.grad(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor checkpointedBlockForward(BlockImpl &block, const torch::Tensor &x,
                                       const torch::Tensor &blocked, at::Generator generator)
{
    return CheckpointedBlock::apply(x, maskArgument(blocked),
                                    std::int64_t(reinterpret_cast<std::intptr_t>(&block)),
                                    std::move(generator));
}

} // namespace azllm
