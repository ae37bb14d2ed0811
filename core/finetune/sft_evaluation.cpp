#include "sft_evaluation.h"

#include <cstdio>

#include "answer_metrics.h"
#include "chat_engine.h"
#include "special_tokens.h"

namespace azllm {

SftEvaluation evaluateAnswers(ChatEngine &engine, const std::vector<EvalItem> &items,
                              int maxNewTokens, const std::function<bool(int, int)> &progress)
{
    ChatRequest request;
    request.mode = ChatMode::Chat;
    request.params.maxNewTokens = maxNewTokens;
    request.params.sampling.temperature = 0; // greedy: the same answer every run
    request.params.sampling.topK = 0;
    request.params.sampling.topP = 1.0;
    SftEvaluation result;
    for (const EvalItem &item : items) {
        if (progress && !progress(int(result.answers.size()), int(items.size())))
            break;
        request.turns = {{ChatRole::User, item.question}};
        const ChatReply reply = engine.reply(request);
        SftAnswer a{
            item.question, item.reference, reply.text, reply.endToken == SpecialTokens::End, 0,
            false};
        a.tokenF1 = tokenF1(a.answer, a.reference);
        a.exact = exactMatch(a.answer, a.reference);
        result.endedRate += a.ended;
        result.tokenF1 += a.tokenF1;
        result.exactMatch += a.exact;
        result.answers.push_back(std::move(a));
    }
    const double n = double(std::max<std::size_t>(1, result.answers.size()));
    result.endedRate /= n;
    result.tokenF1 /= n;
    result.exactMatch /= n;
    return result;
}

std::string sftEvaluationJson(const SftEvaluation &e)
{
    char text[200];
    std::snprintf(text, sizeof text,
                  "{\"n\": %zu, \"ended_rate\": %.4f, \"token_f1\": %.4f, \"exact_match\": %.4f}",
                  e.answers.size(), e.endedRate, e.tokenF1, e.exactMatch);
    return text;
}

} // namespace azllm
