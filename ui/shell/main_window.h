// The studio's window: a sidebar of screens, the current screen, and a status bar that tells
// the device, the threads, the workspace and the running job.
#pragma once

#include <QMainWindow>

class DataPage;
class ModelPage;
class QLabel;
class QListWidget;
class QStackedWidget;
class TrainPage;

namespace azllm {
class Workspace;
}

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Screen
    {
        DataScreen,
        ModelScreen,
        TrainScreen
    };

    explicit MainWindow(azllm::Workspace &workspace, QWidget *parent = nullptr);

    void showScreen(Screen screen);
    Screen currentScreen() const;
    // Internal names, also the screenshot file names: "data", "model", "train".
    static QString screenKey(Screen screen);
    QWidget *screenWidget(Screen screen) const;
    DataPage *dataPage() const { return m_data; }
    ModelPage *modelPage() const { return m_model; }
    TrainPage *trainPage() const { return m_train; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void addScreen(Screen screen, QWidget *page, const QString &title, const QString &hint);
    void setJob(const QString &job);
    void restoreSettings();

    azllm::Workspace &m_workspace;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    DataPage *m_data = nullptr;
    ModelPage *m_model = nullptr;
    TrainPage *m_train = nullptr;
    QLabel *m_job = nullptr;
};
