// Writes that survive a crash or a power cut: data and the directory entries that name it are
// flushed to the disk (fsync) before anything depends on them, and a folder is replaced without
// a moment in which neither the old nor the new one is in place. No LibTorch.
#pragma once

#include <string>

namespace azllm {

// fsync of a file's data (opened read-only: Linux flushes through any descriptor). Throws
// std::runtime_error naming the file.
void syncFile(const std::string &path);
// fsync of a directory, so that the files created, renamed or removed in it stay so.
void syncDirectory(const std::string &path);

// Puts the folder `from` in place under the name `to` and syncs their parent. When `to` exists
// the two are swapped in one atomic step (renameat2 RENAME_EXCHANGE; on file systems without it,
// two renames through "<to>.old") and the old folder is removed only once the new one is in place.
void replaceDirectory(const std::string &from, const std::string &to);

} // namespace azllm
