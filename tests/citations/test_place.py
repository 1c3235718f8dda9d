"""Where note marks land: after punctuation and quotes, at clause ends, merged on one spot."""

from __future__ import annotations

import pytest

from paperbuild.citations.model import Citation, CiteItem
from paperbuild.citations.place import split_run
from paperbuild.document import Note, Text


def parenthetical(text: str, cited: str) -> Citation:
    start = text.index(cited)
    item = CiteItem("X", ("X",), False, "2000", None, None, "x2000")
    return Citation("parenthetical", cited, start, start + len(cited), start, start + len(cited),
                    (item,), 1)  # fmt: skip


def narrative(text: str, name: str, paren: str) -> Citation:
    start = text.index(name)
    paren_start = text.index(paren, start)
    item = CiteItem(name, (name,), False, "2000", None, None, "x2000")
    end = paren_start + len(paren)
    return Citation("narrative", text[start:end], start, end, paren_start, end, (item,), 1)


def shown(inlines) -> str:
    """The run as a reader sees it, with ^ for each note mark."""
    out = []
    for item in inlines:
        out.append("^" * len(item.citations) if isinstance(item, Note) else item.text)
    return "".join(out)


@pytest.mark.parametrize(
    ("text", "make", "expected"),
    [
        ("the cost was immense (X, 2000). Many", lambda t: [parenthetical(t, "(X, 2000)")],
         "the cost was immense.^ Many"),
        ("depended on” (X, 2000). This", lambda t: [parenthetical(t, "(X, 2000)")],
         "depended on”.^ This"),
        ("in times of crisis. (X, 2000).", lambda t: [parenthetical(t, "(X, 2000)")],
         "in times of crisis.^"),
        ("a coup (X, 2000)", lambda t: [parenthetical(t, "(X, 2000)")], "a coup^"),
        ("a coup (X, 2000), and more", lambda t: [parenthetical(t, "(X, 2000)")],
         "a coup,^ and more"),
        ("war (X, 2000)—and then", lambda t: [parenthetical(t, "(X, 2000)")], "war^—and then"),
        ("X (2000) writes that “it was so.” Next one.",
         lambda t: [narrative(t, "X", "(2000)")], "X writes that “it was so.”^ Next one."),
        ("X (2000, p. 5) notes that S.J Main and V.M. Orlov agreed. Then",
         lambda t: [narrative(t, "X", "(2000, p. 5)")],
         "X notes that S.J Main and V.M. Orlov agreed.^ Then"),
        ("X (2000) writes that the system[.]” As we",
         lambda t: [narrative(t, "X", "(2000)")], "X writes that the system[.]”^ As we"),
        ("X (2000) notes a thing; another clause.", lambda t: [narrative(t, "X", "(2000)")],
         "X notes a thing;^ another clause."),
        ("X (2000) writes that:", lambda t: [narrative(t, "X", "(2000)")], "X writes that:^"),
        ("X (2000) describes how it ended (X, 2001). Then",
         lambda t: [narrative(t, "X", "(2000)"), parenthetical(t, "(X, 2001)")],
         "X describes how it ended.^^ Then"),
    ],
    ids=["after-full-stop", "after-closing-quote", "duplicate-stop-dropped", "end-of-run",
         "after-comma", "before-dash", "narrative-after-quote", "narrative-skips-initials",
         "narrative-bracketed-stop", "narrative-clause-semicolon", "narrative-colon-at-end",
         "merged-on-one-spot"],
)  # fmt: skip
def test_note_placement(text, make, expected):
    assert shown(split_run(Text(text, 1), make(text))) == expected


def test_merged_note_keeps_reading_order():
    text = "X (2000) describes how it ended (X, 2001). Then"
    citations = [narrative(text, "X", "(2000)"), parenthetical(text, "(X, 2001)")]
    notes = [i for i in split_run(Text(text, 1), citations) if isinstance(i, Note)]
    assert len(notes) == 1 and notes[0].citations == tuple(citations)


def test_lines_follow_line_breaks():
    text = "first line\nsecond (X, 2000). third"
    pieces = split_run(Text(text, 7), [parenthetical(text, "(X, 2000)")])
    assert [p.line for p in pieces if isinstance(p, Text)] == [7, 8]
