#include "kernels.h"

#include <cstdlib>
#include <cstring>

namespace azllm::quant {

const KernelSet &bestKernels()
{
    static const KernelSet &chosen = []() -> const KernelSet & {
        const char *forced = std::getenv("AZLLM_KERNELS");
        if (forced && std::strcmp(forced, "scalar") == 0)
            return scalarKernels();
        const KernelSet *avx2 = avx2Kernels();
        return avx2 ? *avx2 : scalarKernels();
    }();
    return chosen;
}

} // namespace azllm::quant
