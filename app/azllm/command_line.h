// A small parser for `azllm <command> [--option value] [--flag] [positional]`: each command
// declares its options, unknown ones are refused, and --help prints them. Dashes and underscores
// are interchangeable in option names (--lora-rank and --lora_rank are the config key lora_rank).
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

struct CliOption
{
    std::string name;      // without the leading dashes
    std::string valueName; // empty for a flag
    std::string help;
};

// A usage error: main prints it as one line and exits with 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Token ids separated by spaces or commas, brackets ignored ("[2, 17, 5]" or "2 17 5").
// Throws UsageError naming `what` (the option) and the first word that is not an id.
std::vector<int> parseTokenIds(const std::string &text, const std::string &what);

class CommandLine
{
public:
    CommandLine(std::string usage, std::vector<CliOption> options);

    // Throws UsageError for an unknown option or a missing value.
    void parse(const std::vector<std::string> &args);
    // parse(), then print the help when --help was given; true when it was (the command ends).
    bool parseOrPrintHelp(const std::vector<std::string> &args);

    bool helpRequested() const { return m_help; }
    std::string helpText() const;

    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    std::string required(const std::string &name) const;
    std::int64_t intValue(const std::string &name, std::int64_t fallback) const;
    double doubleValue(const std::string &name, double fallback) const;
    const std::vector<std::string> &positional() const { return m_positional; }
    // Options in the order given, for commands that pass them through to a config.
    const std::vector<std::pair<std::string, std::string>> &given() const { return m_given; }

private:
    const CliOption *find(const std::string &name) const;

    std::string m_usage;
    std::vector<CliOption> m_options;
    std::map<std::string, std::string> m_values;
    std::vector<std::pair<std::string, std::string>> m_given;
    std::vector<std::string> m_positional;
    bool m_help = false;
};
