// The Fine-tune screen's top bar: the pretrained checkpoint to tune (every run folder's best or
// newest checkpoint that writes text, classifiers left out), "Make a base" and its progress, and
// a line on the chosen model. The screen trains the base; the bar only shows and picks.
#pragma once

#include <QWidget>

#include "model_config.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace azllm::ui {

class BaseBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BaseBar)

public:
    explicit BaseBar(QWidget *parent = nullptr);

    // Lists the checkpoints under runsDir, keeping the chosen one (else the sample base).
    void refresh(const QString &runsDir);
    // Selects (adding when needed) a base checkpoint or run folder.
    void setBase(const QString &checkpointOrRunDir);
    QString checkpoint() const;

    void setBusy(bool busy);
    void showMakingProgress(qint64 step, qint64 maxSteps, double loss);
    void beginMaking(qint64 maxSteps, qint64 doneSteps);
    void endMaking();

Q_SIGNALS:
    void makeRequested();
    // The chosen base's model; present is false when there is none or it cannot be read.
    void baseChanged(const azllm::ModelConfig &model, bool present);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateInfo();

    QComboBox *m_base = nullptr;
    QPushButton *m_make = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_caption = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace azllm::ui
