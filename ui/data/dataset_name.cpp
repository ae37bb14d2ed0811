#include "dataset_name.h"

#include <QRegularExpression>

namespace azllm::ui {

bool isSafeDatasetName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

QString datasetNameFrom(const QString &text)
{
    QString ascii = text.toLower();
    ascii.replace(QChar(0x0259), QLatin1Char('e')); // ə has no decomposition
    ascii.replace(QChar(0x0131), QLatin1Char('i')); // nor has dotless ı
    ascii = ascii.normalized(QString::NormalizationForm_D);
    QString name;
    for (const QChar c : ascii) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit())
            name += c;
        else if (c.unicode() < 0x80 && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-'); // spaces and punctuation; combining accents are dropped
    }
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    name.truncate(40);
    return name.isEmpty() ? QStringLiteral("dataset") : name;
}

} // namespace azllm::ui
