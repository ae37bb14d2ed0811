// azllm plan: what fits on a GPU (plain, with checkpointing, with accumulation), checkpoint disk
// use, and the time and energy of the token budget (training_plan.h).
#pragma once

#include <string>
#include <vector>

int runPlan(const std::vector<std::string> &args);
