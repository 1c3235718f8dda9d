"""Reproducible output: the epoch's sources, and (slow) byte-identical clean builds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, needs_tex
from gitrepo import GIT_ENV, git

from paperbuild import ahead, preamble
from paperbuild.compile import run_latexmk
from paperbuild.frontmatter import FRONT_MATTER
from paperbuild.latex.render import Rendered
from paperbuild.pipeline import build
from paperbuild.reproducible import (
    FIXED_EPOCH,
    date_epoch,
    head_commit,
    repository,
    rerun_on_new_epoch,
    source_date_epoch,
)


def test_written_dates_become_midnight_utc():
    assert date_epoch("2026-11-25") == 1_795_564_800
    assert date_epoch("25 November 2026") == 1_795_564_800
    assert date_epoch("November 25, 2026") == 1_795_564_800
    assert date_epoch("2026") == 1_767_225_600
    assert date_epoch("sometime soon") is None
    assert date_epoch(None) is None


def test_front_matter_date_wins(tmp_path: Path):
    (tmp_path / "essay.md").write_text('---\ntitle: T\ndate: "2026-11-25"\n---\n\nText.\n')
    assert source_date_epoch(tmp_path) == 1_795_564_800


def test_without_date_or_commit_the_epoch_is_fixed(tmp_path: Path, monkeypatch):
    (tmp_path / "essay.md").write_text("---\ntitle: T\n---\n\nText.\n")
    monkeypatch.setattr("paperbuild.reproducible.git_epoch", lambda folder: None)
    assert source_date_epoch(tmp_path) == FIXED_EPOCH
    assert source_date_epoch(tmp_path / "missing") == FIXED_EPOCH


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_without_date_the_last_commit_of_the_folder_counts(tmp_path: Path):
    paper = tmp_path / "paper"
    paper.mkdir()
    (paper / "essay.md").write_text("---\ntitle: T\n---\n\nText.\n")
    env = {"GIT_AUTHOR_DATE": "@1700000000 +0000", "GIT_COMMITTER_DATE": "@1700000000 +0000"}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=tmp_path, check=True, env=env)
    assert source_date_epoch(paper) == 1_700_000_000


def committed(repo: Path, when: int, *paths: str) -> None:
    """Commit ``paths`` (everything, by default) at the moment ``when``."""
    env = {**GIT_ENV, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    subprocess.run(["git", "add", *(paths or ["."])], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", str(when)], cwd=repo, check=True, env=env)


def rev_parse(folder: Path) -> str:
    return git(folder, "rev-parse", "HEAD").strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_the_head_commit_read_from_the_repository_is_gits_own(tmp_path: Path):
    git(tmp_path, "init", "-q")
    (tmp_path / "essay.md").write_text("---\ntitle: T\n---\n")
    committed(tmp_path, 1_700_000_000)
    found = repository(tmp_path / "essay.md")
    assert head_commit(found) == rev_parse(tmp_path)  # a loose reference
    git(tmp_path, "pack-refs", "--all")
    assert head_commit(found) == rev_parse(tmp_path)  # a packed one
    git(tmp_path, "checkout", "-q", "--detach")
    assert head_commit(found) == rev_parse(tmp_path)  # HEAD itself
    git(tmp_path, "worktree", "add", "-q", str(tmp_path / "linked"))
    assert head_commit(repository(tmp_path / "linked")) is None  # a linked work tree: git is asked
    assert repository(tmp_path.parent / "elsewhere") is None


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_the_remembered_epoch_follows_the_commits_of_the_folder(tmp_path: Path):
    paper = tmp_path / "paper"
    paper.mkdir()
    git(tmp_path, "init", "-q")
    (paper / "essay.md").write_text("---\ntitle: T\n---\n\nText.\n")
    committed(tmp_path, 1_700_000_000)
    assert source_date_epoch(paper) == source_date_epoch(paper) == 1_700_000_000
    (paper / "essay.md").write_text("---\ntitle: T\n---\n\nMore text.\n")
    committed(tmp_path, 1_700_086_400)
    assert source_date_epoch(paper) == 1_700_086_400
    (tmp_path / "notes.txt").write_text("not the paper")
    committed(tmp_path, 1_700_172_800)  # a commit that leaves the paper folder alone
    assert source_date_epoch(paper) == 1_700_086_400


def test_a_new_epoch_makes_latexmk_run_every_pass_again(tmp_path: Path):
    record = tmp_path / "paper.fdb_latexmk"
    record.write_text("latexmk's record")
    rerun_on_new_epoch(tmp_path, "paper", 1_700_000_000)
    assert not record.exists()
    record.write_text("latexmk's record")
    rerun_on_new_epoch(tmp_path, "paper", 1_700_000_000)
    assert record.exists()
    rerun_on_new_epoch(tmp_path, "paper", 1_800_000_000)
    assert not record.exists()


@pytest.mark.slow
@needs_tex
@pytest.mark.parametrize("idle", [True, False], ids=["all-started-ahead", "dump-first"])
def test_cold_warm_edited_and_latexmk_builds_are_byte_identical(
    paper_copy: Path, tmp_path: Path, empty_tex_cache, monkeypatch, idle: bool
):
    """The fast path (TeX started ahead, skeleton, format, user cache, biblatex's set-up
    written out and its languages read in the preamble) against the slow one: latexmk, no
    format, biblatex's own ways. On an idle machine the skeleton and biber start ahead,
    beside the dump; on a busy one the dump comes first and the skeleton runs on it. An
    edit's pass starts ahead on the last build's preamble and reads the rest from a pipe."""
    monkeypatch.setattr(preamble, "idle_core", lambda: idle)
    monkeypatch.setattr(ahead, "idle_core", lambda: idle)
    cold = build(paper_copy, tmp_path / "one", say=lambda _: None)
    assert cold.runs == ("skeleton", "biber", "pdflatex", "pdflatex")
    work = tmp_path / "one" / "work" / "journal"
    # Started ahead, the skeleton leaves out hyperref and microtype; biber reads the same.
    assert (work / "paper-skeleton.bcf").read_bytes() == (work / "paper.bcf").read_bytes()
    skeleton_preamble = (work / "paper-skeleton.tex").read_text(encoding="utf-8")
    assert ("{hyperref}" not in skeleton_preamble) == idle
    first = cold.output.read_bytes()
    warm = build(paper_copy, tmp_path / "two", say=lambda _: None)
    assert warm.runs == ("pdflatex",)  # the format and the settled state from the cache

    essay = paper_copy / "essay.md"
    text = essay.read_text(encoding="utf-8")
    body = FRONT_MATTER.match(text).end()
    essay.write_text(text[:body] + text[body:].replace(" the ", " thee ", 1), encoding="utf-8")
    edited = build(paper_copy, tmp_path / "one", say=lambda _: None)
    assert edited.runs == ("pdflatex",) and edited.output.read_bytes() != first
    assert "(./paper-stream.tex" in edited.log  # the pass begun ahead, not a second one
    essay.write_text(text, encoding="utf-8")
    assert build(paper_copy, tmp_path / "one", say=lambda _: None).runs == ("pdflatex",)
    assert not (work / "paper-stream.tex").exists()

    plain = tmp_path / "plain"
    plain.mkdir()
    work = tmp_path / "one" / "work" / "journal"
    for name in ("paper.tex", "references.bib"):
        shutil.copyfile(work / name, plain / name)
    # The slow path also sets up each citation and reads its languages biblatex's own way.
    latex = (plain / "paper.tex").read_text(encoding="utf-8")
    for name in ("biblatex-faster.tex", "biblatex-languages.tex"):
        shortcut = (REPO / "templates" / name).read_text(encoding="utf-8")
        assert shortcut in latex
        latex = latex.replace(shortcut, "")
    (plain / "paper.tex").write_text(latex, encoding="utf-8")
    epoch = source_date_epoch(paper_copy)
    slow = run_latexmk(plain, "paper", Rendered(latex, str(paper_copy / "essay.md")), epoch)
    assert slow.runs == ("pdflatex", "biber", "pdflatex", "pdflatex")
    assert first == cold.output.read_bytes() == warm.output.read_bytes() == slow.pdf.read_bytes()
