// Renders the Train screen during and after a two-process run so a person can look at it:
//   QT_QPA_PLATFORM=offscreen train_page_shot OUT_DIR [TRANSLATION.qm]
// Trains a small model on the sample dataset with two processes (this one as rank 0, azllm as
// rank 1) and saves train_two_processes_running.png and train_two_processes_done.png.
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>

#include "data_parallel_panel.h"
#include "run_form.h"
#include "train_page.h"
#include "workspace.h"

namespace {

void save(QWidget &page, const QString &path)
{
    QApplication::processEvents();
    page.grab().save(path);
    QTextStream(stdout) << path << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: train_page_shot OUT_DIR [TRANSLATION.qm]\n";
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());
    QTranslator translator;
    if (argc > 2 && translator.load(QString::fromLocal8Bit(argv[2])))
        QApplication::installTranslator(&translator);

    QTemporaryDir dir;
    azllm::Workspace workspace(dir.path());
    workspace.seedSampleDataset();
    azllm::ui::TrainPage page(workspace);
    page.resize(1440, 900);
    azllm::ModelConfig model;
    model.contextLength = 64;
    model.nEmbd = 64;
    model.nLayer = 2;
    model.nHead = 2;
    page.setModelConfig(model);
    page.form()->setMaxSteps(160);
    page.dataParallel()->setProcesses(2);
    page.dataParallel()->setThreadsPerProcess(1);
    page.show();

    QEventLoop loop;
    bool shotWhileRunning = false;
    QObject::connect(&page, &azllm::ui::TrainPage::stepsShown, &page, [&](qint64 step) {
        if (step >= 80 && !shotWhileRunning) {
            shotWhileRunning = true;
            save(page, out.filePath(QStringLiteral("train_two_processes_running.png")));
        }
    });
    QObject::connect(&page, &azllm::ui::TrainPage::runEnded, &loop, &QEventLoop::quit);
    page.startTraining();
    loop.exec();
    save(page, out.filePath(QStringLiteral("train_two_processes_done.png")));
    return 0;
}
