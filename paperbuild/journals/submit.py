"""``invoke submission --journal NAME``: every file one journal asks for, then its checklist.

read -> cite -> romanise (the BibTeX, if the journal asks) -> write the
anonymised manuscript in each of the journal's formats (the Word writer, the
LaTeX one) -> measure it -> the cover page with the fields the journal wants
-> the checklist. Everything is made in the journal's work folder first and
published into ``build/submission/NAME/`` only when all of it is made, so a
failure leaves the last good submission as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..files import publish, write_text
from ..incremental import locked, work_dir
from ..reproducible import source_date_epoch
from ..stages import Analysis, compile_pdf, read_and_cite, write_word
from ..submission import SUBMISSION_DIR, build_title_page, write_archive
from .checklist import Check, Written, checklist_lines, journal_checklist
from .cover import Lengths, cover_fields
from .layout import journal_profile
from .measure import Measures, measure
from .romanise import romanise_bibtex
from .spec import Journal, load_journal

CHECKLIST = "checklist.txt"


@dataclass(frozen=True)
class JournalSubmission:
    journal: Journal
    folder: Path
    files: tuple[Path, ...]  # as published, manuscript first
    checks: list[Check]
    lengths: Lengths


def submission_folder(build_dir: Path, journal: Journal) -> Path:
    return build_dir / SUBMISSION_DIR / journal.slug


def manuscript_paths(build_dir: Path, journal: Journal) -> list[Path]:
    """Where the manuscript of each format goes, the Word file first: the one measured."""
    formats = sorted(journal.formats, key=lambda kind: kind != "docx")
    return [submission_folder(build_dir, journal) / f"paper-manuscript.{kind}" for kind in formats]


def romanised_analysis(analysis: Analysis, journal: Journal) -> tuple[Analysis, Written]:
    """``analysis`` with its BibTeX romanised as ``journal`` asks; what was romanised."""
    if journal.transliteration == "none":
        return analysis, Written()
    done = romanise_bibtex(analysis.paper.bibtex, journal.transliteration)
    paper = replace(analysis.paper, bibtex=done.bibtex)
    return replace(analysis, paper=paper), Written((), done.changed, done.left)


def build_journal_submission(
    paper_dir: Path,
    build_dir: Path,
    slug: str,
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
) -> JournalSubmission:
    journal = load_journal(slug)
    profile = journal_profile(journal, paper_size)
    workdir = work_dir(build_dir, profile.name)
    staging = workdir / "submission"
    with locked(workdir, say):
        say(f"journal   {journal.name} ({journal.path.name}): {', '.join(journal.formats)}")
        _, analysis = read_and_cite(paper_dir, "manuscript", paper_size, say)
        analysis, romanised = romanised_analysis(analysis, journal)
        if romanised.romanised:
            say(f"romanise  {len(romanised.romanised)} sources ({journal.transliteration})")
        epoch = source_date_epoch(paper_dir)
        manuscripts, extras = [], []
        for path in manuscript_paths(build_dir, journal):
            target = staging / path.name
            if path.suffix == ".docx":
                manuscripts.append(write_word(analysis, profile, build_dir, epoch, say, target))
                continue
            pdf, _ = compile_pdf(analysis, profile, build_dir, epoch, say, False, target)
            manuscripts.append(pdf)
            say("archive   paper.tex, references.bib and paper.bbl, for pdflatex alone")
            extras.append(write_archive(workdir, staging / "paper-source.zip"))
        measures = measure(analysis.placed, manuscripts[0], profile.settings["font_size"])
        lengths = manuscript_lengths(measures)
        say(f"cover     {', '.join(journal.cover_page) or 'the title alone'}")
        covers = write_covers(journal, analysis, profile, lengths, build_dir, staging, epoch, say)
        written = replace(romanised, manuscripts=tuple(manuscripts))
        checks = journal_checklist(journal, analysis.placed, measures, written)
        checklist = staging / CHECKLIST
        lines = [journal_heading(journal), *checklist_lines(checks)]
        write_text(checklist, "\n".join(lines) + "\n")
        made = [*manuscripts, *covers, *extras, checklist]
        files = publish_all(made, submission_folder(build_dir, journal))
    return JournalSubmission(journal, submission_folder(build_dir, journal), files, checks, lengths)


def manuscript_lengths(measures: Measures) -> Lengths:
    return Lengths(
        measures.count(("text",), "words"),
        measures.count(("notes",), "words"),
        measures.count(("text", "notes"), "characters"),
    )


def write_covers(
    journal: Journal,
    analysis: Analysis,
    profile,
    lengths: Lengths,
    build_dir: Path,
    staging: Path,
    epoch: int,
    say: Callable[[str], None],
) -> list[Path]:
    """The cover page in each of the journal's formats."""
    meta = analysis.placed.meta
    fields = cover_fields(journal.cover_page, meta, lengths)
    covers = []
    if "docx" in journal.formats:
        from ..docx.cover import write_cover
        from ..docx.layout import word_layout

        docx_dir = work_dir(build_dir, profile.name, to="docx")
        cover = write_cover(meta, fields, word_layout(profile.settings), docx_dir, epoch)
        covers.append(staged(cover, staging / "paper-cover-page.docx"))
    if "pdf" in journal.formats:
        title_dir = work_dir(build_dir, f"{profile.name}-cover")
        with locked(title_dir, say):
            cover = build_title_page(analysis, profile, fields, title_dir, epoch, say)
            covers.append(staged(cover, staging / "paper-cover-page.pdf"))
    return covers


def staged(made: Path, target: Path) -> Path:
    publish(made, target)
    return target


def publish_all(made: list[Path], folder: Path) -> tuple[Path, ...]:
    """Publish each made file into ``folder``; remove what an earlier submission left there."""
    published = []
    for path in made:
        target = folder / path.name
        publish(path, target)
        published.append(target)
    for old in folder.iterdir():
        if old.is_file() and old not in published:
            old.unlink()
    return tuple(published)


def journal_heading(journal: Journal) -> str:
    return f"{journal.name}: guidelines {journal.url}, read {journal.read}"
