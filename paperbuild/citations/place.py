"""Place each resolved citation as a footnote where Chicago wants its mark.

A parenthetical citation is cut out of the prose (with the space before it)
and its note mark goes after any punctuation and closing quotation marks that
follow (Chicago 14.26). A narrative citation keeps the author's name in the
prose; its parenthesis is cut and the note goes at the end of the clause or
sentence. Citations that land on one spot share one note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import BlockQuote, Document, Emphasis, Heading, Inline, Link, Note, Paragraph, Text
from .model import Citation

TRAILING_PUNCTUATION = re.compile(r"[.,;:!?]+[”’\"')\]]*")
CLAUSE_END = re.compile(r"[.!?;][\])”’\"']*(?=\s|$)")
SENTENCE_PUNCTUATION = re.compile(r"[.!?][\])”’\"']*$")
ABBREVIATIONS = {
    "cf", "ch", "chap", "dr", "ed", "eds", "e.g", "i.e", "mr", "mrs", "ms", "n", "nn", "no",
    "p", "pp", "prof", "st", "trans", "vol", "vols", "vs", "viz", "gen", "col", "lt", "capt",
}  # fmt: skip
WORD_BEFORE = re.compile(r"([\w.]*)$")
INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "S", "V.M", "U.S"


def text_runs(document: Document):
    """Every Text run in reading order: the units citations are found in and placed in."""
    for block in document.blocks:
        paragraphs = block.paragraphs if isinstance(block, BlockQuote) else (block,)
        for paragraph in paragraphs:
            yield from _runs(paragraph.inlines)


def _runs(inlines):
    for item in inlines:
        if isinstance(item, Text):
            yield item
        elif isinstance(item, Emphasis | Link):
            yield from _runs(item.children)


def place_notes(document: Document, citations_by_run: dict[int, list[Citation]]) -> Document:
    """A copy of ``document`` with the citations of run ``i`` turned into notes."""
    counter = iter(range(1_000_000_000))

    def rewrite(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for item in inlines:
            if isinstance(item, Text):
                out.extend(split_run(item, citations_by_run.get(next(counter), [])))
            elif isinstance(item, Emphasis | Link):
                out.append(replace(item, children=rewrite(item.children)))
            else:
                out.append(item)
        return tuple(out)

    blocks = []
    for block in document.blocks:
        if isinstance(block, BlockQuote):
            paragraphs = tuple(replace(p, inlines=rewrite(p.inlines)) for p in block.paragraphs)
            blocks.append(replace(block, paragraphs=paragraphs))
        elif isinstance(block, Paragraph | Heading):
            blocks.append(replace(block, inlines=rewrite(block.inlines)))
    return replace(document, blocks=tuple(blocks))


def split_run(run: Text, citations: list[Citation]) -> list[Inline]:
    """The run's text with citations cut out and Note inlines at their anchors."""
    if not citations:
        return [run]
    text = run.text
    cuts = [cut_span(text, c) for c in citations]
    anchors = [anchor(text, c, cut, cuts) for c, cut in zip(citations, cuts, strict=True)]
    drops = {a for a in anchors if duplicate_full_stop(text, a, cuts)}
    notes: dict[int, list[Citation]] = {}
    for citation, position in zip(citations, anchors, strict=True):
        notes.setdefault(position, []).append(citation)
    removed = sorted(cuts + [(a, a + 1) for a in drops])
    out: list[Inline] = []
    position = 0
    for stop in sorted(set(notes) | {len(text)}):
        chunk = "".join(text[s:e] for s, e in gaps(removed, position, stop))
        if chunk:
            out.append(Text(chunk, line_at(run, position)))
        if stop in notes:
            out.append(Note(tuple(notes[stop]), notes[stop][0].line or line_at(run, stop)))
        position = stop
    return out


def gaps(removed: list[tuple[int, int]], start: int, stop: int):
    """The spans of [start, stop) not covered by any removed span."""
    cursor = start
    for s, e in removed:
        if e <= cursor or s >= stop:
            continue
        if s > cursor:
            yield cursor, s
        cursor = max(cursor, e)
    if cursor < stop:
        yield cursor, stop


def cut_span(text: str, citation: Citation) -> tuple[int, int]:
    start = citation.remove_start
    while start > 0 and text[start - 1] in " \t\n":
        start -= 1
    return start, citation.remove_end


def anchor(text: str, citation: Citation, cut: tuple[int, int], cuts) -> int:
    """Where the note mark goes, as an offset into the original text."""
    if citation.kind == "narrative":
        return clause_end(text, citation.remove_end, cuts)
    after = cut[1]
    match = TRAILING_PUNCTUATION.match(text, after)
    if match and not duplicate_full_stop(text, after, cuts):
        return match.end()
    return after


def duplicate_full_stop(text: str, position: int, cuts) -> bool:
    """True when a full stop follows a citation whose quoted passage already ended one."""
    if position >= len(text) or text[position] != ".":
        return False
    before = text[: position_before_cut(position, cuts)].rstrip()
    return bool(SENTENCE_PUNCTUATION.search(before))


def position_before_cut(position: int, cuts) -> int:
    for start, end in cuts:
        if end == position:
            return start
    return position


def clause_end(text: str, start: int, cuts) -> int:
    for match in CLAUSE_END.finditer(text, start):
        if any(s <= match.start() < e for s, e in cuts):
            continue
        if text[match.start()] == "." and is_abbreviation(text, match.start(), match.end()):
            continue
        return match.end()
    return len(text.rstrip())


def is_abbreviation(text: str, dot: int, end: int) -> bool:
    word = WORD_BEFORE.search(text, 0, dot).group(1).lower()
    following = text[end:].lstrip()[:1]
    if following and following.islower():
        return True
    return bool(INITIALS.fullmatch(word)) or word.rstrip(".") in ABBREVIATIONS


def line_at(run: Text, offset: int) -> int:
    return run.line + run.text.count("\n", 0, offset)
