"""One error type for every stage, so the CLI can print one clean line per failure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: The stage a failure belongs to; printed before the message.
CATEGORIES = (
    "input",  # paper folder, files, encodings, options
    "manuscript",  # Markdown and front matter
    "bibliography",  # Sources list and .bib
    "citation",  # recognising and resolving citations
    "render",  # Jinja templates
    "latex",  # latexmk / pdflatex / biber
    "docx",  # pandoc's Word writer
    "check",  # reading the PDF back
    "internal",  # a bug in paperbuild itself
)
LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


@dataclass
class PaperError(Exception):
    """A failure the user can act on: where it happened and what to do."""

    category: str
    message: str
    path: Path | str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown error category {self.category!r}")
        super().__init__(str(self))

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line else f"{self.path}: "

    def __str__(self) -> str:
        """One line, even when a library's message (YAML's, say) spans several."""
        return LINE_BREAKS.sub(" ", f"{self.category} error: {self.location()}{self.message}")
