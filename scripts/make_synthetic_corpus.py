#!/usr/bin/env python3
"""Synthetic corpora for the import benchmarks (docs/benchmarks.md), generated under /tmp and
never committed: Azerbaijani-looking text made of the sample corpus's words in random order.

  dump   a MediaWiki XML dump with wikitext markup (templates, links, refs, tables, headings,
         talk pages, redirects), bzip2 multistream like Wikipedia's (100 pages a stream)
  jsonl  one document a line ({"text": ..., "url": ...})
  text   plain text files, documents separated by blank lines

Usage: /usr/bin/python3 scripts/make_synthetic_corpus.py dump|jsonl|text SIZE_MB OUT
"""
import bz2
import json
import os
import random
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
words = []
for name in sorted(os.listdir(os.path.join(root, "resources", "sample_corpus"))):
    with open(os.path.join(root, "resources", "sample_corpus", name), encoding="utf-8") as f:
        words += re.findall(r"\w+", f.read())
rng = random.Random(1234)


def sentence(n):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def paragraph():
    return " ".join(sentence(rng.randint(6, 16)) for _ in range(rng.randint(3, 7)))


def wikitext(title):
    parts = ["{{Məlumat qutusu|ad=%s|əhali={{formatnum:%d}}}}" % (title, rng.randint(1, 10**6)),
             "'''%s''' — %s<ref>%s</ref>" % (title, paragraph(), sentence(5))]
    for _ in range(rng.randint(2, 5)):
        parts.append("== %s ==" % sentence(2)[:-1])
        parts.append("%s [[%s|%s]] %s" % (paragraph(), rng.choice(words), rng.choice(words), paragraph()))
        if rng.random() < 0.3:
            parts.append('{| class="wikitable"\n|-\n! A !! B\n|-\n| 1 || 2\n|}')
        if rng.random() < 0.5:
            parts.append("\n".join("* " + sentence(5) for _ in range(3)))
    parts.append("[[Kateqoriya:%s]]" % rng.choice(words))
    return "\n\n".join(parts)


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page(i):
    title = "%s %d" % (rng.choice(words), i)
    ns, text = 0, wikitext(title)
    if i % 20 == 0:
        ns, text = 1, paragraph()
    elif i % 25 == 0:
        text = "#REDIRECT [[%s]]" % rng.choice(words)
    return ("<page><title>%s</title><ns>%d</ns><id>%d</id><revision><text xml:space=\"preserve\">"
            "%s</text></revision></page>\n" % (escape(title), ns, i, escape(text)))


def main():
    kind, size, out = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3]
    written = 0
    if kind == "dump":
        with open(out, "wb") as f:
            f.write(bz2.compress("<mediawiki><siteinfo><sitename>Sintetik</sitename></siteinfo>\n".encode()))
            i = 0
            while written < size:
                chunk = "".join(page(i + k) for k in range(100)).encode()
                i += 100
                written += len(chunk)
                f.write(bz2.compress(chunk, 9))
            f.write(bz2.compress(b"</mediawiki>\n"))
    elif kind == "jsonl":
        with open(out, "w", encoding="utf-8") as f:
            i = 0
            while written < size:
                line = json.dumps({"text": "\n\n".join(paragraph() for _ in range(rng.randint(2, 6))),
                                   "url": "https://xeber%d.example.az/%d" % (i % 5, i)},
                                  ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode())
                i += 1
    else:
        os.makedirs(out, exist_ok=True)
        part, f = 0, None
        while written < size:
            if f is None or f.tell() > 64 << 20:
                if f:
                    f.close()
                f = open(os.path.join(out, "part-%03d.txt" % part), "w", encoding="utf-8")
                part += 1
            text = "\n".join(paragraph() for _ in range(rng.randint(2, 6))) + "\n\n"
            f.write(text)
            written += len(text.encode())
        f.close()
    print("wrote", out, written >> 20, "MB of text")


if __name__ == "__main__":
    main()
