"""Build pybtex entries from parsed references and write them as deterministic BibTeX."""

from __future__ import annotations

import re

from pybtex.database import BibliographyData, Entry, Person

from . import latex
from .names import Name
from .reference import PERSON_ROLES, Reference

#: Output order of fields; any other field follows, alphabetically.
FIELD_ORDER = (
    "title", "subtitle", "shorttitle", "titleaddon", "maintitle", "booktitle", "journaltitle",
    "edition", "volume", "number", "pages", "date", "pubstate", "type", "location", "publisher",
    "institution", "organization", "url", "urldate", "doi", "language", "langid", "note",
    "addendum",
)  # fmt: skip
TITLE_FIELDS = frozenset({"title", "subtitle", "shorttitle", "maintitle", "booktitle"})
VERBATIM_FIELDS = frozenset({"url", "doi", "date", "urldate", "language", "langid", "type"})
#: biblatex's list fields: an "and" in them separates items ("Faber and Faber" would print
#: as two publishers, "Faber / Faber"), so the "and" the source wrote is braced.
LIST_FIELDS = frozenset({"location", "publisher", "institution", "organization"})


def field_text(name: str, value: str) -> str:
    """One plain-text value as BibTeX field text."""
    if name in VERBATIM_FIELDS:
        return value
    if name in TITLE_FIELDS:
        return latex.title_field(value)
    if name == "pages":
        return value
    if name in LIST_FIELDS:
        return re.sub(r"(?<=\s)and(?=\s)", "{and}", latex.escape(value))
    return latex.escape(value)


def person_text(name: Name) -> str:
    return latex.escape(name.bibtex()) if not name.is_org else "{" + latex.escape(name.family) + "}"


def to_entry(ref: Reference) -> Entry:
    fields = {k: field_text(k, v) for k, v in ref.fields.items() if not k.startswith("_") and v}
    persons = {
        role: [Person(person_text(n)) for n in ref.names[role]]
        for role in PERSON_ROLES
        if ref.names.get(role)
    }
    for role in ref.et_al & persons.keys():
        persons[role].append(Person("others"))
    return Entry(ref.entry_type, fields=fields, persons=persons)


def _person(p: Person) -> str:
    if str(p) == "others":
        return "others"
    last = " ".join(p.prelast_names + p.last_names)
    first = " ".join(p.first_names + p.middle_names)
    parts = [last] + ([" ".join(p.lineage_names)] if p.lineage_names else [])
    return ", ".join(parts + ([first] if first else []))


def _sorted_fields(fields) -> list[str]:
    names = [f.lower() for f in fields]
    known = [f for f in FIELD_ORDER if f in names]
    return known + sorted(f for f in names if f not in FIELD_ORDER)


def render_bibtex(bibliography: BibliographyData) -> str:
    """Entries sorted by key, persons then fields in a fixed order: same data, same bytes."""
    chunks = []
    for key in sorted(bibliography.entries):
        entry = bibliography.entries[key]
        lines = [f"@{entry.type.lower()}{{{key},"]
        for role in PERSON_ROLES:
            people = entry.persons.get(role)
            if people:
                lines.append(f"  {role} = {{{' and '.join(_person(p) for p in people)}}},")
        lowered = {k.lower(): v for k, v in entry.fields.items()}
        for name in _sorted_fields(lowered):
            lines.append(f"  {name} = {{{lowered[name]}}},")
        lines.append("}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + ("\n" if chunks else "")
