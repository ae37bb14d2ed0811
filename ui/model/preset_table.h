// The course's presets side by side, with their true parameter counts. Clicking a row picks it.
#pragma once

#include <QTableWidget>

#include "model_config.h"

namespace azllm::ui {

class PresetTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresetTable)

public:
    explicit PresetTable(QWidget *parent = nullptr);

    // Selects the preset's row when config is exactly a preset, clears the selection otherwise.
    void highlight(const ModelConfig &config);
    // The parameter count shown for a preset ("az-700m"), empty when there is no such row.
    QString displayedParameters(const QString &presetName) const;
    QString displayedNote(const QString &presetName) const;

Q_SIGNALS:
    void presetChosen(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillRow(int row, const ModelPreset &preset);
    int rowOf(const QString &presetName) const;
};

// What the table says about a preset's name against its true count: "name says 700M; really
// 0.96B" when they differ by more than 5%, the preset's description otherwise.
QString presetNote(const ModelPreset &preset);

} // namespace azllm::ui
