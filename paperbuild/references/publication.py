"""Read the publication facts of a tail: pages, dates, place and publisher, and a thesis.

These come in any order and any style ("New Haven: Yale UP, 2001", "Routledge,
London"), so they are read by what they look like rather than where they stand;
the translator and edition are taken out first, as they can stand anywhere too.
"""

from __future__ import annotations

import re

from . import fields as F
from .authors import names_at
from .names import words
from .reference import Reference, set_date
from .sentences import sentence_end, sentences, tidy

PUBLISHER_WORDS = words(
    """
    press presses publishing publishers publisher publications books verlag editions
    éditions editora editorial edizioni university universidad universität université up
    house media ltd inc & sons group
    """
)
US_STATES = words(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC UK
    """
)
PUBPAREN_RE = re.compile(r"\((?P<inner>[^()]*[A-Za-z][^()]*?(?::[^()]*|,\s*\d{4}[a-z]?))\)")
TRANS_RE = re.compile(r"[,.]?\s*\b(?:[Tt]rans(?:lated)?\.?(?:\s+by)?|[Tt]r\.)\s+(?=[A-Z])")
#: The degree a thesis is for, where the tail names it: "PhD diss.", "Master's thesis".
THESIS_TAIL_RE = re.compile(
    r"(?:^|(?<=[.,;\[(]\s)|(?<=[\[(]))"
    r"(?:(?:Ph\.?\s?D\.?|Doctoral|Master['’]?s|M\.?A\.?|MPhil|Doctorate)\s+"
    r"(?:thesis|dissertation|diss\.)|(?:Thesis|Dissertation|Diss\.)(?=[,.;)\]]|$))",
    re.I,
)


def take_translator_edition(rest: str, ref: Reference) -> str:
    """Record "Trans. Given Surname" and "2nd ed." wherever they stand; return the rest."""
    m = TRANS_RE.search(rest)
    if m:
        names, stop = names_at(rest, m.end())
        if names:
            ref.names["translator"] = names
            rest = tidy(rest[: m.start()] + ". " + rest[stop:].lstrip(" ,."))
    m = F.EDITION_RE.search(rest)
    if m:
        ref.fields["edition"] = F.edition_number(m.group("ed"))
        rest = tidy(rest[: m.start()] + rest[m.end() :]).strip(" .,:;")
    return rest


def take_thesis(rest: str, ref: Reference) -> bool:
    """Around "PhD diss.": the university next to it is the institution, never a journal.

    Chicago and APA name it after the degree ("PhD diss., University of Chicago"),
    MLA before it ("U of Chicago, PhD dissertation"); anything further is a note.
    Return whether the tail named a thesis (and so has been read).
    """
    thesis = THESIS_TAIL_RE.search(rest)
    if not thesis:
        return False
    before = rest[: thesis.start()].strip(" .,:;[(")
    after = rest[thesis.end() :].lstrip(" ,.;:])")
    if after:
        end = sentence_end(after)
        main, extra = (after, "") if end is None else (after[:end], after[end:])
        extra = f"{before}. {extra}" if before else extra
    else:
        main, extra = before, ""
    publication_facts(main, ref)
    if extra.strip(" .,:;"):
        publication_facts(extra, ref)
    return True


def publication_facts(text: str, ref: Reference, periodical: bool = False) -> None:
    """Dates, pages, place and publisher, in whatever order they come."""
    text = text.strip(" .,:;")
    for m in PUBPAREN_RE.finditer(text):
        inner = m.group("inner")
        if ":" in inner or re.search(r"[A-Za-z]{3}.*,\s*\d{4}", inner):
            text = tidy(text[: m.start()] + ". " + inner + ". " + text[m.end() :])
            break
    m = F.PAGES_RE.search(text)
    pp = re.search(r"\bpp?\.\s*\d", text)
    if pp:
        m = F.PAGES_RE.search(text, pp.start())
    if m and not m.group("pp") and not periodical and _year_range(m.group("range")):
        m = None  # "Paradoxes of Power 1878-1928" in a book: years, not pages
    if m and "pages" not in ref.fields:
        ref.fields["pages"] = F.normalise_pages(m.group("pp") or m.group("range"))
        text = tidy(text[: m.start()] + " " + text[m.end() :].lstrip(")"))
        text = re.sub(r"\(\s*\)", "", text)
    pos = 0
    while True:
        date, dm = F.parse_date(text, pos)
        if not dm:
            break
        if re.search(r"\d\s*[-–/]\s*$", text[: dm.start()]) or re.match(
            r"\s*[-–/]\s*\d", text[dm.end() :]
        ):
            pos = dm.end()  # one end of a range of years ("1878-1928") belongs to a title
            continue
        set_date(ref, date)
        text = tidy(text[: dm.start()] + " " + text[dm.end() :])
    text = re.sub(r"\((?:[^()\w]*|Spring|Summer|Autumn|Fall|Winter)\)", "", text)
    text = re.sub(r"\s*[,:;]\s*(?=[,.:;]|$)", "", text).strip(" .,:;()")
    if not text:
        return
    parts = sentences(text)
    if periodical:
        ref.notes.extend(parts)
        ref.unparsed.extend(parts)
        return
    leftover = []
    for sentence in parts:
        if "publisher" in ref.fields:
            leftover.append(sentence)
            continue
        if not _place_publisher(sentence, ref):
            leftover.append(sentence)
    if "publisher" not in ref.fields and leftover:
        last = leftover.pop()
        if ref.quoted_title and "url" in ref.fields:
            ref.fields["organization"] = last
        else:
            ref.fields["publisher"] = last
    if leftover and not ref.quoted_title and ref.fields.get("_container") != "book":
        ref.fields["title"] = ". ".join([ref.fields["title"], *leftover[:1]])
        leftover = leftover[1:]
    ref.notes.extend(leftover)
    ref.unparsed.extend(leftover)


def _year_range(text: str) -> bool:
    """Whether a number range is two years in order ("1878-1928"), not pages."""
    a, b = (int(x) for x in re.findall(r"\d+", text)[:2])
    return all(re.fullmatch(F.YEAR, str(x)) for x in (a, b)) and a < b


def _place_publisher(sentence: str, ref: Reference) -> bool:
    """'New Haven, CT: Yale UP' / 'New Haven, Yale UP' / 'Yale UP, New Haven' / 'Routledge'."""
    m = re.fullmatch(r"(?P<loc>[^:]{2,60}?)\s*:\s*(?P<pub>[^:]+)", sentence)
    if m and m.group("loc")[:1].isupper() and len(m.group("loc").split()) <= 6:
        ref.fields["location"] = m.group("loc").strip(" ,")
        ref.fields["publisher"] = m.group("pub").strip(" ,")
        return True
    parts = [p.strip() for p in sentence.split(",") if p.strip()]
    if len(parts) == 1:
        return False
    pubs = [p for p in parts if _is_publisher(p)]
    if pubs:
        pub = pubs[0]
        places = [p for p in parts if p != pub]
    elif all(p in US_STATES or re.fullmatch(r"[A-Z]\.?[A-Z]\.?", p) for p in parts[1:]):
        return False
    else:
        places, pub = parts[:-1], parts[-1]
    ref.fields["publisher"] = pub
    if places:
        ref.fields["location"] = ", ".join(places)
    return True


def _is_publisher(part: str) -> bool:
    """Whether a phrase names a publisher ("Yale UP", "Routledge & Sons")."""
    return any(w.lower().strip(".,") in PUBLISHER_WORDS for w in part.split())
