// Peak GPU memory from LibTorch's CUDA caching allocator. Compiled in only when the LibTorch
// found at configure time has CUDA (AZLLM_WITH_CUDA); otherwise these report "unknown".
#pragma once

#include <cstdint>

namespace azllm {

// Starts the peak over for one device; false when this build has no CUDA.
bool resetCudaPeakMemory(int device);
// Highest bytes held by tensors on the device since the last reset; -1 when unknown.
std::int64_t cudaPeakMemoryBytes(int device);

} // namespace azllm
