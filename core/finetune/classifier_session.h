// A classify checkpoint with its run's tokenizer: texts in, label probabilities out. What
// `azllm classify predict|eval` and the Fine-tune screen's predict box use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "classification_dataset.h"
#include "classification_metrics.h"

namespace azllm {

class ClassifierSession
{
public:
    // A checkpoint folder, or a run folder (its best or newest). Throws std::runtime_error.
    static ClassifierSession load(const std::string &checkpointOrRunDir,
                                  const std::string &device = "auto");
    ClassifierSession(ClassifierSession &&) noexcept;
    ClassifierSession &operator=(ClassifierSession &&) noexcept;
    ~ClassifierSession();

    const std::vector<std::string> &labels() const;
    const std::string &checkpointDir() const;
    std::vector<float> probabilities(const std::string &text) const;
    std::vector<std::vector<float>> probabilities(const std::vector<std::string> &texts) const;

    // Scores items (labels must be among the classifier's; throws naming file:line otherwise).
    // Macro-F1 averages over the labels that occur in items.
    ClassificationReport evaluate(const std::vector<LabelledText> &items,
                                  const std::string &file) const;

private:
    struct State;
    explicit ClassifierSession(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace azllm
