// Data-parallel training as a user starts it, on loopback: `azllm train --nproc 2` against one
// process with the same global batch, resuming a two-process checkpoint with one process, a rank
// killed or frozen mid-run, a busy port, and torchrun's variables set by hand.
#include <torch/torch.h> // before Qt (PLATFORM.md §7)

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <filesystem>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "azllm_process.h"
#include "checkpoint.h"
#include "checkpoint_io.h"
#include "random_generator.h"
#include "rank_launcher.h"

using namespace azllm;
namespace fs = std::filesystem;

namespace {

// Weights after a few steps may differ only by float rounding: the two ranks average their
// halves' mean losses where one process takes the mean of all rows.
constexpr double kWeightTolerance = 1e-5;
constexpr double kLossTolerance = 2e-4; // losses are printed with four decimals

QStringList tinyRun(const QString &out, int steps)
{
    return {QStringLiteral("train"),
            QStringLiteral("--out"),
            out,
            QStringLiteral("--steps"),
            QString::number(steps),
            QStringLiteral("--vocab_size"),
            QStringLiteral("64"),
            QStringLiteral("--context_length"),
            QStringLiteral("32"),
            QStringLiteral("--n_embd"),
            QStringLiteral("32"),
            QStringLiteral("--n_layer"),
            QStringLiteral("2"),
            QStringLiteral("--n_head"),
            QStringLiteral("2"),
            QStringLiteral("--batch"),
            QStringLiteral("4"),
            QStringLiteral("--grad_accum_steps"),
            QStringLiteral("2"),
            QStringLiteral("--dropout"),
            QStringLiteral("0"),
            QStringLiteral("--warmup_steps"),
            QStringLiteral("2"),
            QStringLiteral("--learning_rate"),
            QStringLiteral("0.003"),
            QStringLiteral("--checkpoint_interval"),
            QStringLiteral("3"),
            QStringLiteral("--keep_checkpoints"),
            QStringLiteral("10"),
            QStringLiteral("--threads"),
            QStringLiteral("1"),
            QStringLiteral("--log-every"),
            QStringLiteral("1")};
}

// "step      4/6 | loss 3.9712 | ..." -> {4: 3.9712, ...}
QMap<int, double> printedLosses(const QString &out)
{
    QMap<int, double> losses;
    static const QRegularExpression line(QStringLiteral("step +(\\d+)/\\d+ \\| loss ([0-9.]+)"));
    for (auto match = line.globalMatch(out); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        losses[m.captured(1).toInt()] = m.captured(2).toDouble();
    }
    return losses;
}

double largestWeightDifference(const QString &checkpointA, const QString &checkpointB)
{
    const RunConfig config = readCheckpointConfig(checkpointA.toStdString());
    Gpt a(config.model, makeRandomGenerator(torch::kCPU, 0)),
        b(config.model, makeRandomGenerator(torch::kCPU, 0));
    loadWeights(checkpointA.toStdString(), a);
    loadWeights(checkpointB.toStdString(), b);
    double largest = 0;
    const auto pb = b->named_parameters();
    for (const auto &item : a->named_parameters())
        largest = std::max(largest, (item.value() - pb[item.key()]).abs().max().item<double>());
    return largest;
}

// One rank started by hand with torchrun's variables, as a launcher on another machine would.
std::unique_ptr<QProcess> startRank(int rank, int port, const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
    env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(AZLLM_EXECUTABLE), args);
    return process;
}

// Reads the process's output until `pattern` appears (or it ends, or a minute passes).
QRegularExpressionMatch waitForOutput(QProcess &process, QString &seen,
                                      const QRegularExpression &pattern)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        seen += QString::fromUtf8(process.readAllStandardOutput());
        const QRegularExpressionMatch match = pattern.match(seen);
        if (match.hasMatch() || process.state() == QProcess::NotRunning)
            return match;
        process.waitForReadyRead(200);
    }
    return {};
}

// Something else listening on a loopback port, as another program would.
class PortSquatter
{
public:
    PortSquatter() : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length);
        ::listen(m_fd, 1);
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~PortSquatter() { ::close(m_fd); }
    PortSquatter(const PortSquatter &) = delete;
    PortSquatter &operator=(const PortSquatter &) = delete;
    int port() const { return m_port; }

private:
    int m_fd;
    int m_port = 0;
};

} // namespace

class TestDataParallel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_twoProcesses; // the two-process run, checkpoints every 3 steps to 6
    AzllmRun m_twoRun;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }
    static QString checkpoint(const QString &run, int step)
    {
        return run + QLatin1String("/checkpoints/") +
               QString::fromStdString(checkpointDirName(step));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_twoProcesses = path(QStringLiteral("two"));
        m_twoRun = runAzllm(tinyRun(m_twoProcesses, 6)
                            << QStringLiteral("--nproc") << QStringLiteral("2"));
        QVERIFY2(m_twoRun.exitCode == 0, qPrintable(m_twoRun.err + m_twoRun.out));
    }

    // The same global batch (4 rows x 2 micro-batches) on one process and on two: the same
    // losses and, after six AdamW steps, the same weights within float rounding.
    void twoProcessesTrainLikeOne()
    {
        const QString one = path(QStringLiteral("one"));
        const AzllmRun single = runAzllm(tinyRun(one, 6));
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        const QMap<int, double> a = printedLosses(m_twoRun.out), b = printedLosses(single.out);
        QCOMPARE(a.keys(), b.keys());
        QCOMPARE(a.size(), 6);
        for (int step : a.keys())
            QVERIFY2(std::abs(a[step] - b[step]) <= kLossTolerance,
                     qPrintable(
                         QStringLiteral("step %1: %2 vs %3").arg(step).arg(a[step]).arg(b[step])));
        const double difference =
            largestWeightDifference(checkpoint(m_twoProcesses, 6), checkpoint(one, 6));
        QVERIFY2(difference <= kWeightTolerance, qPrintable(QString::number(difference)));
        QVERIFY(m_twoRun.out.contains(QLatin1String("rank 0 of 2 (gloo)")));
    }

    // Rank 0 writes the run; rank 1 writes its log and its random state goes into rank 0's
    // checkpoint, nothing else.
    void onlyRankZeroWrites()
    {
        QVERIFY(QFile::exists(m_twoProcesses + QLatin1String("/logs/rank-1.log")));
        QVERIFY(!QFile::exists(m_twoProcesses + QLatin1String("/logs/rank-0.log")));
        QVERIFY(QFile::exists(checkpoint(m_twoProcesses, 3) + QLatin1String("/rng-rank-1.pt")));
        QStringList entries =
            QDir(m_twoProcesses).entryList(QDir::NoDotAndDotDot | QDir::AllEntries);
        entries.sort();
        QCOMPARE(entries,
                 (QStringList{QStringLiteral("checkpoints"), QStringLiteral("config.txt"),
                              QStringLiteral("logs"), QStringLiteral("synthetic.tokens")}));
        QFile log(m_twoProcesses + QLatin1String("/logs/rank-1.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("rank 1 of 2"));
    }

    // A two-process checkpoint goes on with one process exactly as the two went on.
    void resumesATwoProcessCheckpointWithOne()
    {
        const QString continued = path(QStringLiteral("continued"));
        const AzllmRun resumed = runAzllm(
            {QStringLiteral("train"), QStringLiteral("--resume"), checkpoint(m_twoProcesses, 3),
             QStringLiteral("--out_dir"), continued, QStringLiteral("--log-every"),
             QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        const QMap<int, double> two = printedLosses(m_twoRun.out), one = printedLosses(resumed.out);
        QCOMPARE(one.keys(), (QList<int>{4, 5, 6}));
        for (int step : one.keys())
            QVERIFY2(
                std::abs(one[step] - two[step]) <= kLossTolerance,
                qPrintable(
                    QStringLiteral("step %1: %2 vs %3").arg(step).arg(one[step]).arg(two[step])));
        const double difference =
            largestWeightDifference(checkpoint(continued, 6), checkpoint(m_twoProcesses, 6));
        QVERIFY2(difference <= kWeightTolerance, qPrintable(QString::number(difference)));
    }

    // Debian's torchrun (python3-torch) starts the same program; its agent hosts the store.
    void runsUnderTorchrun()
    {
        const QString torchrun = QStandardPaths::findExecutable(QStringLiteral("torchrun"));
        if (torchrun.isEmpty())
            QSKIP("torchrun is not installed (Debian package python3-torch)");
        const QString run = path(QStringLiteral("torchrun"));
        QProcess process;
        // --redirects 1 --tee 1: Debian 12's torchrun (PyTorch 1.13 on Python 3.11) fails on
        // their default, 0 (docs/scaling.md).
        process.start(torchrun,
                      QStringList{QStringLiteral("--nproc_per_node"), QStringLiteral("2"),
                                  QStringLiteral("--master_port"), QString::number(freeLocalPort()),
                                  QStringLiteral("--redirects"), QStringLiteral("1"),
                                  QStringLiteral("--tee"), QStringLiteral("1"),
                                  QStringLiteral("--log_dir"),
                                  path(QStringLiteral("torchrun-logs")),
                                  QStringLiteral("--no_python"), QStringLiteral(AZLLM_EXECUTABLE)}
                          << tinyRun(run, 6));
        QVERIFY(process.waitForFinished(180000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QVERIFY(out.contains(QLatin1String("rank 0 of 2 (gloo)")));
        QVERIFY(QFile::exists(run + QLatin1String("/logs/rank-1.log")));
        const double difference =
            largestWeightDifference(checkpoint(run, 6), checkpoint(m_twoProcesses, 6));
        QVERIFY2(difference <= kWeightTolerance, qPrintable(QString::number(difference)));
    }

    // kill -9 on rank 1: rank 0 names it, the launcher says how it ended, the run stops, and
    // the last checkpoint still loads.
    void killedRankEndsTheRunWithItsName()
    {
        const QString run = path(QStringLiteral("killed"));
        QProcess launcher;
        launcher.start(QStringLiteral(AZLLM_EXECUTABLE),
                       tinyRun(run, 100000)
                           << QStringLiteral("--nproc") << QStringLiteral("2")
                           << QStringLiteral("--dist-timeout") << QStringLiteral("20"));
        QString out;
        const QRegularExpressionMatch started = waitForOutput(
            launcher, out, QRegularExpression(QStringLiteral("started rank 1 \\(pid (\\d+)\\)")));
        QVERIFY2(started.hasMatch(), qPrintable(out));
        QVERIFY2(waitForOutput(launcher, out,
                               QRegularExpression(QStringLiteral("checkpoint .*step-00000003")))
                     .hasMatch(),
                 qPrintable(out + QString::fromUtf8(launcher.readAllStandardError())));
        ::kill(started.captured(1).toInt(), SIGKILL);
        QVERIFY(launcher.waitForFinished(60000));
        const QString err = QString::fromUtf8(launcher.readAllStandardError());
        QVERIFY(launcher.exitCode() != 0);
        QVERIFY2(err.contains(QLatin1String("rank 1 stopped answering")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("was killed by signal 9")), qPrintable(err));
        const AzllmRun info =
            runAzllm({QStringLiteral("info"), QStringLiteral("--checkpoint"), run});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    }

    // A rank that freezes (SIGSTOP) while holding its connections open: rank 0 gives up after
    // the settable timeout and names it. The ranks are started by hand, as torchrun would.
    void frozenRankIsNamedAfterTheTimeout()
    {
        const int port = freeLocalPort();
        const QStringList args = tinyRun(path(QStringLiteral("frozen")), 100000)
                                 << QStringLiteral("--dist-timeout") << QStringLiteral("3");
        const std::unique_ptr<QProcess> rank0 = startRank(0, port, args);
        const std::unique_ptr<QProcess> rank1 = startRank(1, port, args);
        QString out;
        QVERIFY2(
            waitForOutput(*rank0, out, QRegularExpression(QStringLiteral("step +5/"))).hasMatch(),
            qPrintable(out + QString::fromUtf8(rank0->readAllStandardError())));
        ::kill(pid_t(rank1->processId()), SIGSTOP);
        const bool ended = rank0->waitForFinished(60000);
        ::kill(pid_t(rank1->processId()), SIGKILL);
        rank1->waitForFinished();
        QVERIFY(ended);
        const QString err = QString::fromUtf8(rank0->readAllStandardError());
        QCOMPARE(rank0->exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("rank 1 stopped answering")), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("Exception raised from")), qPrintable(err));
    }

    void busyPortGetsAClearError()
    {
        const PortSquatter squatter;
        QVERIFY(squatter.port() > 0);
        const QString port = QString::number(squatter.port());
        const QString expected = QStringLiteral("port %1 is already in use").arg(port);
        const AzllmRun launched = runAzllm(tinyRun(path(QStringLiteral("busy")), 2)
                                           << QStringLiteral("--nproc") << QStringLiteral("2")
                                           << QStringLiteral("--master-port") << port);
        QCOMPARE(launched.exitCode, 1);
        QVERIFY2(launched.err.contains(expected), qPrintable(launched.err));
        // Rank 0 started by hand finds the port taken when it opens the store.
        const std::unique_ptr<QProcess> rank0 =
            startRank(0, squatter.port(), tinyRun(path(QStringLiteral("busy0")), 2));
        QVERIFY(rank0->waitForFinished(60000));
        const QString err = QString::fromUtf8(rank0->readAllStandardError());
        QCOMPARE(rank0->exitCode(), 1);
        QVERIFY2(err.contains(expected), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }

    void badSplitsAndVariablesAreRefused()
    {
        const AzllmRun odd = runAzllm(QStringList{tinyRun(path(QStringLiteral("odd")), 2)}
                                      << QStringLiteral("--batch") << QStringLiteral("3")
                                      << QStringLiteral("--nproc") << QStringLiteral("2"));
        QVERIFY(odd.exitCode != 0);
        QVERIFY2(odd.err.contains(QLatin1String("batch_size 3 does not divide among 2 processes")),
                 qPrintable(odd.err));
        const std::unique_ptr<QProcess> outside =
            startRank(2, freeLocalPort(), tinyRun(path(QStringLiteral("outside")), 2));
        QVERIFY(outside->waitForFinished(60000));
        const QString err = QString::fromUtf8(outside->readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("RANK 2 is outside WORLD_SIZE 2")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestDataParallel)
#include "test_data_parallel.moc"
