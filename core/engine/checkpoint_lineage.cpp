// Which checkpoints of a run count: the lineage file, listing, pruning, setting aside.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "checkpoint.h"
#include "checkpoint_folder.h"
#include "config_io.h"
#include "durable_io.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

constexpr const char *kLineageFile = "lineage.txt";

fs::path lineagePath(const std::string &runDir)
{
    return fs::path(checkpointsDir(runDir)) / kLineageFile;
}

// "runs/a/checkpoints/step-00000004/" and "runs/a/checkpoints/step-00000004" alike.
fs::path normalFolder(const std::string &dir)
{
    fs::path path = fs::path(dir).lexically_normal();
    return path.has_filename() ? path : path.parent_path();
}

bool isCheckpointName(const std::string &name)
{
    return name.rfind("step-", 0) == 0 && name.find('.') == std::string::npos;
}

std::optional<CheckpointInfo> completeCheckpoint(const fs::path &dir)
{
    try {
        if (fs::is_directory(dir))
            return CheckpointInfo{dir.string(), readCheckpointState(dir.string())};
    } catch (const std::runtime_error &) {
        // A damaged folder is not a checkpoint to offer; readCheckpointState explains it when
        // asked.
    }
    return std::nullopt;
}

// Every complete step-N folder, in step order: the lineage of a run without a lineage file.
std::vector<CheckpointInfo> allCheckpointsByStep(const std::string &runDir)
{
    std::vector<CheckpointInfo> found;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(checkpointsDir(runDir), ec))
        if (isCheckpointName(entry.path().filename().string()))
            if (auto info = completeCheckpoint(entry.path()))
                found.push_back(std::move(*info));
    std::sort(found.begin(), found.end(), [](const CheckpointInfo &a, const CheckpointInfo &b) {
        return a.state.step < b.state.step;
    });
    return found;
}

std::vector<std::string> readLineageNames(const std::string &runDir)
{
    std::vector<std::string> names;
    std::istringstream in(readTextFile(lineagePath(runDir).string()));
    for (std::string line; std::getline(in, line);)
        if (isCheckpointName(line))
            names.push_back(line);
    return names;
}

std::vector<std::string> namesOf(const std::vector<CheckpointInfo> &checkpoints)
{
    std::vector<std::string> names;
    for (const CheckpointInfo &c : checkpoints)
        names.push_back(fs::path(c.path).filename().string());
    return names;
}

void writeLineage(const std::string &runDir, const std::vector<std::string> &names)
{
    std::string text = "# Az-LLM checkpoint lineage (docs/formats.md): this run's checkpoints, "
                       "oldest first\n";
    for (const std::string &name : names)
        text += name + '\n';
    writeFileAtomically(lineagePath(runDir).string(), text);
}

} // namespace

std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir)
{
    if (!fs::exists(lineagePath(runDir)))
        return allCheckpointsByStep(runDir);
    std::vector<CheckpointInfo> found;
    for (const std::string &name : readLineageNames(runDir))
        if (auto info = completeCheckpoint(fs::path(checkpointsDir(runDir)) / name))
            found.push_back(std::move(*info));
    // A lineage whose folders were all deleted by hand: offer what is there rather than nothing.
    return found.empty() ? allCheckpointsByStep(runDir) : found;
}

std::optional<CheckpointInfo> latestCheckpoint(const std::string &runDir)
{
    const auto all = listCheckpoints(runDir);
    if (all.empty())
        return std::nullopt;
    return all.back();
}

std::string resolveCheckpointFolder(const std::string &checkpointOrRunDir, bool toResume)
{
    const std::string &path = checkpointOrRunDir;
    if (fs::is_regular_file(fs::path(path) / "state.txt"))
        return path;
    if (!fs::exists(path))
        throw std::runtime_error("checkpoint " + path + ": no such folder");
    if (const auto found = toResume ? latestCheckpoint(path) : preferredCheckpoint(path))
        return found->path;
    throw std::runtime_error(path +
                             " holds no checkpoint (expected state.txt or checkpoints/step-*)");
}

std::string runDirOf(const std::string &checkpointDir)
{
    const fs::path folder = normalFolder(checkpointDir);
    if (folder.parent_path().filename() != "checkpoints")
        return {};
    const fs::path run = folder.parent_path().parent_path();
    return run.empty() ? std::string(".") : run.string();
}

void continueLineageFrom(const std::string &checkpointDir)
{
    const std::string runDir = runDirOf(checkpointDir);
    const std::string name = normalFolder(checkpointDir).filename().string();
    std::vector<std::string> names = namesOf(listCheckpoints(runDir));
    const auto at = std::find(names.begin(), names.end(), name);
    if (at == names.end())
        names = {name}; // a checkpoint off the lineage starts a new one
    else if (at + 1 == names.end() && fs::exists(lineagePath(runDir)))
        return; // already the newest
    else
        names.erase(at + 1, names.end());
    writeLineage(runDir, names);
}

void appendToLineage(const std::string &runDir, const std::string &checkpointDir)
{
    std::vector<std::string> names = namesOf(listCheckpoints(runDir));
    const std::string name = normalFolder(checkpointDir).filename().string();
    names.erase(std::remove(names.begin(), names.end(), name), names.end());
    names.push_back(name);
    writeLineage(runDir, names);
}

std::string setAsideDivergedCheckpoint(const std::string &checkpointDir)
{
    const std::string runDir = runDirOf(checkpointDir);
    std::vector<std::string> names = namesOf(listCheckpoints(runDir));
    const std::string name = normalFolder(checkpointDir).filename().string();
    names.erase(std::remove(names.begin(), names.end(), name), names.end());
    writeLineage(runDir, names);
    const std::string folder = normalFolder(checkpointDir).string();
    std::string aside = folder + ".diverged";
    for (int n = 2; fs::exists(aside); ++n)
        aside = folder + ".diverged-" + std::to_string(n);
    fs::rename(folder, aside);
    syncDirectory(checkpointsDir(runDir));
    return aside;
}

bool holdsRun(const std::string &runDir)
{
    return fs::exists(fs::path(runDir) / "config.txt") || fs::exists(checkpointsDir(runDir));
}

void pruneCheckpoints(const std::string &runDir, std::int64_t keep, std::int64_t keepAlso)
{
    if (!fs::is_directory(checkpointsDir(runDir)))
        return;
    const std::vector<CheckpointInfo> line = listCheckpoints(runDir);
    const std::size_t keepCount = std::size_t(std::max<std::int64_t>(keep, 1));
    std::vector<CheckpointInfo> newest;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (i + keepCount >= line.size() || line[i].state.step == keepAlso)
            newest.push_back(line[i]);
    std::vector<std::string> kept = namesOf(newest);
    // The lineage first: a crash halfway through leaves names of deleted folders, never the
    // other way round.
    writeLineage(runDir, kept);
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(checkpointsDir(runDir), ec)) {
        const std::string name = entry.path().filename().string();
        const bool leftover = name.rfind("step-", 0) == 0 &&
                              (name.size() > 4 && (name.compare(name.size() - 4, 4, ".tmp") == 0 ||
                                                   name.compare(name.size() - 4, 4, ".old") == 0));
        const bool abandoned =
            isCheckpointName(name) && std::find(kept.begin(), kept.end(), name) == kept.end();
        if (entry.is_directory() && (leftover || abandoned))
            fs::remove_all(entry.path(), ec);
    }
    syncDirectory(checkpointsDir(runDir));
}

} // namespace azllm
