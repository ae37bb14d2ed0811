// Where a training step's time goes, operator by operator, from LibTorch's own profiler: for
// `azllm bench train --profile` and the before/after tables in docs/benchmarks.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace azllm {

struct OperatorTime
{
    std::string name;        // "aten::mm", "MmBackward0", ...
    double callsPerStep = 0; // how often it ran in one step
    double msPerStep = 0;    // its own time, without the operators it called
    double gflopPerStep = 0; // matrix products only (mm, addmm, bmm): 2 m n k per call
    bool matrixProduct = false;
};

struct StepProfile
{
    int steps = 0;
    double msPerStep = 0;                // wall time of a profiled step
    double matmulMsPerStep = 0;          // own time of the matrix-product operators
    std::vector<OperatorTime> operators; // slowest first
};

// Runs `step` `steps` times under LibTorch's profiler (recording input shapes) and sums each
// operator's own time. Operators that ran inside others count only their own part, so the
// rows add up to the step.
StepProfile profileSteps(const std::function<void()> &step, int steps);

// The profile as a Markdown table: the `top` slowest operators, then the rest in one row.
std::string formatProfile(const StepProfile &profile, std::size_t top);

} // namespace azllm
