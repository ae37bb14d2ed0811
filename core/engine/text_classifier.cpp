#include "text_classifier.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "checkpoint.h"
#include "classifier_head.h"
#include "config_io.h"
#include "example_file.h"
#include "language_model_impl.h"
#include "random_generator.h"
#include "runtime.h"
#include "tuned_checkpoint.h"
#include "tuning_batches.h"

namespace azllm {
namespace fs = std::filesystem;

struct TextClassifier::Impl
{
    Impl(const RunConfig &run, std::vector<std::string> labelNames, std::string dir)
        : config(run), labels(std::move(labelNames)), checkpoint(std::move(dir)),
          gpt(run.model, makeRandomGenerator(torch::kCPU, 0)), // the checkpoint's weights follow
          head(run.model.nEmbd, std::int64_t(labels.size()), run.tuning.pooling == "mean")
    {
    }
    RunConfig config;
    std::vector<std::string> labels;
    std::string checkpoint;
    Gpt gpt;
    ClassifierHead head;
    torch::Device device{torch::kCPU};
};

namespace {

std::vector<std::string> readLabels(const std::string &dir)
{
    const fs::path path = fs::path(dir) / "labels.txt";
    if (!fs::is_regular_file(path))
        throw std::runtime_error("checkpoint " + dir + ": missing labels.txt");
    std::istringstream in(readTextFile(path.string()));
    std::vector<std::string> labels;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            labels.push_back(line);
    return labels;
}

} // namespace

TextClassifier TextClassifier::load(const std::string &checkpointDir, const std::string &device)
{
    const RunConfig run = readCheckpointConfig(checkpointDir);
    if (run.tuning.kind != "classify")
        throw std::runtime_error("checkpoint " + checkpointDir + " is not a classifier (kind " +
                                 run.tuning.kind + "); train one with `azllm classify train`");
    std::vector<std::string> labels = readLabels(checkpointDir);
    if (std::int64_t(labels.size()) != run.tuning.labelCount)
        throw std::runtime_error("checkpoint " + checkpointDir + ": labels.txt lists " +
                                 std::to_string(labels.size()) + " labels, config.txt says " +
                                 std::to_string(run.tuning.labelCount));
    auto impl = std::make_unique<Impl>(run, std::move(labels), checkpointDir);
    try {
        loadModelWeights(checkpointDir, impl->gpt);
        loadClassifierHead(checkpointDir, impl->head);
    } catch (const c10::Error &e) {
        throw std::runtime_error("checkpoint " + checkpointDir + ": " + describeTorchError(e));
    }
    impl->device = torch::Device(resolveDevice(device));
    impl->gpt->to(impl->device);
    impl->head->to(impl->device);
    impl->gpt->eval();
    impl->head->eval();
    return TextClassifier(std::move(impl));
}

TextClassifier::TextClassifier(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TextClassifier::TextClassifier(TextClassifier &&) noexcept = default;
TextClassifier &TextClassifier::operator=(TextClassifier &&) noexcept = default;
TextClassifier::~TextClassifier() = default;

const std::vector<std::string> &TextClassifier::labels() const
{
    return m_impl->labels;
}

const ModelConfig &TextClassifier::modelConfig() const
{
    return m_impl->config.model;
}

const std::string &TextClassifier::checkpointDir() const
{
    return m_impl->checkpoint;
}

std::vector<std::vector<float>>
TextClassifier::probabilities(const std::vector<std::vector<int>> &texts, int batchSize) const
{
    torch::NoGradGuard noGrad; // per thread: set where the work runs
    ExampleSet set;
    set.kind = ExampleKind::Classify;
    for (const std::vector<int> &ids : texts) {
        if (ids.empty() || std::int64_t(ids.size()) > m_impl->config.model.contextLength)
            throw std::invalid_argument("a text to classify has " + std::to_string(ids.size()) +
                                        " tokens; the model reads 1 to " +
                                        std::to_string(m_impl->config.model.contextLength));
        set.examples.push_back({std::vector<std::uint32_t>(ids.begin(), ids.end()), {}, 0, 0});
    }
    std::vector<std::vector<float>> out;
    for (std::size_t first = 0; first < texts.size(); first += std::size_t(batchSize)) {
        std::vector<std::size_t> indices;
        for (std::size_t i = first; i < std::min(texts.size(), first + std::size_t(batchSize)); ++i)
            indices.push_back(i);
        const ClassBatch batch = buildClassBatch(set, indices, m_impl->device);
        const torch::Tensor probs =
            torch::softmax(m_impl->head(m_impl->gpt->hiddenStates(batch.inputs), batch.lengths), 1)
                .to(torch::kCPU, torch::kFloat32)
                .contiguous();
        for (std::int64_t row = 0; row < probs.size(0); ++row) {
            const float *p = probs[row].data_ptr<float>();
            out.emplace_back(p, p + probs.size(1));
        }
    }
    return out;
}

} // namespace azllm
