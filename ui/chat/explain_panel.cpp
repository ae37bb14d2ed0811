#include "explain_panel.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

#include "explain_chart.h"
#include "message_view.h"
#include "sampler.h"
#include "sampling_panel.h"

namespace azllm::ui {

namespace {

QString percent(double p)
{
    return QLocale().toString(100.0 * p, 'f', p < 0.001 ? 3 : 1) + QLatin1Char('%');
}

QVector<double> toDoubles(const std::vector<float> &v)
{
    return QVector<double>(v.begin(), v.end());
}

} // namespace

ExplainPanel::ExplainPanel(const SamplingPanel &sampling, QWidget *parent)
    : QGroupBox(parent), m_sampling(sampling)
{
    m_toggle = new QCheckBox;
    m_toggle->setObjectName(QStringLiteral("explainToggle"));
    connect(m_toggle, &QCheckBox::toggled, this, &ExplainPanel::toggled);
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("explainCaption"));
    m_caption->setWordWrap(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_chart = new ExplainChart;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toggle);
    layout->addWidget(m_caption);
    layout->addWidget(m_chart, 1);
    retranslate();
    showDefaultCaption();
}

void ExplainPanel::retranslate()
{
    setTitle(tr("Explain"));
    m_toggle->setText(tr("Explain: click a token of an answer"));
    m_toggle->setToolTip(
        tr("Shows the answers' tokens as chips; click one to see the 10 candidates the model "
           "weighed at that position."));
    if (m_describe)
        m_caption->setText(m_describe());
}

void ExplainPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void ExplainPanel::setCaption(std::function<QString()> caption)
{
    m_describe = std::move(caption);
    m_caption->setText(m_describe());
}

void ExplainPanel::showDefaultCaption()
{
    setCaption([] {
        return tr("Grey bars: the model's own probabilities (temperature 1). Blue bars: the "
                  "probabilities "
                  "generation samples from with the settings above; move them and watch. \u2423 "
                  "marks "
                  "the start of a word.");
    });
}

bool ExplainPanel::isOn() const
{
    return m_toggle->isChecked();
}

void ExplainPanel::setOn(bool on)
{
    m_toggle->setChecked(on);
}

void ExplainPanel::begin(qint64 requestId, int position, int tokenIndex, int chosen,
                         const QString &piece, const QVector<int> &context)
{
    m_requestId = requestId;
    m_position = position;
    m_tokenIndex = tokenIndex;
    m_chosen = chosen;
    m_chosenPiece = piece;
    m_context = context;
    m_logits.clear();
    m_topIds.clear();
    m_topPieces.clear();
    setCaption([] { return tr("Computing\u2026"); });
}

bool ExplainPanel::accept(qint64 requestId, const QVector<float> &logits,
                          const QVector<int> &topIds, const QStringList &topPieces)
{
    if (requestId != m_requestId)
        return false;
    m_logits = logits;
    m_topIds = topIds;
    m_topPieces = topPieces;
    refresh();
    return true;
}

void ExplainPanel::refuse()
{
    setCaption([] {
        return tr("Explain works on answers generated since the screen opened: the model's "
                  "exact tokens are not stored. Regenerate the answer to explore it.");
    });
}

void ExplainPanel::forgetFrom(int position)
{
    if (m_position >= position)
        clear();
}

void ExplainPanel::clear()
{
    m_requestId = 0;
    m_position = m_tokenIndex = m_chosen = -1;
    m_chosenPiece.clear();
    m_context.clear();
    m_logits.clear();
    m_topIds.clear();
    m_topPieces.clear();
    refresh();
}

QVector<double> ExplainPanel::rawProbabilities() const
{
    if (m_logits.isEmpty())
        return {};
    return toDoubles(softmax(std::vector<float>(m_logits.begin(), m_logits.end()), 1.0));
}

QVector<double> ExplainPanel::sampledProbabilities() const
{
    if (m_logits.isEmpty())
        return {};
    // The repetition penalty sees the same history generation gave it: every token before the
    // choice.
    return toDoubles(samplingDistribution(std::vector<float>(m_logits.begin(), m_logits.end()),
                                          m_sampling.sampling(),
                                          std::vector<int>(m_context.begin(), m_context.end())));
}

void ExplainPanel::refresh()
{
    if (m_logits.isEmpty()) {
        m_chart->clear();
        showDefaultCaption();
        return;
    }
    const QVector<double> raw = rawProbabilities();
    const QVector<double> sampled = sampledProbabilities();
    QStringList labels;
    QVector<double> rawTop, sampledTop;
    double rawMass = 0;
    int chosenRow = -1;
    for (int i = 0; i < m_topIds.size(); ++i) {
        const int id = m_topIds[i];
        labels << displayPiece(m_topPieces.value(i));
        rawTop << raw[id];
        sampledTop << sampled[id];
        rawMass += raw[id];
        if (id == m_chosen)
            chosenRow = i;
    }
    m_chart->setCandidates(labels, rawTop, sampledTop, chosenRow);
    const int possible =
        int(std::count_if(sampled.begin(), sampled.end(), [](double p) { return p > 0; }));
    setCaption([token = m_tokenIndex + 1, chosen = displayPiece(m_chosenPiece),
                rawChosen = raw[m_chosen], sampledChosen = sampled[m_chosen],
                candidates = labels.size(), rawMass, possible, vocabulary = raw.size()] {
        return tr("Token %1 of the answer: the model chose \u201c%2\u201d (\u25B6), %3 likely on "
                  "its own, "
                  "%4 with your "
                  "settings. These %5 candidates hold %6 of its probability; your settings leave "
                  "%7 of %8 "
                  "tokens "
                  "possible.")
            .arg(token)
            .arg(chosen, percent(rawChosen), percent(sampledChosen))
            .arg(candidates)
            .arg(percent(rawMass))
            .arg(possible)
            .arg(vocabulary);
    });
}

} // namespace azllm::ui
