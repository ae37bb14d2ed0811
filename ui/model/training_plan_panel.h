// "Fit this model on my GPU": pick a card (or this machine, or any memory size) and a
// precision, and see the largest micro-batch and context that fit, plain and with activation
// checkpointing, with the gradient accumulation that reaches a target batch; a dry run of real
// steps confirms it on this machine's device. Below it, what the run costs: checkpoint disk use
// and the time and energy of the token budget on the chosen device. Figures come from the
// engine's planner (training_plan.h); this widget only lays them out.
#pragma once

#include <QGroupBox>
#include <QHash>
#include <QThread>

#include <cstdint>
#include <optional>

#include "dry_run_worker.h"
#include "machine_benchmark_worker.h"
#include "model_config.h"
#include "precision.h"

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace azllm::ui {

class TrainingPlanPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPlanPanel)

public:
    explicit TrainingPlanPanel(QWidget *parent = nullptr);
    ~TrainingPlanPanel() override;

    // The model, the token budget and this machine's measured speed the figures are for.
    void showPlan(const ModelConfig &config, double tokenBudget,
                  const std::optional<MachineSpeed> &machineSpeed);
    void clearPlan();

    // Picks a device by id ("t4", "a100-80", "this-machine", "custom").
    void selectDevice(const QString &id);
    void setPrecision(Precision precision);
    void setMemoryGiB(double gib);
    void setTargetBatchTokens(int tokens);

    // The text shown for a figure, for tests: "fit.plain", "fit.ckpt", "disk.one", "disk.kept",
    // "budget.time", "budget.energy", "dryrun".
    QString displayedValue(const QString &key) const;

public Q_SLOTS:
    // Runs a short dry run of the plan on this machine's device, on a worker thread.
    void handleDryRunRequested();
    void handleDryRunCancelled();

Q_SIGNALS:
    void dryRunRequested(const azllm::ui::DryRunRequest &request);
    void dryRunFinished();
    // "Train with this plan": the plain plan when it fits, else the checkpointed one.
    void planApplied(const azllm::ModelConfig &config, qint64 microBatch, qint64 context,
                     qint64 targetBatchTokens, const QString &precision, bool checkpointing);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildForm(QGridLayout *grid);
    void buildResults(QGridLayout *grid);
    void retranslate();
    void fillDevices();
    void handleDeviceChanged();
    void refresh();
    void showFit(const QString &key, bool checkpointing);
    void showCosts();
    void handleDryRunResult(const azllm::ui::DryRunReport &report);
    void handleApplyClicked();
    QLabel *addValue(QGridLayout *grid, int row, const QString &key);
    double chosenFlopsPerSecond() const;
    double chosenWatts() const;
    std::int64_t chosenMemory() const;
    void startWorkerThread();

    std::optional<ModelConfig> m_config;
    double m_tokenBudget = 0;
    std::optional<MachineSpeed> m_machineSpeed;
    bool m_dryRunning = false;

    QComboBox *m_device = nullptr;
    QDoubleSpinBox *m_memory = nullptr; // GiB
    QComboBox *m_precision = nullptr;
    QSpinBox *m_targetTokens = nullptr;
    QSpinBox *m_utilisation = nullptr; // percent of the GPU's peak
    QSpinBox *m_watts = nullptr;
    QSpinBox *m_kept = nullptr; // checkpoints kept on disk
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_apply = nullptr;
    QProgressBar *m_dryRunProgress = nullptr;
    QHash<QString, QLabel *> m_values;
    QHash<QString, QLabel *> m_captions; // re-set on a language change
    QThread m_thread;
    DryRunWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace azllm::ui
