// What a training graph is made of, for tests that check which operations a loss went through.
// Include after <torch/torch.h> (engine tests only).
#pragma once

#include <set>
#include <string>
#include <vector>

// The names of every autograd node behind a tensor (AddmmBackward0,
// torch::autograd::CppNode<...>, ...), once per node.
inline std::multiset<std::string> autogradNodeNames(const torch::Tensor &result)
{
    std::multiset<std::string> names;
    std::set<const torch::autograd::Node *> seen;
    std::vector<torch::autograd::Node *> pending{result.grad_fn().get()};
    while (!pending.empty()) {
        torch::autograd::Node *node = pending.back();
        pending.pop_back();
        if (!node || !seen.insert(node).second)
            continue;
        names.insert(node->name());
        for (const torch::autograd::Edge &edge : node->next_edges())
            pending.push_back(edge.function.get());
    }
    return names;
}

// Whether any of the names contains part.
inline bool anyNameContains(const std::multiset<std::string> &names, const std::string &part)
{
    for (const std::string &name : names)
        if (name.find(part) != std::string::npos)
            return true;
    return false;
}
