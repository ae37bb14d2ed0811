// The Model screen's int8 table: for a trained checkpoint, fp32 and int8 (Q8_0) side by side:
// bytes of weights, decoding speed on this machine and perplexity on the run's validation
// tokens, measured on a worker thread with progress and Cancel.
#pragma once

#include <QGroupBox>
#include <QThread>

#include <optional>

#include "quantization_worker.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace azllm::ui {

class QuantizationPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuantizationPanel)

public:
    explicit QuantizationPanel(QWidget *parent = nullptr);
    ~QuantizationPanel() override;

    // Lists the checkpoints of every run folder in runsFolder (newest first).
    void setRunsFolder(const QString &runsFolder);
    void refreshCheckpoints();
    // Selects (adding when needed) a checkpoint or run folder.
    void setCheckpoint(const QString &checkpointOrRunDir);
    QString checkpoint() const;

    void measure();
    void cancel();
    bool isMeasuring() const { return m_measuring; }
    std::optional<QuantizationFigures> figures() const { return m_figures; }
    // The table's text, for tests: row "fp32"/"int8", column "size"/"speed"/"perplexity"/"change".
    QString cellText(const QString &row, const QString &column) const;
    QString statusText() const;

Q_SIGNALS:
    void measured();
    void measureRequested(const QString &checkpoint); // to the worker thread

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void startWorker();
    void handleProgress(const QString &stage, double fraction);
    void handleFinished(const azllm::ui::QuantizationFigures &figures);
    void handleCancelled();
    void handleFailed(const QString &message);
    void showFigures();
    void updateControls();

    QString m_runsFolder;
    bool m_measuring = false;
    std::optional<QuantizationFigures> m_figures;
    QThread m_thread;
    QuantizationWorker *m_worker = nullptr; // lives on m_thread

    QLabel *m_hint = nullptr;
    QComboBox *m_checkpoint = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_measure = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace azllm::ui
