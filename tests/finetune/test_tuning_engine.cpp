// The engine's side of fine-tuning: examples files, the schedule, LoRA and marker rows, the SFT
// and classification tasks through the real Trainer, tuned checkpoints and exact resume.
// LibTorch comes first: Qt's `slots` macro breaks its headers (PLATFORM.md §7).
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <set>

#include "adaptation.h"
#include "checkpoint_io.h"
#include "config_io.h"
#include "example_schedule.h"
#include "generator.h"
#include "merge_adapters.h"
#include "text_classifier.h"
#include "tuned_checkpoint.h"
#include "tuning_batches.h"
#include "tuning_test_support.h"

using namespace azllm;
using namespace tuning_test;
namespace fs = std::filesystem;

namespace {

class Recorder : public TrainingObserver
{
public:
    std::vector<double> losses;
    std::vector<double> validationLosses;
    std::vector<ClassificationReport> reports;
    std::function<void(const StepMetrics &)> onStep;

    void stepFinished(const StepMetrics &m) override
    {
        losses.push_back(m.loss);
        if (m.validationLoss >= 0)
            validationLosses.push_back(m.validationLoss);
        if (onStep)
            onStep(m);
    }
    void classifierEvaluated(std::int64_t, const ClassificationReport &r) override
    {
        reports.push_back(r);
    }
};

Gpt loadedModel(const std::string &checkpoint)
{
    Gpt model(readCheckpointConfig(checkpoint).model, at::detail::createCPUGenerator(0));
    loadModelWeights(checkpoint, model);
    model->eval();
    return model;
}

torch::Tensor probeIds()
{
    return torch::tensor({2, 5, 11, 12, 13, 7, 6, 11}, torch::kLong).view({1, -1});
}

} // namespace

class TestTuningEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_base;

    RunConfig loraSft(const std::string &name, std::int64_t steps)
    {
        RunConfig c =
            tuningRun(m_dir.path(), name, "sft", m_base, echoExamples(64, 1), echoExamples(16, 2));
        c.tuning.loraRank = 4;
        c.tuning.trainBlocks = "0";
        c.train.maxSteps = steps;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = makeBase(m_dir.path());
        QVERIFY(!m_base.empty());
    }

    void init() { torch::manual_seed(7); }

    void examplesFilesRoundTripAndRefuseDamage()
    {
        const std::string path =
            QString(m_dir.path() + QLatin1String("/rt.examples")).toStdString();
        const ExampleSet written = rangeExamples(7, 3);
        writeExampleFile(path, written);
        const ExampleSet read = readExampleFile(path);
        QCOMPARE(read.labels, written.labels);
        QCOMPARE(read.examples.size(), written.examples.size());
        for (std::size_t i = 0; i < read.examples.size(); ++i) {
            QCOMPARE(read.examples[i].tokens, written.examples[i].tokens);
            QCOMPARE(read.examples[i].label, written.examples[i].label);
            QCOMPARE(read.examples[i].sourceLine, written.examples[i].sourceLine);
        }
        fs::resize_file(path, fs::file_size(path) - 3);
        try {
            readExampleFile(path);
            QFAIL("a truncated examples file was read");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("ends early")), e.what());
        }
        ExampleSet bad = echoExamples(1, 1);
        bad.examples[0].weights.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeExampleFile(path, bad));
    }

    void scheduleVisitsEveryRowOncePerEpoch()
    {
        const ExampleSchedule schedule(10, 3, 1, 42);
        QCOMPARE(schedule.stepsPerEpoch(), 4);
        for (std::int64_t epoch = 0; epoch < 2; ++epoch) {
            std::multiset<std::size_t> seen;
            for (std::int64_t s = 0; s < 3; ++s)
                for (std::size_t r : schedule.rows(epoch * 4 + s, 0))
                    seen.insert(r);
            const std::vector<std::size_t> last = schedule.rows(epoch * 4 + 3, 0);
            seen.insert(last.front()); // the 10th row; the rest of the last step wraps around
            QCOMPARE(std::set<std::size_t>(seen.begin(), seen.end()).size(), std::size_t(10));
        }
        QVERIFY(schedule.epochOrder(0) != schedule.epochOrder(1));
        QCOMPARE(ExampleSchedule(10, 3, 1, 42).rows(5, 0), schedule.rows(5, 0));

        const std::vector<std::size_t> lengths = {5, 9, 3, 7, 4, 8};
        std::size_t placed = 0;
        for (const ExampleRow &row : packRows(lengths, 12, 1)) {
            std::size_t used = 0;
            for (std::size_t i : row)
                used += lengths[i];
            QVERIFY(used <= 12);
            placed += row.size();
        }
        QCOMPARE(placed, lengths.size());
    }

    // Two examples packed in one row (positions restarting, attention kept inside each) give
    // the loss of the same two examples padded in two rows.
    void packedRowsGiveTheLossOfPaddedRows()
    {
        const ExampleSet set = echoExamples(2, 9);
        Gpt model(tinyModel(), at::detail::createCPUGenerator(7));
        model->eval();
        torch::NoGradGuard noGrad;
        const ExampleRow both = {0, 1}, first = {0}, second = {1};
        const auto loss = [&](const LmBatch &b) {
            const torch::Tensor h =
                b.blocked.defined() ? model->packedHiddenStates(b.inputs, b.positions, b.blocked)
                                    : model->hiddenStates(b.inputs);
            const torch::Tensor picked =
                h.reshape({-1, h.size(-1)}).index_select(0, b.countedPositions);
            return torch::nn::functional::cross_entropy(
                       torch::nn::functional::linear(picked, model->wte->weight), b.targets)
                .item<double>();
        };
        const LmBatch packed = buildLmBatch(set, {&both}, false, torch::kCPU);
        const LmBatch padded = buildLmBatch(set, {&first, &second}, false, torch::kCPU);
        QVERIFY(packed.blocked.defined());
        QCOMPARE(packed.targets.numel(), padded.targets.numel());
        QVERIFY(torch::equal(packed.targets, padded.targets));
        QVERIFY2(std::abs(loss(packed) - loss(padded)) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(loss(packed)).arg(loss(padded))));
    }

    // The module's own weights never change under LoRA; only the adapters and the marker rows
    // train, and merging them gives the logits of base + adapters.
    void loraTrainsOnlyAdaptersAndMarkerRows()
    {
        Gpt model(tinyModel(), at::detail::createCPUGenerator(7));
        loadWeights(m_base, model);
        std::vector<torch::Tensor> before;
        for (const torch::Tensor &p : model->parameters())
            before.push_back(p.detach().clone());
        TuningConfig tuning;
        tuning.kind = "sft";
        tuning.loraRank = 4;
        tuning.loraTargets = "attn,mlp";
        Adaptation adaptation(model, tuning, {4, 5, 6, 7});
        std::vector<torch::Tensor> decay, noDecay;
        adaptation.trainable(decay, noDecay);
        FusedAdamW optimizer(decay, noDecay, AdamWSettings{});
        const torch::Tensor ids = torch::randint(9, 64, {4, 12}, torch::kLong);
        ids.select(1, 0).fill_(5); // a marker among the inputs, so its row gets a gradient
        for (int step = 0; step < 5; ++step) {
            adaptation.apply();
            model->loss(ids.slice(1, 0, 11), ids.slice(1, 1, 12)).backward();
            optimizer.step(1e-2);
            for (auto *group : {&decay, &noDecay})
                for (torch::Tensor &p : *group)
                    p.mutable_grad().reset();
        }
        adaptation.restore();
        const std::vector<torch::Tensor> after = model->parameters();
        for (std::size_t i = 0; i < after.size(); ++i)
            QVERIFY2(torch::equal(after[i], before[i]), "a frozen base weight changed");
        QCOMPARE(adaptation.trainableCount(),
                 std::int64_t(2 * 4 * (4 * 32 + 2 * 32 + 10 * 32) + 4 * 32));

        torch::NoGradGuard noGrad;
        adaptation.apply();
        const torch::Tensor adapted = model->forward(probeIds());
        QVERIFY(!torch::allclose(adapted, [&] {
            adaptation.restore();
            return model->forward(probeIds());
        }()));
        adaptation.mergeIntoBase();
        QVERIFY(torch::allclose(model->forward(probeIds()), adapted, 1e-5, 1e-5));
    }

    // Through the Trainer: a LoRA checkpoint keeps adapters, not model.pt; loaded, it differs
    // from the base only in adapted matrices and marker rows; merged, it gives the same logits.
    void loraCheckpointIsBasePlusAdapters()
    {
        const RunConfig c = loraSft("lora", 12);
        Recorder recorder;
        const TrainingResult result = Trainer(c).run(recorder);
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Finished));
        const std::string checkpoint = result.lastCheckpoint;
        QVERIFY(!fs::exists(fs::path(checkpoint) / "model.pt"));
        QVERIFY(fs::exists(fs::path(checkpoint) / "adapters.pt"));
        QVERIFY(fs::exists(fs::path(checkpoint) / "base.txt"));
        QCOMPARE(readCheckpointState(checkpoint).formatVersion, kTunedCheckpointFormatVersion);

        Gpt base(tinyModel(), at::detail::createCPUGenerator(7));
        loadWeights(m_base, base);
        Gpt tuned = loadedModel(checkpoint);
        const auto baseParams = base->named_parameters();
        for (const auto &item : tuned->named_parameters()) {
            const std::string &name = item.key();
            const bool adapted = name.find("attn.c_attn.weight") != std::string::npos ||
                                 name.find("attn.c_proj.weight") != std::string::npos;
            if (name == "wte.weight") {
                QVERIFY(torch::equal(item.value().slice(0, 8), baseParams[name].slice(0, 8)));
                QVERIFY(torch::equal(item.value().slice(0, 0, 4), baseParams[name].slice(0, 0, 4)));
                QVERIFY(
                    !torch::equal(item.value().slice(0, 4, 8), baseParams[name].slice(0, 4, 8)));
            } else if (!adapted) {
                QVERIFY2(torch::equal(item.value(), baseParams[name]), name.c_str());
            }
        }

        const std::string merged = mergeAdapters(
            checkpoint, QString(m_dir.path() + QLatin1String("/merged")).toStdString());
        QVERIFY(fs::exists(fs::path(merged) / "model.pt"));
        Gpt fromMerged = loadedModel(merged);
        torch::NoGradGuard noGrad;
        QVERIFY(torch::allclose(fromMerged->forward(probeIds()), tuned->forward(probeIds()), 1e-5,
                                1e-5));
        Generator generator(LanguageModel::fromCheckpoint(checkpoint, "cpu"));
        const std::vector<float> logits =
            generator.nextTokenLogits({2, 5, 11, 12, 13, 7, 6, 11}, 7);
        const torch::Tensor expected = tuned->forward(probeIds()).select(1, 7).reshape({-1});
        QVERIFY(torch::allclose(torch::tensor(logits), expected, 1e-5, 1e-5));
    }

    void sftLowersTheAssistantLoss()
    {
        for (const bool lora : {false, true}) {
            RunConfig c = tuningRun(m_dir.path(), lora ? "sft-lora" : "sft-full", "sft", m_base,
                                    echoExamples(96, 3), echoExamples(24, 4));
            c.train.maxSteps = lora ? 120 : 60;
            c.train.evalInterval = 10;
            if (lora) {
                c.tuning.loraRank = 8;
                c.tuning.loraTargets = "attn,mlp";
                c.tuning.trainBlocks = "0";
                c.train.learningRate = 1e-2;
            }
            Trainer trainer(c);
            const double start = trainer.evaluate();
            Recorder recorder;
            trainer.run(recorder);
            // Both must move the answers' loss clearly down within 60 steps (from about 4.2 nats;
            // full tuning reaches about 3.7, low-rank adapters on this 32-wide model less far).
            QVERIFY2(recorder.validationLosses.back() < start - 0.3,
                     qPrintable(QStringLiteral("%1: %2 -> %3")
                                    .arg(lora ? QLatin1String("lora") : QLatin1String("full"))
                                    .arg(start)
                                    .arg(recorder.validationLosses.back())));
        }
    }

    void sftResumeIsExact()
    {
        RunConfig straight = loraSft("resume-straight", 12);
        straight.model.dropout = 0.1;
        straight.train.evalInterval = 3;
        Recorder reference;
        Trainer(straight).run(reference);

        RunConfig stopped = straight;
        stopped.train.outDir =
            QString(m_dir.path() + QLatin1String("/resume-stopped")).toStdString();
        TrainingControl control;
        Recorder first;
        first.onStep = [&](const StepMetrics &m) {
            if (m.step == 5)
                control.requestStop();
        };
        const TrainingResult paused = Trainer(stopped).run(first, &control);
        QCOMPARE(paused.step, 5);
        Trainer resumed = Trainer::resume(paused.lastCheckpoint);
        Recorder second;
        resumed.run(second);
        std::vector<double> joined = first.losses;
        joined.insert(joined.end(), second.losses.begin(), second.losses.end());
        QCOMPARE(joined, reference.losses);
        std::vector<double> validation = first.validationLosses;
        validation.insert(validation.end(), second.validationLosses.begin(),
                          second.validationLosses.end());
        QCOMPARE(validation, reference.validationLosses);
    }

    void keepsTheBestCheckpointThroughPruning()
    {
        RunConfig c = loraSft("best", 16);
        c.train.evalInterval = 2;
        c.train.checkpointInterval = 4;
        c.train.keepCheckpoints = 1;
        Recorder recorder;
        Trainer(c).run(recorder);
        const auto best = bestCheckpoint(c.train.outDir);
        QVERIFY(best.has_value());
        const double lowest =
            *std::min_element(recorder.validationLosses.begin(), recorder.validationLosses.end());
        QCOMPARE(best->state.validationLoss, lowest);
        QCOMPARE(preferredCheckpoint(c.train.outDir)->path, best->path);
        QVERIFY(latestCheckpoint(c.train.outDir)->state.step == 16);
    }

    void classifierSeparatesAndItsConfusionCountsThePredictions()
    {
        RunConfig c = tuningRun(m_dir.path(), "classify", "classify", m_base, rangeExamples(90, 5),
                                rangeExamples(30, 6));
        c.train.maxSteps = 48;
        c.train.evalInterval = 12;
        Recorder recorder;
        const TrainingResult result = Trainer(c).run(recorder);
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Finished));
        QCOMPARE(recorder.reports.size(), std::size_t(4));
        const ClassificationReport &last = recorder.reports.back();
        QCOMPARE(last.n, 30);
        QCOMPARE(last.accuracy, 1.0);
        QCOMPARE(last.macroF1, 1.0);
        std::vector<std::vector<std::int64_t>> counted(3, std::vector<std::int64_t>(3, 0));
        for (std::size_t i = 0; i < last.truth.size(); ++i)
            ++counted[std::size_t(last.truth[i])][std::size_t(last.predicted[i])];
        QCOMPARE(counted, last.confusion);
        for (std::size_t k = 0; k < 3; ++k)
            QCOMPARE(last.perClass[k].support, 10);

        const TextClassifier classifier = TextClassifier::load(result.lastCheckpoint, "cpu");
        QCOMPARE(classifier.labels(), (std::vector<std::string>{"alpha", "beta", "gamma"}));
        const ExampleSet held = rangeExamples(30, 6);
        std::vector<std::vector<int>> texts;
        for (const Example &e : held.examples)
            texts.emplace_back(e.tokens.begin(), e.tokens.end());
        const auto probabilities = classifier.probabilities(texts, 7);
        for (std::size_t i = 0; i < held.examples.size(); ++i) {
            const auto &p = probabilities[i];
            QCOMPARE(int(std::max_element(p.begin(), p.end()) - p.begin()),
                     int(held.examples[i].label));
        }
        try {
            LanguageModel::fromCheckpoint(result.lastCheckpoint, "cpu");
            QFAIL("a classifier was loaded as a text generator");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("classify predict")),
                     e.what());
        }
    }

    void headOnlyRunsKeepNoModelWeights()
    {
        RunConfig c = tuningRun(m_dir.path(), "head", "classify", m_base, rangeExamples(30, 7),
                                rangeExamples(9, 8));
        c.tuning.trainBlocks = "0";
        c.train.maxSteps = 4;
        Recorder recorder;
        Trainer trainer(c);
        QCOMPARE(trainer.trainableParameterCount(), std::int64_t(3 * 32 + 3));
        const TrainingResult result = trainer.run(recorder);
        for (const char *file : {"head.pt", "labels.txt", "base.txt", "optimizer.pt"})
            QVERIFY2(fs::exists(fs::path(result.lastCheckpoint) / file), file);
        QVERIFY(!fs::exists(fs::path(result.lastCheckpoint) / "model.pt"));
        QVERIFY(!fs::exists(fs::path(result.lastCheckpoint) / "adapters.pt"));
    }

    void aChangedOrMissingBaseIsNamed()
    {
        const QString copy = m_dir.path() + QLatin1String("/base-copy");
        fs::copy(fs::path(m_base).parent_path().parent_path(), copy.toStdString(),
                 fs::copy_options::recursive);
        const std::string copied =
            (fs::path(copy.toStdString()) / "checkpoints" / fs::path(m_base).filename()).string();
        RunConfig c = tuningRun(m_dir.path(), "moved", "sft", copied, echoExamples(16, 1),
                                echoExamples(4, 2));
        c.tuning.loraRank = 2;
        c.train.maxSteps = 2;
        Recorder recorder;
        const std::string tuned = Trainer(c).run(recorder).lastCheckpoint;
        std::ofstream(fs::path(copied) / "state.txt", std::ios::app) << "\n";
        Gpt model(tinyModel(), at::detail::createCPUGenerator(7));
        try {
            loadModelWeights(tuned, model);
            QFAIL("a changed base was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("has changed")), e.what());
        }
        fs::remove_all(copy.toStdString());
        try {
            loadModelWeights(tuned, model);
            QFAIL("a missing base was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("is gone")), e.what());
        }
    }

    // Configs without the tuning keys are pretraining, and pretraining writes them as before.
    void pretrainingConfigsAndCheckpointsStayAsTheyWere()
    {
        RunConfig pretrain;
        const std::string text = formatConfig(pretrain);
        QVERIFY(text.find("kind") == std::string::npos);
        QVERIFY(text.find("lora_rank") == std::string::npos);
        QCOMPARE(parseConfigText(text, "old").tuning.kind, std::string("pretrain"));
        QCOMPARE(readCheckpointState(m_base).formatVersion, kCheckpointFormatVersion);

        RunConfig tuned = loraSft("keys", 1);
        const RunConfig back = parseConfigText(formatConfig(tuned), "tuned");
        QCOMPARE(back.tuning.kind, std::string("sft"));
        QCOMPARE(back.tuning.loraRank, 4);
        QCOMPARE(back.tuning.baseCheckpoint, m_base);
    }

    void badTuningConfigsAreNamed()
    {
        RunConfig c = loraSft("bad", 2);
        c.tuning.trainBlocks = "seven";
        c.tuning.loraRank = 0;
        try {
            Trainer trainer(c);
            QFAIL("train_blocks 'seven' was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("train_blocks")), e.what());
        }
        c = loraSft("bad-shape", 2);
        c.model.nEmbd = 64;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Trainer{c});
    }
};

QTEST_GUILESS_MAIN(TestTuningEngine)
#include "test_tuning_engine.moc"
