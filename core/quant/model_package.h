// What an exported model carries besides its tensors, and what an import brings back: shared by
// the GGUF (gguf_model.h) and Hugging Face (hf_model.h) writers and readers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_weights.h"
#include "sentencepiece_model.h"

namespace azllm::quant {

// The precision of an export's matrices (norms and biases stay F32).
enum class ExportType
{
    F32,
    F16,
    Q8_0
};

const char *exportTypeName(ExportType type); // "f32", "f16", "q8_0"
// Throws std::invalid_argument listing the names for an unknown one.
ExportType parseExportType(const std::string &name);

// A model ready to be written: weights, its run's tokenizer and where it came from.
struct ModelPackage
{
    ModelWeights weights;
    // The run's tokenizer.model, byte for byte; empty when the run has none (synthetic data),
    // then a placeholder vocabulary stands in (sentencepiece_model.h).
    std::string tokenizerModel;
    std::string runName;    // the run folder's name: general.name, the model card's title
    std::string checkpoint; // the checkpoint folder it came from
    std::int64_t step = 0;
    std::vector<std::string> notes; // said to the user and written into the model card

    SentencePieceVocabulary vocabulary() const;
    // True when the vocabulary has the chat markers at ids 4-7 (docs/chat_template.md).
    bool hasChatMarkers() const;
};

// The chat template of docs/chat_template.md as Jinja (GGUF's tokenizer.chat_template and
// tokenizer_config.json's chat_template): </s>, then <|role|>text<|end|> per message, then
// <|assistant|>.
std::string chatTemplateJinja();

// A model read back from a file, ready to become a checkpoint.
struct ImportedModel
{
    ModelWeights weights;
    std::string tokenizerModel; // a SentencePiece .model, ready to save
    std::string name;
    std::int64_t step = 0;
    std::vector<std::string> notes;
};

} // namespace azllm::quant
