#include "chat_setup_bar.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "checkpoint.h"
#include "precision_switch.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

// pretrain, sft or classify: what a run's checkpoint was trained for ("" when unreadable).
std::string runKind(const std::string &checkpoint)
{
    try {
        return readCheckpointConfig(checkpoint).tuning.kind;
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace

ChatSetupBar::ChatSetupBar(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_checkpoint = new QComboBox;
    m_checkpoint->setObjectName(QStringLiteral("checkpointPicker"));
    m_checkpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoint->setMinimumContentsLength(24);
    connect(m_checkpoint, &QComboBox::activated, this, [this](int index) {
        Q_EMIT checkpointChosen(m_checkpoint->itemData(index).toString());
    });
    m_browse = new QPushButton;
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint or run folder"));
        if (!dir.isEmpty())
            Q_EMIT folderChosen(dir);
    });
    m_export = new QPushButton;
    m_export->setObjectName(QStringLiteral("exportButton"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (!checkpoint().isEmpty())
            Q_EMIT exportRequested(checkpoint());
    });

    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("modePicker"));
    m_mode->addItem(QString(), int(ChatMode::Completion));
    m_mode->addItem(QString(), int(ChatMode::Chat));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ChatSetupBar::modeChanged);

    m_modelInfo = new QLabel;
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));
    m_modelInfo->setWordWrap(true);
    m_modelInfo->setForegroundRole(QPalette::PlaceholderText);
    m_precision = new PrecisionSwitch;
    connect(m_precision, &PrecisionSwitch::precisionChanged, this, &ChatSetupBar::precisionChanged);

    m_systemLabel = new QLabel;
    m_systemPrompt = new QLineEdit;
    m_systemPrompt->setObjectName(QStringLiteral("systemPrompt"));
    m_checkpointLabel = new QLabel;
    m_modeLabel = new QLabel;

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_checkpointLabel, 0, 0);
    layout->addWidget(m_checkpoint, 0, 1);
    layout->addWidget(m_browse, 0, 2);
    layout->addWidget(m_export, 0, 3);
    layout->addWidget(m_modeLabel, 1, 0);
    layout->addWidget(m_mode, 1, 1, 1, 3);
    layout->addWidget(m_precision, 2, 1, 1, 3);
    layout->addWidget(m_modelInfo, 3, 1, 1, 3);
    layout->addWidget(m_systemLabel, 4, 0);
    layout->addWidget(m_systemPrompt, 4, 1, 1, 3);
    layout->setColumnStretch(1, 1);
    setModelInfo([] { return tr("Pick a checkpoint to start."); });
    retranslate();
}

void ChatSetupBar::retranslate()
{
    m_checkpointLabel->setText(tr("Checkpoint"));
    m_checkpoint->setToolTip(
        tr("Every checkpoint of every run in the workspace; the run's tokenizer comes with it."));
    m_browse->setText(tr("Other folder\u2026"));
    m_browse->setToolTip(
        tr("Talk to a checkpoint or run folder outside the workspace (for example azllm demo's)."));
    m_export->setText(tr("Export\u2026"));
    m_export->setToolTip(tr("Write this checkpoint as GGUF (llama.cpp, Ollama, LM Studio) or "
                            "safetensors (Hugging Face)."));
    m_modeLabel->setText(tr("Mode"));
    m_mode->setItemText(m_mode->findData(int(ChatMode::Completion)),
                        tr("Completion: the model continues your text"));
    m_mode->setItemText(m_mode->findData(int(ChatMode::Chat)),
                        tr("Chat: turns with the chat template (for chat-tuned models)"));
    m_mode->setToolTip(
        tr("A pretrained model only knows how to continue text: use Completion. A model tuned on "
           "conversations answers in Chat mode (docs/chat_template.md)."));
    m_modelInfo->setText(m_describeModel());
    m_systemLabel->setText(tr("System prompt"));
    m_systemPrompt->setPlaceholderText(
        tr("Optional: how the assistant should behave, e.g. \"Qısa cavab ver.\""));
    m_systemPrompt->setToolTip(
        tr("Sent first, in the <|system|> turn, and always kept when old turns are left out."));
    refreshCheckpoints(); // the checkpoints' labels are words too
}

void ChatSetupBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatSetupBar::refreshCheckpoints()
{
    const QString current = checkpoint();
    m_checkpoint->clear();
    QStringList runDirs;
    for (const RunRecord &run : m_workspace.runs().runs())
        runDirs << run.dir;
    // Runs trained outside the studio (azllm train --out runs/...) have no row in studio.db.
    for (const QFileInfo &dir :
         QDir(m_workspace.runsDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (!runDirs.contains(dir.absoluteFilePath()))
            runDirs << dir.absoluteFilePath();
    for (const QString &runDir : runDirs) {
        const QString runName = QFileInfo(runDir).fileName();
        const std::vector<CheckpointInfo> checkpoints = listCheckpoints(runDir.toStdString());
        if (checkpoints.empty())
            continue;
        // Classifiers sort texts into labels; they have nothing to say here.
        const std::string kind = runKind(checkpoints.back().path);
        if (kind == "classify")
            continue;
        const QString tuned = kind == "sft" ? tr(" \u00b7 chat-tuned") : QString();
        for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
            const QString label = tr("%1 \u00b7 step %2 \u00b7 loss %3")
                                      .arg(runName)
                                      .arg(it->state.step)
                                      .arg(it->state.trainLoss, 0, 'f', 3) +
                                  tuned;
            m_checkpoint->addItem(label, QString::fromStdString(it->path));
        }
    }
    // A folder chosen outside the workspace stays in the list while it is the current one.
    if (!current.isEmpty() && m_checkpoint->findData(current) < 0)
        m_checkpoint->addItem(QDir::toNativeSeparators(current), current);
    if (m_checkpoint->count() == 0)
        m_checkpoint->addItem(tr("(no checkpoints yet: train a model on the Train screen)"),
                              QString());
    const int again = m_checkpoint->findData(current);
    m_checkpoint->setCurrentIndex(again >= 0 ? again : 0);
}

void ChatSetupBar::selectCheckpoint(const QString &path)
{
    int index = m_checkpoint->findData(path);
    if (index < 0) {
        m_checkpoint->addItem(QDir::toNativeSeparators(path), path);
        index = m_checkpoint->count() - 1;
    }
    m_checkpoint->setCurrentIndex(index);
}

QString ChatSetupBar::checkpoint() const
{
    return m_checkpoint->currentData().toString();
}

void ChatSetupBar::setMode(ChatMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

ChatMode ChatSetupBar::mode() const
{
    return ChatMode(m_mode->currentData().toInt());
}

quant::Precision ChatSetupBar::precision() const
{
    return m_precision->precision();
}

void ChatSetupBar::setPrecision(quant::Precision precision)
{
    m_precision->setPrecision(precision);
}

QString ChatSetupBar::systemPrompt() const
{
    return m_systemPrompt->text();
}

void ChatSetupBar::setSystemPrompt(const QString &text)
{
    m_systemPrompt->setText(text);
}

void ChatSetupBar::setModelInfo(std::function<QString()> info)
{
    m_describeModel = std::move(info);
    m_modelInfo->setText(m_describeModel());
}

QString ChatSetupBar::modelInfo() const
{
    return m_modelInfo->text();
}

void ChatSetupBar::setLocked(bool generating, bool chatAvailable)
{
    m_mode->setEnabled(!generating && chatAvailable);
    m_precision->setEnabled(!generating);
    m_checkpoint->setEnabled(!generating);
    const bool chat = mode() == ChatMode::Chat;
    m_systemPrompt->setEnabled(chat);
    m_systemLabel->setEnabled(chat);
}

} // namespace azllm::ui
