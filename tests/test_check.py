"""``invoke check``: the citation report, problems, the build's log and PDF, and ``--strict``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import REPO, copy_paper, needs_tex
from pypdf import PdfWriter
from test_bad_input import invoke, snapshot

from paperbuild.checks import strict_failures
from paperbuild.latex.render import Rendered
from paperbuild.texlog import log_problems

KOTKIN_2017 = (
    "Kotkin, S. (2017). Stalin. Volume II: Waiting for Hitler, 1929-1941. Penguin Press.\n"
)


def check_json(*args: str) -> tuple[dict, int]:
    proc = invoke("check", "--json", *args)
    return json.loads(proc.stdout), proc.returncode  # stdout is exactly one JSON object


def test_seed_report_lists_every_citation_in_order(tmp_path):
    before = snapshot(REPO / "paper")
    report, code = check_json("--build-dir", str(tmp_path))
    assert code == 0
    assert list(report)[:4] == ["citations", "unresolved", "uncited", "problems"]
    lines = [c["line"] for c in report["citations"]]
    assert lines == sorted(lines) and len(lines) > 50
    assert {
        "line": 12,
        "text": "(Whitewood, 2015, pp. 4-5)",
        "items": [
            {"author": "Whitewood", "year": "2015", "locator": "4–5", "key": "whitewood2015"}
        ],
    } in report["citations"]
    assert [(u["line"], u["author"], u["year"]) for u in report["unresolved"]] == [
        (30, "Kotkin", "2017")
    ]
    assert all(isinstance(key, str) for key in report["uncited"])
    assert all({"category", "severity", "message"} <= set(p) for p in report["problems"])
    assert report["pdf"] is None and report["words"]["text"] > 1000
    assert snapshot(REPO / "paper") == before


def test_seed_fails_strict_naming_kotkin_2017(tmp_path):
    proc = invoke("check", "--strict", "--build-dir", str(tmp_path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "paper/essay.md: 67 citations, 1 unresolved" in proc.stdout
    assert "  paper/essay.md:30: (Kotkin, 2017)" in proc.stdout
    message = proc.stderr.strip().splitlines()[-1]
    # The one error is the Kotkin citation itself: named, not counted a second time.
    assert message == "check error: --strict: paper/essay.md:30: Kotkin 2017 is unresolved"


def test_strict_counts_only_the_problems_not_listed_as_unresolved():
    unresolved = {"line": 3, "text": "(Kotkin, 2017)", "author": "Kotkin", "year": "2017"}
    same = {"category": "citation", "severity": "error", "line": 3, "path": "e.md", "key": None,
            "message": "no source for Kotkin 2017 (cited as '(Kotkin, 2017)')"}  # fmt: skip
    other = {**same, "line": 4, "message": "no source for Kotkin 2017 (cited as '(Kotkin 2017)')"}
    warning = {**same, "severity": "warning", "message": "a line sticks into the margin"}
    report = {"unresolved": [unresolved], "problems": [same, other, warning]}
    assert strict_failures(report, "e.md") == [
        "e.md:3: Kotkin 2017 is unresolved", "1 error", "1 warning"
    ]  # fmt: skip
    assert strict_failures({"unresolved": [], "problems": [same]}, "e.md") == ["1 error"]


def test_strict_fails_on_a_citation_of_a_source_left_out(resolved_copy, tmp_path):
    """ "(Smithson, 2017)": an author no source has is an unresolved citation."""
    essay = resolved_copy / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\nOne more (Smithson, 2017).\n", "utf-8")
    proc = invoke("check", "--strict", "--paper", str(resolved_copy), "--build-dir", str(tmp_path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "68 citations, 1 unresolved" in proc.stdout
    assert "error: no source for Smithson 2017 (cited as '(Smithson, 2017)')" in proc.stdout
    assert "Smithson 2017 is unresolved" in proc.stderr


def test_strict_fails_on_a_place_and_date_that_looks_like_a_citation(resolved_copy, tmp_path):
    """ "(Moscow, 2017)" may be a place and a date, so it stays text; but it must not pass."""
    essay = resolved_copy / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\nOne more (Moscow, 2017).\n", "utf-8")
    proc = invoke("check", "--strict", "--paper", str(resolved_copy), "--build-dir", str(tmp_path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "67 citations, 0 unresolved" in proc.stdout
    assert "warning: looks like a citation of Moscow 2017, but no source has that author" in (
        proc.stdout
    )
    assert proc.stderr.strip().endswith("--strict: 1 warning")


@pytest.fixture
def resolved_copy(tmp_path: Path) -> Path:
    """The seed paper alone (normalised on the fly) with Kotkin 2017 added to its sources.

    The reviewed corrections come along, so no doubtful source is left for ``--strict``.
    """
    paper = copy_paper(tmp_path / "paper")
    sources = paper / "sources.txt"
    sources.write_text(sources.read_text(encoding="utf-8") + KOTKIN_2017, encoding="utf-8")
    return paper


def test_strict_passes_once_kotkin_2017_is_in_the_sources(resolved_copy, tmp_path):
    before = snapshot(resolved_copy)
    proc = invoke("check", "--strict", "--paper", str(resolved_copy), "--build-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "67 citations, 0 unresolved" in proc.stdout
    assert snapshot(resolved_copy) == before


@pytest.mark.slow
@needs_tex
def test_check_reads_back_a_fresh_build(resolved_copy, tmp_path):
    build = tmp_path / "build"
    proc = invoke("build", "--paper", str(resolved_copy), "--build-dir", str(build))
    assert proc.returncode == 0, proc.stderr
    report, code = check_json("--strict", "--paper", str(resolved_copy), "--build-dir", str(build))
    assert code == 0, report["problems"]
    pdf = report["pdf"]
    assert pdf["pages"] > 5 and pdf["title"].startswith("The “Red Napoleon” Who Never Was")
    assert pdf["fonts"] and all(f["embedded"] and f["kind"] != "Type3" for f in pdf["fonts"])
    assert report["words"]["notes"] > 100
    assert report["words"]["total"] == report["words"]["text"] + report["words"]["notes"]
    # The same build, named by another spelling of the paper's path (invoke runs in REPO).
    spelled = os.path.relpath(resolved_copy, REPO)
    again, _ = check_json("--paper", spelled, "--build-dir", str(build))
    assert again["pdf"] == pdf


# -- a build folder made by hand: fast checks of the log and PDF paths ---------------------------

ESSAY = "---\ntitle: A Test\n---\n\nOne line.\n\nA second paragraph (Smith, 2001).\n"
TEX = (
    "\\begin{document}\n%% ESSAY:5\nOne line.\n\n"
    "%% ESSAY:7\nA second paragraph\\autocite{smith2001}.\n"
)
LOG = """\
Overfull \\hbox (14.5pt too wide) in paragraph at lines 6--6
Overfull \\hbox (2.0pt too wide) in paragraph at lines 3--3
LaTeX Warning: Citation `smith2001' on page 1 undefined on input line 6.
Missing character: There is no ^^A in font lmr10!
(./paper.bbl
Overfull \\hbox (30.0pt too wide) in paragraph at lines 12--14
)
"""


def fake_build(tmp_path: Path) -> tuple[Path, Path]:
    paper = tmp_path / "paper"
    paper.mkdir()
    (paper / "essay.md").write_text(ESSAY, encoding="utf-8")
    (paper / "sources.txt").write_text("Smith, J. (2001). A Book. Yale UP.\n", encoding="utf-8")
    build = tmp_path / "build"
    work = build / "work" / "journal"
    work.mkdir(parents=True)
    (work / "paper.tex").write_text(TEX.replace("ESSAY", str(paper / "essay.md")), encoding="utf-8")
    (work / "paper.log").write_text(LOG, encoding="utf-8")
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "A Test"})
    writer.write(build / "paper.pdf")
    return paper, build


def test_log_and_pdf_of_the_last_build(tmp_path):
    paper, build = fake_build(tmp_path)
    report, code = check_json("--paper", str(paper), "--build-dir", str(build))
    assert code == 0
    essay = str(paper / "essay.md")
    latex = [(p["severity"], p["path"], p["line"], p["message"]) for p in report["problems"]
             if p["category"] == "latex"]  # fmt: skip
    assert latex == [
        ("warning", essay, 7, "a line sticks 14pt into the margin; rephrase or allow a break"),
        ("warning", None, None, "a bibliography entry sticks 30pt into the margin; "
         "rephrase or allow a break"),
        ("warning", essay, None, "font lmr10 has no ^^A; it is missing from the PDF"),
        ("warning", essay, 7, "citation 'smith2001' is undefined (printed as its key)"),
    ]  # fmt: skip
    assert report["pdf"] == {"path": str(build / "paper.pdf"), "pages": 1, "title": "A Test",
                             "fonts": []}  # fmt: skip
    assert report["words"] == {"text": 5, "notes": 0, "total": 5}


def test_a_build_older_than_the_paper_is_named_not_read(tmp_path):
    paper, build = fake_build(tmp_path)
    stamp = (paper / "essay.md").stat().st_mtime - 60
    for output in (build / "paper.pdf", build / "work" / "journal" / "paper.log"):
        os.utime(output, (stamp, stamp))
    proc = invoke("check", "--strict", "--paper", str(paper), "--build-dir", str(build))
    assert "is older than the paper: run 'invoke build'" in proc.stdout
    assert "margin" not in proc.stdout
    assert proc.returncode == 0, proc.stderr


def test_another_papers_build_is_ignored(tmp_path):
    paper, build = fake_build(tmp_path)
    (build / "work" / "journal" / "paper.tex").write_text("%% paper/essay.md:5\n", "utf-8")
    report, _ = check_json("--paper", str(paper), "--build-dir", str(build))
    assert report["pdf"] is None
    assert not [p for p in report["problems"] if p["category"] == "latex"]


@pytest.mark.parametrize("built_as", ["relative", "absolute"])
def test_the_build_is_found_however_the_paper_path_was_spelled(tmp_path, built_as):
    """Built with ``--paper paper`` and checked with ``--paper /abs/paper``, or the reverse."""
    paper, build = fake_build(tmp_path)
    essay = paper / "essay.md"
    relative = os.path.relpath(essay, REPO)  # invoke runs in REPO
    marker, checked = (relative, paper) if built_as == "relative" else (essay, relative[:-9])
    (build / "work" / "journal" / "paper.tex").write_text(
        TEX.replace("ESSAY", str(marker)), encoding="utf-8"
    )
    report, _ = check_json("--paper", str(checked), "--build-dir", str(build))
    assert report["pdf"] is not None
    assert [p["line"] for p in report["problems"] if p["category"] == "latex"][:1] == [7]


def test_the_essay_the_build_recorded_decides_from_any_folder(tmp_path):
    """A build run elsewhere wrote a relative marker; the absolute path it recorded decides."""
    paper, build = fake_build(tmp_path)
    work = build / "work" / "journal"
    (work / "paper.tex").write_text(TEX.replace("ESSAY", "paper/essay.md"), encoding="utf-8")
    (work / ".essay-path").write_text(f"{paper / 'essay.md'}\n", encoding="utf-8")
    report, _ = check_json("--paper", str(paper), "--build-dir", str(build))
    assert report["pdf"] is not None
    (work / ".essay-path").write_text(f"{REPO / 'paper' / 'essay.md'}\n", encoding="utf-8")
    report, _ = check_json("--paper", str(paper), "--build-dir", str(build))
    assert report["pdf"] is None


def test_a_failed_build_is_an_error():
    log = "./paper.tex:4: Undefined control sequence.\nl.4 a \\oops\n        more\n"
    rendered = Rendered("x\n%% essay.md:9\nfine\na \\oops more\n", "essay.md")
    [problem] = log_problems(log, rendered)
    assert (problem.severity, problem.path, problem.line) == ("error", "essay.md", 10)
    assert problem.message.startswith("the last build failed: LaTeX met a command it does not")
    assert "\\oops" in problem.message


def test_a_template_correction_that_no_longer_applies_is_a_warning():
    log = (
        "Package paperbuild Warning: biblatex-chicago changed: its article notes keep their "
        "trailing comma on input line 12.\n"
    )
    [problem] = log_problems(log, Rendered("x\n", "essay.md"))
    assert problem.severity == "warning"
    assert problem.message == (
        "biblatex-chicago changed: its article notes keep their trailing comma"
    )


def test_markdown_footnotes_are_warnings_with_lines(tmp_path):
    """A "[^1]" mark and its "[^1]: …" text are not read: each line holding one is named."""
    paper, _ = fake_build(tmp_path)
    text = ESSAY + "\nThe purge was swift.[^1]\n\n[^1]: On its timing, see the files.\n"
    (paper / "essay.md").write_text(text, encoding="utf-8")
    proc = invoke("check", "--paper", str(paper), "--build-dir", str(tmp_path / "none"))
    essay = paper / "essay.md"
    warned = [line for line in proc.stdout.splitlines() if "is a Markdown footnote" in line]
    assert [line.split(": warning")[0].strip() for line in warned] == [f"{essay}:9", f"{essay}:11"]


def test_characters_the_fonts_lack_are_warnings_with_lines(tmp_path):
    paper, _ = fake_build(tmp_path)
    (paper / "essay.md").write_text(ESSAY + "\nA smile 😀 and 漢.\n", encoding="utf-8")
    proc = invoke("check", "--strict", "--paper", str(paper), "--build-dir", str(tmp_path / "none"))
    essay = paper / "essay.md"
    assert f"{essay}:9: warning: character U+1F600 (GRINNING FACE) cannot be typeset" in proc.stdout
    assert f"{essay}:9: warning: character U+6F22" in proc.stdout
    assert proc.returncode == 1 and proc.stderr.strip().endswith("--strict: 2 warnings")
