"""The labeller's slips about where a work appeared: its journal, its publisher, its state.

Each repair undoes one shape of slip, whatever the words, as in ``repairs.py``: a
publisher with no place read as a journal or a book (CMOS 18 drops the place), a
forthcoming article's journal read as a publisher, a year that ends a title read
into the journal after it. ``repairs.repaired`` runs them with the rest.
"""

from __future__ import annotations

import re

from ..places import is_place
from . import fields as F
from .spans import Span, fix_first_pair

WRAP = F.SPAN_WRAP
QUOTED_THEN_MORE_RE = re.compile(r"^(?P<title>[“\"‘«].+?[”\"’»][.,]?)\s+(?P<rest>[^\W\d_].*)$")
QUOTES = "“\"‘«'"
#: A work not yet out, as a reference says so at the end of its journal's span.
PUBSTATE_RE = re.compile(
    r"(?:^|[,.;]\s*|\s*[(\[])\s*"  # set off as a note, never "… Penguin Press"
    r"(?P<state>in\s+press|to\s+appear|forthcoming|sous\s+presse|im\s+Druck)"
    r"\s*[)\]]?[\s.,;]*$",
    re.I,
)
#: biblatex's publication states (biblatex-chicago prints "in press" and "forthcoming").
PUBSTATES = {"in press": "inpress", "im druck": "inpress", "sous presse": "inpress"}


def quoted(text: str) -> bool:
    """Whether a span opens with a quotation mark, as a chapter's or article's title does."""
    return text.lstrip(" (").startswith(tuple(QUOTES))


def _state(m: re.Match) -> str:
    """biblatex's pubstate for the words PUBSTATE_RE found."""
    return PUBSTATES.get(" ".join(m["state"].lower().split()), "forthcoming")


def journal_of_a_work_not_yet_out(spans: list[Span]) -> list[Span]:
    """'…sedimentary rocks.' + 'Precambrian Research. (in press)' read as a publisher,
    '…, 1997.' + 'Computational Optimization and Applications, to appear.' as a second
    title, or '“Title.” Journal.' + '(in press)' as one title: the span after the title
    that ends by saying the work is not yet out names its journal, and the state is
    biblatex's pubstate."""
    labels = [label for label, _ in spans]
    for i, (label, text) in enumerate(spans):  # "Baltic Review. Forthcoming." as the journal
        m = PUBSTATE_RE.search(text) if label in ("journal", "container-title") else None
        if m and text[: m.start()].strip(WRAP):
            return [
                *spans[:i],
                (label, text[: m.start()]),
                ("pubstate", _state(m)),
                *spans[i + 1 :],
            ]
    if "title" not in labels or {"journal", "container-title"} & set(labels):
        return spans
    first = labels.index("title")
    for end in range(first + 1, len(spans)):
        m = PUBSTATE_RE.search(spans[end][1])
        if not m:
            continue
        state = _state(m)
        start, journal = end, spans[end][1][: m.start()].strip(WRAP)
        quoted = QUOTED_THEN_MORE_RE.match(spans[first][1].strip())
        if not journal and end - 1 == first and quoted:  # "“Title.” Journal." + "(in press)"
            title, journal = ("title", quoted["title"]), quoted["rest"].strip(WRAP)
            return [
                *spans[:first],
                title,
                ("journal", journal),
                ("pubstate", state),
                *spans[end + 1 :],
            ]
        if not journal and end - 1 > first:  # "Marine Geology." + "(in press)"
            start, journal = end - 1, spans[end - 1][1].strip(WRAP)
        if spans[start][0] in ("publisher", "title", "note") and journal and not is_place(journal):
            return [*spans[:start], ("journal", journal), ("pubstate", state), *spans[end + 1 :]]
        return spans
    return spans


def publisher_read_as_journal(spans: list[Span]) -> list[Span]:
    """'Produced Water and Associated Issues.' + 'Oklahoma Geological Survey, Norman,
    Okla.' read as a journal: a span after an unquoted title that ends on a place, with
    no volume, issue or pages anywhere, is who published the work and where."""
    labels = [label for label, _ in spans]
    if {"volume", "issue", "pages"} & set(labels) or "journal" not in labels:
        return spans
    i = labels.index("journal")
    head, comma, last = spans[i][1].strip(WRAP).partition(", ")
    title = next((text for label, text in spans[:i] if label == "title"), None)
    if title is None or quoted(title) or not comma or not is_place(last.split(",")[0].strip()):
        return spans
    return [*spans[:i], ("publisher", spans[i][1]), *spans[i + 1 :]]


def publisher_read_as_book(spans: list[Span]) -> list[Span]:
    """'Graveyard Poetry: … Condition.' + 'Ashgate,' + '2013.': a short name between an
    unquoted title and the closing year, with no "In", editors, volume or pages, is the
    publisher of a book cited without its place (as CMOS 18 cites every book)."""

    def fix(book: Span, year: Span) -> list[Span] | None:
        label, text = book
        words = text.strip(WRAP).split()
        if label != "container-title" or year[0] != "date" or not 1 <= len(words) <= 3:
            return None
        if re.match(r"(?i)in\b", words[0]) or is_place(text.strip(WRAP)):
            return None
        return [("publisher", text), year]

    labels = [label for label, _ in spans]
    title = next((text for label, text in spans if label == "title"), None)
    others = {"volume", "issue", "pages", "editor", "publisher", "journal"}
    if title is None or quoted(title) or others & set(labels) or labels[-1] != "date":
        return spans
    return fix_first_pair(spans, fix)


YEAR_THEN_JOURNAL_RE = re.compile(rf"^(?P<year>{F.YEAR})\.\s+(?P<journal>\S.*)$")


def year_ending_the_title(spans: list[Span]) -> list[Span]:
    """'Analysis of mass bird mortality in October,' + '1954. Auk': a title that stops on a
    comma, and a journal opening on a year and a full stop, share that year: it ends
    the title."""

    def fix(title: Span, journal: Span) -> list[Span] | None:
        m = YEAR_THEN_JOURNAL_RE.match(journal[1].strip())
        ends_on_comma = title[1].rstrip().endswith(",")
        if (
            title[0] == "title"
            and journal[0] in ("journal", "container-title")
            and m
            and ends_on_comma
        ):
            return [("title", f"{title[1].rstrip()} {m['year']}."), (journal[0], m["journal"])]
        return None

    return fix_first_pair(spans, fix)


DATE_AFTER_VOLUME_RE = re.compile(
    rf"^(?P<volume>.*?[\w.])\s*(?P<date>\(\s*{F.YEAR}(?:\s*[-–/]\s*(?:{F.YEAR}|\d\d))?\s*\)[:.,]?)$"
)


def date_after_the_volume(spans: list[Span]) -> list[Span]:
    """'Miscellanea … tisků' + '18 (2003-2004):' + '4-144.': a journal's volume and, in
    brackets after it, its year (or academic year), with no other date: the date."""
    if any(label == "date" for label, _ in spans):
        return spans
    out = []
    for label, text in spans:
        m = DATE_AFTER_VOLUME_RE.match(text.strip()) if label == "volume" else None
        out += [("volume", m["volume"]), ("date", m["date"])] if m else [(label, text)]
    return out


def journal_ending_the_title(spans: list[Span]) -> list[Span]:
    """'Colonizzazione …: la Valle Padana, Quaderni storici,' + '14,' + '1970,' + '319-338.':
    in the note form of Italian and French references (author, title, journal, volume,
    year, pages), a title run on into the journal gives back its last comma's part when a
    volume follows it at once and a page range comes later."""
    labels = [label for label, _ in spans]
    if {"journal", "container-title", "publisher"} & set(labels) or "title" not in labels:
        return spans
    i = labels.index("title")
    ranged = any(
        label == "pages" and re.search(r"\d\s*[-–—]\s*\d", text) for label, text in spans[i:]
    )
    if i + 1 >= len(spans) or labels[i + 1] != "volume" or not ranged:
        return spans
    head, comma, last = spans[i][1].rstrip(" ,").rpartition(", ")
    words = last.split()
    if not comma or len(head.split()) < 2 or not 1 <= len(words) <= 5 or not last[:1].isupper():
        return spans
    return [*spans[:i], ("title", head + ","), ("journal", last + ","), *spans[i + 1 :]]


#: Chicago's volume of a multivolume work: "Stalin. Vol. 1, Paradoxes of Power, 1878–1928."
VOLUME_OF_A_WORK_RE = re.compile(
    r"^(?P<main>[^\W\d_][^.]*?[^\W\d_])\.\s+(?P<volume>(?:Vol(?:ume)?|Bd|Tome|Т)\.?\s+"
    r"(?:\d+|[IVXLC]+))[,:]\s+(?P<title>[^\W\d_].+)$"
)
HEAD_LABELS = ("title", "journal", "container-title", "volume")


def volume_of_a_multivolume_work(spans: list[Span]) -> list[Span]:
    """'Stalin.' + 'Vol. 1, Paradoxes' + 'of Power, 1878–1928.', whatever the labels: the
    work's title, the volume's number and the volume's own title (CMOS 14.121), biblatex's
    maintitle, volume and title."""
    start = next((i for i, (label, _) in enumerate(spans) if label in HEAD_LABELS), None)
    if start is None:
        return spans
    end = start
    while end < len(spans) and spans[end][0] in HEAD_LABELS:
        end += 1
    m = VOLUME_OF_A_WORK_RE.match(" ".join(text.strip() for _, text in spans[start:end]))
    if m is None:
        return spans
    head = [("maintitle", m["main"] + "."), ("volume", m["volume"] + ","), ("title", m["title"])]
    return [*spans[:start], *head, *spans[end:]]


def year_ending_a_title_after_the_date(spans: list[Span]) -> list[Span]:
    """'(2012).' + 'Moscow,' + '1937' + '(R. Livingstone, Trans.)': with the date given
    already, a year after the title's closing comma is the title's own ("Moscow, 1937")."""
    labels = [label for label, _ in spans]
    if "title" not in labels or "date" not in labels[: labels.index("title")]:
        return spans

    def fix(title: Span, year: Span) -> list[Span] | None:
        bare = re.fullmatch(rf"\s*{F.YEAR}[.,]?\s*", year[1])
        if title[0] == "title" and year[0] == "date" and bare and title[1].rstrip().endswith(","):
            return [("title", f"{title[1].rstrip()} {year[1].strip()}")]
        return None

    return fix_first_pair(spans, fix)


YEAR_RANGE_RE = re.compile(rf"\s*(?P<range>{F.YEAR}\s*[-–—]\s*(?:{F.YEAR}|\d\d))\.?\s*")


def year_range_ending_the_title(spans: list[Span]) -> list[Span]:
    """'A People's Tragedy: The Russian Revolution,' + '1891–1924.' read as pages: a range
    of years right after a title that stops on its comma ends the title (the book's date
    comes after)."""

    def fix(title: Span, pages: Span) -> list[Span] | None:
        m = YEAR_RANGE_RE.fullmatch(pages[1])
        if title[0] == "title" and pages[0] == "pages" and m and title[1].rstrip().endswith(","):
            return [("title", f"{title[1].rstrip()} {m['range']}.")]
        return None

    return fix_first_pair(spans, fix)


REPRINT_IN_THE_TITLE_RE = re.compile(
    rf"^(?P<title>.*[^\d\s])\.\s+(?P<year>{F.YEAR})\.\s+(?P<reprint>(?i:reprint(?:ed)?|repr\.)(?!\w).*)$"
)


def reprint_read_into_the_title(spans: list[Span]) -> list[Span]:
    """'The Interpretation of Dreams. 1900. Reprint,' + 'London:' …: Chicago's reprint
    (CMOS 14.114), the original's year and the word "Reprint" read into the title."""
    out = []
    for label, text in spans:
        m = REPRINT_IN_THE_TITLE_RE.match(text.strip()) if label == "title" else None
        if m:
            out += [("title", m["title"] + "."), ("date", m["year"] + "."), ("note", m["reprint"])]
        else:
            out.append((label, text))
    return out
