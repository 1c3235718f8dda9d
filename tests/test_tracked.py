"""Word's tracked changes, on small pandoc documents: the merge of two versions (accepting every
change gives the new one, rejecting every change the old one), its word-level granularity,
notes as units, and who and when; then one small file through pandoc, read back."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_diff_docx import parts, revised_text
from test_hostile_text import HOSTILE_LINES, HOSTILE_TITLE

from paperbuild.citations.model import Citation, CiteItem
from paperbuild.document import Document, FrontMatter, Note, Paragraph, Text
from paperbuild.docx.layout import WordLayout
from paperbuild.docx.pandoc_json import text_inlines
from paperbuild.docx.readback import tracked_note_words
from paperbuild.docx.tracked import DELETION, INSERTION, Reviser, merge_documents
from paperbuild.docx.write_tracked import REVISER, reviser, write_tracked_docx
from paperbuild.worddiff import coarse_opcodes, heaviest_chain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD_HEADING = "The Background of the Red Army Opposition in the Stalin-era"
NEW_HEADING = "Origins of the Army’s Opposition to Stalin"
BY = Reviser("Ann Historian", "2026-11-25T00:00:00Z")

# -- pandoc documents, and what they read as --------------------------------------------------


def para(text: str, *notes: str) -> dict:
    """A paragraph of words, each note (its words) after them."""
    return {"t": "Para", "c": text_inlines(text) + [note(words) for words in notes]}


def note(text: str, cites: tuple[str, ...] = ()) -> dict:
    """A note; with ``cites``, its words are citeproc's for a Cite of those works."""
    content = text_inlines(text)
    if cites:
        citations = [{"citationId": key} for key in cites]
        content = [{"t": "Cite", "c": [citations, content]}]
    return {"t": "Note", "c": [{"t": "Para", "c": content}]}


def document(*blocks: dict, title: str = "T") -> dict:
    meta = {"title": {"t": "MetaInlines", "c": text_inlines(title)}}
    return {"pandoc-api-version": [1, 23], "meta": meta, "blocks": list(blocks)}


def read(value, keep: str | None) -> str:
    """The text of a document or inlines, keeping one kind of change (None: both, marked)."""
    if isinstance(value, list):
        return "".join(read(item, keep) for item in value)
    kind, content = value.get("t"), value.get("c")
    if kind == "Str":
        return content
    if kind == "Space":
        return " "
    if kind == "Note":
        return "[" + " | ".join(read(block, keep) for block in content) + "]"
    if kind == "Span" and set(content[0][1]) & {INSERTION, DELETION}:
        change = content[0][1][0]
        if keep is None:
            return f"{'+' if change == INSERTION else '-'}{{{read(content[1], keep)}}}"
        return read(content[1], keep) if change == keep else ""
    if kind in ("Para", "Emph", "Strong"):
        return read(content, keep)
    if kind in ("Span", "Cite"):
        return read(content[1], keep)
    if kind == "Header":
        return read(content[2], keep)
    if kind in ("BlockQuote",):
        return "\n".join(read(block, keep) for block in content)
    if kind == "Div":
        return "\n".join(read(block, keep) for block in content[1])
    raise AssertionError(f"unexpected {kind}")


def paragraphs(doc: dict, keep: str | None) -> list[str]:
    """Each paragraph's text; one left empty by accepting or rejecting is gone, as its
    mark is in Word."""
    texts = [read(block, keep) for block in doc["blocks"]]
    return [text for text in texts if text.strip() or keep is None]


def merged(old: dict, new: dict) -> dict:
    return merge_documents(old, new, BY)


# -- the merge ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ([para("a b c d e f")], [para("a b c d e f")], ["a b c d e f"]),
        ([para("one two three four five")], [para("one two six four five")],
         ["one two -{three}+{six} four five"]),
        # One or two kept words between two changes belong to the change.
        ([para("in 1937 the army was an obstacle to him and his circle")],
         [para("in 1937 the army stood in the way of him and his circle")],
         ["in 1937 the army -{was an obstacle to}+{stood in the way of} him and his circle"]),
        ([para("kept paragraph here"), para("gone paragraph entirely")],
         [para("kept paragraph here")],
         ["kept paragraph here", "-{gone paragraph entirely}"]),
        ([para("the moved paragraph"), para("second paragraph"), para("third paragraph")],
         [para("second paragraph"), para("third paragraph"), para("the moved paragraph")],
         ["-{the moved paragraph}", "second paragraph", "third paragraph",
          "+{the moved paragraph}"]),
        # Of a paragraph moved and another changed, the shorter is shown moved.
        ([para("a long paragraph of many words that was changed"), para("short one")],
         [para("short one"), para("a long paragraph of many words that was edited")],
         ["+{short one}", "a long paragraph of many words that was -{changed}+{edited}",
          "-{short one}"]),
        # One paragraph rewritten in its place is one paragraph, its words replaced.
        ([para("kept"), para(OLD_HEADING), para("also kept")],
         [para("kept"), para(NEW_HEADING), para("also kept")],
         ["kept", f"-{{{OLD_HEADING}}}+{{{NEW_HEADING}}}", "also kept"]),
        ([para("some text here.", "old note words")],
         [para("some text here.", "old note words"), para("a new paragraph", "its note")],
         ["some text here.[old note words]", "+{a new paragraph[+{its note}]}"]),
    ],
    ids=["same", "one-word", "short-gap-joined", "paragraph-removed", "paragraph-moved",
         "moved-and-changed", "rewritten-in-place", "paragraph-with-note-added"],
)  # fmt: skip
def test_paragraphs_and_words(old, new, shown):
    result = merged(document(*old), document(*new))
    assert paragraphs(result, None) == shown


def test_a_note_citing_the_same_work_in_other_words_keeps_its_mark():
    old = document({"t": "Para", "c": [*text_inlines("Text."), note("Roberts, 19.", ("r",))]})
    new = document({"t": "Para", "c": [*text_inlines("Text."), note("Roberts, 20.", ("r",))]})
    assert paragraphs(merged(old, new), None) == ["Text.[-{Roberts, 19.}+{Roberts, 20.}]"]


def test_a_note_citing_another_work_is_replaced_whole():
    old = document({"t": "Para", "c": [*text_inlines("Text."), note("Roberts, 19.", ("r",))]})
    new = document({"t": "Para", "c": [*text_inlines("Text."), note("Kotkin, 5.", ("k",))]})
    assert paragraphs(merged(old, new), None) == ["Text.-{[-{Roberts, 19.}]}+{[+{Kotkin, 5.}]}"]


def test_emphasis_is_kept_around_a_change():
    emphasised = {"t": "Emph", "c": text_inlines("a long title here")}
    changed = {"t": "Emph", "c": text_inlines("a short title here")}
    result = merged(
        document({"t": "Para", "c": [emphasised]}), document({"t": "Para", "c": [changed]})
    )
    [block] = result["blocks"]
    assert [item["t"] for item in block["c"]] == ["Emph", "Span", "Span", "Emph"]
    assert read(block, None) == "a -{long}+{short} title here"


def test_block_quotation_and_styled_blocks_keep_their_containers():
    def quoted(text: str) -> dict:
        return {"t": "BlockQuote", "c": [para("before it"), para(text)]}

    styled = {"t": "Div", "c": [["", [], [["custom-style", "Abstract"]]], [para("abstract")]]}
    old = document(styled, quoted("despite the danger of it"))
    new = document(styled, quoted("despite the risk of it"))
    result = merged(old, new)
    assert [block["t"] for block in result["blocks"]] == ["Div", "BlockQuote"]
    assert result["blocks"][0] == styled
    assert read(result["blocks"][1], None) == "before it\ndespite the -{danger}+{risk} of it"


def test_the_title_is_tracked_too():
    result = merged(document(title="The Red Napoleon"), document(title="The Red Bonaparte"))
    title = result["meta"]["title"]["c"]
    assert read(title, None) == "The Red -{Napoleon}+{Bonaparte}"


def test_every_change_names_its_author_and_date():
    result = merged(document(para("a b c")), document(para("a x c")))
    spans = [item for item in result["blocks"][0]["c"] if item["t"] == "Span"]
    assert spans and all(
        span["c"][0][2] == [["author", BY.author], ["date", BY.date]] for span in spans
    )


WORDS = st.sampled_from(
    ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "Наполеон", "«красным»", "19.", "20."]
)
PARAGRAPH = st.tuples(st.lists(WORDS, min_size=1, max_size=8), st.lists(WORDS, max_size=3))


def build(paragraph_specs: list[tuple[list[str], list[str]]]) -> dict:
    blocks = [para(" ".join(words), *([" ".join(notes)] if notes else []))
              for words, notes in paragraph_specs]  # fmt: skip
    return document(*blocks)


@settings(max_examples=150, deadline=None)
@given(st.lists(PARAGRAPH, max_size=5), st.lists(PARAGRAPH, max_size=5))
def test_accepting_gives_the_new_version_and_rejecting_the_old(old_specs, new_specs):
    old, new = build(old_specs), build(new_specs)
    result = merged(old, new)
    assert paragraphs(result, INSERTION) == paragraphs(new, INSERTION)
    assert paragraphs(result, DELETION) == paragraphs(old, DELETION)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a b c", "a b c", [("equal", 0, 3, 0, 3)]),
        ("a b c d", "a x c d", [("equal", 0, 1, 0, 1), ("replace", 1, 2, 1, 2),
                                ("equal", 2, 4, 2, 4)]),
        ("w x k y z", "w p k q z", [("equal", 0, 1, 0, 1), ("replace", 1, 4, 1, 4),
                                    ("equal", 4, 5, 4, 5)]),
        ("a b", "", [("replace", 0, 2, 0, 0)]),
    ],
    ids=["same", "one-word", "kept-word-joined", "all-removed"],
)  # fmt: skip
def test_coarse_opcodes(old, new, expected):
    assert coarse_opcodes(old.split(), new.split()) == expected


@pytest.mark.parametrize(
    ("pairs", "chain"),
    [
        ([], []),
        ([(0, 0, 1), (1, 1, 1), (2, 2, 1)], [(0, 0), (1, 1), (2, 2)]),
        ([(0, 1, 5), (1, 0, 9)], [(1, 0)]),  # crossing: the heavier stays
        ([(0, 2, 4), (1, 0, 2), (2, 1, 3)], [(1, 0), (2, 1)]),  # two light beat one heavy
        ([(0, 0, 1), (0, 1, 1), (1, 1, 1)], [(0, 0), (1, 1)]),  # each place used once
    ],
    ids=["none", "in-order", "crossing", "two-light", "one-each"],
)
def test_heaviest_chain(pairs, chain):
    assert heaviest_chain(pairs) == chain


# -- who and when ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "anonymous", "shown"),
    [("Ann Historian", False, "Ann Historian"), ("Ann Historian", True, REVISER),
     (None, False, REVISER)],
    ids=["named", "anonymous", "no-author"],
)  # fmt: skip
def test_the_reviser_is_the_author_unless_anonymous(author, anonymous, shown):
    paper = Document(FrontMatter(title="T", author=author), (), "essay.md")
    made = reviser(paper, WordLayout(anonymous=anonymous), 1_764_547_200)
    assert made == Reviser(shown, "2025-12-01T00:00:00Z")


# -- through pandoc ----------------------------------------------------------------------------


def unresolved_note(year: str) -> Note:
    """A note citing a work the sources lack, which needs no bibliography to print."""
    item = CiteItem("Kotkin", ("Kotkin",), False, year, None, None)
    return Note((Citation("parenthetical", f"(Kotkin, {year})", 0, 1, 0, 1, (item,)),), 1)


def small(last: str, year: str, *between: str, title: str = "Тухачевский") -> Document:
    blocks = [Paragraph((Text("Kept first paragraph.", 1), unresolved_note(year)), 1)]
    blocks += [Paragraph((Text(text, 1),), 1) for text in (*between, last)]
    return Document(FrontMatter(title=title, author="Ann Historian"), tuple(blocks), "essay.md")


@pytest.fixture(scope="module")
def small_file(tmp_path_factory) -> dict:
    old = small("Он был «красным Бонапартом».", "2017", "Deleted paragraph whole.")
    new = small("Он был «красным Наполеоном».", "2018", title="Тухачевский, 1937")
    layout = WordLayout(bibliography=False, notes="endnotes")
    folder = tmp_path_factory.mktemp("tracked")
    path = write_tracked_docx(old, "", new, "", layout, folder, 1_764_547_200)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    return {"path": path, "parts": parts, "document": etree.fromstring(parts["word/document.xml"])}


def changes(root: etree._Element) -> list[tuple[str, str]]:
    return [
        (change.tag.removeprefix(W), "".join(change.itertext()))
        for change in root.iter(f"{W}ins", f"{W}del")
    ]


def test_word_marks_the_words_and_the_whole_paragraphs(small_file):
    shown = changes(small_file["document"])
    assert ("del", "Deleted paragraph whole.") in shown
    assert ("del", "Бонапартом».") in shown and ("ins", "Наполеоном».") in shown
    assert ("del", "Тухачевский") in shown and ("ins", "Тухачевский, 1937") in shown
    marks = small_file["document"].findall(f".//{W}pPr/{W}rPr/{W}del")
    assert len(marks) == 1  # the deleted paragraph's mark goes with it


def test_a_changed_note_is_tracked_among_endnotes(small_file):
    endnotes = etree.fromstring(small_file["parts"]["word/endnotes.xml"])
    assert changes(endnotes) == [
        ("del", "[?? Kotkin, 2017: not in the sources]."),
        ("ins", "[?? Kotkin, 2018: not in the sources]."),
    ]
    assert tracked_note_words(small_file["path"]) == {"added": 6, "removed": 6}


def test_change_ids_are_unique_and_dated(small_file):
    elements = list(small_file["document"].iter(f"{W}ins", f"{W}del"))
    elements += etree.fromstring(small_file["parts"]["word/endnotes.xml"]).iter(
        f"{W}ins", f"{W}del"
    )
    ids = [element.get(f"{W}id") for element in elements]
    assert len(ids) == len(set(ids)) >= 4
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in elements} == {
        ("Ann Historian", "2025-12-01T00:00:00Z")
    }


def test_the_properties_carry_the_new_title(small_file):
    core = etree.fromstring(small_file["parts"]["docProps/core.xml"])
    [title] = core.iter("{http://purl.org/dc/elements/1.1/}title")
    assert title.text == "Тухачевский, 1937"


def test_hostile_text_stays_text_in_both_versions(tmp_path):
    """Essay text that looks like LaTeX, JSON or markup comes through the merge and pandoc
    literally: accepting gives the new lines, rejecting the old ones."""

    def paper(lines: list[str]) -> Document:
        blocks = tuple(Paragraph((Text(line, 1),), 1) for line in lines)
        return Document(FrontMatter(title=HOSTILE_TITLE), blocks, "essay.md")

    old_lines = [*HOSTILE_LINES, '{"t": "Span", "c": [["", ["deletion"], []], []]} here.']
    new_lines = [line.replace(" here.", " there.") for line in old_lines]
    layout = WordLayout(bibliography=False)
    path = write_tracked_docx(paper(old_lines), "", paper(new_lines), "", layout, tmp_path, 0)
    package = parts(path)
    for accept, lines in ((True, new_lines), (False, old_lines)):
        body = revised_text(package, accept)["body"]
        assert body[0] == HOSTILE_TITLE and body[1:] == lines
