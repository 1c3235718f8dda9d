"""Romanise the Cyrillic of the bibliography: the BibTeX both writers read, in one place.

Notes and bibliography are made from the BibTeX (biblatex-chicago for the PDF,
citeproc for Word), so romanising its names and titles romanises both, while
the essay's own text, quotations included, stays as written. The tables are
iuliia's (ALA-LC, the scientific system, ...), never written here. Two things
are added around them:

- iuliia's ``ala_lc`` and ``scientific`` tables leave "ё" as it is (their
  mapping names the Cyrillic letter itself), where ALA-LC and the scientific
  system write "ë": a letter a table leaves in Cyrillic is split into its base
  letter and accent (Unicode's own decomposition, "е" + diaeresis) and
  romanised again, so "Щёлкин" becomes "Shchëlkin";
- an entry whose title was Cyrillic and which names no language gets
  ``langid = {russian}``, so that the romanised title keeps its sentence case
  (citeproc would set an English title in title case) and biblatex hyphenates
  it as Russian.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pybtex.database import BibliographyData, Person, parse_string

from ..latex.charset import typesettable
from ..references import render_bibtex

CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
TITLE_FIELDS = ("title", "subtitle", "booktitle", "maintitle", "journaltitle")
#: Every letter of the Russian alphabet, to learn what a scheme writes.
RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@dataclass(frozen=True)
class Romanised:
    bibtex: str
    changed: tuple[str, ...]  # the keys of the entries that had Cyrillic
    left: dict[str, str]  # key -> the Cyrillic letters no table could romanise


@cache
def scheme(name: str):
    import iuliia

    return iuliia.schemas.get(name)


def romanise(text: str, name: str) -> str:
    """``text`` with its Cyrillic romanised by iuliia's scheme ``name``."""
    if not CYRILLIC.search(text):
        return text
    table = scheme(name)
    romanised = table.translate(text)
    if CYRILLIC.search(romanised):  # a letter the table keeps as it is: "ё"
        split = table.translate(unicodedata.normalize("NFD", romanised))
        romanised = unicodedata.normalize("NFC", split)
    return romanised


def romanise_bibtex(bibtex: str, name: str) -> Romanised:
    """The BibTeX with every Cyrillic name and field romanised; which entries changed."""
    data = parse_string(bibtex, "bibtex")
    romanised = BibliographyData()
    changed, left = [], {}
    for key, entry in data.entries.items():
        had_cyrillic = any(CYRILLIC.search(value) for value in entry.fields.values()) or any(
            CYRILLIC.search(str(person)) for people in entry.persons.values() for person in people
        )
        cyrillic_title = any(CYRILLIC.search(entry.fields.get(f, "")) for f in TITLE_FIELDS)
        for field, value in list(entry.fields.items()):
            entry.fields[field] = romanise(value, name)
        for role, people in entry.persons.items():
            entry.persons[role] = [Person(romanise(str(person), name)) for person in people]
        fields = {f.lower() for f in entry.fields}
        if cyrillic_title and not fields & {"langid", "language"}:
            entry.fields["langid"] = "russian"
        romanised.add_entry(key, entry)
        if had_cyrillic:
            changed.append(key)
            still = "".join(dict.fromkeys(CYRILLIC.findall(entry_text(entry))))
            if still:
                left[key] = still
    return Romanised(render_bibtex(romanised), tuple(changed), left)


def entry_text(entry) -> str:
    people = (str(person) for group in entry.persons.values() for person in group)
    return " ".join([*entry.fields.values(), *people])


def unprintable_in_pdf(name: str) -> str:
    """The characters scheme ``name`` writes that pdflatex cannot typeset (none for "none")."""
    if name == "none":
        return ""
    written = romanise(RUSSIAN_LETTERS + RUSSIAN_LETTERS.upper(), name)
    return "".join(dict.fromkeys(c for c in written if not c.isascii() and not typesettable(c)))
