#include "durable_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace azllm {
namespace fs = std::filesystem;

namespace {

void syncDescriptorOf(const std::string &path, int flags, const char *what)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error(std::string("cannot open ") + what + " " + path + " to sync: " +
                                 std::strerror(errno));
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0)
        throw std::runtime_error(std::string("cannot sync ") + what + " " + path + ": " +
                                 std::strerror(error));
}

std::string parentOf(const std::string &path)
{
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

void renameOrThrow(const std::string &from, const std::string &to)
{
    if (std::rename(from.c_str(), to.c_str()) != 0)
        throw std::runtime_error("cannot rename " + from + " to " + to + ": " +
                                 std::strerror(errno));
}

} // namespace

void syncFile(const std::string &path)
{
    syncDescriptorOf(path, O_RDONLY, "file");
}

void syncDirectory(const std::string &path)
{
    syncDescriptorOf(path, O_RDONLY | O_DIRECTORY, "folder");
}

void replaceDirectory(const std::string &from, const std::string &to)
{
    const std::string parent = parentOf(to);
    if (!fs::exists(to)) {
        renameOrThrow(from, to);
        syncDirectory(parent);
        return;
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) {
        syncDirectory(parent);
        fs::remove_all(from); // now the old folder
        syncDirectory(parent);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        throw std::runtime_error("cannot replace " + to + ": " + std::strerror(errno));
    const std::string aside = to + ".old";
    fs::remove_all(aside);
    renameOrThrow(to, aside);
    renameOrThrow(from, to);
    syncDirectory(parent);
    fs::remove_all(aside);
    syncDirectory(parent);
}

} // namespace azllm
