#include "main_window.h"

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
#include "knowledge_page.h"
#include "lessons_page.h"
#include "model_page.h"
#include "quantization_panel.h"
#include "retrieval_panel.h"
#include "roadmap_page.h"
#include "runtime.h"
#include "train_page.h"
#include "workspace.h"

MainWindow::MainWindow(azllm::Workspace &workspace, QWidget *parent)
    : QMainWindow(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Az-LLM Studio — %1").arg(workspace.root()));
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
    m_finetune = new azllm::ui::FinetunePage(workspace);
    m_chat = new ChatPage(workspace);
    m_roadmap = new RoadmapPage(workspace);
    addScreen(LessonsScreen, m_lessons, tr("Lessons"),
              tr("The 50-day course, day by day (Ctrl+1)"));
    addScreen(DataScreen, m_data, tr("Data"),
              tr("Import text, clean it, train a tokenizer (Ctrl+2)"));
    addScreen(ModelScreen, m_model, tr("Model"),
              tr("Size a model: parameters, memory, compute (Ctrl+3)"));
    addScreen(TrainScreen, m_train, tr("Train"), tr("Pretrain with a live dashboard (Ctrl+4)"));
    addScreen(FinetuneScreen, m_finetune, tr("Fine-tune"),
              tr("Teach a pretrained model to answer or to classify (Ctrl+5)"));
    addScreen(ChatScreen, m_chat, tr("Chat"),
              tr("Talk to a checkpoint and see its probabilities (Ctrl+6)"));
    addScreen(RoadmapScreen, m_roadmap, tr("Roadmap"), tr("Plan your next 3-6 months (Ctrl+7)"));
    m_knowledge = new azllm::ui::KnowledgePage(workspace);
    addScreen(KnowledgeScreen, m_knowledge, tr("Knowledge"),
              tr("Document bases the chat answers from, with citations (Ctrl+8)"));
    connect(m_knowledge, &azllm::ui::KnowledgePage::jobChanged, this, &MainWindow::setJob);
    connect(m_knowledge, &azllm::ui::KnowledgePage::basesChanged, m_chat->retrievalPanel(),
            &azllm::ui::RetrievalPanel::refreshBases);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    connect(m_data, &DataPage::datasetsChanged, m_train, &TrainPage::refreshDatasets);
    connect(m_train, &TrainPage::runEnded, m_chat, &ChatPage::refreshCheckpoints);
    connect(m_train, &TrainPage::runEnded, m_finetune, &azllm::ui::FinetunePage::refreshBases);
    connect(m_finetune, &azllm::ui::FinetunePage::runEnded, m_chat, &ChatPage::refreshCheckpoints);
    connect(m_finetune, &azllm::ui::FinetunePage::jobChanged, this, &MainWindow::setJob);
    connect(m_finetune, &azllm::ui::FinetunePage::openInChatRequested, this,
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
    restoreSettings();
}

void MainWindow::addScreen(Screen screen, QWidget *page, const QString &title, const QString &hint)
{
    Q_ASSERT(m_stack->count() == int(screen));
    auto *item = new QListWidgetItem(title, m_sidebar);
    item->setToolTip(hint);
    m_stack->addWidget(page);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open workspace folder"), this,
                    [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspace.root())); });
    file->addAction(tr("&Export model\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this] { openExportDialog(newestCheckpoint()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int screen = 0; screen < ScreenCount; ++screen)
        view->addAction(m_sidebar->item(int(screen))->text(),
                        QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(screen))), this,
                        [this, screen] { showScreen(Screen(screen)); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Az-LLM Studio"), this, [this] {
        QMessageBox::about(this, tr("About Az-LLM Studio"),
                           tr("<b>Az-LLM Studio</b><p>Build an Azerbaijani GPT from scratch: data, "
                              "tokenizer, model "
                              "size, pretraining, and what comes after.</p>"));
    });
}

void MainWindow::buildStatusBar()
{
    const QString device = azllm::cudaAvailable() ? tr("CUDA GPU") : tr("CPU");
    auto *deviceLabel =
        new QLabel(tr("Device: %1 · %2 threads").arg(device).arg(azllm::threadCount()));
    auto *workspaceLabel = new QLabel(tr("Workspace: %1").arg(m_workspace.root()));
    workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_job = new QLabel;
    statusBar()->addWidget(deviceLabel);
    statusBar()->addWidget(workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_job);
    setJob(QString());
}

void MainWindow::setJob(const QString &job)
{
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
