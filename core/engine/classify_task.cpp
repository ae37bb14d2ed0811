// Text classification (kind = classify): a head on the hidden state at <|label|> (or the mean
// over the text), trained with cross-entropy over the label set; the body frozen, partly or
// wholly tuned, or adapted with LoRA.
#include <filesystem>
#include <numeric>
#include <stdexcept>

#include "adaptation.h"
#include "classifier_head.h"
#include "config_io.h"
#include "example_file.h"
#include "training_task.h"
#include "tuned_checkpoint.h"
#include "tuning_batches.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

std::string joinLines(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &line : lines)
        text += line + "\n";
    return text;
}

class ClassifyTask final : public TrainingTask
{
public:
    ClassifyTask(const RunConfig &config, Gpt &model, const torch::Device &device,
                 const at::Generator &generator)
        : m_config(config), m_model(model), m_device(device),
          m_train(
              readTaskExamples(config.train.trainData, ExampleKind::Classify, config, "training")),
          m_validation(readTaskExamples(config.train.validationData, ExampleKind::Classify, config,
                                        "validation")),
          m_adaptation(model, config.tuning, markerIdsFor(config.tuning), generator),
          m_head(config.model.nEmbd, std::int64_t(m_train.labels.size()),
                 config.tuning.pooling == "mean", generator),
          m_schedule(m_train.examples.size(), config.train.batchSize, config.train.gradAccumSteps,
                     config.train.seed)
    {
        if (m_validation.labels != m_train.labels)
            throw std::runtime_error("examples files " + config.train.trainData + " and " +
                                     config.train.validationData + " have different label sets");
        if (config.tuning.labelCount != std::int64_t(m_train.labels.size()))
            throw std::runtime_error("label_count = " + std::to_string(config.tuning.labelCount) +
                                     " but " + config.train.trainData + " has " +
                                     std::to_string(m_train.labels.size()) + " labels");
        m_head->to(device);
    }

    void trainable(std::vector<torch::Tensor> &decay,
                   std::vector<torch::Tensor> &noDecay) const override
    {
        m_adaptation.trainable(decay, noDecay);
        decay.push_back(m_head->proj->weight);
        noDecay.push_back(m_head->proj->bias);
    }

    TaskLoss trainLoss(std::int64_t step, std::int64_t micro) override
    {
        const ClassBatch batch = buildClassBatch(m_train, m_schedule.rows(step, micro), m_device);
        return {torch::nn::functional::cross_entropy(scores(batch), batch.labels),
                batch.realTokens};
    }

    double validationLoss() override
    {
        m_head->eval();
        std::vector<int> truth, predicted;
        double lossSum = 0;
        const std::size_t n = m_validation.examples.size();
        for (std::size_t first = 0; first < n; first += std::size_t(m_config.train.batchSize)) {
            std::vector<std::size_t> indices(
                std::min(n - first, std::size_t(m_config.train.batchSize)));
            std::iota(indices.begin(), indices.end(), first);
            const ClassBatch batch = buildClassBatch(m_validation, indices, m_device);
            const torch::Tensor logits = scores(batch);
            lossSum += torch::nn::functional::cross_entropy(
                           logits, batch.labels,
                           torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .item<double>();
            const torch::Tensor best = logits.argmax(1).cpu();
            for (std::size_t i = 0; i < indices.size(); ++i) {
                truth.push_back(int(m_validation.examples[indices[i]].label));
                predicted.push_back(int(best[std::int64_t(i)].item<std::int64_t>()));
            }
        }
        m_head->train();
        m_report = scoreClassification(m_validation.labels, truth, predicted);
        m_report->loss = lossSum / double(n);
        return m_report->loss;
    }

    std::int64_t stepsPerEpoch() const override { return m_schedule.stepsPerEpoch(); }
    bool savesModelWeights() const override { return m_adaptation.changesModuleWeights(); }

    void saveFiles(const std::string &dir) const override
    {
        m_adaptation.save(dir);
        saveClassifierHead(dir, m_head);
        writeFileAtomically((fs::path(dir) / "labels.txt").string(), joinLines(m_train.labels));
        writeBaseReference(dir, m_config.tuning.baseCheckpoint);
    }

    void loadFiles(const std::string &dir) override
    {
        m_adaptation.load(dir);
        loadClassifierHead(dir, m_head);
    }

    std::optional<ClassificationReport> report() const override { return m_report; }

private:
    // Class scores (B, K); a frozen body runs without a graph (nothing behind it trains).
    torch::Tensor scores(const ClassBatch &batch)
    {
        m_adaptation.apply();
        torch::Tensor hidden;
        if (m_adaptation.trainsBody()) {
            hidden = m_model->hiddenStates(batch.inputs);
        } else {
            torch::NoGradGuard noGrad;
            hidden = m_model->hiddenStates(batch.inputs);
        }
        return m_head(hidden, batch.lengths);
    }

    RunConfig m_config;
    Gpt m_model;
    torch::Device m_device;
    ExampleSet m_train;
    ExampleSet m_validation;
    Adaptation m_adaptation;
    ClassifierHead m_head;
    ExampleSchedule m_schedule;
    std::optional<ClassificationReport> m_report;
};

} // namespace

std::unique_ptr<TrainingTask> makeClassifyTask(const RunConfig &config, Gpt &model,
                                               const torch::Device &device, at::Generator generator)
{
    return std::make_unique<ClassifyTask>(config, model, device, generator);
}

} // namespace azllm
