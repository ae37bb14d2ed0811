#include "model_package.h"

#include <stdexcept>

namespace azllm::quant {

const char *exportTypeName(ExportType type)
{
    switch (type) {
    case ExportType::F32:
        return "f32";
    case ExportType::F16:
        return "f16";
    case ExportType::Q8_0:
        return "q8_0";
    }
    return "?";
}

ExportType parseExportType(const std::string &name)
{
    for (ExportType t : {ExportType::F32, ExportType::F16, ExportType::Q8_0})
        if (name == exportTypeName(t))
            return t;
    throw std::invalid_argument("unknown type '" + name + "' (use f32, f16 or q8_0)");
}

SentencePieceVocabulary ModelPackage::vocabulary() const
{
    if (tokenizerModel.empty())
        return placeholderVocabulary(weights.config.vocabSize);
    return parseSentencePieceModel(tokenizerModel, runName + "/tokenizer.model");
}

bool ModelPackage::hasChatMarkers() const
{
    if (tokenizerModel.empty())
        return false;
    const SentencePieceVocabulary v = vocabulary();
    const char *markers[] = {"<|system|>", "<|user|>", "<|assistant|>", "<|end|>"};
    for (int i = 0; i < 4; ++i)
        if (v.size() <= std::size_t(4 + i) || v.pieces[std::size_t(4 + i)] != markers[i])
            return false;
    return true;
}

std::string chatTemplateJinja()
{
    return "{{ '</s>' }}{% for message in messages %}{{ '<|' + message['role'] + '|>' + "
           "message['content'] + '<|end|>' }}{% endfor %}{% if add_generation_prompt %}"
           "{{ '<|assistant|>' }}{% endif %}";
}

} // namespace azllm::quant
