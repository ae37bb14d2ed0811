#include "data_parallel.h"

#include <filesystem>
#include <thread>

#include "checkpoint.h"
#include "distributed_group_impl.h"
#include "random_generator.h"
#include "splitmix.h"
#include "training_data.h"

namespace azllm {
namespace {

// What every rank must agree on to be training the same run at the same place.
struct Fingerprint
{
    const char *what;
    std::int64_t value;
};

std::vector<Fingerprint> fingerprintOf(const RunConfig &c, std::int64_t step, Gpt &model)
{
    std::int64_t parameters = 0;
    for (const torch::Tensor &p : model->parameters())
        parameters += p.numel();
    return {{"step", step},
            {"parameter count", parameters},
            {"vocab_size", c.model.vocabSize},
            {"batch_size", c.train.batchSize},
            {"grad_accum_steps", c.train.gradAccumSteps},
            {"train_context", c.train.contextLength},
            {"max_steps", c.train.maxSteps},
            {"seed", std::int64_t(c.train.seed & 0x7fffffffffffffffULL)},
            {"window_keying", c.train.windowKeying == kWindowKeyingGlobalRow ? 1 : 0}};
}

} // namespace

DataParallel::DataParallel(std::shared_ptr<DistributedGroup> group, Gpt &model,
                           const TrainConfig &train)
    : m_group(std::move(group)), m_impl(m_group->impl())
{
    const int ranks = m_group->worldSize();
    if (train.batchSize % ranks != 0)
        throw std::invalid_argument("invalid training config: batch_size " +
                                    std::to_string(train.batchSize) + " does not divide among " +
                                    std::to_string(ranks) + " processes; make it a multiple of " +
                                    std::to_string(ranks));
    m_rowCount = train.batchSize / ranks;
    m_firstRow = m_rowCount * rank();
    const double bucketBytes = m_impl.settings.bucketMegabytes * 1024 * 1024;
    m_reducer =
        std::make_unique<GradientReducer>(model->parameters(), m_impl, std::int64_t(bucketBytes));
}

void DataParallel::synchronizeStart(Gpt &model, const RunConfig &config, std::int64_t step)
{
    const std::vector<Fingerprint> mine = fingerprintOf(config, step, model);
    std::vector<std::int64_t> values;
    for (const Fingerprint &f : mine)
        values.push_back(f.value);
    const std::vector<torch::Tensor> all =
        m_impl.gather(torch::tensor(values, torch::kLong), "comparing the ranks' runs");
    for (std::size_t r = 1; r < all.size(); ++r)
        for (std::size_t i = 0; i < mine.size(); ++i) {
            const std::int64_t theirs = all[r][std::int64_t(i)].item<std::int64_t>();
            const std::int64_t first = all[0][std::int64_t(i)].item<std::int64_t>();
            if (theirs != first)
                throw DistributedError(
                    "rank " + std::to_string(r) + " is not running the same run as rank 0 (" +
                    mine[i].what + " " + std::to_string(theirs) + " against " +
                    std::to_string(first) +
                    "): start every rank with the same settings and the same checkpoint");
        }
    torch::NoGradGuard noGrad;
    for (const auto &item : model->named_parameters()) {
        torch::Tensor weights = item.value().detach();
        m_impl.broadcast(weights, "sharing rank 0's weights (" + item.key() + ")");
    }
}

void DataParallel::seedOwnGenerator(at::Generator &generator, std::uint64_t seed, std::int64_t step)
{
    if (rank() == 0)
        return;
    const std::uint64_t own =
        splitMix64(splitMix64(seed ^ 0x72616e6bULL) + std::uint64_t(rank())) + std::uint64_t(step);
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_current_seed(own);
}

void DataParallel::restoreGenerator(at::Generator &generator, const std::string &checkpointDir,
                                    std::uint64_t seed, std::int64_t step)
{
    if (rank() == 0)
        return; // rng.pt, as for a single process
    const std::filesystem::path file =
        std::filesystem::path(checkpointDir) / rankGeneratorFileName(rank());
    torch::Tensor state;
    if (std::filesystem::exists(file))
        torch::load(state, file.string());
    // Another device's kind of state, or none (more processes than wrote it): a fresh stream.
    if (!state.defined() || !restoreRandomState(generator, state))
        seedOwnGenerator(generator, seed, step);
}

std::vector<torch::Tensor> DataParallel::gatherGeneratorStates(at::Generator &generator)
{
    const torch::Tensor state = randomState(generator);
    std::vector<torch::Tensor> all = m_impl.gather(state, "collecting the random states");
    if (!isWriter())
        return {};
    return {all.begin() + 1, all.end()};
}

bool DataParallel::agreeToContinue(TrainingControl *control)
{
    for (;;) {
        const bool stop = control && control->stopRequested();
        const bool pause = control && isWriter() && control->paused();
        const std::vector<double> votes =
            m_impl.sum({stop ? 1.0 : 0.0, pause ? 1.0 : 0.0}, "agreeing on the next step");
        if (votes[0] > 0)
            return false;
        if (votes[1] == 0)
            return true;
        waitOutPause(control);
    }
}

// Rank 0 waits on its own control; the others wait for its word in the store, not in a
// collective, which would time out. A rank 0 that dies meanwhile is noticed by the watch.
void DataParallel::waitOutPause(TrainingControl *control)
{
    const std::string key = "pause-over/" + std::to_string(++m_pauses);
    if (isWriter()) {
        control->waitWhilePaused();
        m_impl.store->set(key, {1});
        return;
    }
    for (;;) {
        try {
            if (m_impl.store->check({key}))
                return;
        } catch (const std::exception &e) {
            m_impl.fail("waiting for rank 0 to resume", e);
        }
        const std::string silence = m_impl.watch->silence();
        if (!silence.empty())
            throw DistributedError(silence + "; rank " + std::to_string(rank()) +
                                   " was waiting for rank 0 to resume");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

bool DataParallel::writerDecides(const std::function<bool()> &decide)
{
    const bool mine = isWriter() && decide();
    return m_impl.sum({mine ? 1.0 : 0.0}, "agreeing with rank 0")[0] > 0;
}

void DataParallel::beforeBackward(std::int64_t step, bool lastMicroBatch)
{
    m_group->setProgress(step);
    if (lastMicroBatch)
        m_reducer->expectFinalBackward(step);
}

DataParallel::StepTotals DataParallel::afterBackward(double lossSum, double busySeconds,
                                                     std::int64_t rankTokens)
{
    StepTotals totals;
    totals.waitSeconds = m_reducer->finish();
    const int ranks = m_group->worldSize();
    // [loss sum, busy seconds of rank 0, of rank 1, ...]: one small all-reduce for all of it.
    std::vector<double> values(std::size_t(1 + ranks), 0.0);
    values[0] = lossSum;
    values[std::size_t(1 + rank())] = busySeconds;
    values = m_impl.sum(values, "summing the losses");
    totals.lossSum = values[0] / double(ranks);
    for (int r = 0; r < ranks; ++r) {
        const double busy = values[std::size_t(1 + r)];
        totals.rankTokensPerSecond.push_back(busy > 0 ? double(rankTokens) / busy : 0.0);
    }
    return totals;
}

} // namespace azllm
