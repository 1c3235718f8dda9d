"""The plain data citations travel in: recognised, resolved, then placed and rendered.

A Citation keeps the offsets of its text in the segment it was found in, so the
caller can cut exactly ``remove_start:remove_end`` out of the prose and put a
note mark in its place without searching the text again.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..problems import Problem


@dataclass(frozen=True)
class CiteItem:
    """One cited work inside a citation: "(Kotkin, 2014; Minakov, 2016)" holds two."""

    author: str  # as written: "Whitewood", "Getty and Naumov", "Smith et al."; "" for [@key]
    families: tuple[str, ...]  # family names to match: ("Getty", "Naumov"); ("Smith",) for et al.
    et_al: bool
    year: str  # "2015", "1980a", "n.d."; "" for [@key]
    locator: str | None  # "4–5", "xii", "ch. 3", "n. 12", "§ 4", "5, emphasis added"
    prefix: str | None  # "see", "cf.", ...
    key: str | None = None  # explicit ([@key]) or filled in by resolution

    def label(self) -> str:
        """How the item reads where no source can be cited for it: "Kotkin, 2017, 45"."""
        label = f"{self.author}, {self.year}"
        return f"{label}, {self.locator}" if self.locator else label


@dataclass(frozen=True)
class Citation:
    """One parenthesis (or bracket) of citations, as found in one segment of prose."""

    kind: str  # "parenthetical" | "narrative" | "explicit"
    text: str  # as written: "(Whitewood, 2015, pp. 4-5)"; narrative: "Roberts (2006, p. xii)"
    start: int  # offsets of `text` in the segment given to the recognizer
    end: int
    remove_start: int  # what leaves the prose: the whole parenthesis, or for a narrative
    remove_end: int  # citation only its "(2006, p. xii)" (the author's name stays)
    items: tuple[CiteItem, ...]
    line: int | None = None  # filled by the caller


@dataclass(frozen=True)
class PossibleCitation:
    """A "(Moscow, 1938)": shaped like a citation, but no source has that author.

    It stays text: a bare "Name, Year" with an unknown name may be a place and
    a date. See ``recognize.find_citations`` for what makes one a citation instead.
    """

    text: str
    start: int
    end: int
    kind: str  # "parenthetical" | "narrative", as the citation it would have been; "detached"
    # for a year alone in brackets a few words after a known author; "unread" for a
    # parenthesis that opens as a citation of a known author but cannot be read to its end
    author: str  # "Moscow"
    year: str  # "1938"
    line: int | None = None


@dataclass(frozen=True)
class KnownNames:
    """What the bibliography tells recognition about names (all folded, see :func:`fold`).

    ``families``: the last words of every author's family name ("gaulle"), which make a
    bare "(Kotkin, 2017)" a citation. ``phrases``: the whole names a work may be cited
    by when they are no family name: organisations ("memorial human rights centre")
    and the titles of works without authors. ``places``: the places of publication,
    which (with the gazetteer) keep "(Moscow, 1937)" as text.
    """

    families: frozenset[str]
    phrases: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Unmatched:
    """A cited item that resolution could not tie to exactly one bibliography entry."""

    citation: Citation
    item: CiteItem
    candidates: tuple[str, ...] = ()  # the keys that matched equally well, when ambiguous


@dataclass
class Resolution:
    """Citations with keys filled in, and everything that did not fit."""

    citations: list[Citation]  # same order and length as given; unmatched items keep key None
    unresolved: list[Unmatched] = field(default_factory=list)  # no entry matches
    ambiguous: list[Unmatched] = field(default_factory=list)  # several entries match
    uncited: list[str] = field(default_factory=list)  # bibliography keys never cited, sorted
    problems: list[Problem] = field(default_factory=list)


def fold(name: str) -> str:
    """A name reduced for comparison: no accents, braces or case; one kind of apostrophe."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "{}")
    return " ".join(plain.casefold().split())


#: Articles a title or an organisation's name may be cited without ("Great Purge").
ARTICLES = ("the ", "a ", "an ", "le ", "la ", "les ", "der ", "die ", "das ", "el ")


def whole_name(name: str) -> str:
    """A title or organisation as cited: folded, without a leading article."""
    folded = fold(name)
    for article in ARTICLES:
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def last_word(family: str) -> str:
    """The folded last word of a family name: "de Gaulle" -> "gaulle".

    Two names can only be the same family (see ``same_family``) when these agree,
    so they index sources and are what "a known author" means.
    """
    return fold(family).rsplit(" ", 1)[-1]


def same_family(cited: str, listed: str) -> bool:
    """Whether two family names agree once folded, allowing one to be the other's last words.

    That tolerates "Geoffrey Roberts" written for "Roberts", and "Gaulle" or
    "Montefiore" written for "de Gaulle" or "Sebag Montefiore".
    """
    a, b = fold(cited).split(), fold(listed).split()
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer[len(longer) - len(shorter) :] == shorter
