// What a classifier without a GPT reaches on the same split, so the learner sees what the GPT
// adds: the majority class, and bag-of-words logistic regression over word 1-2-grams and
// character 2-4-grams (each word padded with spaces, so Azerbaijani suffixes become features of
// their own). Features are hashed into 2^18 buckets, weighted 1 + log(count), L2-normalised;
// the model is multinomial logistic regression trained by seeded SGD with L2 regularisation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "classification_dataset.h"
#include "classification_metrics.h"

namespace azllm {

struct BowOptions
{
    int epochs = 30;
    double learningRate = 0.5; // decays as 1 / (1 + epoch / 10)
    double l2 = 1e-5;
    std::uint64_t seed = 1234;
};

class BagOfWordsClassifier
{
public:
    explicit BagOfWordsClassifier(BowOptions options = {});

    // labels[i] indexes labelNames.
    void fit(const std::vector<std::string> &texts, const std::vector<int> &labels, int labelCount);
    std::vector<double> probabilities(const std::string &text) const;
    int predict(const std::string &text) const;

private:
    struct Feature
    {
        std::uint32_t index;
        float value;
    };
    std::vector<Feature> features(const std::string &text) const;
    std::vector<double> scores(const std::vector<Feature> &x) const;

    BowOptions m_options;
    int m_labels = 0;
    std::vector<float> m_weights; // labels x buckets
    std::vector<double> m_bias;
};

struct BaselineReports
{
    ClassificationReport majority;
    ClassificationReport bagOfWords;
};

// Trains both on `train` and scores them on `evaluated`, over `labels` (the evaluated labels
// must all be among them; throws std::runtime_error naming the line otherwise).
BaselineReports runBaselines(const std::vector<LabelledText> &train,
                             const std::vector<LabelledText> &evaluated,
                             const std::vector<std::string> &labels, const std::string &evalFile,
                             const BowOptions &options = {});

} // namespace azllm
