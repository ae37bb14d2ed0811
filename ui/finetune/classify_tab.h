// The Fine-tune screen's classification tab: texts with labels, a head on the GPT (head only,
// the last 2 blocks, everything, or LoRA), live per epoch: loss, accuracy and macro-F1, the
// per-class precision and recall, the confusion matrix, the misclassified texts; the baselines
// on the same split; and a box that predicts the class of any text.
#pragma once

#include <QWidget>

#include <vector>

#include "bow_baseline.h"
#include "model_config.h"
#include "tuning_form.h"
#include "tuning_job.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace azllm::ui {

class ConfusionMatrixView;
class MetricChart;
class TuningRunPanel;

class ClassifyTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassifyTab)

public:
    explicit ClassifyTab(QWidget *parent = nullptr);

    void setBaseModel(const azllm::ModelConfig &model, bool present);
    void setDatasetPath(const QString &path);
    void setValidationPath(const QString &path);
    void setMode(const QString &mode); // head, last2, full, lora
    QString mode() const;
    // Throws std::runtime_error with a sentence for the learner when the form is incomplete.
    azllm::TuningRequest request() const;

    // The split the running classifier is validated on (for the misclassified list).
    void setValidationItems(const std::vector<azllm::LabelledText> &items);
    void showReport(qint64 step, qint64 stepsPerEpoch, const azllm::ClassificationReport &report);
    void showBaselines(const azllm::BaselineReports &reports);
    void showPrediction(const QStringList &labels, const QVector<double> &probabilities);
    void setClassifierCheckpoint(const QString &checkpoint);
    void clearResults();

    TuningRunPanel *panel() const { return m_panel; }
    ConfusionMatrixView *confusionMatrix() const { return m_confusion; }
    QTableWidget *perClassTable() const { return m_perClass; }
    QTableWidget *misclassifiedTable() const { return m_misclassified; }
    QTableWidget *baselineTable() const { return m_baselines; }
    QTableWidget *predictionTable() const { return m_prediction; }
    MetricChart *scoreChart() const { return m_scores; }
    QLabel *costLabel() const { return m_cost; }

Q_SIGNALS:
    void baselinesRequested();
    void predictRequested(const QString &checkpoint, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildForm();
    QWidget *buildResults();
    QWidget *buildPredictBox();
    void retranslate();
    void updateCost();
    void setBaselineRow(int row, const QString &name, double accuracy, double macroF1);

    azllm::ModelConfig m_base;
    bool m_hasBase = false;
    QString m_checkpoint;
    std::vector<azllm::LabelledText> m_validationItems;
    double m_bestAccuracy = -1;
    double m_bestMacroF1 = -1;

    QLineEdit *m_dataset = nullptr;
    QLineEdit *m_validation = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_browseValidation = nullptr;
    QDoubleSpinBox *m_validationShare = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_pooling = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_batch = nullptr;
    QLabel *m_cost = nullptr;
    QPushButton *m_baselineButton = nullptr;
    TuningRunPanel *m_panel = nullptr;
    QTabWidget *m_tabs = nullptr;
    MetricChart *m_scores = nullptr;
    ConfusionMatrixView *m_confusion = nullptr;
    QTableWidget *m_perClass = nullptr;
    QTableWidget *m_misclassified = nullptr;
    QTableWidget *m_baselines = nullptr;
    QLineEdit *m_text = nullptr;
    QPushButton *m_predict = nullptr;
    QTableWidget *m_prediction = nullptr;
    QLabel *m_predictHint = nullptr;
    CaptionedGrid m_grid;
};

} // namespace azllm::ui
