"""Where the project's own files are, and which files outside a paper folder its build reads.

Kept free of heavier imports, so that an up-to-date build can ask without loading the stages.
A paper folder is read on its own: corrections come from the folder itself, from a file the
user names (``--corrections``), or, for the project's own ``paper/`` only, from the project's
reviewed ``bib/``. A folder that merely sits beside some other ``bib/`` gets nothing from it.
"""

from __future__ import annotations

from pathlib import Path

from .errors import PaperError

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = REPO / "templates"
PROJECT_PAPER = REPO / "paper"
#: The project's reviewed corrections and the BibTeX ``invoke bib`` writes from its paper.
PROJECT_CORRECTIONS = REPO / "bib" / "corrections.yaml"
PROJECT_BIBTEX = REPO / "bib" / "references.bib"
CORRECTIONS = "corrections.yaml"  # a paper folder's own corrections


def is_project_paper(paper_dir: Path) -> bool:
    return paper_dir.resolve() == PROJECT_PAPER.resolve()


def corrections_for(paper_dir: Path, chosen: Path | None = None) -> Path | None:
    """The corrections a build of ``paper_dir`` applies: ``chosen`` (named by option), else
    the folder's own ``corrections.yaml``, else the project's, for the project's own paper."""
    if chosen is not None:
        if not Path(chosen).is_file():
            raise PaperError("input", "corrections file not found", chosen)
        return Path(chosen)
    own = paper_dir / CORRECTIONS
    if own.is_file() or own.is_symlink():  # a link out of the folder is refused when read
        return own
    if is_project_paper(paper_dir) and PROJECT_CORRECTIONS.is_file():
        return PROJECT_CORRECTIONS
    return None


def reviewed_bibtex(paper_dir: Path, chosen: Path | None = None) -> Path | None:
    """The project's reviewed ``bib/references.bib``, when ``paper_dir`` is the project's paper
    built with the project's corrections: what ``invoke bib`` would write from it."""
    if chosen is None and is_project_paper(paper_dir) and PROJECT_BIBTEX.is_file():
        return PROJECT_BIBTEX
    return None


def outside_inputs(paper_dir: Path, chosen: Path | None = None) -> list[Path]:
    """The files outside ``paper_dir`` that its build reads (templates apart)."""
    corrections = corrections_for(paper_dir, chosen)
    found = [corrections, reviewed_bibtex(paper_dir, chosen)]
    folder = paper_dir.resolve()
    return [path for path in found if path and path.parent.resolve() != folder]
