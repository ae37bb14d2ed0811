#!/usr/bin/env python3
"""Loads a safetensors export of `azllm export` into the PyTorch reference model
(bench/reference_gpt.py) with a safetensors reader written from the format's specification
(8-byte little-endian header length, JSON header, raw little-endian data; no safetensors
package), and compares its logits with the ones azllm computed.

    /usr/bin/python3 bench/safetensors_check.py FOLDER --tokens 2,17,5 --logits logits.f32
logits.f32 holds azllm's logits after each token, float32 little-endian, tokens x vocabulary.
Prints one JSON line with max_abs_diff; exits 1 when it exceeds --tolerance (default 1e-4).
"""
import argparse
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_gpt import GPT  # noqa: E402

DTYPES = {"F32": (torch.float32, 4), "F16": (torch.float16, 2), "BF16": (torch.bfloat16, 2)}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack_from("<Q", data, 0)
    if 8 + header_length > len(data):
        raise ValueError("header runs past the end")
    header = json.loads(data[8:8 + header_length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = data[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        dtype, width = DTYPES[entry["dtype"]]
        begin, end = entry["data_offsets"]
        count = 1
        for d in entry["shape"]:
            count *= d
        if end - begin != count * width or end > len(body):
            raise ValueError(f"{name}: data_offsets do not match its shape and dtype")
        raw = bytearray(body[begin:end])
        tensors[name] = torch.frombuffer(raw, dtype=dtype).reshape(entry["shape"]).float()
    return metadata, tensors


def load_reference(folder):
    with open(os.path.join(folder, "config.json")) as f:
        config = json.load(f)
    assert config["activation_function"] == "gelu_new", "the reference computes tanh GELU"
    model = GPT(config["vocab_size"], config["n_positions"], config["n_embd"], config["n_layer"],
                config["n_head"])
    metadata, tensors = read_safetensors(os.path.join(folder, "model.safetensors"))
    assert metadata.get("format") == "pt", "__metadata__ should say format pt"
    state = {}
    for name, value in tensors.items():
        ours = name[len("transformer."):]
        # GPT-2's Conv1D stores (in, out); nn.Linear wants (out, in).
        if ours.endswith(("c_attn.weight", "c_proj.weight", "c_fc.weight")):
            value = value.t().contiguous()
        state[ours.replace(".mlp.", ".")] = value  # the reference's MLP sits on the block
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith(".attn.bias")]  # the causal mask buffer
    if missing or unexpected:
        raise ValueError(f"missing {missing}, unexpected {unexpected}")
    return model.eval()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--logits", required=True)
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    model = load_reference(args.folder)
    ids = torch.tensor([[int(t) for t in args.tokens.split(",")]])
    with torch.no_grad():
        logits = model(ids)[0]
    with open(args.logits, "rb") as f:
        raw = bytearray(f.read())
    ours = torch.frombuffer(raw, dtype=torch.float32).reshape(logits.shape)
    diff = (logits - ours).abs().max().item()
    print(json.dumps({"max_abs_diff": diff, "tokens": ids.size(1), "vocab": logits.size(1)}))
    sys.exit(0 if diff <= args.tolerance else 1)


if __name__ == "__main__":
    main()
