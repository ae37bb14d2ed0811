// The CPU's fused causal attention (causal_attention.h) against attention written out op by op,
// and the model through it against the model through the generic (packed-row) path: the same
// values and gradients, dropout included, and the same training.
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QtTest>

#include "autograd_nodes.h"
#include "causal_attention.h"
#include "chunked_head_loss.h"
#include "fifty_step_losses.h"
#include "gpt.h"

using namespace azllm;

namespace {

constexpr std::int64_t kBatch = 2, kTime = 7, kWidth = 12, kHeads = 3;

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

// softmax(q k^T / sqrt(hs) + causal mask), times the dropout mask if any, times v, written out.
torch::Tensor referenceAttention(const torch::Tensor &qkv, const torch::Tensor &mask)
{
    const std::int64_t hs = kWidth / kHeads;
    const auto parts = qkv.split(kWidth, -1);
    const auto heads = [&](const torch::Tensor &t) {
        return t.view({kBatch, kTime, kHeads, hs}).transpose(1, 2);
    };
    torch::Tensor scores =
        torch::matmul(heads(parts[0]), heads(parts[1]).transpose(-2, -1)) / std::sqrt(double(hs));
    const torch::Tensor future = torch::ones({kTime, kTime}, torch::kBool).triu(1);
    torch::Tensor probs = torch::softmax(scores.masked_fill(future, -INFINITY), -1);
    if (mask.defined())
        probs = probs * mask;
    return torch::matmul(probs, heads(parts[2])).transpose(1, 2).reshape({kBatch, kTime, kWidth});
}

struct Problem
{
    torch::Tensor qkv, upstream, mask;
};

// A projection, an upstream gradient and a dropout mask (a third dropped, the rest scaled by
// 1.5), from a generator of our own.
Problem problem(torch::ScalarType type)
{
    at::Generator generator = at::detail::createCPUGenerator(21);
    const auto options = torch::TensorOptions().dtype(type);
    Problem p;
    p.qkv = torch::randn({kBatch, kTime, 3 * kWidth}, generator, options);
    p.upstream = torch::randn({kBatch, kTime, kWidth}, generator, options);
    p.mask = (torch::rand({kBatch, kHeads, kTime, kTime}, generator, options) > 1.0 / 3) * 1.5;
    p.mask = p.mask.to(type);
    return p;
}

// The output and the gradient of <output, upstream> for qkv, through the fused or written-out
// attention.
std::pair<torch::Tensor, torch::Tensor> attentionAndGradient(const Problem &p, bool fused,
                                                             bool withMask)
{
    const torch::Tensor qkv = p.qkv.clone().requires_grad_(true);
    const torch::Tensor mask = withMask ? p.mask : torch::Tensor();
    const torch::Tensor y =
        fused ? fusedCausalAttention(qkv, kHeads, mask) : referenceAttention(qkv, mask);
    (y * p.upstream).sum().backward();
    return {y.detach(), qkv.grad()};
}

ModelConfig smallConfig(double dropout)
{
    ModelConfig c;
    c.vocabSize = 61;
    c.contextLength = 16;
    c.nEmbd = 24;
    c.nLayer = 2;
    c.nHead = 3;
    c.dropout = dropout;
    return c;
}

// The generic path: packed rows of one example each, so the packing mask is the causal one and
// attention goes through matmul, masked fill and softmax.
torch::Tensor genericLoss(Gpt &model, const torch::Tensor &idx, const torch::Tensor &targets)
{
    const std::int64_t T = idx.size(1);
    const torch::Tensor positions = torch::arange(T, torch::kLong).expand({idx.size(0), T});
    const torch::Tensor blocked =
        torch::ones({T, T}, torch::kBool).triu(1).expand({idx.size(0), T, T});
    const torch::Tensor hidden = model->packedHiddenStates(idx, positions, blocked);
    return chunkedHeadLoss(hidden.reshape({-1, hidden.size(-1)}), model->wte->weight,
                           targets.reshape({-1}));
}

// 50 AdamW steps on fixed batches with dropout 0.1, through the fused or the generic path.
std::vector<double> trainingLosses(bool fused)
{
    return fiftyStepLosses(smallConfig(0.1), [fused](Gpt &model, const torch::Tensor &idx,
                                                     const torch::Tensor &targets) {
        return fused ? model->loss(idx, targets) : genericLoss(model, idx, targets);
    });
}

} // namespace

class TestCausalAttention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In double, so that only summation order separates the two; with and without dropout.
    void matchesWrittenOutAttention_data()
    {
        QTest::addColumn<bool>("withMask");
        QTest::newRow("no dropout") << false;
        QTest::newRow("dropout mask") << true;
    }
    void matchesWrittenOutAttention()
    {
        QFETCH(bool, withMask);
        const Problem p = problem(torch::kDouble);
        const auto [fusedY, fusedGrad] = attentionAndGradient(p, true, withMask);
        const auto [plainY, plainGrad] = attentionAndGradient(p, false, withMask);
        QVERIFY(maxDifference(fusedY, plainY) < 1e-12);
        QVERIFY(maxDifference(fusedGrad, plainGrad) < 1e-12);
    }

    // fp32, the engine's type: the same within fp32 rounding.
    void matchesInFloat()
    {
        const Problem p = problem(torch::kFloat);
        const auto [fusedY, fusedGrad] = attentionAndGradient(p, true, true);
        const auto [plainY, plainGrad] = attentionAndGradient(p, false, true);
        QVERIFY(maxDifference(fusedY, plainY) < 1e-5);
        QVERIFY(maxDifference(fusedGrad, plainGrad) < 1e-5);
    }

    // The gradient against central differences of <output, upstream>, in double.
    void gradientMatchesFiniteDifferences()
    {
        const Problem p = problem(torch::kDouble);
        const torch::Tensor grad = attentionAndGradient(p, true, true).second.reshape({-1});
        torch::Tensor qkv = p.qkv.clone();
        torch::Tensor flat = qkv.view({-1});
        const auto value = [&] {
            return (fusedCausalAttention(qkv, kHeads, p.mask) * p.upstream).sum().item<double>();
        };
        const double eps = 1e-6;
        for (std::int64_t i = 0; i < flat.numel(); i += 3) {
            const double saved = flat[i].item<double>();
            flat[i] = saved + eps;
            const double up = value();
            flat[i] = saved - eps;
            const double down = value();
            flat[i] = saved;
            QVERIFY2(std::abs((up - down) / (2 * eps) - grad[i].item<double>()) < 1e-7,
                     qPrintable(QStringLiteral("entry %1").arg(i)));
        }
    }

    // The whole model in double with dropout on: the fused path's loss and every parameter's
    // gradient equal the generic path's, the dropout masks replayed from the same generator state.
    void modelGradientsMatchTheGenericPath()
    {
        const ModelConfig c = smallConfig(0.2);
        at::Generator generator = at::detail::createCPUGenerator(9);
        Gpt model(c, generator);
        model->to(torch::kDouble);
        model->train();
        at::Generator data = at::detail::createCPUGenerator(10);
        const torch::Tensor w = torch::randint(c.vocabSize, {3, 11}, data, torch::kLong);
        const torch::Tensor idx = w.slice(1, 0, 10), targets = w.slice(1, 1, 11);
        const torch::Tensor state = generator.get_state();
        const auto lossAndGradients = [&](bool fused) {
            generator.set_state(state);
            model->zero_grad();
            const torch::Tensor loss =
                fused ? model->loss(idx, targets) : genericLoss(model, idx, targets);
            loss.backward();
            std::vector<torch::Tensor> grads;
            for (const torch::Tensor &parameter : model->parameters())
                grads.push_back(parameter.grad().clone());
            return std::make_pair(loss.item<double>(), grads);
        };
        const auto fused = lossAndGradients(true);
        const auto generic = lossAndGradients(false);
        QVERIFY(std::abs(fused.first - generic.first) < 1e-12);
        for (std::size_t i = 0; i < fused.second.size(); ++i)
            QVERIFY2(maxDifference(fused.second[i], generic.second[i]) < 1e-12,
                     qPrintable(QStringLiteral("parameter %1").arg(i)));
    }

    // On a CPU the model's training graph has the fused attention and none of the generic
    // path's batched products or softmax; packed rows still take the generic path.
    void cpuTrainingTakesTheFusedPath()
    {
        Gpt model(smallConfig(0.1), at::detail::createCPUGenerator(4));
        model->train();
        at::Generator data = at::detail::createCPUGenerator(8);
        const torch::Tensor w = torch::randint(61, {2, 9}, data, torch::kLong);
        const torch::Tensor idx = w.slice(1, 0, 8), targets = w.slice(1, 1, 9);
        const auto fused = autogradNodeNames(model->loss(idx, targets));
        QVERIFY(anyNameContains(fused, "FusedCausalAttention"));
        QVERIFY(!anyNameContains(fused, "Softmax") && !anyNameContains(fused, "Bmm"));
        const auto generic = autogradNodeNames(genericLoss(model, idx, targets));
        QVERIFY(anyNameContains(generic, "Softmax"));
        QVERIFY(!anyNameContains(generic, "FusedCausalAttention"));
    }

    // 50 AdamW steps with dropout 0.1 through either path: the losses agree to 1e-4 (fp32,
    // summation order only).
    void fiftyStepsMatchTheGenericPath()
    {
        const std::vector<double> fused = trainingLosses(true);
        const std::vector<double> generic = trainingLosses(false);
        QVERIFY(generic.back() <
                generic.front() - 0.5); // it learns: the comparison means something
        double largest = 0;
        for (std::size_t i = 0; i < generic.size(); ++i)
            largest = std::max(largest, std::abs(fused[i] - generic[i]));
        qInfo("largest difference over 50 steps: %.3g (loss %.4f -> %.4f)", largest,
              generic.front(), generic.back());
        QVERIFY(largest < 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestCausalAttention)
#include "test_causal_attention.moc"
