// azllm: the studio's engine from a terminal. main() only finds the command and reports errors.
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_line.h"
#include "commands.h"
#include "runtime.h"

namespace {

std::vector<Command> allCommands()
{
    std::vector<Command> commands = engineCommands();
    for (const Command &c : modelIoCommands())
        commands.push_back(c);
#ifdef AZLLM_WITH_TEXT
    for (const Command &c : textCommands())
        commands.push_back(c);
    for (const Command &c : demoCommands())
        commands.push_back(c);
    for (const Command &c : roadmapCommands())
        commands.push_back(c);
    for (const Command &c : chatCommands())
        commands.push_back(c);
    for (const Command &c : sourcesCommands())
        commands.push_back(c);
    for (const Command &c : finetuneCommands())
        commands.push_back(c);
    for (const Command &c : knowledgeCommands())
        commands.push_back(c);
#endif
    return commands;
}

void printUsage(const std::vector<Command> &commands)
{
    std::printf("usage: azllm <command> [options]   (azllm <command> --help for its options)\n\n"
                "commands:\n");
    for (const Command &c : commands)
        std::printf("  %-12s %s\n", c.name, c.summary);
}

} // namespace

int runCommand(const std::string &name, const std::vector<std::string> &args)
{
    for (const Command &c : allCommands())
        if (name == c.name)
            return c.run(args);
    throw std::logic_error("no command named " + name);
}

int main(int argc, char **argv)
{
    const std::vector<Command> commands = allCommands();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        printUsage(commands);
        return argc < 2 ? 2 : 0;
    }
    const std::string name = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const Command &c : commands) {
        if (name != c.name)
            continue;
        try {
            return c.run(args);
        } catch (const UsageError &e) {
            std::fprintf(stderr, "azllm %s: %s\n", c.name, e.what());
            return 2;
        } catch (const std::exception &e) {
            std::fprintf(stderr, "azllm %s: error: %s\n", c.name, azllm::errorMessage(e).c_str());
            return 1;
        }
    }
    std::fprintf(stderr, "azllm: unknown command '%s' (azllm --help lists them)\n", name.c_str());
    return 2;
}
