#include "gguf_model.h"

#include <cmath>

#include "q8_0.h"

namespace azllm::quant {
namespace {

// Ours -> GGUF's gpt2 names (docs/formats.md, "Tensor names"); "blk.N." replaces "h.N.".
const std::pair<const char *, const char *> kBlockNames[] = {
    {"ln_1.", "attn_norm."}, {"attn.c_attn.", "attn_qkv."}, {"attn.c_proj.", "attn_output."},
    {"ln_2.", "ffn_norm."},  {"mlp.c_fc.", "ffn_up."},      {"mlp.c_proj.", "ffn_down."},
};
const std::pair<const char *, const char *> kTopNames[] = {
    {"wte.weight", "token_embd.weight"},
    {"wpe.weight", "position_embd.weight"},
    {"ln_f.weight", "output_norm.weight"},
    {"ln_f.bias", "output_norm.bias"},
};

constexpr std::uint32_t kFileTypeAllF32 = 0, kFileTypeMostlyF16 = 1, kFileTypeMostlyQ8_0 = 7;

GgmlType matrixType(ExportType type)
{
    switch (type) {
    case ExportType::F16:
        return GgmlType::F16;
    case ExportType::Q8_0:
        return GgmlType::Q8_0;
    default:
        return GgmlType::F32;
    }
}

// Matrices take the export's type, except the position table (a lookup table, kept F32 as the
// decode path keeps it) and Q8_0 rows that do not split into blocks (F16 then).
GgmlType tensorType(const NamedTensor &t, ExportType type, ModelPackage &package)
{
    if (t.shape.size() < 2 || t.name == "wpe.weight")
        return t.name == "wpe.weight" && type == ExportType::F16 ? GgmlType::F16 : GgmlType::F32;
    const GgmlType wanted = matrixType(type);
    if (wanted == GgmlType::Q8_0 && t.shape.back() % kQ8BlockSize != 0) {
        package.notes.push_back(t.name + " has rows of " + std::to_string(t.shape.back()) +
                                " values, not a multiple of 32: written as F16");
        return GgmlType::F16;
    }
    return wanted;
}

void writeModelKeys(GgufWriter &w, const ModelPackage &package, ExportType type)
{
    const ModelConfig &c = package.weights.config;
    w.setString("general.architecture", "gpt2");
    w.setString("general.type", "model");
    w.setString("general.name", package.runName);
    w.setString("general.description", "Az-LLM Studio: run " + package.runName + ", step " +
                                           std::to_string(package.step) + " (" +
                                           exportTypeName(type) + ")");
    w.setString("general.quantized_by", "Az-LLM Studio");
    w.setUInt32("general.file_type", type == ExportType::F32   ? kFileTypeAllF32
                                     : type == ExportType::F16 ? kFileTypeMostlyF16
                                                               : kFileTypeMostlyQ8_0);
    if (type == ExportType::Q8_0)
        w.setUInt32("general.quantization_version", 2);
    w.setString("azllm.checkpoint", package.checkpoint);
    w.setUInt32("azllm.step", std::uint32_t(package.step));
    w.setUInt32("gpt2.context_length", std::uint32_t(c.contextLength));
    w.setUInt32("gpt2.embedding_length", std::uint32_t(c.nEmbd));
    w.setUInt32("gpt2.feed_forward_length", std::uint32_t(4 * c.nEmbd));
    w.setUInt32("gpt2.block_count", std::uint32_t(c.nLayer));
    w.setUInt32("gpt2.attention.head_count", std::uint32_t(c.nHead));
    w.setFloat32("gpt2.attention.layer_norm_epsilon", 1e-5f);
}

// The vocabulary padded to the model's size: llama.cpp sizes the token table by it.
void writeVocabularyKeys(GgufWriter &w, const ModelPackage &package)
{
    SentencePieceVocabulary v = package.vocabulary();
    for (std::int64_t id = std::int64_t(v.size()); id < package.weights.config.vocabSize; ++id) {
        v.pieces.push_back("[unused " + std::to_string(id) + "]");
        v.scores.push_back(0);
        v.types.push_back(PieceType::Unused);
    }
    std::vector<std::int32_t> types;
    for (PieceType t : v.types)
        types.push_back(std::int32_t(t));
    w.setString("tokenizer.ggml.model", "llama");
    w.setStringArray("tokenizer.ggml.tokens", v.pieces);
    w.setFloat32Array("tokenizer.ggml.scores", v.scores);
    w.setInt32Array("tokenizer.ggml.token_type", types);
    // Our prompts start with </s> (a document boundary) and nothing is added to them.
    w.setUInt32("tokenizer.ggml.bos_token_id", 2);
    w.setUInt32("tokenizer.ggml.eos_token_id", 2);
    w.setUInt32("tokenizer.ggml.unknown_token_id", 0);
    w.setBool("tokenizer.ggml.add_bos_token", false);
    w.setBool("tokenizer.ggml.add_eos_token", false);
    w.setBool("tokenizer.ggml.add_space_prefix", v.addDummyPrefix);
    w.setBool("tokenizer.ggml.remove_extra_whitespaces", v.removeExtraWhitespaces);
    if (package.hasChatMarkers()) {
        w.setUInt32("tokenizer.ggml.padding_token_id", 3);
        w.setUInt32("tokenizer.ggml.eot_token_id", 7); // <|end|> closes an answer
        w.setString("tokenizer.chat_template", chatTemplateJinja());
    }
}

} // namespace

std::string ggufTensorName(const std::string &name)
{
    for (const auto &[ours, theirs] : kTopNames)
        if (name == ours)
            return theirs;
    if (name.rfind("h.", 0) == 0) {
        const std::size_t dot = name.find('.', 2);
        const std::string rest = name.substr(dot + 1);
        for (const auto &[ours, theirs] : kBlockNames)
            if (rest.rfind(ours, 0) == 0)
                return "blk." + name.substr(2, dot - 2) + "." + theirs +
                       rest.substr(std::string(ours).size());
    }
    throw std::invalid_argument("no GGUF name for tensor '" + name + "'");
}

bool writeGgufModel(const std::string &path, ModelPackage &package, ExportType type,
                    const ProgressCallback &progress)
{
    requireComplete(package.weights, package.checkpoint);
    GgufWriter w;
    writeModelKeys(w, package, type);
    writeVocabularyKeys(w, package);
    for (const NamedTensor &t : package.weights.tensors)
        w.addTensor(ggufTensorName(t.name), t.shape, tensorType(t, type, package), t.values.data());
    // llama.cpp's gpt2 loader wants the output head as its own tensor: the tied token table.
    const NamedTensor &table = *package.weights.find("wte.weight");
    w.addTensor("output.weight", table.shape, tensorType(table, type, package),
                table.values.data());
    return w.write(path, progress);
}

std::string ollamaModelfile(const ModelPackage &package, const std::string &ggufFileName)
{
    std::string text = "# Ollama: ollama create " + package.runName +
                       " -f Modelfile, then ollama run " + package.runName + "\n" + "FROM ./" +
                       ggufFileName + "\n";
    if (package.hasChatMarkers()) {
        text += "TEMPLATE \"\"\"</s>{{ range .Messages }}<|{{ .Role }}|>{{ .Content }}<|end|>"
                "{{ end }}<|assistant|>\"\"\"\n"
                "PARAMETER stop \"<|end|>\"\nPARAMETER stop \"<|user|>\"\n"
                "PARAMETER stop \"<|system|>\"\nPARAMETER stop \"</s>\"\n";
    } else {
        text += "TEMPLATE \"\"\"</s>{{ .Prompt }}\"\"\"\nPARAMETER stop \"</s>\"\n";
    }
    text += "PARAMETER num_ctx " + std::to_string(package.weights.config.contextLength) +
            "\nPARAMETER temperature 0.8\nPARAMETER top_k 40\nPARAMETER top_p 0.95\n";
    return text;
}

namespace {

ModelConfig configOf(const GgufReader &file)
{
    ModelConfig c;
    c.contextLength = file.count("gpt2.context_length");
    c.nEmbd = file.count("gpt2.embedding_length");
    c.nLayer = file.count("gpt2.block_count");
    c.nHead = file.count("gpt2.attention.head_count");
    c.dropout = 0;
    const GgufTensorInfo *table = file.tensor("token_embd.weight");
    if (!table || table->shape.size() != 2)
        throw GgufError(file.path() + ": no token_embd.weight matrix");
    c.vocabSize = table->shape[0];
    const std::int64_t ff = file.count("gpt2.feed_forward_length");
    if (ff != 4 * c.nEmbd)
        throw GgufError(file.path() + ": its MLP is " + std::to_string(ff) +
                        " wide; the studio's GPT has 4 x n_embd = " + std::to_string(4 * c.nEmbd));
    for (const std::string &problem : validate(c))
        throw GgufError(file.path() + ": " + problem);
    return c;
}

std::string vocabularyModel(const GgufReader &file, std::int64_t vocabSize)
{
    const GgufValue *tokens = file.find("tokenizer.ggml.tokens");
    const GgufValue *scores = file.find("tokenizer.ggml.scores");
    const GgufValue *types = file.find("tokenizer.ggml.token_type");
    if (!tokens || tokens->texts.size() != std::size_t(vocabSize))
        throw GgufError(file.path() + ": tokenizer.ggml.tokens should list " +
                        std::to_string(vocabSize) + " pieces, one per row of token_embd");
    SentencePieceVocabulary v;
    v.pieces = tokens->texts;
    for (std::size_t i = 0; i < v.pieces.size(); ++i) {
        v.scores.push_back(scores && i < scores->numbers.size() ? float(scores->numbers[i]) : 0);
        v.types.push_back(types && i < types->numbers.size() ? PieceType(int(types->numbers[i]))
                                                             : PieceType::Normal);
    }
    if (const GgufValue *prefix = file.find("tokenizer.ggml.add_space_prefix"))
        v.addDummyPrefix = prefix->number != 0;
    if (const GgufValue *spaces = file.find("tokenizer.ggml.remove_extra_whitespaces"))
        v.removeExtraWhitespaces = spaces->number != 0;
    return serializeSentencePieceModel(v);
}

} // namespace

ImportedModel readGgufModel(const std::string &path)
{
    const GgufReader file(path);
    const std::string arch = file.text("general.architecture");
    if (arch != "gpt2")
        throw GgufError(path + ": architecture '" + arch +
                        "'; the studio imports GPT-2 models (general.architecture = gpt2)");
    const std::string vocab = file.text("tokenizer.ggml.model");
    if (vocab == "gpt2")
        throw GgufError(path + ": its vocabulary is byte-level BPE (tokenizer.ggml.model = gpt2), "
                               "which the studio's SentencePiece tokenizer cannot use; import a "
                               "GGUF with a SentencePiece vocabulary (tokenizer.ggml.model = "
                               "llama), such as one the studio exported");
    if (vocab != "llama")
        throw GgufError(path + ": vocabulary type '" + vocab +
                        "'; the studio imports SentencePiece vocabularies (llama)");
    ImportedModel model;
    model.weights.config = configOf(file);
    for (const auto &[name, shape] : expectedTensors(model.weights.config)) {
        const std::string theirs = ggufTensorName(name);
        const GgufTensorInfo *t = file.tensor(theirs);
        if (!t)
            throw GgufError(path + ": no tensor '" + theirs + "'");
        if (t->shape != shape)
            throw GgufError(path + ": tensor '" + theirs + "' has shape " + shapeText(t->shape) +
                            ", the model's metadata implies " + shapeText(shape));
        model.weights.tensors.push_back({name, shape, file.readFloats(*t)});
    }
    if (const GgufTensorInfo *head = file.tensor("output.weight")) {
        if (head->shape != model.weights.tensors.front().shape ||
            file.readFloats(*head) != model.weights.tensors.front().values)
            throw GgufError(path + ": output.weight differs from token_embd.weight; the "
                                   "studio's GPT ties its output head to the token table");
    }
    requireComplete(model.weights, path);
    model.tokenizerModel = vocabularyModel(file, model.weights.config.vocabSize);
    model.name = file.find("general.name") ? file.text("general.name") : std::string();
    if (file.find("azllm.step"))
        model.step = file.count("azllm.step");
    if (file.find("gpt2.attention.layer_norm_epsilon") &&
        std::fabs(file.number("gpt2.attention.layer_norm_epsilon") - 1e-5) > 1e-9)
        model.notes.push_back("its LayerNorm epsilon is " +
                              std::to_string(file.number("gpt2.attention.layer_norm_epsilon")) +
                              "; the studio computes with 1e-5, so outputs differ slightly");
    for (const GgufTensorInfo &t : file.tensors())
        if (t.type != GgmlType::F32) {
            model.notes.push_back(std::string("weights were stored as ") + ggmlTypeName(t.type) +
                                  " and are now fp32: the precision lost in the file stays lost");
            break;
        }
    return model;
}

} // namespace azllm::quant
