// The C interface of libazllm_spm, the only binary of ours that links SentencePiece.
//
// SentencePiece bundles its own protobuf, which clashes with the one LibTorch loads (see
// docs/platform.md §3), so the program never links this library: Tokenizer dlopen()s it with
// RTLD_LOCAL | RTLD_DEEPBIND and calls these functions through pointers. Only plain C types
// cross the boundary; buffers belong to the caller.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Bumped when a signature below changes; Tokenizer refuses a library with another version.
#define AZSPM_API_VERSION 1

typedef struct AzSpmModel AzSpmModel;

int azspm_api_version(void);

// The message of the last failed call on this thread ("" if none).
const char *azspm_last_error(void);

// Trains a model. options holds "key=value" lines (SentencePiece trainer flags, e.g.
// "input=corpus.txt\nmodel_prefix=/tmp/m\nvocab_size=8000"); seed seeds the sentence sampler.
// Returns 0 on success, -1 on failure.
int azspm_train(const char *options, unsigned int seed);

// Loads a .model file; returns NULL on failure. Free with azspm_free.
AzSpmModel *azspm_load(const char *path);
void azspm_free(AzSpmModel *model);

// Encodes len bytes of UTF-8 into ids. Writes at most capacity ids and returns how many the
// text needs (call again with a bigger buffer when that exceeds capacity); -1 on failure.
int azspm_encode(const AzSpmModel *model, const char *text, size_t len, int *ids, int capacity);

// Decodes ids into UTF-8 (not NUL-terminated). Writes at most capacity bytes and returns how
// many the text needs; -1 on failure (an id out of range).
long azspm_decode(const AzSpmModel *model, const int *ids, int count, char *out, size_t capacity);

int azspm_vocab_size(const AzSpmModel *model);
// -1 when the piece is not in the vocabulary (SentencePiece itself would answer <unk>).
int azspm_piece_to_id(const AzSpmModel *model, const char *piece, size_t len);
// Copies the piece (not NUL-terminated) and returns its length; -1 for an id out of range.
int azspm_id_to_piece(const AzSpmModel *model, int id, char *out, size_t capacity);
int azspm_is_byte(const AzSpmModel *model, int id);
int azspm_is_unknown(const AzSpmModel *model, int id);
int azspm_is_control(const AzSpmModel *model, int id);

#ifdef __cplusplus
}
#endif
