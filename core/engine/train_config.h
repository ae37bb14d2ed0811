// Hyperparameters of a training run: plain data with commented defaults (nanoGPT's train.py, as a
// struct).
#pragma once

#include <cstdint>
#include <string>

#include "model_config.h"

namespace azllm {

// How a training window's start is drawn (run config key window_keying, docs/formats.md).
// (seed, step, global row): the step's global batch is the same for any number of processes
// and any split into micro-batches. New runs use it.
inline constexpr const char *kWindowKeyingGlobalRow = "global_row";
// (seed, step, micro-batch, row): runs made before global_row; their configs lack the key and
// read back as this, so they resume exactly.
inline constexpr const char *kWindowKeyingMicroBatchRow = "micro_batch_row";

struct TrainConfig
{
    // --- data
    std::string trainData; // token file (docs/formats.md)
    std::string
        validationData; // optional; without it validation uses the tail of trainData's windows
    // Training window; 0 means the model's context length. Longer than the model's is an error.
    std::int64_t contextLength = 0;
    // Sequences per micro-batch of the whole run: with several processes each takes its share.
    std::int64_t batchSize = 16;
    // Micro-batches summed into one optimizer step: the effective batch is batchSize * this.
    std::int64_t gradAccumSteps = 1;

    // --- schedule: linear warmup, then cosine decay to learningRate * minLrRatio
    std::int64_t maxSteps = 1000;
    double learningRate = 1e-3;
    std::int64_t warmupSteps = 50;
    double minLrRatio = 0.1;

    // --- AdamW; weight decay touches matrices only, never biases, norms or positions' scale
    double weightDecay = 0.1;
    double beta1 = 0.9;
    double beta2 = 0.95;
    // Clip the global gradient norm to this (0 turns clipping off); the norm before clipping is
    // reported.
    double gradClip = 1.0;

    // --- evaluation and checkpoints
    std::int64_t evalInterval = 100; // validation loss every N steps (and at the last step)
    std::int64_t evalBatches = 8;    // batches averaged per validation loss
    std::int64_t checkpointInterval = 200;
    std::int64_t keepCheckpoints = 3; // the newest K are kept, older ones deleted

    // --- run
    std::string outDir = "runs/run";
    std::uint64_t seed = 1337;
    std::string device = "auto"; // auto | cpu | cuda | cuda:N
    std::string windowKeying = kWindowKeyingGlobalRow;
    // 1: each block keeps only its input for backward and runs again there (a third more
    // compute, activations of one block instead of all; docs/sizing.md). Same gradients.
    std::int64_t activationCheckpointing = 0;
};

// What a run trains for. Pretraining predicts every next token of the token files; the two
// tuning kinds start from a pretrained checkpoint and read examples files (docs/formats.md).
struct TuningConfig
{
    // pretrain | sft (chat fine-tuning) | classify. A config without it is pretraining.
    std::string kind = "pretrain";
    // The checkpoint the tuning starts from; its config.txt gives the model's shape.
    std::string baseCheckpoint;
    // Passes over the training examples; > 0 sets max_steps to epochs x steps per epoch.
    std::int64_t epochs = 0;
    // Which blocks train in full: "all", or N for the last N (0: none, the head or adapters only).
    std::string trainBlocks = "all";
    // LoRA (rank > 0): low-rank adapters B A added to the chosen projections, scaled by
    // alpha / rank; the base weights stay frozen.
    std::int64_t loraRank = 0;
    double loraAlpha = 16;
    std::string loraTargets = "attn"; // attn, mlp or attn,mlp
    // sft: the loss covers the assistant's tokens and their <|end|> ("assistant") or every token.
    std::string lossOn = "assistant";
    // sft: 1 packs several examples into each row, attention kept inside each example.
    std::int64_t packing = 0;
    // sft and classify: keep the checkpoint with the lowest validation loss (never pruned).
    std::int64_t keepBest = 1;
    // classify: the head reads the hidden state at <|label|> ("last") or the mean over the text.
    std::string pooling = "last";
    // classify: number of classes (from the training data's labels).
    std::int64_t labelCount = 0;
};

// A run is a model plus how to train it; this is what config files and checkpoints hold.
struct RunConfig
{
    ModelConfig model;
    TrainConfig train;
    TuningConfig tuning;

    bool isTuning() const { return tuning.kind != "pretrain"; }
};

} // namespace azllm
