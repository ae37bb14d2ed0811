// azllm bench train | bench memory: training speed against its own matrix products and the
// Python loop, and training memory against the sizing estimate.
#pragma once

#include <string>
#include <vector>

int runBenchTrain(const std::vector<std::string> &args);
int runBenchMemory(const std::vector<std::string> &args);
