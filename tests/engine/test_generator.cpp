// Generation through the engine's public API: cache, sampling, streaming, cancellation.
#include <QtTest>

#include <numeric>

#include "generator.h"
#include "text_embedder.h"

using namespace azllm;

namespace {

ModelConfig smallModel()
{
    ModelConfig c;
    c.vocabSize = 64;
    c.contextLength = 32;
    c.nEmbd = 32;
    c.nLayer = 2;
    c.nHead = 4;
    return c;
}

GenerationParams greedy(int tokens)
{
    GenerationParams p;
    p.sampling.temperature = 0;
    p.maxNewTokens = tokens;
    p.endOfText = -1;
    return p;
}

} // namespace

class TestGenerator : public QObject
{
    Q_OBJECT

private:
    Generator m_generator{LanguageModel::create(smallModel(), 11, "cpu")};
    const std::vector<int> m_prompt = {2, 17, 5, 40, 33};

private Q_SLOTS:
    // 90 tokens run far past the 32-token context, so the window slides several times.
    void greedyIsIdenticalWithAndWithoutTheCache()
    {
        GenerationParams cached = greedy(90), uncached = greedy(90);
        uncached.useKvCache = false;
        const std::vector<int> a = m_generator.generate(m_prompt, cached);
        const std::vector<int> b = m_generator.generate(m_prompt, uncached);
        QCOMPARE(a.size(), std::size_t(90));
        QCOMPARE(a, b);
    }

    void topKOneIsGreedy()
    {
        GenerationParams topOne = greedy(20);
        topOne.sampling.temperature = 1.3;
        topOne.sampling.topK = 1;
        topOne.seed = 99;
        QCOMPARE(m_generator.generate(m_prompt, topOne),
                 m_generator.generate(m_prompt, greedy(20)));
    }

    void sameSeedSameText()
    {
        GenerationParams p = greedy(40);
        p.sampling.temperature = 1.5;
        p.sampling.topK = 0;
        p.sampling.topP = 1;
        p.seed = 5;
        const auto first = m_generator.generate(m_prompt, p);
        QCOMPARE(m_generator.generate(m_prompt, p), first);
        p.seed = 6;
        QVERIFY(m_generator.generate(m_prompt, p) != first);
    }

    void stopsWithinOneTokenOfTheCallersNo()
    {
        int seen = 0;
        GenerationStats stats;
        const auto out = m_generator.generate(
            m_prompt, greedy(50), [&](int) { return ++seen < 5; }, &stats);
        QCOMPARE(seen, 5);
        QCOMPARE(out.size(), std::size_t(5));
        QVERIFY(stats.stoppedByCaller);
    }

    void streamsEveryTokenInOrder()
    {
        std::vector<int> streamed;
        const auto out = m_generator.generate(m_prompt, greedy(12), [&](int id) {
            streamed.push_back(id);
            return true;
        });
        QCOMPARE(streamed, out);
    }

    void endOfTextEndsGeneration()
    {
        const std::vector<float> logits =
            m_generator.nextTokenLogits(m_prompt, m_prompt.size() - 1);
        const int first = int(std::max_element(logits.begin(), logits.end()) - logits.begin());
        GenerationParams p = greedy(30);
        p.endOfText = first;
        GenerationStats stats;
        const auto out = m_generator.generate(m_prompt, p, {}, &stats);
        QCOMPARE(out, std::vector<int>{first});
        QVERIFY(stats.reachedEndOfText);
    }

    void nextTokenDistributionIsASoftmaxAtEachPosition()
    {
        for (std::size_t position = 0; position < m_prompt.size(); ++position) {
            const std::vector<float> probs =
                softmax(m_generator.nextTokenLogits(m_prompt, position));
            QCOMPARE(probs.size(), std::size_t(64));
            QVERIFY(std::abs(std::accumulate(probs.begin(), probs.end(), 0.0) - 1.0) < 1e-4);
        }
        // The distribution at a position sees only the tokens up to it.
        std::vector<int> changedTail = m_prompt;
        changedTail.back() = 9;
        QCOMPARE(m_generator.nextTokenLogits(changedTail, 2),
                 m_generator.nextTokenLogits(m_prompt, 2));
    }

    void reportsTimings()
    {
        GenerationStats stats;
        m_generator.generate(m_prompt, greedy(10), {}, &stats);
        QCOMPARE(stats.promptTokens, 5);
        QCOMPARE(stats.generatedTokens, 10);
        QVERIFY(stats.timeToFirstTokenMs > 0 && stats.tokensPerSecond > 0);
    }

    void refusesBadPrompts()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_generator.generate({}, greedy(3)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_generator.generate({1, 64}, greedy(3)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_generator.nextTokenLogits(m_prompt, 5));
    }

    // Mean-pooled hidden states: the same vector whatever the batch, padding never leaks in,
    // and a text longer than the context is read in windows.
    void embeddingsDoNotDependOnBatching()
    {
        const TextEmbedder embedder(LanguageModel::create(smallModel(), 5, "cpu"));
        QCOMPARE(embedder.dimension(), 32);
        std::vector<int> longText(75);
        std::iota(longText.begin(), longText.end(), 0);
        for (int &id : longText)
            id %= 64;
        const std::vector<std::vector<int>> texts = {{2, 17, 5}, {}, m_prompt, longText};
        const auto together = embedder.embed(texts, 4);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto alone = embedder.embed({texts[i]}, 1).front();
            QCOMPARE(alone.size(), std::size_t(32));
            for (std::size_t c = 0; c < alone.size(); ++c)
                QVERIFY(std::abs(alone[c] - together[i][c]) < 1e-5f);
        }
        QCOMPARE(together[1], std::vector<float>(32, 0.0f)); // an empty text
        QVERIFY(together[0] != together[2]);
        // 75 tokens = windows of 32, 32 and 11: the mean over all of them.
        const auto w1 = embedder.embed({{longText.begin(), longText.begin() + 32}}).front();
        const auto w2 = embedder.embed({{longText.begin() + 32, longText.begin() + 64}}).front();
        const auto w3 = embedder.embed({{longText.begin() + 64, longText.end()}}).front();
        for (std::size_t c = 0; c < 32; ++c)
            QVERIFY(std::abs(together[3][c] - (32 * w1[c] + 32 * w2[c] + 11 * w3[c]) / 75) < 1e-5f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embedder.embed({{1, 64}}));
    }
};

QTEST_APPLESS_MAIN(TestGenerator)
#include "test_generator.moc"
