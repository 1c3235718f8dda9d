"""Find who made a work: the authors or editors that open a reference, and named people later.

The names themselves are recognised by `names`; this module decides what role a
list plays (author, editor, translator) and reads the author-date year that APA
and Harvard put straight after it.
"""

from __future__ import annotations

import re

from . import fields as F
from .names import Name, looks_org, parse_names, tokenize, words
from .reference import Reference, set_date
from .sentences import OPEN_QUOTES, sentence_end

TITLE_FUNCTION_WORDS = words(
    """
    of the and for & on in at de des du la le et
    """
)
APA_YEAR_RE = re.compile(
    rf"\(\s*(?P<py>{F.YEAR}[a-z]?|n\.\s?d\.?)(?:,\s*(?P<pmore>[^)]{{1,25}}))?\s*\)\s*[.,:]?"
    rf"|(?P<by>{F.YEAR}[a-z]?|n\.\s?d\.)(?P<bmore>,\s*{F.MONTH}(?:\s+\d{{1,2}})?)?(?![\w:])[.,]?"
)
ED_MARK_RE = re.compile(
    r"\s*,?\s*\(?\s*(?:[Ee]ds?|[Hh]rsg|[Dd]ir|[Cc]omps?|[Ee]ditors?)(?![a-z])\.?\s*\)?\s*[.,:]?\s*"
)


def take_authors(text: str, ref: Reference) -> tuple[str, bool]:
    """Record authors and an author-date year; return the rest and whether a comma ended them."""
    tokens = tokenize(text)
    starts_quoted = text[:1] in OPEN_QUOTES
    parsed = None if starts_quoted else parse_names(text, tokens)
    if parsed and (len(parsed[0]) > 1 or not parsed[0][0].is_org or parsed[1] < len(tokens)):
        names, j, et_al = parsed
        pos = tokens[j].start if j < len(tokens) else len(text)
        comma = j < len(tokens) and tokens[j].text == ","
        if not (names[0].is_org and len(names) == 1 and not _org_follows(text, pos)):
            role = "author"
            if end := _editor_mark(text, pos):
                # "Ryan, James, and Susan Grant, eds. 2020." / "Smith, J. (Ed.). (2001)."
                role, pos = "editor", end
            ref.names[role] = names
            if et_al:
                ref.fields["_etal"] = "1"
            after = apa_year(text, pos, ref)
            return text[after:].lstrip(" .,:;"), comma and after == pos
    # No people: an organisation or a title stands before an author-date year.
    m = re.search(
        rf"(?:^|[\s.,])\(\s*(?:{F.YEAR}[a-z]?|n\.\s?d\.)\s*(?:,[^)]*)?\)"
        rf"|(?<=[.,]\s)(?:{F.YEAR}[a-z]?(?=[.,:])|n\.\s?d\.(?=\s|$))",
        text[:200],
    )
    if m and not starts_quoted:
        prefix = text[: m.start()].strip(" .,:")
        if prefix and not re.search(r"[“”\"‘]", prefix) and sentence_end(prefix) is None:
            after = apa_year(text, m.start(), ref)
            article = re.match(r"(?:The|A|An)\s", prefix)
            if len(prefix.split()) == 1 or (
                _title_cased(prefix) and (looks_org(prefix) or not article)
            ):
                ref.names["author"] = [Name(prefix)]
            else:
                ref.fields["title"] = prefix
            return text[after:].lstrip(" .,:;"), False
    return text, False


def apa_year(text: str, pos: int, ref: Reference) -> int:
    """If a date stands at pos (APA/Harvard author-date), record it; return the new pos."""
    skip = re.match(r"[\s.,:]*", text[pos:]).end()
    m = APA_YEAR_RE.match(text, pos + skip)
    if not m:
        return pos
    if m.group("by") and re.match(r"\s*:\s", text[m.end() :]):
        return pos  # "1937: Stalin's Year of Terror" is a title
    year = m.group("py") or m.group("by")
    if F.NODATE_RE.match(year):
        ref.fields["_nodate"] = "1"
    else:
        more = m.group("pmore") or (m.group("bmore") or "").lstrip(", ")
        date, _ = F.parse_date(f"{year[:4]}, {more}" if more else year[:4])
        set_date(ref, date)
        if year[4:]:
            ref.fields["_yearsuffix"] = year[4:]
    return m.end()


def _title_cased(text: str) -> bool:
    """Whether a phrase is capitalised like a name ("Bank of England"), not like a sentence."""
    parts = re.findall(r"[^\s,()]+", text)
    return (
        bool(parts)
        and all(
            w[0].isupper() or w.lower() in TITLE_FUNCTION_WORDS or not w[0].isalpha() for w in parts
        )
        and not re.search(r"\d", text)
    )


def _editor_mark(text: str, pos: int) -> int | None:
    """End of an "eds." / "(Ed.)" / ", editors." after a name list, or None."""
    mark = ED_MARK_RE.match(text, pos)
    if not mark:
        return None
    if re.match(rf"\s*(?:\(|{F.YEAR}|n\.\s?d\.|$)", text[mark.end() :]):
        return mark.end()  # a date follows (author-date styles)
    if re.fullmatch(r"\s*,\s*(?:[Ee]ds?\.|[Ee]ditors?\.|[Ee]ditors?,)\s*", mark.group()):
        return mark.end()  # MLA: "Surname, Given, editor. Title"
    if "(" in mark.group() and ")" in mark.group():
        return mark.end()  # "(Ed.)", "(Hrsg.)": bracketed, it is never part of a title
    return None


def _org_follows(text: str, pos: int) -> bool:
    """A one-word author ("UNHCR") must be followed by a year or a full stop to count."""
    return bool(re.match(rf"[\s,]*(?:\(|{F.YEAR}|\.)", text[pos:]))


def editors_first(text: str, ref: Reference, check_only: bool = False) -> int | None:
    """'C. Moore & P. J. Dunham (eds.), Book' -> editors; return where the book title starts."""
    tokens = tokenize(text)
    for prefer in (False, True):
        parsed = parse_names(text, tokens, 0, prefer_inverted=prefer)
        if not parsed:
            continue
        pos = tokens[parsed[1]].start if parsed[1] < len(tokens) else len(text)
        mark = ED_MARK_RE.match(text, pos)
        if mark and re.search(r"(?i)ed|hrsg|dir|comp", mark.group()):
            if not check_only:
                ref.names["editor"] = list(parsed[0])
            return mark.end()
    return None


def names_at(text: str, start: int) -> tuple[list[Name], int]:
    """Names written "Given Surname" from text[start:]; with where they stop."""
    tokens = tokenize(text[start:])
    parsed = parse_names(text[start:], tokens, 0, prefer_inverted=False)
    if not parsed:
        return [], start
    j = parsed[1]
    return parsed[0], start + (tokens[j].start if j < len(tokens) else len(text) - start)
