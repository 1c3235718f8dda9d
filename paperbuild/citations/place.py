"""Place each resolved citation as a footnote where Chicago wants its mark.

A parenthetical citation is cut out of the prose (with the space before it)
and its note mark goes after any punctuation and closing quotation marks that
follow (Chicago 14.26). A narrative citation keeps the author's name in the
prose; its parenthesis is cut and the note goes at the end of the clause or
sentence. Citations that land on one spot share one note.

Placement works on one paragraph (or heading) at a time, over a flat view of
its inlines: the text of its runs end to end, emphasis and links looked
through, each code span standing as one opaque character. So a narrative
citation in emphasis, "*Roberts (2006)* writes that it was so. Next", gets its
note at the clause end in the words that follow it, and a code span is never
searched for punctuation nor cut. A mark goes into the run holding the
character it follows (after a code span, it follows the span).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..document import (
    Code,
    Document,
    Emphasis,
    Inline,
    Link,
    Note,
    Prose,
    Text,
    inlines,
    line_at,
    map_paragraphs,
)
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
OPAQUE = "\ufffc"  # a code span (or a note already placed) in the flat text: no word, no stop


def place_notes(document: Document, citations_by_run: Mapping[int, list[Citation]]) -> Document:
    """A copy of ``document`` with the citations of run ``i`` turned into notes.

    Runs are counted as ``document.text_runs`` counts them.
    """
    seen = 0  # the runs of the paragraphs before

    def place(paragraph: Prose) -> Prose:
        nonlocal seen
        count = sum(1 for item in inlines(paragraph.inlines) if isinstance(item, Text))
        own = {i - seen: citations_by_run.get(i, []) for i in range(seen, seen + count)}
        seen += count
        return replace(paragraph, inlines=place_inlines(paragraph.inlines, own))

    return map_paragraphs(document, place)


@dataclass(frozen=True)
class _Leaf:
    """A Text run, code span or note of a paragraph, and its span in the flat text."""

    item: Text | Code | Note
    start: int
    end: int


def _leaves(items: Iterable[Inline]) -> list[_Leaf]:
    leaves: list[_Leaf] = []
    position = 0
    for item in inlines(items):
        if isinstance(item, Text | Code | Note):
            length = len(item.text) if isinstance(item, Text) else len(OPAQUE)
            leaves.append(_Leaf(item, position, position + length))
            position += length
    return leaves


def place_inlines(
    items: tuple[Inline, ...], citations_by_run: Mapping[int, list[Citation]]
) -> tuple[Inline, ...]:
    """One paragraph's inlines with the citations of its ``i``-th Text run turned into notes.

    Each citation's offsets are into its own run's text; notes hold the
    citations as given, in reading order.
    """
    leaves = _leaves(items)
    flat = "".join(leaf.item.text if isinstance(leaf.item, Text) else OPAQUE for leaf in leaves)
    runs = [leaf for leaf in leaves if isinstance(leaf.item, Text)]
    given: list[Citation] = []
    moved: list[Citation] = []  # the same citations, with offsets into the flat text
    for index, run in enumerate(runs):
        for citation in citations_by_run.get(index, ()):
            given.append(citation)
            moved.append(_shifted(citation, run.start))
    if not given:
        return items
    cuts = [cut_span(flat, c) for c in moved]
    anchors = [anchor(flat, c, cut, cuts) for c, cut in zip(moved, cuts, strict=True)]
    drops = {a for a in anchors if duplicate_full_stop(flat, a, cuts)}
    notes: dict[int, list[Citation]] = {}
    for citation, position in zip(given, anchors, strict=True):
        notes.setdefault(position, []).append(citation)
    removed = sorted(cuts + [(a, a + 1) for a in drops])
    # A note at p follows the character p - 1, so it goes with the leaf holding that character.
    stops: list[set[int]] = [set() for _ in leaves]
    for position in notes:
        owner = 0 if position == 0 else next(i for i, f in enumerate(leaves) if position <= f.end)
        stops[owner].add(position)
    pending = iter(zip(leaves, stops, strict=True))

    def rebuild(children: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for item in children:
            if isinstance(item, Emphasis | Link):
                kept = rebuild(item.children)
                if kept or isinstance(item, Link):  # emphasis of nothing is dropped
                    out.append(replace(item, children=kept))
            else:
                out += _rebuild_leaf(*next(pending), flat, removed, notes)
        return tuple(out)

    return rebuild(items)


def _shifted(citation: Citation, offset: int) -> Citation:
    return replace(
        citation,
        start=citation.start + offset,
        end=citation.end + offset,
        remove_start=citation.remove_start + offset,
        remove_end=citation.remove_end + offset,
    )


def _rebuild_leaf(
    leaf: _Leaf,
    stops: set[int],
    flat: str,
    removed: list[tuple[int, int]],
    notes: dict[int, list[Citation]],
) -> list[Inline]:
    """The leaf less what was removed, with its notes (at ``stops``, flat offsets) in place."""
    item = leaf.item

    def note(position: int) -> Note:
        citations = without_repeats(notes[position])
        fallback = line_at(item, position - leaf.start) if isinstance(item, Text) else item.line
        return Note(tuple(citations), citations[0].line or fallback)

    if not isinstance(item, Text):
        before = [note(0)] if 0 in stops else []
        return [*before, item, *([note(leaf.end)] if leaf.end in stops else [])]
    out: list[Inline] = []
    position = leaf.start
    for stop in sorted(stops | {leaf.end}):
        chunk = "".join(flat[s:e] for s, e in gaps(removed, position, stop))
        if chunk:
            out.append(Text(chunk, line_at(item, position - leaf.start)))
        if stop in stops:
            out.append(note(stop))
        position = stop
    return out


def without_repeats(citations: list[Citation]) -> list[Citation]:
    """The citations sharing one note, less what the note would say twice: "Applebaum's
    (2003) account … stark (Applebaum 2003, 45)" is one note, "Applebaum, Gulag, 45", not
    "Applebaum, Gulag; Applebaum, Gulag, 45". An item goes when another in the note cites
    the same work at the same place, or at a place where it names none."""
    cited = [(item.key, item.locator) for c in citations for item in c.items if item.key]
    seen: set[tuple[str, str | None]] = set()
    out = []
    for citation in citations:
        items = []
        for item in citation.items:
            here = (item.key, item.locator)
            located_elsewhere = item.locator is None and any(
                key == item.key and locator for key, locator in cited
            )
            if item.key and (here in seen or located_elsewhere):
                continue
            seen.add(here)
            items.append(item)
        if items:
            out.append(replace(citation, items=tuple(items)))
    return out or citations[:1]


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
