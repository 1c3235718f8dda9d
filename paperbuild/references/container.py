"""Read the tail after a title: the book a chapter is in, or the periodical or book itself.

The tail decides the entry type, so its shape is settled here, step by step: a
thesis, an "In" or editors (a chapter), a volume and issue (an article), a quoted
title followed by a site or periodical name, and else a book's publication facts.
"""

from __future__ import annotations

import re

from . import fields as F
from .authors import apa_year, editors_first, names_at
from .names import parse_names, tokenize
from .publication import PUBPAREN_RE, publication_facts, take_thesis, take_translator_edition
from .reference import Reference, set_date
from .sentences import first_mark

IN_RE = re.compile(r"(?:^|(?<=[.,;’”'\"])\s+)[Ii]n:?\s+(?=\S)")
EDITED_BY_RE = re.compile(r"[,.]?\s*\b(?:[Ee]dited|[Ee]d\.|[Hh]rsg\.)\s+(?:by|von)\s+")
#: The chapter's pages after the book title: ", pp. 97", ", 97–117".
PAGES_AFTER_BOOK_RE = re.compile(r",?\s*(?:\bpp?\.\s*\d|\(?\d+\s*[-–—]\s*\d+\)?(?=[.,;]?(?:\s|$)))")
DOMAIN_RE = re.compile(r"\w\.(?:org|com|net|edu|gov|info|io|[a-z]{2})\b", re.I)


def parse_tail(rest: str, ref: Reference) -> None:
    """Everything after the title: a thesis, a book the work is in, a periodical or a book."""
    rest = take_translator_edition(rest.strip(" .,:;"), ref)
    if take_thesis(rest, ref):
        return
    m = IN_RE.search(rest)
    if m:
        before = rest[: m.start()].strip(" .,;")
        if before:
            if ref.quoted_title:
                ref.notes.append(before)
                ref.unparsed.append(before)
            else:
                ref.fields["title"] += ". " + before
        _parse_container(rest[m.end() :], ref)
        return
    if EDITED_BY_RE.search(rest) or editors_first(rest, ref, check_only=True):
        _parse_container(rest, ref)
        return
    if ref.quoted_title and _apa_editors(rest, ref):
        return
    _parse_periodical_or_book(rest, ref)


def _apa_editors(rest: str, ref: Reference) -> bool:
    """“Chapter”, Editor, A. (2008). Book. Publisher. -- an "In" left out."""
    tokens = tokenize(rest)
    parsed = parse_names(rest, tokens, 0, prefer_inverted=True)
    if not parsed:
        return False
    pos = tokens[parsed[1]].start if parsed[1] < len(tokens) else len(rest)
    probe = Reference(ref.raw)
    after = apa_year(rest, pos, probe)
    if after == pos:
        return False
    ref.names["editor"] = parsed[0]
    set_date(ref, probe.fields.get("date"))
    _parse_container(rest[after:], ref, editors_done=True)
    return True


def _parse_container(text: str, ref: Reference, editors_done: bool = False) -> None:
    """The book a chapter is in: editors, book title, then publication facts."""
    text = text.strip(" .,:;")
    if not editors_done:
        start = editors_first(text, ref)
        if start is not None:
            text = text[start:].lstrip(" .,:;")
    end = first_mark(text, EDITED_BY_RE, PUBPAREN_RE, PAGES_AFTER_BOOK_RE)
    book = text[:end].strip(" .,:;")
    if book:
        ref.fields["booktitle"] = book
    rest = text[end:]
    edited = EDITED_BY_RE.search(rest)
    if edited:
        names, stop = names_at(rest, edited.end())
        if names and "editor" not in ref.names:
            ref.names["editor"] = names
        rest = rest[: edited.start()] + ". " + rest[stop:]
    ref.fields["_container"] = "book"
    publication_facts(rest, ref)


def _volume_match(text: str) -> re.Match | None:
    """The earliest volume (and issue) in text, of the shapes fields.VOLUME_RES lists."""
    best = None
    for n, rx in enumerate(F.VOLUME_RES):
        for m in rx.finditer(text):
            vol = m.group("vol")
            num = m.groupdict().get("num")
            if n and re.fullmatch(F.YEAR, vol):
                continue
            if num and re.fullmatch(F.YEAR, num):
                continue
            if best is None or m.start() < best.start():
                best = m
            break
    return best


def _parse_periodical_or_book(rest: str, ref: Reference) -> None:
    """A journal with its volume, a site or periodical after a quoted title, or a book."""
    m = _volume_match(rest)
    if m:
        journal = rest[: m.start()].strip(" .,:;")
        date, dm = F.parse_date(journal)
        if dm and dm.end() >= len(journal) - 1 and dm.start() > 0:
            set_date(ref, date)
            journal = journal[: dm.start()].strip(" .,:;")
        if journal and re.search(r"[^\W\d_]{2}", journal):
            ref.fields["journaltitle"] = journal
            ref.fields["volume"] = m.group("vol")
            if m.groupdict().get("num"):
                ref.fields["number"] = m.group("num")
            paren = m.groupdict().get("paren")
            tail = rest[m.end() :]
            if paren:
                tail = f"({paren}) {tail}"
            publication_facts(tail, ref, periodical=True)
            return
        if not journal:  # "Volume 1" of a book
            ref.fields["volume"] = m.group("vol")
            rest = rest[m.end() :]
    if ref.quoted_title and rest:
        chunk = re.match(r".+?(?=,\s|\.\s|\s\(|\.?$)", rest)
        head = chunk.group().strip() if chunk else ""
        if head and not re.search(r":\s", head) and not F.DATE_RE.fullmatch(head):
            if DOMAIN_RE.search(head) and not ref.fields.get("volume"):
                ref.fields["organization"] = head  # a web site, not a periodical
            else:
                ref.fields["journaltitle"] = head
            publication_facts(rest[chunk.end() :], ref, periodical=True)
            return
    publication_facts(rest, ref)
