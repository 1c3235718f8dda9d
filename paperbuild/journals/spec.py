"""A journal's house rules: ``templates/journals/NAME.yaml``, read and checked against a schema.

A journal is data, never code: adding a YAML file adds a journal. The schema
(JSON Schema, checked by ``jsonschema``) names every field and the values it
may take, so a mistake is one line naming the file and the field. What the
fields mean, and how the writers read them, is in README ("Journals").
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..errors import PaperError
from ..files import read_text
from ..locations import TEMPLATE_DIR

JOURNAL_DIR = TEMPLATE_DIR / "journals"
PARTS = ("text", "notes")  # what a limit may count: the prose, the notes
UNITS = ("words", "characters")
COVER_FIELDS = ("author", "affiliation", "contact", "date", "word_counts", "characters",
                "abstract", "keywords", "bio", "acknowledgements")  # fmt: skip
ANONYMISE = ("author", "affiliation", "acknowledgements", "self_reference", "metadata")
SPACINGS = ("single", "onehalf", "double")
NO_TRANSLITERATION = "none"

BOUND = {"type": "integer", "minimum": 1}
LENGTH = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"unit": {"enum": list(UNITS)}, "max": BOUND, "min": BOUND, "about": BOUND},
    "anyOf": [{"required": ["max"]}, {"required": ["about"]}, {"required": ["min"]}],
}
LIMIT = {
    **LENGTH,
    "properties": {
        **LENGTH["properties"],
        "rule": {"type": "string", "minLength": 1},
        "counts": {"type": "array", "items": {"enum": list(PARTS)}, "minItems": 1,
                   "uniqueItems": True},
    },
    "required": ["rule", "counts"],
}  # fmt: skip
SPACING = {"enum": list(SPACINGS)}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "guidelines", "formats", "notes", "bibliography", "limits",
                 "cover_page", "anonymise", "transliteration"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "guidelines": {
            "type": "object",
            "additionalProperties": False,
            "required": ["url", "read"],
            "properties": {"url": {"type": "string", "pattern": "^https?://"},
                           "read": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}},
        },
        "formats": {"type": "array", "items": {"enum": ["docx", "pdf"]}, "minItems": 1,
                    "uniqueItems": True},
        "notes": {"enum": ["footnotes", "endnotes"]},
        "bibliography": {"type": "boolean"},
        "page": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "size": {"enum": ["a4", "letter"]},
                "margin": {"type": "string", "pattern": r"^\d+(\.\d+)?(in|cm|mm)$"},
                "font": {"type": "string", "minLength": 1},
                "font_size": {"enum": ["10pt", "11pt", "12pt"]},
                "spacing": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"text": SPACING, "notes": SPACING, "quotations": SPACING},
                },
                "line_numbers": {"type": "boolean"},
                "page_numbers": {"type": "boolean"},
            },
        },
        "limits": {"type": "array", "items": LIMIT},
        "abstract": LENGTH,
        "bio": LENGTH,
        "cover_page": {"type": "array", "items": {"enum": list(COVER_FIELDS)},
                       "uniqueItems": True},
        "anonymise": {"type": "array", "items": {"enum": list(ANONYMISE)}, "uniqueItems": True},
        "transliteration": {"type": "string"},
    },
}  # fmt: skip


@dataclass(frozen=True)
class Length:
    """A bound on a length: at most ``max``, at least ``min``, or ``about`` (10% over passes)."""

    unit: str = "words"
    max: int | None = None
    min: int | None = None
    about: int | None = None

    ABOUT_SLACK = 1.10

    def allows(self, value: int) -> bool:
        if self.min is not None and value < self.min:
            return False
        if self.max is not None and value > self.max:
            return False
        return self.about is None or value <= self.about * self.ABOUT_SLACK

    def __str__(self) -> str:
        if self.min is not None and self.max is not None:
            return f"in {self.min:,}–{self.max:,}"
        if self.about is not None:
            return f"≈ {self.about:,}"
        return f"≤ {self.max:,}" if self.max is not None else f"≥ {self.min:,}"


@dataclass(frozen=True)
class Limit:
    """One length rule of a journal, and what it counts: the text, the notes, or both."""

    rule: str  # as the checklist names it: "text words"
    counts: tuple[str, ...]
    length: Length


@dataclass(frozen=True)
class Journal:
    slug: str  # the file's name: slavic-review
    name: str
    path: Path
    url: str
    read: str  # the date the guidelines were read
    formats: tuple[str, ...]
    notes: str
    bibliography: bool
    page: Mapping[str, Any]
    limits: tuple[Limit, ...]
    abstract: Length | None
    bio: Length | None
    cover_page: tuple[str, ...]
    anonymise: tuple[str, ...]
    transliteration: str  # "none", or an iuliia schema: ala_lc, scientific, ...

    def wants(self, field: str) -> bool:
        """Whether the cover page asks for ``field`` (abstract, bio, contact, ...)."""
        return field in self.cover_page


def journal_names() -> list[str]:
    return sorted(path.stem for path in JOURNAL_DIR.glob("*.yaml"))


def load_journal(name: str) -> Journal:
    """The journal ``name`` of templates/journals (slavic-review), or a YAML file of one's own
    (my-journal.yaml): a file is a journal, with no code to add."""
    path = Path(name) if name.endswith((".yaml", ".yml")) else JOURNAL_DIR / f"{name}.yaml"
    if not path.is_file():
        if path.parent != JOURNAL_DIR:
            raise PaperError("input", "journal file not found", path)
        known = ", ".join(journal_names())
        raise PaperError("input", f"unknown journal {name!r}; choose one of: {known}")
    return parse_journal(read_text(path), path)


def parse_journal(text: str, path: Path) -> Journal:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "not valid YAML"
        raise PaperError("input", problem, path, mark.line + 1 if mark else None) from None
    data = dates_as_text(data)
    errors = jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)
    error = jsonschema.exceptions.best_match(errors)
    if error is not None:
        raise PaperError("input", f"{field_name(error.absolute_path)}: {error.message}", path)
    scheme = data["transliteration"]
    if scheme != NO_TRANSLITERATION and scheme not in transliterations():
        message = f"transliteration: {scheme!r}; choose none or one of iuliia's schemes: " + (
            ", ".join(transliterations())
        )
        raise PaperError("input", message, path)
    journal = Journal(
        slug=path.stem,
        name=data["name"],
        path=path,
        url=data["guidelines"]["url"],
        read=data["guidelines"]["read"],
        formats=tuple(data["formats"]),
        notes=data["notes"],
        bibliography=data["bibliography"],
        page=data.get("page", {}),
        limits=tuple(limit(spec) for spec in data["limits"]),
        abstract=length(data.get("abstract")),
        bio=length(data.get("bio")),
        cover_page=tuple(data["cover_page"]),
        anonymise=tuple(data["anonymise"]),
        transliteration=scheme,
    )
    check_pdf_can_follow(journal)
    return journal


def dates_as_text(data: Any) -> Any:
    """YAML reads ``read: 2026-11-30`` as a date; the schema wants the text as written."""
    if isinstance(data, dict):
        return {key: dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [dates_as_text(value) for value in data]
    return data.isoformat() if isinstance(data, datetime.date) else data


def field_name(path) -> str:
    """``limits[1].max`` for the schema's path ["limits", 1, "max"]; "the file" for the root."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name or "the file"


def length(spec: dict | None) -> Length | None:
    if spec is None:
        return None
    return Length(spec.get("unit", "words"), spec.get("max"), spec.get("min"), spec.get("about"))


def limit(spec: dict) -> Limit:
    return Limit(spec["rule"], tuple(spec["counts"]), length(spec))


@cache
def transliterations() -> tuple[str, ...]:
    import iuliia

    return tuple(sorted(iuliia.schemas.names()))


def check_pdf_can_follow(journal: Journal) -> None:
    """The PDF writer has footnotes only, and fonts for Latin and Cyrillic: a journal that
    wants a PDF must not ask it for endnotes, or for a romanisation it cannot print."""
    if "pdf" not in journal.formats:
        return
    if journal.notes == "endnotes":
        message = "notes: endnotes: the PDF is made with footnotes only; ask for docx alone"
        raise PaperError("input", message, journal.path)
    from .romanise import unprintable_in_pdf

    missing = unprintable_in_pdf(journal.transliteration)
    if missing:
        shown = " ".join(f"U+{ord(c):04X}" for c in missing)
        message = (
            f"transliteration: {journal.transliteration} writes {shown}, which the PDF's "
            "fonts cannot print; ask for docx alone, or a scheme without them"
        )
        raise PaperError("input", message, journal.path)


def journal_line(journal: Journal) -> str:
    """One line for ``invoke journals``: the name to pass, then what the journal asks."""
    limits = [f"{limit.rule} {limit.length}" for limit in journal.limits]
    for field, bound in (("abstract", journal.abstract), ("bio", journal.bio)):
        if bound is not None:
            limits.append(f"{field} {bound} {bound.unit}")
    parts = [
        "/".join(journal.formats),
        journal.notes + ("" if journal.bibliography else ", no bibliography"),
        *limits,
        "transliteration " + journal.transliteration,
    ]
    return f"{journal.slug:<28} {journal.name}: {'; '.join(parts)}"
