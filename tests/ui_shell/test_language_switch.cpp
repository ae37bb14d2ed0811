// View > Language: switching applies at once on every screen, and switching back restores the
// English texts. Every text a learner reads (labels, buttons, group titles, tabs, placeholders,
// the sidebar, the menus) that the translation translates must show its translation.
#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "chat_page.h"
#include "interface_language.h"
#include "main_window.h"
#include "run_progress.h"
#include "train_page.h"
#include "training_worker.h"
#include "workspace.h"

using namespace azllm::ui;

namespace {

// One text on the screen: which object shows it, and where (a property or a tab's index).
struct ShownText
{
    QPointer<QObject> object;
    int tab = -1; // a QTabWidget's tab, -1 for the object's own text
    const char *property = nullptr;
    QString text;
};

QString readText(const ShownText &shown)
{
    if (shown.tab >= 0)
        return static_cast<QTabWidget *>(shown.object.data())->tabText(shown.tab);
    return shown.object->property(shown.property).toString();
}

// Every text of `root` and its descendants, as it reads now.
QList<ShownText> shownTexts(QWidget *root)
{
    QList<ShownText> texts;
    const auto add = [&](QObject *object, const char *property) {
        ShownText shown{object, -1, property, {}};
        shown.text = readText(shown);
        if (!shown.text.isEmpty())
            texts << shown;
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget))
            add(widget, "text");
        else if (qobject_cast<QGroupBox *>(widget))
            add(widget, "title");
        else if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget))
            add(widget, "placeholderText");
        if (auto *tabs = qobject_cast<QTabWidget *>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                texts << ShownText{tabs, i, nullptr, tabs->tabText(i)};
        if (!widget->toolTip().isEmpty())
            add(widget, "toolTip");
    }
    return texts;
}

// The translation of `english` in the context of the object or of a widget that holds it (the
// class that set the text), or `english` itself when none translates it.
QString expectedTranslation(QObject *object, const QString &english)
{
    for (QObject *holder = object; holder; holder = holder->parent()) {
        // The studio's own classes only: Qt's translation (qtbase) has contexts of its own.
        const char *context = holder->metaObject()->className();
        if (!QByteArray(context).startsWith("azllm::"))
            continue;
        const QString translated =
            QCoreApplication::translate(context, english.toUtf8().constData());
        if (translated != english)
            return translated;
    }
    return english;
}

QString describe(const ShownText &shown)
{
    return QStringLiteral("%1 (%2%3)")
        .arg(shown.text, QString::fromLatin1(shown.object->metaObject()->className()),
             shown.property ? QLatin1Char('.') + QString::fromLatin1(shown.property)
                            : QStringLiteral(" tab %1").arg(shown.tab));
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(applyLanguage(QStringLiteral("en")));
    }

    void everyScreenRetranslatesAndSwitchesBack()
    {
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        const QList<ShownText> english = shownTexts(&window);
        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus << menu->text();
        auto *sidebar = window.findChild<QListWidget *>();
        QVERIFY(sidebar);

        window.setLanguage(QStringLiteral("az"));
        QCOMPARE(currentLanguage(), QStringLiteral("az"));
        QCoreApplication::processEvents();
        QCOMPARE(savedLanguage(), QStringLiteral("az"));

        for (int i = 0; i < MainWindow::ScreenCount; ++i) {
            const auto screen = MainWindow::Screen(i);
            // A screen's own texts: at least one switched, and none stayed English that the
            // translation translates.
            int switched = 0;
            for (const ShownText &shown : english) {
                QWidget *widget = qobject_cast<QWidget *>(shown.object.data());
                if (!shown.object || !widget || !window.screenWidget(screen)->isAncestorOf(widget))
                    continue;
                const QString expected = expectedTranslation(shown.object, shown.text);
                if (expected == shown.text)
                    continue;
                // Not compared with `expected` itself: a disambiguated tr("Search", "button") has
                // its own.
                QVERIFY2(readText(shown) != shown.text,
                         qPrintable(QStringLiteral("%1 still reads English (\"%2\" expected)")
                                        .arg(describe(shown), expected)));
                ++switched;
            }
            QVERIFY2(switched > 0, qPrintable(MainWindow::screenKey(screen)));
        }
        QCOMPARE(sidebar->item(MainWindow::TrainScreen)->text(),
                 QCoreApplication::translate("azllm::ui::MainWindow", "Train"));
        QVERIFY(sidebar->item(MainWindow::TrainScreen)->text() != QLatin1String("Train"));
        for (int i = 0; i < menus.size(); ++i)
            QVERIFY2(window.menuBar()->actions()[i]->text() != menus[i], qPrintable(menus[i]));

        window.setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(savedLanguage(), QStringLiteral("en"));
        QCOMPARE(sidebar->item(MainWindow::TrainScreen)->text(), QStringLiteral("Train"));
        for (int i = 0; i < menus.size(); ++i)
            QCOMPARE(window.menuBar()->actions()[i]->text(), menus[i]);
        for (const ShownText &shown : english)
            if (shown.object)
                QVERIFY2(readText(shown) == shown.text,
                         qPrintable(QStringLiteral("%1 reads \"%2\" after switching back")
                                        .arg(describe(shown), readText(shown))));
    }

    // Lines a screen words when something happens (a status, the time left) are said again in
    // the new language, with the same figures.
    void statusLinesSwitchLanguageWithTheirFigures()
    {
        QVERIFY(applyLanguage(QStringLiteral("en"))); // whatever an earlier test left
        azllm::Workspace workspace(m_dir.path());
        MainWindow window(workspace);
        ChatPage *chat = window.chatPage();
        chat->send(QStringLiteral("Salam")); // no checkpoint loaded: the status says what to do
        const QString chatEnglish = chat->statusText();
        QVERIFY2(chatEnglish.startsWith(QLatin1String("Load a checkpoint")),
                 qPrintable(chatEnglish));

        RunProgress *progress = window.trainPage()->progress();
        progress->begin(100, 1000);
        azllm::StepMetrics step;
        step.step = 10;
        step.loss = 3.25;
        step.tokensPerSecond = 500; // 2 s a step, 90 steps left: 3 minutes
        progress->report(step, false);
        const QString trainEnglish = progress->statusText();
        QVERIFY2(trainEnglish.contains(QLatin1String("3m 00s left")), qPrintable(trainEnglish));

        window.setLanguage(QStringLiteral("az"));
        QCoreApplication::processEvents();
        const auto translate = [](const char *context, const char *source,
                                  const char *disambiguation = nullptr) {
            return QCoreApplication::translate(context, source, disambiguation);
        };
        QCOMPARE(chat->statusText(),
                 translate("azllm::ui::ChatPage", "Load a checkpoint first (top of the screen)."));
        const QString trainAzerbaijani = progress->statusText();
        QVERIFY2(trainAzerbaijani != trainEnglish, qPrintable(trainAzerbaijani));
        const QString timeLeft =
            translate("azllm::ui::RunProgress", "%1m %2s", "minutes and seconds left")
                .arg(3)
                .arg(QStringLiteral("00"));
        QVERIFY(timeLeft != QLatin1String("3m 00s"));
        QVERIFY2(trainAzerbaijani.contains(timeLeft), qPrintable(trainAzerbaijani));

        // How a run ended reaches the Train and Fine-tune logs in the learner's words, worded
        // from the engine's values rather than its English sentence.
        azllm::TrainingResult stopped{azllm::TrainingOutcome::Stopped, "stopped at step 40", 40,
                                      "/runs/a/checkpoints/step-000040", std::nullopt};
        QCOMPARE(
            TrainingWorker::describeEnd(QStringLiteral("stopped"), stopped),
            translate("azllm::ui::TrainingWorker", "Stopped at step %1; resume from %2.")
                .arg(40)
                .arg(QDir::toNativeSeparators(QStringLiteral("/runs/a/checkpoints/step-000040"))));
        azllm::TrainingResult diverged = stopped;
        diverged.divergence =
            azllm::Divergence{azllm::Divergence::Value::GradientNorm, true, 41, 3e-4, {}};
        const QString divergence =
            TrainingWorker::describeEnd(QStringLiteral("diverged"), diverged);
        QVERIFY2(divergence.startsWith(translate("azllm::ui::TrainingWorker", "The gradient norm")),
                 qPrintable(divergence));
        QVERIFY2(divergence.contains(QLatin1String("0,0003")),
                 qPrintable(divergence)); // az decimals
        QVERIFY(!divergence.contains(QLatin1String("became")));

        window.setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(chat->statusText(), chatEnglish);
        QCOMPARE(progress->statusText(), trainEnglish);
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "test_language_switch.moc"
