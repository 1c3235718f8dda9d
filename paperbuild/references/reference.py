"""The parsed form of one reference string, shared by every parsing step and its readers.

It stands apart from the parser so that the steps, the BibTeX writer and the
corrections can all name it without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .names import Name

#: The roles `Reference.names` holds, in the order BibTeX entries list them.
PERSON_ROLES = ("author", "editor", "translator")


class UnparsableReference(ValueError):
    """The string has no recognisable title."""


@dataclass
class Reference:
    """The plain-text result of parsing one string, before LaTeX escaping."""

    raw: str
    entry_type: str = "misc"
    names: dict[str, list[Name]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)  # kept as notes, reported as warnings
    quoted_title: bool = False
    et_al: set[str] = field(default_factory=set)  # the roles whose list ends "et al."


def set_date(ref: Reference, value: str | None) -> None:
    """Keep the most specific date: '2020-11-12' beats '2020' of the same year."""
    if not value:
        return
    old = ref.fields.get("date")
    if old is None or (value.startswith(old) and len(value) > len(old)):
        ref.fields["date"] = value
