// libazllm_spm: SentencePiece behind a plain C interface (see spm_shim.h for why).
// Built with hidden visibility; only the azspm_* functions are exported.
#include "spm_shim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstring>
#include <exception>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#define AZSPM_EXPORT __attribute__((visibility("default")))

// Declared in SentencePiece's logging.h, which Debian does not install; the symbol is exported.
namespace sentencepiece::logging {
void SetMinLogLevel(int v);
}

struct AzSpmModel
{
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

thread_local std::string g_lastError;

int fail(const std::string &message)
{
    g_lastError = message;
    return -1;
}

bool validId(const AzSpmModel *model, int id)
{
    return model && id >= 0 && id < model->processor.GetPieceSize();
}

std::unordered_map<std::string, std::string> parseOptions(const char *options)
{
    std::unordered_map<std::string, std::string> kwargs;
    std::istringstream lines(options ? options : "");
    std::string line;
    while (std::getline(lines, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        kwargs[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return kwargs;
}

} // namespace

extern "C" {

AZSPM_EXPORT int azspm_api_version(void)
{
    return AZSPM_API_VERSION;
}

AZSPM_EXPORT const char *azspm_last_error(void)
{
    return g_lastError.c_str();
}

AZSPM_EXPORT int azspm_train(const char *options, unsigned int seed)
{
    try {
        // SentencePiece logs every training step to stderr; keep warnings and errors only.
        sentencepiece::logging::SetMinLogLevel(1);
        sentencepiece::SetRandomGeneratorSeed(seed);
        const auto status = sentencepiece::SentencePieceTrainer::Train(parseOptions(options));
        if (!status.ok())
            return fail(status.ToString());
        g_lastError.clear();
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

AZSPM_EXPORT AzSpmModel *azspm_load(const char *path)
{
    try {
        sentencepiece::logging::SetMinLogLevel(1);
        auto model = std::make_unique<AzSpmModel>();
        const auto status = model->processor.Load(path ? path : "");
        if (!status.ok()) {
            fail(status.ToString());
            return nullptr;
        }
        return model.release(); // ownership passes to the caller until azspm_free
    } catch (const std::exception &e) {
        fail(e.what());
        return nullptr;
    }
}

AZSPM_EXPORT void azspm_free(AzSpmModel *model)
{
    delete model; // pairs with the release() in azspm_load
}

AZSPM_EXPORT int azspm_encode(const AzSpmModel *model, const char *text, size_t len, int *ids,
                              int capacity)
{
    if (!model)
        return fail("no model");
    try {
        // Reused per thread: encoding millions of lines should not allocate for each one.
        thread_local std::vector<int> scratch;
        scratch.clear();
        const auto status =
            model->processor.Encode(absl::string_view(text ? text : "", len), &scratch);
        if (!status.ok())
            return fail(status.ToString());
        const int needed = static_cast<int>(scratch.size());
        if (ids && needed <= capacity)
            std::memcpy(ids, scratch.data(), scratch.size() * sizeof(int));
        return needed;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

AZSPM_EXPORT long azspm_decode(const AzSpmModel *model, const int *ids, int count, char *out,
                               size_t capacity)
{
    if (!model)
        return fail("no model");
    try {
        std::vector<int> input(ids, ids + (count > 0 ? count : 0));
        for (int id : input)
            if (!validId(model, id))
                return fail("token id " + std::to_string(id) + " is outside the vocabulary");
        std::string text;
        const auto status = model->processor.Decode(input, &text);
        if (!status.ok())
            return fail(status.ToString());
        if (out && text.size() <= capacity)
            std::memcpy(out, text.data(), text.size());
        return static_cast<long>(text.size());
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

AZSPM_EXPORT int azspm_vocab_size(const AzSpmModel *model)
{
    return model ? model->processor.GetPieceSize() : -1;
}

AZSPM_EXPORT int azspm_piece_to_id(const AzSpmModel *model, const char *piece, size_t len)
{
    if (!model)
        return -1;
    const absl::string_view view(piece ? piece : "", len);
    const int id = model->processor.PieceToId(view);
    // PieceToId answers unk_id for unknown pieces; tell those apart from "<unk>" itself.
    if (model->processor.IsUnknown(id) && model->processor.IdToPiece(id) != std::string(view))
        return -1;
    return id;
}

AZSPM_EXPORT int azspm_id_to_piece(const AzSpmModel *model, int id, char *out, size_t capacity)
{
    if (!validId(model, id))
        return -1;
    const std::string &piece = model->processor.IdToPiece(id);
    if (out && piece.size() <= capacity)
        std::memcpy(out, piece.data(), piece.size());
    return static_cast<int>(piece.size());
}

AZSPM_EXPORT int azspm_is_byte(const AzSpmModel *model, int id)
{
    return validId(model, id) && model->processor.IsByte(id);
}

AZSPM_EXPORT int azspm_is_unknown(const AzSpmModel *model, int id)
{
    return validId(model, id) && model->processor.IsUnknown(id);
}

AZSPM_EXPORT int azspm_is_control(const AzSpmModel *model, int id)
{
    return validId(model, id) && model->processor.IsControl(id);
}

} // extern "C"
