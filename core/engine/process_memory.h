// This process's memory as the operating system accounts it (Linux /proc/self), for measuring
// what training really holds against the sizing estimate.
#pragma once

#include <cstdint>

namespace azllm {

// Resident set size now (VmRSS), in bytes; 0 when /proc/self/status cannot be read.
std::int64_t residentBytes();
// Highest resident set size since the process started or the last resetPeakResident (VmHWM).
std::int64_t peakResidentBytes();
// Starts the peak over from the current resident size (Linux: "5" into /proc/self/clear_refs).
// Returns false when the kernel does not allow it; the peak then counts from process start.
bool resetPeakResident();

} // namespace azllm
