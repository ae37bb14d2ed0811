#include "distributed.h"

#include <c10/util/Logging.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef AZLLM_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

#include "distributed_group_impl.h"
#include "rank_launcher.h"
#include "runtime.h"

namespace azllm {
namespace {

using namespace std::chrono_literals;

// The watch's own store connection gives up this fast, so a frozen store host is noticed while
// a failed rank is still explaining (rank_watch.cpp's patience is longer).
constexpr auto kWatchStoreTimeout = 2s;

int environmentInt(const char *name, int fallback)
{
    const char *text = std::getenv(name);
    if (!text || !*text)
        return fallback;
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value < 0 || value > 1'000'000)
        throw std::invalid_argument(std::string("environment variable ") + name + "='" + text +
                                    "' is not a whole number");
    return int(value);
}

std::string environmentText(const char *name, const std::string &fallback)
{
    const char *text = std::getenv(name);
    return text && *text ? text : fallback;
}

bool isLoopback(const std::string &address)
{
    return address.rfind("127.", 0) == 0 || address == "localhost" || address == "::1";
}

std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

std::string messageOf(const std::exception &e)
{
    if (const auto *error = dynamic_cast<const c10::Error *>(&e))
        return firstLine(error->what_without_backtrace());
    return firstLine(e.what());
}

std::string endpoint(const DistributedSettings &s)
{
    return s.masterAddr + ":" + std::to_string(s.masterPort);
}

// c10d logs every failed bind and connect attempt through glog before it throws; the one error
// we throw says it better, so its log is held back while the store opens.
class QuietLibTorchLog
{
public:
#ifdef C10_USE_GLOG
    QuietLibTorchLog() : m_saved(FLAGS_minloglevel)
    {
        FLAGS_minloglevel = google::GLOG_FATAL;
    }
    ~QuietLibTorchLog()
    {
        FLAGS_minloglevel = m_saved;
    }

private:
    int m_saved;
#endif
};

std::string storeFailure(const DistributedSettings &s, bool server, const std::string &cause)
{
    if (server && (cause.find("Address already in use") != std::string::npos ||
                   cause.find("errno: 98") != std::string::npos))
        return portInUseMessage(s.masterPort);
    if (server)
        return "rank 0 could not open the rendezvous store on port " +
               std::to_string(s.masterPort) + ": " + cause;
    return "rank " + std::to_string(s.rank) + " could not reach the rendezvous store at " +
           endpoint(s) + " within " + std::to_string(s.timeoutSeconds) + " s (" + cause +
           "): is rank 0 running, with the same MASTER_ADDR and MASTER_PORT?";
}

c10::intrusive_ptr<c10d::Store> openStore(const DistributedSettings &s, bool forWatch)
{
    c10d::TCPStoreOptions options;
    options.port = std::uint16_t(s.masterPort);
    options.isServer = !forWatch && s.rank == 0 && !s.agentStore;
    options.waitWorkers = false; // join() counts the ranks itself, with a clearer error
    options.timeout = forWatch ? std::chrono::milliseconds(kWatchStoreTimeout)
                               : std::chrono::milliseconds(s.timeoutSeconds * 1000LL);
    c10::intrusive_ptr<c10d::Store> store;
    try {
        QuietLibTorchLog quiet;
        store = c10::make_intrusive<c10d::TCPStore>(s.masterAddr, options);
    } catch (const std::exception &e) {
        throw DistributedError(storeFailure(s, options.isServer, messageOf(e)));
    }
    // torchrun's workers share its agent's store under the attempt's prefix, as PyTorch's own do.
    if (s.agentStore)
        store = c10::make_intrusive<c10d::PrefixStore>(
            "/worker/attempt_" + std::to_string(s.restartCount), store);
    return c10::make_intrusive<c10d::PrefixStore>("azllm", store);
}

// Every rank counts itself in, then waits for the others, so that a missing rank is reported as
// missing rather than as a socket timeout deep inside Gloo.
void waitForAllRanks(c10d::Store &store, const DistributedSettings &s,
                     const std::function<void()> &whileWaiting)
{
    store.add("joined", 1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(s.timeoutSeconds);
    for (;;) {
        const std::int64_t joined = store.add("joined", 0);
        if (joined >= s.worldSize)
            return;
        if (std::chrono::steady_clock::now() > deadline)
            throw DistributedError(
                "only " + std::to_string(joined) + " of " + std::to_string(s.worldSize) +
                " ranks reached the rendezvous at " + endpoint(s) + " within " +
                std::to_string(s.timeoutSeconds) +
                " s: start every rank with the same MASTER_ADDR, MASTER_PORT and WORLD_SIZE "
                "(a rank's own log says why it did not come)");
        if (whileWaiting)
            whileWaiting();
        std::this_thread::sleep_for(50ms);
    }
}

std::shared_ptr<::gloo::transport::Device> glooDevice(const DistributedSettings &s)
{
    const std::string interfaces = environmentText("GLOO_SOCKET_IFNAME", "");
    if (!interfaces.empty())
        return c10d::ProcessGroupGloo::createDeviceForInterface(
            interfaces.substr(0, interfaces.find(',')));
    // One machine: stay on loopback, never on a network interface.
    if (isLoopback(s.masterAddr))
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

c10::intrusive_ptr<c10d::ProcessGroup> glooGroup(const DistributedGroup::Impl &impl)
{
    const DistributedSettings &s = impl.settings;
    auto options = c10d::ProcessGroupGloo::Options::create(
        std::chrono::milliseconds(s.timeoutSeconds * 1000LL));
    options->devices.push_back(glooDevice(s));
    return c10::make_intrusive<c10d::ProcessGroupGloo>(
        c10::make_intrusive<c10d::PrefixStore>("gloo", impl.store), s.rank, s.worldSize, options);
}

#ifdef AZLLM_WITH_NCCL
c10::intrusive_ptr<c10d::ProcessGroup> ncclGroup(const DistributedGroup::Impl &impl)
{
    const DistributedSettings &s = impl.settings;
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = std::chrono::milliseconds(s.timeoutSeconds * 1000LL);
    return c10::make_intrusive<c10d::ProcessGroupNCCL>(
        c10::make_intrusive<c10d::PrefixStore>("nccl", impl.store), s.rank, s.worldSize, options);
}
#endif

} // namespace

// ---------------------------------------------------------------------------------------------
// DistributedSettings

std::optional<DistributedSettings> DistributedSettings::fromEnvironment()
{
    const int worldSize = environmentInt("WORLD_SIZE", 1);
    if (worldSize <= 1)
        return std::nullopt;
    DistributedSettings s;
    s.worldSize = worldSize;
    if (!std::getenv("RANK"))
        throw std::invalid_argument("WORLD_SIZE is set but RANK is not: a launcher (torchrun, "
                                    "azllm train --nproc) sets both");
    s.rank = environmentInt("RANK", 0);
    s.localRank = environmentInt("LOCAL_RANK", s.rank);
    s.masterAddr = environmentText("MASTER_ADDR", s.masterAddr);
    s.masterPort = environmentInt("MASTER_PORT", s.masterPort);
    s.agentStore = environmentText("TORCHELASTIC_USE_AGENT_STORE", "") == "True";
    s.restartCount = environmentInt("TORCHELASTIC_RESTART_COUNT", 0);
    s.validate();
    return s;
}

void DistributedSettings::validate() const
{
    const auto require = [](bool ok, const std::string &problem) {
        if (!ok)
            throw std::invalid_argument(problem);
    };
    require(worldSize >= 1, "WORLD_SIZE must be at least 1");
    require(rank >= 0 && rank < worldSize, "RANK " + std::to_string(rank) +
                                               " is outside WORLD_SIZE " +
                                               std::to_string(worldSize) + " (ranks count from 0)");
    require(masterPort > 0 && masterPort < 65536,
            "MASTER_PORT " + std::to_string(masterPort) + " is not a port (1-65535)");
    require(!masterAddr.empty(), "MASTER_ADDR is empty");
    require(timeoutSeconds > 0, "the distributed timeout must be positive");
    require(bucketMegabytes > 0, "the gradient bucket size must be positive");
}

std::string DistributedSettings::deviceFor(const std::string &requested) const
{
    const bool gpu =
        requested == "cuda" || ((requested.empty() || requested == "auto") && cudaAvailable());
    return gpu ? "cuda:" + std::to_string(localRank) : requested;
}

// ---------------------------------------------------------------------------------------------
// DistributedGroup::Impl

void DistributedGroup::Impl::wait(const c10::intrusive_ptr<c10d::Work> &work,
                                  const std::string &what)
{
    try {
        work->wait();
    } catch (const std::exception &e) {
        fail(what, e);
    }
}

void DistributedGroup::Impl::fail(const std::string &what, const std::exception &cause)
{
    throw DistributedError(watch->explain(what, messageOf(cause)));
}

void DistributedGroup::Impl::run(const std::string &what,
                                 const std::function<c10::intrusive_ptr<c10d::Work>()> &issue)
{
    c10::intrusive_ptr<c10d::Work> work;
    try {
        work = issue();
    } catch (const std::exception &e) {
        fail(what, e);
    }
    wait(work, what);
}

std::vector<double> DistributedGroup::Impl::sum(const std::vector<double> &values,
                                                const std::string &what)
{
    std::vector<at::Tensor> tensors = {torch::tensor(values, torch::kFloat64)};
    run(what, [&] { return cpu->allreduce(tensors); });
    const double *summed = tensors.front().data_ptr<double>();
    return {summed, summed + values.size()};
}

std::vector<torch::Tensor> DistributedGroup::Impl::gather(const torch::Tensor &mine,
                                                          const std::string &what)
{
    std::vector<std::vector<at::Tensor>> outputs(1);
    for (int r = 0; r < settings.worldSize; ++r)
        outputs.front().push_back(torch::empty_like(mine));
    std::vector<at::Tensor> inputs = {mine.contiguous()};
    run(what, [&] { return cpu->allgather(outputs, inputs); });
    return outputs.front();
}

void DistributedGroup::Impl::broadcast(torch::Tensor &tensor, const std::string &what)
{
    std::vector<at::Tensor> tensors = {tensor};
    run(what, [&] { return gradients->broadcast(tensors); });
}

// ---------------------------------------------------------------------------------------------
// DistributedGroup

std::shared_ptr<DistributedGroup> DistributedGroup::join(const DistributedSettings &settings,
                                                         const std::string &device,
                                                         const std::function<void()> &whileWaiting)
{
    settings.validate();
    auto impl = std::make_unique<Impl>();
    impl->settings = settings;
    impl->store = openStore(settings, false);
    waitForAllRanks(*impl->store, settings, whileWaiting);
    const std::string host =
        settings.agentStore ? "torchrun's agent at " + endpoint(settings) : std::string("rank 0");
    impl->watch = std::make_unique<RankWatch>(openStore(settings, true), settings.rank,
                                              settings.worldSize, host);
    try {
        impl->cpu = glooGroup(*impl);
        impl->gradients = impl->cpu;
#ifdef AZLLM_WITH_NCCL
        if (device.rfind("cuda", 0) == 0) {
            impl->gradients = ncclGroup(*impl);
            impl->backend = "nccl";
        }
#else
        (void)device; // CUDA gradients go through Gloo in a build without NCCL
#endif
    } catch (const std::exception &e) {
        impl->fail("connecting the ranks", e);
    }
    return std::shared_ptr<DistributedGroup>(new DistributedGroup(std::move(impl)));
}

DistributedGroup::DistributedGroup(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
DistributedGroup::~DistributedGroup() = default;

const DistributedSettings &DistributedGroup::settings() const
{
    return m_impl->settings;
}

std::string DistributedGroup::backend() const
{
    return m_impl->backend;
}

void DistributedGroup::barrier()
{
    m_impl->sum({0.0}, "a barrier");
}

void DistributedGroup::setProgress(std::int64_t step)
{
    m_impl->watch->setStep(step);
}

} // namespace azllm
