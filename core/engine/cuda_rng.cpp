#include "cuda_rng.h"

#include <filesystem>
#include <stdexcept>

namespace azllm {
namespace fs = std::filesystem;

namespace {

constexpr const char *kCudaRngFile = "rng_cuda.pt";

} // namespace

void saveGeneratorStates(const std::string &path, const std::vector<at::Generator> &generators)
{
    torch::serialize::OutputArchive archive;
    archive.write("count", torch::tensor(std::int64_t(generators.size()), torch::kLong));
    for (std::size_t i = 0; i < generators.size(); ++i) {
        at::Generator generator = generators[i];
        std::lock_guard<std::mutex> lock(generator.mutex());
        archive.write("state." + std::to_string(i), generator.get_state(), /*is_buffer=*/true);
    }
    archive.save_to(path);
}

void restoreGeneratorStates(const std::string &path, std::vector<at::Generator> &generators)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::Tensor count;
    if (!archive.try_read("count", count))
        throw std::runtime_error(path + " holds no generator count");
    if (count.item<std::int64_t>() != std::int64_t(generators.size()))
        throw std::runtime_error(path + " holds " + std::to_string(count.item<std::int64_t>()) +
                                 " generator states, this process has " +
                                 std::to_string(generators.size()) + " CUDA devices");
    for (std::size_t i = 0; i < generators.size(); ++i) {
        torch::Tensor state;
        if (!archive.try_read("state." + std::to_string(i), state, /*is_buffer=*/true))
            throw std::runtime_error(path + " has no state." + std::to_string(i));
        std::lock_guard<std::mutex> lock(generators[i].mutex());
        generators[i].set_state(state);
    }
}

std::vector<at::Generator> cudaGenerators()
{
    std::vector<at::Generator> generators;
    if (!torch::cuda::is_available())
        return generators;
    const auto devices = torch::cuda::device_count();
    for (std::size_t i = 0; i < devices; ++i)
        generators.push_back(
            at::globalContext().defaultGenerator(torch::Device(torch::kCUDA, int(i))));
    return generators;
}

void saveCudaRngState(const std::string &checkpointDir)
{
    const std::vector<at::Generator> generators = cudaGenerators();
    if (!generators.empty())
        saveGeneratorStates((fs::path(checkpointDir) / kCudaRngFile).string(), generators);
}

bool restoreCudaRngState(const std::string &checkpointDir)
{
    const fs::path path = fs::path(checkpointDir) / kCudaRngFile;
    std::vector<at::Generator> generators = cudaGenerators();
    if (generators.empty() || !fs::exists(path))
        return false;
    restoreGeneratorStates(path.string(), generators);
    return true;
}

} // namespace azllm
