#include "reference_bench.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "installed_paths.h"

namespace {

std::string referenceScript()
{
    if (const char *dir = std::getenv("AZLLM_BENCH_DIR"))
        return std::string(dir) + "/reference_gpt.py";
    return azllm::programDataPath("bench/reference_gpt.py");
}

// The number after "key": in a JSON line; NaN when absent.
double jsonNumber(const std::string &line, const std::string &key)
{
    const auto at = line.find("\"" + key + "\":");
    if (at == std::string::npos)
        return std::nan("");
    return std::atof(line.c_str() + at + key.size() + 3);
}

} // namespace

ReferenceFigures runPythonReference(const std::string &mode, const azllm::ModelConfig &m,
                                    std::int64_t batch, std::int64_t context, int steps, int warmup)
{
    const std::string script = referenceScript();
    if (script.empty() || !std::filesystem::exists(script))
        throw std::runtime_error("the Python reference " +
                                 (script.empty() ? std::string("bench/reference_gpt.py") : script) +
                                 " is missing (set AZLLM_BENCH_DIR)");
    // Debian's interpreter, which has python3-torch (docs/platform.md §10).
    const std::string command =
        "/usr/bin/python3 '" + script + "' " + mode + " --vocab " + std::to_string(m.vocabSize) +
        " --context-length " + std::to_string(m.contextLength) + " --n-embd " +
        std::to_string(m.nEmbd) + " --n-layer " + std::to_string(m.nLayer) + " --n-head " +
        std::to_string(m.nHead) + " --batch " + std::to_string(batch) + " --context " +
        std::to_string(context) + " --steps " + std::to_string(steps) + " --warmup " +
        std::to_string(warmup);
    std::unique_ptr<FILE, int (*)(FILE *)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        throw std::runtime_error("cannot start /usr/bin/python3");
    std::string lastLine, line;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe.get())) {
        line = buffer;
        if (line.find("tokens_per_s") != std::string::npos)
            lastLine = line;
    }
    const int status = pclose(pipe.release());
    ReferenceFigures figures{jsonNumber(lastLine, "tokens_per_s"),
                             jsonNumber(lastLine, "ms_per_step")};
    if (status != 0 || !(figures.tokensPerSecond > 0))
        throw std::runtime_error(
            "the Python reference failed (is python3-torch installed? run: " + command + ")");
    return figures;
}
