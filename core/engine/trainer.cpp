#include "trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "adamw.h"
#include "adaptation.h"
#include "checkpoint.h"
#include "checkpoint_io.h"
#include "config_io.h"
#include "data_parallel.h"
#include "distributed.h"
#include "language_model_impl.h"
#include "mixed_precision.h"
#include "optimizer_step.h"
#include "random_generator.h"
#include "runtime.h"
#include "training_data.h"
#include "training_task.h"
#include "tuned_checkpoint.h"

namespace azllm {
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// TrainingControl

void TrainingControl::requestPause()
{
    m_pause = true;
}

void TrainingControl::resume()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pause = false;
    }
    m_wake.notify_all();
}

void TrainingControl::requestStop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
}

void TrainingControl::reset()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pause = false;
    m_stop = false;
}

bool TrainingControl::waitWhilePaused()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_pause || m_stop; });
    return !m_stop;
}

// ---------------------------------------------------------------------------------------------
// Trainer

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t trainingContext(const RunConfig &c)
{
    return c.train.contextLength > 0 ? c.train.contextLength : c.model.contextLength;
}

void requireValidTraining(const RunConfig &c)
{
    requireValid(c.model);
    const TrainConfig &t = c.train;
    const auto require = [](bool ok, const std::string &problem) {
        if (!ok)
            throw std::invalid_argument("invalid training config: " + problem);
    };
    require(t.batchSize > 0, "batch_size must be positive");
    require(t.gradAccumSteps > 0, "grad_accum_steps must be positive");
    require(t.maxSteps > 0, "max_steps must be positive");
    require(t.learningRate > 0, "learning_rate must be positive");
    require(t.warmupSteps >= 0, "warmup_steps must not be negative");
    require(t.minLrRatio >= 0 && t.minLrRatio <= 1, "min_lr_ratio must be in [0, 1]");
    require(t.evalInterval > 0 && t.evalBatches > 0,
            "eval_interval and eval_batches must be positive");
    require(t.checkpointInterval > 0, "checkpoint_interval must be positive");
    require(t.contextLength >= 0, "train_context must not be negative");
    parseTrainingPrecision(t.precision); // throws, naming the value
    require(t.activationCheckpointing == 0 || t.activationCheckpointing == 1,
            "activation_checkpointing must be 0 or 1");
    require(trainingContext(c) <= c.model.contextLength,
            "train_context " + std::to_string(t.contextLength) +
                " is longer than the model's context of " + std::to_string(c.model.contextLength));
    const TuningConfig &u = c.tuning;
    require(u.kind == "pretrain" || u.kind == "sft" || u.kind == "classify",
            "kind must be pretrain, sft or classify, not '" + u.kind + "'");
    if (!c.isTuning())
        return;
    require(!u.baseCheckpoint.empty(), "a " + u.kind + " run needs base_checkpoint");
    require(u.epochs >= 0, "epochs must not be negative");
    require(u.loraRank >= 0 && u.loraAlpha > 0, "lora_rank must be >= 0 and lora_alpha positive");
    require(u.lossOn == "assistant" || u.lossOn == "all", "loss_on must be assistant or all");
    require(u.pooling == "last" || u.pooling == "mean", "pooling must be last or mean");
    require(u.kind != "classify" || u.labelCount >= 2, "classify needs at least two labels");
    parseTrainBlocks(u.trainBlocks, c.model.nLayer);
}

// A tuning run's model is its base's: same shape (dropout may differ).
void requireBaseShape(const RunConfig &c)
{
    ModelConfig base = readCheckpointConfig(c.tuning.baseCheckpoint).model;
    base.dropout = c.model.dropout;
    if (base != c.model)
        throw std::invalid_argument("invalid training config: the model's shape differs from its "
                                    "base checkpoint " +
                                    c.tuning.baseCheckpoint +
                                    " (a tuning run keeps the base's vocab_size, context_length, "
                                    "n_embd, n_layer and n_head)");
}

// Weight decay on matrices (embeddings and Linear weights), none on biases and LayerNorms.
std::unique_ptr<FusedAdamW> makeOptimizer(Gpt &model, const TrainConfig &t,
                                          const TrainingTask *task)
{
    std::vector<torch::Tensor> decay, noDecay;
    if (task)
        task->trainable(decay, noDecay);
    else
        for (const torch::Tensor &p : model->parameters())
            (p.dim() >= 2 ? decay : noDecay).push_back(p);
    AdamWSettings settings;
    settings.beta1 = t.beta1;
    settings.beta2 = t.beta2;
    settings.weightDecay = t.weightDecay;
    return std::make_unique<FusedAdamW>(decay, noDecay, settings);
}

std::string describeRunIn(const std::string &runDir)
{
    const auto latest = latestCheckpoint(runDir);
    if (!latest)
        return "a run with no checkpoint yet";
    std::int64_t maxSteps = 0;
    try {
        maxSteps = readCheckpointConfig(latest->path).train.maxSteps;
    } catch (const std::runtime_error &) {
    }
    return "a run at step " + std::to_string(latest->state.step) +
           (maxSteps > 0 ? " of " + std::to_string(maxSteps) : std::string()) +
           (maxSteps > 0 && latest->state.step >= maxSteps ? ", finished" : "");
}

// A new run never mixes its checkpoints with another run's: pruning and resume would pick theirs.
void prepareRunFolder(const std::string &runDir, RunFolder folder)
{
    if (holdsRun(runDir)) {
        if (folder == RunFolder::MustBeNew)
            throw std::invalid_argument("out_dir " + runDir + " already holds " +
                                        describeRunIn(runDir) +
                                        ": resume it (azllm train --resume " + runDir +
                                        "), choose another folder, or overwrite it (--overwrite)");
        fs::remove_all(checkpointsDir(runDir));
        fs::remove(fs::path(runDir) / "config.txt");
    }
    fs::create_directories(runDir);
}

bool sameFolder(const std::string &a, const std::string &b)
{
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

} // namespace

struct Trainer::Impl
{
    Impl(RunConfig runConfig, std::shared_ptr<DistributedGroup> group)
        : config(std::move(runConfig)), context(trainingContext(config)),
          device(resolveDevice(group ? group->settings().deviceFor(config.train.device)
                                     : config.train.device)),
          generator(makeRandomGenerator(device, config.train.seed)), model(nullptr)
    {
        requireValidTraining(config);
        if (group && config.isTuning())
            throw std::invalid_argument("invalid training config: several processes train "
                                        "pretraining runs only, not kind " +
                                        config.tuning.kind);
        if (!config.isTuning())
            data = std::make_unique<TrainingData>(config.train, config.model.vocabSize, context);
        else
            requireBaseShape(config);
        model = Gpt(config.model, generator);
        if (config.isTuning())
            loadModelWeights(config.tuning.baseCheckpoint, model);
        model->to(device);
        model->train();
        model->setActivationCheckpointing(config.train.activationCheckpointing == 1);
        if (config.isTuning()) {
            task = makeTuningTask(config, model, device, generator);
            if (config.tuning.epochs > 0)
                config.train.maxSteps = config.tuning.epochs * task->stepsPerEpoch();
        }
        optimizer = makeOptimizer(model, config.train, task.get());
        batch.resize(std::size_t(config.train.batchSize * (context + 1)));
        // Autocast is for CUDA; a CPU run of a mixed-precision config trains in fp32.
        if (device.is_cuda())
            precision = parseTrainingPrecision(config.train.precision);
        if (precision == TrainingPrecision::Fp16)
            scaler = std::make_unique<LossScaler>();
        if (group) { // data parallel: this rank's rows, gradient all-reduce, own dropout stream
            parallel = std::make_unique<DataParallel>(std::move(group), model, config.train);
            parallel->seedOwnGenerator(generator, config.train.seed, 0);
        }
    }

    double learningRate(std::int64_t step) const;
    torch::Tensor lossOnBatch(bool validation, std::int64_t index, std::int64_t micro,
                              std::int64_t &tokens);
    StepMetrics step();
    StepMetrics skipStep(StepMetrics m, double loss);
    double evaluate();
    CheckpointInfo save();
    void keepIfBest(double validationLoss);
    void clearGradients();
    TrainingResult diverged(const StepMetrics &m, const std::string &lastCheckpoint);
    bool isWriter() const { return !parallel || parallel->isWriter(); }

    RunConfig config;
    std::int64_t context;
    torch::Device device;
    // The one source of randomness of the run (initialisation, dropout); saved as rng.pt.
    at::Generator generator;
    Gpt model;
    std::unique_ptr<FusedAdamW> optimizer;
    std::unique_ptr<TrainingData> data; // pretraining
    std::unique_ptr<TrainingTask> task; // sft and classify
    TrainingPrecision precision = TrainingPrecision::Fp32;
    std::unique_ptr<LossScaler> scaler; // fp16 only
    CheckpointState state;
    std::vector<std::int64_t> batch;        // one micro-batch of windows, B x (T + 1)
    double bestValidationLoss = -1;         // tuning runs: the checkpoint kept as best, -1 none yet
    std::vector<std::string> notes;         // for the log when run() starts
    std::unique_ptr<DataParallel> parallel; // data parallel: null for a single process
};

// nanoGPT's schedule: linear warmup, cosine decay to the floor at max_steps.
double Trainer::Impl::learningRate(std::int64_t step) const
{
    const TrainConfig &t = config.train;
    const double floor = t.learningRate * t.minLrRatio;
    if (step < t.warmupSteps)
        return t.learningRate * double(step + 1) / double(t.warmupSteps + 1);
    if (step >= t.maxSteps || t.maxSteps <= t.warmupSteps)
        return floor;
    const double progress = double(step - t.warmupSteps) / double(t.maxSteps - t.warmupSteps);
    return floor + 0.5 * (1.0 + std::cos(M_PI * progress)) * (t.learningRate - floor);
}

torch::Tensor Trainer::Impl::lossOnBatch(bool validation, std::int64_t index, std::int64_t micro,
                                         std::int64_t &tokens)
{
    if (task) {
        TaskLoss result = task->trainLoss(index, micro);
        tokens += result.tokens;
        return result.loss;
    }
    tokens += config.train.batchSize * context; // the global batch's, with several processes too
    // Data parallel: a rank trains on its share of the rows; validation (rank 0) on all of them.
    const std::int64_t rows =
        parallel && !validation ? parallel->rowCount() : config.train.batchSize;
    if (validation)
        data->validationBatch(index, batch.data());
    else if (parallel)
        data->trainBatch(index, micro, batch.data(), parallel->firstRow(), rows);
    else
        data->trainBatch(index, micro, batch.data());
    const torch::Tensor windows =
        torch::from_blob(batch.data(), {rows, context + 1}, torch::kLong).to(device);
    const AutocastScope autocast(device.type(), autocastDtype(precision));
    return model->loss(windows.slice(1, 0, context), windows.slice(1, 1, context + 1));
}

StepMetrics Trainer::Impl::step()
{
    const auto start = Clock::now();
    const TrainConfig &t = config.train;
    StepMetrics m;
    m.learningRate = learningRate(state.step);

    // fp16: backward runs on the loss times the scale, so that small gradients survive.
    const double lossScale = scaler ? scaler->scale() : 1.0;
    double lossSum = 0;
    std::int64_t tokens = 0;
    for (std::int64_t micro = 0; micro < t.gradAccumSteps; ++micro) {
        const torch::Tensor loss = lossOnBatch(false, state.step, micro, tokens);
        const double value = loss.item<double>(); // a sync point on GPUs, once per micro-batch
        // One process skips the step here; ranks go on (all must take part in the all-reduce)
        // and skip it together below.
        if (!std::isfinite(value) && !parallel)
            return skipStep(m, value);
        if (parallel) // data parallel: the last backward all-reduces gradients as they come
            parallel->beforeBackward(state.step, micro + 1 == t.gradAccumSteps);
        (loss * lossScale / double(t.gradAccumSteps)).backward();
        lossSum += value;
    }
    if (parallel) { // data parallel: gradients averaged over ranks, the global batch's loss
        const double busy = std::chrono::duration<double>(Clock::now() - start).count();
        const DataParallel::StepTotals totals = parallel->afterBackward(
            lossSum, busy, parallel->rowCount() * context * t.gradAccumSteps);
        lossSum = totals.lossSum;
        m.rankTokensPerSecond = totals.rankTokensPerSecond;
        m.communicationSeconds = totals.waitSeconds;
        if (!std::isfinite(lossSum))
            return skipStep(m, lossSum / double(t.gradAccumSteps));
    }
    // Clipping and the fp16 unscaling, folded into the optimizer's single pass.
    const UpdateOutcome update = applyUpdate(*optimizer, scaler.get(), m.learningRate, t.gradClip);
    m.gradNorm = update.gradNorm;
    if (update.skipped && !scaler) // a non-finite gradient: nothing reached the weights
        return skipStep(m, lossSum / double(t.gradAccumSteps));
    clearGradients();
    m.skipped = update.skipped; // fp16: counted, and the scale was lowered

    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    state.step += 1;
    state.tokensSeen += tokens;
    state.trainLoss = lossSum / double(t.gradAccumSteps);
    state.elapsedSeconds += seconds;
    if (scaler) {
        state.lossScale = scaler->state().scale;
        state.lossScaleGoodSteps = scaler->state().goodSteps;
        state.skippedSteps = scaler->state().skippedSteps;
    }
    m.step = state.step;
    m.maxSteps = t.maxSteps;
    m.loss = state.trainLoss;
    m.tokensPerSecond = double(tokens) / seconds;
    m.elapsedSeconds = state.elapsedSeconds;
    m.tokensSeen = state.tokensSeen;
    m.skippedSteps = state.skippedSteps;
    return m;
}

// A non-finite loss or gradient norm: the weights stay as they were, the gradients are dropped.
StepMetrics Trainer::Impl::skipStep(StepMetrics m, double loss)
{
    clearGradients();
    m.loss = loss;
    m.step = state.step;
    return m;
}

// set_to_none: no memset, and backward writes fresh gradients. Adapters and heads are not the
// model's parameters, so the task names what trains.
void Trainer::Impl::clearGradients()
{
    std::vector<torch::Tensor> decay, noDecay;
    if (task)
        task->trainable(decay, noDecay);
    else
        decay = model->parameters();
    for (auto *group : {&decay, &noDecay})
        for (torch::Tensor &p : *group)
            p.mutable_grad().reset();
}

double Trainer::Impl::evaluate()
{
    torch::NoGradGuard noGrad;
    model->eval();
    if (task) {
        state.validationLoss = task->validationLoss(); // the whole validation file
    } else {
        double sum = 0;
        std::int64_t tokens = 0;
        for (std::int64_t i = 0; i < config.train.evalBatches; ++i)
            sum += lossOnBatch(true, i, 0, tokens).item<double>();
        state.validationLoss = sum / double(config.train.evalBatches);
    }
    model->train();
    return state.validationLoss;
}

CheckpointInfo Trainer::Impl::save()
{
    CheckpointContents contents{config, state, model, optimizer.get(), generator};
    if (task) {
        contents.state.formatVersion = kTunedCheckpointFormatVersion;
        contents.writeModel = task->savesModelWeights();
        contents.writeExtraFiles = [this](const std::string &dir) { task->saveFiles(dir); };
    }
    if (parallel) { // data parallel: every rank's random state; rank 0 alone writes
        contents.rankGeneratorStates = parallel->gatherGeneratorStates(generator);
        if (!parallel->isWriter())
            return {(fs::path(checkpointsDir(config.train.outDir)) / checkpointDirName(state.step))
                        .string(),
                    state};
    }
    return {saveCheckpoint(config.train.outDir, contents), contents.state};
}

// Tuning overfits a few hundred examples quickly: the lowest validation loss is saved (if this
// step is not saved anyway) and kept out of pruning, so the best model survives the last epochs.
void Trainer::Impl::keepIfBest(double validationLoss)
{
    if (bestValidationLoss >= 0 && validationLoss >= bestValidationLoss)
        return;
    bestValidationLoss = validationLoss;
    recordBestCheckpoint(config.train.outDir, state.step, validationLoss);
}

// Which value went non-finite says which weights are bad. A non-finite training or validation
// loss was computed from the weights after the last update: a checkpoint of this step holds them
// and is set aside. A non-finite gradient norm stopped its update: this step's weights are fine.
TrainingResult Trainer::Impl::diverged(const StepMetrics &m, const std::string &lastCheckpoint)
{
    const bool badLoss = !std::isfinite(m.loss);
    const bool badValidation = !badLoss && !std::isfinite(m.validationLoss);
    const double value = badLoss ? m.loss : badValidation ? m.validationLoss : m.gradNorm;
    const std::string what = badLoss ? "loss" : badValidation ? "validation loss" : "gradient norm";
    std::string kept = lastCheckpoint, setAside;
    if ((badLoss || badValidation) && isWriter() && !kept.empty() &&
        readCheckpointState(kept).step == state.step) {
        setAside = setAsideDivergedCheckpoint(kept);
        const auto previous = latestCheckpoint(config.train.outDir);
        kept = previous ? previous->path : std::string();
    }
    std::string message = "the " + what + " became " + (std::isnan(value) ? "NaN" : "infinite") +
                          " at step " + std::to_string(state.step + (badValidation ? 0 : 1)) +
                          " (learning rate " + std::to_string(m.learningRate) +
                          "); the run stopped, keeping " +
                          (kept.empty() ? std::string("no checkpoint yet") : kept);
    if (!setAside.empty())
        message +=
            " (the checkpoint written after the divergent update is set aside as " + setAside + ")";
    const Divergence divergence{badLoss         ? Divergence::Value::Loss
                                : badValidation ? Divergence::Value::ValidationLoss
                                                : Divergence::Value::GradientNorm,
                                std::isnan(value), state.step + (badValidation ? 0 : 1),
                                m.learningRate, setAside};
    return {TrainingOutcome::Diverged, message, state.step, kept, divergence};
}

Trainer::Trainer(RunConfig config, RunFolder folder, std::shared_ptr<DistributedGroup> group)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(group)))
{
    Impl &d = *m_impl;
    if (d.isWriter()) {
        const std::string &runDir = d.config.train.outDir;
        prepareRunFolder(runDir, folder);
        writeFileAtomically((fs::path(runDir) / "config.txt").string(), formatConfig(d.config));
    }
    if (d.parallel) // data parallel: every rank starts from rank 0's weights
        d.parallel->synchronizeStart(d.model, d.config, 0);
}

Trainer::Trainer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Trainer::~Trainer() = default;
Trainer::Trainer(Trainer &&) noexcept = default;
Trainer &Trainer::operator=(Trainer &&) noexcept = default;

Trainer Trainer::resume(const std::string &checkpointDir,
                        const std::vector<std::pair<std::string, std::string>> &overrides,
                        RunFolder folder, std::shared_ptr<DistributedGroup> group)
{
    static const std::vector<std::string> changeable = {"max_steps",
                                                        "out_dir",
                                                        "eval_interval",
                                                        "checkpoint_interval",
                                                        "keep_checkpoints",
                                                        "device",
                                                        "train_data",
                                                        "validation_data",
                                                        "epochs",
                                                        "precision",
                                                        "activation_checkpointing"};
    RunConfig config = readCheckpointConfig(checkpointDir);
    // A checkpoint in <run>/checkpoints/ continues that run, wherever the folder has moved since.
    const std::string checkpointRun = runDirOf(checkpointDir);
    if (!checkpointRun.empty())
        config.train.outDir = checkpointRun;
    for (const auto &[key, value] : overrides) {
        if (std::find(changeable.begin(), changeable.end(), key) == changeable.end())
            throw std::invalid_argument("'" + key +
                                        "' cannot change when resuming (the run would no longer "
                                        "continue exactly); start a new run instead");
        setConfigValue(config, key, value);
        if (key == "max_steps")
            config.tuning.epochs = 0; // an explicit length wins over the epochs it came from
    }
    auto impl = std::make_unique<Impl>(config, std::move(group));
    impl->state = readCheckpointState(checkpointDir);
    try {
        if (!impl->task || impl->task->savesModelWeights())
            loadWeights(checkpointDir, impl->model);
        if (impl->task)
            impl->task->loadFiles(checkpointDir);
        loadOptimizer(checkpointDir, *impl->optimizer);
        if (!loadRngState(checkpointDir, impl->generator))
            impl->notes.push_back("note: rng.pt holds the random state of another device; from "
                                  "here the dropout masks differ from an uninterrupted run");
        if (impl->parallel) // data parallel: rank r's own dropout stream
            impl->parallel->restoreGenerator(impl->generator, checkpointDir, config.train.seed,
                                             impl->state.step);
    } catch (const c10::Error &e) {
        throw checkpointError(checkpointDir, describeTorchError(e));
    }
    // fp16: the loss scale continues where the checkpoint left it.
    if (impl->scaler)
        impl->scaler = std::make_unique<LossScaler>(LossScaleState{
            impl->state.lossScale, impl->state.lossScaleGoodSteps, impl->state.skippedSteps});
    const std::string &runDir = impl->config.train.outDir;
    if (impl->isWriter()) { // data parallel: rank 0 alone touches the run folder
        if (!checkpointRun.empty() && sameFolder(checkpointRun, runDir)) {
            continueLineageFrom(checkpointDir);
        } else {
            prepareRunFolder(runDir, folder);
            writeFileAtomically((fs::path(runDir) / "config.txt").string(),
                                formatConfig(impl->config));
        }
    }
    if (impl->parallel) // data parallel: every rank continues from rank 0's weights
        impl->parallel->synchronizeStart(impl->model, impl->config, impl->state.step);
    if (const auto best = bestCheckpoint(runDir); best && best->state.step <= impl->state.step)
        impl->bestValidationLoss = best->state.validationLoss;
    return Trainer(std::move(impl));
}

StepMetrics Trainer::step()
{
    return m_impl->step();
}

double Trainer::evaluate()
{
    return m_impl->evaluate();
}

CheckpointInfo Trainer::save()
{
    return m_impl->save();
}

TrainingResult Trainer::run(TrainingObserver &observer, TrainingControl *control)
{
    Impl &d = *m_impl;
    const TrainConfig &t = d.config.train;
    if (d.device.is_cpu()) {
        const std::string warning = slowMatmulWarning();
        if (!warning.empty())
            observer.message("warning: " + warning);
        if (t.precision != "fp32")
            observer.message("note: " + t.precision +
                             " autocast is for CUDA GPUs; on the CPU this run trains in fp32");
    }
    for (const std::string &note : d.notes)
        observer.message(note);
    d.notes.clear();
    std::string lastCheckpoint;
    if (const auto latest = latestCheckpoint(t.outDir))
        lastCheckpoint = latest->path;
    // Pruning waits until the newest checkpoint has proved good; on a resume it also removes
    // the checkpoints of an abandoned branch.
    bool pruneDue = true;
    const auto pruneIfDue = [&] {
        if (!pruneDue || !d.isWriter()) // data parallel: rank 0's folder
            return;
        const auto best = bestCheckpoint(t.outDir); // a tuning run's best is never pruned
        pruneCheckpoints(t.outDir, t.keepCheckpoints, best ? best->state.step : -1);
        pruneDue = false;
    };
    const auto saveNow = [&] {
        const CheckpointInfo info = d.save();
        lastCheckpoint = info.path;
        pruneDue = true;
        observer.checkpointSaved(info);
    };

    while (d.state.step < t.maxSteps) {
        // Data parallel: every rank stops together, and waits while rank 0 is paused.
        if (d.parallel ? !d.parallel->agreeToContinue(control)
                       : control && !control->waitWhilePaused())
            break;
        StepMetrics m = d.step();
        if (!std::isfinite(m.loss) || !std::isfinite(m.gradNorm))
            return d.diverged(m, lastCheckpoint);
        pruneIfDue();
        const bool last = m.step == t.maxSteps;
        if (m.step % t.evalInterval == 0 || last) {
            if (d.isWriter()) // data parallel: rank 0 validates, and tells the others its verdict
                m.validationLoss = d.evaluate();
            const auto bad = [&] { return !std::isfinite(m.validationLoss); };
            if (d.parallel ? d.parallel->writerDecides(bad) : bad()) {
                m.validationLoss = std::numeric_limits<double>::quiet_NaN();
                return d.diverged(m, lastCheckpoint);
            }
        }
        observer.stepFinished(m);
        if (m.validationLoss >= 0 && d.task) {
            if (const auto report = d.task->report())
                observer.classifierEvaluated(m.step, *report);
        }
        const bool best = m.validationLoss >= 0 && d.task && d.config.tuning.keepBest &&
                          (d.bestValidationLoss < 0 || m.validationLoss < d.bestValidationLoss);
        if (best)
            d.keepIfBest(m.validationLoss);
        if (m.step % t.checkpointInterval == 0 || last || best)
            saveNow();
        if (control && control->stopRequested() && !d.parallel) // ranks agree at the top
            break;
    }
    if (d.state.step >= t.maxSteps) {
        pruneIfDue(); // the last checkpoint proved good: its validation loss is finite
        return {TrainingOutcome::Finished, "finished " + std::to_string(t.maxSteps) + " steps",
                d.state.step, lastCheckpoint, std::nullopt};
    }
    const auto unsaved = [&] {
        return lastCheckpoint.empty() || readCheckpointState(lastCheckpoint).step != d.state.step;
    };
    if (d.parallel ? d.parallel->writerDecides(unsaved) : unsaved()) // data parallel: rank 0's disk
        saveNow();
    return {TrainingOutcome::Stopped,
            "stopped at step " + std::to_string(d.state.step) + "; resume from " + lastCheckpoint,
            d.state.step, lastCheckpoint, std::nullopt};
}

const RunConfig &Trainer::config() const
{
    return m_impl->config;
}

std::int64_t Trainer::currentStep() const
{
    return m_impl->state.step;
}

std::int64_t Trainer::parameterCount() const
{
    std::int64_t n = 0;
    for (const torch::Tensor &p : m_impl->model->parameters())
        n += p.numel();
    return n;
}

std::int64_t Trainer::trainableParameterCount() const
{
    std::vector<torch::Tensor> decay, noDecay;
    if (m_impl->task)
        m_impl->task->trainable(decay, noDecay);
    else
        decay = m_impl->model->parameters();
    std::int64_t n = 0;
    for (auto *group : {&decay, &noDecay})
        for (const torch::Tensor &p : *group)
            n += p.numel();
    return n;
}

std::int64_t Trainer::stepsPerEpoch() const
{
    return m_impl->task ? m_impl->task->stepsPerEpoch() : 0;
}

std::string Trainer::device() const
{
    return m_impl->device.str();
}

double Trainer::learningRateAt(std::int64_t step) const
{
    return m_impl->learningRate(step);
}

} // namespace azllm
