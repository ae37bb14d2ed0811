// Renders the Chat screen to PNG files so a person can look at it:
//   QT_QPA_PLATFORM=offscreen chat_page_shot OUT_DIR [CHECKPOINT_OR_RUN]
// writes chat_completion.png, chat_chat.png and chat_explain.png. Without a checkpoint it trains
// a tiny model in a temporary workspace (its text is gibberish, but every part of the screen
// shows).
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

#include "chat_page.h"
#include "chat_test_support.h"
#include "conversation_view.h"
#include "runtime.h"
#include "sampling_panel.h"

using namespace azllm::ui;

namespace {

bool wait(QSignalSpy &spy)
{
    return spy.count() > 0 || spy.wait(300000);
}

bool ask(ChatPage &page, const QString &text)
{
    QSignalSpy finished(&page, &ChatPage::answerFinished);
    page.send(text);
    return wait(finished);
}

bool save(ChatPage &page, const QString &path)
{
    QApplication::processEvents(); // lets the layout and QCustomPlot's queued replot settle
    QApplication::processEvents();
    const bool ok = page.grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "could not write ") << path << '\n';
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    azllm::initializeRuntime();
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        QTextStream(stderr) << "usage: chat_page_shot OUT_DIR [CHECKPOINT_OR_RUN]\n";
        return 2;
    }
    const QDir out(args[0]);
    QDir().mkpath(out.path());
    QTemporaryDir dir;
    azllm::Workspace workspace(dir.path());
    const QString checkpoint =
        args.size() > 1 ? args[1]
                        : chat_test::trainSampleRun(workspace, QStringLiteral("tiny"), 60);

    ChatPage page(workspace);
    page.resize(1360, 860);
    page.show();
    QSignalSpy ready(&page, &ChatPage::checkpointReady);
    page.setCheckpoint(checkpoint);
    if (!wait(ready) || !ready.first().first().toBool()) {
        QTextStream(stderr) << "cannot load " << checkpoint << "\n";
        return 1;
    }
    page.samplingPanel()->setSeed(7, true);
    page.samplingPanel()->setMaxNewTokens(60);
    page.samplingPanel()->setRepetitionPenalty(1.1);

    page.setMode(azllm::ChatMode::Completion);
    if (!ask(page, QStringLiteral("Azərbaycan")) || !ask(page, QStringLiteral("Bakı şəhəri")))
        return 1;
    bool ok = save(page, out.filePath(QStringLiteral("chat_completion.png")));

    QSignalSpy shown(&page, &ChatPage::explanationShown);
    page.explainToken(page.conversation()->count() - 1, 3);
    ok = wait(shown) && save(page, out.filePath(QStringLiteral("chat_explain.png"))) && ok;

    page.setExplainMode(false);
    page.newConversation();
    page.setMode(azllm::ChatMode::Chat);
    page.setSystemPrompt(QStringLiteral("Qısa və nəzakətli cavab ver."));
    page.samplingPanel()->setMaxNewTokens(40);
    if (!ask(page, QStringLiteral("Salam! Azərbaycan haqqında nə bilirsən?")) ||
        !ask(page, QStringLiteral("Paytaxtı hansı şəhərdir?")))
        return 1;
    ok = save(page, out.filePath(QStringLiteral("chat_chat.png"))) && ok;
    return ok ? 0 : 1;
}
