// Renders the Fine-tune screen to PNG for a person to look at: both tabs mid-training and the
// chat tab's first-batch preview, in Azerbaijani as the studio starts (--lang en for English).
//   QT_QPA_PLATFORM=offscreen finetune_page_shot OUT_DIR [WORKSPACE CHAT_DATA NEWS_DATA]
// Without a workspace it trains a tiny base and writes small datasets of its own.
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "batch_preview_view.h"
#include "chat_test_support.h"
#include "chat_tuning_tab.h"
#include "classify_tab.h"
#include "finetune_fixtures.h"
#include "finetune_page.h"
#include "metric_chart.h"
#include "shot_tool.h"
#include "tuning_run_panel.h"

using namespace azllm::ui;

namespace {

// Waits for `points` loss points of a running tab, then shoots it and stops the run.
bool shootMidRun(const ShotTool &tool, FinetunePage &page, TuningRunPanel *panel,
                 const QString &file, int points)
{
    QSignalSpy ended(&page, &FinetunePage::runEnded);
    for (int waited = 0;
         panel->lossChart()->pointCount(0) < points && ended.isEmpty() && waited < 600000;
         waited += 50)
        QTest::qWait(50);
    const bool ok = tool.save(page, file);
    page.stopRun();
    if (ended.isEmpty())
        ended.wait(600000);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const ShotTool tool("finetune_page_shot", "OUT_DIR [WORKSPACE CHAT_DATA NEWS_DATA]", 0, 3);
    if (!tool.ok() || tool.extra().size() % 3 != 0)
        return 2;
    const bool own = tool.extra().isEmpty();
    azllm::Workspace workspace(own ? tool.scratch() + QLatin1String("/ws") : tool.extra()[0]);
    const QString chatData = own ? tool.scratch() + QLatin1String("/chat.jsonl") : tool.extra()[1];
    const QString newsData = own ? tool.scratch() + QLatin1String("/news.csv") : tool.extra()[2];
    if (own) {
        chat_test::trainSampleRun(workspace, QStringLiteral("base-256"), 20);
        finetune_test::writeChatData(chatData);
        finetune_test::writeNews(newsData, 120);
    }
    FinetunePage page(workspace);
    page.resize(1440, 900);
    page.show();

    page.chatTab()->setDatasetPath(chatData);
    page.previewChatBatch();
    for (int waited = 0; page.chatTab()->previewView()->shownRows() == 0 && waited < 300000;
         waited += 50)
        QTest::qWait(50);
    bool ok = tool.save(page, QStringLiteral("finetune-first-batch.png"));

    page.startChatTuning();
    ok =
        shootMidRun(tool, page, page.chatTab()->panel(), QStringLiteral("finetune-chat.png"), 12) &&
        ok;

    page.openTab(QStringLiteral("classify"));
    page.classifyTab()->setDatasetPath(newsData);
    page.startClassification();
    // Past the first epoch (70 steps on the sample news), so its scores and matrix show.
    ok = shootMidRun(tool, page, page.classifyTab()->panel(),
                     QStringLiteral("finetune-classify.png"), 80) &&
         ok;
    return ok ? 0 : 1;
}
