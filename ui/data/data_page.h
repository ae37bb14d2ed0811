// The Data screen: the workspace's prepared datasets with their statistics, a form that turns
// text files into a new dataset (on a worker thread, with progress and Cancel), and the
// tokenizer playground. The main window shows it; everything else it needs is in the workspace.
#pragma once

#include <QString>
#include <QWidget>

class QTabWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class DatasetBrowser;
class PreparePanel;
class SourcesPanel;
class TokenizerPlayground;
} // namespace azllm::ui

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

    azllm::ui::DatasetBrowser &datasets() { return *m_datasets; }
    azllm::ui::PreparePanel &preparePanel() { return *m_prepare; }
    azllm::ui::TokenizerPlayground &playground() { return *m_playground; }
    azllm::ui::SourcesPanel &sourcesPanel() { return *m_sources; }

public Q_SLOTS:
    // Reads the workspace's datasets again (after another screen or a first-start seed made one).
    void reload();

Q_SIGNALS:
    void datasetsChanged();
    // What runs now, for the status bar; empty when idle.
    void jobChanged(const QString &description);

private:
    void onPrepared(const QString &name);

    azllm::Workspace &m_workspace;
    azllm::ui::DatasetBrowser *m_datasets = nullptr;
    azllm::ui::PreparePanel *m_prepare = nullptr;
    azllm::ui::TokenizerPlayground *m_playground = nullptr;
    azllm::ui::SourcesPanel *m_sources = nullptr;
    QTabWidget *m_tabs = nullptr;
};
