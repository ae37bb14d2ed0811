// A checkpoint's text files: config.txt, state.txt and the run's lineage.txt, cut from one input
// at "\n--8<--\n", read as resuming and listing read them.
#include <filesystem>

#include "checkpoint.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    namespace fs = std::filesystem;
    static const std::string run = fuzz::scratchPath("run");
    static const fs::path checkpoint = fs::path(run) / "checkpoints" / "step-00000001";
    fs::create_directories(checkpoint);
    const auto parts = fuzz::splitInput(data, size, "\n--8<--\n");
    const char *names[] = {"config.txt", "state.txt"};
    for (std::size_t i = 0; i < 2; ++i)
        fuzz::writeFile((checkpoint / names[i]).string(), i < parts.size() ? parts[i] : "");
    fuzz::writeFile((fs::path(run) / "checkpoints" / "lineage.txt").string(),
                    parts.size() > 2 ? parts[2] : "");
    try {
        (void)azllm::readCheckpointConfig(checkpoint.string());
    } catch (const std::exception &) {
    }
    try {
        (void)azllm::readCheckpointState(checkpoint.string());
    } catch (const std::exception &) {
    }
    try {
        for (const azllm::CheckpointInfo &info : azllm::listCheckpoints(run))
            (void)info.state.step;
        (void)azllm::latestCheckpoint(run);
    } catch (const std::exception &) {
    }
    return 0;
}
