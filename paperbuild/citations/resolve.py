"""Tie each cited "Author Year" to one bibliography entry, or say why it cannot be tied.

A miss or a tie is reported as a problem at the citation's line and the item
keeps no key: a wrong source in a printed paper is worse than a visible gap.
Names match once folded (case and accents ignored), years by their label, where
"davies1980a" gives the entry the label "1980a".
"""

from __future__ import annotations

import codecs
import re
import weakref
from dataclasses import dataclass, replace

from pybtex.database import BibliographyData, Entry

from ..problems import Problem
from .model import (
    Citation,
    CiteItem,
    KnownNames,
    PossibleCitation,
    Resolution,
    Unmatched,
    fold,
    last_word,
    same_family,
    whole_name,
)
from .pages import locator_problems

YEAR_IN_FIELD = re.compile(r"(\d{4})([a-z]?)")


@dataclass(frozen=True)
class _Source:
    """What matching needs to know about one entry."""

    key: str
    families: tuple[str, ...]  # "de Gaulle" (particle and family), in author order
    year: str  # "1980", or "n.d."
    label: str  # the year as cited: "1980a" when the key or year field says so
    unauthored: bool = False  # no author or editor: cited by its title or site's name


@dataclass(frozen=True)
class _Index:
    """A bibliography's sources as matching uses them."""

    by_last_name: dict[str, list[_Source]]  # see _by_last_name
    known: KnownNames
    unauthored: list[_Source]  # sources cited by a title or a site's name


_last_index: tuple[weakref.ref, _Index] | None = None


def _index(bibliography: BibliographyData) -> _Index:
    """The sources of ``bibliography``, made once for the last bibliography asked about.

    A build asks twice, for ``known_names`` and then to ``resolve``; decoding
    every name from LaTeX is the costly part, so it is done once. A bibliography
    is not changed once loaded, so the same object means the same sources (a
    weak reference: the cache keeps no bibliography alive).
    """
    global _last_index
    if _last_index is not None and _last_index[0]() is bibliography:
        return _last_index[1]
    sources = _sources(bibliography)
    people = [s for s in sources if not s.unauthored]
    known = KnownNames(
        families=frozenset(last_word(f) for s in people for f in s.families),
        phrases=frozenset(whole_name(s.families[0]) for s in sources if _named_whole(s)),
        places=frozenset(fold(p) for e in bibliography.entries.values() for p in _places(e)),
    )
    index = _Index(_by_last_name(sources), known, [s for s in sources if s.unauthored])
    _last_index = (weakref.ref(bibliography), index)
    return index


def known_names(bibliography: BibliographyData) -> KnownNames:
    """Who and what the bibliography lets an essay cite, and its places of publication.

    What makes "(Kotkin, 2017)" or "(Memorial 2007)" a citation and keeps "(Moscow,
    1937)" as text: see ``recognize.find_citations``.
    """
    return _index(bibliography).known


def _named_whole(source: _Source) -> bool:
    """An organisation ("{Memorial}", braced so BibTeX never splits it) or a work without
    authors: cited by its whole name, where a person is cited by the family name."""
    return bool(source.families) and (source.unauthored or source.families[0].startswith("{"))


def _places(entry: Entry) -> list[str]:
    location = _plain(entry.fields.get("location", ""))
    parts = re.split(r"[,;:]| \{?and\}? ", location)  # "{and}": braced by the BibTeX writer
    return [p.strip(" {}") for p in parts if p.strip(" {}")]


OWN_VOLUME = re.compile(r"^vols?\.\s*(?P<volume>\w+),\s*(?P<rest>.+)$")


def _without_own_volume(locator: str | None, entry) -> str | None:
    """ "(Stalin 1952, vol. 2, p. 3)" of an entry that is volume 2 already: the note names
    the volume with the book, "Works, vol. 2 (…, 1952), 3", so the locator is the page."""
    found = OWN_VOLUME.match(locator or "")
    if found and found["volume"] == entry.fields.get("volume", "").strip("{}"):
        return found["rest"]
    return locator


def resolve(
    citations: list[Citation],
    bibliography: BibliographyData,
    path: str | None = None,
    *,
    possible: list[PossibleCitation] | tuple[PossibleCitation, ...] = (),
) -> Resolution:
    """Fill in each item's key; report misses, ties and loose matches as problems.

    ``possible`` citations become problems, for callers that do not report them
    themselves: a parenthetical "(Smithson, 2017)" is a warning (it is most often
    a source left out, and so must fail ``--strict``), a narrative "Versailles
    (1919)" only information.
    """
    index = _index(bibliography)
    sources = index.by_last_name
    keys_known = set(bibliography.entries)  # exact case: biber's keys are case-sensitive
    result = Resolution(citations=[])
    cited: set[str] = set()
    for citation in citations:
        items = []
        for item in citation.items:
            keys, loose = _match(item, sources, keys_known, index.unauthored)
            if len(keys) == 1:
                cited.add(keys[0])
                locator = _without_own_volume(item.locator, bibliography.entries[keys[0]])
                items.append(replace(item, key=keys[0], locator=locator))
                if loose:
                    result.problems.append(_loose(citation, item, keys[0], bibliography, path))
                continue
            items.append(replace(item, key=None))
            unmatched = Unmatched(citation, item, tuple(keys))
            if keys:
                result.ambiguous.append(unmatched)
            else:
                result.unresolved.append(unmatched)
            result.problems.append(_problem(unmatched, sources, path))
        result.citations.append(replace(citation, items=tuple(items)))
    result.uncited = sorted(keys_known - cited)
    result.problems += locator_problems(result.citations, bibliography, path)
    result.problems += [_possible(p, path) for p in possible]
    return result


def _possible(possible: PossibleCitation, path: str | None) -> Problem:
    if possible.kind == "unread":
        message = (
            f"'{possible.text}' opens as a citation of {possible.author} {possible.year}, but "
            "what follows could not be read; left as text — give the year and a page as "
            f"'({possible.author} 1990, 45)', or escape the bracket, '\\(', to keep it as text"
        )
        return Problem("citation", "warning", message, path, possible.line)
    if possible.kind == "detached":
        message = (
            f"'{possible.text}' stands a few words after {possible.author} but is not joined to "
            f"the name; left as text — write '{possible.author} {possible.text}' if it cites "
            f"{possible.author} {possible.year}"
        )
        return Problem("citation", "warning", message, path, possible.line)
    if possible.kind == "parenthetical":
        message = (
            f"looks like a citation of {possible.author} {possible.year}, but no source has "
            "that author; left as text — add the source, or write the parenthesis differently "
            "if it is not a citation"
        )
        return Problem("citation", "warning", message, path, possible.line)
    message = (
        f"'{possible.text}' looks like an author-year citation but no source has that author; "
        "left as text"
    )
    return Problem("citation", "info", message, path, possible.line)


def _sources(bibliography: BibliographyData) -> list[_Source]:
    """One source per entry; a work without authors once more under its site's name."""
    out = []
    for key, entry in bibliography.entries.items():
        source = _source(key, entry)
        out.append(source)
        site = entry.fields.get("organization") or entry.fields.get("journaltitle")
        if source.unauthored and site:
            out.append(replace(source, families=(_plain(site),)))
        out += [replace(source, families=(alias,)) for alias in _organisation_aliases(source)]
        out += [replace(source, families=names) for names in _romanised(source)]
    return out


#: How an essay in English may spell a Russian name: the Library of Congress's, the
#: press's (BGN/PCGN, Wikipedia's), the passport's (ICAO) and the scientific system.
ROMANISATIONS = ("ala_lc", "bgn_pcgn", "wikipedia", "icao_doc_9303", "scientific")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _romanised(source: _Source) -> list[tuple[str, ...]]:
    """A source by Russian authors, cited in Latin letters: "Petrov and Skorkin (1999)" for
    "Петров Н. В., Скоркин К. В." Each system's spelling, folded, is a name it answers to."""
    if not any(CYRILLIC.search(name) for name in source.families):
        return []
    import iuliia  # only for Cyrillic names (3 ms)

    spellings = []
    for system in ROMANISATIONS:
        schema = iuliia.schemas.get(system)
        names = tuple(
            re.sub(r"[ʹʺ’'`]", "", schema.translate(name)) if CYRILLIC.search(name) else name
            for name in source.families
        )
        if names not in spellings and names != source.families:
            spellings.append(names)
    return spellings


BRACKETED_NAME = re.compile(r"^(?P<brace>\{?)(?P<name>[^{}()]+?)\s*\((?P<inside>[^{}()]+)\)\}?$")


def _organisation_aliases(source: _Source) -> list[str]:
    """An organisation listed with a bracket, "World Health Organization (WHO)" or "PUR
    (Political Administration of the Red Army)", is cited by either part alone too; so is
    an archive cited by its name, "GARF (State Archive of the Russian Federation)"."""
    if len(source.families) != 1:
        return []
    name = source.families[0]
    plain = re.sub(r"[{}]", "", name) if source.unauthored else name  # a title's case braces
    found = BRACKETED_NAME.match(plain)
    if found is None or not (found["brace"] or source.unauthored):
        return []
    wrap = "{{{}}}" if found["brace"] else "{}"
    return [wrap.format(found["name"]), wrap.format(found["inside"])]


def _by_last_name(sources: list[_Source]) -> dict[str, list[_Source]]:
    """Sources grouped by the last word of their first family name, in bibliography order.

    Two names can only agree (see ``same_family``) when their last words do, so a
    citation is compared with its own group alone and resolution stays linear.
    """
    groups: dict[str, list[_Source]] = {}
    for source in sources:
        if source.families:
            groups.setdefault(last_word(source.families[0]), []).append(source)
    return groups


def _candidates(item: CiteItem, sources: dict[str, list[_Source]]) -> list[_Source]:
    return sources.get(last_word(item.families[0]), []) if item.families else []


#: How an author-date citation names a work with no year yet: "(Davies, forthcoming)".
PUBSTATE_CITED = {"forthcoming": "forthcoming", "inpress": "in press"}


def _source(key: str, entry: Entry) -> _Source:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    families = tuple(
        _plain(" ".join(person.prelast_names + person.last_names)) for person in persons
    )
    unauthored = not families
    if unauthored and entry.fields.get("title"):
        families = (_plain(entry.fields["title"]),)  # an authorless work is cited by its title
    found = YEAR_IN_FIELD.search(entry.fields.get("year", "") or entry.fields.get("date", ""))
    if found is None:  # cited as "n.d.", or as the state of a work not yet out
        state = PUBSTATE_CITED.get(entry.fields.get("pubstate", ""), "n.d.")
        return _Source(key, families, state, state, unauthored)
    year, letter = found.groups()
    letter = letter or _key_letter(key, year)
    return _Source(key, families, year, year + letter, unauthored)


def _key_letter(key: str, year: str) -> str:
    """The "a" of "davies1980a"."""
    found = re.search(rf"{year}([a-z])$", key)
    return found[1] if found else ""


def _plain(name: str) -> str:
    """A BibTeX name in Unicode: "Brou{\\'e}" -> "Broué" (braces go in folding)."""
    if "\\" not in name:
        return name
    import latexcodec  # noqa: F401  (registers "ulatex"; 15 ms, and only accents need it)

    try:
        return codecs.decode(name, "ulatex")
    except ValueError:
        return name


def _match(
    item: CiteItem,
    sources: dict[str, list[_Source]],
    keys: set[str],
    unauthored: list[_Source] = (),
) -> tuple[list[str], bool]:
    """The keys of the best-matching entries, and whether only a loose match was found.

    Tiers, first non-empty wins: all listed authors and the exact year label;
    the same authors and a bare year ("2010" for the only "smith2010a"); then
    the first author alone, which is reported as a warning. A title may be cited
    by its opening words ("Seventeen Moments" for the whole site's name).
    """
    if item.key is not None:
        return ([item.key] if item.key in keys else []), False
    for loose in (False, True):
        people = [s for s in _candidates(item, sources) if _same_people(item, s, loose)]
        if not people and not loose and len(item.families) == 1:
            opening = whole_name(item.families[0]) + " "
            people = [
                s for s in unauthored if (whole_name(s.families[0]) + " ").startswith(opening)
            ]
        exact = list(dict.fromkeys(s.key for s in people if s.label == item.year))
        if exact:
            return exact, loose
        if not item.year[-1:].isalpha():
            bare = list(dict.fromkeys(s.key for s in people if s.year == item.year))
            if bare:
                return bare, loose
    return [], False


def _same_people(item: CiteItem, source: _Source, loose: bool) -> bool:
    cited, listed = item.families, source.families
    if not cited or not listed or not same_family(cited[0], listed[0]):
        return False
    if loose:
        return True
    if item.et_al:
        return len(listed) > 1
    return len(cited) == len(listed) and all(map(same_family, cited, listed))


def _problem(unmatched: Unmatched, sources: dict[str, list[_Source]], path: str | None) -> Problem:
    citation, item = unmatched.citation, unmatched.item
    if item.key is not None:
        message = f"no source has the key '{item.key}' (cited as '{citation.text}')"
    elif unmatched.candidates:
        keys = ", ".join(unmatched.candidates)
        message = (
            f"{_label(item)} (cited as '{citation.text}') fits several sources: {keys}; "
            "add a year letter (1980a, 1980b) to tell them apart"
        )
    else:
        message = f"no source for {_label(item)} (cited as '{citation.text}')"
        people = _candidates(item, sources)
        years = sorted({s.label for s in people if _same_people(item, s, loose=True)})
        if years:
            message += f"; the sources by {item.families[0]} are from {', '.join(years)}"
    return Problem("citation", "error", message, path, citation.line, item.key)


def _loose(citation: Citation, item: CiteItem, key: str, bibliography, path) -> Problem:
    persons = bibliography.entries[key].persons
    names = [str(p) for p in persons.get("author") or persons.get("editor") or []]
    return Problem(
        "citation",
        "warning",
        f"{_label(item)} (cited as '{citation.text}') taken to be {key}, "
        f"whose authors are {'; '.join(names)}",
        path,
        citation.line,
        key,
    )


def _label(item: CiteItem) -> str:
    return f"{item.author} {item.year}"
