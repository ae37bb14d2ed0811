// FusedAdamW against LibTorch's own torch::optim::AdamW, step by step: with and without weight
// decay and gradient clipping, through the fused CPU loop and through the tensor-ops branch
// (what runs on GPUs and for unusual layouts).
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QtTest>

#include "adamw.h"

using namespace azllm;

namespace {

struct Case
{
    double weightDecay;
    double clip; // 0: no clipping
    torch::Dtype dtype;
    bool contiguous;
};

// Two parameter groups as the trainer makes them: matrices decayed, vectors not.
std::vector<torch::Tensor> makeParameters(const Case &c)
{
    torch::manual_seed(7);
    torch::Tensor matrix = torch::randn({6, 5}, c.dtype);
    if (!c.contiguous)
        matrix = torch::randn({5, 6}, c.dtype).t(); // a non-contiguous leaf
    return {matrix.detach().requires_grad_(true),
            torch::randn({6}, c.dtype).detach().requires_grad_(true)};
}

// A loss whose gradients change from step to step, large enough for clipping to bite.
torch::Tensor lossOf(const std::vector<torch::Tensor> &p, int step)
{
    const torch::Tensor input = torch::linspace(-2, 2, 30, p[0].options()).view({5, 6}) * step;
    return (torch::matmul(p[0], input) + p[1].unsqueeze(1) * 3).pow(2).sum();
}

double clipOurs(FusedAdamW &optimizer, double clip)
{
    const double norm = optimizer.gradientNorm();
    return clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1.0;
}

} // namespace

class TestAdamW : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTorchAdamW_data()
    {
        QTest::addColumn<double>("weightDecay");
        QTest::addColumn<double>("clip");
        QTest::addColumn<bool>("fused");
        QTest::addColumn<bool>("contiguous");
        QTest::newRow("fused") << 0.0 << 0.0 << true << true;
        QTest::newRow("fused, decay") << 0.1 << 0.0 << true << true;
        QTest::newRow("fused, decay, clip") << 0.1 << 1.0 << true << true;
        QTest::newRow("tensor ops (double)") << 0.0 << 0.0 << false << true;
        QTest::newRow("tensor ops (double), decay, clip") << 0.1 << 1.0 << false << true;
        QTest::newRow("tensor ops (non-contiguous), decay, clip") << 0.1 << 1.0 << true << false;
    }

    void matchesTorchAdamW()
    {
        QFETCH(double, weightDecay);
        QFETCH(double, clip);
        QFETCH(bool, fused);
        QFETCH(bool, contiguous);
        // The fused loop takes contiguous float32 only; double or a strided view go through
        // the tensor-ops branch.
        const Case c{weightDecay, clip, fused ? torch::kFloat32 : torch::kFloat64, contiguous};
        const double lr = 0.05;
        std::vector<torch::Tensor> ours = makeParameters(c), theirs = makeParameters(c);
        AdamWSettings settings;
        settings.weightDecay = weightDecay;
        FusedAdamW fusedAdamW({ours[0]}, {ours[1]}, settings);

        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(std::vector<torch::Tensor>{theirs[0]},
                            std::make_unique<torch::optim::AdamWOptions>(
                                torch::optim::AdamWOptions(lr).betas({0.9, 0.95}).eps(1e-8)
                                    .weight_decay(weightDecay)));
        groups.emplace_back(std::vector<torch::Tensor>{theirs[1]},
                            std::make_unique<torch::optim::AdamWOptions>(
                                torch::optim::AdamWOptions(lr).betas({0.9, 0.95}).eps(1e-8)
                                    .weight_decay(0.0)));
        torch::optim::AdamW reference(groups, torch::optim::AdamWOptions(lr));

        const double tolerance = fused ? 2e-5 : 1e-12;
        bool clipped = false;
        for (int step = 1; step <= 8; ++step) {
            lossOf(ours, step).backward();
            const double scale = clipOurs(fusedAdamW, clip);
            clipped = clipped || scale < 1.0;
            fusedAdamW.step(lr, scale);
            for (torch::Tensor &p : ours)
                p.mutable_grad().reset();

            lossOf(theirs, step).backward();
            if (clip > 0)
                torch::nn::utils::clip_grad_norm_(theirs, clip);
            reference.step();
            reference.zero_grad();

            for (std::size_t i = 0; i < ours.size(); ++i) {
                const double difference = (ours[i] - theirs[i]).abs().max().item<double>();
                QVERIFY2(difference <= tolerance * std::max(1.0, theirs[i].abs().max().item<double>()),
                         qPrintable(QStringLiteral("step %1, parameter %2 differs by %3")
                                        .arg(step)
                                        .arg(i)
                                        .arg(difference)));
            }
        }
        QCOMPARE(fusedAdamW.steps(), 8);
        QCOMPARE(clipped, clip > 0);
    }

    void gradientNormIsTheGlobalL2Norm()
    {
        torch::Tensor a = torch::zeros({2, 2}, torch::requires_grad());
        torch::Tensor b = torch::zeros({3}, torch::requires_grad());
        a.mutable_grad() = torch::full({2, 2}, 1.0);
        b.mutable_grad() = torch::tensor({2.0f, 2.0f, 4.0f});
        FusedAdamW optimizer({a}, {b}, {});
        QVERIFY(std::abs(optimizer.gradientNorm() - std::sqrt(4.0 + 4 + 4 + 16)) < 1e-5);
        b.mutable_grad()[0] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(std::isnan(optimizer.gradientNorm()));
    }

    void savesAndRestoresItsMoments()
    {
        torch::Tensor p = torch::ones({3}, torch::requires_grad());
        FusedAdamW first({}, {p}, {});
        p.mutable_grad() = torch::tensor({0.5f, -1.0f, 2.0f});
        first.step(0.1);
        torch::serialize::OutputArchive out;
        first.save(out);
        std::stringstream buffer;
        out.save_to(buffer);

        torch::Tensor q = p.detach().clone().requires_grad_(true);
        FusedAdamW second({}, {q}, {});
        torch::serialize::InputArchive in;
        in.load_from(buffer);
        second.load(in);
        QCOMPARE(second.steps(), 1);
        p.mutable_grad() = torch::tensor({1.0f, 1.0f, 1.0f});
        q.mutable_grad() = torch::tensor({1.0f, 1.0f, 1.0f});
        first.step(0.1);
        second.step(0.1);
        QVERIFY(torch::equal(p, q));

        torch::Tensor wrong = torch::ones({4}, torch::requires_grad());
        FusedAdamW mismatched({}, {wrong, wrong}, {});
        torch::serialize::InputArchive again;
        std::stringstream copy(buffer.str());
        again.load_from(copy);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, mismatched.load(again));
    }
};

QTEST_APPLESS_MAIN(TestAdamW)
#include "test_adamw.moc"
