// Random generators the engine owns, one per job: the trainer's (initialisation and dropout, saved
// in rng.pt), a sampler's, a benchmark's. None of them is LibTorch's global generator, which any
// thread may reseed or draw from (docs/architecture.md, determinism). Engine sources only.
#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace azllm {

// A fresh generator for device's kind (the CPU's Mersenne Twister, CUDA's Philox), seeded as
// torch::manual_seed(seed) seeds the global one.
at::Generator makeRandomGenerator(const torch::Device &device, std::uint64_t seed);

// The generator's state as LibTorch's get_state() gives it (a uint8 tensor on the CPU).
torch::Tensor randomState(at::Generator &generator);
// False, leaving the generator as it was, when state belongs to another kind of generator (a
// CPU state offered to a CUDA generator: a run resumed on another device).
bool restoreRandomState(at::Generator &generator, const torch::Tensor &state);

} // namespace azllm
