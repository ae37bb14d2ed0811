#include "retrieval_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "citations.h"
#include "workspace.h"

namespace azllm::ui {
namespace {

const char *kUseSetting = "chat/useKnowledge";
const char *kBaseSetting = "chat/knowledgeBase";

// The chunk a saved source was, enough for citations.h's wording.
ChunkRecord chunkOf(const SavedSource &s)
{
    ChunkRecord c;
    c.document = s.document;
    c.articles = s.articles;
    c.firstLine = s.firstLine;
    c.lastLine = s.lastLine;
    return c;
}

} // namespace

RetrievalPanel::RetrievalPanel(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_store(workspace.database()),
      m_saved(workspace.database())
{
    buildWidgets();
    m_worker = new KnowledgeWorker(workspace.databasePath());
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        m_worker, &KnowledgeWorker::searchFinished, this,
        [this](const RetrievalResult &result) { Q_EMIT retrievalReady(result.requestId, result); },
        Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::failed, this, &RetrievalPanel::handleFailed,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("chat-retrieval"));
    m_thread.start();
    retranslate();
    refreshBases();
    const QSettings settings;
    setBase(settings.value(QLatin1String(kBaseSetting)).toString());
    m_use->setChecked(settings.value(QLatin1String(kUseSetting), false).toBool());
    updateControls();
}

RetrievalPanel::~RetrievalPanel()
{
    m_worker->setCancelled(true);
    m_thread.quit();
    m_thread.wait();
}

void RetrievalPanel::buildWidgets()
{
    m_use = new QCheckBox;
    m_use->setObjectName(QStringLiteral("useKnowledgeBase"));
    connect(m_use, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(kUseSetting), on);
        updateControls();
    });
    m_base = new QComboBox;
    m_base->setObjectName(QStringLiteral("knowledgeBasePicker"));
    connect(m_base, &QComboBox::activated, this,
            [this] { QSettings().setValue(QLatin1String(kBaseSetting), baseName()); });
    m_mode = new QComboBox;
    for (RetrievalMode mode :
         {RetrievalMode::Morph, RetrievalMode::Bm25, RetrievalMode::Dense, RetrievalMode::Hybrid})
        m_mode->addItem(retrievalModeName(mode), int(mode));
    m_kLabel = new QLabel;
    m_k = new QSpinBox;
    m_k->setRange(1, 10);
    m_k->setValue(3);
    m_thresholdLabel = new QLabel;
    m_thresholdLabel->setWordWrap(true); // the Azerbaijani label is longer than the column
    m_threshold = new QDoubleSpinBox;
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(kDefaultMinCoverage);

    m_sources = new QTableWidget(0, 4);
    m_sources->setObjectName(QStringLiteral("retrievedSources"));
    m_sources->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sources->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sources->verticalHeader()->setVisible(false);
    // The citation takes what the numbers leave, so score and use always show.
    m_sources->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sources->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // Room for the header and about three sources, so k = 3 shows whole without scrolling;
    // the Explain chart below gives up the height.
    m_sources->setMinimumHeight(m_sources->fontMetrics().height() * 9);
    connect(m_sources, &QTableWidget::currentCellChanged, this, &RetrievalPanel::showSource);
    m_sourceText = new QTextBrowser;
    m_sourceText->setObjectName(QStringLiteral("sourceText"));
    auto *sourcesSplit = new QSplitter(Qt::Vertical);
    sourcesSplit->addWidget(m_sources);
    sourcesSplit->addWidget(m_sourceText);
    sourcesSplit->setStretchFactor(0, 2); // a few sources' rows before the chosen one's text
    sourcesSplit->setStretchFactor(1, 1);
    m_prompt = new QPlainTextEdit;
    m_prompt->setObjectName(QStringLiteral("exactPrompt"));
    m_prompt->setReadOnly(true);
    m_tabs = new QTabWidget;
    m_tabs->addTab(sourcesSplit, QString());
    m_tabs->addTab(m_prompt, QString());
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *grid = new QGridLayout;
    grid->addWidget(m_use, 0, 0, 1, 2);
    grid->addWidget(m_base, 0, 2, 1, 2);
    grid->addWidget(m_mode, 1, 0);
    grid->addWidget(m_kLabel, 1, 1, Qt::AlignRight);
    grid->addWidget(m_k, 1, 2);
    grid->addWidget(m_thresholdLabel, 2, 0, 1, 2);
    grid->addWidget(m_threshold, 2, 2);
    grid->setColumnStretch(3, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
}

void RetrievalPanel::retranslate()
{
    m_use->setText(tr("Use knowledge base"));
    m_use->setToolTip(tr("Before answering, look the question up in a knowledge base and put "
                         "the best chunks into the prompt; the answer cites them as [1], [2]."));
    m_mode->setToolTip(tr("How chunks are found: morph (word prefixes, the default), bm25 "
                          "(exact words), dense (the model's vectors), hybrid (both fused)."));
    m_kLabel->setText(tr("Top"));
    m_k->setToolTip(tr("How many chunks to retrieve; those that do not fit the model's window "
                       "are trimmed or dropped."));
    m_thresholdLabel->setText(tr("Answer only above coverage"));
    m_threshold->setToolTip(tr("When no chunk holds this share of the question's words, the "
                               "studio says it found nothing instead of letting the model "
                               "invent."));
    m_tabs->setTabText(0, tr("Sources"));
    m_tabs->setTabText(1, tr("Exact prompt"));
    m_sources->setHorizontalHeaderLabels({tr("#"), tr("Source"), tr("Score"), tr("In prompt")});
    if (!m_shown)
        m_summary->setText(tr("Sources of the last grounded answer appear here; click [1], [2] "
                              "under an answer to see its sources again."));
}

void RetrievalPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RetrievalPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshBases(); // the Knowledge screen may have added or renamed one
}

void RetrievalPanel::refreshBases()
{
    const QString current = baseName().isEmpty()
                                ? QSettings().value(QLatin1String(kBaseSetting)).toString()
                                : baseName();
    m_base->clear();
    try {
        for (const KnowledgeBaseRecord &base : m_store.bases())
            m_base->addItem(tr("%1 (%2 documents)").arg(base.name).arg(base.documents), base.name);
    } catch (const std::exception &) {
        // An unreadable list leaves the switch without bases; the Knowledge screen says why.
    }
    const int again = m_base->findData(current);
    m_base->setCurrentIndex(again >= 0 ? again : 0);
    updateControls();
}

bool RetrievalPanel::isActive() const
{
    return m_use->isChecked() && !baseName().isEmpty();
}

void RetrievalPanel::setActive(bool on)
{
    m_use->setChecked(on);
}

bool RetrievalPanel::setBase(const QString &name)
{
    const int index = m_base->findData(name);
    if (index < 0)
        return false;
    m_base->setCurrentIndex(index);
    QSettings().setValue(QLatin1String(kBaseSetting), name);
    return true;
}

QString RetrievalPanel::baseName() const
{
    return m_base->currentData().toString();
}

void RetrievalPanel::setMode(RetrievalMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void RetrievalPanel::updateControls()
{
    m_base->setEnabled(m_use->isChecked());
    m_mode->setEnabled(m_use->isChecked());
    m_k->setEnabled(m_use->isChecked());
    m_threshold->setEnabled(m_use->isChecked());
    if (m_use->isChecked() && m_base->count() == 0)
        m_summary->setText(tr("No knowledge base yet: create one on the Knowledge screen."));
}

void RetrievalPanel::retrieve(qint64 requestId, const QString &question)
{
    const std::optional<KnowledgeBaseRecord> base = m_store.baseNamed(baseName());
    if (!base) {
        Q_EMIT retrievalFailed(requestId,
                               tr("The knowledge base %1 no longer exists.").arg(baseName()));
        return;
    }
    m_summary->setText(tr("Searching %1…").arg(base->name));
    const RetrievalMode mode = RetrievalMode(m_mode->currentData().toInt());
    const int k = m_k->value();
    const double threshold = m_threshold->value();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, requestId, id = base->id, question, mode, k, threshold] {
            worker->search(requestId, id, question, mode, k, QString(), threshold);
        },
        Qt::QueuedConnection);
}

void RetrievalPanel::handleFailed(const QString &, qint64 requestId, const QString &message)
{
    m_summary->setText(message);
    Q_EMIT retrievalFailed(requestId, message);
}

SavedRetrieval RetrievalPanel::toSaved(const RetrievalResult &retrieval,
                                       const QVector<int> &sourceUses, const QString &prompt)
{
    SavedRetrieval saved;
    saved.base = retrieval.base;
    saved.mode = retrievalModeName(retrieval.mode);
    saved.found = retrieval.found;
    saved.prompt = prompt;
    for (int i = 0; i < retrieval.chunks.size(); ++i) {
        const RetrievedChunk &r = retrieval.chunks[i];
        const SourceUse use = i < sourceUses.size() ? SourceUse(sourceUses[i]) : SourceUse::Dropped;
        saved.sources.push_back({i + 1, r.chunk.document, r.chunk.title, r.chunk.heading,
                                 r.chunk.articles, r.chunk.firstLine, r.chunk.lastLine, r.score,
                                 QString::fromLatin1(sourceUseName(use)), r.chunk.text});
    }
    return saved;
}

QStringList RetrievalPanel::citations(const SavedRetrieval &saved)
{
    QStringList cited;
    if (!saved.found)
        return cited;
    for (const SavedSource &s : saved.sources)
        if (s.use != QLatin1String("dropped"))
            cited << QStringLiteral("[%1] %2").arg(s.rank).arg(citationText(chunkOf(s)));
    return cited;
}

void RetrievalPanel::save(qint64 messageId, const SavedRetrieval &saved)
{
    m_saved.save(messageId, saved);
}

std::optional<SavedRetrieval> RetrievalPanel::load(qint64 messageId) const
{
    return m_saved.load(messageId);
}

void RetrievalPanel::showAnswer(const SavedRetrieval &saved, int rank)
{
    m_shown = saved;
    const QSignalBlocker blocker(m_sources);
    m_sources->setRowCount(0);
    for (const SavedSource &s : saved.sources) {
        const int row = m_sources->rowCount();
        m_sources->insertRow(row);
        m_sources->setItem(row, 0, new QTableWidgetItem(QString::number(s.rank)));
        m_sources->setItem(row, 1, new QTableWidgetItem(citationText(chunkOf(s))));
        m_sources->setItem(row, 2, new QTableWidgetItem(QLocale().toString(s.score, 'f', 3)));
        const QString use = s.use == QLatin1String("included")  ? tr("included")
                            : s.use == QLatin1String("trimmed") ? tr("trimmed to fit")
                                                                : tr("dropped: no room");
        m_sources->setItem(row, 3, new QTableWidgetItem(use));
        m_sources->item(row, 1)->setToolTip(s.heading);
        if (s.use == QLatin1String("dropped"))
            for (int c = 0; c < 4; ++c)
                m_sources->item(row, c)->setForeground(palette().color(QPalette::PlaceholderText));
    }
    m_prompt->setPlainText(saved.prompt);
    m_summary->setText(saved.found
                           ? tr("%1 chunks from %2 (%3); the model saw those marked included or "
                                "trimmed.")
                                 .arg(saved.sources.size())
                                 .arg(saved.base, saved.mode)
                           : tr("Nothing in %1 covered the question (%2), so no answer was "
                                "generated.")
                                 .arg(saved.base, saved.mode));
    const int row = rank > 0 ? rank - 1 : 0;
    if (row < m_sources->rowCount()) {
        m_sources->setCurrentCell(row, 0);
        showSource(row);
    } else {
        m_sourceText->clear();
    }
}

void RetrievalPanel::showSource(int row)
{
    if (!m_shown || row < 0 || row >= m_shown->sources.size())
        return;
    const SavedSource &s = m_shown->sources[row];
    m_tabs->setCurrentIndex(0);
    m_sourceText->setHtml(
        QStringLiteral("<p><b>[%1] %2</b><br/><span style='color:#666'>%3</span></p>"
                       "<p style='white-space:pre-wrap'>%4</p>")
            .arg(s.rank)
            .arg(citationText(chunkOf(s)).toHtmlEscaped(), s.heading.toHtmlEscaped(),
                 s.text.toHtmlEscaped()));
}

int RetrievalPanel::sourceCount() const
{
    return m_sources->rowCount();
}

QString RetrievalPanel::sourceRow(int row) const
{
    if (row < 0 || row >= m_sources->rowCount())
        return {};
    QStringList cells;
    for (int c = 0; c < 4; ++c)
        cells << m_sources->item(row, c)->text();
    return cells.join(QStringLiteral(" · "));
}

QString RetrievalPanel::shownSourceText() const
{
    return m_sourceText->toPlainText();
}

QString RetrievalPanel::promptText() const
{
    return m_prompt->toPlainText();
}

} // namespace azllm::ui
