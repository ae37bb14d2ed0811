// azllm plan: the Model screen's "fit this model on my GPU" in a terminal: the largest
// micro-batch and context that fit (plain and with activation checkpointing), the accumulation
// that reaches a target batch, checkpoint disk use, and the time and energy of a token budget
// (training_plan.h); --dry-run confirms the plan with two real steps on this machine.
#pragma once

#include <string>
#include <vector>

int runPlan(const std::vector<std::string> &args);
