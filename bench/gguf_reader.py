#!/usr/bin/env python3
"""An independent GGUF reader, written from the GGUF specification (ggml's docs/gguf.md), for
checking the files `azllm export` writes: header, metadata, tensor table and data ranges.
No ggml code and no third-party package: struct and json only.

    /usr/bin/python3 bench/gguf_reader.py MODEL.gguf [--values NAME ...]
Prints one JSON object: version, metadata (arrays as {"type", "length", "head"}), tensors
(name, dims innermost first as GGUF stores them, ggml type, offset, bytes), and for each
--values NAME the first 8 values of that tensor (F32, F16 and Q8_0 decoded).
"""
import argparse
import json
import struct
import sys

VALUE_FORMATS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
                 10: "<Q", 11: "<q", 12: "<d"}
TYPE_NAMES = {0: "F32", 1: "F16", 8: "Q8_0"}
STRING, ARRAY = 8, 9


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, fmt):
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise ValueError(f"truncated at byte {self.pos}")
        (value,) = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return value

    def string(self):
        length = self.take("<Q")
        if self.pos + length > len(self.data):
            raise ValueError(f"string of {length} bytes runs past the end at {self.pos}")
        text = self.data[self.pos:self.pos + length].decode("utf-8")
        self.pos += length
        return text

    def value(self, kind):
        if kind == STRING:
            return self.string()
        if kind == ARRAY:
            element = self.take("<I")
            count = self.take("<Q")
            items = [self.value(element) for _ in range(count)]
            return {"type": element, "length": count, "head": items[:8], "all": items}
        if kind not in VALUE_FORMATS:
            raise ValueError(f"unknown value type {kind}")
        return self.take(VALUE_FORMATS[kind])


def tensor_bytes(kind, dims):
    count = 1
    for d in dims:
        count *= d
    if kind == 0:
        return 4 * count
    if kind == 1:
        return 2 * count
    if kind == 8:
        if dims[0] % 32:
            raise ValueError("Q8_0 row not a multiple of 32")
        return count // 32 * 34
    raise ValueError(f"ggml type {kind} not handled here")


def decode(data, kind, count):
    if kind == 0:
        return list(struct.unpack_from(f"<{count}f", data))
    if kind == 1:
        return list(struct.unpack_from(f"<{count}e", data))
    values = []
    for block in range((count + 31) // 32):
        (scale,) = struct.unpack_from("<e", data, 34 * block)
        quants = struct.unpack_from("<32b", data, 34 * block + 2)
        values.extend(scale * q for q in quants)
    return values[:count]


def read(path, wanted):
    with open(path, "rb") as f:
        data = f.read()
    r = Reader(data)
    if data[:4] != b"GGUF":
        raise ValueError("no GGUF magic")
    r.pos = 4
    version = r.take("<I")
    tensor_count = r.take("<Q")
    kv_count = r.take("<Q")
    metadata = {}
    for _ in range(kv_count):
        key = r.string()
        metadata[key] = r.value(r.take("<I"))
    alignment = metadata.get("general.alignment", 32)
    tensors = []
    for _ in range(tensor_count):
        name = r.string()
        dims = [r.take("<Q") for _ in range(r.take("<I"))]
        kind = r.take("<I")
        offset = r.take("<Q")
        tensors.append({"name": name, "dims": dims, "type": TYPE_NAMES.get(kind, kind),
                        "ggml_type": kind, "offset": offset, "bytes": tensor_bytes(kind, dims)})
    data_start = (r.pos + alignment - 1) // alignment * alignment
    for t in tensors:
        if t["offset"] % alignment:
            raise ValueError(f"{t['name']} is not aligned")
        if data_start + t["offset"] + t["bytes"] > len(data):
            raise ValueError(f"{t['name']} runs past the end of the file")
    values = {}
    for t in tensors:
        if t["name"] in wanted:
            start = data_start + t["offset"]
            values[t["name"]] = decode(data[start:start + t["bytes"]], t["ggml_type"], 8)
    for key, value in metadata.items():
        if isinstance(value, dict):
            del value["all"]
    return {"version": version, "alignment": alignment, "data_start": data_start,
            "file_size": len(data), "metadata": metadata, "tensors": tensors, "values": values}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--values", nargs="*", default=[])
    args = parser.parse_args()
    try:
        print(json.dumps(read(args.path, set(args.values)), ensure_ascii=False))
    except ValueError as e:
        print(f"{args.path}: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
