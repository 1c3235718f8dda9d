"""A journal's checklist: each rule, the value measured, and whether it passes.

Plain data in, plain data out: the journal, the placed document, the files
written (or found) and what romanisation did. ``invoke submission --journal``
prints it, ``invoke check --journal --json`` returns it under "journal", and
``--strict`` fails when a check fails. A check that needs a written file which
is not there yet (the notes' words) passes neither way: it says how to make it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ..document import Document
from .anonymity import file_findings, text_findings
from .measure import Measures, length_of
from .spec import Journal, Length

MARKS = {True: "✓", False: "✗", None: "?"}
#: Cover-page fields that must be in the front matter (an independent scholar has no
#: affiliation; date and acknowledgements may be absent too).
REQUIRED_FIELDS = {"author": "author", "keywords": "keywords", "contact": "email or contact"}
TEXT_RULES = {"author": "author's name in the text", "affiliation": "affiliation in the text",
              "acknowledgements": "acknowledgements in the text",
              "self_reference": "self-reference"}  # fmt: skip


@dataclass(frozen=True)
class Check:
    rule: str
    value: str  # what was measured or found, as printed
    passed: bool | None  # None: not measured yet
    limit: str | None = None
    amount: int | None = None  # the value as a number, for a length
    line: int | None = None
    path: str | None = None  # the file the line is in

    @property
    def text(self) -> str:
        if self.line is not None:
            return f"{self.rule} '{self.value}' at {self.path}:{self.line} {MARKS[self.passed]}"
        limit = f" {self.limit}" if self.limit else ""
        separator = " " if self.limit else ": "
        return f"{self.rule}{separator}{self.value}{limit} {MARKS[self.passed]}"

    def as_dict(self) -> dict:
        return asdict(self) | {"text": self.text}


@dataclass(frozen=True)
class Written:
    """What a submission wrote (or ``invoke check`` found): the manuscript files, in the
    journal's order of formats, and the romanisation of the sources."""

    manuscripts: tuple[Path, ...] = ()
    romanised: tuple[str, ...] = ()  # the keys of the sources romanised
    left_in_cyrillic: dict | None = None  # key -> letters no table could romanise


def journal_checklist(
    journal: Journal, document: Document, measures: Measures, written: Written
) -> list[Check]:
    meta = document.meta
    checks = notes_checks(journal, written)
    for limit in journal.limits:
        checks.append(length_check(limit.rule, measures.count(limit.counts, limit.length.unit),
                                   limit.length, journal))  # fmt: skip
    for field, bound in (("abstract", journal.abstract), ("bio", journal.bio)):
        if bound is None and not journal.wants(field):
            continue
        text = getattr(meta, field)
        if not text:
            checks.append(Check(field, "missing", False))
        elif bound is not None:
            rule = f"{field} {bound.unit}"
            checks.append(length_check(rule, length_of(text, bound.unit), bound, journal))
    for field, wanted in REQUIRED_FIELDS.items():
        if journal.wants(field) and not cover_value(meta, field):
            checks.append(Check(wanted, "missing", False))
    checks += anonymity_checks(journal, document, written)
    if journal.transliteration != "none":
        checks += romanisation_checks(journal, written)
    return checks


def cover_value(meta, field: str) -> str | tuple | None:
    if field == "contact":
        return meta.email or meta.contact
    return getattr(meta, field)


def not_yet(journal: Journal) -> str:
    return f"not measured yet (run 'invoke submission --journal {journal.slug}')"


def length_check(rule: str, value: int | None, bound: Length, journal: Journal) -> Check:
    if value is None:
        return Check(rule, not_yet(journal), None)
    return Check(rule, f"{value:,}", bound.allows(value), str(bound), value)


def notes_checks(journal: Journal, written: Written) -> list[Check]:
    """Notes of the kind asked for, and a bibliography only where one is wanted, read back
    from the Word manuscript (the PDF's are footnotes, as the journal's file allows)."""
    docx = next((path for path in written.manuscripts if path.suffix == ".docx"), None)
    if docx is None:
        return []
    from ..docx.readback import read_docx

    info = read_docx(docx)
    notes = Check("notes", f"{len(info.notes):,} {info.note_kind}", info.note_kind == journal.notes)
    has_bibliography = "Bibliography" in info.styles
    shown = "yes" if has_bibliography else "none"
    return [notes, Check("bibliography", shown, has_bibliography == journal.bibliography)]


def anonymity_checks(journal: Journal, document: Document, written: Written) -> list[Check]:
    rules = tuple(rule for rule in journal.anonymise if rule in TEXT_RULES)
    findings = text_findings(document, rules)
    checks = []
    for rule in rules:
        found = [f for f in findings if f.rule == rule]
        checks += [Check(TEXT_RULES[rule], f.phrase, False, line=f.line, path=document.path)
                   for f in found]  # fmt: skip
        if not found:
            checks.append(Check(TEXT_RULES[rule], "none", True))
    if "metadata" in journal.anonymise:
        if not written.manuscripts:
            checks.append(Check("metadata", not_yet(journal), None))
        for path in written.manuscripts:
            found = file_findings(path, document.meta.author)
            checks += [Check("metadata", finding, False) for finding in found]
            if not found:
                checks.append(Check("metadata", f"no author or dates in {path.name}", True))
    return checks


def romanisation_checks(journal: Journal, written: Written) -> list[Check]:
    rule = f"romanised ({journal.transliteration})"
    left = written.left_in_cyrillic or {}
    checks = [Check("Cyrillic left", f"{letters} in {key}", False) for key, letters in left.items()]
    count = len(written.romanised)
    return [Check(rule, f"{count} source{'s' * (count != 1)}", True), *checks]


def checklist_lines(checks: list[Check]) -> list[str]:
    return [check.text for check in checks]


def failures(checks: list[Check]) -> list[Check]:
    return [check for check in checks if check.passed is False]
