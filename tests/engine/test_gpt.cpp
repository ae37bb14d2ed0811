// The GPT module itself: gradients, causality, the KV cache, and that it can learn.
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include "checkpoint_io.h"
#include "gpt.h"

using namespace azllm;

namespace {

ModelConfig tinyConfig()
{
    ModelConfig c;
    c.vocabSize = 50;
    c.contextLength = 16;
    c.nEmbd = 32;
    c.nLayer = 1;
    c.nHead = 4;
    return c;
}

at::Generator testGenerator()
{
    return at::detail::createCPUGenerator(3);
}

} // namespace

class TestGpt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(3); }

    // Backprop through the written-out attention against central differences, in double.
    void attentionGradientsMatchFiniteDifferences()
    {
        ModelConfig c = tinyConfig();
        c.nEmbd = 8;
        c.nHead = 2;
        CausalSelfAttention attention(c, testGenerator());
        attention->to(torch::kDouble);
        const torch::Tensor x = torch::randn({2, 5, 8}, torch::kDouble).requires_grad_(true);
        const torch::Tensor probe = torch::randn({2, 5, 8}, torch::kDouble);
        const auto objective = [&] { return (attention(x) * probe).sum(); };
        objective().backward();

        const double eps = 1e-6;
        const auto check = [&](torch::Tensor param, const torch::Tensor &grad, const char *what) {
            torch::NoGradGuard noGrad;
            auto flat = param.view({-1});
            const auto gradFlat = grad.reshape({-1});
            for (std::int64_t i = 0; i < flat.numel();
                 i += std::max<std::int64_t>(1, flat.numel() / 40)) {
                const double saved = flat[i].item<double>();
                flat[i] = saved + eps;
                const double up = objective().item<double>();
                flat[i] = saved - eps;
                const double down = objective().item<double>();
                flat[i] = saved;
                const double numeric = (up - down) / (2 * eps);
                const double analytic = gradFlat[i].item<double>();
                QVERIFY2(std::abs(numeric - analytic) <= 1e-6 * std::max(1.0, std::abs(numeric)),
                         qPrintable(QStringLiteral("%1[%2]: numeric %3, backprop %4")
                                        .arg(QLatin1String(what))
                                        .arg(i)
                                        .arg(numeric)
                                        .arg(analytic)));
            }
        };
        check(x.detach(), x.grad(), "input");
        check(attention->c_attn->weight.detach(), attention->c_attn->weight.grad(),
              "c_attn.weight");
        check(attention->c_proj->weight.detach(), attention->c_proj->weight.grad(),
              "c_proj.weight");
    }

    void laterTokensDoNotChangeEarlierLogits()
    {
        Gpt model(tinyConfig(), testGenerator());
        model->eval();
        torch::NoGradGuard noGrad;
        torch::Tensor a = torch::randint(0, 50, {1, 10}, torch::kLong);
        torch::Tensor b = a.clone();
        b[0][6] = (a[0][6].item<std::int64_t>() + 1) % 50;
        const torch::Tensor la = model(a), lb = model(b);
        QVERIFY(torch::allclose(la.slice(1, 0, 6), lb.slice(1, 0, 6)));
        QVERIFY(!torch::allclose(la.slice(1, 6, 7), lb.slice(1, 6, 7)));
    }

    void kvCacheGivesTheFullForwardsLogits()
    {
        ModelConfig c = tinyConfig();
        c.nLayer = 2;
        Gpt model(c, testGenerator());
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor idx = torch::randint(0, 50, {1, 12}, torch::kLong);
        const torch::Tensor full = model(idx); // (1, 12, V)
        KvCache cache(c, 1, torch::kCPU);
        // A 5-token prefill, then one token at a time, as generation does.
        torch::Tensor last = model->forwardCached(idx.slice(1, 0, 5), cache);
        QVERIFY(torch::allclose(last, full.select(1, 4), 1e-5, 1e-5));
        for (std::int64_t t = 5; t < 12; ++t) {
            last = model->forwardCached(idx.slice(1, t, t + 1), cache);
            QVERIFY2(torch::allclose(last, full.select(1, t), 1e-5, 1e-5),
                     qPrintable(QString::number(t)));
        }
        QCOMPARE(cache.length, 12);
    }

    void refusesSequencesLongerThanTheContext()
    {
        Gpt model(tinyConfig(), testGenerator());
        QVERIFY_THROWS_EXCEPTION(c10::Error, model(torch::zeros({1, 17}, torch::kLong)));
    }

    void residualProjectionsStartSmaller()
    {
        ModelConfig c = tinyConfig();
        c.nLayer = 8;
        c.nEmbd = 128;
        Gpt model(c, testGenerator());
        auto *block = model->h[0]->as<Block>();
        const double fc = block->mlp->c_fc->weight.std().item<double>();
        const double proj = block->mlp->c_proj->weight.std().item<double>();
        QVERIFY(std::abs(fc - 0.02) < 0.002);
        QVERIFY(std::abs(proj - 0.02 / std::sqrt(16.0)) < 0.001);
        QCOMPARE(block->attn->c_attn->bias.abs().sum().item<double>(), 0.0);
    }

    void outputHeadIsTiedToTheTokenTable()
    {
        Gpt model(tinyConfig(), testGenerator());
        for (const auto &item : model->named_parameters())
            QVERIFY2(item.key().find("head") == std::string::npos, item.key().c_str());
        const torch::Tensor idx = torch::randint(0, 50, {1, 4}, torch::kLong);
        model(idx).sum().backward();
        QVERIFY(model->wte->weight.grad().abs().sum().item<double>() > 0);
    }

    // The head reads hiddenStates: sentence vectors are pooled from what the logits come from.
    void logitsAreTheTiedHeadOverTheHiddenStates()
    {
        Gpt model(tinyConfig(), testGenerator());
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor idx = torch::randint(0, 50, {2, 7}, torch::kLong);
        const torch::Tensor hidden = model->hiddenStates(idx);
        QCOMPARE(hidden.sizes().vec(), (std::vector<std::int64_t>{2, 7, 32}));
        // After ln_f: each position's features have mean 0 (LayerNorm's bias starts at zero).
        QVERIFY(hidden.mean(-1).abs().max().item<double>() < 1e-4);
        const torch::Tensor viaHead = torch::matmul(hidden, model->wte->weight.t());
        QVERIFY(torch::allclose(model(idx), viaHead, 1e-5, 1e-5));
    }

    void dropoutOnlyInTraining()
    {
        ModelConfig c = tinyConfig();
        c.dropout = 0.5;
        Gpt model(c, testGenerator());
        const torch::Tensor idx = torch::randint(0, 50, {2, 8}, torch::kLong);
        model->train();
        QVERIFY(!torch::allclose(model(idx), model(idx)));
        model->eval();
        QVERIFY(torch::allclose(model(idx), model(idx)));
    }

    void overfitsOneFixedBatch()
    {
        Gpt model(tinyConfig(), testGenerator());
        torch::optim::AdamW optimizer(model->parameters(),
                                      torch::optim::AdamWOptions(1e-2).weight_decay(0.0));
        const torch::Tensor windows = torch::randint(3, 50, {4, 17}, torch::kLong);
        double loss = 0;
        for (int step = 0; step < 300 && (step == 0 || loss >= 0.1); ++step) {
            optimizer.zero_grad();
            torch::Tensor l = model->loss(windows.slice(1, 0, 16), windows.slice(1, 1, 17));
            l.backward();
            optimizer.step();
            loss = l.item<double>();
        }
        QVERIFY2(loss < 0.1, qPrintable(QString::number(loss)));
    }

    void checkpointWithTheWrongShapeIsRefusedByName()
    {
        QTemporaryDir dir;
        Gpt saved(tinyConfig(), testGenerator());
        CheckpointContents contents;
        contents.config.model = tinyConfig();
        contents.model = saved;
        contents.generator = testGenerator();
        const std::string path = saveCheckpoint(dir.path().toStdString(), contents);
        ModelConfig wider = tinyConfig();
        wider.nEmbd = 64;
        Gpt other(wider, testGenerator());
        try {
            loadWeights(path, other);
            QFAIL("weights of another shape were loaded");
        } catch (const std::runtime_error &e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains(QLatin1String("wte.weight")) &&
                         message.contains(QLatin1String("[50, 32]")),
                     e.what());
        }
        Gpt same(tinyConfig(), testGenerator());
        loadWeights(path, same);
        QVERIFY(torch::equal(same->wte->weight, saved->wte->weight));
    }
};

QTEST_APPLESS_MAIN(TestGpt)
#include "test_gpt.moc"
