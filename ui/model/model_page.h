// The Model screen: pick or shape a GPT and see, live, what it costs (parameters, checkpoint
// size, memory, FLOPs, which devices it fits, how long training takes here). Every figure comes
// from the engine's sizing functions (model_sizing.h); this page only lays them out.
#pragma once

#include <QHash>
#include <QThread>
#include <QWidget>

#include <cstdint>
#include <optional>

#include "machine_benchmark_worker.h"
#include "model_config_metatype.h"
#include "translated_texts.h"

class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace azllm::ui {
class DeviceFitTable;
class ParameterChart;
class PresetTable;
class QuantizationPanel;
class TrainingPlanPanel;

class ModelPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelPage)

public:
    explicit ModelPage(QWidget *parent = nullptr);
    ~ModelPage() override;

    // Loads a preset ("az-100m") into the form; unknown names are ignored.
    void selectPreset(const QString &name);
    azllm::ModelConfig currentConfig() const;

    // The batch and sequence length the memory, FLOPs and fit figures are computed for.
    std::int64_t trainingBatch() const;
    std::int64_t trainingContext() const;
    // Tokens the training-time estimate is for.
    double tokenBudget() const;
    // The measured training speed of this machine, once the benchmark has run.
    std::optional<MachineSpeed> machineSpeed() const { return m_speed; }

    // The text the screen shows for a figure, for tests: "params.total", "bytes.fp32",
    // "train.plain.total", "train.ckpt.activations", "infer.kv", "flops.train", "time.estimate",
    // "validation", "preset.az-700m.params", "fit.train.t4-12", ... (see displayedKeys()).
    QString displayedValue(const QString &key) const;
    QStringList displayedKeys() const;

    // fp32 against int8 for a trained checkpoint (the main window gives it the runs folder).
    QuantizationPanel *quantizationPanel() const { return m_quantization; }
    // "Fit it on my GPU": the planner, its dry run and the run's costs.
    TrainingPlanPanel *trainingPlan() const { return m_plan; }

    // Whether the first show starts the benchmark by itself (on by default; tests turn it off).
    void setMeasureOnFirstShow(bool measure) { m_measureOnFirstShow = measure; }

public Q_SLOTS:
    // Runs the short benchmark on the worker thread; ignored while one is running.
    void handleMeasureRequested();

Q_SIGNALS:
    void trainRequested(const azllm::ModelConfig &config);
    // The benchmark finished (or failed) and the estimate was updated.
    void machineMeasured();
    // To the worker thread.
    void benchmarkRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // The measurement's button and status line, for the state it is in.
    void showMeasureState();
    QWidget *buildPresetSection();
    QWidget *buildFormColumn();
    QWidget *buildSizeColumn();
    QWidget *buildMemoryColumn();
    QGroupBox *buildModelForm();
    QGroupBox *buildTrainingRunForm();
    QGroupBox *buildMachineBox();
    QGroupBox *buildTrainingMemoryBox();
    QGroupBox *buildInferenceMemoryBox();
    QSpinBox *addSizeSpin(QGridLayout *form, const char *labelSource, const QString &objectName,
                          int maximum, const char *tooltip);
    QLabel *addValueRow(QGridLayout *grid, int row, const char *labelSource, const QString &key,
                        const char *tooltip);
    QLabel *valueLabel(const QString &key, const char *tooltip);
    // A label whose text is `source`, translated.
    QLabel *caption(const char *source);
    void startBenchmarkThread();

    void handleFormChanged();
    void handleContextChanged();
    void handleBudgetEdited();
    void handleComputeOptimalClicked();
    void handleMeasureFinished(const MachineSpeed &speed);
    void handleMeasureFailed(const QString &message);

    void refresh();
    void showProblems(const std::vector<std::string> &problems);
    void showFigures(const azllm::ModelConfig &config);
    void showTrainingMemory(const azllm::ModelConfig &config);
    void showTimeEstimate(const azllm::ModelConfig &config);
    void clearFigures();
    void setValue(const QString &key, const QString &text);
    static void markInvalid(QSpinBox *spin, bool invalid);
    // The dash shown in place of a figure while the configuration is invalid.
    static QString notShownText();
    void setComputeOptimalBudget(std::int64_t parameters);

    PresetTable *m_presets = nullptr;
    QSpinBox *m_vocab = nullptr;
    QSpinBox *m_context = nullptr;
    QSpinBox *m_embd = nullptr;
    QSpinBox *m_layers = nullptr;
    QSpinBox *m_heads = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QLabel *m_problems = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_sequence = nullptr;
    QDoubleSpinBox *m_budget = nullptr; // millions of tokens
    QPushButton *m_optimalButton = nullptr;
    QPushButton *m_measureButton = nullptr;
    QProgressBar *m_measureProgress = nullptr;
    QLabel *m_measureStatus = nullptr;
    QPushButton *m_trainButton = nullptr;
    ParameterChart *m_chart = nullptr;
    DeviceFitTable *m_devices = nullptr;
    QuantizationPanel *m_quantization = nullptr;
    TrainingPlanPanel *m_plan = nullptr;
    QHash<QString, QLabel *> m_values; // every figure label, by displayedValue() key
    TranslatedTexts m_texts{staticMetaObject.className()};
    QString m_measureError; // why the last measurement failed, empty when it did not

    // The budget tracks 20 tokens per parameter until the learner types their own.
    bool m_budgetFollowsOptimal = true;
    bool m_measureOnFirstShow = true;
    bool m_shownOnce = false;
    bool m_measuring = false;
    std::optional<MachineSpeed> m_speed;
    QThread m_benchmarkThread;
    MachineBenchmarkWorker *m_worker = nullptr; // lives on m_benchmarkThread
};

} // namespace azllm::ui
