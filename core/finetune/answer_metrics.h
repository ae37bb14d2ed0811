// Comparing a generated answer with a reference, over words: Azerbaijani lower-casing (I -> ı,
// İ -> i, then the usual mapping), punctuation removed, split at whitespace. token_f1 is the
// harmonic mean of word precision and recall (counting repeats, as SQuAD does); exact_match is
// whether the word sequences are equal.
#pragma once

#include <string>
#include <vector>

namespace azllm {

std::string azerbaijaniLower(const std::string &utf8);
std::vector<std::string> answerWords(const std::string &utf8);
double tokenF1(const std::string &answer, const std::string &reference);
bool exactMatch(const std::string &answer, const std::string &reference);

} // namespace azllm
