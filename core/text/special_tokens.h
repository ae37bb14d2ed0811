// The token ids every Az-LLM tokenizer has, whatever its vocabulary size (docs/text_pipeline.md).
//
// 0-2 are SentencePiece's own (<unk>, <s>, </s>), kept so llama.cpp and transformers read the
// model as they expect; the studio's reserved symbols follow at fixed ids 3-8.
#pragma once

namespace azllm {

struct SpecialTokens
{
    static constexpr int Unknown = 0;     // <unk>
    static constexpr int BeginOfText = 1; // <s>
    static constexpr int EndOfText = 2;   // </s>, written between documents in token shards
    static constexpr int Pad = 3;         // <pad>
    static constexpr int System = 4;      // <|system|>  chat: system turn
    static constexpr int User = 5;        // <|user|>    chat: user turn
    static constexpr int Assistant = 6;   // <|assistant|> chat: assistant turn
    static constexpr int End = 7;         // <|end|>     chat: end of a turn
    static constexpr int Label = 8;       // <|label|>   classification: the label follows
};

// The user-defined symbols in id order, starting at SpecialTokens::Pad.
inline constexpr const char *kReservedSymbols[] = {"<pad>",         "<|system|>", "<|user|>",
                                                   "<|assistant|>", "<|end|>",    "<|label|>"};

} // namespace azllm
