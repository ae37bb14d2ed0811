// Past runs from studio.db: tick runs to overlay their loss curves, compare their configs side
// by side, export the chart.
#pragma once

#include <QWidget>

namespace azllm::ui {
class MetricChart;
} // namespace azllm::ui

class QPushButton;
class QTableWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class RunHistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryView)

public:
    explicit RunHistoryView(azllm::Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    int runCount() const;
    void setRunChecked(int row, bool checked);
    MetricChart *overlay() const { return m_overlay; }
    QTableWidget *configTable() const { return m_configs; }
    bool exportChart(const QString &path);

Q_SIGNALS:
    void runSelected(const QString &runDir);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateComparison();
    void exportWithDialog(const QString &filter, const QString &suffix);

    azllm::Workspace &m_workspace;
    QTableWidget *m_runs = nullptr;
    MetricChart *m_overlay = nullptr;
    QTableWidget *m_configs = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportPdf = nullptr;
};

} // namespace azllm::ui
