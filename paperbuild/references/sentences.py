"""Read the punctuation of a reference string: where a sentence ends, what is quoted.

Every step of the parser splits on full stops that are not initials or
abbreviations, so that judgement is made here, once.
"""

from __future__ import annotations

import re

from .names import words

OPEN_QUOTES = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "'": "'"}
ABBREVIATIONS = words(
    """
    vol vols no nos pp p ed eds trans st dr mr mrs ms jr sr vs etc ca c ch fig dept univ
    inc ltd co corp e.g i.e u.s u.k d.c n.d al rev repr comp
    """
)


def tidy(text: str) -> str:
    """One space between words and none before punctuation, so cut-outs leave no gaps."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;])", r"\1", text)  # "Chris ." -> "Chris."


def sentence_end(text: str, start: int = 0) -> int | None:
    """Index of the first full stop that ends a sentence (not an initial or abbreviation)."""
    for m in re.finditer(r"([.?!…])[”\"’']?(?=\s+[^\s]|$)", text[start:]):
        i = start + m.start()
        nxt = text[start + m.end() :].lstrip()
        if nxt[:1].islower():
            continue
        if m.group(1) == ".":
            word = re.search(r"([\w.\-]*)$", text[:i]).group(1)
            if word.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
            if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word):
                continue
        return start + m.end() if m.group(1) in "?!" else i
    return None


def sentences(text: str) -> list[str]:
    """The non-empty sentences of text, without their end punctuation."""
    out = []
    while text:
        end = sentence_end(text)
        if end is None:
            out.append(text.strip(" .,:;"))
            break
        out.append(text[:end].strip(" .,:;"))
        text = text[end:].lstrip(" .?!")
    return [s for s in out if s]


def inside_quotes(text: str, i: int) -> bool:
    """Whether text[i] stands inside a quotation opened before it."""
    head = text[:i]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def first_mark(text: str, *marks: re.Pattern | str) -> int:
    """Where a field ends: the earliest sentence end or match of ``marks``, else the text's end."""
    ends = [len(text)]
    stop = sentence_end(text)
    if stop is not None:
        ends.append(stop)
    ends += [found.start() for mark in marks if (found := re.search(mark, text))]
    return min(ends)
