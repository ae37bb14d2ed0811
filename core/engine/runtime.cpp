#include "runtime.h"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include <malloc.h>

#include <torch/torch.h>

namespace azllm {

void initializeRuntime()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    if (!std::getenv("OMP_NUM_THREADS"))
        torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));
    // glibc caps M_MMAP_THRESHOLD at 32 MB, below one step's logits, so turn mmap off instead
    // and keep freed memory for the next step rather than trimming it back to the system.
    if (!std::getenv("MALLOC_MMAP_MAX_"))
        mallopt(M_MMAP_MAX, 0);
    if (!std::getenv("MALLOC_TRIM_THRESHOLD_"))
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

int threadCount()
{
    return torch::get_num_threads();
}

void setThreadCount(int threads)
{
    torch::set_num_threads(std::max(1, threads));
}

std::string errorMessage(const std::exception &error)
{
    if (const auto *torchError = dynamic_cast<const c10::Error *>(&error))
        return torchError->what_without_backtrace();
    return error.what();
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

std::string resolveDevice(const std::string &requested)
{
    if (requested.empty() || requested == "auto")
        return cudaAvailable() ? "cuda:0" : "cpu";
    if (requested == "cpu")
        return requested;
    if (requested.rfind("cuda", 0) == 0) {
        if (!cudaAvailable())
            throw std::invalid_argument("device '" + requested +
                                        "': this LibTorch sees no CUDA GPU (use --device cpu)");
        try {
            const torch::Device device(requested);
            if (device.index() >= int(torch::cuda::device_count()))
                throw std::invalid_argument("device '" + requested + "': only " +
                                            std::to_string(torch::cuda::device_count()) +
                                            " GPU(s)");
            return requested == "cuda" ? "cuda:0" : requested;
        } catch (const c10::Error &) {
            throw std::invalid_argument("device '" + requested + "' is not a device name");
        }
    }
    throw std::invalid_argument("unknown device '" + requested +
                                "' (use auto, cpu, cuda or cuda:N)");
}

double measureGemmGflops(int n, int repeats)
{
    torch::NoGradGuard noGrad;
    // A generator of its own: drawing from the global one would shift a training run's dropout
    // masks, and a resumed run would no longer repeat the original.
    const at::Generator generator = at::detail::createCPUGenerator(1);
    const torch::Tensor a = torch::randn({n, n}, generator);
    const torch::Tensor b = torch::randn({n, n}, generator);
    torch::Tensor c = torch::mm(a, b); // warm-up: threads spin up, pages fault in
    double best = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        torch::mm_out(c, a, b);
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return 2.0 * double(n) * n * n / best / 1e9;
}

std::string slowMatmulWarning()
{
    // Reference BLAS manages ~3 GFLOP/s here, OpenBLAS 70+ on one AVX2 core. The best of several
    // larger products, so that a busy machine (a compiler on the other core) is not mistaken
    // for a slow BLAS.
    const double gflops = measureGemmGflops(512, 5);
    if (gflops >= 10.0)
        return {};
    return "matrix products run at " + std::to_string(int(gflops)) +
           " GFLOP/s, far below this CPU's speed: LibTorch is using the reference BLAS. "
           "Install OpenBLAS (apt-get install libopenblas0-openmp) for 20x faster training.";
}

} // namespace azllm
