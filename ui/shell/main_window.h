// The studio's window: a sidebar of screens, the current screen, and a status bar that tells
// the device, the threads, the workspace and the running job.
#pragma once

#include <QMainWindow>

class ChatPage;
class DataPage;
class LessonsPage;
class ModelPage;
class RoadmapPage;
class QLabel;
class QListWidget;
class QStackedWidget;
class TrainPage;

namespace azllm {
class Workspace;
}
namespace azllm::ui {
class FinetunePage;
class KnowledgePage;
}

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // In the sidebar's order: the course first, then the screens in the order it uses them.
    enum Screen
    {
        LessonsScreen,
        DataScreen,
        ModelScreen,
        TrainScreen,
        FinetuneScreen,
        ChatScreen,
        RoadmapScreen,
        KnowledgeScreen,
        ScreenCount
    };

    explicit MainWindow(azllm::Workspace &workspace, QWidget *parent = nullptr);

    void showScreen(Screen screen);
    Screen currentScreen() const;
    // Internal names, also the screenshot file names and what lessons' actions say:
    // "lessons", "data", "model", "train", "finetune", "chat", "roadmap", "knowledge".
    static QString screenKey(Screen screen);
    // Opens a screen by name with an argument (a preset for "model", "lesson-41-template" for
    // "roadmap", a day for "lessons", "chat" or "classify" for "finetune", a base's name for
    // "knowledge", "knowledge" for "chat"); false for an unknown name.
    bool openScreen(const QString &key, const QString &argument);
    QWidget *screenWidget(Screen screen) const;
    DataPage *dataPage() const { return m_data; }
    ModelPage *modelPage() const { return m_model; }
    TrainPage *trainPage() const { return m_train; }
    azllm::ui::FinetunePage *finetunePage() const { return m_finetune; }
    ChatPage *chatPage() const { return m_chat; }
    RoadmapPage *roadmapPage() const { return m_roadmap; }
    LessonsPage *lessonsPage() const { return m_lessons; }
    azllm::ui::KnowledgePage *knowledgePage() const { return m_knowledge; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void addScreen(Screen screen, QWidget *page, const QString &title, const QString &hint);
    void setJob(const QString &job);
    void restoreSettings();
    // The Export dialog for a checkpoint (or the newest checkpoint of the newest run).
    void openExportDialog(const QString &checkpoint);
    QString newestCheckpoint() const;

    azllm::Workspace &m_workspace;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    DataPage *m_data = nullptr;
    ModelPage *m_model = nullptr;
    TrainPage *m_train = nullptr;
    azllm::ui::FinetunePage *m_finetune = nullptr;
    ChatPage *m_chat = nullptr;
    RoadmapPage *m_roadmap = nullptr;
    LessonsPage *m_lessons = nullptr;
    azllm::ui::KnowledgePage *m_knowledge = nullptr;
    QLabel *m_job = nullptr;
};
