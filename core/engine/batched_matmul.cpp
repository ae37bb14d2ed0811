#include "batched_matmul.h"

#include <ATen/Parallel.h>

#include "mixed_precision.h"

namespace azllm {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Under autocast the product runs in its 16-bit type, as bmm would; otherwise in the wider of
// the two (out= kernels are not autocast, so the operands are cast here).
torch::ScalarType productType(const torch::Tensor &a, const torch::Tensor &b)
{
    const torch::ScalarType autocast = currentAutocastDtype(a.device().type());
    return autocast != torch::kFloat32 ? autocast
                                       : torch::promote_types(a.scalar_type(), b.scalar_type());
}

class BatchedMatmulFunction : public torch::autograd::Function<BatchedMatmulFunction>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &a,
                                 const torch::Tensor &b, double alpha)
    {
        const torch::ScalarType type = productType(a, b);
        const torch::Tensor ca = a.to(type), cb = b.to(type);
        ctx->save_for_backward({ca, cb});
        ctx->saved_data["alpha"] = alpha;
        ctx->saved_data["a_type"] = std::int64_t(a.scalar_type());
        ctx->saved_data["b_type"] = std::int64_t(b.scalar_type());
        torch::Tensor out = torch::empty({a.size(0), a.size(1), b.size(2)}, ca.options());
        batchedMatmulOut(out, ca, cb, alpha);
        return out;
    }

    // d a = alpha g b^T, d b = alpha a^T g: the transposes are views, read in place.
    static variable_list backward(AutogradContext *ctx, variable_list gradOutputs)
    {
        const auto saved = ctx->get_saved_variables();
        const double alpha = ctx->saved_data["alpha"].toDouble();
        const torch::Tensor g = gradOutputs[0].to(saved[0].scalar_type());
        torch::Tensor gradA, gradB;
        if (ctx->needs_input_grad(0)) {
            gradA = torch::empty_like(saved[0], at::MemoryFormat::Contiguous);
            batchedMatmulOut(gradA, g, saved[1].transpose(1, 2), alpha);
            gradA = gradA.to(torch::ScalarType(ctx->saved_data["a_type"].toInt()));
        }
        if (ctx->needs_input_grad(1)) {
            gradB = torch::empty_like(saved[1], at::MemoryFormat::Contiguous);
            batchedMatmulOut(gradB, saved[0].transpose(1, 2), g, alpha);
            gradB = gradB.to(torch::ScalarType(ctx->saved_data["b_type"].toInt()));
        }
        return {gradA, gradB, torch::Tensor()};
    }
};

} // namespace

void batchedMatmulOut(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b,
                      double alpha)
{
    if (!out.is_cpu()) {
        at::baddbmm_out(out, out, a, b, 0.0, alpha);
        return;
    }
    // Inside the parallel region ATen and OpenBLAS run single-threaded: one product per core.
    at::parallel_for(0, a.size(0), 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            torch::Tensor o = out.select(0, i);
            at::addmm_out(o, o, a.select(0, i), b.select(0, i), 0.0, alpha);
        }
    });
}

torch::Tensor batchedMatmul(const torch::Tensor &a, const torch::Tensor &b, double alpha)
{
    return BatchedMatmulFunction::apply(a, b, alpha);
}

} // namespace azllm
