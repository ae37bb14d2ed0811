#!/usr/bin/env python3
"""Carries Azerbaijani translations over to strings that moved to another tr() context.

Moving a class into a namespace (ChatPage -> azllm::ui::ChatPage) or a text into a new class
(TrainPage's "Start" into RunForm) makes lupdate add the string again, unfinished, in its new
context, and drop the old one. Run lupdate, then:

    scripts/ts_carry_over.py translations/azllm_studio_az.ts OLD.ts

OLD.ts is the file before lupdate (git show HEAD:translations/azllm_studio_az.ts). Each
unfinished message takes the translation its source text had in OLD.ts: from the context of the
same class name without the namespace first, else from any context when all of them agree. The
file is edited in place, text only, so lupdate's layout stays; what could not be carried over is
listed and stays unfinished.
"""
import html
import re
import sys

MESSAGE = re.compile(r'(<message>.*?</message>)', re.S)
CONTEXT = re.compile(r'<context>\s*<name>(.*?)</name>(.*?)</context>', re.S)
SOURCE = re.compile(r'<source>(.*?)</source>', re.S)
TRANSLATION = re.compile(r'<translation([^>]*)>(.*?)</translation>|<translation([^>]*)/>', re.S)


def translations(text):
    """{(context, source): translation} of the finished messages of a .ts file's text."""
    found = {}
    for context, body in CONTEXT.findall(text):
        for message in MESSAGE.findall(body):
            source = SOURCE.search(message)
            translation = TRANSLATION.search(message)
            if not source or not translation or 'unfinished' in (translation.group(1) or ''):
                continue
            if translation.group(2):
                found[(context, source.group(1))] = translation.group(2)
    return found


def carried(old, context, source):
    short = context.split('::')[-1]
    for (old_context, old_source), translation in old.items():
        if old_source == source and old_context.split('::')[-1] == short:
            return translation
    candidates = {t for (c, s), t in old.items() if s == source}
    return candidates.pop() if len(candidates) == 1 else None


def main(path, old_path):
    with open(old_path, encoding='utf-8') as f:
        old = translations(f.read())
    with open(path, encoding='utf-8') as f:
        text = f.read()
    missing = []

    def fill_context(match):
        context = match.group(1)

        def fill(message_match):
            message = message_match.group(1)
            if 'type="unfinished"' not in message:
                return message
            source = SOURCE.search(message).group(1)
            translation = carried(old, context, source)
            if translation is None:
                missing.append(f'{context}: {html.unescape(source)}')
                return message
            return re.sub(r'<translation type="unfinished">.*?</translation>|'
                          r'<translation type="unfinished"\s*/>',
                          lambda _: f'<translation>{translation}</translation>', message,
                          flags=re.S)

        return match.group(0).replace(match.group(2), MESSAGE.sub(fill, match.group(2)))

    text = CONTEXT.sub(fill_context, text)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    for line in missing:
        print('not carried over:', line)
    return 1 if missing else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
