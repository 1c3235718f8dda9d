"""What the stages hand back: the paper read and cited, and the file a build wrote.

A module of its own so that the pipeline and the stages both use it without either
importing the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .citations.model import Resolution
    from .document import Document
    from .paper import Paper
    from .problems import Problem


@dataclass
class Analysis:
    """The paper read, its citations resolved and placed as notes, and what was found wrong."""

    paper: Paper
    resolution: Resolution
    placed: Document
    problems: list[Problem] = field(default_factory=list)


@dataclass
class BuildResult:
    output: Path  # the PDF or .docx published in the build folder
    analysis: Analysis | None  # None when up to date: nothing was read
    log: str
    up_to_date: bool = False
    runs: tuple[str, ...] = ()  # what TeX ran, as paperbuild.compile.CompileResult.runs


def describe_runs(runs: tuple[str, ...]) -> str:
    """E.g. "skeleton, biber, 2 passes" or "1 pass, no biber": for the build, watch and bench."""
    passes = runs.count("pdflatex")
    counted = f"{passes} pass{'' if passes == 1 else 'es'}"
    if "biber" not in runs:
        return f"{counted}, no biber"
    return f"{'skeleton, ' if 'skeleton' in runs else ''}biber, {counted}"
