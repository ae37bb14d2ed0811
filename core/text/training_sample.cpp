#include "training_sample.h"

#include <limits>
#include <stdexcept>

namespace azllm {
namespace {

std::uint64_t mix(std::uint64_t x) // splitmix64's finaliser
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t thresholdFor(std::uint64_t budget, std::uint64_t total)
{
    constexpr auto kAll = std::numeric_limits<std::uint64_t>::max();
    if (total <= budget)
        return kAll;
    return static_cast<std::uint64_t>(double(budget) / double(total) * double(kAll));
}

} // namespace

TrainingSampleWriter::TrainingSampleWriter(std::string path, std::uint64_t budgetBytes,
                                           std::uint64_t totalBytes, unsigned seed)
    : m_path(std::move(path)), m_out(m_path, std::ios::binary), m_budget(budgetBytes),
      m_threshold(thresholdFor(budgetBytes, totalBytes)), m_seed(seed)
{
    if (!m_out)
        throw std::runtime_error("cannot write " + m_path);
}

bool TrainingSampleWriter::take()
{
    const std::uint64_t key = mix(mix(m_index++) ^ m_seed);
    return key <= m_threshold;
}

void TrainingSampleWriter::add(std::string_view text)
{
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.empty() || !take())
            continue;
        if (m_written + line.size() + 1 > m_budget)
            return; // full: the estimate of the total was low
        m_out.write(line.data(), std::streamsize(line.size())).put('\n');
        m_written += line.size() + 1;
        ++m_lines;
    }
}

void TrainingSampleWriter::finish()
{
    m_out.close();
    if (!m_out)
        throw std::runtime_error("writing " + m_path + " failed (disk full?)");
}

} // namespace azllm
