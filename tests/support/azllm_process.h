// Runs the real `azllm` as a user would, for the command-line tests (azllm_add_cli_test).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

struct AzllmRun
{
    int exitCode = -1; // -1 when azllm crashed or ran past the time limit
    QString out;
    QString err;
};

// input goes to azllm's standard input, which is then closed.
inline AzllmRun runAzllm(const QStringList &args, const QByteArray &input = {},
                         int timeoutMs = 300000)
{
    QProcess process;
    process.start(QStringLiteral(AZLLM_EXECUTABLE), args);
    process.write(input);
    process.closeWriteChannel();
    AzllmRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
