// Fine-tuning example files as the Fine-tune screen and `azllm sft|classify` read them: the
// input's first byte picks the reader and the file's extension (chat SFT as JSONL or CSV,
// classification as CSV or JSONL, the held-out question set), the rest is the file. Every
// problem must be a `file:line: reason` issue or one runtime_error naming the file, never a crash.
#include <stdexcept>

#include "classification_dataset.h"
#include "fuzz_support.h"
#include "sft_dataset.h"

namespace {

std::size_t readSft(const std::string &path)
{
    const azllm::SftDataset dataset = azllm::readSftDataset(path);
    std::size_t bytes = dataset.format.size();
    for (const azllm::Conversation &conversation : dataset.conversations)
        for (const azllm::ChatTurn &turn : conversation.turns)
            bytes += turn.text.size();
    return bytes + dataset.issues.size();
}

std::size_t readClassification(const std::string &path)
{
    const azllm::ClassificationDataset dataset = azllm::readClassificationDataset(path);
    std::size_t bytes = azllm::labelSet(dataset.items).size();
    for (const azllm::LabelledText &item : dataset.items)
        bytes += item.text.size() + item.label.size();
    return bytes + dataset.issues.size();
}

std::size_t readEval(const std::string &path)
{
    const azllm::EvalSet set = azllm::readEvalSet(path);
    std::size_t bytes = set.issues.size();
    for (const azllm::EvalItem &item : set.items)
        bytes += item.question.size() + item.reference.size();
    return bytes;
}

struct Reader
{
    const char *fileName;
    std::size_t (*read)(const std::string &path);
};

constexpr Reader kReaders[] = {
    {"sft.jsonl", readSft},
    {"sft.csv", readSft},
    {"classes.csv", readClassification},
    {"classes.jsonl", readClassification},
    {"eval.jsonl", readEval},
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const Reader &reader = kReaders[data[0] % std::size(kReaders)];
    const std::string path = fuzz::scratchPath(reader.fileName);
    fuzz::writeFile(path, data + 1, size - 1);
    try {
        volatile std::size_t sink = reader.read(path);
        (void)sink;
    } catch (const std::runtime_error &) {
    } catch (const std::invalid_argument &) {
    }
    return 0;
}
