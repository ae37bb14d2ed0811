#include "classifier_session.h"

#include <algorithm>
#include <stdexcept>

#include "chat_engine.h"
#include "text_classifier.h"
#include "tokenizer.h"
#include "tuning_job.h"

namespace azllm {

struct ClassifierSession::State
{
    TextClassifier classifier;
    Tokenizer tokenizer;
};

ClassifierSession ClassifierSession::load(const std::string &path, const std::string &device)
{
    const std::string checkpoint = resolveBaseCheckpoint(path);
    TextClassifier classifier = TextClassifier::load(checkpoint, device);
    Tokenizer tokenizer = Tokenizer::load(tokenizerPathFor(checkpoint));
    return ClassifierSession(
        std::make_unique<State>(State{std::move(classifier), std::move(tokenizer)}));
}

ClassifierSession::ClassifierSession(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ClassifierSession::ClassifierSession(ClassifierSession &&) noexcept = default;
ClassifierSession &ClassifierSession::operator=(ClassifierSession &&) noexcept = default;
ClassifierSession::~ClassifierSession() = default;

const std::vector<std::string> &ClassifierSession::labels() const
{
    return m_state->classifier.labels();
}

const std::string &ClassifierSession::checkpointDir() const
{
    return m_state->classifier.checkpointDir();
}

std::vector<float> ClassifierSession::probabilities(const std::string &text) const
{
    return probabilities(std::vector<std::string>{text}).front();
}

std::vector<std::vector<float>>
ClassifierSession::probabilities(const std::vector<std::string> &texts) const
{
    const int context = int(m_state->classifier.modelConfig().contextLength);
    std::vector<std::vector<int>> inputs;
    for (const std::string &text : texts)
        inputs.push_back(classificationInput(m_state->tokenizer, text, context));
    return m_state->classifier.probabilities(inputs);
}

ClassificationReport ClassifierSession::evaluate(const std::vector<LabelledText> &items,
                                                 const std::string &file) const
{
    const std::vector<std::string> &known = labels();
    std::vector<int> truth;
    std::vector<std::string> texts;
    for (const LabelledText &item : items) {
        const auto it = std::find(known.begin(), known.end(), item.label);
        if (it == known.end())
            throw std::runtime_error(file + ":" + std::to_string(item.line) + ": label '" +
                                     item.label + "' is not one this classifier knows");
        truth.push_back(int(it - known.begin()));
        texts.push_back(item.text);
    }
    std::vector<int> predicted;
    for (const std::vector<float> &p : probabilities(texts))
        predicted.push_back(int(std::max_element(p.begin(), p.end()) - p.begin()));
    return scoreClassification(known, truth, predicted);
}

} // namespace azllm
