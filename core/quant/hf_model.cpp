#include "hf_model.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "json_value.h"

namespace azllm::quant {
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw SafetensorsError(path.string() + ": not found");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string configJson(const ModelPackage &p, ExportType type)
{
    const ModelConfig &c = p.weights.config;
    const std::string dropout = jsonNumber(c.dropout);
    std::string j = "{\n";
    j += "  \"architectures\": [\"GPT2LMHeadModel\"],\n";
    j += "  \"model_type\": \"gpt2\",\n";
    j += "  \"vocab_size\": " + std::to_string(c.vocabSize) + ",\n";
    j += "  \"n_positions\": " + std::to_string(c.contextLength) + ",\n";
    j += "  \"n_ctx\": " + std::to_string(c.contextLength) + ",\n";
    j += "  \"n_embd\": " + std::to_string(c.nEmbd) + ",\n";
    j += "  \"n_layer\": " + std::to_string(c.nLayer) + ",\n";
    j += "  \"n_head\": " + std::to_string(c.nHead) + ",\n";
    j += "  \"n_inner\": null,\n";
    // Training used GELU's tanh approximation, which transformers calls gelu_new.
    j += "  \"activation_function\": \"gelu_new\",\n";
    j += "  \"layer_norm_epsilon\": 1e-05,\n";
    j += "  \"resid_pdrop\": " + dropout + ",\n  \"embd_pdrop\": " + dropout +
         ",\n  \"attn_pdrop\": " + dropout + ",\n";
    j += "  \"initializer_range\": 0.02,\n";
    j += "  \"scale_attn_weights\": true,\n";
    j += "  \"bos_token_id\": 2,\n  \"eos_token_id\": 2,\n";
    j += "  \"tie_word_embeddings\": true,\n";
    j += std::string("  \"torch_dtype\": \"") + (type == ExportType::F16 ? "float16" : "float32") +
         "\"\n}\n";
    return j;
}

std::string tokenizerConfigJson(const ModelPackage &p)
{
    std::string j = "{\n  \"tokenizer_class\": \"LlamaTokenizer\",\n";
    j += "  \"add_bos_token\": false,\n  \"add_eos_token\": false,\n";
    j += "  \"bos_token\": \"</s>\",\n  \"eos_token\": \"</s>\",\n  \"unk_token\": \"<unk>\",\n";
    if (p.hasChatMarkers())
        j +=
            "  \"pad_token\": \"<pad>\",\n  \"chat_template\": " + jsonQuoted(chatTemplateJinja()) +
            ",\n";
    j += "  \"legacy\": true,\n  \"clean_up_tokenization_spaces\": false,\n";
    j += "  \"model_max_length\": " + std::to_string(p.weights.config.contextLength) + "\n}\n";
    return j;
}

std::string modelCard(const ModelPackage &p, ExportType type)
{
    const ModelConfig &c = p.weights.config;
    std::string card =
        "---\nlanguage: az\nlibrary_name: transformers\ntags: [gpt2, az-llm-studio]\n---\n\n";
    card += "# " + p.runName + "\n\n";
    card += "An Azerbaijani GPT-2-style model trained in Az-LLM Studio (run `" + p.runName +
            "`, step " + std::to_string(p.step) + "), exported as " + exportTypeName(type) +
            " safetensors.\n\n";
    card +=
        "| n_layer | n_head | n_embd | context | vocabulary |\n| --- | --- | --- | --- | --- |\n";
    card += "| " + std::to_string(c.nLayer) + " | " + std::to_string(c.nHead) + " | " +
            std::to_string(c.nEmbd) + " | " + std::to_string(c.contextLength) + " | " +
            std::to_string(c.vocabSize) + " |\n\n";
    card +=
        "Load it with `GPT2LMHeadModel.from_pretrained(folder)`; the tokenizer is SentencePiece "
        "(`tokenizer.model`, byte fallback). Prompts start with `</s>` (id 2), as in "
        "training; nothing is added automatically.";
    if (p.hasChatMarkers())
        card += " Chat turns use `<|system|>`, `<|user|>`, `<|assistant|>` and `<|end|>` "
                "(the tokenizer's chat_template).";
    card += "\n";
    for (const std::string &note : p.notes)
        card += "\n- " + note;
    return card + "\n";
}

} // namespace

std::string huggingFaceTensorName(const std::string &name)
{
    return "transformer." + name;
}

bool isConv1DWeight(const std::string &name)
{
    for (const char *suffix :
         {"attn.c_attn.weight", "attn.c_proj.weight", "mlp.c_fc.weight", "mlp.c_proj.weight"})
        if (name.size() > std::string(suffix).size() &&
            name.compare(name.size() - std::string(suffix).size(), std::string::npos, suffix) == 0)
            return true;
    return false;
}

bool writeHuggingFaceModel(const std::string &folder, const ModelPackage &p, ExportType type,
                           const ProgressCallback &progress)
{
    if (type == ExportType::Q8_0)
        throw std::invalid_argument("safetensors has no Q8_0: export it as f32 or f16, or as "
                                    "GGUF for Q8_0");
    requireComplete(p.weights, p.checkpoint);
    SafetensorsWriter w;
    w.setMetadata("format", "pt");
    const SafetensorsType dtype =
        type == ExportType::F16 ? SafetensorsType::F16 : SafetensorsType::F32;
    for (const NamedTensor &t : p.weights.tensors)
        w.addTensor(huggingFaceTensorName(t.name), t.shape, t.values.data(), dtype,
                    isConv1DWeight(t.name));
    const fs::path dir(folder);
    if (!w.write((dir / "model.safetensors").string(), progress))
        return false;
    writeWholeFile((dir / "config.json").string(), configJson(p, type));
    writeWholeFile((dir / "generation_config.json").string(),
                   "{\n  \"bos_token_id\": 2,\n  \"eos_token_id\": 2\n}\n");
    writeWholeFile((dir / "tokenizer.model").string(),
                   p.tokenizerModel.empty() ? serializeSentencePieceModel(p.vocabulary())
                                            : p.tokenizerModel);
    writeWholeFile((dir / "tokenizer_config.json").string(), tokenizerConfigJson(p));
    writeWholeFile((dir / "special_tokens_map.json").string(),
                   "{\n  \"bos_token\": \"</s>\",\n  \"eos_token\": \"</s>\",\n"
                   "  \"unk_token\": \"<unk>\"\n}\n");
    writeWholeFile((dir / "README.md").string(), modelCard(p, type));
    return true;
}

namespace {

std::int64_t configInt(const JsonValue &config, const char *key, const std::string &source)
{
    const JsonValue *v = config.member(key);
    if (!v || !v->isNumber())
        throw SafetensorsError(source + ": no number \"" + key + "\"");
    const std::optional<std::int64_t> count = countFrom(v->number());
    if (!count)
        throw SafetensorsError(source + ": \"" + key + "\" is not a count");
    return *count;
}

ModelConfig configOf(const fs::path &dir)
{
    const std::string source = (dir / "config.json").string();
    const JsonValue config = parseSafetensorsJson(readFile(dir / "config.json"), source);
    const JsonValue *type = config.member("model_type");
    if (!type || !type->isString() || type->string() != "gpt2")
        throw SafetensorsError(source + ": model_type is not \"gpt2\"");
    const JsonValue *act = config.member("activation_function");
    if (act && act->isString() && act->string() != "gelu_new")
        throw SafetensorsError(source + ": activation_function \"" + act->string() +
                               "\"; the studio's GPT computes gelu_new (GELU, tanh approximation)");
    ModelConfig c;
    c.vocabSize = configInt(config, "vocab_size", source);
    c.contextLength = configInt(config, "n_positions", source);
    c.nEmbd = configInt(config, "n_embd", source);
    c.nLayer = configInt(config, "n_layer", source);
    c.nHead = configInt(config, "n_head", source);
    c.dropout = 0;
    const JsonValue *inner = config.member("n_inner");
    if (inner && inner->isNumber() && configInt(config, "n_inner", source) != 4 * c.nEmbd)
        throw SafetensorsError(source + ": n_inner " +
                               std::to_string(configInt(config, "n_inner", source)) +
                               "; the studio's GPT has an MLP of 4 x n_embd");
    for (const std::string &problem : validate(c))
        throw SafetensorsError(source + ": " + problem);
    return c;
}

} // namespace

ImportedModel readHuggingFaceModel(const std::string &folder)
{
    const fs::path dir(folder);
    if (!fs::is_directory(dir))
        throw SafetensorsError(folder + ": not a folder (a safetensors export is a folder with "
                                        "model.safetensors, config.json and tokenizer.model)");
    ImportedModel model;
    model.weights.config = configOf(dir);
    const SafetensorsReader file((dir / "model.safetensors").string());
    for (const auto &[name, shape] : expectedTensors(model.weights.config)) {
        const std::string theirs = huggingFaceTensorName(name);
        const SafetensorsEntry *e = file.tensor(theirs);
        if (!e)
            throw SafetensorsError(file.path() + ": no tensor '" + theirs + "'");
        const bool transposed = isConv1DWeight(name);
        const Shape stored = transposed ? Shape(shape.rbegin(), shape.rend()) : shape;
        if (e->shape != stored)
            throw SafetensorsError(file.path() + ": tensor '" + theirs + "' has shape " +
                                   shapeText(e->shape) + ", config.json implies " +
                                   shapeText(stored));
        std::vector<float> values = file.readFloats(*e);
        if (transposed) {
            std::vector<float> ours(values.size());
            const auto rows = std::size_t(shape[0]), cols = std::size_t(shape[1]);
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t c = 0; c < cols; ++c)
                    ours[r * cols + c] = values[c * rows + r];
            values.swap(ours);
        }
        model.weights.tensors.push_back({name, shape, std::move(values)});
    }
    if (const SafetensorsEntry *head = file.tensor("lm_head.weight"))
        if (file.readFloats(*head) != model.weights.tensors.front().values)
            throw SafetensorsError(file.path() + ": lm_head.weight differs from "
                                                 "transformer.wte.weight; the studio's GPT "
                                                 "ties its output head to the token table");
    requireComplete(model.weights, file.path());
    if (!fs::is_regular_file(dir / "tokenizer.model"))
        throw SafetensorsError(folder + ": no tokenizer.model (the studio needs the SentencePiece "
                                        "tokenizer the model was trained with)");
    model.tokenizerModel = readFile(dir / "tokenizer.model");
    parseSentencePieceModel(model.tokenizerModel, (dir / "tokenizer.model").string());
    model.name = dir.filename().string();
    for (const SafetensorsEntry &e : file.tensors())
        if (e.dtype != "F32") {
            model.notes.push_back("weights were stored as " + e.dtype +
                                  " and are now fp32: the precision lost in the file stays lost");
            break;
        }
    return model;
}

} // namespace azllm::quant
