// core/chat without widgets: the template and context fitting on the sample tokenizer,
// conversations in studio.db, Markdown export, and the engine adapter on a tiny trained model.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <numeric>

#include "chat_engine.h"
#include "chat_template.h"
#include "chat_test_support.h"
#include "conversation_markdown.h"
#include "conversation_store.h"
#include "incremental_decoder.h"
#include "special_tokens.h"
#include "tokenizer.h"

using namespace azllm;

namespace {

std::vector<int> concat(const std::vector<std::vector<int>> &parts)
{
    std::vector<int> all;
    for (const auto &p : parts)
        all.insert(all.end(), p.begin(), p.end());
    return all;
}

ChatRequest completion(const std::string &text, int tokens, std::uint64_t seed)
{
    ChatRequest r;
    r.mode = ChatMode::Completion;
    r.turns = {{ChatRole::User, text}};
    r.params.maxNewTokens = tokens;
    r.params.seed = seed;
    r.ignoreEndTokens = true; // a fixed length makes the comparisons meaningful
    return r;
}

} // namespace

class TestChatCore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::optional<Tokenizer> m_tokenizer;
    QString m_run;

    ChatEngine engine() { return ChatEngine::load(m_run.toStdString(), "cpu"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(m_dir.path() + QStringLiteral("/ws"));
        m_run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("tiny"));
        m_tokenizer.emplace(
            Tokenizer::load(QString(m_run + QStringLiteral("/tokenizer.model")).toStdString()));
        QVERIFY(hasChatMarkers(*m_tokenizer));
    }

    // ---- template and fitting

    void chatPromptFollowsTheTemplate()
    {
        const Tokenizer &t = *m_tokenizer;
        const std::vector<ChatTurn> turns = {{ChatRole::User, "Salam"},
                                             {ChatRole::Assistant, "Salam, necəsən?"},
                                             {ChatRole::User, "Yaxşıyam."}};
        const FittedPrompt p = fitChatPrompt(t, "Qısa cavab ver.", turns, 1000);
        const std::vector<int> expected = concat({{SpecialTokens::EndOfText, SpecialTokens::System},
                                                  t.encode("Qısa cavab ver."),
                                                  {SpecialTokens::End},
                                                  {SpecialTokens::User},
                                                  t.encode("Salam"),
                                                  {SpecialTokens::End},
                                                  {SpecialTokens::Assistant},
                                                  t.encode("Salam, necəsən?"),
                                                  {SpecialTokens::End},
                                                  {SpecialTokens::User},
                                                  t.encode("Yaxşıyam."),
                                                  {SpecialTokens::End},
                                                  {SpecialTokens::Assistant}});
        QVERIFY(p.tokens == expected);
        QCOMPARE(p.droppedTurns, 0);
        // Without a system prompt there is no system turn at all.
        const FittedPrompt bare = fitChatPrompt(t, "", {turns.back()}, 1000);
        QCOMPARE(bare.tokens[1], SpecialTokens::User);
    }

    void contextFittingDropsWholeOldestTurns()
    {
        const Tokenizer &t = *m_tokenizer;
        const std::string system = "Qısa cavab ver.";
        std::vector<ChatTurn> turns;
        for (int i = 0; i < 6; ++i)
            turns.push_back(
                {i % 2 ? ChatRole::Assistant : ChatRole::User,
                 "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir, mesaj " + std::to_string(i)});
        const std::vector<int> systemIds = encodeTurn(t, {ChatRole::System, system});
        const int perTurn = int(encodeTurn(t, turns[0]).size());
        const int budget =
            1 + int(systemIds.size()) + 3 * perTurn + 2; // room for three turns, not four

        const FittedPrompt p = fitChatPrompt(t, system, turns, budget);
        QVERIFY(int(p.tokens.size()) <= budget);
        // Four turns left out (the fourth, an answer, because its question was gone); the newest
        // user turn stays, whole.
        QCOMPARE(p.droppedTurns, 4);
        std::vector<int> expected = {SpecialTokens::EndOfText};
        expected.insert(expected.end(), systemIds.begin(), systemIds.end());
        for (std::size_t i = 4; i < turns.size(); ++i) {
            const std::vector<int> ids = encodeTurn(t, turns[i]);
            expected.insert(expected.end(), ids.begin(), ids.end());
        }
        expected.push_back(SpecialTokens::Assistant);
        QVERIFY(p.tokens == expected);
    }

    void aMessageLongerThanTheWindowIsAClearError()
    {
        const std::vector<ChatTurn> turns = {{ChatRole::User, std::string(400, 'a')}};
        QVERIFY_THROWS_EXCEPTION(ContextOverflow, fitChatPrompt(*m_tokenizer, "", turns, 32));
        try {
            fitChatPrompt(*m_tokenizer, "", turns, 32);
        } catch (const ContextOverflow &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("at most 32")));
        }
    }

    void completionKeepsTheNewestTokens()
    {
        const std::string text =
            "Bakı Xəzər dənizinin sahilində yerləşir və böyük bir liman şəhəridir.";
        const std::vector<int> ids = m_tokenizer->encode(text);
        const FittedPrompt whole = fitCompletionPrompt(*m_tokenizer, text, 1000);
        QCOMPARE(whole.tokens.front(), SpecialTokens::EndOfText);
        QCOMPARE(whole.droppedTokens, 0);
        const FittedPrompt cut = fitCompletionPrompt(*m_tokenizer, text, 5);
        QCOMPARE(int(cut.tokens.size()), 5);
        QCOMPARE(cut.droppedTokens, int(ids.size()) + 1 - 5);
        QVERIFY(std::equal(cut.tokens.begin(), cut.tokens.end(), ids.end() - 5));
    }

    void promptBudgetLeavesRoomForTheAnswer()
    {
        QCOMPARE(promptBudget(128, 32), 96);
        QCOMPARE(promptBudget(128, 1000), 64); // at most half the window goes to the answer
    }

    void streamingNeverShowsHalfALetter()
    {
        const std::string text = "Əliyev şəhərə gəldi: ğ ü ö ç ş ı ə 😀";
        IncrementalDecoder decoder(*m_tokenizer);
        std::string streamed;
        for (int id : m_tokenizer->encode(text)) {
            const std::string piece = decoder.push(id);
            QVERIFY(piece.find("\xEF\xBF\xBD") == std::string::npos);
            streamed += piece;
        }
        QCOMPARE(QString::fromStdString(streamed), QString::fromStdString(text));
        QCOMPARE(QString::fromStdString(decoder.text()), QString::fromStdString(text));
    }

    // ---- conversations in studio.db

    void conversationsAreStoredSearchedAndSurviveReopening()
    {
        const QString path = m_dir.path() + QStringLiteral("/conversations.db");
        qint64 id = 0;
        {
            StudioDatabase db(path);
            ConversationStore store(db);
            ConversationRecord c;
            c.title = QStringLiteral("Kitablar");
            c.systemPrompt = QStringLiteral("Qısa cavab ver.");
            id = store.createConversation(c);
            MessageRecord m;
            m.conversationId = id;
            m.content = QStringLiteral("Ən sevdiyin kitabları de.");
            store.appendMessage(m);
            m.role = QStringLiteral("assistant");
            m.content = QStringLiteral("Nizaminin «Xəmsə»si və Füzulinin «Leyli və Məcnun»u.");
            m.generatedTokens = 17;
            m.tokensPerSecond = 42.5;
            store.appendMessage(m);
            ConversationRecord other;
            other.title = QStringLiteral("Hava");
            const qint64 otherId = store.createConversation(other);
            m = MessageRecord{};
            m.conversationId = otherId;
            m.content = QStringLiteral("Bakıda hava necədir?");
            store.appendMessage(m);
            store.rename(id, QStringLiteral("Sevimli kitablar"));
        }
        StudioDatabase db(path);
        ConversationStore store(db);
        QCOMPARE(store.conversations().size(), 2);
        const auto c = store.conversation(id);
        QVERIFY(c.has_value());
        QCOMPARE(c->title, QStringLiteral("Sevimli kitablar"));
        QCOMPARE(c->messageCount, 2);
        const QVector<MessageRecord> messages = store.messages(id);
        QCOMPARE(messages[1].role, QStringLiteral("assistant"));
        QCOMPARE(messages[1].position, 1);
        QCOMPARE(messages[1].generatedTokens, 17);

        // A stem finds its suffixed forms, in any letter case; Azerbaijani letters included.
        QVector<SearchHit> hits = store.search(QStringLiteral("kitab"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].conversationId, id);
        QVERIFY(hits[0].snippet.contains(QStringLiteral("[kitab]")));
        QCOMPARE(store.search(QStringLiteral("Məcnun")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("XƏMSƏ")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("hava")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("kitab hava")).size(), 0); // every word must match
        QCOMPARE(store.search(QStringLiteral("və")).size(), 1); // short words: the plain scan
        QCOMPARE(store.search(QStringLiteral("\"; DROP")).size(),
                 0); // FTS syntax is never interpreted

        store.truncate(id, 1);
        QCOMPARE(store.messages(id).size(), 1);
        QCOMPARE(store.search(QStringLiteral("Məcnun")).size(), 0);
        store.deleteConversation(id);
        QVERIFY(!store.conversation(id).has_value());
        QCOMPARE(store.search(QStringLiteral("kitab")).size(), 0);
        QCOMPARE(store.conversations().size(), 1);
    }

    void markdownExportIsCompleteAndAtomic()
    {
        ConversationRecord c;
        c.title = QStringLiteral("Salamlaşma");
        c.systemPrompt = QStringLiteral("Nəzakətli ol.");
        MessageRecord user;
        user.content = QStringLiteral("Salam!\n# not a heading");
        MessageRecord answer;
        answer.role = QStringLiteral("assistant");
        answer.content = QStringLiteral("Salam, xoş gəldiniz.");
        answer.generatedTokens = 6;
        answer.tokensPerSecond = 30;
        const QString path = m_dir.path() + QStringLiteral("/export.md");
        writeConversationMarkdown(path, c, {user, answer});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(file.readAll());
        QVERIFY(md.startsWith(QStringLiteral("# Salamlaşma\n")));
        QVERIFY(md.contains(QStringLiteral("## System\n\n> Nəzakətli ol.")));
        QVERIFY(md.contains(QStringLiteral("## You\n\n> Salam!\n> # not a heading")));
        QVERIFY(md.contains(QStringLiteral("## Model\n\n> Salam, xoş gəldiniz.")));
        QVERIFY(md.contains(QStringLiteral("*6 tokens, 30.0 tokens/s")));

        const QString bad = m_dir.path() + QStringLiteral("/no/such/folder/export.md");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeConversationMarkdown(bad, c, {user}));
        QVERIFY(!QFile::exists(bad));
    }

    // ---- the engine adapter

    void aMissingTokenizerIsAClearError()
    {
        const QString run =
            chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/no-tokenizer"));
        try {
            ChatEngine::load(run.toStdString(), "cpu");
            QFAIL("a checkpoint without tokenizer.model loaded");
        } catch (const ChatError &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("tokenizer.model")) && message.contains(run),
                     e.what());
        }
    }

    void aTokenizerLargerThanTheModelIsAClearError()
    {
        const QString run =
            chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/mismatch"));
        QVERIFY(QFile::copy(m_run + QStringLiteral("/tokenizer.model"),
                            run + QStringLiteral("/tokenizer.model")));
        try {
            ChatEngine::load(run.toStdString(), "cpu");
            QFAIL("a tokenizer larger than the model's vocabulary was accepted");
        } catch (const ChatError &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("Vocabulary mismatch")) &&
                         message.contains(QString::number(m_tokenizer->vocabSize())) &&
                         message.contains(QStringLiteral("only 64")),
                     e.what());
        }
    }

    void aDamagedTokenizerIsAClearError()
    {
        const QString run = chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/damaged"));
        QFile file(run + QStringLiteral("/tokenizer.model"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a sentencepiece model");
        file.close();
        QVERIFY_THROWS_EXCEPTION(ChatError, ChatEngine::load(run.toStdString(), "cpu"));
    }

    void topK1EqualsGreedy()
    {
        ChatEngine e = engine();
        ChatRequest greedy = completion("Azərbaycan", 24, 1);
        greedy.params.sampling.temperature = 0;
        ChatRequest topOne = completion("Azərbaycan", 24, 99);
        topOne.params.sampling.temperature = 1.3;
        topOne.params.sampling.topK = 1;
        topOne.params.sampling.topP = 1.0;
        const ChatReply a = e.reply(greedy);
        const ChatReply b = e.reply(topOne);
        QCOMPARE(int(a.tokens.size()), 24);
        QVERIFY(a.tokens == b.tokens);
    }

    void aFixedSeedReproducesTheConversation()
    {
        ChatEngine e = engine();
        ChatRequest r;
        r.systemPrompt = "Qısa cavab ver.";
        r.turns = {{ChatRole::User, "Salam!"}};
        r.params.maxNewTokens = 20;
        r.params.seed = 5;
        r.params.sampling.temperature = 1.0;
        r.ignoreEndTokens = true;
        const ChatReply first = e.reply(r);
        r.turns.push_back({ChatRole::Assistant, first.text});
        r.turns.push_back({ChatRole::User, "Bakı haqqında danış."});
        const ChatReply second = e.reply(r);

        ChatEngine again = engine(); // a fresh load, as after a restart
        r.turns.resize(1);
        const ChatReply firstAgain = again.reply(r);
        QVERIFY(firstAgain.tokens == first.tokens);
        r.turns.push_back({ChatRole::Assistant, firstAgain.text});
        r.turns.push_back({ChatRole::User, "Bakı haqqında danış."});
        QVERIFY(again.reply(r).tokens == second.tokens);
        // The seed matters: at temperature 1 another seed gives another answer.
        r.params.seed = 6;
        QVERIFY(again.reply(r).tokens != second.tokens);
    }

    void theCallbackStopsAtOnce()
    {
        ChatEngine e = engine();
        int seen = 0;
        const ChatReply reply = e.reply(completion("Azərbaycan", 100, 3),
                                        [&](int, const std::string &) { return ++seen < 3; });
        QCOMPARE(seen, 3);
        QCOMPARE(int(reply.tokens.size()), 3);
        QVERIFY(reply.stoppedByCaller);
    }

    void chatModeEndsAtTheEndMarker()
    {
        ChatEngine e = engine();
        ChatRequest r;
        r.turns = {{ChatRole::User, "Salam!"}};
        r.params.maxNewTokens = 200;
        r.params.seed = 1;
        const ChatReply reply = e.reply(r);
        // Whatever ended it, no marker or end-of-text is ever part of an answer.
        for (int id : reply.tokens)
            QVERIFY(!endsAnswer(id, ChatMode::Chat));
        QVERIFY(reply.endToken == -1 ? int(reply.tokens.size()) == 200
                                     : endsAnswer(reply.endToken, ChatMode::Chat));
        QCOMPARE(reply.promptTokens.back(), SpecialTokens::Assistant);
    }
};

QTEST_GUILESS_MAIN(TestChatCore)
#include "test_chat_core.moc"
