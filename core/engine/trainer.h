// Pretraining a GPT: a small verb API (step, evaluate, save) and a run loop that reports
// progress and honours pause and stop between steps. Headless; the UI wraps it in a worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "checkpoint.h"
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

struct TrainingResult
{
    TrainingOutcome outcome = TrainingOutcome::Finished;
    std::string message; // why it ended, in one sentence
    std::int64_t step = 0;
    std::string lastCheckpoint; // newest good checkpoint, empty when none
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
    // Warnings and notes for the log ("matrix products are slow", "resumed at step 200").
    virtual void message(const std::string &) {}
};

class Trainer
{
public:
    // A new run. Throws std::invalid_argument / std::runtime_error naming the bad field or file.
    // With a group this is one rank of a data-parallel run (distributed.h): every rank builds
    // its Trainer with the same config; rank 0 alone validates and writes.
    explicit Trainer(RunConfig config, std::shared_ptr<DistributedGroup> group = nullptr);
    // Continues a checkpoint exactly where it stopped. Overrides may change how long and where
    // it runs (max_steps, out_dir, intervals, device), never the model. A data-parallel
    // checkpoint resumes with any number of processes.
    static Trainer resume(const std::string &checkpointDir,
                          const std::vector<std::pair<std::string, std::string>> &overrides = {},
                          std::shared_ptr<DistributedGroup> group = nullptr);
    ~Trainer();
    Trainer(Trainer &&) noexcept;
    Trainer &operator=(Trainer &&) noexcept;

    // One optimizer step (all micro-batches). A non-finite loss leaves the weights untouched.
    StepMetrics step();
    // Mean loss over the fixed validation batches, without building a graph.
    double evaluate();
    CheckpointInfo save();
    // Steps until max_steps, a stop, or divergence; checkpoints on the interval and at the end.
    TrainingResult run(TrainingObserver &observer, TrainingControl *control = nullptr);

    const RunConfig &config() const;
    std::int64_t currentStep() const;
    std::int64_t parameterCount() const;
    std::string device() const;
    double learningRateAt(std::int64_t step) const;

private:
    struct Impl;
    explicit Trainer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace azllm
