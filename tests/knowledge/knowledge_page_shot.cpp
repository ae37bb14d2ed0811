// Renders the Knowledge screen and a chat answer with sources to PNG so a person can look at
// them:
//   QT_QPA_PLATFORM=offscreen knowledge_page_shot OUT_DIR [CHECKPOINT_OR_RUN]
// writes knowledge.png (the default base, a search), chat_sources.png (a grounded answer, its
// sources and citations) and chat_prompt.png (the exact prompt), chat_nothing.png (a question
// the base cannot answer), in Azerbaijani as the studio starts (--lang en for English). The
// workspace is temporary; the default base is whatever this machine has (the UDHR when it was
// fetched). Without a checkpoint it trains a tiny model.
#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextStream>

#include "chat_page.h"
#include "chat_test_support.h"
#include "knowledge_page.h"
#include "retrieval_panel.h"
#include "runtime.h"
#include "sampling_panel.h"
#include "shot_tool.h"

using namespace azllm::ui;

namespace {

constexpr int kWaitMs = 300000;

bool ask(ChatPage &page, const QString &text)
{
    QSignalSpy finished(&page, &ChatPage::answerFinished);
    page.send(text);
    return finished.wait(kWaitMs);
}

bool shootKnowledgePage(azllm::Workspace &workspace, const ShotTool &tool)
{
    azllm::ui::KnowledgePage page(workspace);
    page.resize(1360, 860);
    page.show();
    QSignalSpy changed(&page, &azllm::ui::KnowledgePage::basesChanged);
    if (page.baseCount() == 0 && !changed.wait(kWaitMs))
        return false;
    QSignalSpy searched(&page, &azllm::ui::KnowledgePage::searchFinished);
    page.search(QStringLiteral("Fikrimi azad ifadə etmək hüququm varmı?"));
    return searched.wait(kWaitMs) && tool.save(page, QStringLiteral("knowledge.png"));
}

bool shootChat(azllm::Workspace &workspace, const QString &checkpoint, const ShotTool &tool)
{
    ChatPage page(workspace);
    page.resize(1360, 860);
    page.show();
    QSignalSpy ready(&page, &ChatPage::checkpointReady);
    page.setCheckpoint(checkpoint);
    if (!ready.wait(kWaitMs) || !ready.first().first().toBool()) {
        QTextStream(stderr) << "cannot load " << checkpoint << "\n";
        return false;
    }
    page.setMode(azllm::ChatMode::Completion);
    page.samplingPanel()->setSeed(7, true);
    page.samplingPanel()->setMaxNewTokens(40);
    azllm::ui::RetrievalPanel *panel = page.retrievalPanel();
    panel->setActive(true);
    if (!ask(page, QStringLiteral("İşgəncəyə məruz qalmamaq hüququm varmı?")))
        return false;
    bool ok = tool.save(page, QStringLiteral("chat_sources.png"));
    if (auto *tabs = panel->findChild<QTabWidget *>()) {
        tabs->setCurrentIndex(tabs->count() - 1);
        ok = tool.save(page, QStringLiteral("chat_prompt.png")) && ok;
        tabs->setCurrentIndex(0);
    }
    ok = ask(page, QStringLiteral("Sabah Bakıda hava necə olacaq?")) &&
         tool.save(page, QStringLiteral("chat_nothing.png")) && ok;
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const ShotTool tool("knowledge_page_shot", "OUT_DIR [CHECKPOINT_OR_RUN]", 0, 1);
    if (!tool.ok())
        return 2;
    azllm::initializeRuntime();
    azllm::Workspace workspace(tool.scratch());
    const QString checkpoint =
        !tool.extra().isEmpty() ? tool.extra().front()
                                : chat_test::trainSampleRun(workspace, QStringLiteral("tiny"), 60);
    const bool ok = shootKnowledgePage(workspace, tool) && shootChat(workspace, checkpoint, tool);
    return ok ? 0 : 1;
}
