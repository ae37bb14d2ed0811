// The Roadmap and Lessons screens offscreen: the lesson-41 template, delete and undo, milestones
// ticked by a run and linking to it, export, a locked studio.db; the syllabus, day 41's "try it"
// actions, progress and notes across a restart.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextFrame>
#include <QTextTable>
#include <QTreeWidget>
#include <QtTest>

#include "lessons_page.h"
#include "roadmap_page.h"
#include "roadmap_template.h"
#include "workspace.h"

using namespace azllm;
using namespace azllm::ui;

namespace {

bool hasTable(const QTextDocument *document)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames())
        if (qobject_cast<QTextTable *>(frame))
            return true;
    return false;
}

QPushButton *buttonNamed(QWidget *page, const QString &text)
{
    for (QPushButton *b : page->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

// Fills the next modal dialog from inside its event loop and presses OK.
template <typename Fill> void answerNextDialog(Fill fill)
{
    QTimer::singleShot(0, qApp, [fill] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        dialog->accept();
    });
}

QTreeWidgetItem *findItem(QTreeWidget *list, const QString &text)
{
    const auto found = list->findItems(text, Qt::MatchContains | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace

class TestRoadmapPages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void templateDeleteAndUndo()
    {
        Workspace workspace(path(QStringLiteral("pages")));
        RoadmapPage page(workspace);
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("roadmapCombo"));
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("roadmapList"));
        QCOMPARE(combo->count(), 0);

        page.openArgument(QString::fromLatin1(kLesson41TemplateKey));
        QCOMPARE(combo->count(), 1);
        QCOMPARE(list->topLevelItemCount(), 3);
        page.openArgument(QString::fromLatin1(kLesson41TemplateKey)); // shows it, no duplicate
        QCOMPARE(combo->count(), 1);

        QTreeWidgetItem *rag = findItem(list, QStringLiteral("RAG"));
        QVERIFY(rag);
        list->setCurrentItem(rag);
        page.deleteSelected();
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(page.statusText().contains(QLatin1String("Undo")));
        page.undoDelete();
        QCOMPARE(list->topLevelItemCount(), 3);

        list->clearSelection();
        page.deleteSelected(); // nothing selected: the roadmap itself
        QCOMPARE(combo->count(), 0);
        page.undoDelete();
        QCOMPARE(combo->count(), 1);
        QCOMPARE(list->topLevelItemCount(), 3);
    }

    void goalsAndMeasuredMilestonesAreAddedThroughTheForms()
    {
        Workspace workspace(path(QStringLiteral("forms")));
        RoadmapPage page(workspace);
        page.startFromLesson41();
        page.showList();
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("roadmapList"));
        answerNextDialog([](QDialog *d) {
            d->findChild<QLineEdit *>()->setText(QStringLiteral("Fine-tune for dialogue"));
        });
        buttonNamed(&page, QStringLiteral("Add goal…"))->click();
        QCOMPARE(list->topLevelItemCount(), 4);

        list->setCurrentItem(findItem(list, QStringLiteral("Fine-tune for dialogue")));
        answerNextDialog([](QDialog *d) {
            d->findChild<QLineEdit *>()->setText(QStringLiteral("Answers read well"));
            d->findChild<QComboBox *>()->setCurrentIndex(1); // validation loss at most
            d->findChild<QDoubleSpinBox *>()->setValue(3.2);
        });
        buttonNamed(&page, QStringLiteral("Add milestone…"))->click();
        QTreeWidgetItem *added = findItem(list, QStringLiteral("Answers read well"));
        QVERIFY(added);
        QCOMPARE(added->text(3), QStringLiteral("validation loss ≤ 3.2"));
        QCOMPARE(page.store().roadmaps().first().goals.size(), 4);
    }

    void runReachingAMilestoneTicksItAndLinksToTheRun()
    {
        Workspace workspace(path(QStringLiteral("ticked")));
        RoadmapPage page(workspace);
        page.startFromLesson41();
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("roadmapList"));
        QTreeWidgetItem *loss = findItem(list, QStringLiteral("Validation loss ≤ 3.5"));
        QVERIFY(loss);
        QVERIFY(loss->text(0).startsWith(QStringLiteral("◇")));

        const qint64 run =
            workspace.runs().createRun(QStringLiteral("az-100m-1"), path(QStringLiteral("r1")),
                                       QStringLiteral("sample"), QStringLiteral("c"), 110'418'432);
        workspace.runs().appendMetrics(run, {{100, 3.4, 3.31, 1e-4, 0.8, 1000, 60}});
        page.refresh();
        loss = findItem(list, QStringLiteral("Validation loss ≤ 3.5"));
        QVERIFY(loss->text(0).startsWith(QStringLiteral("✓")));
        QVERIFY2(loss->text(4).contains(QStringLiteral("run “az-100m-1”")),
                 qPrintable(loss->text(4)));
        QTreeWidgetItem *big = findItem(list, QStringLiteral("300M model reaches"));
        QVERIFY(big->text(0).startsWith(QStringLiteral("◇"))); // 3.31 is not <= 3.0

        QSignalSpy open(&page, &RoadmapPage::openScreenRequested);
        Q_EMIT list->itemActivated(loss, 0);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0][0].toString(), QStringLiteral("train"));
        QCOMPARE(open[0][1].toString(), QStringLiteral("az-100m-1"));

        const QString file = path(QStringLiteral("plan.md"));
        QVERIFY(page.exportMarkdown(file));
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(exported.readAll())
                    .contains(QStringLiteral("met by run “az-100m-1”")));
    }

    void lockedDatabaseShowsAClearMessageAndLosesNothing()
    {
        Workspace workspace(path(QStringLiteral("locked")));
        RoadmapPage page(workspace);
        page.startFromLesson41();
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("roadmapList"));
        list->setCurrentItem(list->topLevelItem(0));
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
            other.setDatabaseName(workspace.databasePath());
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN EXCLUSIVE")));
            page.deleteSelected();
            QVERIFY2(page.statusText().contains(QLatin1String("locked")),
                     qPrintable(page.statusText()));
            QVERIFY(page.statusText().contains(workspace.databasePath()));
            QSqlQuery(other).exec(QStringLiteral("ROLLBACK"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
        page.refresh();
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(page.store().roadmaps().first().goals.size(), 3);
    }

    void lessonsShowTheSyllabusAndDay41()
    {
        Workspace workspace(path(QStringLiteral("lessons")));
        LessonsPage page(workspace);
        QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("syllabusList"))->count(), 50);
        page.openDay(41);
        QCOMPARE(page.currentDay(), 41);
        auto *text = page.findChild<QTextBrowser *>(QStringLiteral("lessonText"));
        QVERIFY(text->document()->toPlainText().contains(QLatin1String("336,1M")));
        QVERIFY(hasTable(text->document())); // the 100M/300M/700M table rendered as a table
        QCOMPARE(page.actionLabels().size(), 2);

        QSignalSpy open(&page, &LessonsPage::openScreenRequested);
        page.triggerAction(0);
        page.triggerAction(1);
        QCOMPARE(open.size(), 2);
        QCOMPARE(open[0][0].toString(), QStringLiteral("model"));
        QCOMPARE(open[0][1].toString(), QStringLiteral("az-300m"));
        QCOMPARE(open[1][0].toString(), QStringLiteral("roadmap"));
        QCOMPARE(open[1][1].toString(), QString::fromLatin1(kLesson41TemplateKey));

        page.openDay(2);
        QVERIFY(text->document()->toPlainText().contains(QLatin1String("Unicode")));
        QVERIFY(page.actionLabels().isEmpty());
    }

    void progressAndNotesSurviveARestart()
    {
        const QString root = path(QStringLiteral("progress"));
        {
            Workspace workspace(root);
            LessonsPage page(workspace);
            page.openDay(41);
            page.findChild<QCheckBox *>(QStringLiteral("lessonDone"))->setChecked(true);
            page.findChild<QPlainTextEdit *>(QStringLiteral("lessonNotes"))
                ->setPlainText(QStringLiteral("Beş xəbər saytını seçmək"));
            page.openDay(42); // leaving the day saves its notes at once
        }
        Workspace workspace(root);
        LessonsPage page(workspace);
        auto *list = page.findChild<QListWidget *>(QStringLiteral("syllabusList"));
        QVERIFY(list->item(40)->text().startsWith(QStringLiteral("✓")));
        QVERIFY(!list->item(41)->text().startsWith(QStringLiteral("✓")));
        page.openArgument(QStringLiteral("day-41"));
        QVERIFY(page.findChild<QCheckBox *>(QStringLiteral("lessonDone"))->isChecked());
        QCOMPARE(page.findChild<QPlainTextEdit *>(QStringLiteral("lessonNotes"))->toPlainText(),
                 QStringLiteral("Beş xəbər saytını seçmək"));
    }
};

QTEST_MAIN(TestRoadmapPages)
#include "test_roadmap_pages.moc"
