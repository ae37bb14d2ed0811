// Renders the Fine-tune screen to PNG for a person to look at: both tabs mid-training and the
// chat tab's first-batch preview.
//   QT_QPA_PLATFORM=offscreen finetune_page_shot OUT_DIR [WORKSPACE CHAT_DATA NEWS_DATA]
// Without a workspace it trains a tiny base and writes small datasets of its own.
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

#include "batch_preview_view.h"
#include "chat_test_support.h"
#include "chat_tuning_tab.h"
#include "classify_tab.h"
#include "finetune_fixtures.h"
#include "finetune_page.h"
#include "metric_chart.h"
#include "tuning_run_panel.h"

using namespace azllm::ui;

namespace {

bool save(QWidget &widget, const QString &file)
{
    QApplication::processEvents();
    const bool ok = widget.grab().save(file);
    std::printf("%s%s\n", qPrintable(file), ok ? "" : " (failed)");
    return ok;
}

// Waits for `points` loss points of a running tab, then shoots it and stops the run.
bool shootMidRun(FinetunePage &page, TuningRunPanel *panel, const QString &file, int points)
{
    QSignalSpy ended(&page, &FinetunePage::runEnded);
    for (int waited = 0;
         panel->lossChart()->pointCount(0) < points && ended.isEmpty() && waited < 600000;
         waited += 50)
        QTest::qWait(50);
    const bool ok = save(page, file);
    page.stopRun();
    if (ended.isEmpty())
        ended.wait(600000);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: finetune_page_shot OUT_DIR [WORKSPACE CHAT_DATA NEWS_DATA]\n");
        return 2;
    }
    const QString out = args[1];
    QDir().mkpath(out);
    QTemporaryDir scratch;
    const bool own = args.size() < 5;
    const QString root = own ? scratch.path() + QLatin1String("/ws") : args[2];
    azllm::Workspace workspace(root);
    QString chatData = own ? QString() : args[3], newsData = own ? QString() : args[4];
    if (own) {
        chat_test::trainSampleRun(workspace, QStringLiteral("base-256"), 20);
        chatData = scratch.path() + QLatin1String("/chat.jsonl");
        newsData = scratch.path() + QLatin1String("/news.csv");
        finetune_test::writeChatData(chatData);
        finetune_test::writeNews(newsData, 120);
    }
    FinetunePage page(workspace);
    page.resize(1440, 900);
    page.show();
    bool ok = true;

    page.chatTab()->setDatasetPath(chatData);
    page.previewChatBatch();
    for (int waited = 0; page.chatTab()->previewView()->shownRows() == 0 && waited < 300000;
         waited += 50)
        QTest::qWait(50);
    ok = save(page, out + QLatin1String("/finetune-first-batch.png")) && ok;

    page.startChatTuning();
    ok =
        shootMidRun(page, page.chatTab()->panel(), out + QLatin1String("/finetune-chat.png"), 12) &&
        ok;

    page.openTab(QStringLiteral("classify"));
    page.classifyTab()->setDatasetPath(newsData);
    page.startClassification();
    ok = shootMidRun(page, page.classifyTab()->panel(),
                     out + QLatin1String("/finetune-classify.png"), 40) &&
         ok;
    return ok ? 0 : 1;
}
