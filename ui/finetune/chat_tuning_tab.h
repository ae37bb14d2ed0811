// The Fine-tune screen's chat tab: a question-answer dataset, full tuning of the last N blocks
// or all, or LoRA, with what each trains and costs; the first batch as the model sees it; the
// live loss; base and tuned answers side by side on held-out questions.
#pragma once

#include <QWidget>

#include <vector>

#include "batch_preview.h"
#include "model_config.h"
#include "sft_evaluation.h"
#include "tuning_form.h"
#include "tuning_job.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace azllm::ui {

class BatchPreviewView;
class TuningRunPanel;

class ChatTuningTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTuningTab)

public:
    explicit ChatTuningTab(QWidget *parent = nullptr);

    // The base's shape (for the cost estimate); nullopt-like when none is chosen.
    void setBaseModel(const azllm::ModelConfig &model, bool present);
    void setDatasetPath(const QString &path);
    // A request from the form (base and out folder are the screen's to fill in). Throws
    // std::runtime_error with a sentence for the learner when the form is incomplete.
    azllm::TuningRequest request() const;

    void showPreview(const std::vector<azllm::PreviewRow> &rows, const QStringList &summary);
    void showComparison(const azllm::SftEvaluation &base, const azllm::SftEvaluation &tuned);
    void setComparisonProgress(int done, int total);
    // A finished or stopped run whose best checkpoint the comparison and "Open in Chat" use.
    void setTunedCheckpoint(const QString &checkpoint);

    TuningRunPanel *panel() const { return m_panel; }
    BatchPreviewView *previewView() const { return m_preview; }
    QTableWidget *comparisonTable() const { return m_comparison; }
    QLabel *costLabel() const { return m_cost; }
    void showPreviewTab();

Q_SIGNALS:
    void previewRequested();
    void compareRequested(const QString &tunedCheckpoint);
    void openInChatRequested(const QString &checkpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildForm();
    QWidget *buildResults();
    void retranslate();
    void updateCost();
    void updateMethodFields();

    azllm::ModelConfig m_base;
    bool m_hasBase = false;
    QString m_tuned;

    QLineEdit *m_dataset = nullptr;
    QPushButton *m_browse = nullptr;
    QDoubleSpinBox *m_validationShare = nullptr;
    QComboBox *m_method = nullptr;
    QSpinBox *m_blocks = nullptr;
    QSpinBox *m_rank = nullptr;
    QDoubleSpinBox *m_alpha = nullptr;
    QComboBox *m_targets = nullptr;
    QCheckBox *m_allTokens = nullptr;
    QCheckBox *m_packing = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_batch = nullptr;
    QLabel *m_cost = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_openInChat = nullptr;
    QLabel *m_comparisonSummary = nullptr;
    QTabWidget *m_tabs = nullptr;
    TuningRunPanel *m_panel = nullptr;
    BatchPreviewView *m_preview = nullptr;
    QTableWidget *m_comparison = nullptr;
    CaptionedGrid m_grid;
};

} // namespace azllm::ui
