// Past runs from studio.db: tick runs to overlay their loss curves, compare their configs side
// by side, export the chart.
#pragma once

#include <QWidget>

class MetricChart;
class QTableWidget;

namespace azllm {
class Workspace;
}

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

private:
    void updateComparison();
    void exportWithDialog(const QString &filter, const QString &suffix);

    azllm::Workspace &m_workspace;
    QTableWidget *m_runs = nullptr;
    MetricChart *m_overlay = nullptr;
    QTableWidget *m_configs = nullptr;
};
