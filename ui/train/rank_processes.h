// A data-parallel run from the studio: the training thread is rank 0 and the other ranks are
// `azllm train` processes on this computer, started with torchrun's variables and ended with the
// run. Their output goes to logs/rank-N.log in the run folder.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

#include "train_config.h"

namespace azllm {
class DistributedGroup;
class LocalRanks;
} // namespace azllm

namespace azllm::ui {

// How many processes train a run, and LibTorch's threads in each (0: leave them as they are).
struct TrainingProcesses
{
    int count = 1;
    int threadsEach = 0;
};

class RankProcesses final
{
    Q_DECLARE_TR_FUNCTIONS(RankProcesses)
    Q_DISABLE_COPY_MOVE(RankProcesses)

public:
    // Starts ranks 1.. for a new run (config; its config.txt is written first so they can read
    // it) or for resuming resumeFrom up to maxSteps, then joins them as rank 0. Throws
    // std::runtime_error with a sentence for the user.
    RankProcesses(const azllm::RunConfig &config, const QString &resumeFrom,
                  TrainingProcesses processes);
    ~RankProcesses();

    std::shared_ptr<azllm::DistributedGroup> group() const { return m_group; }
    // After rank 0's run has ended well: the others end on their own within seconds.
    void waitForTheOthers();
    // After a failure: what became of the others, one sentence each, or empty.
    QString whatHappened();

    // The azllm program that runs the other ranks: next to the studio, else the build tree's.
    static QString cliExecutable();

private:
    std::unique_ptr<azllm::LocalRanks> m_ranks;
    std::shared_ptr<azllm::DistributedGroup> m_group;
};

} // namespace azllm::ui
