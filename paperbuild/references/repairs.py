"""The labeller's slips of fixed shape, undone before the spans are read.

A sequence labeller sometimes ends a span a word early or late, or gives a whole
part the label of its neighbour, in ways that have a fixed shape: a year that
opens a title, a volume read into the date, a book's title after a quoted chapter
title read as part of it. Each repair here undoes one such shape, whatever the
words; none knows any particular string.
"""

from __future__ import annotations

import re

from ..places import is_place
from . import fields as F
from .people_repairs import (
    author_before_quoted_title,
    author_date_title_in_a_note,
    bracket_split_from_the_author,
    editors_read_into_the_book,
    family_name_after_the_editor,
    family_name_in_the_title,
    family_particle_in_the_title,
    film_by_its_director,
    nickname_before_the_title,
    one_name_author_in_the_title,
    organisation_before_the_date,
    title_from_people,
    title_in_the_author,
    title_word_after_an_initial,
    title_words_after_the_last_name,
    translator_without_a_cue,
)
from .spans import Span, fix_first_pair
from .venue_repairs import (
    QUOTED_THEN_MORE_RE,
    date_after_the_volume,
    journal_ending_the_title,
    journal_of_a_work_not_yet_out,
    publisher_read_as_book,
    publisher_read_as_journal,
    quoted,
    reprint_read_into_the_title,
    volume_of_a_multivolume_work,
    year_ending_a_title_after_the_date,
    year_ending_the_title,
    year_range_ending_the_title,
)

WRAP = F.SPAN_WRAP


def repaired(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Spans with the labeller's slips of fixed shape undone.

    - A year ending in a colon opens a title ("(2019) 1937: Bolsheviks against…").
    - A URL span holding a site's name or a date before the address gives them back.
    - A span opening with a small lower-case word continues the one before
      ("University Press" + "of Kansas").
    """
    out: list[tuple[str, str]] = []
    carry = ""
    for repair in REPAIRS:
        spans = repair(spans)
    for label, text in spans:
        if carry and label == "title":
            text, carry = f"{carry} {text}", ""
        elif carry:
            out.append(("title", carry))
            carry = ""
        if label == "date":
            m = re.search(rf"\s({F.YEAR}:)$", text)
            if m and re.search(F.YEAR, text[: m.start()]):
                text, carry = text[: m.start()], m.group(1)
        if label == "url":
            found = F.URL_RE.search(text) or F.DOI_RE.search(text)
            before = text[: found.start()].strip(WRAP) if found else ""
            if before:
                date, dm = F.parse_date(before)
                if dm:
                    out.append(("date", dm.group()))
                    before = (before[: dm.start()] + before[dm.end() :]).strip(WRAP)
                if before and not F.LEAD_IN_RE.match(before):
                    out.append(("container-title", before))
                text = text[found.start() :]
        if out and _continues(out[-1], text):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            continue
        if label == "date" and (vancouver := VANCOUVER_RE.match(text)):
            parts = zip(VANCOUVER_LABELS, vancouver.groups(), strict=True)
            out += [(lab, part) for lab, part in parts if part]
            continue
        initial = re.match(r"(?:[^\W\d_]\.\s*)+(?=\s)", text) if label == "title" else None
        if initial and out and out[-1][0] == "author" and re.search(r"\b\w\.$", out[-1][1]):
            out[-1] = ("author", f"{out[-1][1]} {initial.group().strip()}")  # "Орлов А." + "С."
            text = text[initial.end() :].strip()
        out.append((label, text))
    if carry:
        out.append(("title", carry))
    return out


def _open_quote(text: str) -> bool:
    """Whether a span opens a quotation it does not close."""
    return (
        text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
        or (text[:1] in ("‘", "'") and not re.search(r"[’'][.,:;]*$", text))
    )


def _close_quoted_titles(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A quoted title runs to its closing quote, though the labeller ended it before:
    '“Pierre Broué: The “Bloc” … against Stalin' + 'date: (January 1980).”'."""
    out = list(spans)
    for i in range(len(out)):
        label, title = out[i]
        if label != "title" or not _open_quote(title):
            continue
        for j in range(i + 1, min(i + 3, len(out))):
            text = out[j][1]
            for close in re.finditer(r"[”’\"'»][.,:;]*(?=\s|$)", text):
                head = " ".join([title, *(t for _, t in out[i + 1 : j]), text[: close.end()]])
                if not _open_quote(head):
                    rest = text[close.end() :].strip(" ,.;:")
                    out[i : j + 1] = [("title", head)] + ([(out[j][0], rest)] if rest else [])
                    return out
    return out


PUBLISHER_WORD_RE = re.compile(
    r"(?i)\b(?:press|presses|publishing|publishers|publications|books|verlag|éditions|editions"
    r"|editora|editorial|edizioni|izdatel'stvo|издательство|изд-во|UP)\b"
)


#: Chicago's note form, "Title (Place: Publisher, 1998)", its bracket left open in the title.
FACTS_IN_BRACKETS_RE = re.compile(
    r"\s\((?P<place>[^():,\d][^():]{1,40}?)\s*:\s*(?P<publisher>[^():]{2,}?)[,\s]*$"
)


def _facts_in_the_title(spans: list[Span]) -> list[Span]:
    """'William Kentridge (Brussels: Société des Expositions,' + '1998).': the place and
    publisher of a note-form reference, read into the title before its date."""
    labels = [label for label, _ in spans]
    if "location" in labels or "publisher" in labels:
        return spans

    def fix(title: Span, date: Span) -> list[Span] | None:
        text = title[1]
        m = FACTS_IN_BRACKETS_RE.search(text) if title[0] == "title" else None
        if m and date[0] == "date" and ")" in date[1] and text.count("(") > text.count(")"):
            return [
                ("title", text[: m.start()]),
                ("location", m["place"] + ":"),
                ("publisher", m["publisher"] + ","),
                date,
            ]
        return None

    return fix_first_pair(spans, fix)


def _title_end_in_the_journal(spans: list[Span]) -> list[Span]:
    """'Exposure to ideologically' + 'diverse news and opinion. Science': a title stopped
    mid-phrase, the journal span opening in lower case with the title's end before its
    full stop."""

    def fix(title: Span, journal: Span) -> list[Span] | None:
        (label, start), (after, text) = title, journal
        head, stop, tail = text.partition(". ")
        if (
            label == "title"
            and after in ("journal", "container-title")
            and re.search(r"[^\W\d_]$", start)
            and re.match(r"[^\W\d_]*[a-z]", text)
            and not re.match(r"(?:in|dans|em|en|im|w)\s", text)
            and stop
            and tail.strip()
        ):
            return [("title", f"{start} {head}."), (after, tail)]
        return None

    return fix_first_pair(spans, fix)


def _place_split_from_its_end(spans: list[Span]) -> list[Span]:
    """'Albuquerque, New' + 'Mexico, University of New Mexico Press': a place whose last
    words the labeller gave to the publisher after it."""

    def fix(location: Span, publisher: Span) -> list[Span] | None:
        (label, place), (after, text) = location, publisher
        first, comma, rest = text.partition(",")
        words = place.split()
        if (
            label == "location"
            and after == "publisher"
            and words
            and re.search(r"[^\W\d_]$", place)
            and comma
            and rest.strip()
            and is_place(f"{words[-1]} {first.strip()}")
        ):
            return [(label, f"{place} {first.strip()}:"), (after, rest.strip())]
        return None

    return fix_first_pair(spans, fix)


def _title_before_the_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Title of the Page. (2014). Retrieved from http://…': a work with no author, and
    nothing after its date that could hold a title, has the sentence before the date as
    its title, whatever the labeller called its parts."""
    labels = [label for label, _ in spans]
    if "title" in labels or "date" not in labels:
        return spans
    at = labels.index("date")
    before = " ".join(text for _, text in spans[:at]).strip()
    after_only_links = all(label in ("url", "doi", "note", "date") for label in labels[at + 1 :])
    if (
        at
        and spans[at][1].lstrip().startswith("(")
        and after_only_links
        and before.endswith(".")
        and ". " not in before
        and len(before.split()) > 2
    ):
        return [("title", before), *spans[at:]]
    return spans


def _some_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every work has a title: without one, the first span after the people and the date
    that can hold one is it (all of it, or what stands before its last full stop)."""
    labels = [label for label, _ in spans]
    if "title" in labels:
        return spans
    out = list(spans)
    for i, label in enumerate(labels):
        if label in ("author", "editor", "translator", "date", "citation-number"):
            continue
        text = out[i][1]
        head, stop, tail = text.strip().rstrip(".").rpartition(". ")
        if label in ("journal", "container-title") and stop and len(head.split()) > 1:
            out[i : i + 1] = [("title", head + "."), (label, tail)]  # "Did Buddha…?. Annual Report"
            break
        if label in ("pages", "volume", "url", "doi") or label == "journal" and "volume" in labels:
            break
        if stop and label not in ("container-title", "journal", "note"):
            out[i : i + 1] = [("title", head + "."), (label, tail)]
        else:
            out[i] = ("title", text)
        break
    return out


def _publisher_after_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'(2001). Title. Hutchinson.' with the publisher read into the title: a last short
    sentence of capitalised words after the title, nothing but links after it, or the
    place and a page count if the sentence names a publisher or runs on with a comma
    ('Title. Charles Griffin,' + 'London.')."""
    labels = [label for label, _ in spans]
    if "publisher" in labels or "title" not in labels:
        return spans
    i = labels.index("title")
    text = spans[i][1].strip()
    head, stop, tail = text.rstrip(".").rpartition(". ")
    after = {"url", "doi", "note", "date"}
    if PUBLISHER_WORD_RE.search(tail) or text.endswith(","):
        after |= {"location", "pages"}
    if any(label not in after for label in labels[i + 1 :]):
        return spans
    words = tail.split()
    if (
        stop
        and len(head.split()) >= 2
        and 1 <= len(words) <= 4
        and (PUBLISHER_WORD_RE.search(tail) or all(w[:1].isupper() for w in words))
        and not re.match(r"(?:The|A|An)\b", tail)
        and ":" not in tail
    ):
        return [*spans[:i], ("title", head + "."), ("publisher", tail), *spans[i + 1 :]]
    return spans


def _book_after_chapter(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """People and a second title after a title are the editors and the book a chapter is
    in, with its "In" left out: '“Chapter”, Gregory, P. R., & Naimark, N. (2008). Book.'."""
    labels = [label for label, _ in spans]
    if "title" not in labels or {"journal", "container-title"} & set(labels):
        return spans
    first = labels.index("title")
    people = next((i for i in range(first + 1, len(spans)) if labels[i] == "author"), None)
    book = next((i for i in range(first + 1, len(spans)) if labels[i] == "title"), None)
    if people is None or book is None or book < people:
        return spans
    out = list(spans)
    out[people] = ("editor", out[people][1])
    out[book] = ("container-title", out[book][1])
    return out


def _journal_after_quoted_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A quoted title and the journal after it, read as one title, with a volume or pages
    to follow: '"Les Franco-Américains", Histoire des travailleurs,' + 'vol. 1, no. 1'; or
    the book it is in, when a publisher or place follows."""
    labels = [label for label, _ in spans]
    if {"journal", "container-title"} & set(labels) or "title" not in labels:
        return spans
    i = labels.index("title")
    m = QUOTED_THEN_MORE_RE.match(spans[i][1])
    if not m or _open_quote(m.group("title")) or not {"volume", "pages"} & set(labels[i + 1 :]):
        return spans
    book = {"publisher", "location"} & set(labels)  # a chapter's book, not a journal
    rest = [("container-title" if book else "journal", m.group("rest"))]
    return spans[:i] + [("title", m.group("title")), *rest] + spans[i + 1 :]


def _place_ending_the_book(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A book's title that took in the place after it, with no place span of its own:
    'In Proceedings of the Joint Conference on AI, Karlsruhe.'."""
    labels = [label for label, _ in spans]
    if "location" in labels or "container-title" not in labels:
        return spans
    i = labels.index("container-title")
    head, comma, last = spans[i][1].rstrip().rpartition(",")
    if not comma or not head.strip() or not is_place(last.strip(" .")):
        return spans
    book = [("container-title", head + ","), ("location", last.strip())]
    return spans[:i] + book + spans[i + 1 :]


EDITORS_THEN_BOOK_RE = re.compile(
    r"^(?P<editors>.+?[\s,(](?:eds?|editors?|Hrsg|hg)\.?\)?[.,:]?)\s+(?P<book>[^\W\d_“\"‘«].+)$"
)


def _book_in_editors(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The book a chapter is in, read into the span of its editors: after their role
    word ('In M. Kell and H. Tan, editors, Ships and Ports.'), or the whole span when it
    names no role and nobody ('In BMVC,')."""
    labels = [label for label, _ in spans]
    if {"container-title", "journal"} & set(labels) or "editor" not in labels:
        return spans
    i = labels.index("editor")
    text = spans[i][1]
    m = EDITORS_THEN_BOOK_RE.match(text)
    if m:
        book = [("container-title", m.group("book"))]
        return spans[:i] + [("editor", m.group("editors")), *book] + spans[i + 1 :]
    nobody = not re.search(r"(?i)\b(?:eds?|editors?|edited)\b|(?:^|\s)[^\W\d_]\.", text)
    if re.match(r"[Ii]n:?\s", text) and nobody:  # no role word and no initials
        return spans[:i] + [("container-title", text)] + spans[i + 1 :]
    return spans


BOOK_IN_TITLE_RE = re.compile(
    r"^(?P<title>[“‘\"'«].+?[”’\"'»][.,]?)\s+(?P<book>(?:[Ii]n|[Dd]ans):?\s+\S.*)$"
    r"|^(?P<title2>.+?[.?!][”’\"»]?)\s+(?P<book2>(?:In|Dans):?\s+[^\W_].*)$"
)


def _book_in_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A title and the book it is "in", read as one title: '‘Ports’, in Baltic Trade,',
    'The Animal in the Study of Humanity. In What Is an Animal?'; the book's title goes on
    in a container span right after it, if there is one."""
    labels = [label for label, _ in spans]
    if "journal" in labels or "title" not in labels:
        return spans
    i = labels.index("title")
    m = BOOK_IN_TITLE_RE.match(spans[i][1])
    if not m:
        return spans
    title, book = (m["title"], m["book"]) if m["title"] else (m["title2"], m["book2"])
    later = labels[i + 1] if i + 1 < len(labels) else None
    if _open_quote(title) or "container-title" in labels and later != "container-title":
        return spans
    out = spans[:i] + [("title", title)]
    if later == "container-title":
        return out + [("container-title", f"{book} {spans[i + 1][1]}")] + spans[i + 2 :]
    return out + [("container-title", book)] + spans[i + 1 :]


def _place_holding_the_title_end(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A place span that took in the end of the title before it: '… Soviet' + 'Ukraine
    (New Haven:', '… Chine,' + 'États-Unis, Japon. Paris :'. The place is what follows its
    last opening bracket or full stop."""
    out: list[tuple[str, str]] = []
    for label, text in spans:
        m = None
        if label == "location" and out and out[-1][0] == "title":
            m = re.match(r"^(?P<head>.*\S)\s+(?P<place>\([^()]+)$", text) or re.match(
                r"^(?P<head>.*[^\W\d_]{3,}\.)\s+(?P<place>[^.]+)$", text
            )
        if m:
            out[-1] = ("title", f"{out[-1][1]} {m['head']}")
            text = m["place"]
        out.append((label, text))
    return out


def _date_opening_the_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Richards, L.A., 1931. Capillary Conduction…' with no date span: the year that opens
    the title, closed by a full stop or comma, is the date."""
    labels = [label for label, _ in spans]
    if "date" in labels or "title" not in labels:
        return spans
    i = labels.index("title")
    m = re.match(rf"^(?P<date>\(?{F.YEAR}[a-z]?\)?[.,])\s+(?P<title>\S.*)$", spans[i][1])
    if not m:
        return spans
    return spans[:i] + [("date", m["date"]), ("title", m["title"])] + spans[i + 1 :]


def _article_before_the_journal(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'… bilinguals The' + 'Journal of the …': a title ending on an article, with no stop
    after it, gives the article to the journal or book after it."""
    out = list(spans)
    for i in range(len(out) - 1):
        (label, text), (after, following) = out[i], out[i + 1]
        m = re.search(r"\s(The|A|An)$", text)
        if label == "title" and after in ("journal", "container-title") and m:
            out[i] = (label, text[: m.start()])
            out[i + 1] = (after, f"{m.group(1)} {following}")
    return out


LONE_NUMBER_RE = re.compile(r"\s*\d{1,4}[\s,.]*")


def _journal_read_as_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'…Consequences,' + 'Francia,' + '26,' + '1999,' + '57-75.': a place with no publisher,
    right after the title and followed by a volume or a page range, is the journal; so is
    one after a quoted title and before a lone number ("‘The Illiterate Brain’, Brain, 121
    (1998)")."""
    labels = [label for label, _ in spans]
    if {"publisher", "journal", "container-title"} & set(labels) or "title" not in labels:
        return spans
    i = labels.index("title")
    if i + 1 >= len(spans) or labels[i + 1] != "location":
        return spans
    after_quote = quoted(spans[i][1])
    rest = [
        ("volume", text)
        if label == "pages" and after_quote and LONE_NUMBER_RE.fullmatch(text)
        else (label, text)
        for label, text in spans[i + 2 :]
    ]
    numbers = [
        text
        for label, text in rest
        if label == "volume" or label == "pages" and re.search(r"\d\s*[-–—]\s*\d", text)
    ]
    if not numbers:
        return spans
    return spans[: i + 1] + [("journal", spans[i + 1][1])] + rest


VOLUME_SPLIT_RE = re.compile(
    r"^(?P<title>.+?[.,:])\s+(?P<volume>(?:Vol(?:ume)?|Bd|Tome|Т)\.?\s+\S+.*)$"
)


def _volume_titles(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A multivolume work: "Stalin. Volume 1: Paradoxes of Power. Penguin." is the work's
    title, the volume's number and the volume's own title (biblatex's maintitle, volume
    and title)."""
    out = []
    for label, text in spans:
        m = VOLUME_SPLIT_RE.match(text) if label == "volume" else None
        if m and "title" not in (lab for lab, _ in out):
            out += [("title", m.group("title")), ("volume", m.group("volume"))]
            continue
        if label == "publisher" and out and out[-1][0] == "volume" and ". " in text.strip():
            head, _, tail = text.strip().rpartition(". ")
            if len(head.split()) >= 2 and tail.strip(WRAP):
                out += [("title", head), ("publisher", tail)]
                continue
        out.append((label, text))
    labels = [label for label, _ in out]
    if labels.count("title") == 2 and "volume" in labels and "journal" not in labels:
        first, second = (i for i, lab in enumerate(labels) if lab == "title")
        if first < labels.index("volume") == second - 1:
            out[first] = ("maintitle", out[first][1])
    return out


SMALL_WORDS = r"(?:of|and|&|for|de|du|des|und|für|the)"
#: Vancouver's "1998;12(3):1-20" read as one date: date, volume, issue and pages.
DATE_SPILL_RE = re.compile(
    rf"^(?=\d)(?P<volume>\d{{1,3}}(?:\s*\(\d+\))?[,:]\s+)?(?P<pages>\d+\s*[-–—]\s*\d+,\s+)?"
    rf"(?P<date>(?!\d+\s*[-–—]).*{F.YEAR}.*)$"
    rf"|^(?P<closed>\([^()]*{F.YEAR}[^()]*\)[.,:]?)\s+(?P<title>[^\d\s]*\d*[^\d]*)$"
)


def _date_spills(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A date span that took in its neighbours: the volume and pages before it ("4,
    856-867, September 1986.", "26, 1999,"), or the first word of the title after its
    bracket ("(1990, April 6). 200" + "students participate…")."""
    out: list[tuple[str, str]] = []
    spill = ""
    for i, (label, text) in enumerate(spans):
        m = DATE_SPILL_RE.match(text) if label == "date" else None
        after = spans[i + 1][0] if i + 1 < len(spans) else None
        if spill:
            text, spill = f"{spill} {text}", ""
        if m and (m["pages"] or m["volume"]):
            out += [(lab, m.group(lab)) for lab in ("volume", "pages", "date") if m.group(lab)]
        elif m and m["closed"] and after == "title" and not re.search(F.YEAR, m["title"]):
            out.append(("date", m.group("closed")))
            spill = m.group("title")
        else:
            out.append((label, text))
    return out


VANCOUVER_RE = re.compile(
    rf"^(.*?{F.YEAR}[a-z]?)\s*;\s*(\d+)\s*(?:\(([^)]+)\))?\s*(?::\s*([\w\-–]+))?[.;]?$"
)
VANCOUVER_LABELS = ("date", "volume", "volume", "pages")


def _continues(before: tuple[str, str], text: str) -> bool:
    """A span that opens, or follows one that ends, with a small lower-case word goes on
    with the one before ("University Press" + "of Kansas"; "Secker and" + "Warburg"), and
    so does an "in" after a title stopped mid-phrase, with no punctuation ("Essays" + "in
    Social History"), where a chapter's title would end on a comma or quote."""
    label, previous = before
    if label not in ("publisher", "journal", "container-title", "location", "title"):
        return False
    mid_phrase = label == "title" and re.search(r"[^\W\d_]$", previous) and text.startswith("in ")
    return bool(
        mid_phrase
        or re.match(rf"{SMALL_WORDS}\s", text)
        or re.search(r"\s(?:and|&|of|de|und)$", previous)
    )


REPAIRS = (
    _date_spills,
    reprint_read_into_the_title,
    volume_of_a_multivolume_work,
    year_range_ending_the_title,
    film_by_its_director,
    one_name_author_in_the_title,
    bracket_split_from_the_author,
    author_date_title_in_a_note,
    _title_before_the_date,
    organisation_before_the_date,
    nickname_before_the_title,
    family_particle_in_the_title,
    title_in_the_author,
    family_name_in_the_title,
    family_name_after_the_editor,
    title_word_after_an_initial,
    title_words_after_the_last_name,
    _facts_in_the_title,
    _title_end_in_the_journal,
    _place_split_from_its_end,
    translator_without_a_cue,
    author_before_quoted_title,
    title_from_people,
    _some_title,
    _publisher_after_title,
    _close_quoted_titles,
    _book_after_chapter,
    editors_read_into_the_book,
    _book_in_editors,
    _book_in_title,
    _journal_after_quoted_title,
    _place_ending_the_book,
    _place_holding_the_title_end,
    _date_opening_the_title,
    _article_before_the_journal,
    _journal_read_as_place,
    _volume_titles,
    journal_of_a_work_not_yet_out,
    publisher_read_as_journal,
    publisher_read_as_book,
    year_ending_the_title,
    year_ending_a_title_after_the_date,
    date_after_the_volume,
    journal_ending_the_title,
)
