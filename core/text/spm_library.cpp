#include "spm_library.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace azllm::detail {
namespace {

constexpr const char *kLibraryName = "libazllm_spm.so";

std::string executableDir()
{
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : exe.parent_path().string();
}

// The search order: an explicit override, an installed layout, then the build tree.
std::vector<std::string> candidatePaths()
{
    std::vector<std::string> paths;
    if (const char *env = std::getenv("AZLLM_SPM_LIBRARY"); env && *env)
        paths.emplace_back(env);
    const std::string dir = executableDir();
    if (!dir.empty()) {
        paths.push_back(dir + "/" + kLibraryName);
        paths.push_back(dir + "/../lib/az-llm-studio/" + kLibraryName); // cmake --install, .deb
        paths.push_back(dir + "/../lib/" + kLibraryName);
    }
#ifdef AZLLM_SPM_BUILD_PATH
    paths.emplace_back(AZLLM_SPM_BUILD_PATH);
#endif
    return paths;
}

template <typename T> void bind(void *handle, const char *name, const std::string &path, T &out)
{
    out = reinterpret_cast<T>(dlsym(handle, name));
    if (!out)
        throw std::runtime_error(path + ": symbol " + name + " is missing");
}

SpmApi open(const std::string &path, void *handle)
{
    SpmApi api;
    api.path = path;
    decltype(&azspm_api_version) version = nullptr;
    bind(handle, "azspm_api_version", path, version);
    if (version() != AZSPM_API_VERSION)
        throw std::runtime_error(path + ": interface version " + std::to_string(version()) +
                                 ", expected " + std::to_string(AZSPM_API_VERSION));
    bind(handle, "azspm_last_error", path, api.lastError);
    bind(handle, "azspm_train", path, api.train);
    bind(handle, "azspm_load", path, api.load);
    bind(handle, "azspm_free", path, api.free);
    bind(handle, "azspm_encode", path, api.encode);
    bind(handle, "azspm_decode", path, api.decode);
    bind(handle, "azspm_vocab_size", path, api.vocabSize);
    bind(handle, "azspm_piece_to_id", path, api.pieceToId);
    bind(handle, "azspm_id_to_piece", path, api.idToPiece);
    bind(handle, "azspm_is_byte", path, api.isByte);
    bind(handle, "azspm_is_unknown", path, api.isUnknown);
    bind(handle, "azspm_is_control", path, api.isControl);
    return api;
}

SpmApi loadLibrary()
{
    std::string tried;
    for (const std::string &path : candidatePaths()) {
        if (!std::filesystem::exists(path)) {
            tried += "\n  " + path + " (not found)";
            continue;
        }
        // DEEPBIND: SentencePiece must bind to its bundled protobuf, not LibTorch's.
        // The handle is never closed: unloading protobuf at exit is not worth the risk.
        void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!handle) {
            const char *why = dlerror();
            tried += "\n  " + path + " (" + (why ? why : "dlopen failed") + ")";
            continue;
        }
        return open(path, handle);
    }
    throw std::runtime_error(std::string("cannot load the SentencePiece library ") + kLibraryName +
                             " (set AZLLM_SPM_LIBRARY to its path); tried:" + tried);
}

} // namespace

const SpmApi &spmApi()
{
    // Loaded once; a failure is remembered and reported again on each use.
    static std::once_flag once;
    static SpmApi api;
    static std::string error;
    std::call_once(once, [] {
        try {
            api = loadLibrary();
        } catch (const std::exception &e) {
            error = e.what();
        }
    });
    if (!error.empty())
        throw std::runtime_error(error);
    return api;
}

} // namespace azllm::detail
