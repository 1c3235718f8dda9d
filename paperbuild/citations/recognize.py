"""Recognise prose author-year citations: "(Whitewood, 2015, p. 5)", "Roberts (2006) writes".

Essays written for people cite loosely, so the grammar takes the usual slips
("Whitewood 2015", "2008. p. 101", "p.19"); but a parenthesis must parse whole,
and one holding anything else is prose and stays prose. An organisation or the
title of an authorless work stands in an author's place when the bibliography
names it: "(Memorial 2007)", "(Seventeen Moments in Soviet History, n.d.)".

A citation of an author no source has is still a citation (so it is reported
unresolved), unless it may be a place and a date: a bare "(Moscow, 1938)" whose
name the gazetteer knows, a bare "(Red Army, 1937)" of several words, or a
"Moscow (1938)" not followed by a verb of saying ("argues", "wrote"). Those come
back as possible citations, for the caller to warn about rather than to cite.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..places import is_place
from .model import Citation, CiteItem, KnownNames, PossibleCitation, last_word, whole_name


def _letters(predicate) -> str:
    """The Latin, Greek and Cyrillic letters passing ``predicate``, for a character class."""
    codes = [*range(0x41, 0x530), *range(0x1E00, 0x1F00)]
    return "".join(ch for ch in map(chr, codes) if predicate(ch))


UPPER = f"[{_letters(str.isupper)}]"
LOWER = f"[{_letters(str.islower)}]"
LETTER = r"[^\W\d_]"

# -- names -------------------------------------------------------------------------------------
# A capitalised word with a lower-case letter, so initials ("S.") and acronyms ("NKVD") are not
# names: Kotkin, McDonald, O'Brien, Humbert-Droz, Murav'ev, Broué, Хлевнюк; never the "'s" of a
# possessive. A month or season is a date, not an author: "(January 1980)".
DATE_WORDS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Spring", "Summer", "Autumn", "Fall", "Winter",
)  # fmt: skip
NOT_DATE = rf"(?!(?:{'|'.join(DATE_WORDS)})\b)"
NAME = rf"""{NOT_DATE} (?:{UPPER}['’])? {UPPER}{LOWER}{LETTER}*
           (?: -{UPPER}{LETTER}+ | ['’](?!s\b){LETTER}+ )*"""
PARTICLE = r"(?i:van|von|de|der|den|del|della|di|da|du|dos|das|la|le|ten|ter|st\.)"
FAMILY = rf"(?:(?:{PARTICLE}\s+)+|(?i:d|l|al|el)['’-])?{NAME}"  # van der Berg, d'Encausse
# Inside a parenthesis a family may run to three words ("Sebag Montefiore", "Geoffrey Roberts");
# before a narrative parenthesis only the last word can be trusted to be the family name.
PAREN_FAMILY = rf"{FAMILY}(?:\s+{FAMILY}){{0,2}}"
AND = r"(?:and|&|и)"
# An organisation or a title in an author's place: capitalised words, acronyms and numbers,
# with the small words titles keep in lower case ("Seventeen Moments in Soviet History").
PHRASE_WORD = rf"(?: {UPPER}[\w'’\-.]* | \d+ )"
SMALL_WORD = r"(?: of|the|and|for|in|on|at|to|a|an|de|du|des|la|le|et|für|und|der|die|das|и|в )"
PHRASE = rf"{PHRASE_WORD} (?: \s+ (?: {SMALL_WORD} \s+ )* {PHRASE_WORD} ){{0,9}}"
ET_AL = r"et\.?\s+al\.?"


def authors(family: str) -> str:
    """One to three families ("Getty, Naumov, and Smith"), or the first and "et al."."""
    return rf"""
        {family}
        (?: \s+ {ET_AL}
          | (?: \s*,\s* {family} )? \s*,?\s+ {AND} \s+ {family}
        )?
    """


# -- years and locators ------------------------------------------------------------------------
# 2015, 1980a, n.d.; a work not yet out: "forthcoming", "in press" (CMOS 15.46)
YEAR = r"(?: (?:1[5-9]|20)\d\d[a-z]? | n\.\s?d\. | (?i: forthcoming | in\s+press ) ) (?!\w)"
NOT_YEAR = rf"(?!{YEAR})"  # a bare "2012" after a year is another year, not a page
# 45, xii, 45ff., Chicago's page with its note (220n4, 220nn4-5, 12n), and passim
PAGE = r"""(?: (?: \d+ (?: nn?\d* )? | [ivxlcdm]+ | [IVXLCDM]+ ) (?: \s?ff?\.? )? (?!\w)
            | (?i: passim ) (?!\w) )"""
RANGE = rf"{PAGE} (?: \s*[-–—]\s* {PAGE} )?"  # 4-5, 4–5
PAGE_LABEL = r"(?i: pp?\.? | с\. | стр\. | S\. )"  # dropped from the locator ("S.": Seite)
OTHER_LABEL = r"""(?i: ch(?:ap)?\. | chapter | nn?\. | notes? | §§? | vols?\. | figs?\.
                     | paras?\. | ¶ | sec\. | cols?\. | т\. | гл\. | tables? | tab\.
                     | app\. | appendix | figure | ll?\. | fols?\. | лл?\. | bd\. | sects?\.
                     | loc\. )"""  # kept in the locator
LABEL = rf"(?: {PAGE_LABEL} | {OTHER_LABEL} )"
VALUES = rf"(?: (?: \s*,\s* | \s+(?:and|&)\s+ ) {NOT_YEAR} {RANGE} )*"  # pp. 4, 7; 12 and 14
# A part of a book cited by name: (Pipes 1995, introduction)
PART = r"(?i: introduction | intro\. | preface | foreword | afterword | conclusion | epilogue )"
LOCATOR = rf"""
    (?: {LABEL} \s* {RANGE} | {NOT_YEAR} {RANGE} | {PART} (?!\w) ) {VALUES}   # p. 5 | 112 | preface
    (?: (?: \s*,?\s* | \s+and\s+ ) {LABEL} \s* {RANGE} {VALUES} )*   # , n. 3 | and ch. 2
"""
LOCATOR_SEP = r"(?: \s*[,:.]\s* | \s+ )"  # ", p. 5"; Harvard ": 45"; the slip "2008. p. 101"
# A reprint's first year: Chicago's "[1937] 2004", APA's "1900/1953".
ORIGINAL = r"""(?: [\[(] (?:1[5-9]|20)\d\d [\])] \s+
    | (?:1[5-9]|20)\d\d \s*/\s* (?=(?:1[5-9]|20)\d\d) )"""
YEAR_LOCATOR = rf"{ORIGINAL}? {YEAR} (?: {LOCATOR_SEP} {LOCATOR} )?"
# 1980a, 112, 1980b; 1968 and 1990
YEARS = rf"{YEAR_LOCATOR} (?: (?: \s*,\s* | \s+(?:and|&)\s+(?={YEAR}) ) {YEAR_LOCATOR} )*"

PREFIX = r"""(?i: see,?\s+e\.g\.,? | see\s+also | but\s+see | see | cf\.? | e\.g\.,? | i\.e\.,?
    | compare | also | (?:as\s+)?(?:quoted|cited)\s+in )"""  # "quoted in": CMOS 15.52
SUFFIX = r"\s*,\s* (?P<suffix> [^;]*?)"  # "p. 5, emphasis added": kept after the locator

# -- the three shapes --------------------------------------------------------------------------
PARENTHESIS = re.compile(r"\( (?P<body> [^()]* ) \)", re.VERBOSE)
# One ";"-separated part of a parenthesis. Without authors it continues the previous
# authors' list of years: "(Davies 1980a, 112; 1980b)".
PAREN_ITEM = re.compile(
    rf"""
    \s*
    (?: (?P<prefix> {PREFIX} ) \s+ )?
    (?: (?P<authors> {authors(PAREN_FAMILY)} ) (?: \s*,\s* | \s+ ) )?
    (?P<years> {YEARS} )
    (?: {SUFFIX} )?
    \s*
    """,
    re.VERBOSE,
)
PHRASE_ITEM = re.compile(
    rf"""
    \s*
    (?: (?P<prefix> {PREFIX} ) \s+ )?
    [“"‘]? (?P<authors> {PHRASE} ) (?: ,? [”"’] )?   # APA's ("Title," 1957) too
    (?: \s*,\s* | \s+ )
    (?P<years> {YEARS} )
    (?: {SUFFIX} )?
    \s*
    """,
    re.VERBOSE,
)
NARRATIVE = re.compile(
    rf"""
    (?<! [\w'’-] )
    (?P<authors> {authors(FAMILY)} )
    (?: ['’]s )?                                  # Khlevniuk's (2015)
    \s*
    (?P<paren> \( \s*
        (?P<years> {YEAR_LOCATOR} (?: \s*[,;]\s* {YEAR_LOCATOR} )* )
        (?: {SUFFIX} )?
    \s* \) )
    """,
    re.VERBOSE,
)
KEY = r"\w (?: [\w:.\#$%&+?<>~/-]* \w )?"  # pandoc's citation key
EXPLICIT = re.compile(r"\[ (?P<body> [^\[\]]*? @ [^\[\]]* ) \] (?!\()", re.VERBOSE)
EXPLICIT_ITEM = re.compile(
    rf"""
    \s* (?: (?P<prefix> [^@;]*? ) \s+ )?
    -?@ (?P<key> {KEY} )
    (?: \s*,\s* (?P<locator> [^;]*? ) )?
    \s*
    """,
    re.VERBOSE,
)

YEAR_LOCATOR_PART = re.compile(
    rf"{ORIGINAL}? (?P<year> {YEAR} ) (?: {LOCATOR_SEP} (?P<locator> {LOCATOR} ) )?", re.VERBOSE
)
LOCATOR_PART = re.compile(
    rf"(?<!\w) (?: (?P<label> {LABEL} ) \s* )? (?P<values> {RANGE} {VALUES} | {PART} )",
    re.VERBOSE,
)
LOCATOR_WITH_SUFFIX = re.compile(rf"(?P<locator> {LOCATOR} ) (?: {SUFFIX} )?", re.VERBOSE)
FAMILY_WORDS = re.compile(PAREN_FAMILY, re.VERBOSE)
NARRATIVE_FAMILY = re.compile(FAMILY, re.VERBOSE)
HAS_ET_AL = re.compile(ET_AL)
IS_PAGE_LABEL = re.compile(PAGE_LABEL, re.VERBOSE)
PLAIN_YEAR = re.compile(r"\d{4}|n\.\s?d\.")

# Where citations are never looked for: inline code, and URLs (which may hold "(Smith, 2010)").
CODE = re.compile(r"(`+)(?s:.+?)(?<!`)\1(?!`)")
URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+|www\.[^\s<>\"]+")


def find_citations(
    text: str, known: KnownNames | None = None, *, skip_code: bool = True
) -> tuple[list[Citation], list[PossibleCitation]]:
    """The citations in ``text`` in order, and the "(Moscow, 1938)"s that only look like one.

    ``known`` is what the bibliography names (``resolve.known_names``); without it
    every well-formed "Name, Year" counts as a citation. With ``skip_code``, text
    in backticks is not searched.
    """
    blocked = [m.span() for m in URL.finditer(text)]
    if skip_code:
        blocked += [m.span() for m in CODE.finditer(text)]
    phrases = known.phrases if known else frozenset()
    families = known.families if known else None
    found = [*_parenthetical(text, phrases), *_narrative(text, families), *_explicit(text)]
    citations: list[Citation] = []
    possible: list[PossibleCitation] = []
    blocked = _merged(blocked)
    taken: list[tuple[int, int]] = []  # disjoint and in order, so only the last can overlap
    for citation in sorted(found, key=lambda c: c.start):
        overlaps_taken = bool(taken) and taken[-1][1] > citation.start
        if overlaps_taken or _overlaps(blocked, citation.start, citation.end):
            continue
        taken.append((citation.start, citation.end))
        if _maybe_place(citation, known) and not _reported_speech(citation, text):
            [item] = citation.items
            where = (citation.text, citation.start, citation.end, citation.kind)
            possible.append(PossibleCitation(*where, item.author, item.year))
        else:
            citations.append(citation)
    if families:
        taken = _merged(blocked + taken)
        possible += _detached_years(text, families, taken)
        possible += _unread(text, families, phrases, taken)
    return citations, sorted(possible, key=lambda p: p.start)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, overlapping ones joined (a link inside code is one span)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (as :func:`_merged` gives them)."""
    at = bisect.bisect_left(spans, (end,))
    return at > 0 and spans[at - 1][1] > start


CITATION_START = re.compile(
    rf"""\s* (?: {PREFIX} \s+ )? (?P<authors> {authors(PAREN_FAMILY)} ) (?: \s*,\s* | \s+ )
    (?P<year> {YEAR} | (?i: forthcoming | in\s+press ) (?!\w) )""",
    re.VERBOSE,
)


#: An organisation's name (words the family-name grammar may not take, "PUR"), then a year.
ORGANISATION_START = re.compile(
    rf"\s* (?P<authors> [^\W\d_][^,;()]{{0,80}}? ) (?: \s*,\s* | \s+ ) (?P<year> {YEAR} )",
    re.VERBOSE,
)


def _unread(
    text: str, families: frozenset[str], phrases: frozenset[str], taken
) -> list[PossibleCitation]:
    """ "(Davies 1980, emphasis in original)", "(Davies, forthcoming)", "(PUR 1930, l. 14)":
    a parenthesis that opens as a citation of a known author or organisation but that the
    grammar cannot read to its end. It stays text, with a warning, so that no citation is
    dropped without a word."""
    out = []
    for paren in PARENTHESIS.finditer(text):
        if _overlaps(taken, paren.start(), paren.end()):
            continue
        opening = CITATION_START.match(paren["body"]) or ORGANISATION_START.match(paren["body"])
        if opening and (
            any(_known(m[0], families) for m in FAMILY_WORDS.finditer(opening["authors"]))
            or whole_name(opening["authors"]) in phrases
        ):
            where = (paren[0], paren.start(), paren.end(), "unread")
            out.append(PossibleCitation(*where, _spaced(opening["authors"]), opening["year"]))
    return out


DETACHED_YEAR = re.compile(rf"\( \s* (?P<years> {YEARS} ) \s* \)", re.VERBOSE)
SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s")
#: How far back a name is looked for: six words and more, never the whole paragraph again.
LOOK_BACK = 200


def _detached_years(text: str, families: frozenset[str], taken) -> list[PossibleCitation]:
    """ "As Khlevniuk argues (2009)": a year alone in brackets, a few words after a name the
    bibliography knows. It stays text (the words between may be anything), but is worth a
    warning, since "Khlevniuk (2009)" would have been a citation."""
    out = []
    for paren in DETACHED_YEAR.finditer(text):
        if _overlaps(taken, paren.start(), paren.end()):
            continue
        sentence = text[max(0, paren.start() - LOOK_BACK) : paren.start()]
        ends = list(SENTENCE_END.finditer(sentence))
        sentence = sentence[ends[-1].end() :] if ends else sentence
        names = [m for m in NARRATIVE_FAMILY.finditer(sentence) if _known(m[0], families)]
        if names and len(sentence[names[-1].end() :].split()) <= 6:
            year = YEAR_LOCATOR_PART.search(paren["years"])["year"]
            where = (paren[0], paren.start(), paren.end(), "detached")
            out.append(PossibleCitation(*where, names[-1][0], year))
    return out


#: Between the works of one parenthesis: a semicolon, or an "and" after a year or a page
#: and before a name ("(Getty 2013 and Harris 2016)"; never "12 and 14" or "and passim").
ITEM_BREAK = re.compile(r";|(?:(?<=\d)|(?<=\d[a-z]))\s+and\s+(?=[A-ZА-ЯЁ])")


def _parenthetical(text: str, phrases: frozenset[str]):
    for paren in PARENTHESIS.finditer(text):
        items: list[CiteItem] = []
        for part in ITEM_BREAK.split(paren["body"]):
            match = _named_phrase(part, phrases) or PAREN_ITEM.fullmatch(part)
            if match is None or not (match["authors"] or items):
                break
            if match.re is PHRASE_ITEM:
                author = _spaced(match["authors"])
                families = (author,)
            elif match["authors"]:
                author = _spaced(match["authors"])
                families = tuple(m[0] for m in FAMILY_WORDS.finditer(author))
            else:  # "; 1980b": more years by the same authors
                author, families = items[-1].author, items[-1].families
            new = _year_items(match, author, families, _prefix(match["prefix"]))
            if new is None:
                break
            items += new
        else:
            start, end = paren.span()
            yield Citation("parenthetical", paren[0], start, end, start, end, tuple(items))


def _named_phrase(part: str, phrases: frozenset[str]) -> re.Match | None:
    """A part citing an organisation or title the bibliography names ("Memorial 2007")."""
    if not phrases:
        return None
    match = PHRASE_ITEM.fullmatch(part)
    if match is None or not _names_a_work(match["authors"], phrases):
        return None
    return match


def _names_a_work(phrase: str, phrases: frozenset[str]) -> bool:
    """The whole name, or the opening words of a title ("Seventeen Moments" for the site)."""
    folded = whole_name(phrase)
    return folded in phrases or (" " in folded and any(p.startswith(folded + " ") for p in phrases))


def _narrative(text: str, known_families: frozenset[str] | None):
    for match in NARRATIVE.finditer(text):
        names = list(NARRATIVE_FAMILY.finditer(match["authors"]))
        # "Stalin and Roberts (2006)": keep only the names that can be authors.
        while known_families is not None and len(names) > 1 and not _has_et_al(match["authors"]):
            if _known(names[0][0], known_families):
                break
            names.pop(0)
        start = match.start("authors") + names[0].start()
        author = _spaced(text[start : match.end("authors")])
        families = tuple(name[0] for name in names)
        items = _year_items(match, author, families, None)
        if items is not None:
            end = match.end()
            citation_text = text[start:end]
            paren_start = match.start("paren")
            yield Citation("narrative", citation_text, start, end, paren_start, end, tuple(items))


def _state(year: str) -> str:
    """ "n.d." as written; "Forthcoming", "in  press" as "forthcoming", "in press"."""
    return year if year.lower().startswith("n") else " ".join(year.lower().split())


def _year_items(match: re.Match, author: str, families, prefix) -> list[CiteItem] | None:
    """One item per year in ``match["years"]``; None when a note follows no locator."""
    items = []
    for part in YEAR_LOCATOR_PART.finditer(match["years"]):
        locator = _locator(part["locator"]) if part["locator"] else None
        year = part["year"] if part["year"][:1].isdigit() else _state(part["year"])
        items.append(CiteItem(author, families, _has_et_al(author), year, locator, prefix))
    suffix = match["suffix"]
    if suffix:
        if items[-1].locator is None:
            return None
        items[-1] = replace(items[-1], locator=f"{items[-1].locator}, {suffix}")
    return items


def _explicit(text: str):
    for bracket in EXPLICIT.finditer(text):
        items = []
        for part in bracket["body"].split(";"):
            match = EXPLICIT_ITEM.fullmatch(part)
            if match is None:
                break
            locator = match["locator"]
            if locator:
                split = LOCATOR_WITH_SUFFIX.fullmatch(locator)
                if split is None:
                    locator = _spaced(locator)
                else:
                    locator = _locator(split["locator"])
                    if split["suffix"]:
                        locator += f", {split['suffix']}"
            items.append(
                CiteItem("", (), False, "", locator or None, _prefix(match["prefix"]), match["key"])
            )
        else:
            start, end = bracket.span()
            yield Citation("explicit", bracket[0], start, end, start, end, tuple(items))


def _locator(text: str) -> str:
    """ "pp. 4 - 5" -> "4–5", "p.19" -> "19", "ch.3" -> "ch. 3", "§4" -> "§ 4"."""
    parts = []
    for part in LOCATOR_PART.finditer(text):
        values = re.sub(r"\s*[-–—]\s*", "–", part["values"])
        values = re.sub(r"\s*,\s*", ", ", values)
        label = part["label"]
        if label and not IS_PAGE_LABEL.fullmatch(label):
            parts.append(f"{label} {values}")
        else:
            parts.append(values)
    return ", ".join(parts)


def _maybe_place(citation: Citation, known: KnownNames | None) -> bool:
    """Whether a citation may be a place and a date, "(Moscow, 1938)", and so stays text.

    A citation of an author no source has is still a citation when anything
    shows it is one: a locator, a prefix, "et al.", several authors, a year
    letter or several items. What is left is one bare "Name, Year" by nobody in
    the bibliography: it stays text when the name is a place (the gazetteer's, or
    a place of publication) or runs to several words ("Red Army, 1937"), and in
    narrative form ("Moscow (1938)") unless a verb of saying follows.
    """
    if known is None or citation.kind == "explicit" or len(citation.items) != 1:
        return False
    [item] = citation.items
    bare = bool(
        item.locator is None
        and item.prefix is None
        and not item.et_al
        and len(item.families) == 1
        and PLAIN_YEAR.fullmatch(item.year)
        and not _known(item.families[0], known.families)
        and _may_name_a_place(item.families[0])
    )
    if not bare or _names_a_work(item.families[0], known.phrases):
        return False
    family = item.families[0]
    return citation.kind == "narrative" or " " in family or is_place(family, known.places)


#: Verbs that report what an author wrote: "Smithson (2017) argues" cites someone, even if
#: no source has that name, where "Versailles (1919) ended" names a place and a date.
REPORTING_VERB = re.compile(
    r"""\s*,?\s* (?: (?:also|further|convincingly|rightly|similarly|too) ,?\s+ )?
        (?: (?: argue | write | note | observe | claim | suggest | describe | add | contend
              | assert | state | show | explain | emphasi[sz]e | point | maintain | conclude
              | insist | remark | recall | stress | find | demonstrate | propose | agree
              | disagree | reject | doubt | acknowledge | call | estimate | say | think )
            (?: s | es | d | ed )?
          | wrote | said | found | thought | shown )\b""",
    re.VERBOSE | re.IGNORECASE,
)


def _reported_speech(citation: Citation, text: str) -> bool:
    """Whether a narrative citation is followed by a verb of saying: then it is a citation."""
    return citation.kind == "narrative" and bool(REPORTING_VERB.match(text, citation.end))


def _may_name_a_place(name: str) -> bool:
    """False for names shaped like no place: "de Gaulle", "d'Encausse", "O'Brien", "Murav'ev".

    Places capitalise their first word and do not elide ("New York", "Rio de Janeiro").
    """
    return not (name[:1].islower() or "'" in name or "’" in name)


def _known(family: str, known_families: frozenset[str]) -> bool:
    """Whether a source has this family name (by its folded last word, as resolution indexes)."""
    return last_word(family) in known_families


def _has_et_al(author: str) -> bool:
    return HAS_ET_AL.search(author) is not None


def _prefix(prefix: str | None) -> str | None:
    return _spaced(prefix).rstrip(",") if prefix else None


def _spaced(text: str) -> str:
    return " ".join(text.split())
