#include "installed_paths.h"

#include <cstdlib>
#include <filesystem>

namespace azllm {
namespace fs = std::filesystem;

namespace {

constexpr const char *kShareName = "share/az-llm-studio";

fs::path executableDir()
{
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : exe.parent_path();
}

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

} // namespace

std::string programDataDir()
{
    if (const std::string dir = environment("AZLLM_DATA_DIR"); !dir.empty())
        return dir;
    fs::path dir = executableDir();
    for (int level = 0; level < 4 && !dir.empty(); ++level, dir = dir.parent_path()) {
        std::error_code error;
        if (fs::is_directory(dir / kShareName, error))
            return (dir / kShareName).lexically_normal().string();
        if (dir == dir.root_path())
            break;
    }
    return {};
}

std::string programDataPath(const std::string &relative)
{
    const std::string dir = programDataDir();
    return dir.empty() ? std::string() : (fs::path(dir) / relative).string();
}

std::string userDataDir()
{
    const std::string xdg = environment("XDG_DATA_HOME");
    const fs::path base = !xdg.empty() ? fs::path(xdg) : fs::path(environment("HOME")) / ".local/share";
    return (base / "az-llm-studio").string();
}

std::string udhrDir()
{
    for (const fs::path &dir : {fs::path(userDataDir()) / "udhr", fs::path(programDataPath("udhr"))}) {
        std::error_code error;
        if (!dir.empty() && fs::is_directory(dir, error) && !fs::is_empty(dir, error))
            return dir.string();
    }
    return {};
}

} // namespace azllm
