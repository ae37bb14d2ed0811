#include "classification_metrics.h"

#include <cstdio>
#include <stdexcept>

namespace azllm {

ClassificationReport scoreClassification(const std::vector<std::string> &labels,
                                         const std::vector<int> &truth,
                                         const std::vector<int> &predicted)
{
    if (truth.size() != predicted.size())
        throw std::invalid_argument("scoring needs one prediction per example");
    const int k = int(labels.size());
    ClassificationReport r;
    r.labels = labels;
    r.truth = truth;
    r.predicted = predicted;
    r.n = std::int64_t(truth.size());
    r.confusion.assign(std::size_t(k), std::vector<std::int64_t>(std::size_t(k), 0));
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k)
            throw std::invalid_argument("label index out of range at example " + std::to_string(i));
        ++r.confusion[std::size_t(truth[i])][std::size_t(predicted[i])];
        correct += truth[i] == predicted[i];
    }
    r.accuracy = r.n > 0 ? double(correct) / double(r.n) : 0;
    r.perClass.resize(std::size_t(k));
    int present = 0;
    double f1Sum = 0;
    for (int c = 0; c < k; ++c) {
        std::int64_t truePositive = r.confusion[std::size_t(c)][std::size_t(c)], actual = 0,
                     guessed = 0;
        for (int o = 0; o < k; ++o) {
            actual += r.confusion[std::size_t(c)][std::size_t(o)];
            guessed += r.confusion[std::size_t(o)][std::size_t(c)];
        }
        ClassMetrics &m = r.perClass[std::size_t(c)];
        m.support = actual;
        m.precision = guessed > 0 ? double(truePositive) / double(guessed) : 0;
        m.recall = actual > 0 ? double(truePositive) / double(actual) : 0;
        m.f1 =
            m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
        if (actual > 0) {
            ++present;
            f1Sum += m.f1;
        }
    }
    r.macroF1 = present > 0 ? f1Sum / present : 0;
    return r;
}

std::string classificationJson(const ClassificationReport &report)
{
    char text[160];
    std::snprintf(text, sizeof text, "{\"n\": %lld, \"accuracy\": %.4f, \"macro_f1\": %.4f}",
                  static_cast<long long>(report.n), report.accuracy, report.macroF1);
    return text;
}

} // namespace azllm
