"""Incremental builds: the input key, the stamp, the lock, and (slow) real rebuilds."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import needs_tex

from paperbuild import incremental
from paperbuild.pipeline import build


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


def test_key_is_the_same_however_the_paper_path_is_spelled(paper: Path, monkeypatch):
    (paper / "corrections.yaml").write_text("{}\n")
    (paper.parent / "bib").mkdir()
    monkeypatch.chdir(paper.parent)
    spellings = [paper, Path("paper"), Path("./paper"), Path("bib/../paper"), Path(f"{paper}/")]
    keys = {incremental.input_key(spelling, {"profile": "journal"}) for spelling in spellings}
    assert len(keys) == 1
    assert {incremental.input_label(p, Path("paper")) for p in incremental.input_files(paper)} >= {
        "essay.md",
        "sources.txt",
        "corrections.yaml",
        "<templates>/base.tex.jinja",
    }


def test_work_dir_names_each_outputs_folder(tmp_path: Path):
    assert incremental.work_dir(tmp_path, "journal") == tmp_path / "work" / "journal"
    booklet = incremental.work_dir(tmp_path, "handout", booklet=True)
    assert booklet == tmp_path / "work" / "handout-booklet"


def test_a_bib_folder_beside_the_paper_folder_is_not_an_input(paper: Path):
    before = incremental.input_key(paper, {})
    (paper.parent / "bib").mkdir()
    (paper.parent / "bib" / "corrections.yaml").write_text("{}\n")
    (paper.parent / "bib" / "references.bib").write_text("@book{a, title={A}}\n")
    assert incremental.input_key(paper, {}) == before
    assert not incremental.is_input(paper.parent / "bib" / "corrections.yaml", paper)


def test_corrections_named_by_option_count(paper: Path, tmp_path: Path):
    fixes = tmp_path / "elsewhere" / "fixes.yaml"
    fixes.parent.mkdir()
    fixes.write_text("{}\n")
    plain = incremental.input_key(paper, {})
    named = incremental.input_key(paper, {}, fixes)
    fixes.write_text("smith2001: {match: {title: A Book}, set: {title: The Book}}\n")
    assert len({plain, named, incremental.input_key(paper, {}, fixes)}) == 3
    assert fixes in incremental.input_files(paper, fixes)
    assert incremental.input_label(fixes, paper) == fixes.resolve().as_posix()


def test_a_file_linking_out_of_the_paper_folder_is_not_an_input(paper: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the paper\n")
    (paper / "notes.txt").symlink_to(secret)
    (paper / "inside.txt").symlink_to(paper / "essay.md")
    assert not incremental.is_input(paper / "notes.txt", paper)
    assert incremental.is_input(paper / "inside.txt", paper)
    assert secret not in [path.resolve() for path in incremental.input_files(paper)]


def test_inputs_exclude_editor_debris_and_other_folders(paper: Path):
    assert incremental.is_input(paper / "essay.md", paper)
    assert incremental.is_input(incremental.TEMPLATE_DIR / "base.tex.jinja", paper)
    for debris in (".essay.md.swp", "essay.md~", "#essay.md#", "4913", ".stamp.json"):
        assert not incremental.is_input(paper / debris, paper)
    assert not incremental.is_input(paper.parent / "bib" / "notes.txt", paper)
    assert not incremental.is_input(paper.parent / "build" / "paper.pdf", paper)


def test_fresh_output_needs_the_same_key_and_an_untouched_pdf(tmp_path: Path):
    workdir = tmp_path / "build" / "work" / "journal"
    workdir.mkdir(parents=True)
    pdf = tmp_path / "build" / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.5 one")
    assert incremental.fresh_output(workdir, "k1") is None
    incremental.write_stamp(workdir, "k1", pdf)
    assert incremental.fresh_output(workdir, "k1") == pdf
    assert incremental.fresh_output(workdir, "k2") is None
    pdf.write_bytes(b"%PDF-1.5 two")
    assert incremental.fresh_output(workdir, "k1") is None
    pdf.unlink()
    assert incremental.fresh_output(workdir, "k1") is None


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
    assert again.up_to_date and again.output == cold.output
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
    assert results[0].output.read_bytes().startswith(b"%PDF")
