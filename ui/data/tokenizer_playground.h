// Type Azerbaijani text, see how a trained tokenizer splits it: one chip per piece (id on
// hover, byte fallback marked) and the tokens-per-word figure, updated on every keystroke.
// Encoding a paragraph takes microseconds and a tokenizer loads in milliseconds, so both run
// on the GUI thread.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <optional>

#include "tokenizer.h"
#include "translated_texts.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace azllm::ui {

class PieceView;

class TokenizerPlayground final : public QWidget
{
    Q_OBJECT

public:
    explicit TokenizerPlayground(QWidget *parent = nullptr);
    ~TokenizerPlayground() override;

    // (dataset name, tokenizer.model path) pairs; keeps the current choice when it is still there.
    void setTokenizers(const QList<QPair<QString, QString>> &namedModels);
    void selectTokenizer(const QString &name);
    QString currentTokenizer() const;

    void setText(const QString &text);
    QString text() const;

    int tokenCount() const { return m_tokenCount; }
    int wordCount() const { return m_wordCount; }
    double tokensPerWord() const { return m_wordCount ? double(m_tokenCount) / m_wordCount : 0.0; }
    const PieceView &pieceView() const { return *m_pieces; }

    // Words as the corpus statistics count them: runs of anything but space, tab and newline.
    static int countWords(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadSelectedTokenizer();
    void retokenize();
    void showFigures(int byteFallbackTokens, int charactersShown);
    void showProblem(const QString &message);

    QComboBox *m_tokenizerBox = nullptr;
    QLabel *m_tokenizerInfo = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QLabel *m_figures = nullptr;
    QLabel *m_details = nullptr;
    PieceView *m_pieces = nullptr;
    std::optional<azllm::Tokenizer> m_tokenizer;
    int m_tokenCount = 0;
    int m_wordCount = 0;
    TranslatedTexts m_texts{staticMetaObject.className()};
};

} // namespace azllm::ui
