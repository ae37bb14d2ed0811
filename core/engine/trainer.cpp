#include "trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "adamw.h"
#include "checkpoint_io.h"
#include "config_io.h"
#include "data_parallel.h"
#include "distributed.h"
#include "language_model_impl.h"
#include "runtime.h"
#include "training_data.h"

namespace azllm {

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
    require(trainingContext(c) <= c.model.contextLength,
            "train_context " + std::to_string(t.contextLength) +
                " is longer than the model's context of " + std::to_string(c.model.contextLength));
}

// Weight decay on matrices (embeddings and Linear weights), none on biases and LayerNorms.
std::unique_ptr<FusedAdamW> makeOptimizer(Gpt &model, const TrainConfig &t)
{
    std::vector<torch::Tensor> decay, noDecay;
    for (const torch::Tensor &p : model->parameters())
        (p.dim() >= 2 ? decay : noDecay).push_back(p);
    AdamWSettings settings;
    settings.beta1 = t.beta1;
    settings.beta2 = t.beta2;
    settings.weightDecay = t.weightDecay;
    return std::make_unique<FusedAdamW>(decay, noDecay, settings);
}

} // namespace

struct Trainer::Impl
{
    Impl(RunConfig runConfig, std::shared_ptr<DistributedGroup> group)
        : config(std::move(runConfig)), context(trainingContext(config)),
          device(resolveDevice(group ? group->settings().deviceFor(config.train.device)
                                     : config.train.device)),
          model(nullptr)
    {
        requireValidTraining(config);
        data = std::make_unique<TrainingData>(config.train, config.model.vocabSize, context);
        torch::manual_seed(config.train.seed);
        model = Gpt(config.model);
        model->to(device);
        model->train();
        optimizer = makeOptimizer(model, config.train);
        batch.resize(std::size_t(config.train.batchSize * (context + 1)));
        if (group) { // data parallel: this rank's rows, gradient all-reduce, own dropout stream
            parallel = std::make_unique<DataParallel>(std::move(group), model, config.train);
            parallel->seedOwnGenerator(config.train.seed, 0);
        }
    }

    double learningRate(std::int64_t step) const;
    torch::Tensor lossOnBatch(bool validation, std::int64_t index, std::int64_t micro);
    StepMetrics step();
    StepMetrics skipStep(StepMetrics m, double loss);
    double evaluate();
    CheckpointInfo save();
    bool isWriter() const { return !parallel || parallel->isWriter(); }

    RunConfig config;
    std::int64_t context;
    torch::Device device;
    Gpt model;
    std::unique_ptr<FusedAdamW> optimizer;
    std::unique_ptr<TrainingData> data;
    CheckpointState state;
    std::vector<std::int64_t> batch;        // one micro-batch of windows, B x (T + 1)
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

torch::Tensor Trainer::Impl::lossOnBatch(bool validation, std::int64_t index, std::int64_t micro)
{
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
    return model->loss(windows.slice(1, 0, context), windows.slice(1, 1, context + 1));
}

StepMetrics Trainer::Impl::step()
{
    const auto start = Clock::now();
    const TrainConfig &t = config.train;
    StepMetrics m;
    m.learningRate = learningRate(state.step);

    double lossSum = 0;
    for (std::int64_t micro = 0; micro < t.gradAccumSteps; ++micro) {
        const torch::Tensor loss = lossOnBatch(false, state.step, micro);
        const double value = loss.item<double>(); // a sync point on GPUs, once per micro-batch
        // One process skips the step here; ranks go on (all must take part in the all-reduce)
        // and skip it together below.
        if (!std::isfinite(value) && !parallel)
            return skipStep(m, value);
        if (parallel) // data parallel: the last backward all-reduces gradients as they come
            parallel->beforeBackward(state.step, micro + 1 == t.gradAccumSteps);
        (loss / double(t.gradAccumSteps)).backward();
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
    // Clipping as clip_grad_norm_ does it, folded into the optimizer's single pass.
    m.gradNorm = optimizer->gradientNorm();
    const bool clip = t.gradClip > 0 && m.gradNorm > t.gradClip;
    optimizer->step(m.learningRate, clip ? t.gradClip / (m.gradNorm + 1e-6) : 1.0);
    for (torch::Tensor &p : model->parameters())
        p.mutable_grad().reset(); // set_to_none: no memset, and backward writes fresh gradients

    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const std::int64_t tokens = t.batchSize * context * t.gradAccumSteps;
    state.step += 1;
    state.tokensSeen += tokens;
    state.trainLoss = lossSum / double(t.gradAccumSteps);
    state.elapsedSeconds += seconds;
    m.step = state.step;
    m.maxSteps = t.maxSteps;
    m.loss = state.trainLoss;
    m.tokensPerSecond = double(tokens) / seconds;
    m.elapsedSeconds = state.elapsedSeconds;
    m.tokensSeen = state.tokensSeen;
    return m;
}

// A non-finite loss: the weights stay as they were, the gradients are dropped.
StepMetrics Trainer::Impl::skipStep(StepMetrics m, double loss)
{
    for (torch::Tensor &p : model->parameters())
        p.mutable_grad().reset();
    m.loss = loss;
    m.step = state.step;
    return m;
}

double Trainer::Impl::evaluate()
{
    torch::NoGradGuard noGrad;
    model->eval();
    double sum = 0;
    for (std::int64_t i = 0; i < config.train.evalBatches; ++i)
        sum += lossOnBatch(true, i, 0).item<double>();
    model->train();
    state.validationLoss = sum / double(config.train.evalBatches);
    return state.validationLoss;
}

CheckpointInfo Trainer::Impl::save()
{
    CheckpointContents contents{config, state, model, optimizer.get(), {}};
    if (parallel) { // data parallel: every rank's random state; rank 0 alone writes
        contents.rankGeneratorStates = parallel->gatherGeneratorStates();
        if (!parallel->isWriter())
            return {(std::filesystem::path(checkpointsDir(config.train.outDir)) /
                     checkpointDirName(state.step))
                        .string(),
                    state};
    }
    const std::string dir = saveCheckpoint(config.train.outDir, contents);
    pruneCheckpoints(config.train.outDir, config.train.keepCheckpoints);
    return {dir, state};
}

Trainer::Trainer(RunConfig config, std::shared_ptr<DistributedGroup> group)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(group)))
{
    Impl &d = *m_impl;
    if (d.isWriter()) {
        std::filesystem::create_directories(d.config.train.outDir);
        writeFileAtomically((std::filesystem::path(d.config.train.outDir) / "config.txt").string(),
                            formatConfig(d.config));
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
                        std::shared_ptr<DistributedGroup> group)
{
    static const std::vector<std::string> changeable = {
        "max_steps",        "out_dir", "eval_interval", "checkpoint_interval",
        "keep_checkpoints", "device",  "train_data",    "validation_data"};
    RunConfig config = readCheckpointConfig(checkpointDir);
    for (const auto &[key, value] : overrides) {
        if (std::find(changeable.begin(), changeable.end(), key) == changeable.end())
            throw std::invalid_argument("'" + key +
                                        "' cannot change when resuming (the run would no longer "
                                        "continue exactly); start a new run instead");
        setConfigValue(config, key, value);
    }
    auto impl = std::make_unique<Impl>(config, std::move(group));
    impl->state = readCheckpointState(checkpointDir);
    try {
        loadWeights(checkpointDir, impl->model);
        loadOptimizer(checkpointDir, *impl->optimizer);
        loadRngState(checkpointDir);
        if (impl->parallel) // data parallel: rank r's own dropout stream
            impl->parallel->restoreGenerator(checkpointDir, config.train.seed, impl->state.step);
    } catch (const c10::Error &e) {
        throw std::runtime_error("checkpoint " + checkpointDir + ": " + describeTorchError(e));
    }
    if (impl->parallel) // data parallel: every rank continues from rank 0's weights
        impl->parallel->synchronizeStart(impl->model, impl->config, impl->state.step);
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
    }
    std::string lastCheckpoint;
    if (const auto latest = latestCheckpoint(t.outDir))
        lastCheckpoint = latest->path;
    const auto saveNow = [&] {
        const CheckpointInfo info = d.save();
        lastCheckpoint = info.path;
        observer.checkpointSaved(info);
    };

    while (d.state.step < t.maxSteps) {
        // Data parallel: every rank stops together, and waits while rank 0 is paused.
        if (d.parallel ? !d.parallel->agreeToContinue(control)
                       : control && !control->waitWhilePaused())
            break;
        StepMetrics m = d.step();
        if (!std::isfinite(m.loss)) {
            return {
                TrainingOutcome::Diverged,
                "the loss became " + std::string(std::isnan(m.loss) ? "NaN" : "infinite") +
                    " at step " + std::to_string(m.step + 1) + " (learning rate " +
                    std::to_string(m.learningRate) + "); the run stopped, keeping " +
                    (lastCheckpoint.empty() ? std::string("no checkpoint yet") : lastCheckpoint),
                d.state.step, lastCheckpoint};
        }
        const bool last = m.step == t.maxSteps;
        if ((m.step % t.evalInterval == 0 || last) && d.isWriter()) // data parallel: rank 0
            m.validationLoss = d.evaluate();
        observer.stepFinished(m);
        if (m.step % t.checkpointInterval == 0 || last)
            saveNow();
        if (control && control->stopRequested() && !d.parallel) // ranks agree at the top
            break;
    }
    if (d.state.step >= t.maxSteps)
        return {TrainingOutcome::Finished, "finished " + std::to_string(t.maxSteps) + " steps",
                d.state.step, lastCheckpoint};
    const auto unsaved = [&] {
        return lastCheckpoint.empty() || readCheckpointState(lastCheckpoint).step != d.state.step;
    };
    if (d.parallel ? d.parallel->writerDecides(unsaved) : unsaved()) // data parallel: rank 0's disk
        saveNow();
    return {TrainingOutcome::Stopped,
            "stopped at step " + std::to_string(d.state.step) + "; resume from " + lastCheckpoint,
            d.state.step, lastCheckpoint};
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

std::string Trainer::device() const
{
    return m_impl->device.str();
}

double Trainer::learningRateAt(std::int64_t step) const
{
    return m_impl->learningRate(step);
}

} // namespace azllm
