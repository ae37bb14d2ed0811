#include "step_profile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>

#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

namespace azllm {

namespace {

namespace profiler = torch::autograd::profiler;
using torch::profiler::impl::ProfilerConfig;
using torch::profiler::impl::ProfilerState;

bool isMatrixProduct(const std::string &name)
{
    return name == "aten::mm" || name == "aten::addmm" || name == "aten::bmm" ||
           name == "aten::baddbmm";
}

// 2 m n k (times the batch) from the recorded input shapes.
double productFlops(const std::string &name, const std::vector<std::vector<std::int64_t>> &shapes)
{
    const bool hasBias = name == "aten::addmm" || name == "aten::baddbmm";
    const std::size_t first = hasBias ? 1 : 0;
    if (shapes.size() < first + 2)
        return 0;
    const auto &a = shapes[first];
    const auto &b = shapes[first + 1];
    if (a.size() == 2 && b.size() == 2)
        return 2.0 * double(a[0]) * double(a[1]) * double(b[1]);
    if (a.size() == 3 && b.size() == 3)
        return 2.0 * double(a[0]) * double(a[1]) * double(a[2]) * double(b[2]);
    return 0;
}

struct Totals
{
    double calls = 0, selfUs = 0, flops = 0;
};

// Pairs each push with its pop on one thread's list and charges every operator its own time:
// its span minus the spans of the operators it called.
void accumulate(const std::vector<profiler::LegacyEvent> &events,
                std::map<std::string, Totals> &totals)
{
    struct Open
    {
        const profiler::LegacyEvent *push;
        double childUs;
    };
    std::vector<Open> stack;
    for (const profiler::LegacyEvent &e : events) {
        if (e.kind() == profiler::EventKind::PushRange) {
            stack.push_back({&e, 0});
        } else if (e.kind() == profiler::EventKind::PopRange && !stack.empty()) {
            const Open open = stack.back();
            stack.pop_back();
            const double spanUs = open.push->cpuElapsedUs(e);
            const std::string name = open.push->name();
            Totals &t = totals[name];
            t.calls += 1;
            t.selfUs += spanUs - open.childUs;
            if (isMatrixProduct(name))
                t.flops += productFlops(name, open.push->shapes());
            if (!stack.empty())
                stack.back().childUs += spanUs;
        }
    }
}

} // namespace

StepProfile profileSteps(const std::function<void()> &step, int steps)
{
    StepProfile profile;
    profile.steps = std::max(1, steps);
    ProfilerConfig config(ProfilerState::CPU, /*report_input_shapes=*/true);
    profiler::enableProfilerLegacy(config);
    const auto start = std::chrono::steady_clock::now();
    try {
        for (int i = 0; i < profile.steps; ++i)
            step();
    } catch (...) {
        profiler::disableProfilerLegacy();
        throw;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const profiler::thread_event_lists lists = profiler::disableProfilerLegacy();

    std::map<std::string, Totals> totals;
    for (const auto &events : lists)
        accumulate(events, totals);
    const double n = profile.steps;
    profile.msPerStep = 1000.0 * seconds / n;
    for (const auto &[name, t] : totals) {
        OperatorTime op{name, t.calls / n, t.selfUs / 1000.0 / n, t.flops / 1e9 / n,
                        isMatrixProduct(name)};
        if (op.matrixProduct)
            profile.matmulMsPerStep += op.msPerStep;
        profile.operators.push_back(op);
    }
    std::sort(
        profile.operators.begin(), profile.operators.end(),
        [](const OperatorTime &a, const OperatorTime &b) { return a.msPerStep > b.msPerStep; });
    return profile;
}

std::string formatProfile(const StepProfile &p, std::size_t top)
{
    std::ostringstream out;
    char line[256];
    out << "| operator | calls/step | ms/step | share | GFLOP | GFLOP/s |\n"
        << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
    double restMs = 0, restCalls = 0, listedMs = 0;
    for (std::size_t i = 0; i < p.operators.size(); ++i) {
        const OperatorTime &op = p.operators[i];
        if (i >= top) {
            restMs += op.msPerStep;
            restCalls += op.callsPerStep;
            continue;
        }
        listedMs += op.msPerStep;
        const std::string gflop =
            op.gflopPerStep > 0 ? std::to_string(int(op.gflopPerStep + 0.5)) : std::string();
        std::string rate;
        if (op.gflopPerStep > 0 && op.msPerStep > 0) {
            std::snprintf(line, sizeof line, "%.1f", op.gflopPerStep / (op.msPerStep / 1000.0));
            rate = line;
        }
        std::snprintf(line, sizeof line, "| %s | %.0f | %.1f | %.1f %% | %s | %s |\n",
                      op.name.c_str(), op.callsPerStep, op.msPerStep,
                      100.0 * op.msPerStep / p.msPerStep, gflop.c_str(), rate.c_str());
        out << line;
    }
    std::snprintf(line, sizeof line, "| %zu other operators | %.0f | %.1f | %.1f %% | | |\n",
                  p.operators.size() > top ? p.operators.size() - top : 0, restCalls, restMs,
                  100.0 * restMs / p.msPerStep);
    out << line;
    const double outside = p.msPerStep - listedMs - restMs;
    std::snprintf(
        line, sizeof line,
        "| outside LibTorch operators (fused AdamW, data, loop) | | %.1f | %.1f %% | | |\n",
        outside, 100.0 * outside / p.msPerStep);
    out << line;
    std::snprintf(line, sizeof line, "| **step** | | **%.1f** | 100 %% | | |\n", p.msPerStep);
    out << line;
    return out.str();
}

} // namespace azllm
