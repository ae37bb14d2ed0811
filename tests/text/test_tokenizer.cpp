// The tokenizer: training through the shim, fixed special ids, exact round trips.
#include "special_tokens.h"
#include "text_test_support.h"
#include "tokenizer.h"
#include "tokenizer_trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace azllm;

class TestTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void specialIdsAreFixed();
    void roundTrip_data();
    void roundTrip();
    void newlinesJoinLines();
    void emojiUsesByteFallback();
    void pieceLookup();
    void unigramTrains();
    void trainingIsDeterministic();
    void missingModelNamesFile();
    void badIdIsAnError();
    void tooSmallVocabularyIsRefused();

private:
    QString trainModel(TokenizerModelType type, const QString &name);

    QTemporaryDir m_dir;
    QString m_corpus;
    std::optional<Tokenizer> m_tokenizer;
};

QString TestTokenizer::trainModel(TokenizerModelType type, const QString &name)
{
    TokenizerTrainingOptions options;
    options.modelType = type;
    options.vocabSize = 400;
    const QString path = m_dir.filePath(name);
    TokenizerTrainer(options).train(m_corpus.toStdString(), path.toStdString());
    return path;
}

void TestTokenizer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_corpus = m_dir.filePath(QStringLiteral("corpus.txt"));
    QVERIFY(testing::writeFile(m_corpus, testing::sampleText(20)));
    const QString model = trainModel(TokenizerModelType::Bpe, QStringLiteral("bpe.model"));
    QVERIFY(QFile::exists(model));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("bpe.vocab"))));
    m_tokenizer.emplace(Tokenizer::load(model.toStdString()));
}

void TestTokenizer::specialIdsAreFixed()
{
    const Tokenizer &t = *m_tokenizer;
    QCOMPARE(t.vocabSize(), 400);
    QCOMPARE(t.idToPiece(SpecialTokens::Unknown), std::string("<unk>"));
    QCOMPARE(t.idToPiece(SpecialTokens::BeginOfText), std::string("<s>"));
    QCOMPARE(t.idToPiece(SpecialTokens::EndOfText), std::string("</s>"));
    int id = SpecialTokens::Pad;
    for (const char *symbol : kReservedSymbols)
        QCOMPARE(t.pieceToId(symbol), id++);
    QCOMPARE(t.pieceToId("<|label|>"), SpecialTokens::Label);
    QVERIFY(t.isControl(SpecialTokens::EndOfText));
    QVERIFY(t.isUnknown(SpecialTokens::Unknown));
    // A chat marker in the text is one token, not its characters (after the word-start ▁).
    const std::vector<int> ids = t.encode("<|user|>");
    QVERIFY(!ids.empty() && ids.size() <= 2);
    QCOMPARE(ids.back(), SpecialTokens::User);
}

void TestTokenizer::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("letters") << QStringLiteral("İ ı Ə ə Ğ ğ Ş ş Ç ç Ö ö Ü ü");
    QTest::newRow("digits") << QStringLiteral("0123456789 2024-cü il, 3.14 və 1 000 000");
    QTest::newRow("punctuation") << QStringLiteral(
        "Salam! Necəsən? «Bəli» — (yox); [a]: {b} \"c\" 'd' …");
    QTest::newRow("latin+cyrillic") << QStringLiteral("Bakı — Баку, Azərbaycan və Азәрбајҹан");
    QTest::newRow("emoji") << QStringLiteral("Təbriklər 🎉🇦🇿 👍🏽");
    QTest::newRow("spaces") << QStringLiteral("  iki  boşluq   və\tnişan ");
    QTest::newRow("lines") << QStringLiteral("birinci sətir\n\nüçüncü sətir\n");
    QTest::newRow("empty") << QString();
    QTest::newRow("unseen script") << QStringLiteral("日本語 한국어 עברית");
}

void TestTokenizer::roundTrip()
{
    QFETCH(QString, text);
    const std::string utf8 = text.toStdString();
    const std::vector<int> ids = m_tokenizer->encode(utf8);
    for (int id : ids)
        QVERIFY2(!m_tokenizer->isUnknown(id), "byte fallback should leave no <unk>");
    QCOMPARE(m_tokenizer->decode(ids), utf8);
}

void TestTokenizer::newlinesJoinLines()
{
    const Tokenizer &t = *m_tokenizer;
    std::vector<int> first, second;
    t.encodeLine("Bakı şəhəri", first);
    t.encodeLine("Şuşa", second);
    std::vector<int> expected = first;
    expected.push_back(t.newlineId());
    expected.insert(expected.end(), second.begin(), second.end());
    QCOMPARE(t.encode("Bakı şəhəri\nŞuşa"), expected);
    QCOMPARE(t.idToPiece(t.newlineId()), std::string("<0x0A>"));
}

void TestTokenizer::emojiUsesByteFallback()
{
    const std::vector<int> ids = m_tokenizer->encode("🎉");
    std::vector<std::string> bytes;
    for (int id : ids)
        if (m_tokenizer->isByte(id))
            bytes.push_back(m_tokenizer->idToPiece(id));
    // Four UTF-8 bytes, four byte tokens.
    const std::vector<std::string> expected{"<0xF0>", "<0x9F>", "<0x8E>", "<0x89>"};
    QCOMPARE(bytes, expected);
}

void TestTokenizer::pieceLookup()
{
    const Tokenizer &t = *m_tokenizer;
    QCOMPARE(t.pieceToId("certainly-not-a-piece"), -1);
    const std::vector<std::string> pieces = t.pieces("Bakı");
    QVERIFY(!pieces.empty());
    QVERIFY(pieces.front().rfind("\xE2\x96\x81", 0) == 0); // starts with ▁ (word start)
    for (const std::string &piece : pieces)
        QVERIFY(t.pieceToId(piece) >= 0);
}

void TestTokenizer::unigramTrains()
{
    const QString path = trainModel(TokenizerModelType::Unigram, QStringLiteral("uni.model"));
    const Tokenizer t = Tokenizer::load(path.toStdString());
    QCOMPARE(t.pieceToId("<|assistant|>"), SpecialTokens::Assistant);
    const std::string text = "İçərişəhər 🎉 Баку";
    QCOMPARE(t.decode(t.encode(text)), text);
}

void TestTokenizer::trainingIsDeterministic()
{
    // The .model embeds the (temporary) output name, so compare the vocabularies and scores.
    trainModel(TokenizerModelType::Bpe, QStringLiteral("again.model"));
    QFile a(m_dir.filePath(QStringLiteral("bpe.vocab")));
    QFile b(m_dir.filePath(QStringLiteral("again.vocab")));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() == b.readAll());
}

void TestTokenizer::missingModelNamesFile()
{
    try {
        Tokenizer::load("/nonexistent/dir/tok.model");
        QFAIL("expected an error");
    } catch (const std::runtime_error &e) {
        QVERIFY2(std::string(e.what()).find("/nonexistent/dir/tok.model") != std::string::npos,
                 e.what());
    }
}

void TestTokenizer::badIdIsAnError()
{
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, m_tokenizer->decode({5, 100000}));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, m_tokenizer->idToPiece(-1));
}

void TestTokenizer::tooSmallVocabularyIsRefused()
{
    TokenizerTrainingOptions options;
    options.vocabSize = 100;
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        TokenizerTrainer(options).train(m_corpus.toStdString(),
                                        m_dir.filePath(QStringLiteral("x.model")).toStdString()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.model"))));
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
