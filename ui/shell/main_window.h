// The studio's window: a sidebar of screens, the current screen, and a status bar that tells
// the device, the threads, the workspace and the running job.
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QListWidget;
class QStackedWidget;

namespace azllm {
class Workspace;
}
namespace azllm::ui {
class ChatPage;
class DataPage;
class FinetunePage;
class KnowledgePage;
class LessonsPage;
class ModelPage;
class RoadmapPage;
class TrainPage;

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
    FinetunePage *finetunePage() const { return m_finetune; }
    ChatPage *chatPage() const { return m_chat; }
    RoadmapPage *roadmapPage() const { return m_roadmap; }
    LessonsPage *lessonsPage() const { return m_lessons; }
    KnowledgePage *knowledgePage() const { return m_knowledge; }

    // View > Language: installs the language's translation (every screen retranslates at once)
    // and remembers the choice for the next start.
    void setLanguage(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildLanguageMenu();
    void buildStatusBar();
    void retranslate();
    void addScreen(QWidget *page);
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
    FinetunePage *m_finetune = nullptr;
    ChatPage *m_chat = nullptr;
    RoadmapPage *m_roadmap = nullptr;
    LessonsPage *m_lessons = nullptr;
    KnowledgePage *m_knowledge = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_export = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QList<QAction *> m_screenActions; // View > each screen, in the sidebar's order
    QLabel *m_device = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_job = nullptr;
    QString m_jobName; // the running job, empty when idle
};

} // namespace azllm::ui
