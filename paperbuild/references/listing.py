"""What a Sources list writes around its references: headings, bullets, and the dash that
repeats the author before.

Historians' lists are often grouped ("Primary Sources", "Archival Sources:"),
bulleted or numbered, and, in Chicago style, write "———." for the author of the entry
above (CMOS 14.67). None of that is a reference: headings are skipped, bullets and
numbers taken off, and the dash given the names it stands for.
"""

from __future__ import annotations

import re

from .names import Name

#: A bullet or a number opening a line: "• ", "- ", "* ", "1. ", "12) ", "[3] ".
MARKER_RE = re.compile(r"^\s*(?:[•·▪◦‣*–-]|\d{1,3}[.)]|\[\d{1,3}\])\s+(?=\S)")
#: A line that names a group of references: a few words, no digit, no sentence's stop.
HEADING_RE = re.compile(r"^\s*#{0,6}\s*[^\W\d_][^\d.;,()\[\]\"“”/]{0,60}?\s*:?\s*$")
MAX_HEADING_WORDS = 6
#: The 3-em dash (or two or more dashes, hyphens or underscores) for the author above.
REPEAT_RE = re.compile(r"^\s*(?:[—–―]{2,}|-{3,}|_{3,}|—)(?=[\s.,]|$)")


def is_heading(line: str) -> bool:
    """ "Primary Sources", "## Archival sources:", "Works Cited": a group's name, not a work."""
    return bool(HEADING_RE.match(line)) and len(line.split()) <= MAX_HEADING_WORDS


def without_marker(line: str) -> str:
    """The line without the bullet or number a list puts before each entry."""
    return MARKER_RE.sub("", line, count=1)


def repeats_the_author(line: str) -> bool:
    return bool(REPEAT_RE.match(line))


def dash_names(names: list[Name]) -> bool:
    """Whether the names read from a line are only its repeat dash."""
    return bool(names) and all(not re.search(r"[^\W\d_]", n.family or "") for n in names)
