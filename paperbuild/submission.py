"""A submission for blind review: the anonymised manuscript, the title page apart, and the source.

The source archive holds one flat ``paper.tex`` (the templates are already
flattened when rendered), ``references.bib`` and the ``paper.bbl`` biber made,
so a journal's system compiles it with pdflatex alone, twice: biblatex reads
the .bbl and never calls biber. That .bbl is tied to this TeX Live's biblatex;
a system with another biblatex version must run biber itself (the .bib is there
for that). The essay has no images, so there are no other assets. The source
markers (``%% paper/essay.md:12``) keep only the file's name, so no path of the
author's machine travels with the archive.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .compile import run_latexmk
from .files import publish, replaced_atomically, write_text
from .latex.render import MARKER, render_document
from .paper import load_paper
from .pipeline import BuildResult, build
from .profiles import Profile
from .reproducible import source_date_epoch
from .stages import (
    BIB_NAME,
    JOBNAME,
    Analysis,
    analyse,
    effective_profile,
)
from .wordcount import WordCount, count_words

SUBMISSION_DIR = "submission"
ARCHIVED = (f"{JOBNAME}.tex", BIB_NAME, f"{JOBNAME}.bbl")


@dataclass(frozen=True)
class Submission:
    manuscript: Path
    title_page: Path
    archive: Path
    words: WordCount


def build_submission(
    paper_dir: Path,
    build_dir: Path,
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
) -> Submission:
    result = build(paper_dir, build_dir, "manuscript", paper_size, say)
    analysis, profile, words = measure(paper_dir, result, paper_size)
    say(f"words     {words}")
    folder = build_dir / SUBMISSION_DIR
    manuscript = folder / "paper-manuscript.pdf"
    publish(result.pdf, manuscript)
    say("title     the title page, with the author and the word count")
    title_page = build_title_page(
        analysis, profile, words, build_dir / "work" / "title-page", source_date_epoch(paper_dir)
    )
    publish(title_page, folder / "paper-title-page.pdf")
    say("archive   paper.tex, references.bib and paper.bbl, for pdflatex alone")
    archive = write_archive(build_dir / "work" / "manuscript", folder / "paper-source.zip")
    return Submission(manuscript, folder / "paper-title-page.pdf", archive, words)


def manuscript_words(paper_dir: Path, result: BuildResult, paper_size: str | None) -> WordCount:
    return measure(paper_dir, result, paper_size)[2]


def measure(
    paper_dir: Path, result: BuildResult, paper_size: str | None
) -> tuple[Analysis, Profile, WordCount]:
    """A manuscript build's analysis, profile and word count (re-read if it was up to date)."""
    analysis = result.analysis or analyse(load_paper(paper_dir))
    profile = effective_profile("manuscript", paper_size, analysis.placed)
    words = count_words(analysis.placed, result.pdf, profile.settings["font_size"])
    return analysis, profile, words


def build_title_page(
    analysis: Analysis, profile: Profile, words: WordCount, workdir: Path, epoch: int
) -> Path:
    settings = {**profile.settings, "words": words}
    rendered = render_document(analysis.placed, "titlepage.tex.jinja", BIB_NAME, settings)
    workdir.mkdir(parents=True, exist_ok=True)
    write_text(workdir / f"{JOBNAME}.tex", rendered.latex)
    write_text(workdir / BIB_NAME, analysis.paper.bibtex)
    return run_latexmk(workdir, JOBNAME, rendered, epoch).pdf


def write_archive(workdir: Path, target: Path) -> Path:
    """Zip the compiled manuscript's source, written whole or not at all."""
    with (
        replaced_atomically(target) as temporary,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for name in ARCHIVED:
            text = (workdir / name).read_text(encoding="utf-8")
            if name.endswith(".tex"):
                text = without_local_paths(text)
            # A fixed date (ZipInfo's default, 1980) so the same source makes the same archive.
            archive.writestr(zipfile.ZipInfo(name), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return target


def without_local_paths(latex: str) -> str:
    """``%% /home/me/paper/essay.md:12`` becomes ``%% essay.md:12``."""
    lines = []
    for line in latex.split("\n"):
        marker = MARKER.match(line)
        if marker:
            line = f"%% {Path(marker['path']).name}:{marker['line']}"
        lines.append(line)
    return "\n".join(lines)
