"""Fuzzing a paper folder: any essay.md and sources.txt end in LaTeX ready for TeX (and then
a PDF) or in one clean line with exit 1, quickly, and leave the folder as it was.

The generators mix what broke builds before: random Unicode with right-to-left text,
combining marks and control characters (NUL among them), bytes that are not UTF-8, huge
lines, hundreds of citations in one parenthesis, deep nesting, and empty or blank
sections. Reading, citing and rendering run in-process through ``cli.guard``, the one
place failures become exits, so each case costs milliseconds; a few cases then go
through ``invoke build`` with TeX. Crashes inside the Sources-list parser surface here
as "internal error" through its public entry point ``normalise_sources``.
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import needs_tex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invoke import Exit
from test_bad_input import invoke, snapshot
from test_odd_input import read

from paperbuild import cli

#: Seconds one case may take to read, cite and render: a line of 200,000 link brackets
#: takes markdown-it some 4 s on one shared core.
TIME_LIMIT = 15
NAMES = ["Smith", "Whitewood", "Хлевнюк", "Broué", "O'Neil", "van Ree", "שלום", "محمد"]

rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)  # Hebrew and Arabic
combining = st.characters(categories=["Mn", "Mc", "Me"])
control = st.characters(categories=["Cc", "Cf"])  # NUL, escapes, bidi overrides
markup = st.sampled_from(list(" *_[]()\"'>#-`\\{}%$&~^<!|:;,.0123456789\t"))
anything = st.characters(exclude_categories=["Cs"])
years = st.one_of(st.sampled_from(["2001", "2015"]), st.integers(1000, 2100).map(str))  # some match
text = st.text(st.one_of(anything, rtl, combining, control, markup), max_size=60)


@st.composite
def citation(draw) -> str:
    name, year = draw(st.sampled_from(NAMES)), draw(years)
    locator = draw(st.sampled_from(["", ", p. 4", ", pp. 4-5", ": 45", ", ch. 3"]))
    return f"{name}, {year}{locator}"


many_in_one = st.builds(
    lambda items: "(" + "; ".join(items) + ")", st.lists(citation(), min_size=100, max_size=400)
)


def huge_lines(most: int):
    """A short unit repeated into one line of up to ``most`` characters."""
    return st.builds(
        lambda unit, size: (unit * (size // len(unit) + 1))[:size],
        st.text(min_size=1, max_size=8),
        st.integers(1, most),
    )


openers = st.sampled_from(["*", "_", "**", "[", "(", '"', "> ", "`", "<"])
deep = st.builds(
    lambda opener, depth, word: opener * depth + word + opener[::-1] * depth,
    openers,
    st.integers(10, 5000),
    text,
)
blank = st.sampled_from(["", " ", "\t", "   \n  ", "\u00a0", "\u2028"])
prose = st.builds(lambda words, cited: f"{words} ({cited}).", text, citation())
section = st.one_of(prose, text, many_in_one, huge_lines(200_000), deep, blank, st.just("## x"))
titles = st.one_of(st.just("A Title"), text.map(lambda t: '"' + t.replace('"', "") + '"'))


@st.composite
def essays(draw) -> bytes:
    title = draw(titles)
    body = "\n\n".join(draw(st.lists(section, max_size=6)))
    data = f"---\ntitle: {title}\n---\n\n{body}\n".encode()
    return draw(with_bad_bytes(data))


reference = st.builds(
    lambda name, year, title: f"{name}, J. ({year}). {title}. Yale University Press.",
    st.sampled_from(NAMES),
    years,
    st.one_of(st.sampled_from(["A Book about Things", "Сталин и армия", "ספר"]), text),
)
# Kept to 5,000 characters: the Sources-list parser is quadratic on some long lines
# (initials "A. A. A. ...", URLs, page ranges), which is reported to its maintainer.
source_line = st.one_of(reference, text, huge_lines(5_000), blank, deep)


@st.composite
def source_lists(draw) -> bytes:
    data = "\n".join(draw(st.lists(source_line, max_size=8))).encode()
    return draw(with_bad_bytes(data))


@st.composite
def with_bad_bytes(draw, data: bytes) -> bytes:
    """``data``, sometimes with bytes inserted that are not UTF-8."""
    if draw(st.integers(0, 4)) != 0:
        return data
    at = draw(st.integers(0, len(data)))
    return (
        data[:at]
        + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]))
        + (data[at:])
    )


def write_paper(root: Path, essay: bytes, sources: bytes) -> Path:
    paper = root / "paper"
    paper.mkdir(parents=True)
    (paper / "essay.md").write_bytes(essay)
    (paper / "sources.txt").write_bytes(sources)
    return paper


def outcome(paper: Path) -> str:
    """ "latex" when the paper is ready for TeX, else the one line it fails with (exit 1)."""
    try:
        cli.guard(read, paper)
    except Exit as exit:
        message = str(exit.message)
        assert exit.code == 1, message  # 70 would be "internal error": a bug
        assert "\n" not in message and "Traceback" not in message
        return message
    return "latex"


@settings(
    max_examples=100,
    deadline=timedelta(seconds=TIME_LIMIT),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
@given(essay=essays(), sources=source_lists())
def test_any_folder_reads_into_latex_or_one_clean_line(essay: bytes, sources: bytes):
    with tempfile.TemporaryDirectory() as root:
        paper = write_paper(Path(root), essay, sources)
        before = snapshot(paper)
        outcome(paper)
        assert snapshot(paper) == before


SAMPLES = 3  # compiled through `invoke build`, so the whole fuzz test stays under a minute


@pytest.mark.slow
@needs_tex
def test_a_sample_builds_into_a_pdf_or_one_clean_line(tmp_path: Path):
    """The largest few generated folders that read cleanly and stay small enough for TeX to
    be quick go through the real command line; each ends in a PDF (exit 0) or one line with
    exit 1, within the time limit."""
    ready: list[tuple[bytes, bytes]] = []

    @settings(max_examples=40, database=None, suppress_health_check=list(HealthCheck))
    @given(essay=essays(), sources=source_lists())
    def collect(essay, sources):
        with tempfile.TemporaryDirectory() as root:
            small = len(essay) + len(sources) < 20_000  # TeX's time grows with the text
            if small and outcome(write_paper(Path(root), essay, sources)) == "latex":
                ready.append((essay, sources))

    collect()
    assert ready, "no generated folder was ready for TeX"
    ready.sort(key=lambda pair: len(pair[0]) + len(pair[1]), reverse=True)
    for number, (essay, sources) in enumerate(ready[:SAMPLES]):
        paper = write_paper(tmp_path / str(number), essay, sources)
        before = snapshot(paper)
        build = tmp_path / "build"
        start = time.monotonic()
        proc = invoke("build", "--paper", str(paper), "--build-dir", str(build))
        assert time.monotonic() - start < 60
        output = proc.stdout + proc.stderr
        assert "Traceback" not in output and "internal error" not in output
        if proc.returncode == 0:
            assert (build / "paper.pdf").is_file()
        else:
            assert proc.returncode == 1, output
            [line] = proc.stderr.strip().splitlines()
            assert " error: " in line
        assert snapshot(paper) == before
