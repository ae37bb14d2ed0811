#!/usr/bin/env python3
"""The best coverage `azllm kb search` reports for each question of a JSONL file, to choose the
"nothing found" threshold: in-scope questions should stay above it, off-topic ones below.
Usage: coverage.py AZLLM WORKSPACE BASE FILE [MODE]"""
import json
import re
import subprocess
import sys

azllm, workspace, base, path = sys.argv[1:5]
mode = sys.argv[5] if len(sys.argv) > 5 else "morph"
for line in open(path, encoding="utf-8"):
    question = json.loads(line)["question"]
    out = subprocess.run([azllm, "kb", "search", "--workspace", workspace, "--kb", base,
                          "--query", question, "--k", "5", "--mode", mode],
                         capture_output=True, text=True).stdout
    best = max([float(c) for c in re.findall(r"coverage ([0-9.]+)", out)] or [0.0])
    print(f"{best:.2f}\t{question}")
