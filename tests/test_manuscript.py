"""Reading essay.md: front matter, blocks, inline runs and the line numbers they keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperbuild.document import BlockQuote, Code, Emphasis, Heading, Paragraph, Text
from paperbuild.errors import PaperError
from paperbuild.manuscript import read_manuscript


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "essay.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_blocks_and_lines(tmp_path):
    path = write(
        tmp_path,
        "---\ntitle: T\nkeywords: [a, b]\n---\n\nFirst *para*\ncontinues.\n\n## Head\n\n"
        "> Quoted `x` text\n> more.\n",
    )
    doc = read_manuscript(path)
    assert doc.meta.title == "T" and doc.meta.keywords == ("a", "b")
    first, heading, quote = doc.blocks
    assert isinstance(first, Paragraph) and first.line == 6
    assert first.inlines[1] == Emphasis((Text("para", 6),))
    assert first.inlines[2] == Text("\ncontinues.", 6)
    assert isinstance(heading, Heading) and heading.level == 2 and heading.line == 9
    assert isinstance(quote, BlockQuote) and quote.line == 11
    assert Code("x", 11) in quote.paragraphs[0].inlines


def test_typographer_makes_quotes_and_dashes(tmp_path):
    doc = read_manuscript(
        write(tmp_path, '---\ntitle: T\n---\nA "quoted" word -- and it\'s---done.\n')
    )
    assert doc.blocks[0].inlines[0].text == "A “quoted” word – and it’s—done."


def test_keywords_as_comma_string(tmp_path):
    doc = read_manuscript(write(tmp_path, "---\ntitle: T\nkeywords: x, y\n---\nText.\n"))
    assert doc.meta.keywords == ("x", "y")


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("", "the essay is empty", None),
        ("Just text.\n", "no front matter", 1),
        ("---\ntitle: [unclosed\n---\nText.\n", "front matter", 3),
        ("---\nauthor: A\n---\nText.\n", "'title:' is required", None),
        ("---\ntitle: T\ncolour: red\n---\nText.\n", "unknown key 'colour'", None),
        ("---\ntitle: T\nkeywords: {a: b}\n---\nText.\n", "must be a list of words", None),
        ("---\ntitle: T\nauthor: [A, B]\n---\nText.\n", "'author:' must be text", None),
        ("---\ntitle: T\n---\n\n", "no text after its front matter", None),
        ("---\ntitle: T\n---\n- a list\n", "a bulleted list is not supported", 4),
        (b"---\ntitle: T\n---\nbad \xff byte\n", "is not UTF-8", 4),
    ],
    ids=["empty", "no-front-matter", "broken-yaml", "no-title", "unknown-key", "keywords-map",
         "author-list", "no-body",
         "list", "not-utf8"],
)  # fmt: skip
def test_bad_input_names_file_and_line(tmp_path, content, message, line):
    path = write(tmp_path, content)
    with pytest.raises(PaperError) as caught:
        read_manuscript(path)
    assert message in caught.value.message
    assert caught.value.path == path
    assert caught.value.line == line


def test_missing_file(tmp_path):
    with pytest.raises(PaperError, match="file not found"):
        read_manuscript(tmp_path / "essay.md")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("called, \"Plan of Defeat:' and", "called, “Plan of Defeat:’ and"),
        ("the \"might suffer;' he", "the “might suffer;’ he"),
        ('("odd" one)', "(“odd” one)"),
        ("it's the 'end", "it’s the ‘end"),
    ],
    ids=["mismatched-pair", "mismatched-before-word", "paired-in-brackets", "apostrophe-and-open"],
)
def test_unpaired_straight_quotes_are_curled(tmp_path, written, shown):
    doc = read_manuscript(write(tmp_path, f"---\ntitle: T\n---\n{written}\n"))
    assert doc.blocks[0].inlines[0].text == shown


def test_windows_line_endings_read_like_unix_ones(tmp_path):
    doc = read_manuscript(
        write(tmp_path, "---\r\ntitle: T\r\ndate: 2020-01-02\r\n---\r\nA\r\nB.\r\n")
    )
    assert doc.meta.date == "2020-01-02"
    assert doc.blocks[0].inlines[0].text == "A\nB."


def test_front_matter_values_are_text_as_written(tmp_path):
    text = (
        "---\ntitle: 1937\ndate: 2026-13-45\nkeywords: 5\nabstract: |\n  One.\n\n  Two.\n---\nX.\n"
    )
    meta = read_manuscript(write(tmp_path, text)).meta
    assert (meta.title, meta.date, meta.keywords) == ("1937", "2026-13-45", ("5",))
    assert meta.abstract == "One.\n\nTwo."
