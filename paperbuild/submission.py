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

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .compile import run_latexmk
from .files import publish, replaced_atomically, write_text
from .incremental import fresh_output, locked, work_dir, write_stamp
from .journals.cover import DEFAULT_FIELDS, CoverField, Lengths, cover_fields
from .latex.render import MARKER, render_document
from .paper import load_paper
from .pipeline import BuildResult, build_locked
from .profiles import Profile, get_profile
from .reproducible import rerun_on_new_epoch, source_date_epoch
from .stages import (
    BIB_NAME,
    JOBNAME,
    Analysis,
    analyse,
    effective_profile,
)
from .wordcount import WordCount, count_words, prose_words

SUBMISSION_DIR = "submission"
TITLE_PAGE = "title-page"  # its work folder: build/work/title-page
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
    corrections: Path | None = None,
) -> Submission:
    """Build the manuscript, then publish it, its title page and its source archive.

    The manuscript's work folder stays locked until its PDF and source are read, so a
    build of the manuscript started meanwhile cannot change them half-way; the title
    page's work folder has a lock of its own (always taken second, so never a deadlock).
    """
    get_profile("manuscript", paper_size)  # a bad size fails before anything is written
    folder = build_dir / SUBMISSION_DIR
    workdir = work_dir(build_dir, "manuscript")
    with locked(workdir, say):
        result = build_locked(
            paper_dir, build_dir, "manuscript", paper_size, say, corrections=corrections
        )
        analysis, profile, words = measure(paper_dir, result, paper_size, corrections)
        say(f"words     {words}")
        manuscript = folder / "paper-manuscript.pdf"
        publish(result.output, manuscript)
        say("title     the title page, with the author and the word count")
        title_dir = work_dir(build_dir, TITLE_PAGE)
        with locked(title_dir, say):
            epoch = source_date_epoch(paper_dir)
            lengths = Lengths(words.text, words.notes)
            cover = cover_fields(DEFAULT_FIELDS, analysis.placed.meta, lengths)
            title_page = build_title_page(analysis, profile, cover, title_dir, epoch, say)
            publish(title_page, folder / "paper-title-page.pdf")
        say("archive   paper.tex, references.bib and paper.bbl, for pdflatex alone")
        archive = write_archive(workdir, folder / "paper-source.zip")
    return Submission(manuscript, folder / "paper-title-page.pdf", archive, words)


def manuscript_words(
    paper_dir: Path,
    result: BuildResult,
    paper_size: str | None,
    to: str = "pdf",
    corrections: Path | None = None,
) -> WordCount:
    """The manuscript's word count; its notes counted in the PDF or the .docx ``result`` made."""
    if to == "docx":
        from .docx.readback import read_docx

        analysis = result.analysis or analyse(load_paper(paper_dir, corrections))
        return WordCount(prose_words(analysis.placed), read_docx(result.output).note_words)
    return measure(paper_dir, result, paper_size, corrections)[2]


def measure(
    paper_dir: Path, result: BuildResult, paper_size: str | None, corrections: Path | None = None
) -> tuple[Analysis, Profile, WordCount]:
    """A manuscript build's analysis, profile and word count (re-read if it was up to date)."""
    analysis = result.analysis or analyse(load_paper(paper_dir, corrections))
    profile = effective_profile("manuscript", paper_size, analysis.placed)
    words = count_words(analysis.placed, result.output, profile.settings["font_size"])
    return analysis, profile, words


def build_title_page(
    analysis: Analysis,
    profile: Profile,
    cover: list[CoverField],
    workdir: Path,
    epoch: int,
    say: Callable[[str], None] = print,
) -> Path:
    """The title page's PDF in ``workdir``, holding the ``cover`` fields, compiled only when
    its LaTeX or date changed.

    It cites nothing, so its template loads no biblatex and latexmk runs no biber; its
    key is the hash of the rendered LaTeX and the epoch, kept in a stamp as a build's is.
    """
    settings = {**profile.settings, "cover": cover}
    rendered = render_document(analysis.placed, "titlepage.tex.jinja", BIB_NAME, settings)
    key = hashlib.sha256(json.dumps([rendered.latex, epoch]).encode("utf-8")).hexdigest()
    fresh = fresh_output(workdir, key)
    if fresh:
        say("          up to date (the title page did not change)")
        return fresh
    workdir.mkdir(parents=True, exist_ok=True)
    write_text(workdir / f"{JOBNAME}.tex", rendered.latex)
    rerun_on_new_epoch(workdir, JOBNAME, epoch)
    pdf = run_latexmk(workdir, JOBNAME, rendered, epoch).pdf
    write_stamp(workdir, key, pdf)
    return pdf


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
