// Exact and near-duplicate detection.
#include "deduplicator.h"
#include "text_test_support.h"

#include <QTest>

#include <algorithm>

using namespace azllm;

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// The signature as docs/text_pipeline.md defines it, one hash at a time: what the (vectorised)
// library must reproduce bit for bit, since dedupe decisions must not depend on the CPU.
Deduplicator::Signature definedSignature(const std::string &text, int shingleWords)
{
    std::vector<std::uint64_t> words;
    for (const QByteArray &w : QByteArray::fromStdString(text).simplified().split(' '))
        words.push_back(textHash(std::string_view(w.constData(), std::size_t(w.size()))));
    std::uint64_t state = 0x5eeda2111aULL;
    Deduplicator::Signature signature;
    for (int i = 0; i < Deduplicator::kHashes; ++i) {
        state = splitmix(state + 0x9e3779b97f4a7c15ULL);
        const std::uint64_t multiplier = state | 1;
        state = splitmix(state + 0x9e3779b97f4a7c15ULL);
        std::uint64_t minimum = ~std::uint64_t(0);
        for (std::size_t start = 0; start + std::size_t(shingleWords) <= words.size(); ++start) {
            std::uint64_t shingle = 0;
            for (int j = 0; j < shingleWords; ++j)
                shingle = splitmix(shingle ^ words[start + std::size_t(j)]);
            minimum = std::min(minimum, multiplier * shingle + state);
        }
        signature.push_back(std::uint32_t(minimum >> 32));
    }
    return signature;
}

std::string paragraph(int first, int count)
{
    std::string text;
    for (int i = 0; i < count; ++i)
        text += std::string(testing::kAzerbaijaniSentences[(first + i) % 16]) + " ";
    return text;
}

} // namespace

class TestTextDedupe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactDuplicateFound();
    void nearDuplicateFound();
    void differentTextsKept();
    void manyDocumentsStillMatched();
    void thresholdIsConfigurable();
    void nearDedupeCanBeOff();
    void hashIsStable();
    void signatureFollowsItsDefinition();
};

void TestTextDedupe::exactDuplicateFound()
{
    Deduplicator dedupe;
    QCOMPARE(dedupe.add("Bakı Xəzərin sahilindədir."), DuplicateKind::Unique);
    QCOMPARE(dedupe.add("Bakı Xəzərin sahilindədir."), DuplicateKind::Exact);
    QCOMPARE(dedupe.exactDuplicates(), std::uint64_t(1));
    QCOMPARE(dedupe.nearDuplicates(), std::uint64_t(0));
}

void TestTextDedupe::nearDuplicateFound()
{
    Deduplicator dedupe;
    const std::string original = paragraph(0, 8);
    // The same article with one word changed near the end: ~95% of shingles shared.
    std::string edited = original;
    edited.replace(edited.rfind("ölkə"), std::string("ölkə").size(), "diyar");
    QCOMPARE(dedupe.add(original), DuplicateKind::Unique);
    QCOMPARE(dedupe.add(edited), DuplicateKind::Near);
    QCOMPARE(dedupe.nearDuplicates(), std::uint64_t(1));
    QVERIFY(Deduplicator::similarity(dedupe.signature(original), dedupe.signature(edited)) > 0.8);
}

void TestTextDedupe::differentTextsKept()
{
    Deduplicator dedupe;
    for (int i = 0; i < 16; i += 4)
        QCOMPARE(dedupe.add(paragraph(i, 4)), DuplicateKind::Unique);
    QCOMPARE(dedupe.exactDuplicates() + dedupe.nearDuplicates(), std::uint64_t(0));
}

void TestTextDedupe::manyDocumentsStillMatched()
{
    // 3,000 distinct documents (60,000 band entries: the band tables grow many times over), then
    // an edited copy of every 100th: each is still found, each new text still kept.
    const auto document = [](int n, const char *last) {
        std::string text;
        std::uint64_t state = std::uint64_t(n) + 1; // each document its own random words
        for (int w = 0; w < 200; ++w) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            text += "söz" + std::to_string(state >> 44) + " ";
        }
        return text + last;
    };
    Deduplicator dedupe;
    for (int n = 0; n < 3000; ++n)
        QCOMPARE(dedupe.add(document(n, "son")), DuplicateKind::Unique);
    for (int n = 0; n < 3000; n += 100) {
        QCOMPARE(dedupe.add(document(n, "sonra")), DuplicateKind::Near);
        QCOMPARE(dedupe.add(document(n + 5000, "son")), DuplicateKind::Unique);
    }
    QCOMPARE(dedupe.nearDuplicates(), std::uint64_t(30));
}

void TestTextDedupe::thresholdIsConfigurable()
{
    // Ten of fourteen sentences shared: similar (~0.7), not a duplicate at 0.8, one at 0.6.
    const std::string a = paragraph(0, 12);
    const std::string b = paragraph(0, 10) + paragraph(12, 2);
    const double similarity =
        Deduplicator::similarity(Deduplicator().signature(a), Deduplicator().signature(b));
    QVERIFY2(similarity > 0.6 && similarity < 0.8, QByteArray::number(similarity));
    Deduplicator strict;
    QCOMPARE(strict.add(a), DuplicateKind::Unique);
    QCOMPARE(strict.add(b), DuplicateKind::Unique);
    DedupeOptions loose;
    loose.nearThreshold = 0.6;
    Deduplicator lenient(loose);
    QCOMPARE(lenient.add(a), DuplicateKind::Unique);
    QCOMPARE(lenient.add(b), DuplicateKind::Near);
}

void TestTextDedupe::nearDedupeCanBeOff()
{
    DedupeOptions options;
    options.near = false;
    Deduplicator dedupe(options);
    const std::string original = paragraph(0, 8);
    QCOMPARE(dedupe.add(original), DuplicateKind::Unique);
    QCOMPARE(dedupe.add(original + " Son."), DuplicateKind::Unique);
    QCOMPARE(dedupe.add(original), DuplicateKind::Exact);
}

void TestTextDedupe::hashIsStable()
{
    // Fixed value: shard splits and dedupe must not change between builds or machines.
    QCOMPARE(textHash(""), textHash(std::string()));
    QVERIFY(textHash("a") != textHash("b"));
    QCOMPARE(textHash("Azərbaycan"), textHash("Azərbaycan"));
}

void TestTextDedupe::signatureFollowsItsDefinition()
{
    const std::string text = paragraph(3, 9);
    const Deduplicator::Signature signature = Deduplicator().signature(text);
    QCOMPARE(signature.size(), std::size_t(Deduplicator::kHashes));
    QVERIFY(signature == definedSignature(text, DedupeOptions().shingleWords));
}

QTEST_APPLESS_MAIN(TestTextDedupe)
#include "test_text_dedupe.moc"
