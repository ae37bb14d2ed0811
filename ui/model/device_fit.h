// Which machines a model fits: the configurator's device table, as plain logic the tests can
// call. Memory needs come from the engine's sizing functions; this file only compares.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "model_config.h"

namespace azllm::ui {

struct Device
{
    QString id;          // stable key for tests and settings: "t4-16", "this-machine"
    QString name;        // shown to the learner: "NVIDIA T4 (16 GB)"
    std::int64_t memory; // bytes the model may use
    QString note = {};   // a remark shown on the device's name, when there is one
};

// The course's cards (the 16 GB T4, 24 GB, 40 and 80 GB A100, 80 GB H100), then this machine's
// RAM when it can be read. Card sizes are taken as GiB, as the drivers report them. There is no
// 12 GB T4: every T4 has 16 GB (older course notes said 12; lesson 41 is corrected).
std::vector<Device> devicesToCompare();

// MemTotal from a /proc/meminfo-style file, in bytes; nullopt when it is missing or unreadable.
std::optional<std::int64_t>
machineMemoryBytes(const QString &meminfoPath = QStringLiteral("/proc/meminfo"));

enum class Fit
{
    Fits,
    FitsWithCheckpointing,
    DoesNotFit
};

// Training fits when a plain fp32 AdamW step fits; failing that, when it fits with activation
// checkpointing.
Fit trainingFit(const ModelConfig &config, std::int64_t batch, std::int64_t context,
                std::int64_t memory);
// Inference (batch 1, fp32 weights and KV cache for the whole context) fits or does not.
Fit inferenceFit(const ModelConfig &config, std::int64_t context, std::int64_t memory);

// The words the table shows for each verdict.
QString fitText(Fit fit);

} // namespace azllm::ui
