// Run configs (`key = value` text): parsing, and that a parsed config survives being written out
// and read back (what every checkpoint's config.txt relies on).
#include "config_io.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    azllm::RunConfig config;
    try {
        config = azllm::parseConfigText(text, "fuzz.cfg");
    } catch (const std::invalid_argument &) {
        return 0; // refused with a message naming the line
    }
    const std::string written = azllm::formatConfig(config);
    try {
        if (azllm::formatConfig(azllm::parseConfigText(written, "config.txt")) != written)
            std::abort(); // a config that does not read back as itself
    } catch (const std::invalid_argument &) {
        std::abort(); // a config we wrote that we cannot read
    }
    return 0;
}
