// The subcommands of `azllm`. Each group lives in its own file and returns its table.
#pragma once

#include <string>
#include <vector>

struct Command
{
    const char *name;
    const char *summary;
    // Runs with the arguments after the command name; returns the exit code.
    int (*run)(const std::vector<std::string> &args);
};

std::vector<Command> engineCommands();  // engine_commands.cpp: train, generate, info, bench ...
std::vector<Command> modelIoCommands(); // model_io_commands.cpp: export, import, bench-quant
#ifdef AZLLM_WITH_TEXT
std::vector<Command> textCommands();      // text_commands.cpp: prepare, tokenize, bench tokenize
std::vector<Command> demoCommands();      // demo_command.cpp: demo
std::vector<Command> roadmapCommands();   // roadmap_command.cpp: roadmap list|add|done|export
std::vector<Command> chatCommands();      // chat_command.cpp: chat, bench-chat
std::vector<Command> sourcesCommands();   // sources_commands.cpp: langid, collect
std::vector<Command> finetuneCommands();  // finetune_commands.cpp: sft, classify, make-base
std::vector<Command> knowledgeCommands(); // knowledge_command.cpp: kb
std::vector<Command> knowledgeBenchCommands(); // knowledge_bench.cpp: bench-kb
#endif

// Runs another command by name (main.cpp), for commands made of commands, like demo.
int runCommand(const std::string &name, const std::vector<std::string> &args);
