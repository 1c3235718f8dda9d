"""Find a paper folder's parts: the essay and its bibliography.

A paper folder holds ``essay.md`` and either ``sources.txt`` (a plain list,
normalised on the fly) or ``references.bib`` (BibTeX the author keeps). Each is
read only if it resolves inside the folder: a cloned paper folder cannot pull
another file of the machine into its PDF through a symbolic link. Which
corrections apply, and whether there is a reviewed ``references.bib`` to compare
with, is decided in :mod:`.locations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyData, parse_string

from .document import Document
from .errors import PaperError
from .files import inside_folder, read_text
from .locations import corrections_for, reviewed_bibtex
from .manuscript import read_manuscript
from .problems import Problem
from .sources_cache import read_sources_list


@dataclass
class Paper:
    folder: Path
    document: Document
    bibliography: BibliographyData
    bibtex: str  # exactly what biber will read
    problems: list[Problem] = field(default_factory=list)
    source_lines: dict[str, int] = field(default_factory=dict)


def read_document(folder: Path) -> Document:
    """The essay of the paper in ``folder``, its front matter read."""
    if not folder.exists():
        raise PaperError("input", "paper folder does not exist", folder)
    if not folder.is_dir():
        raise PaperError("input", "is not a folder; pass the folder holding essay.md", folder)
    return read_manuscript(inside_folder(folder / "essay.md", folder))


def load_paper(
    folder: Path,
    corrections: Path | None = None,
    say: Callable[[str], None] = lambda _: None,
    document: Document | None = None,
) -> Paper:
    """The paper in ``folder``; ``corrections``: a corrections file named by option; ``say``:
    where a build's progress goes (a remembered Sources list that could not be read);
    ``document``: its essay, when already read (see :func:`read_document`)."""
    document = document or read_document(folder)
    own_bib = inside_folder(folder / "references.bib", folder)
    if own_bib.exists():
        text = read_text(own_bib)
        try:
            bibliography = parse_string(text, "bibtex")
        except Exception as err:  # pybtex raises several unrelated types
            raise PaperError("bibliography", f"not valid BibTeX: {err}", own_bib) from None
        return Paper(folder, document, bibliography, text)
    sources = inside_folder(folder / "sources.txt", folder)
    if not sources.exists():
        raise PaperError(
            "input",
            "no sources.txt (one reference a line) or references.bib beside essay.md",
            folder,
        )
    applied = corrections_for(folder, corrections)
    if corrections is None and applied is not None and applied.parent == folder:
        inside_folder(applied, folder)  # the folder's own: a file named by option is trusted
    read = read_sources_list(sources, applied, say)
    bibtex = read.bibtex
    problems = list(read.problems)
    reviewed = reviewed_bibtex(folder, corrections)
    if reviewed is not None and read_text(reviewed) != bibtex:
        problems.append(
            Problem(
                "bibliography",
                "warning",
                f"{reviewed} is out of date with {sources.name}: "
                "run 'invoke bib' and review the diff",
                str(reviewed),
            )
        )
    # The BibTeX biber reads, parsed back: the same paper whether the list was read now or
    # remembered (see paperbuild.sources_cache); strict whatever pybtex's global mode.
    with pybtex.errors.capture() as errors:
        try:
            bibliography = parse_string(bibtex, "bibtex")
        except Exception as err:  # pybtex raises several unrelated types
            errors.append(err)
    if errors:
        message = f"the BibTeX made from it could not be read back ({errors[0]}); please report it"
        raise PaperError("bibliography", message, sources)
    return Paper(folder, document, bibliography, bibtex, problems, dict(read.source_lines))
