#include "batch_preview.h"

#include <algorithm>
#include <stdexcept>

#include "example_file.h"
#include "example_schedule.h"
#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {

std::vector<PreviewRow> previewFirstBatch(const RunConfig &config, const Tokenizer &tokenizer)
{
    const ExampleSet set = readExampleFile(config.train.trainData);
    if (set.kind != ExampleKind::Sft)
        throw std::runtime_error(config.train.trainData + " holds no chat examples");
    std::vector<std::size_t> lengths;
    for (const Example &e : set.examples)
        lengths.push_back(e.tokens.size() - 1);
    const std::vector<ExampleRow> rows =
        config.tuning.packing
            ? packRows(lengths, std::size_t(config.model.contextLength), config.train.seed)
            : singleExampleRows(set.examples.size());
    const ExampleSchedule schedule(rows.size(), config.train.batchSize, config.train.gradAccumSteps,
                                   config.train.seed);
    const bool all = config.tuning.lossOn == "all";

    std::vector<PreviewRow> preview;
    std::size_t longest = 0;
    for (std::size_t r : schedule.rows(0, 0)) {
        PreviewRow row;
        for (std::size_t index : rows[r]) {
            const Example &e = set.examples[index];
            row.sourceLines.push_back(int(e.sourceLine));
            for (std::size_t j = 0; j < e.tokens.size(); ++j) {
                const int id = int(e.tokens[j]);
                // Token 0 of an example is never predicted; the others count per their weight.
                row.tokens.push_back({id, tokenizer.idToPiece(id),
                                      j > 0 && (all || e.weights[j] != 0), false, j == 0});
            }
        }
        longest = std::max(longest, row.tokens.size());
        preview.push_back(std::move(row));
    }
    for (PreviewRow &row : preview)
        while (row.tokens.size() < longest)
            row.tokens.push_back({SpecialTokens::Pad, "<pad>", false, true, false});
    return preview;
}

} // namespace azllm
