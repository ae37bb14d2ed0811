#include "cuda_memory.h"

#if AZLLM_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace azllm {

bool resetCudaPeakMemory(int device)
{
#if AZLLM_WITH_CUDA
    c10::cuda::CUDACachingAllocator::resetPeakStats(device);
    return true;
#else
    (void)device;
    return false;
#endif
}

std::int64_t cudaPeakMemoryBytes(int device)
{
#if AZLLM_WITH_CUDA
    // Index 0 is the aggregate over pool kinds in every LibTorch version (StatType::AGGREGATE),
    // whose namespace moved in 2.x.
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
    return stats.allocated_bytes[0].peak;
#else
    (void)device;
    return -1;
#endif
}

} // namespace azllm
