// Finds and dlopen()s libazllm_spm once per process (private to core/text: only Tokenizer and
// TokenizerTrainer use it). See docs/platform.md §3 for why SentencePiece is never linked directly.
#pragma once

#include "spm_shim.h"

#include <string>

namespace azllm::detail {

struct SpmApi
{
    std::string path; // the library that was loaded
    decltype(&azspm_last_error) lastError;
    decltype(&azspm_train) train;
    decltype(&azspm_load) load;
    decltype(&azspm_free) free;
    decltype(&azspm_encode) encode;
    decltype(&azspm_decode) decode;
    decltype(&azspm_vocab_size) vocabSize;
    decltype(&azspm_piece_to_id) pieceToId;
    decltype(&azspm_id_to_piece) idToPiece;
    decltype(&azspm_is_byte) isByte;
    decltype(&azspm_is_unknown) isUnknown;
    decltype(&azspm_is_control) isControl;
};

// The loaded library; throws std::runtime_error listing the places searched when it is missing.
const SpmApi &spmApi();

} // namespace azllm::detail
