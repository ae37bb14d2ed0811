// What needs a trained model: dense vectors from a checkpoint (stored, recomputed when the
// weights change, searched, fused), and prompts that quote sources within the model's window.
#include <QTemporaryDir>
#include <QtTest>

#include "chat_engine.h"
#include "chat_test_support.h"
#include "citations.h"
#include "dense_index.h"
#include "grounded_prompt.h"
#include "knowledge_error.h"
#include "knowledge_importer.h"
#include "knowledge_test_support.h"
#include "retriever.h"
#include "special_tokens.h"
#include "tokenizer.h"

using namespace azllm;
using namespace knowledge_test;

class TestKnowledgeDense : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<KnowledgeStore> m_store;
    QString m_run;
    qint64 m_base = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("ws")));
        m_store = std::make_unique<KnowledgeStore>(m_workspace->database());
        m_run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("tiny"), 20);
        m_base = m_store->createBase(QStringLiteral("law"));
        QCOMPARE(KnowledgeImporter(*m_store, m_base).import({fixturePath()}).added, 1);
    }

    void vectorsAreStoredAndSearched()
    {
        DenseIndex index(m_run);
        QVERIFY(index.checkpoint().endsWith(QStringLiteral("step-00000020")));
        QVERIFY(!index.isCurrent(*m_store->base(m_base)));
        QVector<int> seen;
        const int computed = index.update(*m_store, m_base, [&](int done, int) {
            seen << done;
            return true;
        });
        const KnowledgeBaseRecord base = *m_store->base(m_base);
        QCOMPARE(computed, base.chunks);
        QCOMPARE(base.vectors, base.chunks);
        QCOMPARE(base.embeddingCheckpoint, index.checkpoint());
        QVERIFY(index.isCurrent(base));
        QCOMPARE(seen.back(), base.chunks);
        QCOMPARE(DenseIndex::fromBlob(m_store->vectors(m_base).front().second).size(),
                 std::size_t(index.dimension()));

        const Retriever retriever(*m_store, base, &index);
        const QString question = QStringLiteral("Elektron oxucu biletini itirsəm nə olar?");
        const QVector<RetrievedChunk> dense = retriever.search(question, RetrievalMode::Dense, 4);
        QCOMPARE(dense.size(), 4);
        for (int i = 1; i < dense.size(); ++i)
            QVERIFY(dense[i - 1].score >= dense[i].score);
        QVERIFY(dense[0].score <= 1.0 + 1e-6);
        // Hybrid holds morph's best chunk among its own best (reciprocal rank fusion).
        const QVector<RetrievedChunk> morph = retriever.search(question, RetrievalMode::Morph, 1);
        const QVector<RetrievedChunk> hybrid = retriever.search(question, RetrievalMode::Hybrid, 3);
        QCOMPARE(hybrid.size(), 3);
        QVERIFY(std::any_of(hybrid.begin(), hybrid.end(), [&](const RetrievedChunk &c) {
            return c.chunk.id == morph[0].chunk.id;
        }));
        // Without vectors a dense search says what is missing instead of guessing.
        QVERIFY_THROWS_EXCEPTION(
            KnowledgeError, Retriever(*m_store, base).search(question, RetrievalMode::Dense, 3));
    }

    void newDocumentsGetVectorsAndNewWeightsReplaceThemAll()
    {
        DenseIndex index(m_run);
        index.update(*m_store, m_base);
        writeFile(m_dir.filePath(QStringLiteral("extra.md")),
                  QByteArrayLiteral("# Əlavə\n\nMaddə 1. Oxu zalı\nOxu zalı hər gün açıqdır.\n"));
        const int before = m_store->base(m_base)->chunks;
        KnowledgeImporter(*m_store, m_base).import({m_dir.filePath(QStringLiteral("extra.md"))});
        const int added = m_store->base(m_base)->chunks - before;
        QVERIFY(added > 0);
        QVERIFY(!index.isCurrent(*m_store->base(m_base)));
        QCOMPARE(index.update(*m_store, m_base), added); // only the new chunks

        // Other weights (another run): the old vectors are stale and all are computed again.
        const QString retrained =
            chat_test::trainSampleRun(*m_workspace, QStringLiteral("other"), 5);
        const std::unique_ptr<DenseIndex> other = openDenseIndex(*m_store, m_base, retrained);
        const KnowledgeBaseRecord base = *m_store->base(m_base);
        QVERIFY(base.embeddingSignature == other->signature());
        QVERIFY(base.embeddingSignature != index.signature());
        QCOMPARE(base.vectors, base.chunks);
        // The base remembers its model: no checkpoint needed the next time.
        QCOMPARE(openDenseIndex(*m_store, m_base, QString())->checkpoint(), other->checkpoint());
    }

    // ---- sources in the prompt (core/chat/grounded_prompt.h)

    void completionPromptQuotesSourcesWithinTheBudget()
    {
        const Tokenizer tokenizer =
            Tokenizer::load(QString(m_run + QStringLiteral("/tokenizer.model")).toStdString());
        const std::vector<PromptSource> sources = {
            {"[1] qanun, Maddə 12-1", "Elektron biletin itirilməsi halında yenisi verilir."},
            {"[2] qanun, Maddə 13", std::string(600, 'a') + " uzun mətn"},
            {"[3] qanun, Maddə 1", "Qısa mətn."}};
        const std::string question = "Biletimi itirsəm nə olar?";
        const GroundedPrompt roomy = fitGroundedCompletion(tokenizer, sources, question, 2000);
        QCOMPARE(roomy.sources.size(), std::size_t(3));
        for (const SourceFit &fit : roomy.sources)
            QCOMPARE(fit.use, SourceUse::Included);
        const std::string text =
            tokenizer.decode({roomy.prompt.tokens.begin() + 1, roomy.prompt.tokens.end()});
        QVERIFY2(text.rfind("Mənbələr:\n[1] qanun, Maddə 12-1\nElektron biletin", 0) == 0,
                 text.c_str());
        QVERIFY(text.find("\nSual: Biletimi itirsəm nə olar?\nCavab:") != std::string::npos);
        QCOMPARE(roomy.prompt.tokens.front(), int(SpecialTokens::EndOfText));

        // A tight window: the first source fits, the long second one is cut, the third dropped
        // or fitted after it; the whole prompt stays within the budget.
        const int budget =
            roomy.sources[0].tokens + 60 +
            int(tokenizer.encode("Mənbələr:\nSual: " + question + "\nCavab:").size());
        const GroundedPrompt tight = fitGroundedCompletion(tokenizer, sources, question, budget);
        QVERIFY(int(tight.prompt.tokens.size()) <= budget);
        QCOMPARE(tight.sources[0].use, SourceUse::Included);
        QCOMPARE(tight.sources[1].use, SourceUse::Trimmed);
        QVERIFY(tight.sources[2].use != SourceUse::Included || tight.sources[1].tokens < 60);
        QVERIFY_THROWS_EXCEPTION(ContextOverflow,
                                 fitGroundedCompletion(tokenizer, sources, question, 5));
    }

    void chatPromptPutsSourcesInTheSystemTurn()
    {
        const Tokenizer tokenizer =
            Tokenizer::load(QString(m_run + QStringLiteral("/tokenizer.model")).toStdString());
        const std::vector<PromptSource> sources = {{"[1] udhr, Maddə 3", "Yaşamaq hüququ."}};
        const std::vector<ChatTurn> turns = {{ChatRole::User, "Salam"},
                                             {ChatRole::Assistant, "Salam!"},
                                             {ChatRole::User, "Yaşamaq hüququ varmı?"}};
        const GroundedPrompt g = fitGroundedChat(tokenizer, "Qısa cavab ver.", sources, turns, 500);
        const std::vector<int> &ids = g.prompt.tokens;
        QCOMPARE(ids[0], int(SpecialTokens::EndOfText));
        QCOMPARE(ids[1], int(SpecialTokens::System));
        const auto systemEnd = std::find(ids.begin(), ids.end(), int(SpecialTokens::End));
        const std::string system = tokenizer.decode({ids.begin() + 2, systemEnd});
        QCOMPARE(system, std::string("Qısa cavab ver.\nMənbələr:\n[1] udhr, Maddə 3\nYaşamaq "
                                     "hüququ.\n"));
        QCOMPARE(ids.back(), int(SpecialTokens::Assistant));
        QCOMPARE(g.sources[0].use, SourceUse::Included);
        QCOMPARE(g.prompt.droppedTurns, 0);
    }

    void engineAnswersFromSources()
    {
        ChatEngine engine = ChatEngine::load(m_run.toStdString(), "cpu");
        ChatRequest request;
        request.mode = ChatMode::Completion;
        request.turns = {{ChatRole::User, "Biletimi itirsəm nə olar?"}};
        request.params.maxNewTokens = 4;
        const QVector<RetrievedChunk> found =
            Retriever(*m_store, *m_store->base(m_base))
                .search(QString::fromStdString(request.turns[0].text), RetrievalMode::Morph, 3);
        request.sources = promptSources(found);
        const ChatReply reply = engine.reply(request);
        QCOMPARE(reply.sourceFits.size(), std::size_t(found.size()));
        // The model's window is 64 tokens with room for the answer: not every source fits.
        QVERIFY(int(reply.promptTokens.size()) <= promptBudget(64, 4));
        QVERIFY(std::any_of(reply.sourceFits.begin(), reply.sourceFits.end(),
                            [](const SourceFit &f) { return f.use != SourceUse::Included; }));
        const QString line = citationsLine(found, reply.sourceFits);
        QVERIFY2(line.isEmpty() || line.startsWith(QStringLiteral("Mənbələr: [1] ")),
                 qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeDense)
#include "test_knowledge_dense.moc"
