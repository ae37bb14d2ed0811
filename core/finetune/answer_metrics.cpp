#include "answer_metrics.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <map>

namespace azllm {

std::string azerbaijaniLower(const std::string &utf8)
{
    QString text = QString::fromStdString(utf8);
    // Unicode's default lower case maps I to i; Azerbaijani (like Turkish) maps it to ı.
    text.replace(QChar(u'I'), QChar(u'ı')).replace(QChar(u'İ'), QChar(u'i'));
    return text.toLower().toStdString();
}

std::vector<std::string> answerWords(const std::string &utf8)
{
    QString text = QString::fromStdString(azerbaijaniLower(utf8));
    for (QChar &c : text)
        if (c.isPunct() || c.isSymbol())
            c = QLatin1Char(' ');
    std::vector<std::string> words;
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.push_back(word.toStdString());
    return words;
}

double tokenF1(const std::string &answer, const std::string &reference)
{
    const std::vector<std::string> a = answerWords(answer), r = answerWords(reference);
    if (a.empty() || r.empty())
        return a.empty() && r.empty() ? 1.0 : 0.0;
    std::map<std::string, int> counts;
    for (const std::string &w : r)
        ++counts[w];
    int common = 0;
    for (const std::string &w : a)
        if (counts[w]-- > 0)
            ++common;
    if (common == 0)
        return 0.0;
    const double precision = double(common) / double(a.size());
    const double recall = double(common) / double(r.size());
    return 2 * precision * recall / (precision + recall);
}

bool exactMatch(const std::string &answer, const std::string &reference)
{
    return answerWords(answer) == answerWords(reference);
}

} // namespace azllm
