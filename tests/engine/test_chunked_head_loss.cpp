// The output head's cross-entropy taken a block of rows at a time (chunked_head_loss.h): the
// same loss and gradients as the plain linear + cross_entropy it replaced, and the same training.
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QtTest>

#include "chunked_head_loss.h"
#include "fifty_step_losses.h"
#include "gpt.h"

using namespace azllm;
namespace F = torch::nn::functional;

namespace {

struct HeadProblem
{
    torch::Tensor x, weight, targets;
};

// N rows of width C over a vocabulary of V, from a generator of our own.
HeadProblem headProblem(std::int64_t n, std::int64_t c, std::int64_t v, torch::ScalarType type)
{
    at::Generator generator = at::detail::createCPUGenerator(11);
    const auto options = torch::TensorOptions().dtype(type);
    HeadProblem p;
    p.x = torch::randn({n, c}, generator, options).requires_grad_(true);
    p.weight = (torch::randn({v, c}, generator, options) * 0.5).requires_grad_(true);
    p.targets = torch::randint(v, {n}, generator, torch::kLong);
    return p;
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

ModelConfig dropoutConfig()
{
    ModelConfig c;
    c.vocabSize = 97;
    c.contextLength = 16;
    c.nEmbd = 32;
    c.nLayer = 2;
    c.nHead = 4;
    c.dropout = 0.1;
    return c;
}

// 50 AdamW steps on fixed batches; `chunked` picks the engine's loss or the plain head.
std::vector<double> trainingLosses(bool chunked)
{
    return fiftyStepLosses(dropoutConfig(), [chunked](Gpt &model, const torch::Tensor &idx,
                                                      const torch::Tensor &targets) {
        if (chunked)
            return model->loss(idx, targets);
        return F::cross_entropy(model->forward(idx).reshape({-1, model->config().vocabSize}),
                                targets.reshape({-1}));
    });
}

} // namespace

class TestChunkedHeadLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In double, so that only summation order separates the two: blocks of 7 rows (the last one
    // short), one block, and the size the engine picks.
    void matchesPlainCrossEntropy_data()
    {
        QTest::addColumn<qlonglong>("chunkRows");
        QTest::newRow("blocks of 7") << 7LL;
        QTest::newRow("one block") << 64LL;
        QTest::newRow("engine's choice") << 0LL;
    }
    void matchesPlainCrossEntropy()
    {
        QFETCH(qlonglong, chunkRows);
        HeadProblem chunked = headProblem(20, 16, 50, torch::kDouble);
        HeadProblem plain = headProblem(20, 16, 50, torch::kDouble);
        const torch::Tensor loss =
            chunkedHeadLoss(chunked.x, chunked.weight, chunked.targets, chunkRows);
        const torch::Tensor reference =
            F::cross_entropy(F::linear(plain.x, plain.weight), plain.targets);
        loss.backward();
        reference.backward();
        QVERIFY(std::abs(loss.item<double>() - reference.item<double>()) < 1e-12);
        QVERIFY(maxDifference(chunked.x.grad(), plain.x.grad()) < 1e-12);
        QVERIFY(maxDifference(chunked.weight.grad(), plain.weight.grad()) < 1e-12);
    }

    // The gradients against central differences of the loss itself, in double.
    void gradientsMatchFiniteDifferences()
    {
        HeadProblem p = headProblem(9, 6, 13, torch::kDouble);
        chunkedHeadLoss(p.x, p.weight, p.targets, 4).backward();
        const double eps = 1e-6;
        for (torch::Tensor *param : {&p.x, &p.weight}) {
            const torch::Tensor grad = param->grad().reshape({-1}).clone();
            torch::NoGradGuard noGrad;
            torch::Tensor flat = param->view({-1});
            for (std::int64_t i = 0; i < flat.numel(); i += 5) {
                const double saved = flat[i].item<double>();
                flat[i] = saved + eps;
                const double up = chunkedHeadLoss(p.x, p.weight, p.targets, 4).item<double>();
                flat[i] = saved - eps;
                const double down = chunkedHeadLoss(p.x, p.weight, p.targets, 4).item<double>();
                flat[i] = saved;
                QVERIFY2(std::abs((up - down) / (2 * eps) - grad[i].item<double>()) < 1e-7,
                         qPrintable(QStringLiteral("entry %1").arg(i)));
            }
        }
    }

    // The gradients are computed for an incoming gradient of 1; any other one scales them
    // (gradient accumulation divides the loss, fp16 multiplies it).
    void backwardScalesByTheIncomingGradient()
    {
        HeadProblem once = headProblem(10, 8, 30, torch::kFloat);
        HeadProblem scaled = headProblem(10, 8, 30, torch::kFloat);
        chunkedHeadLoss(once.x, once.weight, once.targets, 3).backward();
        (chunkedHeadLoss(scaled.x, scaled.weight, scaled.targets, 3) * 2.5).backward();
        QVERIFY(maxDifference(scaled.x.grad(), once.x.grad() * 2.5) < 1e-6);
        QVERIFY(maxDifference(scaled.weight.grad(), once.weight.grad() * 2.5) < 1e-6);
    }

    // A frozen weight (or input) gets no gradient and no product for it.
    void frozenWeightGetsNoGradient()
    {
        HeadProblem p = headProblem(10, 8, 30, torch::kFloat);
        p.weight.requires_grad_(false);
        chunkedHeadLoss(p.x, p.weight, p.targets, 3).backward();
        QVERIFY(p.x.grad().defined());
        QVERIFY(!p.weight.grad().defined());
    }

    // Evaluation takes the loss-only path: the same value, nothing to backpropagate.
    void withoutGradientsTheLossIsTheSame()
    {
        HeadProblem p = headProblem(20, 16, 50, torch::kFloat);
        const double withGrad = chunkedHeadLoss(p.x, p.weight, p.targets, 7).item<double>();
        torch::NoGradGuard noGrad;
        const torch::Tensor loss = chunkedHeadLoss(p.x, p.weight, p.targets, 7);
        QVERIFY(!loss.requires_grad());
        QCOMPARE(loss.item<double>(), withGrad);
    }

    // The model's training loss (chunked) against the plain head over 50 AdamW steps with
    // dropout on: the losses agree to 1e-4 (fp32, summation order only).
    void fiftyStepsMatchThePlainHead()
    {
        const std::vector<double> chunked = trainingLosses(true);
        const std::vector<double> plain = trainingLosses(false);
        QVERIFY(plain.back() < plain.front() - 0.5); // it learns: the comparison means something
        double largest = 0;
        for (std::size_t i = 0; i < plain.size(); ++i)
            largest = std::max(largest, std::abs(chunked[i] - plain[i]));
        qInfo("largest difference over 50 steps: %.3g (loss %.4f -> %.4f)", largest, plain.front(),
              plain.back());
        for (std::size_t i = 0; i < plain.size(); ++i)
            QVERIFY2(std::abs(chunked[i] - plain[i]) < 1e-4,
                     qPrintable(QStringLiteral("step %1: %2 vs %3")
                                    .arg(i)
                                    .arg(chunked[i], 0, 'g', 9)
                                    .arg(plain[i], 0, 'g', 9)));
    }
};

QTEST_APPLESS_MAIN(TestChunkedHeadLoss)
#include "test_chunked_head_loss.moc"
