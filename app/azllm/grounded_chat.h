// azllm chat --workspace W --kb N: each question is looked up in a knowledge base first; the
// answer comes with its sources, or says that the base holds nothing on it.
#pragma once

#include <vector>

#include "chat_engine.h"
#include "command_line.h"

// --workspace, --kb, --mode, --k, --min-coverage, --show-prompt.
std::vector<CliOption> groundingOptions();

// Streams one answer to stdout, then its figures on stderr (chat_command.cpp).
azllm::ChatReply streamAnswer(azllm::ChatEngine &engine, const azllm::ChatRequest &request);

// The chat loop with retrieval (chat_command.cpp's runChat hands over when --kb is given).
int runGroundedChat(const CommandLine &cl);
