#include "run_history_view.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "metric_chart.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

enum Column
{
    NameColumn,
    DatasetColumn,
    ParamsColumn,
    StepsColumn,
    BestColumn,
    StatusColumn,
    StartedColumn
};

QColor runColor(int index)
{
    static const QColor palette[] = {QColor(25, 80, 170), QColor(220, 110, 30),
                                     QColor(60, 150, 70), QColor(170, 50, 120),
                                     QColor(120, 90, 40), QColor(40, 150, 160)};
    return palette[index % 6];
}

// In the learner's locale: 110.4M in English, 110,4M in Azerbaijani.
QString humanCount(qint64 n)
{
    const QLocale locale;
    if (n >= 1'000'000'000)
        return locale.toString(double(n) / 1e9, 'f', 2) + QLatin1Char('B');
    if (n >= 1'000'000)
        return locale.toString(double(n) / 1e6, 'f', 1) + QLatin1Char('M');
    return locale.toString(double(n) / 1e3, 'f', 0) + QLatin1Char('k');
}

// A run's stored status (RunStore: created, running, ...) in the learner's words.
QString runStatusTitle(const QString &status)
{
    static const char *const statuses[] = {
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "created"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "running"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "paused"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "stopped"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "finished"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "diverged"),
        QT_TRANSLATE_NOOP("azllm::ui::RunHistoryView", "failed"),
    };
    for (const char *known : statuses)
        if (status == QLatin1String(known))
            return RunHistoryView::tr(known);
    return status;
}

// "key = value" lines of a run config, as a map.
QMap<QString, QString> configValues(const QString &config)
{
    QMap<QString, QString> values;
    for (const QString &line : config.split(QLatin1Char('\n'))) {
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && !line.startsWith(QLatin1Char('#')))
            values.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return values;
}

} // namespace

RunHistoryView::RunHistoryView(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_runs = new QTableWidget(0, 7);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->verticalHeader()->hide();
    m_runs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->horizontalHeader()->setStretchLastSection(true);
    connect(m_runs, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == NameColumn)
            updateComparison();
    });
    connect(m_runs, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT runSelected(m_runs->item(row, NameColumn)->data(Qt::UserRole + 1).toString());
    });

    m_overlay = new MetricChart(QString(), QString());
    m_configs = new QTableWidget;
    m_configs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_configs->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_exportPng = new QPushButton;
    m_exportPdf = new QPushButton;
    connect(m_exportPng, &QPushButton::clicked, this,
            [this] { exportWithDialog(tr("PNG image (*.png)"), QStringLiteral(".png")); });
    connect(m_exportPdf, &QPushButton::clicked, this,
            [this] { exportWithDialog(tr("PDF document (*.pdf)"), QStringLiteral(".pdf")); });
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(m_exportPng);
    exportRow->addWidget(m_exportPdf);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_overlay);
    right->addWidget(m_configs);
    auto *split = new QSplitter;
    split->addWidget(m_runs);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(exportRow);
    retranslate();
}

void RunHistoryView::retranslate()
{
    m_runs->setHorizontalHeaderLabels({tr("Run"), tr("Dataset"), tr("Parameters"), tr("Steps"),
                                       tr("Best validation"), tr("Status"), tr("Started")});
    m_runs->setToolTip(tr("Tick runs to overlay their curves and compare their settings"));
    m_overlay->setTitles(tr("Runs compared"), tr("loss"));
    m_exportPng->setText(tr("Export chart as PNG…"));
    m_exportPdf->setText(tr("Export chart as PDF…"));
}

void RunHistoryView::changeEvent(QEvent *event)
{
    // The statuses and the overlay's legend are words too; the ticked runs stay ticked.
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        for (int row = 0; row < m_runs->rowCount(); ++row)
            m_runs->item(row, StatusColumn)
                ->setText(
                    runStatusTitle(m_runs->item(row, StatusColumn)->data(Qt::UserRole).toString()));
        updateComparison();
    }
    QWidget::changeEvent(event);
}

void RunHistoryView::reload()
{
    const QSignalBlocker blocker(m_runs);
    const QVector<RunRecord> runs = m_workspace.runs().runs();
    m_runs->setRowCount(int(runs.size()));
    for (int row = 0; row < runs.size(); ++row) {
        const RunRecord &r = runs[row];
        const QVector<MetricPoint> points = m_workspace.runs().metrics(r.id);
        auto *name = new QTableWidgetItem(r.name);
        name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Unchecked);
        name->setData(Qt::UserRole, r.id);
        name->setData(Qt::UserRole + 1, r.dir);
        m_runs->setItem(row, NameColumn, name);
        m_runs->setItem(row, DatasetColumn, new QTableWidgetItem(r.dataset));
        m_runs->setItem(row, ParamsColumn, new QTableWidgetItem(humanCount(r.params)));
        m_runs->setItem(row, StepsColumn,
                        new QTableWidgetItem(points.isEmpty()
                                                 ? QStringLiteral("0")
                                                 : QString::number(points.back().step)));
        m_runs->setItem(row, BestColumn,
                        new QTableWidgetItem(r.bestValidationLoss
                                                 ? QLocale().toString(*r.bestValidationLoss, 'f', 4)
                                                 : QStringLiteral("–")));
        auto *status = new QTableWidgetItem(runStatusTitle(r.status));
        status->setData(Qt::UserRole, r.status);
        m_runs->setItem(row, StatusColumn, status);
        m_runs->setItem(row, StartedColumn,
                        new QTableWidgetItem(
                            QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat)));
    }
    updateComparison();
}

int RunHistoryView::runCount() const
{
    return m_runs->rowCount();
}

void RunHistoryView::setRunChecked(int row, bool checked)
{
    m_runs->item(row, NameColumn)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void RunHistoryView::updateComparison()
{
    m_overlay->removeAllSeries();
    QVector<RunRecord> chosen;
    for (int row = 0; row < m_runs->rowCount(); ++row) {
        const QTableWidgetItem *item = m_runs->item(row, NameColumn);
        if (item->checkState() != Qt::Checked)
            continue;
        if (const auto run = m_workspace.runs().run(item->data(Qt::UserRole).toLongLong()))
            chosen.push_back(*run);
    }
    for (int i = 0; i < chosen.size(); ++i) {
        const int train =
            m_overlay->addSeries(tr("%1 training").arg(chosen[i].name), runColor(i).lighter(150));
        const int validation =
            m_overlay->addSeries(tr("%1 validation").arg(chosen[i].name), runColor(i), true);
        for (const MetricPoint &p : m_workspace.runs().metrics(chosen[i].id)) {
            m_overlay->append(train, double(p.step), p.loss);
            if (p.validationLoss)
                m_overlay->append(validation, double(p.step), *p.validationLoss);
        }
    }
    m_overlay->refresh();

    // Settings side by side; rows where the runs differ first, in bold.
    QVector<QMap<QString, QString>> values;
    QStringList keys;
    for (const RunRecord &r : chosen) {
        values.push_back(configValues(r.config));
        for (const QString &key : values.back().keys())
            if (!keys.contains(key))
                keys << key;
    }
    const auto differs = [&](const QString &key) {
        for (const auto &v : values)
            if (v.value(key) != values.first().value(key))
                return true;
        return false;
    };
    std::stable_partition(keys.begin(), keys.end(), differs);
    m_configs->clear();
    m_configs->setColumnCount(int(chosen.size()));
    m_configs->setRowCount(int(keys.size()));
    m_configs->setVerticalHeaderLabels(keys);
    QStringList names;
    for (const RunRecord &r : chosen)
        names << r.name;
    m_configs->setHorizontalHeaderLabels(names);
    for (int row = 0; row < keys.size(); ++row) {
        const bool different = differs(keys[row]);
        for (int column = 0; column < chosen.size(); ++column) {
            auto *cell = new QTableWidgetItem(values[column].value(keys[row]));
            if (different) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
                cell->setBackground(QColor(255, 244, 214));
            }
            m_configs->setItem(row, column, cell);
        }
    }
}

bool RunHistoryView::exportChart(const QString &path)
{
    // Written beside the target and renamed, so an existing export is never left half-replaced.
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    const QString temporary =
        path + QLatin1String(".part") + (pdf ? QLatin1String(".pdf") : QLatin1String(".png"));
    const bool saved = pdf ? m_overlay->savePdf(temporary, 900, 560)
                           : m_overlay->savePng(temporary, 1200, 750, 1.0);
    if (!saved) {
        QFile::remove(temporary);
        return false;
    }
    QFile::remove(path);
    return QFile::rename(temporary, path);
}

void RunHistoryView::exportWithDialog(const QString &filter, const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), m_workspace.root() + QLatin1String("/runs") + suffix, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix))
        path += suffix;
    exportChart(path);
}

} // namespace azllm::ui
