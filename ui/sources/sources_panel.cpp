#include "sources_panel.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "collect_worker.h"
#include "web_source_store.h"
#include "workspace.h"

Q_DECLARE_METATYPE(QList<azllm::sources::CollectSource>)
Q_DECLARE_METATYPE(azllm::sources::CollectOptions)

namespace azllm::ui {
namespace {

const QString kProblemStyle = QStringLiteral("color: #b91c1c;");

QString collectedDir(const azllm::Workspace &workspace)
{
    return workspace.root() + QStringLiteral("/collected");
}

} // namespace

SourcesPanel::SourcesPanel(azllm::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("sourcesTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_location = new QLineEdit(this);
    m_location->setObjectName(QStringLiteral("sourceLocation"));
    m_licence = new QLineEdit(this);
    m_licence->setObjectName(QStringLiteral("sourceLicence"));
    m_addButton = new QPushButton(this);
    m_addButton->setObjectName(QStringLiteral("sourceAdd"));
    m_removeButton = new QPushButton(this);
    m_formProblem = new QLabel(this);
    m_formProblem->setStyleSheet(kProblemStyle);
    m_formProblem->setWordWrap(true);
    m_formProblem->hide();

    m_collectButton = new QPushButton(this);
    m_collectButton->setObjectName(QStringLiteral("collectButton"));
    m_stopButton = new QPushButton(this);
    m_stopButton->setObjectName(QStringLiteral("collectStop"));
    m_useButton = new QPushButton(this);
    m_useButton->setObjectName(QStringLiteral("collectUse"));
    m_progress = new QProgressBar(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("collectStatus"));
    m_status->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setMaximumHeight(100);
    m_problems->hide();

    auto *form = new QFormLayout;
    form->addRow(m_kind, m_location);
    auto *licenceRow = new QHBoxLayout;
    licenceRow->addWidget(m_licence, 1);
    licenceRow->addWidget(m_addButton);
    m_licenceLabel = new QLabel(this);
    form->addRow(m_licenceLabel, licenceRow);
    auto *run = new QHBoxLayout;
    run->addWidget(m_collectButton);
    run->addWidget(m_progress, 1);
    run->addWidget(m_stopButton);
    run->addWidget(m_useButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addStretch(1);
    tableButtons->addWidget(m_removeButton);
    layout->addLayout(tableButtons);
    layout->addLayout(form);
    layout->addWidget(m_formProblem);
    layout->addLayout(run);
    layout->addWidget(m_status);
    layout->addWidget(m_problems);

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        if (addSource(m_kind->currentData().toString(), m_location->text(), m_licence->text())) {
            m_location->clear();
            m_licence->clear();
        }
    });
    connect(m_location, &QLineEdit::returnPressed, m_addButton, &QPushButton::click);
    connect(m_removeButton, &QPushButton::clicked, this, &SourcesPanel::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SourcesPanel::updateState);
    connect(m_collectButton, &QPushButton::clicked, this, &SourcesPanel::startCollecting);
    connect(m_stopButton, &QPushButton::clicked, this, &SourcesPanel::stop);
    connect(m_useButton, &QPushButton::clicked, this,
            [this] { Q_EMIT useCollectedRequested(collectedDocuments()); });

    qRegisterMetaType<QList<azllm::sources::CollectSource>>();
    qRegisterMetaType<azllm::sources::CollectOptions>();
    m_thread.setObjectName(QStringLiteral("CollectThread"));
    m_worker = new CollectWorker; // no parent: it moves to the thread, which deletes it
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CollectWorker::progressed, this, &SourcesPanel::showProgress,
            Qt::QueuedConnection);
    connect(m_worker, &CollectWorker::finished, this, &SourcesPanel::showResult,
            Qt::QueuedConnection);
    m_thread.start();
    retranslate();
    reload();
}

SourcesPanel::~SourcesPanel()
{
    m_worker->requestStop();
    m_thread.quit();
    m_thread.wait();
}

void SourcesPanel::retranslate()
{
    m_intro->setText(tr("News sites to collect from: an RSS or Atom feed, a sitemap, or a list of "
                        "page addresses (a URL or a local file). Record each site's licence or "
                        "terms of use before collecting: every collected article keeps it. The "
                        "collector obeys robots.txt, waits between requests and never fetches a "
                        "page twice."));
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Address"), tr("Licence or terms")});
    const QString kind = m_kind->currentData().toString();
    m_kind->clear();
    m_kind->addItem(tr("Feed (RSS, Atom)"), QStringLiteral("feed"));
    m_kind->addItem(tr("Sitemap"), QStringLiteral("sitemap"));
    m_kind->addItem(tr("URL list"), QStringLiteral("urls"));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_location->setPlaceholderText(tr("https://… or a file with one address per line"));
    m_licence->setPlaceholderText(tr("for example: CC BY 4.0, or “terms allow education use”"));
    m_licenceLabel->setText(tr("Licence or terms:"));
    m_addButton->setText(tr("Add source"));
    m_removeButton->setText(tr("Remove"));
    m_collectButton->setText(tr("Collect"));
    m_stopButton->setText(tr("Stop"));
    m_useButton->setText(tr("Make a dataset of the collected pages…"));
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (QTableWidgetItem *item = m_table->item(row, 0))
            item->setText(
                m_kind->itemText(std::max(0, m_kind->findData(item->data(Qt::UserRole)))));
    updateState();
}

void SourcesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString SourcesPanel::collectedDocuments() const
{
    return collectedDir(m_workspace) + QStringLiteral("/documents.jsonl");
}

int SourcesPanel::sourceCount() const
{
    return m_table->rowCount();
}

void SourcesPanel::reload()
{
    m_table->setRowCount(0);
    for (const WebSource &source : WebSourceStore(m_workspace.database()).sources()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *kind =
            new QTableWidgetItem(m_kind->itemText(std::max(0, m_kind->findData(source.kind))));
        kind->setData(Qt::UserRole, source.kind);
        kind->setData(Qt::UserRole + 1, source.id);
        m_table->setItem(row, 0, kind);
        m_table->setItem(row, 1, new QTableWidgetItem(source.location));
        m_table->setItem(row, 2, new QTableWidgetItem(source.licence));
    }
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(1, 320);
    updateState();
}

bool SourcesPanel::addSource(const QString &kind, const QString &location, const QString &licence)
{
    const QString trimmed = location.trimmed();
    const QUrl url(trimmed);
    QString problem;
    if (trimmed.isEmpty())
        problem = tr("Give the address of the feed, sitemap or list.");
    else if (!(url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
             !(kind == QLatin1String("urls") && QFileInfo(trimmed).isFile()))
        problem = tr("“%1” is not an http(s) address%2.")
                      .arg(trimmed,
                           kind == QLatin1String("urls") ? tr(" or an existing file") : QString());
    if (problem.isEmpty()) {
        try {
            WebSourceStore(m_workspace.database()).add({0, kind, trimmed, licence});
        } catch (const DatabaseError &) {
            problem = tr("“%1” is already in the list.").arg(trimmed);
        }
    }
    m_formProblem->setText(problem);
    m_formProblem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        reload();
    return problem.isEmpty();
}

void SourcesPanel::removeSelected()
{
    WebSourceStore store(m_workspace.database());
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        store.remove(m_table->item(index.row(), 0)->data(Qt::UserRole + 1).toLongLong());
    reload();
}

void SourcesPanel::updateState()
{
    m_removeButton->setEnabled(!m_busy && m_table->selectionModel()->hasSelection());
    m_collectButton->setEnabled(!m_busy && m_table->rowCount() > 0);
    m_stopButton->setVisible(m_busy);
    m_stopButton->setEnabled(m_busy);
    m_progress->setVisible(m_busy);
    m_useButton->setEnabled(!m_busy && QFileInfo(collectedDocuments()).size() > 0);
    m_status->setVisible(!m_status->text().isEmpty());
}

void SourcesPanel::startCollecting()
{
    if (m_busy || m_table->rowCount() == 0)
        return;
    QList<sources::CollectSource> list;
    for (const WebSource &source : WebSourceStore(m_workspace.database()).sources()) {
        sources::CollectSource s;
        sources::kindFromKey(source.kind, s.kind);
        s.location = source.location;
        s.licence = source.licence;
        list.append(s);
    }
    sources::CollectOptions options;
    options.outputDir = collectedDir(m_workspace);
    m_problems->clear();
    m_problems->hide();
    m_worker->clearStop();
    setBusy(true);
    showProgress(0, 0, QString());
    CollectWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, list, options] { worker->collect(list, options); }, Qt::QueuedConnection);
}

void SourcesPanel::stop()
{
    if (!m_busy)
        return;
    m_worker->requestStop();
    m_stopButton->setEnabled(false);
    m_status->setText(tr("Stopping after the page being fetched…"));
}

void SourcesPanel::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_location),
                       static_cast<QWidget *>(m_licence), static_cast<QWidget *>(m_addButton)})
        w->setEnabled(!busy);
    updateState();
    if (!busy)
        Q_EMIT jobChanged(QString());
}

void SourcesPanel::showProgress(int done, int total, const QString &url)
{
    if (!m_busy || !m_stopButton->isEnabled())
        return;
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    const QString text = total == 0 ? tr("Reading the feeds and sitemaps…")
                                    : tr("Page %1 of %2: %3").arg(done + 1).arg(total).arg(url);
    m_status->setText(text);
    m_status->show();
    Q_EMIT jobChanged(tr("Collecting news: %1").arg(text));
}

void SourcesPanel::showResult(int documents, const QString &summary, const QStringList &problems)
{
    Q_UNUSED(documents)
    m_status->setText(summary);
    m_problems->clear();
    m_problems->addItems(problems);
    m_problems->setVisible(!problems.isEmpty());
    setBusy(false);
}

} // namespace azllm::ui
