// "Your datasets": the workspace's prepared datasets in a list (documents, tokens, vocabulary)
// and the selected one's statistics report, laid out for reading rather than as raw key: value.
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "dataset_summary.h"

class QLabel;
class QTextBrowser;
class QTreeWidget;

namespace azllm::ui {

class DatasetBrowser final : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetBrowser(QWidget *parent = nullptr);

    // Keeps the selection when that dataset is still there, else selects the first.
    void setDatasets(const QList<DatasetSummary> &datasets);
    void select(const QString &name);
    QString selectedName() const;
    QStringList names() const;
    // The report as shown (HTML), for one dataset.
    static QString reportHtml(const DatasetSummary &summary);

Q_SIGNALS:
    void selectionChanged(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelected();

    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_report = nullptr;
    QLabel *m_empty = nullptr;
    QList<DatasetSummary> m_datasets;
};

} // namespace azllm::ui
