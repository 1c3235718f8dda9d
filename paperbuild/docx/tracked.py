"""Word's own tracked changes: two versions' pandoc documents merged into one.

Each version's document comes already formatted by citeproc (its notes and its
bibliography as that version alone prints them), so accepting every change
gives the new version's Word file and rejecting every change the old one's.
They are compared paragraph by paragraph. The paragraphs kept are those, in
order in both versions, that leave the fewest words marked: each one unchanged,
or changed but alike (sharing half its words), and then marked word by word
(:mod:`paperbuild.worddiff`). Any other paragraph is deleted or inserted whole,
so a moved one is deleted where it was and inserted where it is; but one
paragraph rewritten in its place (a renamed heading) stays one paragraph, its
old words deleted and its new ones inserted. A bibliography entry is a
paragraph too, so a new source is an inserted entry.

A note is one unit, as a citation is in the PDF: a note citing the same works in
other words (another page; a full note that became a short one) keeps its mark,
with its old words deleted and its new ones inserted; a note citing other works
is deleted or inserted whole, its mark with it.

A change is a pandoc Span of class ``insertion`` or ``deletion`` with an author
and a date, which pandoc's docx writer writes as Word's ``w:ins`` and ``w:del``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property
from itertools import groupby, zip_longest

from ..worddiff import MIN_KEPT_WORDS, coarse_opcodes, heaviest_chain

INSERTION, DELETION = "insertion", "deletion"
#: Paragraphs sharing less of their words are not one paragraph changed but one
#: deleted and another inserted.
ALIKE = 0.5
#: Elements holding others (blocks holding paragraphs, inlines holding words): where
#: their content is in ``c`` (None: ``c`` is it).
CONTENT_AT = {"BlockQuote": None, "Div": 1,
              "Emph": None, "Strong": None, "Underline": None, "Strikeout": None,
              "Superscript": None, "Subscript": None, "SmallCaps": None,
              "Span": 1, "Link": 1, "Quoted": 1}  # fmt: skip
SPACE = {"t": "Space"}
TITLE_FIELDS = ("title", "subtitle")


@dataclass(frozen=True)
class Reviser:
    """Who made the changes and when, as Word's Review pane shows them."""

    author: str
    date: str  # ISO 8601 in UTC: 2026-11-25T00:00:00Z

    def span(self, kind: str, content: list[dict]) -> dict:
        attributes = [["author", self.author], ["date", self.date]]
        return {"t": "Span", "c": [["", [kind], attributes], content]}


@dataclass(frozen=True)
class Unit:
    """A paragraph or heading with the blocks it stands in (block quotation, styled or
    bibliography Div), outermost first, each without its content, as JSON."""

    containers: tuple[str, ...]
    block: dict  # a Para, Plain or Header

    @property
    def place(self) -> tuple:
        """Where it stands and what it is: only paragraphs alike in this can be merged."""
        level = self.block["c"][0] if self.block["t"] == "Header" else None
        return self.containers, self.block["t"], level

    @cached_property
    def key(self) -> str:
        return json.dumps([self.containers, self.block], ensure_ascii=False, sort_keys=True)

    @property
    def inlines(self) -> list[dict]:
        return self.block["c"][2] if self.block["t"] == "Header" else self.block["c"]

    def with_inlines(self, content: list[dict]) -> Unit:
        if self.block["t"] == "Header":
            level, attributes, _ = self.block["c"]
            return replace(self, block={"t": "Header", "c": [level, attributes, content]})
        return replace(self, block={"t": self.block["t"], "c": content})

    @cached_property
    def words(self) -> list[str]:
        return [token.leaf["c"] for token in tokens(self.inlines) if token.leaf["t"] == "Str"]


@dataclass(frozen=True)
class Token:
    """A word, a space or a note, with the inlines around it (emphasis, a link), outermost
    first, each without its content, as JSON."""

    wrappers: tuple[str, ...]
    leaf: dict

    @property
    def key(self) -> str:
        """What is compared: a note by the works it cites, anything else as it is."""
        leaf = self.leaf
        if leaf["t"] == "Note":
            cited = cited_works(leaf)
            leaf = {"t": "Note", "c": cited} if cited else leaf
        return json.dumps([self.wrappers, leaf], ensure_ascii=False, sort_keys=True)


def merge_documents(old: dict, new: dict, reviser: Reviser) -> dict:
    """``new``'s pandoc document with what changed since ``old`` as tracked changes."""
    meta = dict(new["meta"])
    for name in TITLE_FIELDS:
        before, after = old["meta"].get(name), new["meta"].get(name)
        if before != after:
            content = merge_inlines(meta_content(before), meta_content(after), reviser)
            meta[name] = {"t": "MetaInlines", "c": content}
    return {**new, "meta": meta, "blocks": merge_blocks(old["blocks"], new["blocks"], reviser)}


def meta_content(field: dict | None) -> list[dict]:
    return field["c"] if field else []


def merge_blocks(old_blocks: list[dict], new_blocks: list[dict], reviser: Reviser) -> list[dict]:
    old, new = list(units(old_blocks)), list(units(new_blocks))
    merged: list[Unit] = []
    was = now = 0
    for at_old, at_new in [*aligned(old, new), (len(old), len(new))]:
        merged += between(old[was:at_old], new[now:at_new], reviser)
        if at_old < len(old):
            merged.append(kept(old[at_old], new[at_new], reviser))
        was, now = at_old + 1, at_new + 1
    return blocks_of(merged)


def aligned(old: list[Unit], new: list[Unit]) -> list[tuple[int, int]]:
    """The paragraphs kept from ``old`` in ``new``, as pairs of places in order in both, that
    leave the fewest words marked: each found unchanged, or changed but alike (sharing at
    least half their words). Of a paragraph moved and another changed, the shorter is the
    one shown moved."""
    found: dict[str, list[int]] = {}
    for index, unit in enumerate(new):
        found.setdefault(unit.key, []).append(index)
    old_keys = {unit.key for unit in old}
    edited = [index for index, unit in enumerate(new) if unit.key not in old_keys]
    pairs: list[tuple[int, int, int]] = []
    for at_old, unit in enumerate(old):
        if unit.key in found:
            pairs += [(at_old, at_new, len(unit.words) + 1) for at_new in found[unit.key]]
        else:
            shared = ((at_new, shared_words(unit, new[at_new])) for at_new in edited)
            pairs += [(at_old, at_new, kept) for at_new, kept in shared if kept]
    return heaviest_chain(pairs)


def kept(before: Unit, after: Unit, reviser: Reviser) -> Unit:
    """A paragraph kept: as it is, or with the words changed in it marked."""
    if before.key == after.key:
        return after
    return after.with_inlines(merge_inlines(before.inlines, after.inlines, reviser))


def shared_words(old: Unit, new: Unit) -> int:
    """How many words two paragraphs of one kind in one place share, if that is at least
    half their words (ALIKE); else 0."""
    if old.place != new.place:
        return 0
    matcher = SequenceMatcher(None, old.words, new.words, autojunk=False)
    if min(matcher.real_quick_ratio(), matcher.quick_ratio()) < ALIKE:
        return 0  # cheap upper bounds first
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared if 2 * shared >= ALIKE * (len(old.words) + len(new.words)) else 0


def between(old: list[Unit], new: list[Unit], reviser: Reviser) -> list[Unit]:
    """The paragraphs between two kept ones: one rewritten in its place (a renamed heading)
    shows its old words deleted and its new ones inserted; others are deleted or inserted
    whole."""
    if len(old) == len(new) == 1 and old[0].place == new[0].place:
        return [rewritten(old[0], new[0], reviser)]
    return [whole(unit, DELETION, reviser) for unit in old] + [
        whole(unit, INSERTION, reviser) for unit in new
    ]


def units(blocks: list[dict], containers: tuple[str, ...] = ()) -> Iterator[Unit]:
    for block in blocks:
        kind = block["t"]
        if kind in ("BlockQuote", "Div"):
            yield from units(content_of(block), (*containers, emptied(block)))
        elif kind in ("Para", "Plain", "Header"):
            yield Unit(containers, block)
        else:
            raise TypeError(f"cannot track changes in a {kind}")


def blocks_of(merged: list[Unit]) -> list[dict]:
    """The blocks again, each run of paragraphs in one container put back into it."""
    return assembled([(unit.containers, unit.block) for unit in merged])


def assembled(placed: list[tuple[tuple[str, ...], dict]]) -> list[dict]:
    """Elements from (the emptied elements around it, outermost first; an element) pairs:
    each run of elements sharing their outer one put back into one copy of it."""
    out: list[dict] = []
    for outer, group in groupby(placed, key=lambda pair: pair[0][:1]):
        members = list(group)
        if not outer:
            out += [element for _, element in members]
            continue
        inner = assembled([(around[1:], element) for around, element in members])
        out.append(filled(json.loads(outer[0]), inner))
    return out


def whole(unit: Unit, kind: str, reviser: Reviser) -> Unit:
    """A paragraph inserted or deleted whole, its notes with it."""
    return unit.with_inlines(rebuilt([(kind, token) for token in tokens(unit.inlines)], reviser))


def rewritten(before: Unit, after: Unit, reviser: Reviser) -> Unit:
    """One paragraph, all its old words deleted and all its new ones inserted."""
    marked = [(DELETION, token) for token in tokens(before.inlines)]
    marked += [(INSERTION, token) for token in tokens(after.inlines)]
    return after.with_inlines(rebuilt(marked, reviser))


def merge_inlines(old: list[dict], new: list[dict], reviser: Reviser) -> list[dict]:
    """``new`` with the words changed since ``old`` marked, word by word."""
    before, after = list(tokens(old)), list(tokens(new))

    def keeps(start: int, end: int) -> bool:
        """An unchanged run between two changes stands if it has three words or a note."""
        kept = before[start:end]
        notes = any(token.leaf["t"] == "Note" for token in kept)
        return notes or sum(token.leaf["t"] == "Str" for token in kept) >= MIN_KEPT_WORDS

    marked: list[tuple[str | None, Token]] = []
    keys = [token.key for token in before], [token.key for token in after]
    for tag, old_start, old_end, new_start, new_end in coarse_opcodes(*keys, keeps):
        if tag == "equal":
            pairs = zip(before[old_start:old_end], after[new_start:new_end], strict=True)
            marked += [(None, changed_note(was, now, reviser)) for was, now in pairs]
        else:
            marked += [(DELETION, token) for token in before[old_start:old_end]]
            marked += [(INSERTION, token) for token in after[new_start:new_end]]
    return rebuilt(marked, reviser)


def tokens(items: list[dict], wrappers: tuple[str, ...] = ()) -> Iterator[Token]:
    for item in items:
        kind = item["t"]
        if kind == "Cite":  # citeproc's words for it: the citation itself is done with
            yield from tokens(item["c"][1], wrappers)
        elif kind in CONTENT_AT:
            yield from tokens(content_of(item), (*wrappers, emptied(item)))
        else:
            yield Token(wrappers, SPACE if kind == "SoftBreak" else item)


def rebuilt(marked: list[tuple[str | None, Token]], reviser: Reviser) -> list[dict]:
    """Inlines again from marked tokens: each run of one kind of change in one span."""
    out: list[dict] = []
    for kind, group in groupby(marked, key=lambda pair: pair[0]):
        members = [
            token if kind is None else whole_note(token, kind, reviser) for _, token in group
        ]
        content = assembled([(token.wrappers, token.leaf) for token in members])
        out += content if kind is None else [reviser.span(kind, content)]
    return out


def content_of(item: dict) -> list[dict]:
    at = CONTENT_AT[item["t"]]
    return item["c"] if at is None else item["c"][at]


def emptied(element: dict) -> str:
    """``element`` without its content, as JSON: what holds a paragraph or a word."""
    return json.dumps(filled(element, []), ensure_ascii=False)


def filled(item: dict, content: list[dict]) -> dict:
    """A copy of ``item`` holding ``content`` instead of its own."""
    at = CONTENT_AT[item["t"]]
    if at is None:
        return {"t": item["t"], "c": content}
    return {"t": item["t"], "c": [*item["c"][:at], content, *item["c"][at + 1 :]]}


def whole_note(token: Token, kind: str, reviser: Reviser) -> Token:
    """A note inserted or deleted with its mark: its words are too."""
    if token.leaf["t"] != "Note":
        return token
    marked = blocks_of([whole(unit, kind, reviser) for unit in units(token.leaf["c"])])
    return replace(token, leaf={"t": "Note", "c": marked})


def changed_note(old: Token, new: Token, reviser: Reviser) -> Token:
    """A note citing the same works in other words keeps its mark: the old words are
    deleted and the new ones inserted, paragraph by paragraph."""
    if old.leaf == new.leaf:
        return new
    merged: list[Unit] = []
    for before, after in zip_longest(units(old.leaf["c"]), units(new.leaf["c"])):
        if before and after and before.place == after.place:
            merged.append(rewritten(before, after, reviser))
        else:
            sides = ((before, DELETION), (after, INSERTION))
            merged += [whole(unit, kind, reviser) for unit, kind in sides if unit]
    return replace(new, leaf={"t": "Note", "c": blocks_of(merged)})


def cited_works(note: dict) -> list[str]:
    """The keys of the works a formatted note cites, in order."""
    found: list[str] = []

    def visit(value) -> None:
        if isinstance(value, dict):
            if value.get("t") == "Cite":
                found.extend(citation["citationId"] for citation in value["c"][0])
            for child in value.values():
                visit(child)
        elif isinstance(value, list):
            for child in value:
                visit(child)

    visit(note["c"])
    return found
