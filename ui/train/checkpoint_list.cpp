#include "checkpoint_list.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "checkpoint.h"

namespace azllm::ui {

namespace {

// What each item keeps besides its folder (Qt::UserRole), to describe it in any language.
enum ItemRole
{
    StepRole = Qt::UserRole + 1,
    LossRole,
    ValidationRole
};

} // namespace

CheckpointList::CheckpointList(QWidget *parent) : QWidget(parent)
{
    m_list = new QListWidget;
    m_resume = new QPushButton;
    m_export = new QPushButton;
    connect(m_list, &QListWidget::currentRowChanged, this, &CheckpointList::updateButtons);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!selected().isEmpty())
            Q_EMIT resumeRequested(selected());
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (!selected().isEmpty())
            Q_EMIT exportRequested(selected());
    });
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_exportAction = new QAction(m_list);
    connect(m_exportAction, &QAction::triggered, m_export, &QPushButton::click);
    m_list->addAction(m_exportAction);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_resume);
    layout->addLayout(buttons);
    retranslate();
    updateButtons();
}

void CheckpointList::retranslate()
{
    m_resume->setText(tr("Resume from here"));
    m_resume->setToolTip(
        tr("Continue the run exactly from the selected checkpoint, up to the Steps above"));
    m_export->setText(tr("Export\u2026"));
    m_export->setToolTip(
        tr("Write the selected checkpoint as GGUF (llama.cpp, Ollama) or safetensors"));
    m_exportAction->setText(tr("Export\u2026"));
    for (int row = 0; row < m_list->count(); ++row)
        describe(m_list->item(row));
}

void CheckpointList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CheckpointList::describe(QListWidgetItem *item) const
{
    const qint64 step = item->data(StepRole).toLongLong();
    const double loss = item->data(LossRole).toDouble();
    const double validationLoss = item->data(ValidationRole).toDouble();
    item->setText(validationLoss >= 0 ? tr("step %1 · loss %2 · validation %3")
                                            .arg(step)
                                            .arg(loss, 0, 'f', 4)
                                            .arg(validationLoss, 0, 'f', 4)
                                      : tr("step %1 · loss %2").arg(step).arg(loss, 0, 'f', 4));
}

void CheckpointList::clear()
{
    m_list->clear();
    updateButtons();
}

void CheckpointList::add(const QString &path, qint64 step, double loss, double validationLoss)
{
    auto *item = new QListWidgetItem(m_list);
    item->setData(Qt::UserRole, path);
    item->setData(StepRole, step);
    item->setData(LossRole, loss);
    item->setData(ValidationRole, validationLoss);
    item->setToolTip(path);
    describe(item);
}

void CheckpointList::showRun(const QString &runDir, qint64 upToStep)
{
    m_list->clear();
    for (const CheckpointInfo &c : listCheckpoints(runDir.toStdString()))
        if (upToStep < 0 || c.state.step <= upToStep)
            add(QString::fromStdString(c.path), c.state.step, c.state.trainLoss,
                c.state.validationLoss);
    updateButtons();
}

int CheckpointList::count() const
{
    return m_list->count();
}

QString CheckpointList::selected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void CheckpointList::select(int row)
{
    m_list->setCurrentRow(row);
}

void CheckpointList::setResumeAllowed(bool allowed)
{
    m_resumeAllowed = allowed;
    updateButtons();
}

void CheckpointList::updateButtons()
{
    const bool chosen = m_list->currentItem() != nullptr;
    m_resume->setEnabled(m_resumeAllowed && chosen);
    m_export->setEnabled(chosen);
}

} // namespace azllm::ui
