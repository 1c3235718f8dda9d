"""A paper folder is read on its own: nothing beside it or behind a link out of it gets in.

Which corrections apply is decided in paperbuild.locations (fast, table-driven);
load_paper and the real command line show the result: a ``bib/`` that merely sits
beside a folder changes nothing, ``--corrections`` does, and a file that links out
of the folder is refused with one line naming it, before anything is read or written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, needs_tex
from test_bad_input import ESSAY, assert_clean_failure, invoke, make_paper, snapshot

from paperbuild.errors import PaperError
from paperbuild.locations import (
    PROJECT_BIBTEX,
    PROJECT_CORRECTIONS,
    corrections_for,
    outside_inputs,
)
from paperbuild.paper import load_paper

CORRECTED = "smith2001:\n  match: {publisher: Yale University Press}\n  set: {title: Corrected}\n"
SECRET = "root:x:0:0:a line of a file outside the paper folder"


def title_of(paper) -> str:
    return paper.bibliography.entries["smith2001"].fields["title"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A paper folder with a bib/ beside it holding corrections and a reviewed .bib."""
    paper = make_paper(tmp_path / "paper")
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "corrections.yaml").write_text(CORRECTED, encoding="utf-8")
    (tmp_path / "bib" / "references.bib").write_text("@book{other, title={Other}}\n")
    return paper


# -- which corrections apply -------------------------------------------------------------------

CHOICES = {
    "beside the folder: none": (None, False, None),
    "the folder's own": (None, True, "own"),
    "named by option": ("named", False, "named"),
    "named by option wins over the folder's own": ("named", True, "named"),
}


@pytest.mark.parametrize("case", CHOICES)
def test_which_corrections_apply(folder: Path, tmp_path: Path, case):
    option, own, expected = CHOICES[case]
    named = tmp_path / "named.yaml"
    named.write_text(CORRECTED, encoding="utf-8")
    if own:
        (folder / "corrections.yaml").write_text(CORRECTED, encoding="utf-8")
    chosen = named if option else None
    paths = {None: None, "own": folder / "corrections.yaml", "named": named}
    assert corrections_for(folder, chosen) == paths[expected]


def test_the_projects_own_paper_uses_the_projects_bib():
    assert corrections_for(REPO / "paper") == PROJECT_CORRECTIONS
    assert outside_inputs(REPO / "paper") == [PROJECT_CORRECTIONS, PROJECT_BIBTEX]


def test_a_copy_of_the_projects_paper_does_not(tmp_path: Path):
    shutil.copytree(REPO / "paper", tmp_path / "paper")
    shutil.copytree(REPO / "bib", tmp_path / "bib")
    assert corrections_for(tmp_path / "paper") is None
    assert outside_inputs(tmp_path / "paper") == []


def test_a_corrections_file_named_by_option_must_exist(folder: Path, tmp_path: Path):
    with pytest.raises(PaperError, match="corrections file not found"):
        corrections_for(folder, tmp_path / "missing.yaml")


def test_a_bib_folder_beside_changes_nothing(folder: Path):
    paper = load_paper(folder)
    assert title_of(paper) == "A {Book} about {Things}"
    assert not [p for p in paper.problems if "bib" in (p.path or "")]


def test_named_corrections_apply(folder: Path):
    named = folder.parent / "bib" / "corrections.yaml"
    paper = load_paper(folder, named)
    assert title_of(paper) == "Corrected"
    assert [p.path for p in paper.problems if "applied correction" in p.message] == [str(named)]


def test_check_takes_corrections_by_option(folder: Path, tmp_path: Path):
    named = folder.parent / "bib" / "corrections.yaml"
    before = snapshot(folder)
    check = ["check", "--paper", str(folder), "--build-dir", str(tmp_path / "build")]
    proc = invoke(*check, "--corrections", str(named))
    assert proc.returncode == 0, proc.stderr
    assert f"{named}: info: applied correction smith2001" in proc.stdout
    assert "applied correction" not in invoke(*check).stdout
    missing = tmp_path / "no.yaml"
    proc = invoke(*check, "--corrections", str(missing))
    assert_clean_failure(proc, f"input error: {missing}: corrections file not found")
    assert snapshot(folder) == before


# -- links out of the folder -------------------------------------------------------------------

LINKED = {
    "sources.txt": dict(sources=None),
    "essay.md": dict(essay=None),
    "references.bib": dict(),
    "corrections.yaml": dict(),
}


@pytest.mark.parametrize("name", LINKED)
def test_a_file_linking_out_of_the_folder_is_refused(tmp_path: Path, name):
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    paper = make_paper(tmp_path / "paper", **LINKED[name])
    (paper / name).symlink_to(secret)
    before = snapshot(paper)
    proc = invoke("check", "--paper", str(paper), "--build-dir", str(tmp_path / "build"))
    assert_clean_failure(
        proc,
        f"input error: {paper / name}: links to {secret}, outside the paper folder; ",
        "copy the file into the folder",
    )
    assert SECRET not in proc.stdout + proc.stderr
    assert snapshot(paper) == before


def test_a_link_within_the_folder_is_read(tmp_path: Path):
    paper = make_paper(tmp_path / "paper", essay=None)
    (paper / "drafts").mkdir()
    (paper / "drafts" / "third.md").write_text(ESSAY, encoding="utf-8")
    (paper / "essay.md").symlink_to(Path("drafts") / "third.md")
    assert load_paper(paper).document.meta.title == "A Test"


def test_a_loop_of_links_is_refused(tmp_path: Path):
    paper = make_paper(tmp_path / "paper", sources=None)
    (paper / "sources.txt").symlink_to(paper / "loop.txt")
    (paper / "loop.txt").symlink_to(paper / "sources.txt")
    with pytest.raises(PaperError, match="sources.txt: is a loop of symbolic links"):
        load_paper(paper)


def test_a_pipe_is_not_read(tmp_path: Path):
    """A named pipe would block the build forever: refused before it is opened."""
    paper = make_paper(tmp_path / "paper", sources=None)
    os.mkfifo(paper / "sources.txt")
    with pytest.raises(PaperError, match="sources.txt: is not a regular file"):
        load_paper(paper)


@pytest.mark.slow
@needs_tex
def test_build_refuses_etc_passwd_and_keeps_the_last_pdf(tmp_path: Path):
    """The case the issue found: sources.txt linking to /etc/passwd printed it in the PDF."""
    paper = make_paper(tmp_path / "paper")
    build = tmp_path / "build"
    assert invoke("build", "--paper", str(paper), "--build-dir", str(build)).returncode == 0
    good = (build / "paper.pdf").read_bytes()
    (paper / "sources.txt").unlink()
    (paper / "sources.txt").symlink_to("/etc/passwd")
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(build))
    assert_clean_failure(proc, f"{paper / 'sources.txt'}: links to /etc/passwd, outside")
    assert (build / "paper.pdf").read_bytes() == good
    assert "root:" not in (build / "work" / "journal" / "references.bib").read_text()
