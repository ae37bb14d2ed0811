// What the fuzz targets share: a scratch folder of their own and whole-file writes, so each target
// can hand the input to the loader under test exactly as a user's file would reach it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace fuzz {

// A folder for this process only (libFuzzer's -jobs run several), removed by the OS's tmp
// cleaning rather than at exit: a crashing input must leave its files behind to look at.
inline const std::filesystem::path &scratchDir()
{
    static const std::filesystem::path dir = [] {
        const char *tmp = std::getenv("TMPDIR");
        std::filesystem::path d = std::filesystem::path(tmp ? tmp : "/tmp") /
                                  ("azllm-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::string scratchPath(const std::string &name)
{
    return (scratchDir() / name).string();
}

inline void writeFile(const std::string &path, const std::uint8_t *data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), std::streamsize(size));
}

inline void writeFile(const std::string &path, std::string_view text)
{
    writeFile(path, reinterpret_cast<const std::uint8_t *>(text.data()), text.size());
}

// The input cut at every occurrence of separator: several files from one input.
inline std::vector<std::string_view> splitInput(const std::uint8_t *data, std::size_t size,
                                                std::string_view separator)
{
    std::vector<std::string_view> parts;
    std::string_view rest(reinterpret_cast<const char *>(data), size);
    for (std::size_t at; (at = rest.find(separator)) != std::string_view::npos;) {
        parts.push_back(rest.substr(0, at));
        rest.remove_prefix(at + separator.size());
    }
    parts.push_back(rest);
    return parts;
}

} // namespace fuzz
