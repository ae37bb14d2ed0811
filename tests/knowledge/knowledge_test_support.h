// Shared by the knowledge tests: the fixture law document, files written on the fly, and a
// workspace with one base.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTest>

namespace knowledge_test {

// tests/knowledge/fixtures/kitabxana_qanunu.md: Bölmə and Fəsil headings, Maddə 12 (short)
// and 12-1, a long Maddə 13 with five numbered parts.
inline QString fixturePath()
{
    return QStringLiteral(AZLLM_KNOWLEDGE_FIXTURES "/kitabxana_qanunu.md");
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// The 1-based number of the first line of a file that contains `text`, 0 when none does.
inline int lineOf(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(text))
            return i + 1;
    return 0;
}

} // namespace knowledge_test
