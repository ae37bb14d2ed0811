// The faster training step's pieces against the plain LibTorch computation they replace, in
// double precision: the chunked head loss (values and gradients, ignored rows, an incoming
// gradient other than 1, no-grad evaluation).
// LibTorch comes first: Qt's `slots` macro breaks its headers (PLATFORM.md §7).
#include <torch/torch.h>

#include <QtTest>

#include "batched_matmul.h"
#include "chunked_head_loss.h"
#include "gpt.h"
#include "mixed_precision.h"

using namespace azllm;
namespace F = torch::nn::functional;

namespace {

struct HeadProblem
{
    torch::Tensor x, weight, targets;
};

HeadProblem headProblem(std::int64_t rows, std::int64_t width, std::int64_t vocab)
{
    HeadProblem p;
    p.x = torch::randn({rows, width}, torch::kDouble).requires_grad_(true);
    p.weight = torch::randn({vocab, width}, torch::kDouble).requires_grad_(true);
    p.targets = torch::randint(0, vocab, {rows}, torch::kLong);
    return p;
}

// loss, grad x, grad weight of the plain computation.
std::vector<torch::Tensor> reference(const HeadProblem &p, double gradScale,
                                     std::int64_t ignoreIndex)
{
    const torch::Tensor x = p.x.detach().clone().requires_grad_(true);
    const torch::Tensor w = p.weight.detach().clone().requires_grad_(true);
    const torch::Tensor loss = F::cross_entropy(
        F::linear(x, w), p.targets, F::CrossEntropyFuncOptions().ignore_index(ignoreIndex));
    (loss * gradScale).backward();
    return {loss.detach(), x.grad(), w.grad()};
}

} // namespace

class TestFastStep : public QObject
{
    Q_OBJECT

private slots:
    void init() { torch::manual_seed(5); }

    void chunkedHeadLossMatchesCrossEntropy_data()
    {
        QTest::addColumn<int>("chunkRows");
        QTest::addColumn<double>("gradScale");
        QTest::addColumn<bool>("ignoreSome");
        QTest::newRow("one block") << 64 << 1.0 << false;
        QTest::newRow("uneven blocks") << 3 << 1.0 << false;
        QTest::newRow("accumulation's 1/K") << 4 << 0.25 << false;
        QTest::newRow("ignored targets") << 5 << 1.0 << true;
    }

    void chunkedHeadLossMatchesCrossEntropy()
    {
        QFETCH(int, chunkRows);
        QFETCH(double, gradScale);
        QFETCH(bool, ignoreSome);
        HeadProblem p = headProblem(11, 6, 17);
        const std::int64_t ignore = -100;
        if (ignoreSome) {
            p.targets[2] = ignore;
            p.targets[7] = ignore;
        }
        const auto expected = reference(p, gradScale, ignore);
        const torch::Tensor loss = chunkedHeadLoss(p.x, p.weight, p.targets, ignore, chunkRows);
        (loss * gradScale).backward();
        QVERIFY(torch::allclose(loss, expected[0], 1e-10, 1e-12));
        QVERIFY(torch::allclose(p.x.grad(), expected[1], 1e-9, 1e-12));
        QVERIFY(torch::allclose(p.weight.grad(), expected[2], 1e-9, 1e-12));
        if (ignoreSome)
            QCOMPARE(p.x.grad()[2].abs().sum().item<double>(), 0.0);
    }

    // Without a graph to build (evaluation), the loss is the same and nothing is kept.
    void evaluationGetsTheSameLossWithoutGradients()
    {
        const HeadProblem p = headProblem(9, 4, 13);
        const auto expected = reference(p, 1.0, -100);
        torch::NoGradGuard noGrad;
        const torch::Tensor loss = chunkedHeadLoss(p.x, p.weight, p.targets, -100, 4);
        QVERIFY(!loss.requires_grad());
        QVERIFY(torch::allclose(loss, expected[0], 1e-10, 1e-12));
    }

    // alpha a b^T as attention's scores are made, with b a transposed view, and its gradients.
    void batchedMatmulMatchesBmm()
    {
        const torch::Tensor a = torch::randn({5, 7, 3}, torch::kDouble).requires_grad_(true);
        const torch::Tensor b = torch::randn({5, 6, 3}, torch::kDouble).requires_grad_(true);
        const torch::Tensor probe = torch::randn({5, 7, 6}, torch::kDouble);
        const torch::Tensor ours = batchedMatmul(a, b.transpose(1, 2), 0.125);
        (ours * probe).sum().backward();
        const torch::Tensor gradA = a.grad().clone(), gradB = b.grad().clone();
        a.mutable_grad().reset();
        b.mutable_grad().reset();
        const torch::Tensor expected = torch::bmm(a, b.transpose(1, 2)) * 0.125;
        (expected * probe).sum().backward();
        QVERIFY(torch::allclose(ours, expected, 1e-12, 1e-12));
        QVERIFY(torch::allclose(gradA, a.grad(), 1e-12, 1e-12));
        QVERIFY(torch::allclose(gradB, b.grad(), 1e-12, 1e-12));
    }

    // The model's training loss (the fast path) against cross-entropy over forward()'s logits
    // (the module path generation uses): the same loss and the same gradient for every parameter.
    void trainingLossMatchesTheModulePath()
    {
        ModelConfig c;
        c.vocabSize = 50;
        c.contextLength = 16;
        c.nEmbd = 32;
        c.nLayer = 2;
        c.nHead = 4;
        Gpt model(c);
        model->to(torch::kDouble);
        const torch::Tensor idx = torch::randint(0, 50, {3, 12}, torch::kLong);
        const torch::Tensor targets = torch::randint(0, 50, {3, 12}, torch::kLong);
        const torch::Tensor fast = model->loss(idx, targets);
        fast.backward();
        std::vector<torch::Tensor> fastGrads;
        for (const torch::Tensor &p : model->parameters()) {
            fastGrads.push_back(p.grad().clone());
            p.mutable_grad().reset();
        }
        const torch::Tensor logits = model->forward(idx);
        const torch::Tensor plain = F::cross_entropy(logits.view({-1, 50}), targets.reshape({-1}));
        plain.backward();
        QVERIFY(torch::allclose(fast, plain, 1e-12, 1e-12));
        std::size_t i = 0;
        for (const auto &item : model->named_parameters()) {
            QVERIFY2(torch::allclose(fastGrads[i], item.value().grad(), 1e-9, 1e-12),
                     item.key().c_str());
            ++i;
        }
    }

    // Central differences through the whole fast path, for a few weights of each kind.
    void trainingLossGradientsMatchFiniteDifferences()
    {
        ModelConfig c;
        c.vocabSize = 20;
        c.contextLength = 8;
        c.nEmbd = 8;
        c.nLayer = 1;
        c.nHead = 2;
        Gpt model(c);
        model->to(torch::kDouble);
        const torch::Tensor idx = torch::randint(0, 20, {2, 6}, torch::kLong);
        const torch::Tensor targets = torch::randint(0, 20, {2, 6}, torch::kLong);
        model->loss(idx, targets).backward();
        const double eps = 1e-6;
        for (const auto &item : model->named_parameters()) {
            torch::NoGradGuard noGrad;
            torch::Tensor flat = item.value().view({-1});
            const torch::Tensor grad = item.value().grad().reshape({-1});
            for (std::int64_t i = 0; i < flat.numel(); i += std::max<std::int64_t>(1, flat.numel() / 5)) {
                const double saved = flat[i].item<double>();
                flat[i] = saved + eps;
                const double up = model->loss(idx, targets).item<double>();
                flat[i] = saved - eps;
                const double down = model->loss(idx, targets).item<double>();
                flat[i] = saved;
                const double numeric = (up - down) / (2 * eps);
                QVERIFY2(std::abs(numeric - grad[i].item<double>()) <=
                             1e-6 * std::max(1.0, std::abs(numeric)),
                         qPrintable(QStringLiteral("%1[%2]: numeric %3, backprop %4")
                                        .arg(QString::fromStdString(item.key()))
                                        .arg(i)
                                        .arg(numeric)
                                        .arg(grad[i].item<double>())));
            }
        }
    }

    // Activation checkpointing recomputes each block in backward with the dropout masks of the
    // forward pass: the same loss, the same gradients bit for bit, and the generator ends where
    // the plain pass leaves it (later draws do not shift).
    void checkpointedBlocksGiveIdenticalGradientsWithDropout()
    {
        ModelConfig c;
        c.vocabSize = 40;
        c.contextLength = 16;
        c.nEmbd = 32;
        c.nLayer = 3;
        c.nHead = 4;
        c.dropout = 0.3;
        Gpt model(c);
        model->train();
        const torch::Tensor idx = torch::randint(0, 40, {2, 16}, torch::kLong);
        const torch::Tensor targets = torch::randint(0, 40, {2, 16}, torch::kLong);
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        const torch::Tensor start = generator.get_state();

        const auto pass = [&](bool checkpointing) {
            generator.set_state(start);
            model->setActivationCheckpointing(checkpointing);
            const torch::Tensor loss = model->loss(idx, targets);
            loss.backward();
            std::vector<torch::Tensor> out = {loss.detach(), generator.get_state()};
            for (torch::Tensor &p : model->parameters()) {
                out.push_back(p.grad().clone());
                p.mutable_grad().reset();
            }
            return out;
        };
        const auto plain = pass(false);
        const auto checkpointed = pass(true);
        QVERIFY(torch::equal(plain[0], checkpointed[0]));
        QVERIFY(torch::equal(plain[1], checkpointed[1]));
        for (std::size_t i = 2; i < plain.size(); ++i)
            QVERIFY2(torch::equal(plain[i], checkpointed[i]), qPrintable(QString::number(i)));
        // Dropout really was on: other masks give another loss.
        torch::manual_seed(99);
        QVERIFY(!torch::equal(model->loss(idx, targets).detach(), plain[0]));
    }

    // CPU bf16 autocast stands in for CUDA's: the products run in 16 bits through the fast path,
    // plain and checkpointed, the loss stays near fp32's and fp32 gradients reach every weight.
    void mixedPrecisionRunsThroughTheFastPath()
    {
        ModelConfig c;
        c.vocabSize = 40;
        c.contextLength = 16;
        c.nEmbd = 32;
        c.nLayer = 2;
        c.nHead = 4;
        Gpt model(c);
        const torch::Tensor idx = torch::randint(0, 40, {2, 16}, torch::kLong);
        const torch::Tensor targets = torch::randint(0, 40, {2, 16}, torch::kLong);
        const double fp32 = model->loss(idx, targets).item<double>();
        for (const bool checkpointing : {false, true}) {
            model->setActivationCheckpointing(checkpointing);
            torch::Tensor loss;
            {
                const AutocastScope autocast(torch::kCPU, torch::kBFloat16);
                loss = model->loss(idx, targets);
            }
            loss.backward();
            QVERIFY2(std::abs(loss.item<double>() - fp32) < 0.05,
                     qPrintable(QStringLiteral("%1 vs %2").arg(loss.item<double>()).arg(fp32)));
            for (const auto &item : model->named_parameters()) {
                const torch::Tensor grad = item.value().grad();
                QVERIFY2(grad.defined() && grad.scalar_type() == torch::kFloat32 &&
                             torch::isfinite(grad).all().item<bool>(),
                         item.key().c_str());
            }
            model->zero_grad();
        }
    }

    void chunkRowsKeepBlocksNearEightMillionLogits()
    {
        QCOMPARE(headLossChunkRows(32000, 1024), 256);
        QCOMPARE(headLossChunkRows(8000, 4096), 1024);
        QCOMPARE(headLossChunkRows(32000, 100), 100);
        QCOMPARE(headLossChunkRows(1 << 20, 4096), 64);
    }
};

QTEST_APPLESS_MAIN(TestFastStep)
#include "test_fast_step.moc"
