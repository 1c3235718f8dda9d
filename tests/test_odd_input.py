"""Odd input that once crashed or failed for the wrong reason: deep nesting, an overlong word,
a line longer than TeX can read, a library's message spanning several lines.

Each ends in a PDF or in one line at the essay's line, never in "internal error".
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import needs_tex
from test_bad_input import ESSAY, assert_clean_failure, invoke, make_paper, snapshot

from paperbuild.compile import LONGEST_LINE, check_line_lengths
from paperbuild.errors import PaperError
from paperbuild.latex.escape import BREAK_EVERY, LONG_WORD, WORD_BREAK, breakable, escape
from paperbuild.manuscript import MAX_PAIRED_QUOTES
from paperbuild.paper import load_paper
from paperbuild.profiles import get_profile
from paperbuild.stages import analyse, render

FRONT = '---\ntitle: "Odd"\n---\n\n'
DEPTH = 5000  # the 5,000 asterisks

NESTED = {
    "asterisks": "*" * DEPTH + "word" + "*" * DEPTH,
    "underscores": "_" * DEPTH + "word" + "_" * DEPTH,
    "strong": "**" * DEPTH + "word" + "**" * DEPTH,
    "emphasis in emphasis": "*a " * DEPTH + "word" + " b*" * DEPTH,
    "quotations": "> " * DEPTH + "word",
}
NESTING_ERRORS = {
    "quotations": "essay.md:5: a quotation inside a quotation is not supported",
}
LITERAL = {  # nesting Markdown does not give meaning to prints as written
    "brackets": "[" * DEPTH + "word" + "]" * DEPTH,
    "parentheses": "(" * DEPTH + "Smith, 2001" + ")" * DEPTH,
    "quotes": '"' * DEPTH + "word" + '"' * DEPTH,
    "links in links": "[a " * DEPTH + "word" + "](u)" * DEPTH,  # a link cannot hold a link
}


def read(folder: Path):
    """What a build does before TeX: read, cite, render, and check the lines fit TeX."""
    rendered = render(analyse(load_paper(folder)), get_profile("journal"))
    check_line_lengths(rendered)
    return rendered


@pytest.mark.parametrize("case", NESTED)
def test_deep_nesting_is_one_line_at_the_essay_line(tmp_path: Path, case):
    paper = make_paper(tmp_path / "paper", essay=FRONT + NESTED[case] + "\n")
    expected = NESTING_ERRORS.get(case, "essay.md:5: emphasis or links nested more than 20 deep")
    with pytest.raises(PaperError) as raised:
        read(paper)
    assert str(raised.value).startswith("manuscript error: ")
    assert expected in str(raised.value)


@pytest.mark.parametrize("case", LITERAL)
def test_deep_nesting_without_markup_prints_literally(tmp_path: Path, case):
    paper = make_paper(tmp_path / "paper", essay=FRONT + LITERAL[case] + "\n")
    latex = read(paper).latex
    assert latex.count("word") + latex.count("Smith") >= 1


def test_more_quotes_than_markdown_it_pairs_are_curled_by_position(tmp_path: Path):
    """Past MAX_PAIRED_QUOTES in a block, markdown-it's quadratic pairing is skipped."""
    line = '"a" ' * (MAX_PAIRED_QUOTES // 2 + 1) + "it's"
    paper = make_paper(tmp_path / "paper", essay=FRONT + line + "\n")
    [paragraph] = load_paper(paper).document.blocks
    [run] = paragraph.inlines
    assert run.text == "“a” " * (MAX_PAIRED_QUOTES // 2 + 1) + "it’s"


def test_deep_nesting_through_the_command_line(tmp_path: Path):
    paper = make_paper(tmp_path / "paper", essay=FRONT + NESTED["asterisks"] + "\n")
    before = snapshot(paper)
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(tmp_path / "build"))
    assert_clean_failure(proc, f"manuscript error: {paper / 'essay.md'}:5: emphasis or links")
    assert snapshot(paper) == before


# -- overlong words ------------------------------------------------------------------------------

BREAKS = {
    "short word untouched": ("a" * LONG_WORD, ["a" * LONG_WORD]),
    "long word cut every few letters": (
        "b" * (LONG_WORD + 1),
        ["b" * BREAK_EVERY] * (LONG_WORD // BREAK_EVERY) + ["b"],
    ),
    "spaces end a run": ("a " * 30 + "c" * (LONG_WORD + 5), None),
    "a combining mark stays with its letter": (
        "q\u0301" * 30,
        ["q\u0301" * 5] * 6,
    ),
}


@pytest.mark.parametrize("case", BREAKS)
def test_where_an_overlong_word_may_break(case):
    text, pieces = BREAKS[case]
    found = breakable(text)
    assert "".join(found) == text
    if pieces is not None:
        assert found == pieces
    for piece in found[1:]:
        assert piece and not piece[0].isspace()


def test_a_long_run_with_a_special_character_is_escaped_in_each_piece():
    latex = escape("x" * 9 + "\\" + "y" * 40)
    assert (
        latex
        == "x" * 9
        + r"\textbackslash{}"
        + WORD_BREAK
        + "y" * 10
        + WORD_BREAK
        + ("y" * 10 + WORD_BREAK) * 2
        + "y" * 10
    )


@pytest.mark.slow
@needs_tex
def test_a_200000_character_word_typesets(tmp_path: Path):
    """The issue's case: it failed with "biber failed: paper.bcf is malformed"."""
    word = "a" * 200_000
    paper = make_paper(tmp_path / "paper", essay=FRONT + f"Start {word} end.\n")
    before = snapshot(paper)
    build = tmp_path / "build"
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(build))
    assert proc.returncode == 0, proc.stderr
    text = subprocess.run(
        ["pdftotext", str(build / "paper.pdf"), "-"], capture_output=True, text=True
    ).stdout
    printed = "".join(text.split())
    run = printed[printed.index("Start") + len("Start") : printed.index("end.")]
    assert set(run) - {"a"} <= set("ODdo0123456789")  # the running heads: "Odd" and the page
    assert run.count("a") == len(word)
    assert snapshot(paper) == before


def test_a_line_longer_than_tex_reads_is_refused_at_its_essay_line(tmp_path: Path):
    """Escaped, each caret takes 18 bytes: more than TeX's buffer holds on one line."""
    carets = "^" * (LONGEST_LINE // 18 + 1)
    paper = make_paper(tmp_path / "paper", essay=ESSAY + f"\n{carets}\n")
    with pytest.raises(PaperError) as raised:
        read(paper)
    message = str(raised.value)
    assert message.startswith(f"latex error: {paper / 'essay.md'}:7: a line is too long for TeX")
    assert "break it into shorter lines or paragraphs" in message


def test_a_library_message_over_several_lines_prints_as_one(tmp_path: Path):
    paper = make_paper(tmp_path / "paper")
    (paper / "corrections.yaml").write_text("smith2001: [unclosed\n  - x: {\n", encoding="utf-8")
    with pytest.raises(PaperError) as raised:
        load_paper(paper)
    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith(f"bibliography error: {paper / 'corrections.yaml'}: ")
