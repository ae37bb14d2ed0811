// `azllm sft eval`: a checkpoint answers held-out questions, greedily, with no system prompt and
// at most N new tokens, and each answer is compared with its reference (answer_metrics.h).
//   ended_rate   share of answers that stopped at <|end|> before the limit (stopping at </s>,
//                another marker or the limit is not ended)
//   token_f1     mean word F1;  exact_match  share of exact word matches
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sft_dataset.h"

namespace azllm {

class ChatEngine;

struct SftAnswer
{
    std::string question;
    std::string reference;
    std::string answer;
    bool ended = false;
    double tokenF1 = 0;
    bool exact = false;
};

struct SftEvaluation
{
    std::vector<SftAnswer> answers;
    double endedRate = 0;
    double tokenF1 = 0;
    double exactMatch = 0;
};

// progress(done, total) may return false to stop; the result then covers the answers so far.
SftEvaluation evaluateAnswers(ChatEngine &engine, const std::vector<EvalItem> &items,
                              int maxNewTokens, const std::function<bool(int, int)> &progress = {});

// {"n": ..., "ended_rate": ..., "token_f1": ..., "exact_match": ...}
std::string sftEvaluationJson(const SftEvaluation &evaluation);

} // namespace azllm
