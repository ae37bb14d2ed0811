#!/usr/bin/env python3
"""The reference a learner would pick instead of azllm: the same GPT, AdamW and loop in plain
PyTorch (Python, eager), as nanoGPT writes them. `azllm bench train|generate --compare-python`
runs it with the same shape in the same run and prints the ratio. Run it with Debian's
/usr/bin/python3, whose python3-torch is the same LibTorch 1.13 the engine links.

    /usr/bin/python3 bench/reference_gpt.py train --n-layer 4 --n-head 4 --n-embd 256 \
        --vocab 8000 --context-length 256 --batch 16 --context 128 --steps 10
Prints progress, then one JSON line: tokens_per_s, ms_per_step (train) or tokens_per_s (generate).
`generate` recomputes the whole window for every token, as nanoGPT's sample.py does;
`generate-cached` keeps each layer's keys and values (a KV cache grown with torch.cat), so that
each of azllm's two ways of decoding has a like-for-like reference.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd, n_head, context_length):
        super().__init__()
        self.n_head = n_head
        self.c_attn = nn.Linear(n_embd, 3 * n_embd)
        self.c_proj = nn.Linear(n_embd, n_embd)
        mask = torch.tril(torch.ones(context_length, context_length))
        self.register_buffer("bias", mask.view(1, 1, context_length, context_length))

    def forward(self, x, cache=None):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        if cache is not None:  # the new positions' keys and values join the cached ones
            if "k" in cache:
                k = torch.cat([cache["k"], k], dim=2)
                v = torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        S = k.size(2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        if T > 1:
            att = att.masked_fill(self.bias[:, :, S - T:S, :S] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        return self.c_proj(y)


class Block(nn.Module):
    def __init__(self, n_embd, n_head, context_length):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd, n_head, context_length)
        self.ln_2 = nn.LayerNorm(n_embd)
        self.c_fc = nn.Linear(n_embd, 4 * n_embd)
        self.c_proj = nn.Linear(4 * n_embd, n_embd)

    def forward(self, x, cache=None):
        x = x + self.attn(self.ln_1(x), cache)
        return x + self.c_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, vocab, context_length, n_embd, n_layer, n_head):
        super().__init__()
        self.context_length = context_length
        self.wte = nn.Embedding(vocab, n_embd)
        self.wpe = nn.Embedding(context_length, n_embd)
        self.h = nn.ModuleList([Block(n_embd, n_head, context_length) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        for name, p in self.named_parameters():
            if p.dim() >= 2:
                std = 0.02 / math.sqrt(2 * n_layer) if name.endswith("c_proj.weight") else 0.02
                torch.nn.init.normal_(p, 0.0, std)
            elif "ln_" not in name:
                torch.nn.init.zeros_(p)

    def forward(self, idx, targets=None, caches=None, start=0):
        T = idx.size(1)
        x = self.wte(idx) + self.wpe(torch.arange(start, start + T, device=idx.device))
        for i, block in enumerate(self.h):
            x = block(x, caches[i] if caches is not None else None)
        logits = F.linear(self.ln_f(x), self.wte.weight)  # tied output head
        if targets is None:
            return logits
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))


def build(args):
    torch.manual_seed(1337)
    return GPT(args.vocab, args.context_length, args.n_embd, args.n_layer, args.n_head)


def lr_at(step, peak=1e-3, warmup=1, max_steps=1000, floor=0.1):
    if step < warmup:
        return peak * (step + 1) / (warmup + 1)
    progress = (step - warmup) / max(1, max_steps - warmup)
    return peak * floor + 0.5 * (1 + math.cos(math.pi * progress)) * (peak - peak * floor)


def bench_train(args):
    model = build(args)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=1e-3, betas=(0.9, 0.95))
    data = torch.randint(3, args.vocab, (200_000,))
    total = args.warmup + args.steps
    start = None
    for step in range(total):
        if step == args.warmup:
            start = time.perf_counter()
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, max_steps=total)
        ix = torch.randint(len(data) - args.context - 1, (args.batch,))
        window = torch.stack([data[i:i + args.context + 1] for i in ix])
        loss = model(window[:, :-1], window[:, 1:])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        loss.item()
    seconds = time.perf_counter() - start
    tokens_per_s = args.batch * args.context * args.steps / seconds
    print(f"python reference: {1000 * seconds / args.steps:.1f} ms/step, {tokens_per_s:.0f} tokens/s")
    return {"tokens_per_s": tokens_per_s, "ms_per_step": 1000 * seconds / args.steps}


@torch.no_grad()
def bench_generate(args, cached):
    model = build(args).eval()
    idx = torch.randint(3, args.vocab, (1, args.context))  # --context is the prompt length here
    caches = [dict() for _ in model.h] if cached else None
    fresh = idx  # what the model has not seen yet
    first = None
    for i in range(args.steps):  # --steps is the number of new tokens
        if cached:
            logits = model(fresh, caches=caches, start=idx.size(1) - fresh.size(1))[:, -1, :]
        else:
            logits = model(idx[:, -args.context_length:])[:, -1, :]
        fresh = logits.argmax(-1, keepdim=True)
        idx = torch.cat([idx, fresh], dim=1)
        if i == 0:
            first = time.perf_counter()
    tokens_per_s = (args.steps - 1) / (time.perf_counter() - first)
    kind = "KV cache" if cached else "no KV cache"
    print(f"python reference generation ({kind}): {tokens_per_s:.1f} tokens/s")
    return {"tokens_per_s": tokens_per_s}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["train", "generate", "generate-cached"])
    for name, default in [("vocab", 8000), ("context-length", 256), ("n-embd", 256), ("n-layer", 4),
                          ("n-head", 4), ("batch", 16), ("context", 128), ("steps", 10), ("warmup", 2)]:
        parser.add_argument("--" + name, type=int, default=default)
    args = parser.parse_args()
    if "OMP_NUM_THREADS" not in os.environ:
        torch.set_num_threads(os.cpu_count())
    if args.mode == "train":
        figures = bench_train(args)
    else:
        if args.mode == "generate-cached" and args.context + args.steps > args.context_length:
            parser.error("generate-cached needs --context + --steps within --context-length")
        figures = bench_generate(args, cached=args.mode == "generate-cached")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
