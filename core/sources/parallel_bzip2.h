// Multistream bzip2 (Wikipedia's "pages-articles-multistream" dumps: bzip2 streams of about
// 100 pages each, concatenated) decoded on several threads. Every stream starts on a byte
// boundary with "BZh" + level + the block magic 0x314159265359, so the file is cut there into
// jobs of whole streams, the jobs are decoded in parallel and handed out in file order.
#pragma once

#include "compressed_input.h"

#include <memory>
#include <string>

namespace azllm::sources {

// True when a second stream starts within the first few MiB of a bzip2 file.
bool isMultistreamBzip2(const std::string &path);

// jobBytes: compressed bytes per job, at least (whole streams; smaller only in tests).
std::unique_ptr<InputStream> openParallelBzip2(const std::string &path, unsigned threads,
                                               std::size_t jobBytes = 1 << 20);

} // namespace azllm::sources
