#include "tied_embedding.h"

namespace azllm {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

class TiedTokenLookup : public torch::autograd::Function<TiedTokenLookup>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &weight,
                                 const torch::Tensor &idx, const torch::Tensor &headGradient)
    {
        ctx->saved_data["head_gradient"] = headGradient;
        ctx->saved_data["idx"] = idx;
        auto shape = idx.sizes().vec();
        shape.push_back(weight.size(1));
        return weight.index_select(0, idx.reshape({-1})).view(shape);
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        torch::Tensor headGradient = ctx->saved_data["head_gradient"].toTensor();
        const torch::Tensor idx = ctx->saved_data["idx"].toTensor();
        // Let go of the buffer: autograd hands it to .grad without a copy only when it holds
        // the last reference.
        ctx->saved_data.erase("head_gradient");
        const torch::Tensor &grad = gradOutputs[0];
        headGradient.index_add_(0, idx.reshape({-1}),
                                grad.reshape({-1, grad.size(-1)}).to(headGradient.scalar_type()));
        return {torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor tiedTokenLookup(const torch::Tensor &weight, const torch::Tensor &idx,
                              const torch::Tensor &headGradient)
{
    TORCH_CHECK(headGradient.sizes() == weight.sizes(),
                "tiedTokenLookup wants a head gradient shaped like the token table");
    return TiedTokenLookup::apply(weight, idx, headGradient);
}

} // namespace azllm
