// Mixed precision's CPU-testable parts: the autocast scope (exercised with CPU bf16 autocast,
// the same function CUDA uses) and fp16's loss scaler skipping an overflowed step.
// LibTorch comes first: Qt's `slots` macro breaks its headers (PLATFORM.md §7).
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "adamw.h"
#include "loss_scaler.h"
#include "mixed_precision.h"
#include "optimizer_step.h"

using namespace azllm;

namespace {

// Two parameters with gradients, as after a backward pass.
struct TinyProblem
{
    torch::Tensor weight = torch::randn({4, 3}).requires_grad_(true);
    torch::Tensor bias = torch::randn({4}).requires_grad_(true);
    FusedAdamW optimizer{{weight}, {bias}, AdamWSettings{}};

    void setGradients(double scale)
    {
        weight.mutable_grad() = torch::full({4, 3}, 0.5 * scale);
        bias.mutable_grad() = torch::full({4}, -0.25 * scale);
    }
};

} // namespace

class TestMixedPrecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(11); }

    void precisionNamesRoundTrip()
    {
        for (const char *name : {"fp32", "bf16", "fp16"})
            QCOMPARE(QString::fromStdString(trainingPrecisionName(parseTrainingPrecision(name))),
                     QLatin1String(name));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseTrainingPrecision("fp8"));
    }

    // The scope turns autocast on for its lifetime only: a product inside runs in bf16, the
    // same product after it in fp32 again, and an fp32 scope changes nothing.
    void autocastScopeCastsProductsOnlyInside()
    {
        const torch::Tensor a = torch::randn({8, 16}), b = torch::randn({16, 4});
        {
            const AutocastScope scope(torch::kCPU, torch::kBFloat16);
            QCOMPARE(torch::mm(a, b).scalar_type(), torch::kBFloat16);
            {
                const AutocastScope nested(torch::kCPU, torch::kBFloat16);
                QCOMPARE(torch::mm(a, b).scalar_type(), torch::kBFloat16);
            }
            QCOMPARE(torch::mm(a, b).scalar_type(), torch::kBFloat16);
        }
        QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat32);
        const AutocastScope off(torch::kCPU, torch::kFloat32);
        QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat32);
    }

    void scaleHalvesOnOverflowAndGrowsAfterAGoodRun()
    {
        LossScaleSettings settings;
        settings.growthInterval = 3;
        LossScaler scaler(LossScaleState{1024.0, 0, 0}, settings);
        QVERIFY(!scaler.update(false));
        QCOMPARE(scaler.scale(), 512.0);
        QCOMPARE(scaler.state().skippedSteps, 1);
        QVERIFY(scaler.update(true));
        QVERIFY(scaler.update(true));
        QCOMPARE(scaler.scale(), 512.0);
        QVERIFY(scaler.update(true));
        QCOMPARE(scaler.scale(), 1024.0);
        QCOMPARE(scaler.state().goodSteps, 0);
    }

    // An inf in one gradient: the update is skipped (weights and moments untouched), the scale
    // halves and the skip is counted; the next, finite step updates with unscaled gradients.
    void anInfGradientSkipsTheStepAndLowersTheScale()
    {
        TinyProblem p;
        LossScaler scaler(LossScaleState{4096.0, 0, 0});
        const torch::Tensor before = p.weight.detach().clone();
        p.setGradients(4096.0);
        p.weight.mutable_grad()[1][2] = std::numeric_limits<float>::infinity();
        const UpdateOutcome skipped = applyUpdate(p.optimizer, &scaler, 1e-2, 1.0);
        QVERIFY(skipped.skipped);
        QVERIFY(!std::isfinite(skipped.gradNorm));
        QVERIFY(torch::equal(p.weight.detach(), before));
        QCOMPARE(p.optimizer.steps(), 0);
        QCOMPARE(scaler.scale(), 2048.0);
        QCOMPARE(scaler.state().skippedSteps, 1);

        p.setGradients(2048.0);
        const UpdateOutcome taken = applyUpdate(p.optimizer, &scaler, 1e-2, 0.0);
        QVERIFY(!taken.skipped);
        QCOMPARE(p.optimizer.steps(), 1);
        QVERIFY(!torch::equal(p.weight.detach(), before));
        // The norm reported is the true gradients', not the scaled ones'.
        const double expected = std::sqrt(12 * 0.25 + 4 * 0.0625);
        QVERIFY2(std::abs(taken.gradNorm - expected) < 1e-5,
                 qPrintable(QString::number(taken.gradNorm)));
    }

    // Scaling and unscaling is invisible in the update: the same step as without a scaler.
    void aScaledStepEqualsAnUnscaledOne()
    {
        TinyProblem scaled, plain;
        plain.weight = scaled.weight.detach().clone().requires_grad_(true);
        plain.bias = scaled.bias.detach().clone().requires_grad_(true);
        plain.optimizer = FusedAdamW({plain.weight}, {plain.bias}, AdamWSettings{});
        LossScaler scaler(LossScaleState{256.0, 0, 0});
        scaled.setGradients(256.0);
        plain.setGradients(1.0);
        applyUpdate(scaled.optimizer, &scaler, 1e-2, 0.5);
        applyUpdate(plain.optimizer, nullptr, 1e-2, 0.5);
        QVERIFY(torch::allclose(scaled.weight.detach(), plain.weight.detach(), 1e-6, 1e-7));
        QVERIFY(torch::allclose(scaled.bias.detach(), plain.bias.detach(), 1e-6, 1e-7));
    }
};

QTEST_APPLESS_MAIN(TestMixedPrecision)
#include "test_mixed_precision.moc"
