#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace azllm::quant {
namespace fs = std::filesystem;

namespace {

std::string uniqueSuffix()
{
    return ".part-" + std::to_string(::getpid());
}

void syncFolder(const fs::path &folder)
{
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::runtime_error failure(const std::string &what, const std::string &path)
{
    return std::runtime_error("cannot " + what + " " + path + ": " + std::strerror(errno));
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)), m_temp(m_path + uniqueSuffix())
{
    m_file = std::fopen(m_temp.c_str(), "wb");
    if (!m_file)
        throw failure("write", m_path);
}

AtomicFile::~AtomicFile()
{
    if (m_file) {
        std::fclose(m_file);
        std::remove(m_temp.c_str());
    }
}

void AtomicFile::write(const void *data, std::size_t bytes)
{
    if (std::fwrite(data, 1, bytes, m_file) != bytes)
        throw failure("write", m_path);
    m_written += bytes;
}

void AtomicFile::commit()
{
    const bool flushed = std::fflush(m_file) == 0 && ::fsync(::fileno(m_file)) == 0;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!flushed || !closed || std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        std::remove(m_temp.c_str());
        errno = error;
        throw failure("write", m_path);
    }
    syncFolder(fs::path(m_path).parent_path());
}

AtomicFolder::AtomicFolder(std::string path)
    : m_path(std::move(path)), m_staging(m_path + uniqueSuffix())
{
    std::error_code ec;
    fs::remove_all(m_staging, ec);
    fs::create_directories(m_staging, ec);
    if (ec)
        throw std::runtime_error("cannot create " + m_staging + ": " + ec.message());
}

AtomicFolder::~AtomicFolder()
{
    std::error_code ec;
    if (!m_committed)
        fs::remove_all(m_staging, ec);
}

void AtomicFolder::commit()
{
    syncFolder(m_staging);
    const std::string old = m_path + ".old" + uniqueSuffix();
    std::error_code ec;
    const bool replacing = fs::exists(m_path, ec);
    if (replacing)
        fs::rename(m_path, old, ec);
    if (!ec)
        fs::rename(m_staging, m_path, ec);
    if (ec) {
        const std::string why = ec.message();
        if (replacing && !fs::exists(m_path))
            fs::rename(old, m_path, ec); // put the previous folder back
        throw std::runtime_error("cannot move " + m_staging + " to " + m_path + ": " + why);
    }
    m_committed = true;
    fs::remove_all(old, ec);
    syncFolder(fs::path(m_path).parent_path());
}

void writeWholeFile(const std::string &path, const std::string &bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace azllm::quant
