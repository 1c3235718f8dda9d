"""Check cited pages against the pages an article or chapter runs: "p. 2000" of "1151–72".

A page outside the printed range is most often a typo in the essay or in the
Sources list; either way the author should look, so it is a warning naming both.
"""

from __future__ import annotations

import re

from pybtex.database import BibliographyData

from ..problems import Problem
from .model import Citation

#: Entry types whose pages field is the printed range of the work itself.
PART_OF_A_WHOLE = {
    "article": "article",
    "incollection": "chapter",
    "inbook": "chapter",
    "inproceedings": "paper",
}
CITED_PAGES_RE = re.compile(r"^\s*(\d+(?:\s*[–-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*)(?!\w)")
RANGE_RE = re.compile(r"^\s*(\d+)\s*[-–—]+\s*(\d+)\s*$")


def _full(first: str, last: str) -> int:
    """The last page of a range written out: "1151" and "72" give 1172."""
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return int(last)


def printed_range(pages: str) -> tuple[int, int] | None:
    """(first, last) of a "1151--72" range, the last page written out in full."""
    m = RANGE_RE.match(pages)
    if not m:
        return None
    first, last = int(m.group(1)), _full(*m.groups())
    return (first, last) if first <= last else None


def cited_pages(locator: str | None) -> list[int]:
    """The page numbers a locator names: "4–5, 9" -> [4, 5, 9], "1380–82" -> [1380, 1382];
    "ch. 3" -> []."""
    m = CITED_PAGES_RE.match(locator or "")
    pages = []
    for part in re.split(r"\s*,\s*", m.group(1)) if m else []:
        ends = re.findall(r"\d+", part)
        pages += [int(ends[0])] + ([_full(*ends[:2])] if len(ends) > 1 else [])
    return pages


def locator_problems(
    citations: list[Citation], bibliography: BibliographyData, path: str | None
) -> list[Problem]:
    """A warning for each resolved item citing a page its article or chapter does not hold."""
    problems = []
    for citation in citations:
        for item in citation.items:
            entry = bibliography.entries.get(item.key) if item.key else None
            if entry is None or entry.type.lower() not in PART_OF_A_WHOLE:
                continue
            written = entry.fields.get("pages", "")
            span = printed_range(written)
            outside = [p for p in cited_pages(item.locator) if span and not span[0] <= p <= span[1]]
            if outside:
                kind = PART_OF_A_WHOLE[entry.type.lower()]
                problems.append(
                    Problem(
                        "citation",
                        "warning",
                        f"'{citation.text}' cites p. {outside[0]}, but the {kind} {item.key} "
                        f"runs {written.replace('--', '–')}",
                        path,
                        citation.line,
                        item.key,
                    )
                )
    return problems
