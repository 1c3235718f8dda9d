"""Where note marks land: after punctuation and quotes, at clause ends, merged on one spot."""

from __future__ import annotations

import re

import pytest

from paperbuild.citations.model import Citation, CiteItem
from paperbuild.citations.place import place_inlines, place_notes
from paperbuild.document import (
    BlockQuote,
    Code,
    Document,
    Emphasis,
    FrontMatter,
    Link,
    Note,
    Paragraph,
    Text,
    inlines,
)


def _item(name: str, written: str) -> CiteItem:
    """The item a citation written so resolves to: its key from its year, its locator after."""
    year, _, locator = re.search(r"(\d{4})(?:, (.+?))?\)", written).group(1, 0, 2)
    return CiteItem(name, (name,), False, year, locator, None, f"{name.lower()}{year}")


def parenthetical(text: str, cited: str) -> Citation:
    start = text.index(cited)
    item = _item("X", cited)
    return Citation("parenthetical", cited, start, start + len(cited), start, start + len(cited),
                    (item,), 1)  # fmt: skip


def narrative(text: str, name: str, paren: str) -> Citation:
    start = text.index(name)
    paren_start = text.index(paren, start)
    item = _item(name, paren)
    end = paren_start + len(paren)
    return Citation("narrative", text[start:end], start, end, paren_start, end, (item,), 1)


def split_run(run: Text, citations: list[Citation]) -> list:
    """One run on its own as a paragraph, its citations placed."""
    return list(place_inlines((run,), {0: citations}))


def shown(items) -> str:
    """Inlines as a reader sees them, with ^ for each note mark, *emphasis*, [links], `code`."""
    out = []
    for item in items:
        if isinstance(item, Note):
            out.append("^" * len(item.citations))
        elif isinstance(item, Emphasis):
            out.append(f"*{shown(item.children)}*")
        elif isinstance(item, Link):
            out.append(f"[{shown(item.children)}]")
        elif isinstance(item, Code):
            out.append(f"`{item.text}`")
        else:
            out.append(item.text)
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


REPEATS = [
    ("X (2000) describes it (X, 2000, 45). Then", "(2000)", "(X, 2000, 45)", ["(X, 2000, 45)"]),
    ("X (2000, 12) describes it (X, 2000, 45). Then", "(2000, 12)", "(X, 2000, 45)",
     ["X (2000, 12)", "(X, 2000, 45)"]),
    ("X (2000) describes it (X, 2000). Then", "(2000)", "(X, 2000)", ["X (2000)"]),
    ("X (2000) describes it (X, 2001). Then", "(2000)", "(X, 2001)", ["X (2000)", "(X, 2001)"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "paren", "cited", "kept"),
    REPEATS,
    ids=["unlocated-repeat-goes", "two-places-stay", "exact-repeat-goes", "two-works-stay"],
)
def test_a_note_does_not_cite_a_work_twice_for_nothing(text, paren, cited, kept):
    """ "X (2000) … (X, 2000, 45)" share one note: "X, Title, 45", not "X, Title; X, Title, 45"."""
    made = [narrative(text, "X", paren), parenthetical(text, cited)]
    [note] = [i for i in split_run(Text(text, 1), made) if isinstance(i, Note)]
    assert [c.text for c in note.citations] == kept


def test_merged_note_keeps_reading_order():
    text = "X (2000) describes how it ended (X, 2001). Then"
    citations = [narrative(text, "X", "(2000)"), parenthetical(text, "(X, 2001)")]
    notes = [i for i in split_run(Text(text, 1), citations) if isinstance(i, Note)]
    assert len(notes) == 1 and notes[0].citations == tuple(citations)


def test_lines_follow_line_breaks():
    text = "first line\nsecond (X, 2000). third"
    pieces = split_run(Text(text, 7), [parenthetical(text, "(X, 2000)")])
    assert [p.line for p in pieces if isinstance(p, Text)] == [7, 8]


# -- across runs: emphasis, links and code in one paragraph ------------------------------------


def cited(text: str, kind: str = "narrative") -> tuple[Text, list[Citation]]:
    """A run holding one citation: "Name (2000...)" is narrative, "(X, 2000)" parenthetical."""
    run = Text(text, 1)
    if kind == "parenthetical":
        paren = text[text.index("(") : text.index(")") + 1]
        return run, [parenthetical(text, paren)]
    name = text[: text.index(" (")].split()[-1]
    paren = text[text.index("(", text.index(name)) : text.index(")") + 1]
    return run, [narrative(text, name, paren)]


def run_(text: str) -> tuple[Text, list[Citation]]:
    return Text(text, 1), []


def paragraph(*parts):
    """Inlines from parts: (run, citations) pairs, or ("*", [parts]) emphasis, ("[", [parts]) a
    link, ("`", text) code; and the citations of each Text run, in reading order."""
    items, by_run = [], []
    for part in parts:
        if part[0] in ("*", "["):
            children, nested = paragraph(*part[1])
            container = Emphasis(children) if part[0] == "*" else Link("https://x.org", children)
            items.append(container)
            by_run += nested
        elif part[0] == "`":
            items.append(Code(part[1], 1))
        else:
            items.append(part[0])
            by_run.append(part[1])
    return tuple(items), by_run


ACROSS_RUNS = [
    pytest.param([("*", [cited("Roberts (2006, p. xii)")]), run_(" writes that things. Next")],
                 "*Roberts* writes that things.^ Next", id="narrative-in-emphasis"),
    pytest.param([("[", [cited("Roberts (2006)")]), run_(" writes that things. Next")],
                 "[Roberts] writes that things.^ Next", id="narrative-in-link"),
    pytest.param([("*", [("*", [cited("Roberts (2006)")]), run_(" argues")]), run_(" so. Next")],
                 "**Roberts* argues* so.^ Next", id="narrative-two-levels-deep"),
    pytest.param([cited("Roberts (2006) writes that "), ("*", [run_("it was so.")]),
                  run_(" Next.")],
                 "Roberts writes that *it was so.^* Next.", id="clause-end-inside-emphasis"),
    pytest.param([cited("Roberts (2006) calls it "), ("`", "a.b. c"), run_(" then. Next")],
                 "Roberts calls it `a.b. c` then.^ Next", id="code-never-searched"),
    pytest.param([cited("Roberts (2006) calls it "), ("`", "x.")],
                 "Roberts calls it `x.`^", id="after-code-at-paragraph-end"),
    pytest.param([("*", [cited("Roberts (2006) writes")])],
                 "*Roberts writes^*", id="narrative-alone-in-emphasis"),
    pytest.param([("*", [cited("a coup (X, 2000)", "parenthetical")]), run_(". Next")],
                 "*a coup*.^ Next", id="parenthetical-stop-after-emphasis"),
    pytest.param([("*", [cited("Roberts (2006)")]), run_(" writes; "),
                  ("*", [cited("Viola (1996)")]), run_(" adds. Next")],
                 "*Roberts* writes;^ *Viola* adds.^ Next", id="two-narratives-two-clauses"),
]  # fmt: skip


@pytest.mark.parametrize(("parts", "expected"), ACROSS_RUNS)
def test_note_placement_across_runs(parts, expected):
    items, by_run = paragraph(*parts)
    placed = place_inlines(items, dict(enumerate(by_run)))
    assert shown(placed) == expected
    notes = [item for item in inlines(placed) if isinstance(item, Note)]
    assert [c for note in notes for c in note.citations] == [c for cs in by_run for c in cs]


def test_place_notes_counts_runs_across_paragraphs_and_quotes():
    first, quoted = Text("A (X, 2000). B", 1), Text("*", 2)
    inner, inner_cited = cited("Roberts (2006)")
    document = Document(
        FrontMatter("T"),
        (
            Paragraph((first,), 1),
            BlockQuote((Paragraph((quoted, Emphasis((inner,))), 2),), 2),
            Paragraph((Text(" says so. End", 3),), 3),
        ),
        "essay.md",
    )
    placed = place_notes(document, {0: [parenthetical(first.text, "(X, 2000)")], 2: inner_cited})
    assert shown(placed.blocks[0].inlines) == "A.^ B"
    assert shown(placed.blocks[1].paragraphs[0].inlines) == "**Roberts^*"  # never crosses blocks
    assert placed.blocks[2] == document.blocks[2]
