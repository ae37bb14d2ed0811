// Pretraining a GPT: a small verb API (step, evaluate, save) and a run loop that reports
// progress and honours pause and stop between steps. Headless; the UI wraps it in a worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checkpoint.h"
#include "classification_metrics.h"
#include "train_config.h"

namespace azllm {

class DistributedGroup; // distributed.h

struct StepMetrics
{
    std::int64_t step = 0; // optimizer steps done, this one included
    std::int64_t maxSteps = 0;
    double loss = 0;            // mean training loss over the step's micro-batches
    double validationLoss = -1; // -1 when this step did not evaluate
    double learningRate = 0;
    double gradNorm = 0; // global gradient norm before clipping
    double tokensPerSecond = 0;
    double elapsedSeconds = 0; // training time of the whole run, across resumes
    std::int64_t tokensSeen = 0;
    // fp16 only: steps skipped because the scaled gradients overflowed (whole run), and whether
    // this one was; a skipped step leaves the weights as they were.
    std::int64_t skippedSteps = 0;
    bool skipped = false;
    // Data parallel: each rank's tokens/s over its own computing time, by rank (empty for one
    // process), and the time this rank waited for the gradient all-reduce after backward.
    std::vector<double> rankTokensPerSecond;
    double communicationSeconds = 0;
};

enum class TrainingOutcome
{
    Finished,
    Stopped,
    Diverged
};

// What went non-finite when a run diverged, as values: the interface words it in the learner's
// language (TrainingResult::message words it in English for the command line).
struct Divergence
{
    enum class Value
    {
        Loss,
        ValidationLoss,
        GradientNorm
    };
    Value value = Value::Loss;
    bool nan = true;       // NaN, else infinite
    std::int64_t step = 0; // the step whose value went non-finite
    double learningRate = 0;
    std::string setAside; // the checkpoint written after the divergent update, moved aside
};

struct TrainingResult
{
    TrainingOutcome outcome = TrainingOutcome::Finished;
    std::string message; // why it ended, in one sentence
    std::int64_t step = 0;
    std::string lastCheckpoint;           // newest good checkpoint, empty when none
    std::optional<Divergence> divergence; // set when the outcome is Diverged
};

// Pause, resume and stop requests from another thread (the UI), read between steps.
class TrainingControl
{
public:
    void requestPause();
    void resume();
    void requestStop();
    // Clears both requests, for a control reused by the next run.
    void reset();
    bool stopRequested() const { return m_stop.load(); }
    bool paused() const { return m_pause.load(); }
    // Blocks while paused; returns false when a stop was requested.
    bool waitWhilePaused();

private:
    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

class TrainingObserver
{
public:
    virtual ~TrainingObserver() = default;
    virtual void stepFinished(const StepMetrics &) {}
    virtual void checkpointSaved(const CheckpointInfo &) {}
    // Classify runs, after each validation: accuracy, macro-F1, per class, confusion matrix.
    virtual void classifierEvaluated(std::int64_t /*step*/, const ClassificationReport &) {}
    // Warnings and notes for the log ("matrix products are slow", "resumed at step 200").
    virtual void message(const std::string &) {}
};

// What a new run does with an out_dir that already holds a run (config.txt or checkpoints).
enum class RunFolder
{
    MustBeNew, // refuse it, naming the run found there
    Overwrite  // delete its checkpoints and config first
};

class Trainer
{
public:
    // A new run. Throws std::invalid_argument / std::runtime_error naming the bad field or file.
    // With a group this is one rank of a data-parallel pretraining run (distributed.h): every
    // rank builds its Trainer with the same config; rank 0 alone validates and writes.
    explicit Trainer(RunConfig config, RunFolder folder = RunFolder::MustBeNew,
                     std::shared_ptr<DistributedGroup> group = nullptr);
    // Continues a checkpoint exactly where it stopped, in the run folder it belongs to, as the
    // newest of that run's lineage. Overrides may change how long and where it runs (max_steps,
    // out_dir, intervals, device), never the model; another out_dir follows `folder`. A
    // data-parallel checkpoint resumes with any number of processes.
    static Trainer resume(const std::string &checkpointDir,
                          const std::vector<std::pair<std::string, std::string>> &overrides = {},
                          RunFolder folder = RunFolder::MustBeNew,
                          std::shared_ptr<DistributedGroup> group = nullptr);
    ~Trainer();
    Trainer(Trainer &&) noexcept;
    Trainer &operator=(Trainer &&) noexcept;

    // One optimizer step (all micro-batches). A non-finite loss or gradient norm leaves the
    // weights untouched and the step count where it was.
    StepMetrics step();
    // Mean loss over the fixed validation batches, without building a graph.
    double evaluate();
    CheckpointInfo save();
    // Steps until max_steps, a stop, or divergence; checkpoints on the interval and at the end.
    // Older checkpoints are pruned only once a newer one has proved good (the step after it had
    // a finite loss), so a divergence always leaves one from before the divergent update.
    TrainingResult run(TrainingObserver &observer, TrainingControl *control = nullptr);

    const RunConfig &config() const;
    std::int64_t currentStep() const;
    std::int64_t parameterCount() const;
    // Parameters the optimizer updates (all of them for pretraining and full tuning).
    std::int64_t trainableParameterCount() const;
    // Tuning runs: optimizer steps per pass over the training examples; 0 for pretraining.
    std::int64_t stepsPerEpoch() const;
    std::string device() const;
    double learningRateAt(std::int64_t step) const;

private:
    struct Impl;
    explicit Trainer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace azllm
