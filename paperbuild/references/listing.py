"""What a Sources list writes around its references: headings, bullets, and the dash that
repeats the author before.

Historians' lists are often grouped ("Primary Sources", "Archival Sources:"),
bulleted or numbered, and, in Chicago style, write "———." for the author of the entry
above (CMOS 14.67). None of that is a reference: headings are skipped, bullets and
numbers taken off, and the dash given the names it stands for. A reference pasted with
its lines broken goes on where a hanging indent says so, or where a line stops on a
word no reference ends with ("…Stalin and the" + "Self-Destruction of…").
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


#: A line that stops here has more to come: a small word, a colon, "&", a broken word's
#: hyphen. (Not a comma or a semicolon: sloppy lists end references with them.)
UNFINISHED_RE = re.compile(
    r"(?:(?<![^\s(])(?i:the|a|an|of|and|in|for|to|on|by|with|from|und|et|de|la|le|des|du|"
    r"и|в|на|о)|[:&]|(?<=[^\W\d_])[–—-])\s*$"
)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


#: How a reference opens: up to four capitalised words and a comma ("Getty, J.", "Alex
#: Rodriguez,", "Guo J,"), a family name and initials ("Smith LT", "Cayot (F.)"), a name in
#: capitals, a quotation, a bracket, a number or a dash for the author above.
OPENING_RE = re.compile(
    r"^\s*(?:(?:[^\W\d_a-zа-яё][\w'’.-]*\s+){0,3}[^\W\d_a-zа-яё][\w'’.-]*,"
    r"|[^\W\d_][\w'’-]+\s+(?:[A-ZА-ЯЁ]{1,3}\b|\([A-ZА-ЯЁ]\.)"
    r"|[A-ZА-ЯЁ]{2,}\b|[“\"‘«\[(\d]|[—–-]{2,})"
)


def continues(first: str, last: str, line: str) -> bool:
    """Whether ``line`` goes on with the reference that opened on ``first`` and has so far
    ended on ``last``: it is indented under it (a hanging indent), or ``last`` stopped on a
    word no reference ends with and ``line`` does not open as a reference does."""
    if indent(line) > indent(first):
        return True
    return bool(UNFINISHED_RE.search(last)) and not OPENING_RE.match(line)
