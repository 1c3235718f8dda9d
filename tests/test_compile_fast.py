"""The fast compile: the pass rules, the format and its failures, the user cache.

Compiles are real (small documents through the real pdflatex, biber and the seed
essay); only the cache folder is a test's own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, needs_tex

from paperbuild import formats, texcache
from paperbuild.compile import tex_environment
from paperbuild.errors import PaperError
from paperbuild.latex.render import Rendered, render_document
from paperbuild.paper import load_paper
from paperbuild.passes import TexRun, files_read
from paperbuild.pipeline import describe_runs
from paperbuild.preamble import compile_fast
from paperbuild.profiles import get_profile
from paperbuild.stages import analyse, render
from paperbuild.wordcount import WordCount

EPOCH = 1_795_564_800
SMALL = (
    "\\documentclass{article}\n\\usepackage{xcolor}\n\\usepackage{hyperref}\n"
    "\\begin{document}\n\\section{One}\\label{one}\nSee page~\\pageref{two}, "
    "\\textcolor{red}{in red}.\n\\newpage\n\\section{Two}\\label{two}\nBack to~\\ref{one}.\n"
    "\\end{document}\n"
)


def small(workdir: Path, latex: str = SMALL) -> Rendered:
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "paper.tex").write_text(latex, encoding="utf-8")
    return Rendered(latex, "essay.md")


def compiled(workdir: Path, rendered: Rendered) -> tuple[tuple[str, ...], list[str], bytes]:
    notes: list[str] = []
    result = compile_fast(workdir, "paper", rendered, EPOCH, notes.append)
    return result.runs, notes, result.pdf.read_bytes()


def test_preamble_is_everything_before_begin_document():
    latex = "\\documentclass{article}\n\\usepackage{x}\n\\begin{document}\nHi\n\\end{document}\n"
    expected = "\\documentclass{article}\n\\usepackage{x}\n\\begin{document}\n"
    assert formats.preamble_of(latex) == expected
    assert formats.preamble_of("no document here") is None


def keys_in_order(latex: str) -> list[str]:
    """Every cited key, in order, however the citation command is spelled."""
    commands = re.finditer(r"\\(?:auto)?cites?((?:(?:\[[^\]]*\])*\{[^}]*\})+)", latex)
    return [key for m in commands for key in re.findall(r"\{([^}]*)\}", m[1])]


@pytest.mark.parametrize("profile", ["journal", "manuscript", "handout"])
def test_the_skeleton_cites_what_the_paper_cites_and_says_nothing_else(profile: str):
    analysis = analyse(load_paper(REPO / "paper"))
    rendered = render(analysis, get_profile(profile))
    skeleton = rendered.skeleton
    assert formats.preamble_of(skeleton) == formats.preamble_of(rendered.latex)
    assert len(keys_in_order(rendered.latex)) > 60
    assert keys_in_order(skeleton) == keys_in_order(rendered.latex)
    assert "\\nocite{*}" in skeleton and "\\printbibliography" in skeleton
    assert "Tukhachevsky persists" in rendered.latex
    assert "Tukhachevsky persists" not in skeleton
    body = len(rendered.latex) - len(formats.preamble_of(rendered.latex))
    assert len(skeleton) - len(formats.preamble_of(skeleton)) < body / 3


def test_a_page_that_cites_nothing_has_no_skeleton():
    analysis = analyse(load_paper(REPO / "paper"))
    settings = {**get_profile("manuscript").settings, "words": WordCount(6000, 1200), "cover": []}
    rendered = render_document(analysis.placed, "titlepage.tex.jinja", "references.bib", settings)
    assert "\\addbibresource" not in rendered.latex
    assert rendered.skeleton is None


def test_files_read_are_the_work_folders_inputs_and_the_files_looked_for(tmp_path: Path):
    (tmp_path / "paper.fls").write_text(
        f"PWD {tmp_path}\nINPUT paper.tex\nINPUT /usr/share/texmf/tex/latex/base/article.cls\n"
        f"INPUT ./paper.aux\nINPUT {tmp_path}/paper.out\nOUTPUT paper.aux\n"
        "INPUT paper.run.xml\nINPUT paper-preamble.fmt\n"
    )
    log = "No file paper.toc.\nNo file T2Almr.fd.\n"
    expected = {"paper.aux", "paper.out", "paper.toc", "T2Almr.fd"}
    assert files_read(tmp_path, "paper", log) == expected


@pytest.mark.parametrize(
    ("runs", "words"),
    [
        pytest.param((), "0 passes, no biber", id="up-to-date"),
        pytest.param(("pdflatex",), "1 pass, no biber", id="edit"),
        pytest.param(
            ("pdflatex", "biber", "pdflatex", "pdflatex"), "biber, 3 passes", id="latexmk"
        ),
        pytest.param(
            ("skeleton", "biber", "pdflatex", "pdflatex"), "skeleton, biber, 2 passes", id="cold"
        ),
    ],
)
def test_runs_are_described_in_a_few_words(runs, words):
    assert describe_runs(runs) == words


def test_cache_entries_are_whole_and_only_the_newest_are_kept(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(texcache.KEEP, "states", 2)
    cache = texcache.UserCache(tmp_path / "cache", print)
    source = tmp_path / "paper.aux"
    for key in ("a", "b", "c"):
        source.write_text(f"aux of {key}")
        cache.store("states", key, [source])
    assert cache.fetch("states", "a") is None  # the oldest went
    assert (cache.fetch("states", "c") / "paper.aux").read_text() == "aux of c"
    assert not [p for p in (tmp_path / "cache" / "states").iterdir() if p.name.startswith(".")]


def test_an_unusable_cache_says_so_once_and_steps_aside(tmp_path: Path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    notes: list[str] = []
    assert texcache.UserCache.open(notes.append) is None
    assert len(notes) == 1 and notes[0].startswith("cache     not used (")
    monkeypatch.setenv(texcache.SWITCH, "off")
    assert texcache.UserCache.open(notes.append) is None and len(notes) == 1


@pytest.mark.slow
@needs_tex
def test_labels_settle_in_two_passes_and_biber_never_runs(tmp_path: Path, empty_tex_cache):
    rendered = small(tmp_path)
    runs, notes, _ = compiled(tmp_path, rendered)
    assert runs == ("pdflatex", "pdflatex")  # the labels are read back on the second
    assert notes == [f"preamble  precompiled into {formats.FORMAT}.fmt"]
    runs, notes, _ = compiled(tmp_path, rendered)
    assert runs == ("pdflatex",) and notes == []  # settled: one pass confirms it


@pytest.mark.slow
@needs_tex
def test_a_format_that_breaks_the_run_is_dropped_until_the_preamble_changes(
    tmp_path: Path, empty_tex_cache
):
    rendered = small(tmp_path)
    _, _, good = compiled(tmp_path, rendered)
    (tmp_path / f"{formats.FORMAT}.fmt").write_bytes(b"not a format")  # its record still matches
    runs, notes, pdf = compiled(tmp_path, rendered)
    assert pdf == good
    assert notes == ["preamble  the precompiled preamble failed; compiled without it"]
    assert not (tmp_path / f"{formats.FORMAT}.fmt").exists()
    assert not list((empty_tex_cache / "formats").iterdir())  # the cache's copy went too

    runs, notes, pdf = compiled(tmp_path, rendered)
    assert pdf == good and runs == ("pdflatex",)
    assert notes[0].startswith("preamble  not precompiled: it failed before")

    changed = small(tmp_path, SMALL.replace("{hyperref}", "{hyperref}\n\\usepackage{url}"))
    _, notes, _ = compiled(tmp_path, changed)
    assert notes == [f"preamble  precompiled into {formats.FORMAT}.fmt"]


@pytest.mark.slow
@needs_tex
def test_a_preamble_that_cannot_be_dumped_compiles_without_a_format(
    tmp_path: Path, empty_tex_cache
):
    # The dump runs as job paper-preamble, so it looks for paper-preamble-defs.tex.
    latex = SMALL.replace("\\begin{document}", "\\input{\\jobname-defs}\n\\begin{document}")
    rendered = small(tmp_path, latex)
    (tmp_path / "paper-defs.tex").write_text("\\newcommand{\\defined}{}\n")
    runs, notes, _ = compiled(tmp_path, rendered)
    assert runs == ("pdflatex", "pdflatex")
    assert notes[0].startswith("preamble  not precompiled (! LaTeX Error: File `paper-preamble-")
    assert (tmp_path / formats.FAILED).is_file()


@pytest.mark.slow
@needs_tex
def test_the_documents_own_error_is_reported_and_the_format_kept(tmp_path: Path, empty_tex_cache):
    compiled(tmp_path, small(tmp_path))
    broken = small(tmp_path, SMALL.replace("Back to", "\\nosuchcommand Back to"))
    with pytest.raises(PaperError, match="does not know"):
        compiled(tmp_path, broken)
    assert (tmp_path / f"{formats.FORMAT}.fmt").is_file()
    assert not (tmp_path / formats.FAILED).exists()


@pytest.mark.slow
@needs_tex
def test_a_stale_cached_format_is_dumped_again_and_changes_nothing(tmp_path: Path, empty_tex_cache):
    rendered = small(tmp_path / "one")
    _, _, first = compiled(tmp_path / "one", rendered)
    (entry,) = (empty_tex_cache / "formats").iterdir()
    record = json.loads((entry / formats.RECORD).read_text())
    record["inputs"][0][1] += 1  # as if TeX Live had updated a file the preamble loads
    (entry / formats.RECORD).write_text(json.dumps(record))

    rendered = small(tmp_path / "two")
    runs, notes, second = compiled(tmp_path / "two", rendered)
    assert second == first
    assert notes == [
        "preamble  the precompiled format is out of date (TeX Live changed); dumping it again",
        f"preamble  precompiled into {formats.FORMAT}.fmt",
    ]
    assert runs == ("pdflatex",)  # the settled state came from the cache


@pytest.mark.slow
@needs_tex
def test_a_settled_pass_is_a_fixed_point(tmp_path: Path, empty_tex_cache):
    """The rule that stops the passes, proved: one more pass writes the very same bytes."""
    rendered = small(tmp_path)
    _, _, settled = compiled(tmp_path, rendered)
    run = TexRun(tmp_path, "paper", rendered, tex_environment(EPOCH))
    assert run.pdflatex(formats.FORMAT) == set()
    assert (tmp_path / "paper.pdf").read_bytes() == settled


@pytest.mark.slow
@needs_tex
def test_a_cached_state_that_does_not_compile_is_forgotten(tmp_path: Path, empty_tex_cache):
    _, _, first = compiled(tmp_path / "one", small(tmp_path / "one"))
    (entry,) = (empty_tex_cache / "states").iterdir()
    (entry / "paper.aux").write_text("\\relax\n\\newlabel{one}{{1}{1")  # cut off mid-line

    runs, notes, second = compiled(tmp_path / "two", small(tmp_path / "two"))
    assert second == first
    assert notes[-1] == "cache     a cached state did not compile; compiled without it"
    stored = empty_tex_cache / "states" / entry.name / "paper.aux"  # stored again, settled
    assert stored.read_bytes() == (tmp_path / "two" / "paper.aux").read_bytes()
