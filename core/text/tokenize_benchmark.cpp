#include "tokenize_benchmark.h"

#include "tokenizer.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace azllm {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string shellQuote(const std::string &s)
{
    std::string quoted = "'";
    for (char c : s)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// The benchmark input: the file itself, or the file repeated up to minimumBytes.
class BenchInput
{
public:
    BenchInput(const TokenizeBenchmarkOptions &options)
    {
        std::string original = readFile(options.inputPath);
        if (original.empty())
            throw std::runtime_error(options.inputPath + ": empty file");
        if (original.back() != '\n')
            original.push_back('\n');
        if (original.size() >= options.minimumBytes) {
            m_path = options.inputPath;
            m_bytes = std::move(original);
            return;
        }
        while (m_bytes.size() < options.minimumBytes)
            m_bytes += original;
        m_temp = (fs::temp_directory_path() /
                  ("azllm-bench-tokenize-" + std::to_string(::getpid()) + ".txt"))
                     .string();
        std::ofstream(m_temp, std::ios::binary) << m_bytes;
        m_path = m_temp;
    }
    ~BenchInput()
    {
        if (!m_temp.empty()) {
            std::error_code ignored;
            fs::remove(m_temp, ignored);
        }
    }
    BenchInput(const BenchInput &) = delete;
    BenchInput &operator=(const BenchInput &) = delete;
    const std::string &path() const { return m_path; }
    const std::string &bytes() const { return m_bytes; }

private:
    std::string m_path, m_temp, m_bytes;
};

// Our path, timed from reading the file to the last id (what spm_encode's time covers too,
// less its writing of the ids).
std::vector<std::vector<int>> encodeOurs(const Tokenizer &tokenizer, const std::string &path,
                                         TokenizeBenchmarkResult &result)
{
    std::vector<std::vector<int>> lines;
    const auto start = Clock::now();
    const std::string bytes = readFile(path);
    std::size_t begin = 0;
    while (begin < bytes.size()) {
        std::size_t end = bytes.find('\n', begin);
        if (end == std::string::npos)
            end = bytes.size();
        lines.emplace_back();
        tokenizer.encodeLine(std::string_view(bytes).substr(begin, end - begin), lines.back());
        result.tokens += lines.back().size();
        begin = end + 1;
    }
    result.seconds = secondsSince(start);
    result.bytes = bytes.size();
    result.lines = lines.size();
    return lines;
}

bool sameIds(const std::vector<std::vector<int>> &ours, const std::string &spmOutput)
{
    std::istringstream in(spmOutput);
    std::string line;
    for (const std::vector<int> &expected : ours) {
        if (!std::getline(in, line))
            return false;
        std::istringstream ids(line);
        std::vector<int> theirs;
        for (int id; ids >> id;)
            theirs.push_back(id);
        if (theirs != expected)
            return false;
    }
    return !std::getline(in, line);
}

void runSpmEncode(const TokenizeBenchmarkOptions &options, const BenchInput &input,
                  const std::vector<std::vector<int>> &ours, TokenizeBenchmarkResult &result)
{
    const std::string output =
        (fs::temp_directory_path() / ("azllm-bench-spm-" + std::to_string(::getpid()) + ".ids"))
            .string();
    result.spmCommand = options.spmEncode + " --model " + shellQuote(options.tokenizerPath) +
                        " --output_format=id < " + shellQuote(input.path());
    const std::string command = result.spmCommand + " > " + shellQuote(output) + " 2>/dev/null";
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    const double seconds = secondsSince(start);
    if (status != 0) {
        result.spmError = "`" + result.spmCommand + "` failed (exit status " +
                          std::to_string(status) + "; is the sentencepiece package installed?)";
    } else {
        result.spmSeconds = seconds;
        result.spmMbPerSecond = double(input.bytes().size()) / 1e6 / seconds;
        result.identicalIds = sameIds(ours, readFile(output));
    }
    std::error_code ignored;
    fs::remove(output, ignored);
}

std::string number(std::optional<double> value, int precision)
{
    if (!value)
        return "null";
    std::ostringstream out;
    out << std::fixed << std::setprecision(precision) << *value;
    return out.str();
}

} // namespace

std::string TokenizeBenchmarkResult::json() const
{
    std::ostringstream out;
    out << "{\"mb_per_s\": " << number(mbPerSecond, 3)
        << ", \"tokens_per_s\": " << number(tokensPerSecond, 0)
        << ", \"spm_encode_mb_per_s\": " << number(spmMbPerSecond, 3)
        << ", \"ratio_vs_spm_encode\": " << number(ratio(), 3) << ", \"bytes\": " << bytes
        << ", \"tokens\": " << tokens
        << ", \"ids_identical\": " << (identicalIds ? (*identicalIds ? "true" : "false") : "null")
        << "}";
    return out.str();
}

TokenizeBenchmarkResult runTokenizeBenchmark(const TokenizeBenchmarkOptions &options)
{
    const Tokenizer tokenizer = Tokenizer::load(options.tokenizerPath);
    const BenchInput input(options);
    TokenizeBenchmarkResult result;
    // Once untimed so both sides start with the file in the page cache.
    encodeOurs(tokenizer, input.path(), result);
    result = TokenizeBenchmarkResult{};
    const auto ours = encodeOurs(tokenizer, input.path(), result);
    result.mbPerSecond = double(result.bytes) / 1e6 / result.seconds;
    result.tokensPerSecond = double(result.tokens) / result.seconds;
    runSpmEncode(options, input, ours, result);
    return result;
}

} // namespace azllm
