#include "main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUrl>

#include "chat_page.h"
#include "checkpoint.h"
#include "data_page.h"
#include "export_dialog.h"
#include "finetune_page.h"
#include "interface_language.h"
#include "knowledge_page.h"
#include "lessons_page.h"
#include "model_page.h"
#include "quantization_panel.h"
#include "retrieval_panel.h"
#include "roadmap_page.h"
#include "runtime.h"
#include "train_page.h"
#include "workspace.h"

namespace azllm::ui {

MainWindow::MainWindow(azllm::Workspace &workspace, QWidget *parent)
    : QMainWindow(parent), m_workspace(workspace)
{
    m_sidebar = new QListWidget;
    m_sidebar->setFixedWidth(170);
    m_sidebar->setSpacing(2);
    m_sidebar->setStyleSheet(
        QStringLiteral("QListWidget { background: #f3f5f8; border: none; font-size: 11pt; }"
                       "QListWidget::item { padding: 9px 12px; border-radius: 6px; }"
                       "QListWidget::item:selected { background: #1f5fbf; color: white; }"));
    m_stack = new QStackedWidget;

    m_lessons = new LessonsPage(workspace);
    m_data = new DataPage(workspace);
    m_model = new ModelPage;
    m_train = new TrainPage(workspace);
    m_finetune = new FinetunePage(workspace);
    m_chat = new ChatPage(workspace);
    m_roadmap = new RoadmapPage(workspace);
    m_knowledge = new KnowledgePage(workspace);
    for (QWidget *page : {static_cast<QWidget *>(m_lessons), static_cast<QWidget *>(m_data),
                          static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_train),
                          static_cast<QWidget *>(m_finetune), static_cast<QWidget *>(m_chat),
                          static_cast<QWidget *>(m_roadmap), static_cast<QWidget *>(m_knowledge)})
        addScreen(page);
    connect(m_knowledge, &KnowledgePage::jobChanged, this, &MainWindow::setJob);
    connect(m_knowledge, &KnowledgePage::basesChanged, m_chat->retrievalPanel(),
            &RetrievalPanel::refreshBases);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    connect(m_data, &DataPage::datasetsChanged, m_train, &TrainPage::refreshDatasets);
    connect(m_train, &TrainPage::runEnded, m_chat, &ChatPage::refreshCheckpoints);
    connect(m_train, &TrainPage::runEnded, m_finetune, &FinetunePage::refreshBases);
    connect(m_finetune, &FinetunePage::runEnded, m_chat, &ChatPage::refreshCheckpoints);
    connect(m_finetune, &FinetunePage::jobChanged, this, &MainWindow::setJob);
    connect(m_finetune, &FinetunePage::openInChatRequested, this,
            [this](const QString &checkpoint) {
                m_chat->setCheckpoint(checkpoint);
                showScreen(ChatScreen);
            });
    connect(m_data, &DataPage::jobChanged, this, &MainWindow::setJob);
    connect(m_train, &TrainPage::jobChanged, this, &MainWindow::setJob);
    connect(m_chat, &ChatPage::jobChanged, this, &MainWindow::setJob);
    connect(m_model, &ModelPage::trainRequested, this, [this](const azllm::ModelConfig &config) {
        m_train->setModelConfig(config);
        showScreen(TrainScreen);
    });
    m_model->quantizationPanel()->setRunsFolder(workspace.runsDir());
    connect(m_train, &TrainPage::runEnded, m_model->quantizationPanel(),
            &azllm::ui::QuantizationPanel::refreshCheckpoints);
    connect(m_chat, &ChatPage::exportRequested, this, &MainWindow::openExportDialog);
    connect(m_train, &TrainPage::exportRequested, this, &MainWindow::openExportDialog);
    connect(m_lessons, &LessonsPage::openScreenRequested, this, &MainWindow::openScreen);
    connect(m_roadmap, &RoadmapPage::openScreenRequested, this, &MainWindow::openScreen);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();
    retranslate();
    restoreSettings();
}

void MainWindow::addScreen(QWidget *page)
{
    new QListWidgetItem(m_sidebar);
    m_stack->addWidget(page);
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openFolder = m_fileMenu->addAction(QString(), this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspace.root()));
    });
    m_export = m_fileMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                     [this] { openExportDialog(newestCheckpoint()); });
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int screen = 0; screen < ScreenCount; ++screen)
        m_screenActions.append(m_viewMenu->addAction(
            QString(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(screen))), this,
            [this, screen] { showScreen(Screen(screen)); }));
    m_viewMenu->addSeparator();
    buildLanguageMenu();

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Az-LLM Studio"),
                           tr("<b>Az-LLM Studio</b><p>Build an Azerbaijani GPT from scratch: data, "
                              "tokenizer, model "
                              "size, pretraining, and what comes after.</p>"));
    });
}

// Each language is named in itself, so a learner who cannot read the current one finds theirs.
void MainWindow::buildLanguageMenu()
{
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *group = new QActionGroup(this);
    const std::pair<QString, QString> languages[] = {
        {QStringLiteral("az"), QStringLiteral("Azərbaycanca")},
        {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto &[code, name] : languages) {
        QAction *action =
            m_languageMenu->addAction(name, this, [this, code = code] { setLanguage(code); });
        action->setCheckable(true);
        action->setChecked(code == currentLanguage());
        action->setData(code);
        group->addAction(action);
    }
}

void MainWindow::setLanguage(const QString &language)
{
    applyLanguage(language);
    saveLanguage(currentLanguage());
    for (QAction *action : m_languageMenu->actions())
        action->setChecked(action->data().toString() == currentLanguage());
}

void MainWindow::buildStatusBar()
{
    m_device = new QLabel;
    m_workspaceLabel = new QLabel;
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_job = new QLabel;
    statusBar()->addWidget(m_device);
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_job);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Az-LLM Studio — %1").arg(m_workspace.root()));
    const std::pair<QString, QString> screens[ScreenCount] = {
        {tr("Lessons"), tr("The 50-day course, day by day (Ctrl+1)")},
        {tr("Data"), tr("Import text, clean it, train a tokenizer (Ctrl+2)")},
        {tr("Model"), tr("Size a model: parameters, memory, compute (Ctrl+3)")},
        {tr("Train"), tr("Pretrain with a live dashboard (Ctrl+4)")},
        {tr("Fine-tune"), tr("Teach a pretrained model to answer or to classify (Ctrl+5)")},
        {tr("Chat"), tr("Talk to a checkpoint and see its probabilities (Ctrl+6)")},
        {tr("Roadmap"), tr("Plan your next 3-6 months (Ctrl+7)")},
        {tr("Knowledge"), tr("Document bases the chat answers from, with citations (Ctrl+8)")}};
    for (int screen = 0; screen < ScreenCount; ++screen) {
        m_sidebar->item(screen)->setText(screens[screen].first);
        m_sidebar->item(screen)->setToolTip(screens[screen].second);
        m_screenActions[screen]->setText(screens[screen].first);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_openFolder->setText(tr("Open workspace folder"));
    m_export->setText(tr("&Export model\u2026"));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Az-LLM Studio"));
    const QString device = azllm::cudaAvailable() ? tr("CUDA GPU") : tr("CPU");
    m_device->setText(tr("Device: %1 · %2 threads").arg(device).arg(azllm::threadCount()));
    m_workspaceLabel->setText(tr("Workspace: %1").arg(m_workspace.root()));
    setJob(m_jobName);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setJob(const QString &job)
{
    m_jobName = job;
    m_job->setText(job.isEmpty() ? tr("Idle") : tr("Running: %1").arg(job));
}

void MainWindow::showScreen(Screen screen)
{
    m_sidebar->setCurrentRow(int(screen));
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return Screen(std::max(0, m_stack->currentIndex()));
}

QString MainWindow::screenKey(Screen screen)
{
    static const char *keys[] = {"lessons",  "data", "model",   "train",
                                 "finetune", "chat", "roadmap", "knowledge"};
    return screen >= 0 && screen < ScreenCount ? QLatin1String(keys[screen]) : QString();
}

bool MainWindow::openScreen(const QString &key, const QString &argument)
{
    for (int i = 0; i < ScreenCount; ++i) {
        const Screen screen = Screen(i);
        if (screenKey(screen) != key)
            continue;
        if (screen == ModelScreen && !argument.isEmpty())
            m_model->selectPreset(argument);
        else if (screen == RoadmapScreen)
            m_roadmap->openArgument(argument);
        else if (screen == LessonsScreen && !argument.isEmpty())
            m_lessons->openArgument(argument);
        else if (screen == FinetuneScreen)
            m_finetune->openTab(argument);
        else if (screen == KnowledgeScreen && !argument.isEmpty())
            m_knowledge->openArgument(argument);
        else if (screen == ChatScreen && argument == QLatin1String("knowledge"))
            m_chat->retrievalPanel()->setActive(true); // a lesson's "chat with sources" action
        showScreen(screen);
        return true;
    }
    return false;
}

QWidget *MainWindow::screenWidget(Screen screen) const
{
    return m_stack->widget(int(screen));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 900);
    showScreen(Screen(
        qBound(0, settings.value(QStringLiteral("window/screen"), int(DataScreen)).toInt(), 2)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if ((m_train->isTraining() || m_finetune->isTraining()) &&
        QMessageBox::question(
            this, tr("Training is running"),
            tr("Stop the run? It saves a checkpoint you can resume from later.")) !=
            QMessageBox::Yes) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/screen"), int(currentScreen()));
    event->accept();
}

QString MainWindow::newestCheckpoint() const
{
    QString newest;
    qint64 newestTime = -1;
    for (const QFileInfo &run :
         QDir(m_workspace.runsDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (const auto latest = azllm::latestCheckpoint(run.absoluteFilePath().toStdString())) {
            const qint64 time =
                QFileInfo(QString::fromStdString(latest->path)).lastModified().toMSecsSinceEpoch();
            if (time > newestTime) {
                newest = QString::fromStdString(latest->path);
                newestTime = time;
            }
        }
    return newest;
}

void MainWindow::openExportDialog(const QString &checkpoint)
{
    auto *dialog = new azllm::ui::ExportDialog(
        checkpoint, QDir(m_workspace.root()).filePath(QStringLiteral("exports")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace azllm::ui
