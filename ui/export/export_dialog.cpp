#include "export_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QUrl>
#include <QVBoxLayout>

#include "checkpoint.h"

namespace azllm::ui {

namespace {

// A run folder means its newest checkpoint.
QString resolveCheckpoint(const QString &path)
{
    if (QFileInfo::exists(path + QStringLiteral("/state.txt")))
        return path;
    if (const auto latest = latestCheckpoint(path.toStdString()))
        return QString::fromStdString(latest->path);
    return path;
}

} // namespace

ExportDialog::ExportDialog(const QString &checkpoint, const QString &exportsFolder, QWidget *parent)
    : QDialog(parent), m_exportsFolder(exportsFolder)
{
    qRegisterMetaType<ExportSummary>();
    qRegisterMetaType<ExportRequest>();
    buildForm();
    retranslate();
    startWorker();
    setCheckpoint(checkpoint);
    updateControls();
}

ExportDialog::~ExportDialog()
{
    m_worker->cancel(); // a running export stops at its next step and removes what it wrote
    m_thread.quit();
    m_thread.wait();
}

void ExportDialog::buildForm()
{
    m_checkpointLabel = new QLabel;
    m_checkpoint = new QLineEdit;
    m_checkpoint->setObjectName(QStringLiteral("exportCheckpoint"));
    m_browseCheckpoint = new QPushButton;
    connect(m_browseCheckpoint, &QPushButton::clicked, this, &ExportDialog::browseCheckpoint);
    connect(m_checkpoint, &QLineEdit::textEdited, this, [this] {
        suggestDestination();
        updateControls();
    });

    m_formatLabel = new QLabel;
    m_gguf = new QRadioButton;
    m_safetensors = new QRadioButton;
    m_formats = new QButtonGroup(this);
    m_formats->addButton(m_gguf, int(ExportFormat::Gguf));
    m_formats->addButton(m_safetensors, int(ExportFormat::Safetensors));
    m_gguf->setChecked(true);
    connect(m_formats, &QButtonGroup::idClicked, this, [this] {
        updateTypeChoices();
        suggestDestination();
        updateControls();
    });

    m_typeLabel = new QLabel;
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("exportType"));
    for (quant::ExportType t :
         {quant::ExportType::F32, quant::ExportType::F16, quant::ExportType::Q8_0})
        m_type->addItem(QString(), int(t));
    connect(m_type, &QComboBox::activated, this, [this] {
        suggestDestination();
        updateControls();
    });

    m_destinationLabel = new QLabel;
    m_destination = new QLineEdit;
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    connect(m_destination, &QLineEdit::textEdited, this, [this] {
        m_destinationEdited = true;
        updateControls();
    });
    m_browseDestination = new QPushButton;
    connect(m_browseDestination, &QPushButton::clicked, this, &ExportDialog::browseDestination);

    m_written = new QLabel;
    m_written->setWordWrap(true);
    m_written->setForegroundRole(QPalette::PlaceholderText);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_export = new QPushButton;
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    m_cancel = new QPushButton;
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::reject);
    m_openFolder = new QPushButton;
    m_openFolder->setVisible(false);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        const QFileInfo out(destination());
        QDesktopServices::openUrl(QUrl::fromLocalFile(
            m_safetensors->isChecked() ? out.absoluteFilePath() : out.absolutePath()));
    });

    auto *form = new QGridLayout;
    form->addWidget(m_checkpointLabel, 0, 0);
    form->addWidget(m_checkpoint, 0, 1);
    form->addWidget(m_browseCheckpoint, 0, 2);
    form->addWidget(m_formatLabel, 1, 0);
    auto *formats = new QVBoxLayout;
    formats->addWidget(m_gguf);
    formats->addWidget(m_safetensors);
    form->addLayout(formats, 1, 1, 1, 2);
    form->addWidget(m_typeLabel, 2, 0);
    form->addWidget(m_type, 2, 1, 1, 2);
    form->addWidget(m_destinationLabel, 3, 0);
    form->addWidget(m_destination, 3, 1);
    form->addWidget(m_browseDestination, 3, 2);
    form->addWidget(m_written, 4, 1, 1, 2);
    form->setColumnStretch(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addLayout(buttons);
    setMinimumWidth(640);
}

void ExportDialog::retranslate()
{
    setWindowTitle(tr("Export model"));
    m_checkpointLabel->setText(tr("Checkpoint"));
    m_checkpoint->setToolTip(tr("A checkpoint folder (step-N), or a run folder for its newest."));
    m_browseCheckpoint->setText(tr("Choose\u2026"));
    m_formatLabel->setText(tr("Format"));
    m_gguf->setText(tr("GGUF: one file for llama.cpp, Ollama and LM Studio (with an Ollama "
                       "Modelfile beside it)"));
    m_safetensors->setText(tr("safetensors: a Hugging Face folder (GPT2LMHeadModel, config.json, "
                              "tokenizer, model card)"));
    m_typeLabel->setText(tr("Precision"));
    m_type->setItemText(0, tr("f32: exact, 4 bytes per weight"));
    m_type->setItemText(1, tr("f16: 2 bytes per weight, nearly exact"));
    m_type->setItemText(2, tr("q8_0: int8 in blocks of 32, 34 bytes per 32 weights (GGUF only)"));
    m_destinationLabel->setText(tr("Save to"));
    m_browseDestination->setText(tr("Choose\u2026"));
    m_export->setText(tr("Export"));
    m_cancel->setText(m_running ? tr("Cancel") : tr("Close"));
    m_openFolder->setText(tr("Open folder"));
    m_written->setText(describeWhatIsWritten());
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ExportDialog::startWorker()
{
    m_worker = new ExportWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &ExportDialog::exportRequested, m_worker, &ExportWorker::run,
            Qt::QueuedConnection);
    connect(m_worker, &ExportWorker::progressChanged, this, &ExportDialog::handleProgress,
            Qt::QueuedConnection);
    connect(m_worker, &ExportWorker::exportFinished, this, &ExportDialog::handleFinished,
            Qt::QueuedConnection);
    connect(m_worker, &ExportWorker::exportFailed, this, &ExportDialog::handleFailed,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("export"));
    m_thread.start();
}

// ---- the form ------------------------------------------------------------------------------

void ExportDialog::setCheckpoint(const QString &checkpointOrRunDir)
{
    m_checkpoint->setText(QDir::toNativeSeparators(resolveCheckpoint(checkpointOrRunDir)));
    suggestDestination();
    updateControls();
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_formats->button(int(format))->setChecked(true);
    updateTypeChoices();
    suggestDestination();
    updateControls();
}

void ExportDialog::setType(quant::ExportType type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
    suggestDestination();
    updateControls();
}

void ExportDialog::setDestination(const QString &path)
{
    m_destination->setText(QDir::toNativeSeparators(path));
    m_destinationEdited = true;
    updateControls();
}

QString ExportDialog::checkpoint() const
{
    return QDir::fromNativeSeparators(m_checkpoint->text().trimmed());
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_formats->checkedId());
}

quant::ExportType ExportDialog::type() const
{
    return quant::ExportType(m_type->currentData().toInt());
}

QString ExportDialog::destination() const
{
    return QDir::fromNativeSeparators(m_destination->text().trimmed());
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

int ExportDialog::progressPercent() const
{
    return m_progress->value();
}

// safetensors has no Q8_0: the choice is offered only for GGUF.
void ExportDialog::updateTypeChoices()
{
    const bool gguf = format() == ExportFormat::Gguf;
    if (!gguf && type() == quant::ExportType::Q8_0)
        m_type->setCurrentIndex(m_type->findData(int(quant::ExportType::F16)));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_type->model()))
        items->item(m_type->findData(int(quant::ExportType::Q8_0)))->setEnabled(gguf);
}

// <exports>/<run>-step<N>-<type>.gguf, or a folder <run>-step<N>-<type>-hf.
void ExportDialog::suggestDestination()
{
    if (m_destinationEdited)
        return;
    const QFileInfo step(checkpoint());
    const QString run = step.dir().absolutePath().endsWith(QStringLiteral("/checkpoints"))
                            ? QFileInfo(step.dir().absolutePath()).dir().dirName()
                            : step.fileName();
    const QString stem = QStringLiteral("%1-%2-%3")
                             .arg(run.isEmpty() ? QStringLiteral("model") : run, step.fileName(),
                                  QLatin1String(quant::exportTypeName(type())));
    const QString name = format() == ExportFormat::Gguf ? stem + QStringLiteral(".gguf")
                                                        : stem + QStringLiteral("-hf");
    m_destination->setText(QDir::toNativeSeparators(QDir(m_exportsFolder).filePath(name)));
}

QString ExportDialog::describeWhatIsWritten() const
{
    if (format() == ExportFormat::Gguf)
        return tr("Writes the .gguf file and an Ollama Modelfile in its folder. Run it with "
                  "llama-cli -m FILE (add --jinja for the chat template), or ollama create NAME "
                  "-f Modelfile.");
    return tr("Writes a folder: model.safetensors, config.json, tokenizer.model, "
              "tokenizer_config.json and README.md. Load it with "
              "GPT2LMHeadModel.from_pretrained(FOLDER).");
}

void ExportDialog::updateControls()
{
    const bool ready = !checkpoint().isEmpty() && !destination().isEmpty();
    m_export->setEnabled(ready && !m_running);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_checkpoint, m_browseCheckpoint, m_gguf, m_safetensors,
                                          m_type, m_destination, m_browseDestination})
        w->setEnabled(!m_running);
    m_cancel->setText(m_running ? tr("Cancel") : tr("Close"));
    m_written->setText(describeWhatIsWritten());
}

void ExportDialog::browseCheckpoint()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Checkpoint or run folder"), checkpoint());
    if (!dir.isEmpty())
        setCheckpoint(dir);
}

void ExportDialog::browseDestination()
{
    const QString chosen =
        format() == ExportFormat::Gguf
            ? QFileDialog::getSaveFileName(this, tr("Save GGUF as"), destination(),
                                           tr("GGUF models (*.gguf)"))
            : QFileDialog::getSaveFileName(this, tr("Folder to create"), destination());
    if (!chosen.isEmpty())
        setDestination(chosen);
}

// ---- running -------------------------------------------------------------------------------

void ExportDialog::startExport()
{
    if (m_running || checkpoint().isEmpty() || destination().isEmpty())
        return;
    if (QFileInfo::exists(destination()) &&
        QMessageBox::question(this, tr("Replace it?"),
                              tr("%1 already exists. Replace it? It is replaced only once the "
                                 "new export is complete.")
                                  .arg(QDir::toNativeSeparators(destination()))) !=
            QMessageBox::Yes)
        return;
    ExportRequest request;
    request.checkpoint = checkpoint().toStdString();
    request.format = format();
    request.type = type();
    request.out = destination().toStdString();
    m_running = true;
    m_openFolder->setVisible(false);
    m_progress->setValue(0);
    showStatus(tr("Starting\u2026"));
    updateControls();
    m_worker->clearCancel();
    Q_EMIT exportRequested(request);
}

void ExportDialog::cancelExport()
{
    if (m_running) {
        m_worker->cancel();
        showStatus(tr("Cancelling\u2026"));
    }
}

void ExportDialog::reject()
{
    if (m_running) {
        cancelExport(); // the dialog stays until the worker confirms nothing is left behind
        return;
    }
    QDialog::reject();
}

void ExportDialog::handleProgress(const QString &stage, double fraction)
{
    if (!m_running)
        return;
    m_progress->setValue(int(100 * fraction));
    if (stage == QLatin1String("loading the checkpoint"))
        showStatus(tr("Loading the checkpoint\u2026"));
    else
        showStatus(tr("Writing the tensors\u2026 %1%").arg(int(100 * fraction)));
}

void ExportDialog::handleFinished(const ExportSummary &summary)
{
    m_running = false;
    updateControls();
    if (summary.cancelled) {
        m_progress->setValue(0);
        showStatus(tr("Cancelled: nothing was written."));
    } else {
        m_progress->setValue(100);
        QString text = tr("Written: %1 (%2)")
                           .arg(QDir::toNativeSeparators(summary.files.value(0)),
                                QLocale().formattedDataSize(summary.bytes));
        for (const QString &note : summary.notes)
            text += QStringLiteral("\n\u2022 ") + note;
        showStatus(text);
        m_openFolder->setVisible(true);
    }
    Q_EMIT exportFinished(summary);
}

void ExportDialog::handleFailed(const QString &message)
{
    m_running = false;
    updateControls();
    m_progress->setValue(0);
    showStatus(tr("Not exported: %1").arg(message), true);
    Q_EMIT exportFailed(message);
}

void ExportDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_status->setText(text);
}

} // namespace azllm::ui
