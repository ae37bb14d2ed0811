#include "quantization_panel.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "checkpoint.h"
#include "size_format.h"

namespace azllm::ui {

namespace {

enum Column
{
    SizeColumn,
    SpeedColumn,
    PerplexityColumn,
    ChangeColumn,
    ColumnCount
};

const char *const kColumnKeys[] = {"size", "speed", "perplexity", "change"};

QString signedPercent(double fraction)
{
    return (fraction >= 0 ? QStringLiteral("+") : QString()) +
           QLocale().toString(100.0 * fraction, 'f', 2) + QLatin1Char('%');
}

} // namespace

QuantizationPanel::QuantizationPanel(QWidget *parent) : QGroupBox(parent)
{
    qRegisterMetaType<QuantizationFigures>();
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_checkpoint = new QComboBox;
    m_checkpoint->setObjectName(QStringLiteral("quantCheckpoint"));
    m_checkpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoint->setMinimumContentsLength(24);
    connect(m_checkpoint, &QComboBox::activated, this, &QuantizationPanel::updateControls);
    m_browse = new QPushButton;
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint or run folder"));
        if (!dir.isEmpty())
            setCheckpoint(dir);
    });
    m_measure = new QPushButton;
    m_measure->setObjectName(QStringLiteral("quantMeasure"));
    connect(m_measure, &QPushButton::clicked, this, &QuantizationPanel::measure);
    m_cancel = new QPushButton;
    connect(m_cancel, &QPushButton::clicked, this, &QuantizationPanel::cancel);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_table = new QTableWidget(2, ColumnCount);
    m_table->setObjectName(QStringLiteral("quantTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMaximumHeight(110);
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(QStringLiteral("\u2014")));

    auto *picker = new QHBoxLayout;
    picker->addWidget(m_checkpoint, 1);
    picker->addWidget(m_browse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_measure);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(picker);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    layout->addWidget(m_status);

    startWorker();
    retranslate();
    updateControls();
}

QuantizationPanel::~QuantizationPanel()
{
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

void QuantizationPanel::startWorker()
{
    m_worker = new QuantizationWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &QuantizationPanel::measureRequested, m_worker,
            &QuantizationWorker::handleMeasureRequested, Qt::QueuedConnection);
    connect(m_worker, &QuantizationWorker::progressChanged, this,
            &QuantizationPanel::handleProgress, Qt::QueuedConnection);
    connect(m_worker, &QuantizationWorker::measureFinished, this,
            &QuantizationPanel::handleFinished, Qt::QueuedConnection);
    connect(m_worker, &QuantizationWorker::measureCancelled, this,
            &QuantizationPanel::handleCancelled, Qt::QueuedConnection);
    connect(m_worker, &QuantizationWorker::measureFailed, this, &QuantizationPanel::handleFailed,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("quantization"));
    m_thread.start();
}

void QuantizationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void QuantizationPanel::retranslate()
{
    setTitle(tr("int8 (Q8_0) on a trained checkpoint"));
    m_hint->setText(tr("The configurator's int8 size, measured on a real checkpoint: the same "
                       "model with every matrix in Q8_0 (34 bytes per 32 weights), how fast it "
                       "decodes here, and how much its perplexity on the run's validation tokens "
                       "changes."));
    m_browse->setText(tr("Other folder\u2026"));
    m_measure->setText(tr("Measure fp32 and int8"));
    m_cancel->setText(tr("Cancel"));
    m_table->setHorizontalHeaderLabels(
        {tr("Weights"), tr("Tokens/s"), tr("Perplexity"), tr("Change vs fp32")});
    m_table->setVerticalHeaderLabels({tr("fp32"), tr("int8 (Q8_0)")});
    if (m_checkpoint->count() == 1 && m_checkpoint->itemData(0).toString().isEmpty())
        m_checkpoint->setItemText(0, tr("(no checkpoints yet: train a model on the Train screen)"));
}

void QuantizationPanel::setRunsFolder(const QString &runsFolder)
{
    m_runsFolder = runsFolder;
    refreshCheckpoints();
}

void QuantizationPanel::refreshCheckpoints()
{
    const QString current = checkpoint();
    m_checkpoint->clear();
    for (const QFileInfo &run :
         QDir(m_runsFolder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time))
        for (const CheckpointInfo &c : listCheckpoints(run.absoluteFilePath().toStdString()))
            m_checkpoint->insertItem(m_checkpoint->count(),
                                     tr("%1 \u00b7 step %2").arg(run.fileName()).arg(c.state.step),
                                     QString::fromStdString(c.path));
    if (!current.isEmpty() && m_checkpoint->findData(current) < 0)
        m_checkpoint->addItem(QDir::toNativeSeparators(current), current);
    if (m_checkpoint->count() == 0)
        m_checkpoint->addItem(tr("(no checkpoints yet: train a model on the Train screen)"),
                              QString());
    const int again = m_checkpoint->findData(current);
    m_checkpoint->setCurrentIndex(again >= 0 ? again : 0);
    updateControls();
}

void QuantizationPanel::setCheckpoint(const QString &checkpointOrRunDir)
{
    QString path = checkpointOrRunDir;
    if (!QFileInfo::exists(path + QStringLiteral("/state.txt")))
        if (const auto latest = latestCheckpoint(path.toStdString()))
            path = QString::fromStdString(latest->path);
    int index = m_checkpoint->findData(path);
    if (index < 0) {
        m_checkpoint->addItem(QDir::toNativeSeparators(path), path);
        index = m_checkpoint->count() - 1;
    }
    m_checkpoint->setCurrentIndex(index);
    updateControls();
}

QString QuantizationPanel::checkpoint() const
{
    return m_checkpoint->currentData().toString();
}

void QuantizationPanel::measure()
{
    if (m_measuring || checkpoint().isEmpty())
        return;
    m_measuring = true;
    m_progress->setValue(0);
    m_status->setText(tr("Measuring %1\u2026").arg(QDir::toNativeSeparators(checkpoint())));
    m_status->setStyleSheet(QString());
    updateControls();
    m_worker->clearCancel();
    Q_EMIT measureRequested(checkpoint());
}

void QuantizationPanel::cancel()
{
    if (m_measuring)
        m_worker->cancel();
}

void QuantizationPanel::handleProgress(const QString &stage, double fraction)
{
    m_progress->setValue(int(100 * fraction));
    const QString step = stage.startsWith(QLatin1String("fp32"))   ? tr("fp32 perplexity")
                         : stage.startsWith(QLatin1String("int8")) ? tr("int8 perplexity")
                                                                   : tr("decoding speed");
    m_status->setText(tr("Measuring: %1\u2026").arg(step));
}

void QuantizationPanel::handleFinished(const QuantizationFigures &figures)
{
    m_measuring = false;
    m_figures = figures;
    showFigures();
    m_status->setText(tr("Perplexity over %1 tokens of %2; speed: greedy decoding on this "
                         "machine's %3 kernels.")
                          .arg(figures.evaluatedTokens)
                          .arg(QDir::toNativeSeparators(figures.validationFile), figures.kernels));
    updateControls();
    Q_EMIT measured();
}

void QuantizationPanel::handleCancelled()
{
    m_measuring = false;
    m_status->setText(tr("Cancelled."));
    updateControls();
}

void QuantizationPanel::handleFailed(const QString &message)
{
    m_measuring = false;
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setText(tr("Not measured: %1").arg(message));
    updateControls();
}

void QuantizationPanel::showFigures()
{
    const QuantizationFigures &f = *m_figures;
    const auto set = [this](int row, int column, const QString &text) {
        m_table->item(row, column)->setText(text);
    };
    set(0, SizeColumn, formatBytes(f.fp32Bytes));
    set(1, SizeColumn,
        tr("%1 (%2% of fp32)")
            .arg(formatBytes(f.int8Bytes))
            .arg(QLocale().toString(100.0 * double(f.int8Bytes) / double(f.fp32Bytes), 'f', 1)));
    set(0, SpeedColumn, QLocale().toString(f.fp32TokensPerSecond, 'f', 1));
    set(1, SpeedColumn,
        tr("%1 (%2\u00d7)")
            .arg(QLocale().toString(f.int8TokensPerSecond, 'f', 1))
            .arg(QLocale().toString(f.int8TokensPerSecond / f.fp32TokensPerSecond, 'f', 2)));
    set(0, PerplexityColumn, QLocale().toString(f.fp32Perplexity, 'f', 3));
    set(1, PerplexityColumn, QLocale().toString(f.int8Perplexity, 'f', 3));
    set(0, ChangeColumn, QStringLiteral("\u2014"));
    set(1, ChangeColumn, signedPercent(f.int8Perplexity / f.fp32Perplexity - 1.0));
}

QString QuantizationPanel::cellText(const QString &row, const QString &column) const
{
    const int r = row == QLatin1String("int8") ? 1 : 0;
    for (int c = 0; c < ColumnCount; ++c)
        if (column == QLatin1String(kColumnKeys[c]))
            return m_table->item(r, c)->text();
    return {};
}

QString QuantizationPanel::statusText() const
{
    return m_status->text();
}

void QuantizationPanel::updateControls()
{
    m_measure->setEnabled(!m_measuring && !checkpoint().isEmpty());
    m_cancel->setEnabled(m_measuring);
    m_checkpoint->setEnabled(!m_measuring);
    m_browse->setEnabled(!m_measuring);
    m_progress->setVisible(m_measuring);
}

} // namespace azllm::ui
