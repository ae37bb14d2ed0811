#include "data_page.h"

#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "dataset_browser.h"
#include "dataset_summary.h"
#include "prepare_panel.h"
#include "sources_panel.h"
#include "tokenizer_playground.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

// The screen's title and what it is for; the labels' texts come from DataPage::retranslate().
QWidget *header(QLabel *&title, QLabel *&subtitle, QWidget *parent)
{
    title = new QLabel(parent);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    subtitle = new QLabel(parent);
    subtitle->setWordWrap(true);
    subtitle->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    return box;
}

QWidget *titled(QLabel *&label, QWidget *content, QWidget *parent)
{
    label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    label->setFont(bold);
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

DataPage::DataPage(azllm::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_datasets = new DatasetBrowser(this);
    m_prepare = new PreparePanel(workspace, this);
    m_playground = new TokenizerPlayground(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->addTab(m_playground, QString());
    m_tabs->addTab(m_prepare, QString());
    m_sources = new SourcesPanel(workspace, this);
    m_tabs->addTab(m_sources, QString());
    connect(m_sources, &SourcesPanel::useCollectedRequested, this,
            [this](const QString &file) { addInputs({file}); });
    connect(m_sources, &SourcesPanel::jobChanged, this, &DataPage::jobChanged);
    m_tabs->setDocumentMode(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(titled(m_datasetsTitle, m_datasets, splitter));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 6);
    // The report's figures and tables need about 480 px to read without wrapping.
    splitter->setSizes({500, 760});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(header(m_title, m_subtitle, this));
    layout->addWidget(splitter, 1);

    connect(m_prepare, &PreparePanel::prepared, this, &DataPage::onPrepared);
    connect(m_prepare, &PreparePanel::jobChanged, this, &DataPage::jobChanged);
    // Choosing a dataset on the left tries its tokenizer on the right.
    connect(m_datasets, &DatasetBrowser::selectionChanged, m_playground,
            &TokenizerPlayground::selectTokenizer);
    retranslate();
    reload();
    // A first visit with nothing prepared starts where there is something to do.
    m_tabs->setCurrentWidget(m_datasets->names().isEmpty() ? static_cast<QWidget *>(m_prepare)
                                                           : m_playground);
}

DataPage::~DataPage() = default;

void DataPage::retranslate()
{
    m_title->setText(tr("Data"));
    m_subtitle->setText(
        tr("Turn Azerbaijani text into training data: clean it, remove duplicates, "
           "train a tokenizer and write token files. Then see how the tokenizer splits "
           "your own sentences."));
    m_datasetsTitle->setText(tr("Your datasets"));
    m_tabs->setTabText(m_tabs->indexOf(m_playground), tr("Tokenizer playground"));
    m_tabs->setTabText(m_tabs->indexOf(m_prepare), tr("New dataset"));
    m_tabs->setTabText(m_tabs->indexOf(m_sources), tr("Sources"));
}

void DataPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool DataPage::isBusy() const
{
    return m_prepare->isBusy() || m_sources->isBusy();
}

void DataPage::addInputs(const QStringList &paths)
{
    m_prepare->addInputs(paths);
    m_tabs->setCurrentWidget(m_prepare);
}

void DataPage::reload()
{
    QList<DatasetSummary> summaries;
    QList<QPair<QString, QString>> tokenizers;
    for (const QString &name : m_workspace.datasetNames()) {
        summaries << readDatasetSummary(name, m_workspace.datasetDir(name));
        if (QFileInfo::exists(summaries.last().tokenizerPath()))
            tokenizers.append({name, summaries.last().tokenizerPath()});
    }
    m_playground->setTokenizers(tokenizers);
    m_datasets->setDatasets(summaries);
}

void DataPage::onPrepared(const QString &name)
{
    reload();
    m_datasets->select(name);
    Q_EMIT datasetsChanged();
}

} // namespace azllm::ui
