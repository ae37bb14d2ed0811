// The first batch of a chat tuning run as the model sees it: one line per row, each token a chip
// coloured by whether the loss counts it (green) or it is only context (grey); padding is faint,
// markers bold. A wrong mask shows at a glance: a green question, a grey answer.
#pragma once

#include <QTextBrowser>

#include <vector>

#include "batch_preview.h"

namespace azllm::ui {

class BatchPreviewView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchPreviewView)

public:
    explicit BatchPreviewView(QWidget *parent = nullptr);

    void showRows(const std::vector<azllm::PreviewRow> &rows);
    int shownRows() const { return m_rows; }
    // Tokens shown as counted in the loss (for tests).
    int countedTokens() const { return m_counted; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    std::vector<azllm::PreviewRow> m_data;
    int m_rows = 0;
    int m_counted = 0;
};

} // namespace azllm::ui
