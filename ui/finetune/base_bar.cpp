#include "base_bar.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include "base_recipe.h"
#include "checkpoint.h"
#include "config_io.h"
#include "model_sizing.h"
#include "size_format.h"

namespace azllm::ui {

BaseBar::BaseBar(QWidget *parent) : QWidget(parent)
{
    m_base = new QComboBox;
    m_base->setObjectName(QStringLiteral("basePicker"));
    m_base->setMinimumContentsLength(40);
    connect(m_base, &QComboBox::currentIndexChanged, this, [this] { updateInfo(); });
    m_make = new QPushButton;
    m_make->setObjectName(QStringLiteral("makeBase"));
    connect(m_make, &QPushButton::clicked, this, &BaseBar::makeRequested);
    m_caption = new QLabel;
    m_caption->setBuddy(m_base);
    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_caption);
    row->addWidget(m_base, 2);
    row->addWidget(m_make);
    row->addWidget(m_progress, 1);
    row->addWidget(m_info, 3);
    retranslate();
}

void BaseBar::refresh(const QString &runsDir)
{
    const QString current = m_base->currentData().toString();
    const QSignalBlocker blocker(m_base);
    m_base->clear();
    for (const QFileInfo &runDir :
         QDir(runsDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const auto checkpoint = preferredCheckpoint(runDir.absoluteFilePath().toStdString());
        if (!checkpoint)
            continue;
        try {
            // A base writes text: pretrained (or chat-tuned) runs, not classifiers.
            if (readCheckpointConfig(checkpoint->path).tuning.kind == "classify")
                continue;
        } catch (const std::exception &) {
            continue;
        }
        m_base->addItem(tr("%1 · step %2 · validation loss %L3")
                            .arg(runDir.fileName())
                            .arg(checkpoint->state.step)
                            .arg(checkpoint->state.validationLoss, 0, 'f', 3),
                        QString::fromStdString(checkpoint->path));
    }
    int index = m_base->findData(current);
    if (index < 0)
        for (int i = 0; i < m_base->count(); ++i)
            if (m_base->itemData(i).toString().contains(
                    QLatin1String("/") + QLatin1String(kBaseRunName) + QLatin1String("/")))
                index = i;
    if (m_base->count() == 0)
        m_base->addItem(tr("(no pretrained checkpoint yet: press Make a base)"), QString());
    m_base->setCurrentIndex(std::max(0, index));
    updateInfo();
}

void BaseBar::setBase(const QString &path)
{
    QString checkpoint = path;
    if (const auto preferred = preferredCheckpoint(path.toStdString());
        preferred && !QFileInfo::exists(path + QLatin1String("/state.txt")))
        checkpoint = QString::fromStdString(preferred->path);
    int index = m_base->findData(checkpoint);
    if (index < 0) {
        m_base->addItem(QDir::toNativeSeparators(checkpoint), checkpoint);
        index = m_base->count() - 1;
    }
    m_base->setCurrentIndex(index);
}

QString BaseBar::checkpoint() const
{
    return m_base->currentData().toString();
}

void BaseBar::setBusy(bool busy)
{
    m_make->setEnabled(!busy);
    m_base->setEnabled(!busy);
}

void BaseBar::beginMaking(qint64 maxSteps, qint64 doneSteps)
{
    m_progress->setRange(0, int(maxSteps));
    m_progress->setValue(int(doneSteps));
    m_progress->setVisible(true);
}

void BaseBar::showMakingProgress(qint64 step, qint64 maxSteps, double loss)
{
    m_progress->setValue(int(step));
    m_info->setText(tr("Making the base: step %1 of %2, loss %L3")
                        .arg(step)
                        .arg(maxSteps)
                        .arg(loss, 0, 'f', 3));
}

void BaseBar::endMaking()
{
    m_progress->setVisible(false);
}

void BaseBar::updateInfo()
{
    const QString path = checkpoint();
    ModelConfig model;
    bool present = false;
    if (!path.isEmpty()) {
        try {
            model = readCheckpointConfig(path.toStdString()).model;
            present = true;
            m_info->setText(tr("%1 layers, %2 wide, context %3, vocabulary %4 · %5 parameters")
                                .arg(model.nLayer)
                                .arg(model.nEmbd)
                                .arg(model.contextLength)
                                .arg(model.vocabSize)
                                .arg(formatParameterCount(countParameters(model).total())));
        } catch (const std::exception &e) {
            m_info->setText(QString::fromStdString(e.what()));
        }
    } else {
        m_info->setText(tr("Fine-tuning starts from a pretrained model. Make a base trains "
                           "a small one on the sample corpus (a few minutes)."));
    }
    Q_EMIT baseChanged(model, present);
}

void BaseBar::retranslate()
{
    m_caption->setText(tr("&Base:"));
    m_make->setText(tr("Make a base"));
    m_make->setToolTip(tr("Pretrain az-tiny over its whole 256-token context on the sample "
                          "corpus, as runs/%1 (a few minutes)")
                           .arg(QLatin1String(kBaseRunName)));
    m_base->setToolTip(tr("The pretrained checkpoint to tune (a run folder means its best or "
                          "newest checkpoint)"));
    updateInfo();
}

void BaseBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
