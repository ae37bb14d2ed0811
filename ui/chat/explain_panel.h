// The Chat screen's probabilities view (Explain): for a token of an answer, the candidates the
// model weighed at that position, raw (softmax at temperature 1) and as the sampling controls
// reshape them. The page asks the worker for the position's logits; this panel shows them.
#pragma once

#include <QGroupBox>
#include <QStringList>
#include <QVector>

#include <functional>

class QCheckBox;
class QLabel;

namespace azllm::ui {

class ExplainChart;
class SamplingPanel;

class ExplainPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplainPanel)

public:
    explicit ExplainPanel(const SamplingPanel &sampling, QWidget *parent = nullptr);

    bool isOn() const;
    // Turns Explain on or off (toggled follows, as from a click).
    void setOn(bool on);

    // Token `tokenIndex` (id `chosen`, spelt `piece`) of the answer at message `position`, which
    // the model chose after seeing `context`: shown once accept() brings request `requestId`.
    void begin(qint64 requestId, int position, int tokenIndex, int chosen, const QString &piece,
               const QVector<int> &context);
    // The worker's logits for the position; ignored unless they answer the latest begin().
    bool accept(qint64 requestId, const QVector<float> &logits, const QVector<int> &topIds,
                const QStringList &topPieces);
    // Explain needs the answer's ids, which only answers generated since the screen opened have.
    void refuse();
    // Forgets the explanation when its message is at `position` or later (messages removed).
    void forgetFrom(int position);
    // No explanation: the chart empty, the caption saying how to read one.
    void clear();
    // Draws the explanation again, as the sampling controls now reshape it.
    void refresh();

    // The whole next-token distribution at the explained position, raw and as sampled with the
    // current controls; the ids shown; the tokens the model saw (the explained token's position
    // is context.size() - 1); and the token it chose.
    QVector<double> rawProbabilities() const;
    QVector<double> sampledProbabilities() const;
    QVector<int> candidates() const { return m_topIds; }
    QVector<int> context() const { return m_context; }
    int chosenToken() const { return m_chosen; }
    int position() const { return m_position; }
    // The request begin() was given, 0 when nothing is explained.
    qint64 requestId() const { return m_requestId; }
    ExplainChart *chart() const { return m_chart; }

Q_SIGNALS:
    void toggled(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setCaption(std::function<QString()> caption);
    void showDefaultCaption();

    const SamplingPanel &m_sampling;
    QCheckBox *m_toggle = nullptr;
    QLabel *m_caption = nullptr;
    std::function<QString()> m_describe;
    ExplainChart *m_chart = nullptr;

    qint64 m_requestId = 0;
    int m_position = -1;
    int m_tokenIndex = -1;
    int m_chosen = -1;
    QString m_chosenPiece;
    QVector<int> m_context; // tokens the model saw, the last one where the choice is made
    QVector<float> m_logits;
    QVector<int> m_topIds;
    QStringList m_topPieces;
};

} // namespace azllm::ui
