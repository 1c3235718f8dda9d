"""Find the citations of a whole document, run by run, with their essay lines."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..document import Document, line_at, text_runs
from .model import Citation, KnownNames, PossibleCitation
from .recognize import find_citations


@dataclass(frozen=True)
class Scan:
    citations: list[Citation]  # in reading order
    runs: list[int]  # the text run each citation was found in, counted as document.text_runs does
    possible: list[PossibleCitation]


def scan_document(document: Document, known: KnownNames | None) -> Scan:
    """The citations and possible citations of every text run, with their essay lines.

    ``known`` is what the bibliography names, as ``resolve.known_names`` gives it.
    """
    citations: list[Citation] = []
    runs: list[int] = []
    possible: list[PossibleCitation] = []
    for index, run in enumerate(text_runs(document)):
        found, maybe = find_citations(run.text, known)
        for citation in found:
            citations.append(replace(citation, line=line_at(run, citation.start)))
            runs.append(index)
        possible += [replace(p, line=line_at(run, p.start)) for p in maybe]
    return Scan(citations, runs, possible)


def by_run(citations: list[Citation], runs: list[int]) -> dict[int, list[Citation]]:
    grouped: dict[int, list[Citation]] = {}
    for citation, run in zip(citations, runs, strict=True):
        grouped.setdefault(run, []).append(citation)
    return grouped
