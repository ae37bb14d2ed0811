// The Export dialog: a checkpoint to GGUF (llama.cpp, Ollama, LM Studio) or safetensors (Hugging
// Face), in f32, f16 or q8_0, to a file or folder the learner picks; progress and Cancel while a
// worker thread writes, and nothing half-written when it stops. Opened from the Chat screen, the
// Train screen's checkpoint list and the File menu.
#pragma once

#include <QDialog>
#include <QThread>

#include "export_worker.h"

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace azllm::ui {

class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // exportsFolder is where destinations are suggested (the workspace's exports/).
    ExportDialog(const QString &checkpoint, const QString &exportsFolder,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    // ---- what the learner does, callable from tests
    void setCheckpoint(const QString &checkpointOrRunDir);
    void setFormat(azllm::ExportFormat format);
    void setType(azllm::quant::ExportType type);
    void setDestination(const QString &path);
    void startExport();
    void cancelExport();

    // ---- what the dialog shows
    QString checkpoint() const;
    azllm::ExportFormat format() const;
    azllm::quant::ExportType type() const;
    QString destination() const;
    bool isRunning() const { return m_running; }
    QString statusText() const;
    int progressPercent() const;

Q_SIGNALS:
    void exportFinished(const azllm::ui::ExportSummary &summary);
    void exportFailed(const QString &message);
    // To the worker thread.
    void exportRequested(const azllm::ExportRequest &request);

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void buildForm();
    void retranslate();
    void startWorker();
    void suggestDestination();
    void updateTypeChoices();
    void updateControls();
    void browseCheckpoint();
    void browseDestination();
    void handleProgress(const QString &stage, double fraction);
    void handleFinished(const azllm::ui::ExportSummary &summary);
    void handleFailed(const QString &message);
    void showStatus(const QString &text, bool error = false);
    QString describeWhatIsWritten() const;

    QString m_exportsFolder;
    bool m_running = false;
    bool m_destinationEdited = false; // the learner typed one: stop suggesting
    QThread m_thread;
    ExportWorker *m_worker = nullptr; // lives on m_thread

    QLabel *m_checkpointLabel = nullptr;
    QLineEdit *m_checkpoint = nullptr;
    QPushButton *m_browseCheckpoint = nullptr;
    QLabel *m_formatLabel = nullptr;
    QRadioButton *m_gguf = nullptr;
    QRadioButton *m_safetensors = nullptr;
    QButtonGroup *m_formats = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_destinationLabel = nullptr;
    QLineEdit *m_destination = nullptr;
    QPushButton *m_browseDestination = nullptr;
    QLabel *m_written = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openFolder = nullptr;
};

} // namespace azllm::ui
