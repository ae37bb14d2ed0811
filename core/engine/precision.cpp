#include "precision.h"

#include <stdexcept>

namespace azllm {

TrainingPrecision parseTrainingPrecision(const std::string &name)
{
    if (name == "fp32")
        return TrainingPrecision::Fp32;
    if (name == "bf16")
        return TrainingPrecision::Bf16;
    if (name == "fp16")
        return TrainingPrecision::Fp16;
    throw std::invalid_argument("precision '" + name + "' is not fp32, bf16 or fp16");
}

std::string trainingPrecisionName(TrainingPrecision precision)
{
    switch (precision) {
    case TrainingPrecision::Bf16:
        return "bf16";
    case TrainingPrecision::Fp16:
        return "fp16";
    case TrainingPrecision::Fp32:
        break;
    }
    return "fp32";
}

} // namespace azllm
