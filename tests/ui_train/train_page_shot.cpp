// Renders the Train screen during and after a two-process run so a person can look at it:
//   QT_QPA_PLATFORM=offscreen train_page_shot OUT_DIR [--lang en]
// Trains a small model on the sample dataset with two processes (this one as rank 0, azllm as
// rank 1) and saves train_two_processes_running.png and train_two_processes_done.png.
#include <QApplication>
#include <QEventLoop>

#include "data_parallel_panel.h"
#include "run_form.h"
#include "shot_tool.h"
#include "train_page.h"
#include "workspace.h"

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const ShotTool shots("train_page_shot", "OUT_DIR", 0, 0);
    if (!shots.ok())
        return 2;

    azllm::Workspace workspace(shots.scratch());
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
            shots.save(page, QStringLiteral("train_two_processes_running.png"));
        }
    });
    QObject::connect(&page, &azllm::ui::TrainPage::runEnded, &loop, &QEventLoop::quit);
    page.startTraining();
    loop.exec();
    return shots.save(page, QStringLiteral("train_two_processes_done.png")) ? 0 : 1;
}
