#include "size_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace azllm::ui {

namespace {

// lupdate files a free tr() in this namespace under "azllm::ui"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm::ui", text);
}

// The learner's decimal separator: "3.57" in English, "3,57" in Azerbaijani.
QString decimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

// Three significant digits: 3.57, 21.1, 512.
QString threeDigits(double value)
{
    return decimal(value, value < 10 ? 2 : value < 100 ? 1 : 0);
}

// Scales value by 1000 until it is below 1000 and names the prefix it reached.
QString withSiPrefix(double value, const QString &unit)
{
    static const std::array<const char *, 7> prefixes = {"", "K", "M", "G", "T", "P", "E"};
    std::size_t i = 0;
    while (std::abs(value) >= 1000.0 && i + 1 < prefixes.size()) {
        value /= 1000.0;
        ++i;
    }
    return threeDigits(value) + QLatin1Char(' ') + QLatin1String(prefixes[i]) + unit;
}

} // namespace

QString formatParameterCount(std::int64_t count)
{
    const double n = double(count);
    if (n >= 1e9)
        return decimal(n / 1e9, 2) + QLatin1Char('B');
    if (n >= 1e6)
        return decimal(n / 1e6, 1) + QLatin1Char('M');
    if (n >= 1e3)
        return decimal(n / 1e3, 1) + QLatin1Char('K');
    return QString::number(count);
}

QString formatBytes(std::int64_t bytes)
{
    static const std::array<const char *, 5> units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    std::size_t i = 0;
    while (value >= 1024.0 && i + 1 < units.size()) {
        value /= 1024.0;
        ++i;
    }
    if (i == 0)
        return QString::number(bytes) + QLatin1String(" B");
    return threeDigits(value) + QLatin1Char(' ') + QLatin1String(units[i]);
}

QString formatFlops(double flops)
{
    return withSiPrefix(flops, QStringLiteral("FLOP"));
}

QString formatFlopRate(double flopsPerSecond)
{
    return withSiPrefix(flopsPerSecond, QStringLiteral("FLOP/s"));
}

QString formatDuration(double seconds)
{
    const double minute = 60, hour = 3600, day = 86400, year = 365.25 * day;
    if (seconds < minute)
        return tr("%1 s").arg(decimal(seconds, 0));
    if (seconds < hour)
        return tr("%1 min").arg(decimal(seconds / minute, 0));
    if (seconds < day)
        return tr("%1 hours").arg(decimal(seconds / hour, 1));
    if (seconds < year)
        return tr("%1 days").arg(decimal(seconds / day, 1));
    return tr("%1 years").arg(decimal(seconds / year, 1));
}

QString formatTokenCount(double tokens)
{
    if (tokens >= 1e9)
        return tr("%1 B tokens").arg(decimal(tokens / 1e9, 2));
    if (tokens >= 1e6)
        return tr("%1 M tokens").arg(decimal(tokens / 1e6, 1));
    return tr("%1 tokens").arg(decimal(tokens, 0));
}

} // namespace azllm::ui
