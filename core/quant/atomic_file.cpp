#include "atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "durable_io.h"

namespace azllm::quant {
namespace fs = std::filesystem;

namespace {

std::string uniqueSuffix()
{
    return ".part-" + std::to_string(::getpid());
}

std::string parentOf(const std::string &path)
{
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
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
    syncDirectory(parentOf(m_path));
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

// The staged files were each synced as they were written (AtomicFile); durable_io puts the
// folder in place in one step, an existing one swapped out and removed only afterwards.
void AtomicFolder::commit()
{
    syncDirectory(m_staging);
    replaceDirectory(m_staging, m_path);
    m_committed = true;
}

void writeWholeFile(const std::string &path, const std::string &bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace azllm::quant
