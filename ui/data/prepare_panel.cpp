#include "prepare_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include "dataset_name.h"
#include "human_units.h"
#include "prepare_worker.h"
#include "workspace.h"

namespace azllm::ui {
namespace {

const QString kProblemStyle = QStringLiteral("color: #b91c1c;");
const QString kSuccessStyle = QStringLiteral("color: #15803d; font-weight: bold;");
const QString kNeutralStyle = QStringLiteral("font-weight: bold;");

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return label;
}

int stageNumber(PrepareStage stage)
{
    switch (stage) {
    case PrepareStage::Import:
        return 1;
    case PrepareStage::TrainTokenizer:
        return 2;
    case PrepareStage::WriteShards:
    case PrepareStage::Done:
        return 3;
    }
    return 1;
}

} // namespace

PreparePanel::PreparePanel(azllm::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(createInputsBox());
    layout->addWidget(createOptionsBox());
    layout->addWidget(createRunBox());
    layout->addStretch(1);

    m_thread.setObjectName(QStringLiteral("PrepareThread"));
    m_worker = new PrepareWorker; // no parent: it moves to the thread, which deletes it
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PrepareWorker::progressed, this, &PreparePanel::showProgress,
            Qt::QueuedConnection);
    connect(m_worker, &PrepareWorker::finished, this, &PreparePanel::showOutcome,
            Qt::QueuedConnection);
    m_thread.start();
    updateState();
}

PreparePanel::~PreparePanel()
{
    m_worker->requestCancel();
    m_thread.quit();
    m_thread.wait();
}

QWidget *PreparePanel::createInputsBox()
{
    auto *box = new QGroupBox(this);
    m_texts.set(box, "title", QT_TR_NOOP("1.  Text to learn from"));
    m_inputs = new QListWidget(box);
    m_inputs->setObjectName(QStringLiteral("prepareInputs"));
    m_inputs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_inputs->setMinimumHeight(90);
    m_inputs->setMaximumHeight(150);

    auto *addFiles = new QPushButton(box);
    m_texts.set(addFiles, "text", QT_TR_NOOP("Import files…"));
    auto *addFolder = new QPushButton(box);
    m_texts.set(addFolder, "text", QT_TR_NOOP("Import folder…"));
    auto *addSample = new QPushButton(box);
    m_texts.set(addSample, "text", QT_TR_NOOP("Add the sample corpus"));
    m_removeButton = new QPushButton(box);
    m_texts.set(m_removeButton, "text", QT_TR_NOOP("Remove"));
    connect(addFiles, &QPushButton::clicked, this, &PreparePanel::chooseFiles);
    connect(addFolder, &QPushButton::clicked, this, &PreparePanel::chooseFolder);
    connect(addSample, &QPushButton::clicked, this,
            [this] { addInputs(azllm::Workspace::sampleInputs()); });
    connect(m_removeButton, &QPushButton::clicked, this, &PreparePanel::removeSelectedInputs);
    connect(m_inputs, &QListWidget::itemSelectionChanged, this, &PreparePanel::updateState);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addFiles);
    buttons->addWidget(addFolder);
    buttons->addWidget(addSample);
    buttons->addStretch(1);
    buttons->addWidget(m_removeButton);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(buttons);
    layout->addWidget(m_inputs, 1);
    layout->addWidget(
        hint(QT_TR_NOOP("Plain text (.txt, .md), JSON lines (.jsonl, one document per "
                        "line), web pages (.html) and Wikipedia dumps (.xml), each "
                        "also compressed (.gz, .xz, .zst, .bz2). Files must be UTF-8. "
                        "You can also drop files and folders here."),
             box));
    return box;
}

QWidget *PreparePanel::createOptionsBox()
{
    auto *box = new QGroupBox(this);
    m_texts.set(box, "title", QT_TR_NOOP("2.  Options"));
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("prepareName"));
    m_texts.set(m_name, "placeholderText", QT_TR_NOOP("for example: news-2024"));
    m_name->setMaxLength(64);
    m_nameProblem = new QLabel(box);
    m_nameProblem->setObjectName(QStringLiteral("prepareNameProblem"));
    m_nameProblem->setStyleSheet(kProblemStyle);
    m_nameProblem->setWordWrap(true);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &PreparePanel::updateState);

    m_vocabSize = new QSpinBox(box);
    m_vocabSize->setObjectName(QStringLiteral("prepareVocabSize"));
    m_vocabSize->setRange(300, 64000);
    m_vocabSize->setSingleStep(1000);
    m_vocabSize->setValue(8000);
    m_vocabSize->setGroupSeparatorShown(true);
    m_texts.set(m_vocabSize, "suffix", QT_TR_NOOP(" pieces"));

    m_modelType = new QComboBox(box);
    m_modelType->setObjectName(QStringLiteral("prepareModelType"));
    m_modelType->addItem(QString(), int(TokenizerModelType::Bpe));
    m_modelType->addItem(QString(), int(TokenizerModelType::Unigram));
    translateModelTypes();

    m_valPercent = new QDoubleSpinBox(box);
    m_valPercent->setObjectName(QStringLiteral("prepareValPercent"));
    m_valPercent->setRange(0.0, 50.0);
    m_valPercent->setDecimals(1);
    m_valPercent->setSingleStep(1.0);
    m_valPercent->setValue(5.0);
    m_texts.set(m_valPercent, "suffix", QT_TR_NOOP(" % of documents"));

    m_transliterate = new QCheckBox(box);
    m_texts.set(m_transliterate, "text",
                QT_TR_NOOP("Transliterate Cyrillic-script Azerbaijani to Latin"));
    m_transliterate->setObjectName(QStringLiteral("prepareTransliterate"));
    m_paragraphs = new QCheckBox(box);
    m_texts.set(m_paragraphs, "text",
                QT_TR_NOOP("One document per paragraph (blank-line separated)"));
    m_paragraphs->setObjectName(QStringLiteral("prepareParagraphs"));
    m_languageFilter = new QCheckBox(box);
    m_texts.set(m_languageFilter, "text",
                QT_TR_NOOP("Keep Azerbaijani only (language identification)"));
    m_languageFilter->setObjectName(QStringLiteral("prepareLanguageFilter"));
    m_qualityFilter = new QCheckBox(box);
    m_texts.set(m_qualityFilter, "text",
                QT_TR_NOOP("Quality rules: drop short, symbol-heavy, repetitive and boilerplate "
                           "text"));
    m_qualityFilter->setObjectName(QStringLiteral("prepareQualityFilter"));
    m_piiFilter = new QCheckBox(box);
    m_texts.set(m_piiFilter, "text", QT_TR_NOOP("Replace e-mail addresses and phone numbers"));
    m_piiFilter->setObjectName(QStringLiteral("preparePiiFilter"));
    for (QCheckBox *filter : {m_languageFilter, m_qualityFilter, m_piiFilter})
        filter->setChecked(true); // on for new imports; report.txt counts what each removed

    auto *vocabRow = new QHBoxLayout;
    vocabRow->addWidget(m_vocabSize);
    vocabRow->addWidget(
        hint(QT_TR_NOOP("8,000 suits a few MB of text, 32,000 hundreds of MB."), box), 1);

    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(caption(QT_TR_NOOP("Dataset name:"), box), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(caption(QT_TR_NOOP("Vocabulary size:"), box), vocabRow);
    form->addRow(caption(QT_TR_NOOP("Tokenizer type:"), box), m_modelType);
    form->addRow(caption(QT_TR_NOOP("Held out for validation:"), box), m_valPercent);
    form->addRow(QString(), m_transliterate);
    form->addRow(QString(), m_paragraphs);
    form->addRow(caption(QT_TR_NOOP("Filters:"), box), m_languageFilter);
    form->addRow(QString(), m_qualityFilter);
    form->addRow(QString(), m_piiFilter);
    return box;
}

QWidget *PreparePanel::createRunBox()
{
    auto *box = new QGroupBox(this);
    m_texts.set(box, "title", QT_TR_NOOP("3.  Clean, train the tokenizer, write token files"));
    m_prepareButton = new QPushButton(box);
    m_texts.set(m_prepareButton, "text", QT_TR_NOOP("Prepare dataset"));
    m_prepareButton->setObjectName(QStringLiteral("prepareButton"));
    m_prepareButton->setDefault(true);
    m_cancelButton = new QPushButton(box);
    m_texts.set(m_cancelButton, "text", QT_TR_NOOP("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("prepareCancel"));
    connect(m_prepareButton, &QPushButton::clicked, this, &PreparePanel::startPreparing);
    connect(m_cancelButton, &QPushButton::clicked, this, &PreparePanel::cancel);

    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("prepareProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_stage = new QLabel(box);
    m_stage->setObjectName(QStringLiteral("prepareStage"));
    m_stage->setWordWrap(true);
    m_result = new StatusLine(box);
    m_result->setObjectName(QStringLiteral("prepareResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues = new QListWidget(box);
    m_issues->setObjectName(QStringLiteral("prepareIssues"));
    m_issues->setMaximumHeight(110);
    m_issues->setVisible(false);

    m_prepareButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_prepareButton->setMinimumWidth(160);
    auto *row = new QHBoxLayout;
    row->addWidget(m_prepareButton);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelButton);
    row->addStretch(0); // takes the room while the bar is hidden

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_stage);
    layout->addWidget(m_result);
    layout->addWidget(m_issues);
    return box;
}

QLabel *PreparePanel::hint(const char *source, QWidget *parent)
{
    QLabel *label = hintLabel(QString(), parent);
    m_texts.set(label, "text", source);
    return label;
}

QLabel *PreparePanel::caption(const char *source, QWidget *parent)
{
    auto *label = new QLabel(parent);
    m_texts.set(label, "text", source);
    return label;
}

void PreparePanel::translateModelTypes()
{
    m_modelType->setItemText(0, tr("BPE (recommended; what llama.cpp expects)"));
    m_modelType->setItemText(1, tr("Unigram"));
}

void PreparePanel::addInputs(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        if (inputs().contains(clean))
            continue;
        const bool folder = QFileInfo(clean).isDir();
        auto *item = new QListWidgetItem(
            style()->standardIcon(folder ? QStyle::SP_DirIcon : QStyle::SP_FileIcon), clean,
            m_inputs);
        item->setToolTip(folder ? tr("Folder: every supported file inside it, recursively")
                                : tr("File"));
    }
    suggestName();
    updateState();
}

QStringList PreparePanel::inputs() const
{
    QStringList paths;
    for (int i = 0; i < m_inputs->count(); ++i)
        paths << m_inputs->item(i)->text();
    return paths;
}

void PreparePanel::setDatasetName(const QString &name)
{
    m_nameEdited = true;
    m_name->setText(name);
}

QString PreparePanel::datasetName() const
{
    return m_name->text().trimmed();
}

QString PreparePanel::nameProblem(const QString &name) const
{
    if (name.isEmpty())
        return tr("Give the dataset a name.");
    if (!isSafeDatasetName(name))
        return tr("Use Latin letters, digits, “-” and “_” only, starting with a letter or digit "
                  "(the name becomes a folder).");
    // A folder holding only an interrupted preparation's work is free: preparing resumes it.
    const bool interrupted = QFileInfo::exists(m_workspace.datasetDir(name) +
                                               QStringLiteral("/.prepare-work/checkpoint.txt"));
    if (QFileInfo::exists(m_workspace.datasetDir(name)) && !interrupted)
        return tr("A dataset called “%1” already exists: choose another name.").arg(name);
    return {};
}

void PreparePanel::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import text files"), QString(),
        tr("Text corpora (*.txt *.md *.markdown *.jsonl *.html *.htm *.xml *.gz *.xz *.zst "
           "*.bz2);;All files (*)"));
    addInputs(files);
}

void PreparePanel::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a folder of texts"));
    if (!folder.isEmpty())
        addInputs({folder});
}

void PreparePanel::removeSelectedInputs()
{
    qDeleteAll(m_inputs->selectedItems());
    updateState();
}

// Until the learner types a name, propose one from the first input that is still free.
void PreparePanel::suggestName()
{
    if (m_nameEdited || m_inputs->count() == 0)
        return;
    const QString stem = datasetNameFrom(QFileInfo(m_inputs->item(0)->text()).completeBaseName());
    QString name = stem;
    for (int n = 2; QFileInfo::exists(m_workspace.datasetDir(name)); ++n)
        name = stem + QLatin1Char('-') + QString::number(n);
    m_name->setText(name);
}

void PreparePanel::updateState()
{
    const QString problem = m_name->text().isEmpty() && m_inputs->count() == 0
                                ? QString() // nothing started yet: no scolding
                                : nameProblem(datasetName());
    m_nameProblem->setText(problem);
    m_nameProblem->setVisible(!problem.isEmpty());
    m_removeButton->setEnabled(!m_busy && !m_inputs->selectedItems().isEmpty());
    m_prepareButton->setEnabled(!m_busy && m_inputs->count() > 0 &&
                                nameProblem(datasetName()).isEmpty());
    m_cancelButton->setEnabled(m_busy);
    m_progress->setVisible(m_busy);
    m_cancelButton->setVisible(m_busy);
    // Empty labels would leave gaps in the box.
    m_stage->setVisible(m_busy);
    m_result->setVisible(!m_result->text().isEmpty());
}

azllm::PrepareOptions PreparePanel::options() const
{
    azllm::PrepareOptions options;
    for (const QString &input : inputs())
        options.inputs.push_back(input.toStdString());
    options.outputDir = m_workspace.datasetDir(datasetName()).toStdString();
    options.tokenizer.vocabSize = m_vocabSize->value();
    options.tokenizer.modelType = TokenizerModelType(m_modelType->currentData().toInt());
    options.valRatio = m_valPercent->value() / 100.0;
    options.cleaning.transliterateCyrillic = m_transliterate->isChecked();
    options.import.paragraphDocuments = m_paragraphs->isChecked();
    options.filters.language = m_languageFilter->isChecked();
    options.filters.quality.enabled = m_qualityFilter->isChecked();
    if (!options.filters.quality.enabled)
        options.filters.quality.boilerplateDocuments = 0;
    options.filters.pii = m_piiFilter->isChecked();
    return options;
}

void PreparePanel::startPreparing()
{
    if (m_busy || !m_prepareButton->isEnabled())
        return;
    m_runningName = datasetName();
    const azllm::PrepareOptions runOptions = options();
    m_result->clearStatus();
    showIssues({});
    // Before anything is shown: a Cancel pressed from here on must stick.
    m_worker->clearCancel();
    setBusy(true);
    showProgress({PrepareStage::Import, 0, 0, 0});
    PrepareWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, runOptions] { worker->prepare(runOptions); }, Qt::QueuedConnection);
}

void PreparePanel::cancel()
{
    if (!m_busy)
        return;
    m_worker->requestCancel();
    m_cancelButton->setEnabled(false);
    m_stage->setText(tr("Cancelling…"));
    Q_EMIT jobChanged(tr("Cancelling the preparation of “%1”…").arg(m_runningName));
}

void PreparePanel::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *input :
         {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_vocabSize),
          static_cast<QWidget *>(m_modelType), static_cast<QWidget *>(m_valPercent),
          static_cast<QWidget *>(m_transliterate), static_cast<QWidget *>(m_paragraphs),
          static_cast<QWidget *>(m_languageFilter), static_cast<QWidget *>(m_qualityFilter),
          static_cast<QWidget *>(m_piiFilter)})
        input->setEnabled(!busy);
    setAcceptDrops(!busy);
    updateState();
    Q_EMIT busyChanged(busy);
    if (!busy)
        Q_EMIT jobChanged(QString());
}

void PreparePanel::showProgress(const azllm::PrepareProgress &progress)
{
    if (!m_busy || !m_cancelButton->isEnabled()) { // finished, or "Cancelling…" stays up
        Q_EMIT progressed(progress);
        return;
    }
    QString step;
    switch (progress.stage) {
    case PrepareStage::Import:
        step = tr("Reading, cleaning, filtering and removing duplicates");
        if (progress.total > 0)
            step +=
                tr(": %1 of %2").arg(formatFileSize(progress.done), formatFileSize(progress.total));
        step += tr(", %1 of text, %2")
                    .arg(formatFileSize(progress.textBytes),
                         formatCountOf(progress.documents, tr("%1 document"), tr("%1 documents")));
        break;
    case PrepareStage::TrainTokenizer:
        step = tr("Training the tokenizer on %1 (no progress to show; large corpora take "
                  "minutes)")
                   .arg(formatCountOf(progress.documents, tr("%1 document"), tr("%1 documents")));
        break;
    case PrepareStage::WriteShards:
        step = tr("Writing token files");
        if (progress.total > 0)
            step +=
                tr(": %1 of %2").arg(formatFileSize(progress.done), formatFileSize(progress.total));
        break;
    case PrepareStage::Done:
        step = tr("Finishing");
        break;
    }
    if (progress.secondsLeft >= 0)
        step += tr(" · about %1 left").arg(formatTimeLeft(progress.secondsLeft));
    const QString stepText = tr("Step %1 of 3 · %2").arg(stageNumber(progress.stage)).arg(step);
    m_stage->setText(stepText);
    // The tokenizer trainer reports no progress of its own: show a busy bar instead of a stuck one.
    if (progress.stage == PrepareStage::TrainTokenizer) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(progress.total ? int(100 * progress.done / progress.total) : 0);
    }
    Q_EMIT jobChanged(tr("Preparing “%1”: %2").arg(m_runningName, stepText));
    Q_EMIT progressed(progress);
}

QString PreparePanel::outcomeText(const PrepareOutcome &outcome, const QString &name,
                                  int skippedIssues)
{
    switch (outcome.status) {
    case PrepareOutcome::Status::Prepared: {
        QString text = tr("Prepared “%1”: %2, %3, a vocabulary of %4 pieces.")
                           .arg(name,
                                formatCountOf(outcome.report.documentsKept, tr("%1 document"),
                                              tr("%1 documents")),
                                formatCountOf(outcome.report.trainTokens + outcome.report.valTokens,
                                              tr("%1 token"), tr("%1 tokens")),
                                formatCount(std::uint64_t(outcome.report.vocabSize)));
        if (skippedIssues > 0)
            text +=
                QLatin1Char(' ') + formatCountOf(std::uint64_t(skippedIssues),
                                                 tr("One input problem was skipped, see below."),
                                                 tr("%1 input problems were skipped, see below."));
        return text;
    }
    case PrepareOutcome::Status::Cancelled:
        return tr("Cancelled. Nothing was written; “%1” was not created.").arg(name);
    case PrepareOutcome::Status::Failed:
        break;
    }
    return tr("Preparing “%1” failed: %2")
        .arg(name, outcome.error.section(QLatin1Char('\n'), 0, 0));
}

void PreparePanel::showOutcome(const PrepareOutcome &outcome)
{
    const QString name = m_runningName;
    m_progress->setRange(0, 100);
    m_stage->clear();
    QStringList issues;
    for (const ImportIssue &issue : outcome.report.issues)
        issues << QString::fromStdString(issue.toString());
    m_result->setStyleSheet(outcome.status == PrepareOutcome::Status::Prepared    ? kSuccessStyle
                            : outcome.status == PrepareOutcome::Status::Cancelled ? kNeutralStyle
                                                                                  : kProblemStyle);
    m_result->say([outcome, name, skipped = issues.size()] {
        return outcomeText(outcome, name, int(skipped));
    });
    // The preparer lists the first problems after the first line; show them as issues.
    if (outcome.status == PrepareOutcome::Status::Failed)
        issues << outcome.error.section(QLatin1Char('\n'), 1)
                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &issue : issues)
        issue = issue.trimmed();
    issues.removeDuplicates();
    showIssues(issues);
    if (outcome.status == PrepareOutcome::Status::Prepared) {
        m_nameEdited = false; // the name is taken now: propose the next free one
        suggestName();
    }
    setBusy(false);
    if (outcome.status == PrepareOutcome::Status::Prepared)
        Q_EMIT prepared(name);
}

void PreparePanel::showIssues(const QStringList &issues)
{
    m_issues->clear();
    for (const QString &issue : issues) {
        auto *item = new QListWidgetItem(issue, m_issues);
        item->setToolTip(issue);
    }
    m_issues->setVisible(!issues.isEmpty());
}

void PreparePanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void PreparePanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    addInputs(paths);
    event->acceptProposedAction();
}

void PreparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        translateModelTypes();
        updateState();
    }
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
