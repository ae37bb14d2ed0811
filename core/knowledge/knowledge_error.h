// What the knowledge bases refuse, with a sentence for the learner naming the base, the file or
// the line.
#pragma once

#include <stdexcept>

namespace azllm {

class KnowledgeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace azllm
