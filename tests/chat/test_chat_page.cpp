// The Chat screen driven as a learner drives it, through the real worker thread, on a tiny
// model trained in seconds on the sample dataset.
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numeric>

#include "chat_engine.h"
#include "chat_page.h"
#include "chat_test_support.h"
#include "conversation_list.h"
#include "conversation_view.h"
#include "explain_panel.h"
#include "sampler.h"
#include "sampling_panel.h"
#include "special_tokens.h"

using namespace azllm;
using namespace azllm::ui;

namespace {

constexpr int kWaitMs = 120000;

bool loadInto(ChatPage &page, const QString &checkpoint, QString *message = nullptr)
{
    QSignalSpy ready(&page, &ChatPage::checkpointReady);
    page.setCheckpoint(checkpoint);
    if (!ready.wait(kWaitMs))
        return false;
    if (message)
        *message = ready.first().at(1).toString();
    return ready.first().first().toBool();
}

// Sends text and waits for the answer; the reply, or nullopt when none came.
std::optional<ReplySummary> ask(ChatPage &page, const QString &text)
{
    QSignalSpy finished(&page, &ChatPage::answerFinished);
    page.send(text);
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<ReplySummary>();
}

std::optional<ReplySummary> regenerate(ChatPage &page)
{
    QSignalSpy finished(&page, &ChatPage::answerFinished);
    page.regenerate();
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<ReplySummary>();
}

void useFixedSampling(ChatPage &page, int maxNewTokens, quint64 seed)
{
    SamplingPanel *s = page.samplingPanel();
    s->setTemperature(0.9);
    s->setTopK(40);
    s->setTopP(0.95);
    s->setRepetitionPenalty(1.1);
    s->setMaxNewTokens(maxNewTokens);
    s->setSeed(seed, true);
}

} // namespace

class TestChatPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_run;
    QString m_checkpoint;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(m_dir.path());
        m_run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("tiny"));
        m_checkpoint = QString::fromStdString(resolveCheckpointDir(m_run.toStdString()));
    }

    void listsTheWorkspaceCheckpointsAndLoadsOne()
    {
        ChatPage page(*m_workspace);
        QVERIFY(loadInto(page, m_run));
        QVERIFY(page.isCheckpointLoaded());
        QVERIFY(page.findChild<QWidget *>(QStringLiteral("modelInfo")) != nullptr);
    }

    void streamingStopsWithinOneTokenOfStop()
    {
        ChatPage page(*m_workspace);
        QVERIFY(loadInto(page, m_checkpoint));
        page.setMode(ChatMode::Completion);
        useFixedSampling(page, 4000, 3);
        QSignalSpy finished(&page, &ChatPage::answerFinished);
        int shownAtStop = -1;
        connect(&page, &ChatPage::tokenShown, &page, [&](int shown) {
            if (shownAtStop < 0) {
                shownAtStop = shown;
                page.stop();
            }
        });
        page.send(QStringLiteral("Azərbaycan"));
        QVERIFY(page.isGenerating());
        QVERIFY(finished.wait(kWaitMs));
        const auto reply = finished.first().first().value<ReplySummary>();
        const int atStop = page.worker()->tokensAtStop();
        QVERIFY(atStop >= shownAtStop);
        // The token being generated when Stop arrived may finish; no further one starts.
        QVERIFY2(reply.generatedTokens <= atStop + 1,
                 qPrintable(QStringLiteral("%1 tokens after Stop at %2")
                                .arg(reply.generatedTokens)
                                .arg(atStop)));
        QVERIFY(reply.generatedTokens < 4000);
        QVERIFY(!page.isGenerating());
        QVERIFY(page.conversation()->footer(1).contains(QStringLiteral("tokens/s")));
    }

    void explainShowsTheEnginesProbabilities()
    {
        ChatPage page(*m_workspace);
        QVERIFY(loadInto(page, m_checkpoint));
        page.setMode(ChatMode::Completion);
        useFixedSampling(page, 12, 11);
        const auto reply = ask(page, QStringLiteral("Bakı şəhəri"));
        QVERIFY(reply.has_value());
        QVERIFY(reply->tokens.size() >= 3);

        // A click on the third token chip of the answer, as the learner makes it.
        page.setExplainMode(true);
        QLabel *chips = nullptr;
        for (QLabel *label : page.findChild<QWidget *>(QStringLiteral("assistantMessage"))
                                 ->findChildren<QLabel *>())
            if (label->textFormat() == Qt::RichText)
                chips = label;
        QVERIFY(chips != nullptr);
        QVERIFY(chips->text().contains(QStringLiteral("href=\"2\"")));
        QSignalSpy shown(&page, &ChatPage::explanationShown);
        Q_EMIT chips->linkActivated(QStringLiteral("2"));
        QVERIFY(shown.wait(kWaitMs));
        const QVector<double> raw = page.explainPanel()->rawProbabilities();
        const QVector<double> sampled = page.explainPanel()->sampledProbabilities();
        QCOMPARE(std::abs(std::accumulate(raw.begin(), raw.end(), 0.0) - 1.0) < 1e-4, true);
        QCOMPARE(std::abs(std::accumulate(sampled.begin(), sampled.end(), 0.0) - 1.0) < 1e-4, true);
        QCOMPARE(page.explainPanel()->candidates().size(), kExplainCandidates);
        QCOMPARE(page.explainPanel()->chosenToken(), reply->tokens[2]);

        // The same position through the engine directly: the prompt and the answer's first two
        // tokens.
        const QVector<int> expectedContext = reply->promptTokens + reply->tokens.mid(0, 2);
        QCOMPARE(page.explainPanel()->context(), expectedContext);
        ChatEngine engine = ChatEngine::load(m_checkpoint.toStdString(), "cpu");
        // The model saw exactly the learner's text after </s>.
        const std::vector<int> prompt =
            fitCompletionPrompt(engine.tokenizer(), "Bakı şəhəri", 1000).tokens;
        QCOMPARE(reply->promptTokens, QVector<int>(prompt.begin(), prompt.end()));
        const std::vector<int> context(expectedContext.begin(), expectedContext.end());
        const std::vector<float> reference =
            softmax(engine.nextTokenLogits(context, context.size() - 1), 1.0);
        QCOMPARE(raw.size(), int(reference.size()));
        for (int i = 0; i < raw.size(); ++i)
            QVERIFY2(std::abs(raw[i] - reference[std::size_t(i)]) < 1e-6,
                     qPrintable(QString::number(i)));
        // Bars in order of the model's own preference.
        for (int i = 1; i < kExplainCandidates; ++i)
            QVERIFY(raw[page.explainPanel()->candidates()[i - 1]] >=
                    raw[page.explainPanel()->candidates()[i]]);
        // The token generated was possible under the settings it was sampled with.
        QVERIFY(sampled[reply->tokens[2]] > 0);

        // Moving the controls reshapes the sampled bars, never the model's own.
        page.samplingPanel()->setTopP(1.0);
        page.samplingPanel()->setRepetitionPenalty(1.0);
        page.samplingPanel()->setTopK(3);
        const QVector<double> topThree = page.explainPanel()->sampledProbabilities();
        QCOMPARE(
            int(std::count_if(topThree.begin(), topThree.end(), [](double p) { return p > 0; })),
            3);
        QVERIFY(std::abs(std::accumulate(topThree.begin(), topThree.end(), 0.0) - 1.0) < 1e-4);
        QCOMPARE(page.explainPanel()->rawProbabilities(), raw);
        page.samplingPanel()->setTopK(1);
        const QVector<double> greedy = page.explainPanel()->sampledProbabilities();
        QCOMPARE(greedy[page.explainPanel()->candidates()[0]], 1.0);
    }

    void closingThePageMidAnswerIsSafe()
    {
        auto page = std::make_unique<ChatPage>(*m_workspace);
        QVERIFY(loadInto(*page, m_checkpoint));
        page->setMode(ChatMode::Completion);
        useFixedSampling(*page, 4000, 5);
        QSignalSpy shown(page.get(), &ChatPage::tokenShown);
        page->send(QStringLiteral("Azərbaycan"));
        QVERIFY(shown.wait(kWaitMs));
        page.reset(); // stops the answer at its next token and waits for the worker
        QVERIFY(true);
    }

    void aFixedSeedReproducesTheConversation()
    {
        QStringList answers;
        for (int round = 0; round < 2; ++round) {
            ChatPage page(*m_workspace);
            QVERIFY(loadInto(page, m_checkpoint));
            page.setMode(ChatMode::Completion);
            useFixedSampling(page, 16, 42);
            const auto first = ask(page, QStringLiteral("Azərbaycan"));
            QVERIFY(first.has_value());
            const auto again = regenerate(page);
            QVERIFY(again.has_value());
            QCOMPARE(again->tokens, first->tokens); // Regenerate with a fixed seed: the same answer
            answers << first->text;
            QCOMPARE(page.conversation()->count(), 2);
        }
        QCOMPARE(answers[0], answers[1]);
    }

    void editingAPastMessageRewritesFromThere()
    {
        ChatPage page(*m_workspace);
        QVERIFY(loadInto(page, m_checkpoint));
        page.setMode(ChatMode::Completion);
        useFixedSampling(page, 8, 1);
        QVERIFY(ask(page, QStringLiteral("Birinci")).has_value());
        QVERIFY(ask(page, QStringLiteral("İkinci")).has_value());
        QCOMPARE(page.conversation()->count(), 4);
        QSignalSpy finished(&page, &ChatPage::answerFinished);
        page.editAndResend(0, QStringLiteral("Dəyişdirilmiş"));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(page.conversation()->count(), 2);
        QCOMPARE(page.conversation()->text(0), QStringLiteral("Dəyişdirilmiş"));
        ConversationStore store(m_workspace->database());
        QCOMPARE(store.messages(*page.conversationId()).size(), 2);
    }

    void theDroppedTurnsNoteAppearsWhenTheContextIsFull()
    {
        ChatPage page(*m_workspace);
        QVERIFY(loadInto(page, m_checkpoint));
        page.setMode(ChatMode::Chat);
        QCOMPARE(page.mode(), ChatMode::Chat);
        page.setSystemPrompt(QStringLiteral("Qısa cavab ver."));
        useFixedSampling(page, 8, 2);
        std::optional<ReplySummary> reply;
        for (int i = 0; i < 6 && !(reply && reply->droppedTurns > 0); ++i) {
            reply = ask(page, QStringLiteral("Azərbaycanın paytaxtı Bakıdır, sual %1").arg(i));
            QVERIFY(reply.has_value());
        }
        QVERIFY(reply->droppedTurns > 0);
        // The prompt ends with the newest question, whole, then opens the answer: no empty turn.
        ChatEngine engine = ChatEngine::load(m_checkpoint.toStdString(), "cpu");
        std::vector<int> tail =
            encodeTurn(engine.tokenizer(),
                       {ChatRole::User,
                        page.conversation()->text(page.conversation()->count() - 2).toStdString()});
        tail.push_back(SpecialTokens::Assistant);
        QVERIFY(reply->promptTokens.size() > qsizetype(tail.size()));
        QCOMPARE(reply->promptTokens.mid(reply->promptTokens.size() - qsizetype(tail.size())),
                 QVector<int>(tail.begin(), tail.end()));
        QCOMPARE(reply->promptTokens.mid(0, 2),
                 QVector<int>({SpecialTokens::EndOfText, SpecialTokens::System}));
        const QString note = page.conversation()->contextNote(page.conversation()->count() - 1);
        QVERIFY2(note.contains(QStringLiteral("left out")), qPrintable(note));
        QVERIFY(int(reply->promptTokens.size()) <= promptBudget(64, 8));
    }

    void conversationsSurviveARestart()
    {
        qint64 id = 0;
        QStringList texts;
        {
            ChatPage page(*m_workspace);
            QVERIFY(loadInto(page, m_checkpoint));
            page.setMode(ChatMode::Completion);
            useFixedSampling(page, 8, 4);
            QVERIFY(ask(page, QStringLiteral("Qobustanlılarımız")).has_value());
            id = *page.conversationId();
            for (int i = 0; i < page.conversation()->count(); ++i)
                texts << page.conversation()->text(i);
        }
        m_workspace.reset();
        m_workspace = std::make_unique<Workspace>(m_dir.path());
        ChatPage page(*m_workspace);
        ConversationList *list = page.conversationList();
        QVERIFY(list->rowCount() >= 1);
        page.openConversation(id);
        QCOMPARE(page.conversation()->count(), texts.size());
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(page.conversation()->text(i), texts[i]);
        QVERIFY(page.conversation()->footer(1).contains(QStringLiteral("tokens/s")));

        list->search(
            QStringLiteral("qobustanlılar")); // an Azerbaijani word, lower case, inside the message
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->selectedId().value_or(id), id);
        list->renameConversation(id, QStringLiteral("Kitabxana söhbəti"));
        const QString md = m_dir.path() + QStringLiteral("/chat.md");
        list->exportConversation(id, md);
        QFile file(md);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(
            QString::fromUtf8(file.readAll()).startsWith(QStringLiteral("# Kitabxana söhbəti")));
        list->search(QString());
        const int before = list->rowCount();
        list->deleteConversation(id);
        QCOMPARE(list->rowCount(), before - 1);
        QCOMPARE(page.conversation()->count(), 0); // the open conversation was the one deleted
    }

    void brokenCheckpointsGetAClearMessage()
    {
        ChatPage page(*m_workspace);
        const QString noTokenizer =
            chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/no-tokenizer"));
        QString message;
        QVERIFY(!loadInto(page, noTokenizer, &message));
        QVERIFY2(message.contains(QStringLiteral("tokenizer.model")), qPrintable(message));
        QCOMPARE(page.statusText(), message);
        QVERIFY(!page.isCheckpointLoaded());

        const QString mismatch =
            chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/mismatch"));
        QVERIFY(QFile::copy(m_run + QStringLiteral("/tokenizer.model"),
                            mismatch + QStringLiteral("/tokenizer.model")));
        QVERIFY(!loadInto(page, mismatch, &message));
        QVERIFY2(message.contains(QStringLiteral("Vocabulary mismatch")), qPrintable(message));

        // Sending now explains itself instead of crashing, and a good checkpoint still loads.
        page.send(QStringLiteral("Salam"));
        QVERIFY(page.statusText().contains(QStringLiteral("Load a checkpoint")));
        QVERIFY(loadInto(page, m_checkpoint));
    }
};

QTEST_MAIN(TestChatPage)
#include "test_chat_page.moc"
