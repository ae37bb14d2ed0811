// The Data screen: the workspace's prepared datasets with their statistics, a form that turns
// text files into a new dataset (on a worker thread, with progress and Cancel), and the
// tokenizer playground. The main window shows it; everything else it needs is in the workspace.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class DatasetBrowser;
class PreparePanel;
class SourcesPanel;
class TokenizerPlayground;

class DataPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataPage)

public:
    explicit DataPage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~DataPage() override;

    // True while a dataset is being prepared (the main window asks before closing).
    bool isBusy() const;
    // Adds files or folders to the "New dataset" inputs and shows that tab.
    void addInputs(const QStringList &paths);

    DatasetBrowser &datasets() { return *m_datasets; }
    PreparePanel &preparePanel() { return *m_prepare; }
    TokenizerPlayground &playground() { return *m_playground; }
    SourcesPanel &sourcesPanel() { return *m_sources; }

public Q_SLOTS:
    // Reads the workspace's datasets again (after another screen or a first-start seed made one).
    void reload();

Q_SIGNALS:
    void datasetsChanged();
    // What runs now, for the status bar; empty when idle.
    void jobChanged(const QString &description);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onPrepared(const QString &name);

    azllm::Workspace &m_workspace;
    DatasetBrowser *m_datasets = nullptr;
    PreparePanel *m_prepare = nullptr;
    TokenizerPlayground *m_playground = nullptr;
    SourcesPanel *m_sources = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_datasetsTitle = nullptr;
};

} // namespace azllm::ui
