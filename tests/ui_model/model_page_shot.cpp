// Renders the Model screen to a PNG so a person can look at it:
//   QT_QPA_PLATFORM=offscreen model_page_shot OUT.png [preset] [--measure] [--invalid] [--plan]
//       [--az]
// With --measure it waits for the machine benchmark, so the time estimate is filled in. With
// --plan it runs the planner's dry run on this machine and scrolls to the planner; --az shows the
// interface in Azerbaijani, as a learner reads it.
#include <QApplication>
#include <QEventLoop>
#include <QScrollArea>
#include <QSpinBox>
#include <QStringList>
#include <QTextStream>

#include <optional>

#include "azerbaijani_interface.h"
#include "model_page.h"
#include "runtime.h"
#include "training_plan_panel.h"

using namespace azllm::ui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    azllm::initializeRuntime();
    QStringList args = app.arguments().mid(1);
    const bool measure = args.removeAll(QStringLiteral("--measure")) > 0;
    const bool invalid = args.removeAll(QStringLiteral("--invalid")) > 0;
    const bool plan = args.removeAll(QStringLiteral("--plan")) > 0;
    std::optional<AzerbaijaniInterface> azerbaijani;
    if (args.removeAll(QStringLiteral("--az")) > 0)
        azerbaijani.emplace();
    if (args.isEmpty()) {
        QTextStream(stderr) << "usage: model_page_shot OUT.png [preset] [--measure] [--invalid]\n";
        return 2;
    }
    ModelPage page;
    page.setMeasureOnFirstShow(measure);
    if (args.size() > 1)
        page.selectPreset(args[1]);
    if (invalid) // n_embd no longer divides by n_head: shows the validation message
        page.findChild<QSpinBox *>(QStringLiteral("headSpin"))->setValue(5);
    page.resize(1280, 800);
    page.show();
    if (measure) {
        QEventLoop loop;
        QObject::connect(&page, &ModelPage::machineMeasured, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (plan) {
        TrainingPlanPanel *panel = page.trainingPlan();
        panel->selectDevice(QStringLiteral("this-machine"));
        QEventLoop loop;
        QObject::connect(panel, &TrainingPlanPanel::dryRunFinished, &loop, &QEventLoop::quit);
        panel->handleDryRunRequested();
        loop.exec();
        page.findChild<QScrollArea *>()->ensureWidgetVisible(panel);
    }
    QApplication::processEvents(); // lets QCustomPlot's queued replot draw
    return page.grab().save(args[0]) ? 0 : 1;
}
