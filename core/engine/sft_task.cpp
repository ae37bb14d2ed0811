// Chat fine-tuning (kind = sft): next-token loss on the assistant's tokens of chat-template
// examples (or on every token, loss_on = all), rows padded or packed.
#include <filesystem>
#include <stdexcept>

#include "adaptation.h"
#include "example_file.h"
#include "example_schedule.h"
#include "training_task.h"
#include "tuned_checkpoint.h"
#include "tuning_batches.h"

namespace azllm {
namespace {

class SftTask final : public TrainingTask
{
public:
    SftTask(const RunConfig &config, Gpt &model, const torch::Device &device,
            at::Generator generator)
        : m_config(config), m_model(model), m_device(device),
          m_train(readTaskExamples(config.train.trainData, ExampleKind::Sft, config, "training")),
          m_validation(readTaskExamples(config.train.validationData, ExampleKind::Sft, config,
                                        "validation")),
          m_adaptation(model, config.tuning, markerIdsFor(config.tuning), generator),
          m_rows(config.tuning.packing
                     ? packRows(inputLengths(m_train), std::size_t(config.model.contextLength),
                                config.train.seed)
                     : singleExampleRows(m_train.examples.size())),
          m_schedule(m_rows.size(), config.train.batchSize, config.train.gradAccumSteps,
                     config.train.seed)
    {
    }

    void trainable(std::vector<torch::Tensor> &decay,
                   std::vector<torch::Tensor> &noDecay) const override
    {
        m_adaptation.trainable(decay, noDecay);
    }

    TaskLoss trainLoss(std::int64_t step, std::int64_t micro) override
    {
        std::vector<const ExampleRow *> rows;
        for (std::size_t r : m_schedule.rows(step, micro))
            rows.push_back(&m_rows[r]);
        const LmBatch batch = buildLmBatch(m_train, rows, allTokens(), m_device);
        return {lossOf(batch), batch.realTokens};
    }

    double validationLoss() override
    {
        double sum = 0;
        std::int64_t count = 0;
        const std::vector<ExampleRow> rows = singleExampleRows(m_validation.examples.size());
        const std::size_t batchSize = std::size_t(m_config.train.batchSize);
        for (std::size_t first = 0; first < rows.size(); first += batchSize) {
            std::vector<const ExampleRow *> part;
            for (std::size_t r = first; r < std::min(rows.size(), first + batchSize); ++r)
                part.push_back(&rows[r]);
            const LmBatch batch = buildLmBatch(m_validation, part, allTokens(), m_device);
            const std::int64_t counted = batch.targets.numel();
            if (counted == 0)
                continue;
            sum += lossOf(batch).item<double>() * double(counted);
            count += counted;
        }
        return count > 0 ? sum / double(count) : 0;
    }

    std::int64_t stepsPerEpoch() const override { return m_schedule.stepsPerEpoch(); }
    bool savesModelWeights() const override { return m_adaptation.changesModuleWeights(); }

    void saveFiles(const std::string &dir) const override
    {
        m_adaptation.save(dir);
        writeBaseReference(dir, m_config.tuning.baseCheckpoint);
    }

    void loadFiles(const std::string &dir) override { m_adaptation.load(dir); }

private:
    static std::vector<std::size_t> inputLengths(const ExampleSet &set)
    {
        std::vector<std::size_t> lengths;
        for (const Example &e : set.examples)
            lengths.push_back(e.tokens.size() - 1);
        return lengths;
    }

    bool allTokens() const { return m_config.tuning.lossOn == "all"; }

    // Mean cross-entropy over the counted positions only: their hidden states go through the
    // (tied) output head, the others never do.
    torch::Tensor lossOf(const LmBatch &batch)
    {
        m_adaptation.apply();
        const torch::Tensor hidden =
            batch.blocked.defined()
                ? m_model->packedHiddenStates(batch.inputs, batch.positions, batch.blocked)
                : m_model->hiddenStates(batch.inputs); // (B, T, C)
        const torch::Tensor counted =
            hidden.reshape({-1, hidden.size(-1)}).index_select(0, batch.countedPositions); // (N, C)
        const torch::Tensor logits = torch::nn::functional::linear(counted, m_model->wte->weight);
        return torch::nn::functional::cross_entropy(logits, batch.targets);
    }

    RunConfig m_config;
    Gpt m_model;
    torch::Device m_device;
    ExampleSet m_train;
    ExampleSet m_validation;
    Adaptation m_adaptation;
    std::vector<ExampleRow> m_rows;
    ExampleSchedule m_schedule;
};

} // namespace

std::unique_ptr<TrainingTask> makeSftTask(const RunConfig &config, Gpt &model,
                                          const torch::Device &device, at::Generator generator)
{
    return std::make_unique<SftTask>(config, model, device, std::move(generator));
}

std::unique_ptr<TrainingTask> makeTuningTask(const RunConfig &config, Gpt &model,
                                             const torch::Device &device, at::Generator generator)
{
    if (config.tuning.kind == "sft")
        return makeSftTask(config, model, device, std::move(generator));
    if (config.tuning.kind == "classify")
        return makeClassifyTask(config, model, device, std::move(generator));
    throw std::invalid_argument("kind: '" + config.tuning.kind +
                                "' is not pretrain, sft or classify");
}

} // namespace azllm
