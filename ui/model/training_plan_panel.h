// "Fit this model on my GPU": pick a card the course names (or this machine, or type a memory
// size), a precision and a target batch in tokens, and see the largest micro-batch and context
// that fit, plain and with activation checkpointing, with the gradient accumulation that reaches
// the target; a dry run of two real steps confirms the plan on this machine. Below, what the run
// costs: the disk its kept checkpoints take and the time and energy of the token budget on the
// chosen device. Figures come from the engine's planner (training_plan.h); this widget lays them
// out.
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
#include "translated_texts.h"

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace azllm {
struct AcceleratorSpec;
struct FitPlan;
} // namespace azllm

namespace azllm::ui {

class TrainingPlanPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPlanPanel)

public:
    explicit TrainingPlanPanel(QWidget *parent = nullptr);
    ~TrainingPlanPanel() override;

    // The model, the token budget and this machine's measured training rate the figures are for.
    void showPlan(const ModelConfig &config, double tokenBudget,
                  const std::optional<MachineSpeed> &machineSpeed);
    void clearPlan();

    // A device of devicesToCompare() by id ("t4-16", "a100-80", "this-machine").
    void selectDevice(const QString &id);
    void setPrecision(TrainingPrecision precision);
    void setMemoryGiB(double gib);
    void setTargetBatchTokens(int tokens);
    void setKeptCheckpoints(int kept);
    void setUtilisationPercent(int percent);
    // Where dry runs make their scratch folder (tests); the system's temp folder by default.
    void setScratchParent(const QString &folder) { m_scratchParent = folder; }

    // The text shown for a figure, for tests: "plan.plain", "plan.ckpt", "plan.dryrun",
    // "plan.disk", "plan.rate", "plan.time", "plan.energy".
    QString displayedValue(const QString &key) const;

public Q_SLOTS:
    // Runs the dry run on a worker thread; refused (with a line saying why) when the chosen
    // device is a card this machine does not have.
    void handleDryRunRequested();
    void handleDryRunCancelled();

Q_SIGNALS:
    void dryRunRequested(const azllm::ui::DryRunRequest &request);
    void dryRunFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildForm(QGridLayout *inputs, QGridLayout *results);
    void buildDryRun(QGridLayout *inputs);
    void buildCosts(QGridLayout *inputs, QGridLayout *results);
    QLabel *addRow(QGridLayout *grid, const char *caption, const QString &key);
    void addField(QGridLayout *grid, const char *caption, QWidget *field);
    void retranslate();
    void fillDevices();
    void handleDeviceChanged();
    void refresh();
    void showFit(const QString &key, const FitPlan &plan);
    void showCosts();
    void handleDryRunStep(int done, int total);
    void handleDryRunResult(const azllm::ui::DryRunReport &report);
    void startWorkerThread();
    void setValue(const QString &key, const QString &text);
    FitPlan currentPlan(bool checkpointing) const;
    const AcceleratorSpec *chosenCard() const;
    bool thisMachineChosen() const;
    TrainingPrecision chosenPrecision() const;

    std::optional<ModelConfig> m_config;
    double m_tokenBudget = 0;
    std::optional<MachineSpeed> m_machineSpeed;
    bool m_dryRunning = false;
    QString m_scratchParent;

    QComboBox *m_device = nullptr;
    QDoubleSpinBox *m_memory = nullptr; // GiB
    QComboBox *m_precision = nullptr;
    QSpinBox *m_targetTokens = nullptr;
    QSpinBox *m_kept = nullptr;        // checkpoints kept on disk
    QSpinBox *m_utilisation = nullptr; // percent of the card's peak
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_dryRunProgress = nullptr;
    QHash<QString, QLabel *> m_values;
    TranslatedTexts m_texts{staticMetaObject.className()};
    QThread m_thread;
    DryRunWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace azllm::ui
