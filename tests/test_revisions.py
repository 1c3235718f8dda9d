"""The parts of ``invoke diff`` that need no TeX: reading revisions, failing clearly,
latexdiff's output around notes, and the revision summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gitrepo import commit, git, replace_once, seed_repository

from paperbuild import cli
from paperbuild.changes import summarise, summary_lines, word_changes
from paperbuild.diff import build_diff, joint_bibtex
from paperbuild.errors import PaperError
from paperbuild.latex.escape import escape
from paperbuild.latexdiff import (
    MARKUPS,
    mark_sources,
    only_note_commands,
    restore_deleted_notes,
    restore_markers,
    run_latexdiff,
)
from paperbuild.paper import load_paper
from paperbuild.stages import analyse

needs_latexdiff = pytest.mark.skipif(
    shutil.which("latexdiff") is None, reason="latexdiff not installed: run 'invoke setup'"
)

SOURCES = (
    "Whitewood, P. (2015). The Red Army and the Great Terror. University Press of Kansas.\n"
    "Kotkin S. (2014). Stalin. Volume 1 Paradoxes of Power 1878-1928. Penguin Group USA.\n"
)


def small_paper(folder: Path, body: str, sources: str = SOURCES) -> Path:
    folder.mkdir(parents=True)
    (folder / "essay.md").write_text(f"---\ntitle: T\n---\n\n{body}\n", encoding="utf-8")
    (folder / "sources.txt").write_text(sources, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "added", "removed"),
    [
        ("a b c d", "a b c d", 0, 0),
        ("a b c d", "a b x c d", 1, 0),
        ("a b c d", "a d", 0, 2),
        ("one two three four", "one five six four", 2, 2),
        ("w x k y z", "w p k q z", 3, 3),  # one kept word between two changes is changed
        ("w x k1 k2 k3 y z", "w p k1 k2 k3 q z", 2, 2),  # three kept words are not
        ("p1 p2 p3 q1 q2 q3", "q1 q2 q3 p1 p2 p3", 3, 3),  # a moved paragraph
    ],
    ids=["same", "inserted", "removed", "reworded", "short-gap", "long-gap", "moved"],
)
def test_word_changes(old, new, added, removed):
    assert word_changes(old.split(), new.split()) == (added, removed)


@pytest.mark.parametrize(
    ("code", "only_notes"),
    [
        (r"\autocite[19]{roberts2006}", True),
        (r"\autocites{kotkin2014}{minakov2016}", True),
        (r"\autocites[7]{read2016}{rieber2022} \autocite{x}", True),
        (r"\footnote{\unresolvedcite{Kotkin, 2017}.}", True),
        (r"\footnote{\cites[5]{a}{b}; \unresolvedcite{Smith, 1990, p. 4\{x\}}.}", True),
        (r"\href{https://example.org}{", False),
        (r"\autocite[19]{roberts2006} and text", False),
        (r"\footnote{unclosed", False),
        (r"\autociteX{a}", False),
        ("", False),
    ],
    ids=["one", "two-works", "two-notes", "unresolved", "braces-escaped", "link", "text-after",
         "unclosed", "other-command", "empty"],
)  # fmt: skip
def test_only_note_commands(code, only_notes):
    assert only_note_commands(code) is only_notes


LATEX = (
    "\\documentclass{article}\n\\begin{document}\n%% essay.md:5\n"
    "Words before the note.\\autocite[PAGE]{roberts2006} Words after it.\n"
    "A sentence ENDING\n\\end{document}\n"
)


def small_latex(page: str, ending: str) -> str:
    return LATEX.replace("PAGE", page).replace("ENDING", ending)


@needs_latexdiff
def test_latexdiff_keeps_a_changed_note_deleted_and_added(tmp_path):
    (tmp_path / "from.tex").write_text(small_latex("19", "stays."))
    (tmp_path / "to.tex").write_text(small_latex("20", "stays, reworded."))
    marked = run_latexdiff(tmp_path / "from.tex", tmp_path / "to.tex", MARKUPS[0], tmp_path)
    body = marked.split("\\begin{document}", 1)[1]
    deleted = body.index("\\autocite[19]{roberts2006}")
    assert body.rfind("\\DIFdelbegin", 0, deleted) > body.rfind("\\DIFdelend", 0, deleted)
    added = body.index("\\autocite[20]{roberts2006}")
    assert body.rfind("\\DIFaddbegin", 0, added) > body.rfind("\\DIFaddend", 0, added)
    assert "%DIFDELCMD < \\autocite" not in body
    assert "\\DIFadd{, reworded}" in body


def test_essay_text_that_looks_like_latexdiff_output_stays_text():
    hostile = "%DIFDELCMD < \\autocite{x} and %DIF > % essay.md:3"
    latex = f"\\begin{{document}}\n{escape(hostile)}\n\\end{{document}}\n"
    assert restore_markers(restore_deleted_notes(latex)) == latex


def test_mark_sources_names_the_keys_after_begin_document():
    latex = "\\documentclass{article}\n\\begin{document}\nText.\n\\end{document}\n"
    marked = mark_sources(latex, ["conquest1990", "new2020"], [])
    assert "\\begin{document}\n\\addtocategory{DIFadded}{conquest1990,new2020}\nText." in marked
    assert "DIFremoved" not in marked


REESE = "Reese, R. R. (1996). Red Army Opposition to Forced Collectivization. Slavic Review.\n"


def test_summary_of_two_versions(tmp_path):
    old_body = "Kotkin argues so (Kotkin, 2014, p. 5). Others agree (Kotkin, 2015)."
    old = analyse(load_paper(small_paper(tmp_path / "old", old_body, SOURCES + REESE)))
    new_body = (
        "Whitewood argues so (Whitewood, 2015, p. 4). Others agree (Kotkin, 2015; Kotkin, 2017)."
    )
    new = analyse(load_paper(small_paper(tmp_path / "new", new_body)))
    summary = summarise(old, new, "paper/essay.md")
    assert summary["words"]["text"] == {"added": 1, "removed": 1}
    assert summary["citations"] == [
        {"work": "kotkin2014", "cited_as": "Kotkin 2014", "added": [], "removed": ["5"]},
        {"work": "Kotkin 2017", "cited_as": "Kotkin 2017", "added": [None], "removed": []},
        {"work": "whitewood2015", "cited_as": "Whitewood 2015", "added": ["4"], "removed": []},
    ]
    assert summary["sources"] == {"added": [], "removed": ["reese1996"]}
    [missing] = summary["unresolved"]  # Kotkin 2015 was unresolved before: not new
    assert (missing["essay"], missing["line"], missing["year"]) == ("paper/essay.md", 5, "2017")
    notes = {"added": 3, "removed": 1}
    lines = summary_lines(
        {
            "from": "v1",
            "to": "working tree",
            **summary,
            "words": {**summary["words"], "notes": notes},
        }
    )
    assert "citations removed 1: Kotkin 2014, 5" in lines
    assert "sources   removed 1: reese1996" in lines
    assert "unresolved new 1: paper/essay.md:5: Kotkin 2017" in lines
    joint = joint_bibtex(old.paper, new.paper)
    assert joint.startswith(new.paper.bibtex.rstrip("\n")) and joint.count("@") == 3


@pytest.fixture
def repository(tmp_path) -> Path:
    return seed_repository(tmp_path / "repo")


def diff_error(paper: Path, revision: str, to: str | None = None) -> str:
    with pytest.raises(PaperError) as caught:
        build_diff(paper, paper.parent / "build", "manuscript", None, revision, to, lambda _: None)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("submitted-v9", "input error: --from submitted-v9: not a revision of the repository"),
        ("--output=x", "input error: --from --output=x: a revision cannot start with '-'"),
    ],
    ids=["unknown", "option-like"],
)
def test_unknown_revision(repository, revision, message):
    assert diff_error(repository / "paper", revision).startswith(message)


def test_revision_without_the_paper_folder(repository):
    git(repository, "mv", "paper", "manuscript")
    commit(repository, "renamed the folder")
    message = diff_error(repository / "manuscript", "HEAD~1")
    assert message == "input error: HEAD~1: the revision has no paper folder manuscript"


def test_revision_that_does_not_read_names_revision_file_and_line(repository):
    replace_once(repository / "paper" / "essay.md", "---\ntitle:", "---\ntitle: [broken\nx:")
    commit(repository, "broken front matter")
    message = diff_error(repository / "paper", "HEAD", to="HEAD")
    assert message.startswith("manuscript error: HEAD:paper/essay.md:")
    assert "front matter" in message


def test_paper_outside_any_repository(tmp_path):
    paper = small_paper(tmp_path / "paper", "Text.")
    message = diff_error(paper, "HEAD")
    assert message.startswith("input error: ") and "not in a git repository" in message


def test_from_is_required(tmp_path):
    with pytest.raises(PaperError, match="--from is required"):
        cli.diff(tmp_path, tmp_path / "build", "manuscript", None, None, None, False)
