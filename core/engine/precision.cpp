#include "precision.h"

#include <stdexcept>

namespace azllm {

Precision parsePrecision(const std::string &name)
{
    if (name == "fp32")
        return Precision::Fp32;
    if (name == "bf16")
        return Precision::Bf16;
    if (name == "fp16")
        return Precision::Fp16;
    throw std::invalid_argument("precision '" + name + "' is not fp32, bf16 or fp16");
}

std::string precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Bf16:
        return "bf16";
    case Precision::Fp16:
        return "fp16";
    case Precision::Fp32:
        break;
    }
    return "fp32";
}

} // namespace azllm
