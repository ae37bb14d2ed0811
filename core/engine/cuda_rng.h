// The CUDA random generators' states beside the CPU one (rng_cuda.pt), so a resumed run on a GPU
// draws the same numbers it would have drawn without the stop. Engine sources only (LibTorch).
#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

namespace azllm {

// Writes the states of `generators` to path as a LibTorch archive: `count`, then `state.i`.
void saveGeneratorStates(const std::string &path, const std::vector<at::Generator> &generators);
// Restores what saveGeneratorStates wrote into generators, which must be as many as were saved.
// Throws std::runtime_error naming what does not fit.
void restoreGeneratorStates(const std::string &path, std::vector<at::Generator> &generators);

// The default generator of every CUDA device this process sees; empty without CUDA.
std::vector<at::Generator> cudaGenerators();

// In a checkpoint folder: rng_cuda.pt when this process sees CUDA, nothing otherwise.
void saveCudaRngState(const std::string &checkpointDir);
// Restores rng_cuda.pt when both the file and CUDA are there; returns whether it did. A
// checkpoint written on a CPU has none, and a GPU checkpoint resumed on a CPU cannot use it.
bool restoreCudaRngState(const std::string &checkpointDir);

} // namespace azllm
