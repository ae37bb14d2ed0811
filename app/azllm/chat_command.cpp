// azllm chat: talk to a checkpoint in the terminal, with the same engine and chat template as
// the studio's Chat screen. azllm bench chat: time to first token and tokens/s with the template.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "chat_engine.h"
#include "command_line.h"
#include "commands.h"
#include "grounded_chat.h"
#include "runtime.h"
#include "sampling_options.h"

using namespace azllm;

namespace {

bool parseOrHelp(CommandLine &cl, const std::vector<std::string> &args)
{
    cl.parse(args);
    if (cl.helpRequested())
        std::printf("%s", cl.helpText().c_str());
    return !cl.helpRequested();
}

} // namespace

// Streams one answer, then its figures on stderr.
ChatReply streamAnswer(ChatEngine &engine, const ChatRequest &request)
{
    const ChatReply reply = engine.reply(request, [](int, const std::string &text) {
        std::fputs(text.c_str(), stdout);
        std::fflush(stdout);
        return true;
    });
    std::printf("\n");
    std::fflush(stdout);
    const std::string dropped = reply.droppedTurns > 0
                                    ? ", " + std::to_string(reply.droppedTurns) +
                                          " oldest turns left out to fit the context"
                                    : std::string();
    std::fprintf(stderr,
                 "[%zu tokens, %.1f tokens/s, first token after %.1f ms, prompt %zu tokens%s]\n",
                 reply.tokens.size(), reply.stats.tokensPerSecond, reply.stats.timeToFirstTokenMs,
                 reply.promptTokens.size(), dropped.c_str());
    return reply;
}

namespace {

int runChat(const std::vector<std::string> &args)
{
    std::vector<CliOption> options = {
        {"checkpoint", "DIR", "a checkpoint folder or a run folder (its newest)"},
        {"system", "TEXT", "system prompt (chat mode)"},
        {"completion", "", "continue each line as plain text instead of chatting"},
        {"int8", "", "decode with int8 (Q8_0) weights on the CPU"}};
    for (const CliOption &o : samplingOptions())
        options.push_back(o);
    for (const CliOption &o : groundingOptions())
        options.push_back(o);
    CommandLine cl(
        "azllm chat --checkpoint DIR [--system TEXT] [--completion] [--int8] [sampling]\n"
        "       [--workspace W --kb N [--mode M] [--k K] [--min-coverage X] "
        "[--show-prompt]]",
        options);
    if (!parseOrHelp(cl, args))
        return 0;
    if (cl.has("kb"))
        return runGroundedChat(cl);
    ChatRequest request;
    request.mode = cl.has("completion") ? ChatMode::Completion : ChatMode::Chat;
    request.systemPrompt = cl.value("system");
    request.params = generationParamsFrom(cl);
    initializeRuntime();
    ChatEngine engine = ChatEngine::load(cl.required("checkpoint"), cl.value("device", "auto"),
                                         cl.has("int8") ? Precision::Int8 : Precision::Fp32);
    if (request.mode == ChatMode::Chat && !engine.supportsChat())
        throw std::runtime_error(engine.tokenizerPath() + " has no chat markers; use --completion");

    // From a terminal: a prompt and a banner. From a pipe (a scripted conversation): each line
    // echoed after "> ", so the transcript reads like the session it replays.
    const bool interactive = isatty(STDIN_FILENO);
    if (interactive)
        std::printf("%s, %s mode. /reset starts over, /quit ends.\n",
                    engine.checkpointDir().c_str(),
                    request.mode == ChatMode::Chat ? "chat" : "completion");
    std::string line;
    while (true) {
        if (interactive) {
            std::printf("> ");
            std::fflush(stdout);
        }
        if (!std::getline(std::cin, line) || line == "/quit")
            break;
        if (!interactive)
            std::printf("> %s\n", line.c_str());
        if (line == "/reset") {
            request.turns.clear();
            std::printf("(conversation cleared)\n");
            continue;
        }
        if (line.empty())
            continue;
        if (request.mode == ChatMode::Completion)
            request.turns.clear(); // each line is its own text to continue
        request.turns.push_back({ChatRole::User, line});
        try {
            request.turns.push_back({ChatRole::Assistant, streamAnswer(engine, request).text});
        } catch (const ContextOverflow &e) {
            request.turns.pop_back();
            std::fprintf(stderr, "azllm chat: %s\n", e.what());
        }
        ++request.params.seed;
    }
    return 0;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

int runBenchChat(const std::vector<std::string> &args)
{
    CommandLine cl("azllm bench chat --checkpoint DIR [--tokens N] [--runs R] [--device NAME]",
                   {{"checkpoint", "DIR", "a checkpoint folder or a run folder (its newest)"},
                    {"tokens", "N", "new tokens per answer, end markers ignored (default 64)"},
                    {"runs", "R", "answers timed; the median is reported (default 5)"},
                    {"device", "NAME", "auto, cpu, cuda or cuda:N (default auto)"}});
    if (!parseOrHelp(cl, args))
        return 0;
    initializeRuntime();
    // Figures taken on the reference BLAS are 20x off: say so next to them.
    if (const std::string warning = slowMatmulWarning(); !warning.empty())
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    ChatEngine engine = ChatEngine::load(cl.required("checkpoint"), cl.value("device", "auto"));
    ChatRequest request;
    request.mode = engine.supportsChat() ? ChatMode::Chat : ChatMode::Completion;
    request.systemPrompt = "Sən azərbaycanca qısa və dəqiq cavab verən köməkçisən.";
    request.turns = {
        {ChatRole::User, "Salam! Azərbaycan haqqında nə bilirsən?"},
        {ChatRole::Assistant, "Azərbaycan Cənubi Qafqazda, Xəzər dənizinin sahilində yerləşir."},
        {ChatRole::User, "Paytaxtı haqqında bir neçə cümlə yaz."}};
    request.params.maxNewTokens = int(cl.intValue("tokens", 64));
    request.params.sampling.temperature = 0.8;
    request.ignoreEndTokens = true;
    const int runs = int(std::max<std::int64_t>(1, cl.intValue("runs", 5)));
    engine.reply(request); // warm-up: first-call allocations are not what a learner waits for twice
    std::vector<double> ttft, speed;
    std::size_t promptTokens = 0;
    for (int i = 0; i < runs; ++i) {
        request.params.seed = std::uint64_t(i);
        const ChatReply reply = engine.reply(request);
        ttft.push_back(reply.stats.timeToFirstTokenMs);
        speed.push_back(reply.stats.tokensPerSecond);
        promptTokens = reply.promptTokens.size();
        std::fprintf(stderr, "run %d: first token %.1f ms, %.1f tokens/s\n", i + 1, ttft.back(),
                     speed.back());
    }
    const ModelConfig &m = engine.modelConfig();
    std::printf("{\"bench\": \"chat\", \"mode\": \"%s\", \"params\": %lld, \"context\": %lld, "
                "\"threads\": %d, "
                "\"new_tokens\": %d, \"runs\": %d, \"prompt_tokens\": %zu, \"ttft_ms\": %.2f, "
                "\"tokens_per_s\": %.1f}\n",
                request.mode == ChatMode::Chat ? "chat" : "completion",
                static_cast<long long>(engine.parameterCount()),
                static_cast<long long>(m.contextLength), threadCount(), request.params.maxNewTokens,
                runs, promptTokens, median(ttft), median(speed));
    return 0;
}

} // namespace

std::vector<Command> chatCommands()
{
    return {
        {"chat", "talk to a checkpoint in the terminal (chat template or plain completion)",
         runChat},
        {"bench-chat", "time to first token and tokens/s with the chat template", runBenchChat}};
}
