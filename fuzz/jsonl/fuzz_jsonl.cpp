// JSONL corpora: one document per line from a `text` field, every problem an issue naming the
// line, never a crash.
#include "corpus_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("input.jsonl");
    fuzz::writeFile(path, data, size);
    try {
        azllm::CorpusReader reader({path});
        std::size_t bytes = 0;
        reader.read([&](azllm::Document &&document) {
            bytes += document.text.size();
            return true;
        });
        for (const azllm::ImportIssue &issue : reader.issues())
            bytes += issue.toString().size();
    } catch (const std::exception &) {
    }
    return 0;
}
