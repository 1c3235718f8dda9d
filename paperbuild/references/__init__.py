"""Turn a messy Sources list into clean BibTeX for biber + biblatex-chicago."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pybtex.database import BibliographyData

from ..files import read_text, write_text
from ..problems import Problem
from . import listing, segment
from .bibtex import render_bibtex, to_entry
from .corrections import apply_corrections, load_corrections
from .keys import assign_keys, base_key
from .parse import parse_reference
from .reference import Reference, UnparsableReference
from .report import check_bibliography

__all__ = [
    "Normalised",
    "normalise_sources",
    "parse_reference",
    "render_bibtex",
    "write_bibtex",
    "check_bibliography",
]

HEADER_RE = re.compile(r"\s*(?:Sources|References|Bibliography|Works Cited)\s*:?\s*$", re.I)


@dataclass
class Normalised:
    """The parsed list: what to write, what to tell the user, and where each entry came from."""

    bibliography: BibliographyData
    problems: list[Problem] = field(default_factory=list)
    source_lines: dict[str, int] = field(default_factory=dict)


def read_sources(path: Path) -> list[tuple[int, str]]:
    """(first line's number, text) of each reference, without the list's bullets, numbers
    and headings, its broken lines joined (see ``listing``); PaperError when missing or not
    UTF-8."""
    text = read_text(path)
    out: list[tuple[int, str]] = []
    first = last = None  # the raw first and last lines of the reference being read
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            first = last = None  # a blank line ends a reference
            continue
        if first is not None and listing.continues(first, last, line):
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {line.strip()}")
            last = line
            continue
        if HEADER_RE.fullmatch(line) or listing.is_heading(line):
            first = last = None
            continue
        out.append((number, listing.without_marker(line)))
        first = last = line
    return out


def _keyed(refs: list[tuple[Reference, int]]) -> dict[str, tuple[Reference, int]]:
    bases = [
        (
            base_key(
                r.names.get("author") or r.names.get("editor") or [],
                r.fields["title"],
                r.fields.get("date"),
            ),
            # a suffix the list already gives ("2013b") decides first, so citations match
            (r.fields.get("_yearsuffix", ""), r.fields["title"].lower()),
        )
        for r, _ in refs
    ]
    return dict(zip(assign_keys(bases), refs, strict=True))


def _repeat_author(ref: Reference, before: Reference) -> None:
    """ "———. Stalin: Breaker of Nations.": the dash stands for the names of the entry
    above, in whichever role the dash was read (author, or editor with "———, ed.")."""
    names = before.names.get("author") or before.names.get("editor")
    for role in ("author", "editor"):
        if names and listing.dash_names(ref.names.get(role, [])):
            ref.names[role] = list(names)
            return


def normalise_sources(sources: Path, corrections: Path | None = None) -> Normalised:
    """Parse every line, apply corrections, key the entries and check them."""
    sources = Path(sources)
    problems: list[Problem] = []
    parsed: list[tuple[Reference, int]] = []
    for number, line in read_sources(sources):
        try:
            ref = copy.deepcopy(_parsed(line, segment.MODEL))  # corrections change it
        except UnparsableReference as exc:
            problems.append(
                Problem(
                    "bibliography",
                    "warning",
                    f"reference not understood ({exc}), skipped: {line.strip()[:80]}",
                    str(sources),
                    number,
                )
            )
            continue
        if listing.repeats_the_author(line) and parsed:
            _repeat_author(ref, parsed[-1][0])
        parsed.append((ref, number))
    if corrections is not None:
        first = _keyed(parsed)
        problems += apply_corrections(
            {k: r for k, (r, _) in first.items()}, load_corrections(corrections), corrections
        )
    keyed = _keyed(parsed)
    bibliography = BibliographyData()
    lines, raw = {}, {}
    for key in sorted(keyed):
        ref, number = keyed[key]
        bibliography.add_entry(key, to_entry(ref))
        lines[key], raw[key] = number, ref.raw
        for text in ref.unparsed:
            problems.append(
                Problem(
                    "bibliography",
                    "warning",
                    f"{key}: text not understood, kept as note: {text!r}",
                    str(sources),
                    number,
                    key,
                )
            )
    problems += check_bibliography(bibliography, str(sources), lines, raw)
    return Normalised(bibliography, problems, lines)


@lru_cache(maxsize=4096)
def _parsed(line: str, model: Path) -> Reference:
    """A line read once a process (``invoke watch`` reads the list after every save)."""
    return parse_reference(line)


def forget_parsed_lines() -> None:
    """Read every line afresh next time, as a new process does (for the benchmark)."""
    _parsed.cache_clear()


def write_bibtex(normalised: Normalised, output: Path) -> None:
    """Write the BibTeX atomically (temp file + os.replace)."""
    write_text(Path(output), render_bibtex(normalised.bibliography))
