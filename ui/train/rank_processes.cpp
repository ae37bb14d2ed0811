#include "rank_processes.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <thread>

#include "config_io.h"
#include "distributed.h"
#include "rank_launcher.h"
#include "runtime.h"

namespace azllm::ui {
namespace {

// The others finish the last step with rank 0 and only have to exit.
constexpr std::chrono::seconds kEndGrace{15};

std::vector<std::string> rankArguments(const RunConfig &config, const QString &resumeFrom,
                                       int threads)
{
    std::vector<std::string> args = {"train"};
    if (resumeFrom.isEmpty()) {
        args.insert(args.end(), {"--config", config.train.outDir + "/config.txt"});
    } else {
        args.insert(args.end(), {"--resume", resumeFrom.toStdString(), "--max_steps",
                                 std::to_string(config.train.maxSteps)});
    }
    args.insert(args.end(), {"--threads", std::to_string(std::max(1, threads))});
    return args;
}

} // namespace

QString RankProcesses::cliExecutable()
{
    const QString beside = QCoreApplication::applicationDirPath() + QLatin1String("/azllm");
    if (QFileInfo(beside).isExecutable())
        return beside;
#ifdef AZLLM_BUILD_CLI
    if (QFileInfo(QStringLiteral(AZLLM_BUILD_CLI)).isExecutable())
        return QStringLiteral(AZLLM_BUILD_CLI);
#endif
    return {};
}

RankProcesses::RankProcesses(const RunConfig &config, const QString &resumeFrom,
                             TrainingProcesses processes)
{
    const QString program = cliExecutable();
    if (program.isEmpty())
        throw std::runtime_error(
            tr("the azllm program, which runs the other processes, is not next to the studio "
               "(%1); build it (target azllm) or train with one process")
                .arg(QCoreApplication::applicationDirPath())
                .toStdString());
    if (resumeFrom.isEmpty()) {
        QDir().mkpath(QString::fromStdString(config.train.outDir));
        writeFileAtomically(config.train.outDir + "/config.txt", formatConfig(config));
    }
    LocalLaunch launch;
    launch.executable = program.toStdString();
    launch.arguments = rankArguments(config, resumeFrom, processes.threadsEach);
    launch.worldSize = processes.count;
    launch.firstRank = 1;
    launch.threadsPerRank = std::max(1, processes.threadsEach);
    m_ranks = std::make_unique<LocalRanks>(launch);

    DistributedSettings settings;
    settings.worldSize = processes.count;
    settings.masterPort = m_ranks->masterPort();
    // A rank that dies before it joins (a bad flag, a missing file) ends the wait at once.
    const auto noneDied = [this] {
        for (const RankExit &exit : m_ranks->collectEnded())
            throw std::runtime_error(exit.describe() +
                                     " before joining the run; its log: " + "logs/rank-" +
                                     std::to_string(exit.rank) + ".log in the run folder");
    };
    m_group = DistributedGroup::join(
        settings, resolveDevice(settings.deviceFor(config.train.device)), noneDied);
}

RankProcesses::~RankProcesses() = default; // LocalRanks kills what still runs

void RankProcesses::waitForTheOthers()
{
    m_group.reset();
    m_ranks->endWithin(kEndGrace);
}

QString RankProcesses::whatHappened()
{
    // A rank that died took rank 0 down with it a moment ago: give the kernel that moment.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QStringList lines;
    for (const RankExit &exit : m_ranks->collectEnded())
        if (!exit.succeeded())
            lines << QString::fromStdString(exit.describe());
    m_ranks->killAll();
    return lines.join(QLatin1String("; "));
}

} // namespace azllm::ui
