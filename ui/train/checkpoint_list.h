// The Train screen's checkpoints of one run: step, loss and validation loss of each, with
// "Resume from here" and "Export…" for the selected one.
#pragma once

#include <QWidget>

class QAction;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace azllm::ui {

class CheckpointList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckpointList)

public:
    explicit CheckpointList(QWidget *parent = nullptr);

    void clear();
    void add(const QString &path, qint64 step, double loss, double validationLoss);
    // Lists the checkpoints in `runDir`; with `upToStep`, only those of steps up to it.
    void showRun(const QString &runDir, qint64 upToStep = -1);
    int count() const;
    // The selected checkpoint's folder, empty when none.
    QString selected() const;
    void select(int row);
    // Resuming is refused while a run trains; exporting is not.
    void setResumeAllowed(bool allowed);

Q_SIGNALS:
    void resumeRequested(const QString &checkpoint);
    void exportRequested(const QString &checkpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void describe(QListWidgetItem *item) const;
    void updateButtons();

    QListWidget *m_list = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_resume = nullptr;
    QAction *m_exportAction = nullptr;
    bool m_resumeAllowed = true;
};

} // namespace azllm::ui
