"""templates/biblatex-faster.tex: biblatex's per-citation set-up written out, the output unchanged.

The seed's byte-identical test (tests/test_reproducible.py) compares a build with it
against latexmk on the same .tex without it. Here: what that test does not reach (a
related entry, a crossref, dates with an era and a circa, a URL), and the guards that leave a
changed biblatex alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, needs_tex

from paperbuild.compile import run_latexmk
from paperbuild.latex.render import Rendered

FASTER = REPO / "templates" / "biblatex-faster.tex"
LANGUAGES = REPO / "templates" / "biblatex-languages.tex"
EPOCH = 1_795_564_800

#: A related entry (biblatex then saves each field as it clears it, its own slower way),
#: a crossref, dates before the common era and circa, a web page, an article, and a book
#: cited again, in notes and in the bibliography.
SOURCES = r"""
@book{original, author = {Tolstoy, Leo}, title = {War and Peace}, year = {1869},
  location = {Moscow}, publisher = {Russkii vestnik}}
@book{translation, author = {Tolstoy, Leo}, title = {War and Peace},
  translator = {Pevear, Richard and Volokhonsky, Larissa}, year = {2007},
  location = {New York}, publisher = {Knopf}, related = {original},
  relatedtype = {translationof}}
@collection{volume, editor = {Fitzpatrick, Sheila}, title = {Stalinism},
  subtitle = {New Directions}, year = {2000}, location = {London}, publisher = {Routledge}}
@incollection{chapter, author = {Getty, J. Arch}, title = {The Politics of Repression
  Revisited}, crossref = {volume}, pages = {258--74}}
@book{ancient, author = {Caesar, Julius}, title = {Commentarii de bello civili}, date = {-0048}}
@book{circa, author = {Herzen, Alexander}, title = {From the Other Shore}, date = {1850~},
  location = {London}}
@online{site, author = {{Memorial}}, title = {Victims of Political Terror in the USSR},
  url = {https://base.memo.ru/person/show/2712345?Lang=EN&Vol=12}, urldate = {2024-05-01}}
@article{article, author = {Hagenloh, Paul}, title = {Socially Harmful Elements},
  journaltitle = {Cahiers du monde russe}, volume = {42}, number = {2}, year = {2001},
  pages = {447--76}}
"""

BODY = (
    "One.\\autocite[12]{translation} Two.\\autocite[260]{chapter} Three.\\autocite{article}"
    " Four.\\autocite[13]{translation} Five.\\autocite[13]{translation}"
    " Six.\\autocite{original} Seven.\\autocite{ancient} Eight.\\autocite[5]{circa}"
    " Nine.\\autocite{site}"
    "\n\\printbibliography\n"
)


def document(faster: bool) -> str:
    set_up = "\\input{biblatex-faster}\n" if faster else ""
    return (
        "\\documentclass{article}\n\\usepackage[notes,backend=biber]{biblatex-chicago}\n"
        f"\\addbibresource{{references.bib}}\n{set_up}\\begin{{document}}\n{BODY}\\end{{document}}\n"
    )


def compile_in(folder: Path, latex: str) -> tuple[bytes, str]:
    folder.mkdir()
    (folder / "references.bib").write_text(SOURCES, encoding="utf-8")
    for template in (FASTER, LANGUAGES):
        shutil.copyfile(template, folder / template.name)
    (folder / "paper.tex").write_text(latex, encoding="utf-8")
    result = run_latexmk(folder, "paper", Rendered(latex, "essay.md"), EPOCH)
    return result.pdf.read_bytes(), result.log


@pytest.mark.slow
@needs_tex
def test_related_entries_crossrefs_and_dates_print_as_with_biblatexs_own_set_up(tmp_path: Path):
    fast_pdf, fast_log = compile_in(tmp_path / "fast", document(faster=True))
    slow_pdf, _ = compile_in(tmp_path / "slow", document(faster=False))
    assert "paperbuild Warning" not in fast_log  # the written-out set-up was in force
    assert fast_pdf == slow_pdf


@pytest.mark.slow
@needs_tex
@pytest.mark.parametrize(
    "change, part",
    [
        ("\\appto\\blx@resetdata{\\relax}", "data reset"),
        ("\\def\\blx@makeifdatemeta@fields#1{}", "date tests"),
        ("\\def\\biburlsetup{}", "URL set-up"),
    ],
    ids=["data-reset", "date-tests", "url-set-up"],
)
def test_a_changed_biblatex_keeps_its_own_set_up_and_says_so(tmp_path: Path, change, part):
    changed = document(faster=True).replace(
        "\\input{biblatex-faster}",
        f"\\makeatletter{change}\\makeatother\n\\input{{biblatex-faster}}",
    )
    _, log = compile_in(tmp_path / "changed", changed)
    assert f"Package paperbuild Warning: biblatex changed its {part}" in log
    assert log.count("Package paperbuild Warning") == 1  # the other parts still apply


@pytest.mark.slow
@needs_tex
def test_languages_read_in_the_preamble_step_aside_for_a_changed_biblatex(tmp_path: Path):
    changed_reading = (
        "\\protected\\def\\blx@langsetup@from@pkglist#1{"
        "\\global\\cslet{blx@lbx@loaded@from@pkglist@#1}\\@empty\\blx@langsetup{#1}\\relax}"
    )
    for name, change in (("same", ""), ("changed", changed_reading)):
        latex = (
            document(faster=True)
            .replace(
                "\\usepackage[notes", "\\usepackage[russian,english]{babel}\n\\usepackage[notes"
            )
            .replace(
                "\\begin{document}",
                f"\\makeatletter{change}\\makeatother\n\\input{{biblatex-languages}}\n\\begin{{document}}",
            )
        )
        _, log = compile_in(tmp_path / name, latex)
        # The strings are read where the .lbx file is opened: before the .aux (the
        # preamble) or after it (as the document begins).
        read_late = log.index("cms-american.lbx") > log.index("paper.aux)")
        warned = "biblatex changed how it reads its languages" in log
        assert (warned, read_late) == ((name == "changed"), (name == "changed"))
