"""Archival documents: a Russian or Soviet archive's call number, cut out before labelling.

Historians of Russia cite a file by its archive and call number: fond, opis', delo and
leaves ("RGVA, f. 9, op. 28, d. 127, ll. 1–5"; GOST's "РГВА. Ф. 9. Оп. 28. Д. 127.").
No labeller trained on books and articles reads that: it took the archive for a journal
and the numbers for its volume and pages. The call number has a fixed shape, so it is
found by pattern, with the archive named just before it, and kept as one note in the
archive's own form (CMOS 14.221-26: the repository and the call number after the
document). A line that is nothing but an archive and a call number is the archive's own
entry, cited by the archive's name.
"""

from __future__ import annotations

import re

from .reference import Reference

#: The parts of a call number, in their order: fond, opis', delo, then the leaves.
FOND = r"(?:[fф]\.|fond|фонд)"
OPIS = r"(?:op\.|оп\.|opis['’]?|опись)"
DELO = r"(?:d\.|д\.|delo|дело)"
LEAVES = r"(?:ll?\.|лл?\.|listy?|листы?)"
NUMBER = r"[\w/–-]*\d[\w/–-]*"
PART = r"\s*[.,]?\s+"
CALL_NUMBER = (
    rf"(?i:{FOND})\s*{NUMBER}(?:{PART}(?i:{OPIS})\s*{NUMBER})?(?:{PART}(?i:{DELO})\s*{NUMBER})?"
    rf"(?:{PART}(?i:{LEAVES})\s*{NUMBER}(?:\s*,\s*{NUMBER})*)?"
)
#: The archive and the call number that close a reference; the archive is the last
#: sentence before them, an acronym with its name in brackets or not.
ARCHIVE_RE = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s))(?P<archive>[^\W\d_][^.!?]{{0,120}}?(?:\([^()]{{1,100}}\))?)"
    rf"\s*[.,]\s*(?P<call>{CALL_NUMBER})[\s.,]*$"
)


def take_archive(text: str, ref: Reference) -> str:
    """Cut the archive and call number off ``text`` into the archival note and say the work
    is unpublished; the text before them, if any, is read as usual (who, when, what)."""
    m = ARCHIVE_RE.search(text)
    parts = len(re.findall(rf"(?i)(?<!\w)(?:{FOND}|{OPIS}|{DELO})", m["call"])) if m else 0
    if m is None or (m.start() == 0 or parts < 2) and not _names_the_repository(m["archive"]):
        return text  # "…, f. 12." alone closing a line is no call number
    archive = m["archive"].strip()
    call = re.sub(r"\s*[.,]?\s+(?=(?i:" + f"{OPIS}|{DELO}|{LEAVES}" + "))", ", ", m["call"].strip())
    call = call.rstrip(".,")
    head = text[: m.start()].strip()
    if head:
        ref.fields["_archive"] = f"{archive}, {call}"
    else:  # the archive's own entry: its name is the title it is cited by
        ref.fields["_archive"] = call
        ref.fields["title"] = archive
    return head


def short_name(archive: str) -> str | None:
    """How an archive with a bracket is cited: by its acronym, inside the bracket or before
    it ("Russian State Military Archive (RGVA)", "GARF (State Archive of …)")."""
    m = re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<inside>[^()]+)\)", archive.strip())
    if m is None:
        return None
    acronym = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]{1,9}")
    for part in (m["inside"], m["name"]):
        if acronym.fullmatch(part.strip()):
            return part.strip()
    return None


def _names_the_repository(archive: str) -> bool:
    """A whole line of archive and call number: the archive is an acronym or has a word
    for an archive in it, so a stray "f." in a title line is no call number."""
    return bool(
        re.search(r"\b[A-ZА-ЯЁ]{3,}\b", archive)
        or re.search(r"(?i)archiv|архив|library|библиотек|museum|музей", archive)
    )
