#include "studio_tools.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <functional>

#include "main_window.h"
#include "run_form.h"
#include "run_history_view.h"
#include "train_page.h"
#include "training_charts.h"

namespace azllm::ui {

namespace {

// Runs the event loop until the Train screen's run ends; false when it could not start.
bool trainAndWait(TrainPage &page)
{
    QEventLoop loop;
    QObject::connect(&page, &TrainPage::runEnded, &loop, &QEventLoop::quit);
    page.startTraining();
    if (!page.isTraining())
        return false;
    loop.exec();
    return true;
}

bool saveScreen(QWidget &window, const QString &path)
{
    QApplication::processEvents();
    QApplication::processEvents();
    return window.grab().save(path);
}

// The longest gap between ticks of a 5 ms timer over `milliseconds`, minus the period.
double longestStall(int milliseconds, const std::function<bool()> &keepGoing)
{
    QElapsedTimer clock, total;
    clock.start();
    total.start();
    double worst = 0;
    QTimer ticker;
    QEventLoop loop;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        worst = std::max(worst, double(clock.nsecsElapsed()) / 1e6 - 5.0);
        clock.restart();
        if (!keepGoing() || total.elapsed() > milliseconds)
            loop.quit();
    });
    ticker.start(5);
    loop.exec();
    return std::max(0.0, worst);
}

} // namespace

int takeScreenshots(MainWindow &window, const QString &dir, int steps)
{
    QDir().mkpath(dir);
    window.resize(1440, 900);
    window.show();
    TrainPage &train = *window.trainPage();
    window.showScreen(MainWindow::TrainScreen);
    train.form()->setMaxSteps(steps);
    if (!trainAndWait(train)) {
        std::fprintf(stderr, "azllm-studio: the screenshot run could not start\n");
        return 1;
    }
    bool ok = true;
    for (int i = 0; i < MainWindow::ScreenCount; ++i) {
        const MainWindow::Screen screen = MainWindow::Screen(i);
        window.showScreen(screen);
        const QString path =
            dir + QLatin1Char('/') + MainWindow::screenKey(screen) + QLatin1String(".png");
        ok = saveScreen(window, path) && ok;
        std::printf("%s\n", qPrintable(path));
    }
    // The runs history with the new run ticked, as a learner comparing runs sees it: on the
    // Train screen, not on the last screen the loop above left showing.
    window.showScreen(MainWindow::TrainScreen);
    if (auto *tabs = train.findChild<QTabWidget *>()) {
        tabs->setCurrentIndex(tabs->count() - 1);
        if (train.history()->runCount() > 0)
            train.history()->setRunChecked(0, true);
        const QString path = dir + QLatin1String("/train-history.png");
        ok = saveScreen(window, path) && ok;
        std::printf("%s\n", qPrintable(path));
    }
    return ok ? 0 : 1;
}

int benchmarkUi(MainWindow &window, int steps)
{
    window.resize(1440, 900);
    window.show();
    window.showScreen(MainWindow::TrainScreen);
    TrainPage &train = *window.trainPage();
    train.form()->setMaxSteps(steps);
    const double idle = longestStall(2000, [] { return true; });
    qint64 updates = 0;
    QObject::connect(&train, &TrainPage::stepsShown, &train, [&] { ++updates; });
    train.startTraining();
    if (!train.isTraining()) {
        std::fprintf(stderr, "azllm-studio: the benchmark run could not start\n");
        return 1;
    }
    const double training = longestStall(600'000, [&] { return train.isTraining(); });
    std::printf("GUI thread, 5 ms timer: longest stall %.1f ms while training %lld steps (%lld "
                "chart updates), "
                "%.1f ms idle\n",
                training, static_cast<long long>(train.charts()->lastStep()),
                static_cast<long long>(updates), idle);
    std::printf(
        "{\"bench\": \"ui\", \"max_stall_ms\": %.2f, \"idle_max_stall_ms\": %.2f, \"steps\": %lld, "
        "\"ui_updates\": %lld}\n",
        training, idle, static_cast<long long>(train.charts()->lastStep()),
        static_cast<long long>(updates));
    return 0;
}

} // namespace azllm::ui
