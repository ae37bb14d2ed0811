// The window as a whole: every screen reachable by name, lessons' actions landing where they say.
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "finetune_page.h"
#include "lessons_page.h"
#include "main_window.h"
#include "model_page.h"
#include "roadmap_page.h"
#include "workspace.h"

using namespace azllm::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void everyScreenOpensByItsName()
    {
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        for (int i = 0; i < MainWindow::ScreenCount; ++i) {
            const auto screen = MainWindow::Screen(i);
            QVERIFY(window.openScreen(MainWindow::screenKey(screen), QString()));
            QCOMPARE(window.currentScreen(), screen);
            QVERIFY(window.screenWidget(screen)->isVisibleTo(&window));
        }
        QVERIFY(!window.openScreen(QStringLiteral("kitchen"), QString()));
    }

    void lesson41OpensTheConfiguratorOnThe300mPreset()
    {
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        LessonsPage *lessons = window.lessonsPage();
        lessons->openDay(41);
        const QStringList actions = lessons->actionLabels();
        QVERIFY(actions.size() >= 2);
        int modelAction = -1;
        for (int i = 0; i < actions.size(); ++i)
            if (actions[i].contains(QLatin1String("300M")) ||
                actions[i].contains(QLatin1String("300m")))
                modelAction = i;
        QVERIFY2(modelAction >= 0, qPrintable(actions.join(QLatin1String(" | "))));
        lessons->triggerAction(modelAction);
        QCOMPARE(window.currentScreen(), MainWindow::ModelScreen);
        QCOMPARE(window.modelPage()->currentConfig().nEmbd, 1024);
        QCOMPARE(window.modelPage()->currentConfig().nLayer, 24);
    }

    // Lessons 35-37 and 46 open the Fine-tune screen on the tab their exercise uses.
    void fineTuningLessonsOpenTheirTab()
    {
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        LessonsPage *lessons = window.lessonsPage();
        for (const auto &[day, tab] : {std::pair{37, 1}, std::pair{36, 0}, std::pair{46, 1}}) {
            lessons->openDay(day);
            QVERIFY(!lessons->actionLabels().isEmpty());
            lessons->triggerAction(0);
            QCOMPARE(window.currentScreen(), MainWindow::FinetuneScreen);
            QCOMPARE(window.finetunePage()->tabs()->currentIndex(), tab);
        }
    }

    void modelScreenCarriesItsConfigToTraining()
    {
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        window.modelPage()->selectPreset(QStringLiteral("az-mini"));
        Q_EMIT window.modelPage()->trainRequested(window.modelPage()->currentConfig());
        QCOMPARE(window.currentScreen(), MainWindow::TrainScreen);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
