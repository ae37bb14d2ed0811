// The tied token lookup (tied_embedding.h): the model's training loss adds the lookup's gradient
// into the head's gradient of the same table instead of a dense one of its own, with the same
// gradients as the plain embedding and head, accumulation and scaled losses included.
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QtTest>

#include "autograd_nodes.h"
#include "gpt.h"

using namespace azllm;
namespace F = torch::nn::functional;

namespace {

ModelConfig smallConfig()
{
    ModelConfig c;
    c.vocabSize = 53;
    c.contextLength = 16;
    c.nEmbd = 24;
    c.nLayer = 2;
    c.nHead = 3;
    c.dropout = 0.1;
    return c;
}

struct Batch
{
    torch::Tensor idx, targets;
};

Batch batch(std::uint64_t seed)
{
    at::Generator data = at::detail::createCPUGenerator(seed);
    const torch::Tensor w = torch::randint(smallConfig().vocabSize, {3, 11}, data, torch::kLong);
    return {w.slice(1, 0, 10), w.slice(1, 1, 11)};
}

// The same loss without the tied lookup: the logits whole, the token table's gradient from the
// embedding and the head separately.
torch::Tensor plainLoss(Gpt &model, const Batch &b)
{
    return F::cross_entropy(model->forward(b.idx).reshape({-1, model->config().vocabSize}),
                            b.targets.reshape({-1}));
}

// Every parameter's gradient after `backwardPasses` (scaled losses, accumulated), in double, the
// dropout masks replayed from one generator state.
std::vector<torch::Tensor> gradients(bool engineLoss, double lossScale, int backwardPasses,
                                     bool freezeTable = false)
{
    at::Generator generator = at::detail::createCPUGenerator(17);
    Gpt model(smallConfig(), generator);
    model->to(torch::kDouble);
    model->train();
    model->wte->weight.requires_grad_(!freezeTable);
    for (int pass = 0; pass < backwardPasses; ++pass) {
        const Batch b = batch(40 + pass);
        const torch::Tensor loss = engineLoss ? model->loss(b.idx, b.targets) : plainLoss(model, b);
        (loss * lossScale).backward();
    }
    std::vector<torch::Tensor> grads;
    for (const torch::Tensor &p : model->parameters())
        grads.push_back(p.grad().defined() ? p.grad().clone() : torch::Tensor());
    return grads;
}

void compareGradients(const std::vector<torch::Tensor> &a, const std::vector<torch::Tensor> &b)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].defined(), b[i].defined());
        if (a[i].defined())
            QVERIFY2((a[i] - b[i]).abs().max().item<double>() < 1e-12,
                     qPrintable(QStringLiteral("parameter %1").arg(i)));
    }
}

} // namespace

class TestTiedEmbedding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One pass, a scaled loss (an fp16 scale, 1 / accumulation steps), and two accumulated
    // passes: the engine's loss gives every parameter the plain path's gradient.
    void gradientsMatchThePlainPath_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("passes");
        QTest::newRow("one pass") << 1.0 << 1;
        QTest::newRow("scaled loss") << 0.25 << 1;
        QTest::newRow("two accumulated passes") << 0.5 << 2;
    }
    void gradientsMatchThePlainPath()
    {
        QFETCH(double, scale);
        QFETCH(int, passes);
        compareGradients(gradients(true, scale, passes), gradients(false, scale, passes));
    }

    // A frozen table gets no gradient; the rest still get the plain path's.
    void frozenTableGetsNoGradient()
    {
        const std::vector<torch::Tensor> engine = gradients(true, 1.0, 1, true);
        compareGradients(engine, gradients(false, 1.0, 1, true));
        QVERIFY(!engine.front().defined()); // wte comes first
    }

    // The token lookup has no dense gradient of its own: the training graph's one embedding
    // node is the position table's, while the plain path has one for each table.
    void trainingGraphHasNoDenseTokenGradient()
    {
        Gpt model(smallConfig(), at::detail::createCPUGenerator(3));
        model->train();
        const Batch b = batch(5);
        const auto names = autogradNodeNames(model->loss(b.idx, b.targets));
        QCOMPARE(names.count("EmbeddingBackward0"), std::size_t(1));
        QVERIFY(anyNameContains(names, "TiedTokenLookup"));
        QCOMPARE(autogradNodeNames(plainLoss(model, b)).count("EmbeddingBackward0"),
                 std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestTiedEmbedding)
#include "test_tied_embedding.moc"
