// The "Where it fits" table: one row per device, training and inference verdicts, coloured.
#pragma once

#include <QTableWidget>

#include <vector>

#include "device_fit.h"

namespace azllm::ui {

class DeviceFitTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFitTable)

public:
    explicit DeviceFitTable(QWidget *parent = nullptr);

    void showFits(const ModelConfig &config, std::int64_t batch, std::int64_t context);
    // Shown while the configuration is invalid.
    void clearFits();

    // The verdict text shown for a device id ("t4-12"), empty when there is no such row.
    QString displayedFit(const QString &deviceId, bool training) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setVerdict(int row, int column, Fit fit, const QString &tooltip);

    std::vector<Device> m_devices;
};

} // namespace azllm::ui
