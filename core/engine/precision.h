// Which precision a training run computes in. Plain C++ (no LibTorch), so the sizing functions
// and the UI can use it; mixed_precision.h turns it into autocast.
#pragma once

#include <string>

namespace azllm {

enum class TrainingPrecision
{
    Fp32,
    Bf16, // bfloat16 autocast: Ampere and newer (A100, RTX 30xx/40xx, H100)
    Fp16  // float16 autocast with dynamic loss scaling: older cards such as the T4
};

// "fp32", "bf16", "fp16"; throws std::invalid_argument naming the value otherwise.
TrainingPrecision parseTrainingPrecision(const std::string &name);
std::string trainingPrecisionName(TrainingPrecision precision);

} // namespace azllm
