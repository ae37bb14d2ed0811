#include "process_memory.h"

#include <fstream>
#include <string>

namespace azllm {

namespace {

// A "Key:   1234 kB" line of /proc/self/status, in bytes.
std::int64_t statusField(const std::string &key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.compare(0, key.size() + 1, key + ":") == 0)
            return std::stoll(line.substr(key.size() + 1)) * 1024;
    }
    return 0;
}

} // namespace

std::int64_t residentBytes()
{
    return statusField("VmRSS");
}

std::int64_t peakResidentBytes()
{
    return statusField("VmHWM");
}

bool resetPeakResident()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return bool(clear);
}

} // namespace azllm
