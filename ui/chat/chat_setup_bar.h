// The Chat screen's setup bar: which checkpoint talks (any of the workspace's runs, or a folder
// outside it), in which mode (Completion or Chat) and precision (fp32 or int8), what the loaded
// model is, and the system prompt. It holds choices; the page loads and talks.
#pragma once

#include <QWidget>

#include <functional>

#include "chat_template.h"
#include "decode_model.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class PrecisionSwitch;

class ChatSetupBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSetupBar)

public:
    explicit ChatSetupBar(azllm::Workspace &workspace, QWidget *parent = nullptr);

    // Lists every checkpoint of the workspace's runs again, keeping the current one.
    void refreshCheckpoints();
    // Selects `path`, adding it to the list when it is not there.
    void selectCheckpoint(const QString &path);
    // The selected checkpoint's folder, empty when there is none.
    QString checkpoint() const;

    void setMode(azllm::ChatMode mode);
    azllm::ChatMode mode() const;
    azllm::quant::Precision precision() const;
    void setPrecision(azllm::quant::Precision precision);
    QString systemPrompt() const;
    void setSystemPrompt(const QString &text);

    // The line under the pickers about the loaded model; a function so that a language switch
    // can say it again in the new language.
    void setModelInfo(std::function<QString()> info);
    QString modelInfo() const;
    // While an answer streams, the model and its settings stay as they are; a model without
    // chat markers talks in Completion mode only.
    void setLocked(bool generating, bool chatAvailable);

Q_SIGNALS:
    // A checkpoint of the list; a checkpoint or run folder from "Other folder…".
    void checkpointChosen(const QString &path);
    void folderChosen(const QString &path);
    void modeChanged();
    void precisionChanged(azllm::quant::Precision precision);
    void exportRequested(const QString &checkpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillModes();

    azllm::Workspace &m_workspace;
    QComboBox *m_checkpoint = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_checkpointLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QComboBox *m_mode = nullptr;
    PrecisionSwitch *m_precision = nullptr;
    QLabel *m_modelInfo = nullptr;
    std::function<QString()> m_describeModel;
    QLabel *m_systemLabel = nullptr;
    QLineEdit *m_systemPrompt = nullptr;
};

} // namespace azllm::ui
