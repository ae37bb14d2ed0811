// Activation checkpointing: recomputing each block in backward gives the plain path's gradients
// bit for bit (dropout masks replayed from the generator's state), on the causal and the packed
// path, with LoRA adapters and with frozen lower blocks; the trainer's losses and weights are the
// same with it on; the run-config key reads and writes as docs/formats.md says.
// LibTorch comes first: Qt's `slots` macro breaks its headers (docs/platform.md §7).
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "config_io.h"
#include "gpt.h"
#include "lora.h"
#include "mixed_precision.h"
#include "random_generator.h"
#include "synthetic_data.h"
#include "trainer.h"
#include "tuned_checkpoint.h"

using namespace azllm;

namespace {

ModelConfig smallModel()
{
    ModelConfig c;
    c.vocabSize = 60;
    c.contextLength = 16;
    c.nEmbd = 32;
    c.nLayer = 3;
    c.nHead = 4;
    c.dropout = 0.2; // masks must be replayed, not redrawn
    return c;
}

struct Pass
{
    std::vector<torch::Tensor> gradients;
    torch::Tensor generatorState; // after the step: later steps draw the same masks
    double loss = 0;
};

struct Batch
{
    torch::Tensor inputs, targets, positions, blocked;
};

Batch makeBatch(bool packed)
{
    at::Generator data = makeRandomGenerator(torch::kCPU, 11);
    Batch b;
    b.inputs = torch::randint(0, 60, {3, 16}, data, torch::kLong);
    b.targets = torch::randint(0, 60, {3, 16}, data, torch::kLong);
    if (packed) { // two examples of 7 and 9 tokens per row
        const torch::Tensor first = torch::arange(16) < 7;
        b.positions = torch::where(first, torch::arange(16), torch::arange(16) - 7).expand({3, 16});
        const torch::Tensor sameExample = first.unsqueeze(0) == first.unsqueeze(1);
        const torch::Tensor future = torch::ones({16, 16}, torch::kBool).triu(1);
        b.blocked = (future | ~sameExample).expand({3, 16, 16});
    }
    return b;
}

torch::Tensor lossOf(Gpt &model, const Batch &b)
{
    const torch::Tensor hidden = b.blocked.defined()
                                     ? model->packedHiddenStates(b.inputs, b.positions, b.blocked)
                                     : model->hiddenStates(b.inputs);
    const torch::Tensor logits = torch::nn::functional::linear(hidden, model->wte->weight);
    return torch::nn::functional::cross_entropy(logits.view({-1, 60}), b.targets.reshape({-1}));
}

// One forward and backward of a fresh model (seed 5); `prepare` may freeze or adapt it first and
// returns the tensors whose gradients are compared.
Pass trainingPass(bool checkpointing, const Batch &batch,
                  const std::function<std::vector<torch::Tensor>(Gpt &)> &prepare)
{
    at::Generator generator = makeRandomGenerator(torch::kCPU, 5);
    Gpt model(smallModel(), generator);
    model->train();
    model->setActivationCheckpointing(checkpointing);
    const std::vector<torch::Tensor> watched = prepare(model);
    const torch::Tensor loss = lossOf(model, batch);
    loss.backward();
    Pass pass;
    for (const torch::Tensor &t : watched)
        pass.gradients.push_back(t.grad().defined() ? t.grad().clone() : torch::Tensor());
    pass.generatorState = randomState(generator);
    pass.loss = loss.item<double>();
    return pass;
}

void requireSamePass(const Pass &plain, const Pass &recomputed)
{
    QCOMPARE(recomputed.loss, plain.loss);
    QCOMPARE(recomputed.gradients.size(), plain.gradients.size());
    for (std::size_t i = 0; i < plain.gradients.size(); ++i) {
        QCOMPARE(recomputed.gradients[i].defined(), plain.gradients[i].defined());
        if (plain.gradients[i].defined())
            QVERIFY2(torch::equal(recomputed.gradients[i], plain.gradients[i]),
                     qPrintable(QStringLiteral("gradient %1 differs").arg(i)));
    }
    QVERIFY(torch::equal(recomputed.generatorState, plain.generatorState));
}

// How many nodes of t's graph are recomputed blocks: checkpointing must really be on.
int recomputedBlocks(const torch::Tensor &t)
{
    int count = 0;
    std::vector<torch::autograd::Node *> open{t.grad_fn().get()};
    std::set<torch::autograd::Node *> seen;
    while (!open.empty()) {
        torch::autograd::Node *node = open.back();
        open.pop_back();
        if (!node || !seen.insert(node).second)
            continue;
        count += node->name().find("CheckpointedBlock") != std::string::npos;
        for (const auto &edge : node->next_edges())
            open.push_back(edge.function.get());
    }
    return count;
}

// A 6-step run of smallModel on synthetic tokens written into dir.
RunConfig syntheticRun(const QTemporaryDir &dir)
{
    const std::string tokens = dir.filePath(QStringLiteral("t.tokens")).toStdString();
    writeSyntheticTokens(tokens, 60, 20000, 3);
    RunConfig c;
    c.model = smallModel();
    c.train.trainData = tokens;
    c.train.batchSize = 4;
    c.train.maxSteps = 6;
    c.train.warmupSteps = 2;
    c.train.evalInterval = 3;
    c.train.evalBatches = 1;
    c.train.device = "cpu";
    return c;
}

struct Losses : TrainingObserver
{
    std::vector<double> values;
    void stepFinished(const StepMetrics &m) override { values.push_back(m.loss); }
};

std::vector<torch::Tensor> everyParameter(Gpt &model)
{
    return model->parameters();
}

} // namespace

class TestActivationCheckpointing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradientsAreThePlainPathsBitForBit_data()
    {
        QTest::addColumn<bool>("packed");
        QTest::newRow("causal") << false;
        QTest::newRow("packed examples") << true;
    }

    void gradientsAreThePlainPathsBitForBit()
    {
        QFETCH(bool, packed);
        const Batch batch = makeBatch(packed);
        const Pass plain = trainingPass(false, batch, everyParameter);
        requireSamePass(plain, trainingPass(true, batch, everyParameter));
        // The comparison can fail: the same weights with other masks give other gradients.
        at::Generator generator = makeRandomGenerator(torch::kCPU, 5);
        Gpt model(smallModel(), generator);
        generator.set_current_seed(6);
        model->train();
        lossOf(model, batch).backward();
        QVERIFY(!torch::equal(model->parameters()[2].grad(), plain.gradients[2]));
    }

    void loraAdaptersGetTheSameGradients()
    {
        const Batch batch = makeBatch(false);
        std::vector<std::unique_ptr<LoraAdapters>> keep;
        const auto adapt = [&keep](Gpt &model) {
            for (torch::Tensor &p : model->parameters())
                p.requires_grad_(false);
            LoraSettings settings;
            settings.rank = 4;
            settings.mlp = true;
            keep.push_back(std::make_unique<LoraAdapters>(model, settings,
                                                          makeRandomGenerator(torch::kCPU, 8)));
            {
                torch::NoGradGuard noGrad;
                at::Generator fill = makeRandomGenerator(torch::kCPU, 9);
                for (torch::Tensor &t : keep.back()->parameters())
                    t.normal_(0.0, 0.1, fill); // B starts at zero: give A a gradient to compare
            }
            keep.back()->apply();
            return keep.back()->parameters();
        };
        requireSamePass(trainingPass(false, batch, adapt), trainingPass(true, batch, adapt));
    }

    // Embeddings and the first block frozen: the first block's input carries no graph, so it
    // runs plainly, and the blocks above still get their gradients.
    void frozenLowerBlocksStillTrainTheUpperOnes()
    {
        const Batch batch = makeBatch(false);
        const auto freezeLower = [](Gpt &model) {
            for (torch::Tensor &p : model->wte->parameters())
                p.requires_grad_(false);
            for (torch::Tensor &p : model->wpe->parameters())
                p.requires_grad_(false);
            for (torch::Tensor &p : model->h[0]->parameters())
                p.requires_grad_(false);
            return model->parameters();
        };
        const Pass plain = trainingPass(false, batch, freezeLower);
        requireSamePass(plain, trainingPass(true, batch, freezeLower));
        QVERIFY(plain.gradients.back().defined()); // ln_f trained
    }

    void everyBlockIsRecomputed()
    {
        Gpt model(smallModel(), makeRandomGenerator(torch::kCPU, 5));
        model->train();
        const Batch batch = makeBatch(false);
        QCOMPARE(recomputedBlocks(lossOf(model, batch)), 0);
        model->setActivationCheckpointing(true);
        QCOMPARE(recomputedBlocks(lossOf(model, batch)), 3);
        torch::NoGradGuard noGrad; // nothing to recompute without a graph
        QCOMPARE(recomputedBlocks(lossOf(model, batch)), 0);
    }

    // The recomputation runs under the autocast the forward pass ran under (bf16 on the CPU here,
    // as on a GPU): in fp32 it would give other gradients.
    void recomputationKeepsTheAutocast()
    {
        const Batch batch = makeBatch(false);
        const auto underAutocast = [&batch](bool checkpointing) {
            at::Generator generator = makeRandomGenerator(torch::kCPU, 5);
            Gpt model(smallModel(), generator);
            model->train();
            model->setActivationCheckpointing(checkpointing);
            torch::Tensor loss;
            {
                const AutocastScope autocast(torch::kCPU, torch::kBFloat16);
                loss = lossOf(model, batch);
            }
            loss.backward();
            std::vector<torch::Tensor> gradients;
            for (const torch::Tensor &p : model->parameters())
                gradients.push_back(p.grad().clone());
            return gradients;
        };
        const std::vector<torch::Tensor> plain = underAutocast(false);
        const std::vector<torch::Tensor> recomputed = underAutocast(true);
        for (std::size_t i = 0; i < plain.size(); ++i)
            QVERIFY2(torch::equal(recomputed[i], plain[i]),
                     qPrintable(QStringLiteral("gradient %1 differs").arg(i)));
    }

    void evaluationIsUnchanged()
    {
        Gpt model(smallModel(), makeRandomGenerator(torch::kCPU, 5));
        model->eval();
        const Batch batch = makeBatch(false);
        const torch::Tensor plain = model->forward(batch.inputs);
        model->setActivationCheckpointing(true);
        QVERIFY(torch::equal(model->forward(batch.inputs), plain));
    }

    void trainerRunsTheSameWithIt()
    {
        QTemporaryDir dir;
        RunConfig c = syntheticRun(dir);
        std::vector<std::vector<double>> losses;
        std::vector<std::string> last;
        for (int on : {0, 1}) {
            c.train.activationCheckpointing = on;
            c.train.outDir = dir.filePath(QStringLiteral("run-%1").arg(on)).toStdString();
            Losses recorder;
            last.push_back(Trainer(c).run(recorder).lastCheckpoint);
            losses.push_back(recorder.values);
        }
        QCOMPARE(losses[1], losses[0]);
        Gpt a(smallModel(), makeRandomGenerator(torch::kCPU, 1));
        Gpt b(smallModel(), makeRandomGenerator(torch::kCPU, 2));
        loadModelWeights(last[0], a);
        loadModelWeights(last[1], b);
        for (std::size_t i = 0; i < a->parameters().size(); ++i)
            QVERIFY(torch::equal(a->parameters()[i], b->parameters()[i]));
        QVERIFY(readConfigFile(c.train.outDir + "/config.txt").train.activationCheckpointing == 1);
    }

    // Same gradients, so a run may turn it on (or off) when it resumes and go on exactly.
    void aResumedRunMayTurnItOn()
    {
        QTemporaryDir dir;
        RunConfig c = syntheticRun(dir);
        c.train.checkpointInterval = 3;
        Losses straight, resumed;
        c.train.outDir = dir.filePath(QStringLiteral("straight")).toStdString();
        Trainer(c).run(straight);
        c.train.maxSteps = 3;
        c.train.outDir = dir.filePath(QStringLiteral("halves")).toStdString();
        const std::string half = Trainer(c).run(resumed).lastCheckpoint;
        Trainer::resume(half, {{"max_steps", "6"}, {"activation_checkpointing", "1"}}).run(resumed);
        QCOMPARE(resumed.values, straight.values);
    }

    // Written only when on, so a run without it writes config.txt byte for byte as before.
    void configKeyIsWrittenOnlyWhenOn()
    {
        RunConfig c;
        QVERIFY(formatConfig(c).find("activation_checkpointing") == std::string::npos);
        c.train.activationCheckpointing = 1;
        const std::string text = formatConfig(c);
        QVERIFY(text.find("\nactivation_checkpointing = 1\n") != std::string::npos);
        QCOMPARE(parseConfigText(text, "config.txt", RunConfig()).train.activationCheckpointing,
                 std::int64_t(1));
        c.train.activationCheckpointing = 2;
        c.train.trainData = "none.tokens";
        try {
            Trainer trainer(c);
            QFAIL("accepted activation_checkpointing = 2");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(
                QString::fromUtf8(e.what()).contains(QStringLiteral("activation_checkpointing")),
                e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestActivationCheckpointing)
#include "test_activation_checkpointing.moc"
