// How well a classifier did: accuracy, macro-F1, per-class precision and recall, and the
// confusion matrix, from (true, predicted) label pairs. Plain C++: the trainer's evaluation,
// the baselines and `azllm classify eval` all count the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace azllm {

struct ClassMetrics
{
    double precision = 0;     // of the texts predicted as this class, the share that are
    double recall = 0;        // of the texts of this class, the share found
    double f1 = 0;            // harmonic mean of the two; 0 when both are 0
    std::int64_t support = 0; // texts of this class in the evaluated set
};

struct ClassificationReport
{
    std::vector<std::string> labels;
    std::int64_t n = 0;
    double accuracy = 0;
    // Mean F1 over the labels that occur in the evaluated set (a label with no text there
    // neither helps nor hurts).
    double macroF1 = 0;
    std::vector<ClassMetrics> perClass;
    // confusion[t][p]: texts of class t predicted as p.
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<int> truth;     // per example, in the evaluated order
    std::vector<int> predicted; // per example
    double loss = -1;           // mean cross-entropy when a model computed one, -1 otherwise
};

// Throws std::invalid_argument when the vectors differ in length or a label is out of range.
ClassificationReport scoreClassification(const std::vector<std::string> &labels,
                                         const std::vector<int> &truth,
                                         const std::vector<int> &predicted);

// One JSON line with n, accuracy, macro_f1 (what `azllm classify eval` and `baseline` end with).
std::string classificationJson(const ClassificationReport &report);

} // namespace azllm
