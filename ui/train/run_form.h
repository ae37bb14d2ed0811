// The Train screen's run setup: dataset, model and training settings, with Start, Pause, Resume
// and Stop. It turns its fields into a RunConfig; the page owns the run itself.
#pragma once

#include <QGroupBox>

#include <optional>
#include <vector>

#include "model_config.h"
#include "trainer.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class RunForm final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunForm)

public:
    explicit RunForm(azllm::Workspace &workspace, QWidget *parent = nullptr);

    // From the Model screen's "Train this model": a model entry of its own, selected.
    void setModelConfig(const azllm::ModelConfig &config);
    // The workspace's datasets, keeping the selected one where it still exists.
    void refreshDatasets();
    void setMaxSteps(int steps);
    int maxSteps() const;
    QString datasetName() const;
    // The run folder's stem: the preset's name, "custom" for the Model screen's model.
    QString runStem() const;
    // Everything the form would train with; throws with a message for the learner.
    azllm::RunConfig config() const;
    // The fields are locked while a run trains; the buttons follow the run's state.
    void showRunState(bool training, bool paused);

Q_SIGNALS:
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Caption
    {
        QLabel *label;
        const char *text;
    };

    void buildFields();
    void buildScaleFields();
    std::int64_t accumulationSteps() const;
    void showAccumulation();
    QLayout *buildButtons();
    void retranslate();
    QString configuratorLabel() const;

    azllm::Workspace &m_workspace;
    std::optional<azllm::ModelConfig> m_configuratorModel;
    std::vector<Caption> m_captions;
    QComboBox *m_dataset = nullptr;
    QComboBox *m_model = nullptr;
    QSpinBox *m_context = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_steps = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_warmup = nullptr;
    QSpinBox *m_evalInterval = nullptr;
    QSpinBox *m_checkpointInterval = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QSpinBox *m_targetTokens = nullptr;
    QLabel *m_accumulation = nullptr;
    QCheckBox *m_checkpointing = nullptr;
    QComboBox *m_precision = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace azllm::ui
