#include "device_fit.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include "model_sizing.h"

namespace azllm::ui {

namespace {

constexpr std::int64_t kGiB = std::int64_t(1) << 30;

// lupdate files a free tr() in this namespace under "azllm::ui"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm::ui", text);
}

} // namespace

std::vector<Device> devicesToCompare()
{
    std::vector<Device> devices = {
        {QStringLiteral("t4-16"), tr("NVIDIA T4 (16 GB)"), 16 * kGiB,
         tr("Every NVIDIA T4 has 16 GB; there is no 12 GB T4, whatever older notes say.")},
        {QStringLiteral("gpu-24"), tr("RTX 4090 / A10 (24 GB)"), 24 * kGiB},
        {QStringLiteral("a100-40"), tr("NVIDIA A100 (40 GB)"), 40 * kGiB},
        {QStringLiteral("a100-80"), tr("NVIDIA A100 (80 GB)"), 80 * kGiB},
        {QStringLiteral("h100-80"), tr("NVIDIA H100 (80 GB)"), 80 * kGiB},
    };
    if (const auto ram = machineMemoryBytes())
        devices.push_back({QStringLiteral("this-machine"), tr("This machine's RAM"), *ram});
    return devices;
}

std::optional<std::int64_t> machineMemoryBytes(const QString &meminfoPath)
{
    QFile file(meminfoPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    static const QRegularExpression memTotal(QStringLiteral("^MemTotal:\\s+(\\d+)\\s*kB"),
                                             QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = memTotal.match(QString::fromLatin1(file.readAll()));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong() * 1024;
}

Fit trainingFit(const ModelConfig &config, std::int64_t batch, std::int64_t context,
                std::int64_t memory)
{
    if (trainingMemory(config, batch, context, false).total() <= memory)
        return Fit::Fits;
    if (trainingMemory(config, batch, context, true).total() <= memory)
        return Fit::FitsWithCheckpointing;
    return Fit::DoesNotFit;
}

Fit inferenceFit(const ModelConfig &config, std::int64_t context, std::int64_t memory)
{
    return inferenceMemory(config, 1, context).total() <= memory ? Fit::Fits : Fit::DoesNotFit;
}

QString fitText(Fit fit)
{
    switch (fit) {
    case Fit::Fits:
        return tr("\u2714 fits");
    case Fit::FitsWithCheckpointing:
        return tr("\u2714 with checkpointing");
    case Fit::DoesNotFit:
        return tr("\u2718 too big");
    }
    return {};
}

} // namespace azllm::ui
