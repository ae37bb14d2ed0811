// The check every LibTorch archive passes before LibTorch reads it (core/engine/archive_check.h):
// the zip's end record, zip64 records, directory, local headers, stored and deflated entries,
// on whatever the input is. It must refuse with a message or accept, never crash or read outside
// the file. checkpoint_folder fuzzes the whole resume behind it at a few inputs per second; this
// target runs the check alone, thousands of times faster.
#include "archive_check.h"
#include "fuzz_support.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("model.pt");
    fuzz::writeFile(path, data, size);
    try {
        azllm::verifyTorchArchive(path);
    } catch (const std::runtime_error &) {
        // Refused with a message: what a damaged archive should get.
    }
    return 0;
}
