// LibTorch's archive reader (a zip file: code/, data.pkl, data/N) trusts every byte it reads: its
// zip reader is built without CRC checks, and a damaged code/__torch__.py or data.pkl reaches the
// TorchScript parser and the unpickler, which can crash the process instead of throwing. So every
// .pt file is checked here before LibTorch opens it: the zip's directory must be whole and every
// entry's bytes must match the CRC-32 stored for them. A file damaged by a bad disk, a partial copy
// or an editor fails here with a message; one forged with matching checksums is outside what this
// guards against (docs/fuzzing.md). No LibTorch.
#pragma once

#include <string>

namespace azllm {

// Throws std::runtime_error naming the file (its name: the caller says which folder) and what is
// wrong (a truncated directory, an entry outside the file, an unknown compression, a checksum
// mismatch). Reads the whole file once.
void verifyTorchArchive(const std::string &path);

// The same for the file `name` in a checkpoint folder, the message beginning "checkpoint DIR: " as
// every checkpoint loader's does.
void verifyCheckpointArchive(const std::string &dir, const std::string &name);

} // namespace azllm
