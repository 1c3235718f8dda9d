"""When the marked-up LaTeX does not compile: a coarser markup, else the version to blame."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import needs_tex
from gitrepo import commit, git

from paperbuild.diff import FROM_TEX, TO_TEX, build_diff, compile_marked
from paperbuild.errors import PaperError
from paperbuild.reproducible import FIXED_EPOCH

pytestmark = [pytest.mark.slow, needs_tex]

BIB = "@book{roberts2006,\n  author = {Roberts, G.},\n  title = {TITLE},\n  date = {2006},\n}\n"
DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{xcolor}
\usepackage[notes,backend=biber]{biblatex-chicago}
\addbibresource{references.bib}
\begin{document}
BODY
\end{document}
"""


def test_markup_that_breaks_the_compile_falls_back_and_says_so(tmp_path):
    """A known latexdiff trouble spot: biblatex's \\textcite inside ulem's underline
    ("Extra }, or forgotten \\endgroup"); colour alone compiles."""
    (tmp_path / FROM_TEX).write_text(DOCUMENT.replace("BODY", "Stalin won."))
    new_body = r"Stalin won, as \textcite{roberts2006} argues at length."
    (tmp_path / TO_TEX).write_text(DOCUMENT.replace("BODY", new_body))
    (tmp_path / "references.bib").write_text(BIB.replace("TITLE", "Stalin's Wars"))
    said: list[str] = []
    sources = {"added": [], "removed": []}
    result, markup = compile_marked(tmp_path, "essay.md", FIXED_EPOCH, sources, said.append)
    assert markup.name == "colour"
    assert any(line.startswith("markup    underline marks broke the compile") for line in said)
    assert any(line.startswith("latexdiff colour: ") for line in said)
    text = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "argues at length" in " ".join(text.split())


def test_version_that_does_not_build_is_named(tmp_path):
    """A hand-kept references.bib whose title holds an unknown command: the revision with
    it does not build on its own, and the one-line error says which revision that is."""
    repo = tmp_path / "repo"
    paper = repo / "paper"
    paper.mkdir(parents=True)
    (paper / "essay.md").write_text("---\ntitle: T\n---\n\nStalin won (Roberts, 2006, p. 4).\n")
    (paper / "references.bib").write_text(BIB.replace("TITLE", "Stalin's Wars"))
    git(repo, "init", "-q")
    commit(repo, "good")
    (paper / "references.bib").write_text(BIB.replace("TITLE", r"Stalin's \foo Wars"))
    commit(repo, "a command in a title")
    with pytest.raises(PaperError) as caught:
        build_diff(paper, repo / "build", "manuscript", None, "HEAD~1", "HEAD", lambda _: None)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("latex error: HEAD:paper/essay.md:5: LaTeX met a command it does not")
    assert message.endswith("(HEAD does not build on its own)")
    assert not Path(repo / "build" / "paper-manuscript-diff.pdf").exists()
