#include "human_units.h"

#include <QCoreApplication>
#include <QLocale>

namespace azllm::ui {

QString formatCount(std::uint64_t count)
{
    const QLocale locale;
    if (count < 1000000)
        return locale.toString(qulonglong(count));
    if (count < 1000000000)
        return QCoreApplication::translate("HumanUnits", "%1 million")
            .arg(locale.toString(double(count) / 1e6, 'f', 2));
    return QCoreApplication::translate("HumanUnits", "%1 billion")
        .arg(locale.toString(double(count) / 1e9, 'f', 2));
}

QString formatCountOf(std::uint64_t count, const QString &oneForm, const QString &manyForm)
{
    return (count == 1 ? oneForm : manyForm).arg(formatCount(count));
}

QString formatFileSize(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
}

QString formatShare(double share, int decimals)
{
    return QCoreApplication::translate("HumanUnits", "%1 %")
        .arg(QLocale().toString(share * 100.0, 'f', decimals));
}

QString formatTimeLeft(double seconds)
{
    const auto s = static_cast<qint64>(seconds + 0.5);
    if (s < 60)
        return QCoreApplication::translate("HumanUnits", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("HumanUnits", "%1 min").arg((s + 30) / 60);
    return QCoreApplication::translate("HumanUnits", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s % 3600) / 60);
}

} // namespace azllm::ui
