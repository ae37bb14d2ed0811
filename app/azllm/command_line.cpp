#include "command_line.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

std::vector<int> parseTokenIds(const std::string &text, const std::string &what)
{
    std::string spaced = text;
    for (char &c : spaced)
        if (c == ',' || c == '[' || c == ']')
            c = ' ';
    std::istringstream in(spaced);
    std::vector<int> ids;
    std::string word;
    while (in >> word) {
        try {
            std::size_t used = 0;
            ids.push_back(std::stoi(word, &used));
            if (used != word.size())
                throw std::invalid_argument(word);
        } catch (const std::exception &) {
            throw UsageError(what + ": '" + word + "' is not a token id");
        }
    }
    return ids;
}

CommandLine::CommandLine(std::string usage, std::vector<CliOption> options)
    : m_usage(std::move(usage)), m_options(std::move(options))
{
}

// Dashes and underscores are the same in option names: --lora-rank is --lora_rank.
const CliOption *CommandLine::find(const std::string &name) const
{
    const auto spelled = [](std::string text) {
        std::replace(text.begin(), text.end(), '-', '_');
        return text;
    };
    for (const CliOption &o : m_options)
        if (spelled(o.name) == spelled(name))
            return &o;
    return nullptr;
}

void CommandLine::parse(const std::vector<std::string> &args)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--help" || arg == "-h") {
            m_help = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::string value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        const CliOption *option = find(name);
        if (!option)
            throw UsageError("unknown option --" + name + " (see --help)");
        if (option->valueName.empty()) {
            if (inlineValue)
                throw UsageError("--" + name + " takes no value");
            value = "1";
        } else if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError("--" + name + " needs a value (" + option->valueName + ")");
            value = args[++i];
        }
        m_values[option->name] = value;
        m_given.emplace_back(option->name, value);
    }
}

std::string CommandLine::helpText() const
{
    std::ostringstream out;
    out << "usage: " << m_usage << "\n\noptions:\n";
    for (const CliOption &o : m_options) {
        std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        if (left.size() < 30)
            left.resize(30, ' ');
        else
            left += "\n" + std::string(30, ' ');
        out << left << o.help << '\n';
    }
    out << "  --help                      show this help\n";
    return out.str();
}

std::string CommandLine::value(const std::string &name, const std::string &fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::string CommandLine::required(const std::string &name) const
{
    if (!has(name))
        throw UsageError("--" + name + " is required (see --help)");
    return value(name);
}

std::int64_t CommandLine::intValue(const std::string &name, std::int64_t fallback) const
{
    if (!has(name))
        return fallback;
    const std::string v = value(name);
    std::size_t used = 0;
    try {
        const long long n = std::stoll(v, &used);
        if (used == v.size())
            return n;
    } catch (const std::exception &) {
    }
    throw UsageError("--" + name + ": '" + v + "' is not a whole number");
}

double CommandLine::doubleValue(const std::string &name, double fallback) const
{
    if (!has(name))
        return fallback;
    const std::string v = value(name);
    std::size_t used = 0;
    try {
        const double d = std::stod(v, &used);
        if (used == v.size())
            return d;
    } catch (const std::exception &) {
    }
    throw UsageError("--" + name + ": '" + v + "' is not a number");
}

bool CommandLine::parseOrPrintHelp(const std::vector<std::string> &args)
{
    parse(args);
    if (m_help)
        std::printf("%s", helpText().c_str());
    return m_help;
}
