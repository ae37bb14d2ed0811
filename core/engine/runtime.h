// Process-wide LibTorch settings and facts about this machine.
#pragma once

#include <exception>
#include <string>

namespace azllm {

// Once at start-up: all cores for LibTorch unless OMP_NUM_THREADS says otherwise (Debian's
// build starts with 1, docs/platform.md §2), and a malloc that keeps big freed blocks instead of
// unmapping them (logits exceed the mmap threshold; faulting them back in every step cost 12-24%
// of training time, docs/platform.md §9).
void initializeRuntime();

int threadCount();
// LibTorch's threads for this process from now on (--threads; a launcher's ranks share cores).
void setThreadCount(int threads);

// An exception's message for a person: LibTorch's errors (c10::Error) without the C++ stack
// trace their what() carries.
std::string errorMessage(const std::exception &error);

// "cpu", "cuda" (first GPU) or "cuda:N"; "auto" picks CUDA when LibTorch sees one.
// Throws std::invalid_argument when the device is unknown or not available.
std::string resolveDevice(const std::string &requested);
bool cudaAvailable();

// fp32 matrix-product speed of this machine, n x n, best of `repeats`.
double measureGemmGflops(int n, int repeats);

// A warning when matrix products run far below what this CPU can do (reference BLAS instead of
// OpenBLAS), empty otherwise. Takes about 20 ms (half a second with the reference BLAS).
std::string slowMatmulWarning();

} // namespace azllm
