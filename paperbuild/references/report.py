"""Generic checks for entries that parse but look wrong, reported as warnings.

The checks are about shape, not about known names: a given name equal to the
family name, a name spelt elsewhere in the entry with accents it lacks, fields
biblatex-chicago needs, doubled words, a site name written "Www.", lower-case
names, stray spaces, duplicates, and the pages of one citation left on a book.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from pybtex.database import BibliographyData

from ..problems import Problem

#: Fields biblatex-chicago needs to print a complete entry of each type.
REQUIRED = {
    "article": ("journaltitle", "date"),
    "book": ("publisher", "date"),
    "incollection": ("booktitle", "publisher", "date"),
    "inbook": ("booktitle", "publisher", "date"),
    "online": ("url",),
    "thesis": ("institution", "date"),
    "report": ("institution", "date"),
}
NAME_FIELDS = ("journaltitle", "publisher", "location", "booktitle", "organization")


def plain(text: str) -> str:
    """Field text without braces and quote macros, for comparing and quoting back."""
    text = re.sub(r"\\mkbibquote ?\{", "“", text)
    return re.sub(r"[{}]", "", text).replace("\\&", "&")


def check_bibliography(
    bibliography: BibliographyData,
    path: str | None = None,
    lines: dict[str, int] | None = None,
    raw: dict[str, str] | None = None,
) -> list[Problem]:
    """Warnings for each entry that looks wrong; raw maps keys to the original lines."""
    lines, raw = lines or {}, raw or {}
    problems = []

    def warn(key: str, message: str, severity: str = "warning") -> None:
        problems.append(
            Problem("bibliography", severity, f"{key}: {message}", path, lines.get(key), key)
        )

    seen = defaultdict(list)
    for key in sorted(bibliography.entries):
        entry = bibliography.entries[key]
        fields = {k.lower(): plain(v) for k, v in entry.fields.items()}
        for role, people in entry.persons.items():
            for p in people:
                given = " ".join(p.first_names + p.middle_names)
                family = " ".join(p.last_names)
                if given and given == family:
                    warn(key, f"{role} {given} {family}: given name equals family name")
                accented = _lost_accent(family, fields)
                if accented:
                    warn(key, f"{role} {family!r} may have lost an accent: {accented!r} elsewhere")
        for name in REQUIRED.get(entry.type.lower(), ()):
            if not fields.get(name):
                warn(key, f"@{entry.type} without {name}, which biblatex-chicago prints")
        if entry.type.lower() == "book" and fields.get("pages"):
            cited = fields["pages"].replace("--", "–")
            warn(
                key,
                f"pages {cited} on a whole book look like the pages one note cites: "
                "give them in the citation, (Name 2015, 4–5), not in the Sources list",
            )
        for name, value in sorted(fields.items()):
            if name in ("url", "doi"):
                continue
            doubled = re.search(r"\b(\w{2,})\s+\1\b", value, re.I)
            if doubled:
                warn(key, f"{name} repeats the word {doubled.group(1)!r}")
            if re.search(r"\bWww\.", value):
                warn(key, f"{name} {value!r} looks like a web address, not a site name")
            if name in NAME_FIELDS and value[:1].islower():
                warn(key, f"{name} {value!r} starts with a lower-case letter")
        if key in raw and re.search(r"\w\s+[,.;:](?:\s|$)", raw[key]):
            # tidied by the parser, so only worth knowing when editing the list
            warn(key, "stray space before punctuation in the source line (tidied)", "info")
        title = _fold(fields.get("title", "") + " " + fields.get("subtitle", ""))
        seen[(title, fields.get("date", "")[:4])].append(key)
    for (_title, _year), keys in sorted(seen.items()):
        if len(keys) > 1:
            warn(keys[1], f"same title and year as {', '.join(keys[:1] + keys[2:])}: duplicate?")
    return problems


def _lost_accent(family: str, fields: dict[str, str]) -> str | None:
    """A word of the entry that is ``family`` with accented letters ("Brou" beside "Broué")."""
    if not family.isascii():
        return None
    for word in re.findall(r"\w+", " ".join(fields.values())):
        if word.isascii() or word == family:
            continue
        if "".join(ch for ch in word if ch.isascii()) == family or _fold(word) == _fold(family):
            return word
    return None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
