#include "tokenizer_playground.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <exception>

#include "human_units.h"
#include "piece_view.h"

namespace azllm::ui {
namespace {

// More chips than this would take seconds to lay out and nobody reads them one by one.
constexpr int kMaxChips = 3000;

QString exampleText()
{
    return QStringLiteral(
        "Azərbaycan dili türk dilləri ailəsinin oğuz qrupuna daxildir. Bu gün Bakıda hava "
        "günəşlidir, temperatur 24 dərəcədir.");
}

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return label;
}

} // namespace

TokenizerPlayground::TokenizerPlayground(QWidget *parent) : QWidget(parent)
{
    m_tokenizerBox = new QComboBox(this);
    m_tokenizerBox->setObjectName(QStringLiteral("playgroundTokenizer"));
    m_tokenizerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tokenizerBox->setMinimumWidth(180);
    m_tokenizerInfo = mutedLabel(QString(), this);
    auto *chooser = new QHBoxLayout;
    auto *chooserLabel = new QLabel(this);
    m_texts.set(chooserLabel, "text", QT_TR_NOOP("Tokenizer of dataset:"));
    chooser->addWidget(chooserLabel);
    chooser->addWidget(m_tokenizerBox);
    chooser->addWidget(m_tokenizerInfo, 1);

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("playgroundInput"));
    m_texts.set(m_input, "placeholderText", QT_TR_NOOP("Type or paste Azerbaijani text here…"));
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 16);
    m_input->setPlainText(exampleText());

    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("playgroundFigures"));
    QFont big = m_figures->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_figures->setFont(big);
    m_details = mutedLabel(QString(), this);

    m_pieces = new PieceView(this);
    m_pieces->setObjectName(QStringLiteral("playgroundPieces"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_pieces);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setBackgroundRole(QPalette::Base);

    auto *legend = mutedLabel(QString(), this);
    m_texts.set(legend, "text",
                QT_TR_NOOP("Each coloured chip is one token. \u2581 marks the start of a word; "
                           "dashed orange "
                           "chips are byte fallback (a character the vocabulary lacks, spelled "
                           "byte by byte). "
                           "Hover a chip to see its id."));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addLayout(chooser);
    layout->addWidget(m_input);
    layout->addWidget(m_figures);
    layout->addWidget(m_details);
    layout->addWidget(scroll, 1);
    layout->addWidget(legend);

    connect(m_tokenizerBox, &QComboBox::currentIndexChanged, this,
            &TokenizerPlayground::loadSelectedTokenizer);
    connect(m_input, &QPlainTextEdit::textChanged, this, &TokenizerPlayground::retokenize);
    retokenize();
}

TokenizerPlayground::~TokenizerPlayground() = default;

void TokenizerPlayground::setTokenizers(const QList<QPair<QString, QString>> &namedModels)
{
    const QString previous = currentTokenizer();
    {
        const QSignalBlocker quiet(m_tokenizerBox);
        m_tokenizerBox->clear();
        for (const auto &[name, modelPath] : namedModels)
            m_tokenizerBox->addItem(name, modelPath);
        const int keep = m_tokenizerBox->findText(previous);
        m_tokenizerBox->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_tokenizerBox->setEnabled(m_tokenizerBox->count() > 0);
    loadSelectedTokenizer();
}

void TokenizerPlayground::selectTokenizer(const QString &name)
{
    const int index = m_tokenizerBox->findText(name);
    if (index >= 0)
        m_tokenizerBox->setCurrentIndex(index);
}

QString TokenizerPlayground::currentTokenizer() const
{
    return m_tokenizerBox->currentText();
}

void TokenizerPlayground::setText(const QString &text)
{
    m_input->setPlainText(text);
}

QString TokenizerPlayground::text() const
{
    return m_input->toPlainText();
}

int TokenizerPlayground::countWords(const QString &text)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool space =
            c == QLatin1Char(' ') || c == QLatin1Char('\n') || c == QLatin1Char('\t');
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

void TokenizerPlayground::loadSelectedTokenizer()
{
    m_tokenizer.reset();
    m_tokenizerInfo->clear();
    const QString path = m_tokenizerBox->currentData().toString();
    if (!path.isEmpty()) {
        try {
            m_tokenizer = azllm::Tokenizer::load(path.toStdString());
            m_tokenizerInfo->setText(
                tr("%1 pieces").arg(QLocale().toString(m_tokenizer->vocabSize())));
        } catch (const std::exception &error) {
            m_tokenizerInfo->setText(
                tr("Cannot load %1: %2")
                    .arg(QFileInfo(path).fileName(), QString::fromUtf8(error.what())));
        }
    }
    retokenize();
}

void TokenizerPlayground::retokenize()
{
    m_tokenCount = 0;
    const QString text = m_input->toPlainText();
    m_wordCount = countWords(text);
    if (!m_tokenizer) {
        m_pieces->setChips({});
        showProblem(m_tokenizerBox->count() == 0
                        ? tr("No tokenizer yet: prepare a dataset first, then try it here.")
                        : tr("This tokenizer could not be loaded."));
        return;
    }
    const std::vector<int> ids = m_tokenizer->encode(text.toStdString());
    m_tokenCount = int(ids.size());
    QList<PieceChip> chips;
    int byteFallback = 0;
    for (const int id : ids) {
        const bool newline = id == m_tokenizer->newlineId();
        const bool isByte = m_tokenizer->isByte(id) && !newline;
        byteFallback += isByte;
        if (chips.size() < kMaxChips)
            chips.append({QString::fromStdString(m_tokenizer->idToPiece(id)), id, isByte, newline});
    }
    m_pieces->setChips(std::move(chips));
    showFigures(byteFallback, int(text.toUcs4().size()));
}

void TokenizerPlayground::showFigures(int byteFallbackTokens, int characters)
{
    const QLocale locale;
    if (m_wordCount == 0) {
        m_figures->setText(tr("Type some text to see its tokens."));
    } else {
        m_figures->setText(tr("%1 tokens per word").arg(locale.toString(tokensPerWord(), 'f', 2)));
    }
    // English source strings without a plural rule file: pick the form here.
    const auto count = [&](int n, const QString &one, const QString &many) {
        return (n == 1 ? one : many).arg(locale.toString(n));
    };
    QStringList details{count(m_tokenCount, tr("%1 token"), tr("%1 tokens")),
                        count(m_wordCount, tr("%1 word"), tr("%1 words")),
                        count(characters, tr("%1 character"), tr("%1 characters"))};
    if (m_tokenCount > 0)
        details << tr("%1 characters per token")
                       .arg(locale.toString(double(characters) / m_tokenCount, 'f', 2));
    if (byteFallbackTokens > 0)
        details << count(byteFallbackTokens, tr("%1 byte-fallback token"),
                         tr("%1 byte-fallback tokens"));
    if (m_tokenCount > kMaxChips)
        details << tr("showing the first %1").arg(locale.toString(kMaxChips));
    m_details->setText(details.join(QStringLiteral("  ·  ")));
}

void TokenizerPlayground::showProblem(const QString &message)
{
    m_figures->setText(message);
    m_details->clear();
}

void TokenizerPlayground::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        loadSelectedTokenizer();
    }
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
