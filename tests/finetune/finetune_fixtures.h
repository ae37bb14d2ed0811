// Small fine-tuning datasets written for the tests, in Azerbaijani: question-answer pairs in two
// JSONL formats (with one broken line, number 7), held-out questions, and news in two classes.
#pragma once

#include <QFile>
#include <QString>
#include <QStringList>

namespace finetune_test {

inline bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(text.toUtf8()) == text.toUtf8().size();
}

inline const QStringList &cities()
{
    static const QStringList names = {QStringLiteral("Bakı"), QStringLiteral("Gəncə"),
                                      QStringLiteral("Şəki"), QStringLiteral("Lənkəran")};
    return names;
}

// 24 conversations; line 7 is not JSON.
inline bool writeChatData(const QString &path)
{
    QString chat;
    for (int i = 0; i < 24; ++i) {
        const QString city = cities()[i % 4];
        chat +=
            i % 2 ? QStringLiteral(R"({"instruction": "%1 haqqında danış.", )"
                                   R"("output": "%1 gözəl şəhərdir."})")
                        .arg(city)
                  : QStringLiteral(R"({"messages": [{"role": "user", "content": "%1 haradadır?"}, )"
                                   R"({"role": "assistant", "content": "%1 Azərbaycandadır."}]})")
                        .arg(city);
        chat += QLatin1Char('\n');
        if (i == 5)
            chat += QStringLiteral("{\"messages\": [\n");
    }
    return writeText(path, chat);
}

// {"question", "reference"} for each city.
inline bool writeEvalQuestions(const QString &path)
{
    QString eval;
    for (const QString &city : cities())
        eval +=
            QStringLiteral(R"({"question": "%1 haradadır?", "reference": "%1 Azərbaycandadır."})")
                .arg(city) +
            QLatin1Char('\n');
    return writeText(path, eval);
}

// count news items alternating idman and səhiyyə.
inline bool writeNews(const QString &path, int count)
{
    QString news = QStringLiteral("text,label\n");
    for (int i = 0; i < count; ++i)
        news +=
            i % 2
                ? QStringLiteral("\"Komanda %1 qol vurdu, oyun bitdi.\",idman\n").arg(i)
                : QStringLiteral("\"Xəstəxanada %1 həkim, müalicə davam edir.\",səhiyyə\n").arg(i);
    return writeText(path, news);
}

} // namespace finetune_test
