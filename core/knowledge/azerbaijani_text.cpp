#include "azerbaijani_text.h"

#include <QSet>

namespace azllm {
namespace {

constexpr char16_t kDotlessI = u'\u0131';
constexpr char16_t kCapitalDottedI = u'\u0130';
constexpr char16_t kCombiningDotAbove = u'\u0307';
constexpr char16_t kTurnedE = u'\u01DD';        // ǝ, mistaken for ə
constexpr char16_t kCapitalTurnedE = u'\u018E'; // Ǝ, mistaken for Ə
constexpr char16_t kSchwa = u'\u0259';          // ə

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

} // namespace

QString foldAzerbaijani(const QString &text)
{
    const QString normalized = text.normalized(QString::NormalizationForm_C);
    QString folded;
    folded.reserve(normalized.size());
    for (const QChar c : normalized) {
        switch (c.unicode()) {
        case u'I':
            folded.append(QChar(kDotlessI));
            break;
        case kCapitalDottedI:
            folded.append(QLatin1Char('i'));
            break;
        case kCombiningDotAbove:
            // What a naive lower-casing of İ leaves: i followed by a dot above.
            if (!folded.endsWith(QLatin1Char('i')))
                folded.append(c);
            break;
        case kTurnedE:
        case kCapitalTurnedE:
            folded.append(QChar(kSchwa));
            break;
        default:
            folded.append(c.toLower());
        }
    }
    return folded;
}

QStringList foldedWords(const QString &text)
{
    const QString folded = foldAzerbaijani(text);
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        const bool inWord = i < folded.size() && isWordCharacter(folded[i]);
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            words << folded.mid(start, i - start);
            start = -1;
        }
    }
    return words;
}

QString wordPrefix(const QString &word, int length)
{
    if (length <= 0 || word.size() <= length)
        return word;
    // Never split a surrogate pair or leave a combining mark without its letter.
    qsizetype end = length;
    while (end < word.size() && (word[end].isLowSurrogate() || word[end].isMark()))
        ++end;
    return word.left(end);
}

bool isStopword(const QString &foldedWord)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w :
             {"və", "ilə", "üçün", "da", "də", "ki", "bu", "o", "bir", "hər", "ya", "yaxud", "amma",
              "lakin", "isə", "kimi", "qədər", "görə", "olan", "olaraq", "edir", "nə", "nədir",
              "necə", "niyə", "kim", "kimə", "kimin", "hansı", "hansıdır", "harada", "haraya",
              "haradan", "nəyə", "nəyi", "neçə", "mi", "mı", "mu", "mü", "dir", "dır", "dur", "dür",
              "onun", "onlar", "onların", "belə", "həm", "hətta", "ən", "çox", "daha", "nələr",
              "kimlər", "bəs",
              // the verbs questions end with: "olarmı?", "bilərəmmi?", "varmı?"
              "ola", "olar", "olarmı", "olmaq", "edə", "etmək", "bilər", "bilərmi", "bilərəmmi",
              "bilərikmi", "varmı", "lazımdır", "lazımdırmı", "olunurmu", "edilirmi"})
            set.insert(QString::fromUtf8(w));
        return set;
    }();
    return words.contains(foldedWord);
}

QStringList queryWords(const QString &query)
{
    QStringList kept;
    for (const QString &word : foldedWords(query))
        if (!isStopword(word) && !kept.contains(word))
            kept << word;
    return kept;
}

} // namespace azllm
