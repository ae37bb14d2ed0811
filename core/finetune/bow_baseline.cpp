#include "bow_baseline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "answer_metrics.h"
#include "example_schedule.h"

namespace azllm {
namespace {

constexpr int kBucketBits = 18;
constexpr std::uint32_t kBuckets = 1u << kBucketBits;

std::uint32_t bucketOf(const std::string &feature)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL; // FNV-1a
    for (unsigned char c : feature) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return std::uint32_t((hash ^ (hash >> 32)) & (kBuckets - 1));
}

// Character n-grams of " word " by UTF-8 code point (never half a letter).
void characterGrams(const std::string &word, std::map<std::uint32_t, int> &counts)
{
    const std::string padded = " " + word + " ";
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < padded.size(); ++i)
        if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80)
            starts.push_back(i);
    starts.push_back(padded.size());
    for (int n = 2; n <= 4; ++n)
        for (std::size_t i = 0; i + std::size_t(n) < starts.size(); ++i)
            ++counts[bucketOf("c" +
                              padded.substr(starts[i], starts[i + std::size_t(n)] - starts[i]))];
}

std::vector<int> indicesOf(const std::vector<LabelledText> &items,
                           const std::vector<std::string> &labels, const std::string &file)
{
    std::vector<int> out;
    for (const LabelledText &item : items) {
        const auto it = std::find(labels.begin(), labels.end(), item.label);
        if (it == labels.end())
            throw std::runtime_error(file + ":" + std::to_string(item.line) + ": label '" +
                                     item.label + "' does not occur in the training data");
        out.push_back(int(it - labels.begin()));
    }
    return out;
}

} // namespace

BagOfWordsClassifier::BagOfWordsClassifier(BowOptions options) : m_options(options) {}

std::vector<BagOfWordsClassifier::Feature>
BagOfWordsClassifier::features(const std::string &text) const
{
    const std::vector<std::string> words = answerWords(text);
    std::map<std::uint32_t, int> counts;
    for (std::size_t i = 0; i < words.size(); ++i) {
        ++counts[bucketOf("w" + words[i])];
        if (i + 1 < words.size())
            ++counts[bucketOf("b" + words[i] + " " + words[i + 1])];
        characterGrams(words[i], counts);
    }
    std::vector<Feature> x;
    double norm = 0;
    for (const auto &[index, count] : counts) {
        const float value = float(1.0 + std::log(double(count)));
        x.push_back({index, value});
        norm += double(value) * value;
    }
    for (Feature &f : x)
        f.value = float(f.value / std::sqrt(std::max(norm, 1e-12)));
    return x;
}

std::vector<double> BagOfWordsClassifier::scores(const std::vector<Feature> &x) const
{
    std::vector<double> z = m_bias;
    for (int k = 0; k < m_labels; ++k) {
        const float *w = m_weights.data() + std::size_t(k) * kBuckets;
        for (const Feature &f : x)
            z[std::size_t(k)] += double(w[f.index]) * f.value;
    }
    return z;
}

void BagOfWordsClassifier::fit(const std::vector<std::string> &texts,
                               const std::vector<int> &labels, int labelCount)
{
    m_labels = labelCount;
    m_weights.assign(std::size_t(labelCount) * kBuckets, 0.0f);
    m_bias.assign(std::size_t(labelCount), 0.0);
    std::vector<std::vector<Feature>> xs;
    for (const std::string &text : texts)
        xs.push_back(features(text));
    for (int epoch = 0; epoch < m_options.epochs; ++epoch) {
        const double lr = m_options.learningRate / (1.0 + epoch / 10.0);
        for (std::size_t i : seededPermutation(xs.size(), m_options.seed + std::uint64_t(epoch))) {
            std::vector<double> p = scores(xs[i]);
            const double top = *std::max_element(p.begin(), p.end());
            double sum = 0;
            for (double &v : p)
                sum += v = std::exp(v - top);
            for (int k = 0; k < m_labels; ++k) {
                // Gradient of the cross-entropy: p_k - [k is the label].
                const double g = p[std::size_t(k)] / sum - (k == labels[i] ? 1.0 : 0.0);
                float *w = m_weights.data() + std::size_t(k) * kBuckets;
                for (const Feature &f : xs[i])
                    w[f.index] -= float(lr * (g * f.value + m_options.l2 * w[f.index]));
                m_bias[std::size_t(k)] -= lr * g;
            }
        }
    }
}

std::vector<double> BagOfWordsClassifier::probabilities(const std::string &text) const
{
    std::vector<double> p = scores(features(text));
    const double top = *std::max_element(p.begin(), p.end());
    double sum = 0;
    for (double &v : p)
        sum += v = std::exp(v - top);
    for (double &v : p)
        v /= sum;
    return p;
}

int BagOfWordsClassifier::predict(const std::string &text) const
{
    const std::vector<double> p = probabilities(text);
    return int(std::max_element(p.begin(), p.end()) - p.begin());
}

BaselineReports runBaselines(const std::vector<LabelledText> &train,
                             const std::vector<LabelledText> &evaluated,
                             const std::vector<std::string> &labels, const std::string &evalFile,
                             const BowOptions &options)
{
    const std::vector<int> trainLabels = indicesOf(train, labels, "training data");
    const std::vector<int> truth = indicesOf(evaluated, labels, evalFile);
    std::vector<int> counts(labels.size(), 0);
    for (int label : trainLabels)
        ++counts[std::size_t(label)];
    // Ties go to the first label in sorted order: the same answer on every run.
    const int majority = int(std::max_element(counts.begin(), counts.end()) - counts.begin());

    std::vector<std::string> texts;
    for (const LabelledText &item : train)
        texts.push_back(item.text);
    BagOfWordsClassifier bow(options);
    bow.fit(texts, trainLabels, int(labels.size()));

    std::vector<int> bowPredictions;
    for (const LabelledText &item : evaluated)
        bowPredictions.push_back(bow.predict(item.text));
    return {scoreClassification(labels, truth, std::vector<int>(truth.size(), majority)),
            scoreClassification(labels, truth, bowPredictions)};
}

} // namespace azllm
