#include "matmul_plan.h"

#include <chrono>
#include <map>
#include <tuple>

#include <torch/torch.h>

#include "runtime.h"

namespace azllm {

namespace {

// A Linear y (rows x out) = x (rows x in) W^T with W stored (out x in): forward, then in backward
// dx = dy W and dW = dy^T x (LibTorch's mm backward computes the weight's gradient this way round).
struct LinearShape
{
    std::string name;
    std::int64_t in, out;
};

MatrixProduct product(std::string what, std::int64_t batch, std::int64_t m, std::int64_t n,
                      std::int64_t k, bool transposeA, bool transposeB)
{
    return {std::move(what), batch, m, n, k, transposeA, transposeB};
}

void addLinearForward(std::vector<MatrixProduct> &out, const LinearShape &l, std::int64_t rows)
{
    out.push_back(product(l.name + " forward", 1, rows, l.out, l.in, false, true));
}

void addLinearBackward(std::vector<MatrixProduct> &out, const LinearShape &l, std::int64_t rows)
{
    out.push_back(product(l.name + " grad input", 1, rows, l.in, l.out, false, false));
    out.push_back(product(l.name + " grad weight", 1, l.out, l.in, rows, true, false));
}

std::vector<LinearShape> blockLinears(const ModelConfig &c, std::int64_t layer)
{
    const std::string h = "h." + std::to_string(layer);
    return {{h + ".attn.c_attn", c.nEmbd, 3 * c.nEmbd},
            {h + ".attn.c_proj", c.nEmbd, c.nEmbd},
            {h + ".mlp.c_fc", c.nEmbd, 4 * c.nEmbd},
            {h + ".mlp.c_proj", 4 * c.nEmbd, c.nEmbd}};
}

// q k^T and att v over batch x heads sequences.
void addAttentionForward(std::vector<MatrixProduct> &out, const ModelConfig &c, std::int64_t layer,
                         std::int64_t sequences, std::int64_t T)
{
    const std::string h = "h." + std::to_string(layer) + ".attn ";
    const std::int64_t hs = c.headDim();
    out.push_back(product(h + "scores", sequences, T, T, hs, false, true));
    out.push_back(product(h + "weighted values", sequences, T, hs, T, false, false));
}

void addAttentionBackward(std::vector<MatrixProduct> &out, const ModelConfig &c, std::int64_t layer,
                          std::int64_t sequences, std::int64_t T)
{
    const std::string h = "h." + std::to_string(layer) + ".attn ";
    const std::int64_t hs = c.headDim();
    out.push_back(product(h + "grad probabilities", sequences, T, T, hs, false, true));
    out.push_back(product(h + "grad values", sequences, T, hs, T, true, false));
    out.push_back(product(h + "grad queries", sequences, T, hs, T, false, false));
    out.push_back(product(h + "grad keys", sequences, T, hs, T, true, false));
}

} // namespace

std::vector<MatrixProduct> trainingStepProducts(const ModelConfig &c, std::int64_t batch,
                                                std::int64_t context)
{
    const std::int64_t rows = batch * context, sequences = batch * c.nHead;
    const LinearShape head{"head (wte)", c.nEmbd, c.vocabSize};
    std::vector<MatrixProduct> out;
    for (std::int64_t layer = 0; layer < c.nLayer; ++layer) {
        const auto linears = blockLinears(c, layer);
        addLinearForward(out, linears[0], rows);
        addAttentionForward(out, c, layer, sequences, context);
        for (std::size_t i = 1; i < linears.size(); ++i)
            addLinearForward(out, linears[i], rows);
    }
    addLinearForward(out, head, rows);
    addLinearBackward(out, head, rows);
    for (std::int64_t layer = c.nLayer - 1; layer >= 0; --layer) {
        const auto linears = blockLinears(c, layer);
        for (std::size_t i = linears.size() - 1; i >= 1; --i)
            addLinearBackward(out, linears[i], rows);
        addAttentionBackward(out, c, layer, sequences, context);
        addLinearBackward(out, linears[0], rows);
    }
    return out;
}

double totalFlops(const std::vector<MatrixProduct> &products)
{
    double sum = 0;
    for (const MatrixProduct &p : products)
        sum += p.flops();
    return sum;
}

namespace {

// Operands and output of one product; products of the same shape share them.
struct Operands
{
    torch::Tensor a, b, out;
};

using ShapeKey = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, bool, bool>;

Operands makeOperands(const MatrixProduct &p, const torch::TensorOptions &options,
                      const at::Generator &generator)
{
    const auto stored = [&](std::int64_t rows, std::int64_t cols, bool transposed) {
        torch::Tensor t = transposed ? torch::randn({p.batch, cols, rows}, generator, options)
                                     : torch::randn({p.batch, rows, cols}, generator, options);
        return transposed ? t.transpose(1, 2) : t;
    };
    Operands o;
    o.a = stored(p.m, p.k, p.transposeA);
    o.b = stored(p.k, p.n, p.transposeB);
    o.out = torch::empty({p.batch, p.m, p.n}, options);
    if (p.batch == 1) { // a plain mm, as the Linear layers call it
        o.a = o.a.select(0, 0);
        o.b = o.b.select(0, 0);
        o.out = o.out.select(0, 0);
    }
    return o;
}

void runPass(std::vector<Operands *> &pass)
{
    for (Operands *o : pass) {
        if (o->a.dim() == 2)
            torch::mm_out(o->out, o->a, o->b);
        else
            torch::bmm_out(o->out, o->a, o->b);
    }
}

} // namespace

double timeMatrixProducts(const std::vector<MatrixProduct> &products, const std::string &device,
                          int repeats)
{
    torch::NoGradGuard noGrad;
    const torch::Device where(resolveDevice(device));
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(where);
    // Its own generator: the global one drives training's dropout (see measureGemmGflops).
    const at::Generator generator = at::detail::createCPUGenerator(2);
    std::map<ShapeKey, Operands> byShape;
    std::vector<Operands *> pass;
    for (const MatrixProduct &p : products) {
        const ShapeKey key{p.batch, p.m, p.n, p.k, p.transposeA, p.transposeB};
        auto it = byShape.find(key);
        if (it == byShape.end()) {
            auto cpu = makeOperands(p, options.device(torch::kCPU), generator);
            if (where.is_cuda())
                cpu = {cpu.a.to(where), cpu.b.to(where), cpu.out.to(where)};
            it = byShape.emplace(key, cpu).first;
        }
        pass.push_back(&it->second);
    }
    const auto synchronize = [&] {
        if (where.is_cuda())
            torch::cuda::synchronize(where.index());
    };
    runPass(pass); // warm-up: pages fault in, threads spin up
    synchronize();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        runPass(pass);
    synchronize();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
           std::max(1, repeats);
}

} // namespace azllm
