// SplitMix64: a fast, well-mixed hash of a counter (Steele et al., 2014). The trainers derive
// every data position from (seed, step, ...) through it, so a resumed run draws what it would
// have drawn without the stop.
#pragma once

#include <cstdint>

namespace azllm {

inline std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace azllm
