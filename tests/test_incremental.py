"""Incremental builds: the input key, the stamp, the lock, and (slow) real rebuilds."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import needs_tex

from paperbuild import incremental
from paperbuild import preamble as preamble_module
from paperbuild.compile import CompileResult
from paperbuild.errors import PaperError
from paperbuild.latex.render import Rendered
from paperbuild.pipeline import build
from paperbuild.preamble import preamble_of


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "essay.md").write_text("---\ntitle: T\n---\n\nWords (Smith, 2001).\n")
    (folder / "sources.txt").write_text("Smith, John. A Book. London: Press, 2001.\n")
    return folder


def test_key_is_stable_and_ignores_timestamps(paper: Path):
    before = incremental.input_key(paper, {"profile": "journal"})
    os.utime(paper / "essay.md", (1, 1))
    assert incremental.input_key(paper, {"profile": "journal"}) == before


def test_key_changes_with_content_options_and_new_files(paper: Path):
    before = incremental.input_key(paper, {"profile": "journal"})
    assert incremental.input_key(paper, {"profile": "handout"}) != before
    (paper / "references.bib").write_text("@book{a, title={A}}\n")
    with_bib = incremental.input_key(paper, {"profile": "journal"})
    assert with_bib != before
    (paper / "essay.md").write_text("---\ntitle: T\n---\n\nOther words.\n")
    assert incremental.input_key(paper, {"profile": "journal"}) not in (before, with_bib)


def test_corrections_beside_the_folder_count(paper: Path):
    before = incremental.input_key(paper, {})
    (paper.parent / "bib").mkdir()
    (paper.parent / "bib" / "corrections.yaml").write_text("{}\n")
    assert incremental.input_key(paper, {}) != before


def test_inputs_exclude_editor_debris_and_other_folders(paper: Path):
    assert incremental.is_input(paper / "essay.md", paper)
    assert incremental.is_input(paper.parent / "bib" / "corrections.yaml", paper)
    assert incremental.is_input(incremental.TEMPLATE_DIR / "base.tex.jinja", paper)
    for debris in (".essay.md.swp", "essay.md~", "#essay.md#", "4913", ".stamp.json"):
        assert not incremental.is_input(paper / debris, paper)
    assert not incremental.is_input(paper.parent / "bib" / "notes.txt", paper)
    assert not incremental.is_input(paper.parent / "build" / "paper.pdf", paper)


def test_fresh_pdf_needs_the_same_key_and_an_untouched_pdf(tmp_path: Path):
    workdir = tmp_path / "build" / "work" / "journal"
    workdir.mkdir(parents=True)
    pdf = tmp_path / "build" / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.5 one")
    assert incremental.fresh_pdf(workdir, "k1") is None
    incremental.write_stamp(workdir, "k1", pdf)
    assert incremental.fresh_pdf(workdir, "k1") == pdf
    assert incremental.fresh_pdf(workdir, "k2") is None
    pdf.write_bytes(b"%PDF-1.5 two")
    assert incremental.fresh_pdf(workdir, "k1") is None
    pdf.unlink()
    assert incremental.fresh_pdf(workdir, "k1") is None


def test_preamble_is_everything_before_begin_document():
    latex = "\\documentclass{article}\n\\usepackage{x}\n\\begin{document}\nHi\n\\end{document}\n"
    assert preamble_of(latex) == "\\documentclass{article}\n\\usepackage{x}\n\\begin{document}\n"
    assert preamble_of("no document here") is None


def fake_tex(monkeypatch, formatted_fails: bool, plain_fails: bool) -> list:
    """compile_fast with TeX replaced: the format dumps, the runs fail as asked."""
    runs: list = []

    def dump(folder, preamble, env):
        (folder / f"{preamble_module.FORMAT}.fmt").write_text("format")
        return None

    def run(folder, jobname, rendered, epoch, fmt=None):
        runs.append(fmt)
        if formatted_fails if fmt else plain_fails:
            raise PaperError("latex", "LaTeX met a command it does not know", "essay.md", 3)
        return CompileResult(folder / "paper.pdf", "")

    monkeypatch.setattr(preamble_module, "require_tools", lambda: None)
    monkeypatch.setattr(preamble_module, "dump_format", dump)
    monkeypatch.setattr(preamble_module, "run_latexmk", run)
    return runs


LATEX = Rendered("\\documentclass{article}\n\\begin{document}\nHi\n\\end{document}\n", "e")


def test_a_format_that_breaks_the_run_is_dropped(monkeypatch, tmp_path: Path):
    runs = fake_tex(monkeypatch, formatted_fails=True, plain_fails=False)
    notes: list[str] = []
    preamble_module.compile_fast(tmp_path, "paper", LATEX, 0, notes.append)
    assert runs == [preamble_module.FORMAT, None]
    assert "compiled without it" in notes[-1]
    assert not (tmp_path / f"{preamble_module.FORMAT}.fmt").exists()


def test_the_documents_own_error_is_reported_and_the_format_kept(monkeypatch, tmp_path: Path):
    fake_tex(monkeypatch, formatted_fails=True, plain_fails=True)
    with pytest.raises(PaperError, match="does not know"):
        preamble_module.compile_fast(tmp_path, "paper", LATEX, 0, lambda _: None)
    assert (tmp_path / f"{preamble_module.FORMAT}.fmt").exists()


def test_second_build_of_a_profile_waits_for_the_first(tmp_path: Path):
    order: list[str] = []
    notes: list[str] = []
    holding = threading.Event()

    def first():
        with incremental.locked(tmp_path, notes.append):
            holding.set()
            time.sleep(0.3)
            order.append("first")

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait(5)
    with incremental.locked(tmp_path, notes.append):
        order.append("second")
    thread.join(5)
    assert order == ["first", "second"]
    assert notes and notes[0].startswith("waiting")


@pytest.mark.slow
@needs_tex
def test_rebuilds_run_only_what_changed(paper_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    work = out / "work" / "journal"
    cold = build(paper_copy, out, say=lambda _: None)
    log, bbl = work / "paper.log", work / "paper.bbl"
    log_time, bbl_time = log.stat().st_mtime_ns, bbl.stat().st_mtime_ns

    said: list[str] = []
    again = build(paper_copy, out, say=said.append)
    assert again.up_to_date and again.pdf == cold.pdf
    assert said[-1].startswith("up to date")
    assert log.stat().st_mtime_ns == log_time  # no TeX ran

    essay = paper_copy / "essay.md"
    text = essay.read_text(encoding="utf-8")
    essay.write_text(text.replace("fascinating", "remarkable", 1), encoding="utf-8")
    edited = build(paper_copy, out, say=lambda _: None)
    assert not edited.up_to_date
    assert log.stat().st_mtime_ns != log_time  # pdflatex ran
    assert bbl.stat().st_mtime_ns == bbl_time  # biber did not: no citation changed


@pytest.mark.slow
@needs_tex
def test_two_builds_of_one_profile_at_once_both_succeed(paper_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    results: list = []
    errors: list[BaseException] = []

    def run():
        try:
            results.append(build(paper_copy, out, say=lambda _: None))
        except BaseException as err:  # reported below, not lost in the thread
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    assert sorted(r.up_to_date for r in results) == [False, True]  # the second waited
    assert results[0].pdf.read_bytes().startswith(b"%PDF")
