"""Find a paper folder's parts: the essay and its bibliography.

A paper folder holds ``essay.md`` and either ``sources.txt`` (a plain list,
normalised on the fly) or ``references.bib`` (BibTeX the author keeps). The
project's own paper also has ``../bib/`` with its corrections and the
reviewed ``references.bib`` that ``invoke bib`` writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, parse_string

from .document import Document
from .errors import PaperError
from .files import read_text
from .manuscript import read_manuscript
from .problems import Problem
from .references import normalise_sources, render_bibtex


@dataclass
class Paper:
    folder: Path
    document: Document
    bibliography: BibliographyData
    bibtex: str  # exactly what biber will read
    problems: list[Problem] = field(default_factory=list)
    source_lines: dict[str, int] = field(default_factory=dict)


def corrections_for(folder: Path) -> Path | None:
    for candidate in (folder / "corrections.yaml", folder.parent / "bib" / "corrections.yaml"):
        if candidate.is_file():
            return candidate
    return None


def load_paper(folder: Path) -> Paper:
    if not folder.exists():
        raise PaperError("input", "paper folder does not exist", folder)
    if not folder.is_dir():
        raise PaperError("input", "is not a folder; pass the folder holding essay.md", folder)
    document = read_manuscript(folder / "essay.md")
    own_bib = folder / "references.bib"
    if own_bib.is_file():
        text = read_text(own_bib)
        try:
            bibliography = parse_string(text, "bibtex")
        except Exception as err:  # pybtex raises several unrelated types
            raise PaperError("bibliography", f"not valid BibTeX: {err}", own_bib) from None
        return Paper(folder, document, bibliography, text)
    sources = folder / "sources.txt"
    if not sources.is_file():
        raise PaperError(
            "input",
            "no sources.txt (one reference a line) or references.bib beside essay.md",
            folder,
        )
    normalised = normalise_sources(sources, corrections_for(folder))
    bibtex = render_bibtex(normalised.bibliography)
    problems = list(normalised.problems)
    reviewed = folder.parent / "bib" / "references.bib"
    if reviewed.is_file() and read_text(reviewed) != bibtex:
        problems.append(
            Problem(
                "bibliography",
                "warning",
                f"{reviewed} is out of date with {sources.name}: "
                "run 'invoke bib' and review the diff",
                str(reviewed),
            )
        )
    return Paper(
        folder, document, normalised.bibliography, bibtex, problems, normalised.source_lines
    )
