"""The revision summary authors paste into their response to reviewers.

Words added and removed in the text come from the two documents' prose (the
words :mod:`paperbuild.wordcount` counts), compared word by word; in the notes,
which only biblatex writes, they are read back from the marked-up PDF: the
words set at the footnote size in the colour of added or of deleted text.
Citations are compared by work and locator, sources by BibTeX key, and an
unresolved citation is new when the old version did not already miss it.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from .citations.model import Resolution
from .citations.report import citation_report
from .errors import PaperError
from .latexdiff import ADDED_RGB, DELETED_RGB
from .stages import Analysis
from .wordcount import (
    FOOTNOTE_POINTS,
    LINE_BREAK_HYPHEN,
    TEX_POINT,
    prose_text,
    words,
    words_in,
)
from .worddiff import coarse_opcodes

#: pdftohtml's scale: font sizes in its XML are points times this, rounded.
ZOOM = 3
SIZE_TOLERANCE = 0.6


def summarise(old: Analysis, new: Analysis, essay: str) -> dict:
    """Everything but the notes' words, which need the PDF (see :func:`note_words_marked`).

    ``essay`` names the new version's essay, for the lines of new unresolved citations.
    """
    added, removed = word_changes(words(prose_text(old.placed)), words(prose_text(new.placed)))
    return {
        "words": {"text": {"added": added, "removed": removed}},
        "citations": citation_changes(old.resolution, new.resolution),
        "sources": source_changes(old, new),
        "unresolved": new_unresolved(old.resolution, new.resolution, essay),
    }


def word_changes(old: list[str], new: list[str]) -> tuple[int, int]:
    """(added, removed): the words of ``new`` not matched in ``old``, and the reverse, with
    one or two unchanged words between two changes counted as changed (see
    :mod:`paperbuild.worddiff`)."""
    added = removed = 0
    for tag, old_start, old_end, new_start, new_end in coarse_opcodes(old, new):
        if tag == "replace":
            removed += old_end - old_start
            added += new_end - new_start
    return added, removed


def cited(resolution: Resolution) -> tuple[Counter, dict[str, str]]:
    """Each (work, locator) cited, how often; and what to call each work ("Roberts 2006")."""
    counts: Counter = Counter()
    names: dict[str, str] = {}
    for citation in resolution.citations:
        for item in citation.items:
            name = f"{item.author} {item.year}".strip() or str(item.key)
            work = item.key or name
            names.setdefault(work, name)
            counts[(work, item.locator)] += 1
    return counts, names


def citation_changes(old: Resolution, new: Resolution) -> list[dict]:
    """Per work, the locators cited only in the new version (added) or only in the old."""
    old_counts, old_names = cited(old)
    new_counts, new_names = cited(new)
    names = old_names | new_names
    changes: dict[str, dict] = {}
    differences = {"added": new_counts - old_counts, "removed": old_counts - new_counts}
    for side, difference in differences.items():
        for (work, locator), times in sorted(difference.items(), key=by_work):
            entry = changes.setdefault(
                work, {"work": work, "cited_as": names[work], "added": [], "removed": []}
            )
            entry[side] += [locator] * times
    return [changes[work] for work in sorted(changes, key=lambda work: names[work].casefold())]


def by_work(counted: tuple[tuple[str, str | None], int]) -> tuple[str, str]:
    (work, locator), _ = counted
    return work, locator or ""


def source_changes(old: Analysis, new: Analysis) -> dict[str, list[str]]:
    old_keys = set(old.paper.bibliography.entries)
    new_keys = set(new.paper.bibliography.entries)
    return {"added": sorted(new_keys - old_keys), "removed": sorted(old_keys - new_keys)}


def new_unresolved(old: Resolution, new: Resolution, essay: str) -> list[dict]:
    """The unresolved items of the new version beyond those the old one already had."""
    known = Counter((u["author"], u["year"]) for u in citation_report(old)["unresolved"])
    fresh = []
    for entry in citation_report(new)["unresolved"]:
        label = (entry["author"], entry["year"])
        if known[label]:
            known[label] -= 1
        else:
            fresh.append({"essay": essay, **entry})
    return fresh


def note_words_marked(pdf: Path, font_size: str) -> dict[str, int]:
    """The words the notes print in the added and in the deleted colour."""
    target = FOOTNOTE_POINTS[font_size] * TEX_POINT * ZOOM
    chunks: dict[str, list[str]] = {"added": [], "removed": []}
    for text, colour, size in coloured_text(pdf):
        side = {hex_colour(ADDED_RGB): "added", hex_colour(DELETED_RGB): "removed"}.get(colour)
        if side and abs(size - target) <= SIZE_TOLERANCE:
            chunks[side].append(text)
    # A note's number is never coloured (biblatex-chicago sets it apart from the text).
    return {
        side: words_in(LINE_BREAK_HYPHEN.sub("", "\n".join(texts)))
        for side, texts in chunks.items()
    }


def hex_colour(rgb: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(value * 255):02x}" for value in rgb)


def coloured_text(pdf: Path) -> list[tuple[str, str, float]]:
    """Each run of text in ``pdf`` with its colour (``#rrggbb``) and its size (points x ZOOM),
    as poppler's pdftohtml reports them (pypdf cannot tell the colour of a run)."""
    command = ["pdftohtml", "-xml", "-i", "-stdout", "-q", "-zoom", str(ZOOM), str(pdf)]
    try:
        proc = subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise PaperError("check", "pdftohtml not found: run 'invoke setup'") from None
    if proc.returncode != 0:
        raise PaperError("check", f"pdftohtml could not read the PDF (exit {proc.returncode})", pdf)
    root = ElementTree.fromstring(proc.stdout)
    runs = []
    fonts: dict[str | None, tuple[str, float]] = {}  # declared once, on the first page using it
    for page in root.iter("page"):
        for spec in page.iter("fontspec"):
            colour = spec.get("color", "#000000").lower()
            fonts[spec.get("id")] = (colour, float(spec.get("size", 0)))
        for element in page.iter("text"):
            colour, size = fonts.get(element.get("font"), ("#000000", 0.0))
            runs.append(("".join(element.itertext()), colour, size))
    return runs


def summary_lines(summary: dict) -> list[str]:
    """The summary in a few lines, for the terminal and a response to reviewers."""
    text, notes = summary["words"]["text"], summary["words"]["notes"]
    lines = [
        f"revision  {summary['from']} -> {summary['to']}",
        f"words     text +{text['added']:,} -{text['removed']:,}; "
        f"notes +{notes['added']:,} -{notes['removed']:,}",
    ]
    for side in ("added", "removed"):
        cited_now = [
            f"{change['cited_as']}{', ' + locator if locator else ''}"
            for change in summary["citations"]
            for locator in change[side]
        ]
        lines.append(f"citations {side} {len(cited_now)}: {'; '.join(cited_now) or '-'}")
    for side in ("added", "removed"):
        keys = summary["sources"][side]
        lines.append(f"sources   {side} {len(keys)}: {', '.join(keys) or '-'}")
    missing = [
        f"{entry['essay']}:{entry['line']}: {entry['author']} {entry['year']}"
        for entry in summary["unresolved"]
    ]
    lines.append(f"unresolved new {len(missing)}: {'; '.join(missing) or '-'}")
    return lines
