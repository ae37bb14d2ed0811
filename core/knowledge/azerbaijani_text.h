// Azerbaijani words as the knowledge index sees them: case folded by Azerbaijani rules, cut
// into words, and reduced to a prefix so that inflected forms meet.
//
// Plain toLower and SQLite's default tokenizer get Azerbaijani wrong twice: they fold I to i
// (Azerbaijani pairs I with ı and İ with i), and FTS5's remove_diacritics would make şəhər
// (city) and səhər (morning) one word. The index stores words folded here, and FTS5 only splits
// them at spaces (docs/knowledge.md).
#pragma once

#include <QString>
#include <QStringList>

namespace azllm {

// NFC, then lower case by Azerbaijani rules: I → ı, İ → i (also I + U+0307 → i), ǝ/Ǝ (U+01DD,
// U+018E, mistaken for ə) → ə, everything else by Unicode's lower case. ə ş ç ğ ö ü ı stay
// distinct letters.
QString foldAzerbaijani(const QString &text);

// The folded words of a text: runs of letters and digits (combining marks stay inside a word);
// everything else separates.
QStringList foldedWords(const QString &text);

// The first `length` letters of a folded word, or the word when it is not longer: Azerbaijani
// adds suffixes (kitab, kitabı, kitablarımızdan), so a prefix of about five letters stands in
// for the stem (measured in docs/benchmarks.md).
QString wordPrefix(const QString &word, int length);

// The shortest prefix the index keeps, a rough root: two words that share it are related often
// enough to say whether a chunk is about a question at all (the coverage of citations.h).
inline constexpr int kRootLength = 3;

// Function words of questions and legal prose that say nothing about the topic (və, ilə, nə,
// hansı, ...), folded. Queries leave them out.
bool isStopword(const QString &foldedWord);

// The words of a query worth searching for: folded, stopwords and repeats left out, in order.
QStringList queryWords(const QString &query);

} // namespace azllm
