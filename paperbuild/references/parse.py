"""Turn one free-form reference string (MLA, APA, Chicago, Harvard) into fields.

Rules, not a trained model: references are read left to right as authors, date,
title, then a tail (container, volume, pages, publisher), after fixed-shape parts
(DOI, URL, access date, language note) are cut out wherever they stand. Each step
keeps what it cannot place as a note, so nothing in the input is silently lost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import fields as F
from .names import Name, looks_org, parse_names, tokenize, words

OPEN_QUOTES = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "'": "'"}
ABBREVIATIONS = words(
    """
    vol vols no nos pp p ed eds trans st dr mr mrs ms jr sr vs etc ca c ch fig dept univ
    inc ltd co corp e.g i.e u.s u.k d.c n.d al rev repr comp
    """
)
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
TITLE_FUNCTION_WORDS = words(
    """
    of the and for & on in at de des du la le et
    """
)

LEAD_IN_RE = re.compile(
    r"(?:[,.;:]?\s*(?:Available\s+(?:at|from|online)(?:\s+at)?"
    r"|Retrieved(?P<when>[^:]*?)\s+from(?:\s+[^:]{1,60}?:)?"
    r"|Retrieved|Retirado de|Disponible en|URL|Online|Web)\s*:?\s*|[,.;:]?\s*)$",
    re.I,
)
ACCESSED_RE = re.compile(
    r"[\[(]?\s*(?:Last\s+)?(?:[Aa]ccessed|[Vv]iewed|[Cc]onsulted)(?:\s+on)?:?\s+"
    r"(?P<date>[^\])]*?\d{4})\s*[\])]?\.?(?=\s|$)"
)
APA_YEAR_RE = re.compile(
    rf"\(\s*(?P<py>{F.YEAR}[a-z]?|n\.\s?d\.?)(?:,\s*(?P<pmore>[^)]{{1,25}}))?\s*\)\s*[.,:]?"
    rf"|(?P<by>{F.YEAR}[a-z]?|n\.\s?d\.)(?P<bmore>,\s*{F.MONTH}(?:\s+\d{{1,2}})?)?(?![\w:])[.,]?"
)
IN_RE = re.compile(r"(?:^|(?<=[.,;’”'\"])\s+)[Ii]n:?\s+(?=\S)")
EDITED_BY_RE = re.compile(r"[,.]?\s*\b(?:[Ee]dited|[Ee]d\.|[Hh]rsg\.)\s+(?:by|von)\s+")
ED_MARK_RE = re.compile(
    r"\s*,?\s*\(?\s*(?:[Ee]ds?|[Hh]rsg|[Dd]ir|[Cc]omps?|[Ee]ditors?)(?![a-z])\.?\s*\)?\s*[.,:]?\s*"
)
TRANS_RE = re.compile(r"[,.]?\s*\b(?:[Tt]rans(?:lated)?\.?(?:\s+by)?|[Tt]r\.)\s+(?=[A-Z])")
PUBPAREN_RE = re.compile(r"\((?P<inner>[^()]*[A-Za-z][^()]*?(?::[^()]*|,\s*\d{4}[a-z]?))\)")
DOMAIN_RE = re.compile(r"\w\.(?:org|com|net|edu|gov|info|io|[a-z]{2})\b", re.I)
THESIS_RE = re.compile(
    r"\b(?P<kind>Ph\.?\s?D\.?|Doctoral|Master'?s|M\.?A\.?|MPhil|Doctorate)\s+"
    r"(?:thesis|dissertation|diss\.)|\b(?:thesis|dissertation)\b",
    re.I,
)
#: The degree a thesis is for, where the tail names it: "PhD diss.", "Master's thesis".
THESIS_TAIL_RE = re.compile(
    r"(?:^|(?<=[.,;\[(]\s)|(?<=[\[(]))"
    r"(?:(?:Ph\.?\s?D\.?|Doctoral|Master['’]?s|M\.?A\.?|MPhil|Doctorate)\s+"
    r"(?:thesis|dissertation|diss\.)|(?:Thesis|Dissertation|Diss\.)(?=[,.;)\]]|$))",
    re.I,
)
REPORT_RE = re.compile(r"\b(?:report|working paper|technical paper|white paper)\b", re.I)


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


def parse_reference(raw: str) -> Reference:
    """Parse one reference string; raise UnparsableReference when no title is found."""
    text = _tidy(unicodedata.normalize("NFC", raw))
    if not re.search(r"[^\W\d_]{2}", text):
        raise UnparsableReference("no words in the reference")
    ref = Reference(raw)
    text = _take_language(text, ref)
    text = _take_identifiers(text, ref)
    text, comma_mode = _take_authors(text, ref)
    rest = _take_title(text, ref, comma_mode)
    if not ref.fields.get("title"):
        raise UnparsableReference("no title found")
    _parse_tail(rest, ref)
    _split_subtitle(ref)
    _infer_type(ref)
    if ref.notes:
        ref.fields["note"] = ". ".join(ref.notes)
    return ref


# --- cutting out fixed-shape parts -------------------------------------------------------------


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;])", r"\1", text)  # "Chris ." -> "Chris."
    return text.strip()


def _take_language(text: str, ref: Reference) -> str:
    m = None
    for m in F.LANG_RE.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    if m is None or m.end() < len(text) - 2:
        return text
    lang = m.group("lang").lower()
    if lang not in F.NON_LATIN_SCRIPT_LANGUAGES or F.has_non_latin_letters(text):
        # a Russian work cited by its English title keeps English quotes and hyphenation
        ref.fields["langid"] = F.LANGUAGES[lang]
    if lang != "english":
        ref.notes.append(f"In {lang.capitalize()}")
    return _tidy(text[: m.start()] + text[m.end() :])


def _cut(text: str, start: int, end: int, ref: Reference) -> str:
    """Remove text[start:end] and the lead-in phrase ("Available at:") just before it."""
    lead = LEAD_IN_RE.search(text[:start])
    if lead and lead.group("when"):
        date, _ = F.parse_date(lead.group("when"))
        if date and "urldate" not in ref.fields:
            ref.fields["urldate"] = date
    head = text[: lead.start()] if lead else text[:start]
    tail = text[end:].lstrip(" ,.;:")
    return _tidy(f"{head}. {tail}" if tail and head else head + tail).strip()


def _take_identifiers(text: str, ref: Reference) -> str:
    m = F.DOI_RE.search(text)
    if m:
        ref.fields["doi"] = F.clean_doi(m.group("doi"))
        end = m.start("doi") + len(ref.fields["doi"])
        text = _cut(text, m.start(), end, ref)
    urls = list(F.URL_RE.finditer(text))
    if urls:
        ref.fields["url"] = F.clean_url(urls[0].group())
        for u in reversed(urls):
            end = u.start() + len(u.group().rstrip(".,;:"))
            text = _cut(text, u.start(), end, ref)
    m = ACCESSED_RE.search(text)
    if m:
        date, _ = F.parse_date(m.group("date"))
        if date:
            ref.fields["urldate"] = date
            text = _tidy(text[: m.start()] + " " + text[m.end() :])
    return text.rstrip(" ,;:")


# --- authors and the date that follows them ----------------------------------------------------


def _set_date(ref: Reference, value: str | None) -> None:
    """Keep the most specific date: '2020-11-12' beats '2020' of the same year."""
    if not value:
        return
    old = ref.fields.get("date")
    if old is None or (value.startswith(old) and len(value) > len(old)):
        ref.fields["date"] = value


def _apa_year(text: str, pos: int, ref: Reference) -> int:
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
        _set_date(ref, date)
        if year[4:]:
            ref.fields["_yearsuffix"] = year[4:]
    return m.end()


def _title_cased(text: str) -> bool:
    words = re.findall(r"[^\s,()]+", text)
    return (
        bool(words)
        and all(
            w[0].isupper() or w.lower() in TITLE_FUNCTION_WORDS or not w[0].isalpha() for w in words
        )
        and not re.search(r"\d", text)
    )


def _take_authors(text: str, ref: Reference) -> tuple[str, bool]:
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
            if _editor_mark(text, pos):
                # "Ryan, James, and Susan Grant, eds. 2020." / "Smith, J. (Ed.). (2001)."
                role, pos = "editor", _editor_mark(text, pos)
            ref.names[role] = names
            if et_al:
                ref.fields["_etal"] = "1"
            after = _apa_year(text, pos, ref)
            return text[after:].lstrip(" .,:;"), comma and after == pos
    # No people: an organisation or a title stands before an author-date year.
    m = re.search(
        rf"(?:^|[\s.,])\(\s*(?:{F.YEAR}[a-z]?|n\.\s?d\.)\s*(?:,[^)]*)?\)"
        rf"|(?<=[.,]\s)(?:{F.YEAR}[a-z]?(?=[.,:])|n\.\s?d\.(?=\s|$))",
        text[:200],
    )
    if m and not starts_quoted:
        prefix = text[: m.start()].strip(" .,:")
        if prefix and not re.search(r"[“”\"‘]", prefix) and _sentence_end(prefix) is None:
            after = _apa_year(text, m.start(), ref)
            article = re.match(r"(?:The|A|An)\s", prefix)
            if len(prefix.split()) == 1 or (
                _title_cased(prefix) and (looks_org(prefix) or not article)
            ):
                ref.names["author"] = [Name(prefix)]
                return text[after:].lstrip(" .,:;"), False
            ref.fields["title"] = prefix
            return text[after:].lstrip(" .,:;"), False
    return text, False


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


# --- title ---------------------------------------------------------------------------------------


def _closing_quote(text: str) -> int | None:
    """Index of the quote that closes the title opened at text[0], or None."""
    opener, closer = text[0], OPEN_QUOTES[text[0]]
    depth = 0
    fallback = None
    for i, ch in enumerate(text):
        if i and ch == opener and opener != closer:
            depth += 1
            continue
        if i == 0 or ch != closer:
            continue
        if closer in "’'" and i + 1 < len(text) and text[i + 1].isalpha():
            continue  # an apostrophe: "Stalin’s"
        after = text[i + 1 :]
        ends = re.match(r"[.,:;!?]*(?:\s|$)", after)
        strong = text[i - 1] in ".,!?…" or re.match(r"[.,:;]", after) or not after.strip()
        if opener != closer and depth > 0:
            depth -= 1
            if ends and strong and fallback is None:
                fallback = i
            continue
        if ends and (strong or re.match(r"\s+[Ii]n\b", after)):
            return i
    return fallback


def _sentence_end(text: str, start: int = 0) -> int | None:
    """Index of the first full stop that ends a sentence (not an initial or abbreviation)."""
    for m in re.finditer(r"([.?!…])[”\"’']?(?=\s+[^\s]|$)", text[start:]):
        i = start + m.start()
        nxt = text[start + m.end() :].lstrip()
        if nxt[:1].islower():
            continue
        if m.group(1) == ".":
            word = re.search(r"([\w.\-]*)$", text[:i]).group(1)
            if word.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
            if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word):
                continue
        return start + m.end() if m.group(1) in "?!" else i
    return None


def _title_end(text: str, comma_mode: bool) -> int:
    ends = [len(text)]
    s = _sentence_end(text)
    if s is not None:
        ends.append(s)
    for m in PUBPAREN_RE.finditer(text):
        ends.append(m.start())
        break
    m = re.search(r"[,.]\s+[Ii]n:?\s+(?=[A-Z“\"‘])", text)
    if m:
        ends.append(m.start())
    m = re.search(r"\s\((?:\d+(?:st|nd|rd|th)|[Rr]ev\.?|[Rr]evised)\s+ed", text)
    if m:
        ends.append(m.start())
    if comma_mode:
        m = re.search(
            r",\s*(?:[A-Z][^,:()]*?(?:,\s*[A-Z]{2}\.?)?\s*:\s*[^,:()]+|[A-Z][^,:()]+,\s*[A-Z][^,:()]+),\s*"
            rf"{F.YEAR}[a-z]?\.?$",
            text,
        )
        if m:
            ends.append(m.start())
    return min(ends)


def _take_title(text: str, ref: Reference, comma_mode: bool) -> str:
    if ref.fields.get("title"):
        return text
    text = text.lstrip(" .,:;")
    if text[:1] in OPEN_QUOTES:
        end = _closing_quote(text)
        if end is not None:
            ref.fields["title"] = text[1:end].strip().rstrip(",.").strip()
            ref.quoted_title = True
            return text[end + 1 :].lstrip(" .,:;")
    end = _title_end(text, comma_mode)
    title = text[:end].strip().rstrip(",.:;").strip()
    close = re.match(r"[.,]?([”\"’'])", text[end:])
    if close and _inside_quotes(title + " ", len(title) + 1):
        title += close.group(1)  # '... of the “Inner-Army Opposition.”' keeps its quote
        end += close.end()
    if title.endswith(("?", "!")) is False:
        title = title.rstrip(".")
    ref.fields["title"] = title
    return text[end:].lstrip(" .,:;")


def _split_subtitle(ref: Reference) -> None:
    """'Title: Subtitle' -> title and subtitle, as biblatex wants them."""
    title = ref.fields.get("title", "")
    m = re.search(r"\s?[:.]\s+(?=[\w“\"‘'(¿¡])", title)
    if m and m.start() > 0 and not _inside_quotes(title, m.start()):
        word = re.search(r"([\w.\-]*)$", title[: m.start()]).group(1)
        if title[m.start() :].lstrip()[:1] == "." and (
            word.lower() in ABBREVIATIONS or len(word) <= 1
        ):
            return
        head, sub = title[: m.start()].strip(), title[m.end() :].strip()
        if head and sub:
            ref.fields["title"], ref.fields["subtitle"] = head, sub


def _inside_quotes(text: str, i: int) -> bool:
    head = text[:i]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


# --- the tail: container, numbers, publisher ---------------------------------------------------


def _parse_tail(rest: str, ref: Reference) -> None:
    rest = rest.strip(" .,:;")
    rest = _take_translator_edition(rest, ref)
    thesis = THESIS_TAIL_RE.search(rest)
    if thesis:
        _thesis_tail(rest[: thesis.start()], rest[thesis.end() :], ref)
        return
    m = IN_RE.search(rest)
    edited = EDITED_BY_RE.search(rest)
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
    if edited or _editors_first(rest, ref, check_only=True):
        _parse_container(rest, ref)
        return
    if ref.quoted_title and _apa_editors(rest, ref):
        return
    _parse_periodical_or_book(rest, ref)


def _thesis_tail(before: str, after: str, ref: Reference) -> None:
    """Around "PhD diss.": the university next to it is the institution, never a journal.

    Chicago and APA name it after the degree ("PhD diss., University of Chicago"),
    MLA before it ("U of Chicago, PhD dissertation"); anything further is a note.
    """
    before, after = before.strip(" .,:;[("), after.lstrip(" ,.;:])")
    if after:
        end = _sentence_end(after)
        main, extra = (after, "") if end is None else (after[:end], after[end:])
        extra = f"{before}. {extra}" if before else extra
    else:
        main, extra = before, ""
    _publication_facts(main, ref)
    if extra.strip(" .,:;"):
        _publication_facts(extra, ref)


def _take_translator_edition(rest: str, ref: Reference) -> str:
    m = TRANS_RE.search(rest)
    if m:
        names, stop = _names_at(rest, m.end())
        if names:
            ref.names["translator"] = names
            rest = _tidy(rest[: m.start()] + ". " + rest[stop:].lstrip(" ,."))
    m = F.EDITION_RE.search(rest)
    if m:
        ref.fields["edition"] = F.edition_number(m.group("ed"))
        rest = _tidy(rest[: m.start()] + rest[m.end() :]).strip(" .,:;")
    return rest


def _editors_first(text: str, ref: Reference, check_only: bool = False) -> int | None:
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
                ref.names["editor"] = [n for n in parsed[0]]
            return mark.end()
    return None


def _apa_editors(rest: str, ref: Reference) -> bool:
    """“Chapter”, Editor, A. (2008). Book. Publisher. -- an "In" left out."""
    tokens = tokenize(rest)
    parsed = parse_names(rest, tokens, 0, prefer_inverted=True)
    if not parsed:
        return False
    pos = tokens[parsed[1]].start if parsed[1] < len(tokens) else len(rest)
    probe = Reference(ref.raw)
    after = _apa_year(rest, pos, probe)
    if after == pos:
        return False
    ref.names["editor"] = parsed[0]
    _set_date(ref, probe.fields.get("date"))
    _parse_container(rest[after:], ref, editors_done=True)
    return True


def _parse_container(text: str, ref: Reference, editors_done: bool = False) -> None:
    """The book a chapter is in: editors, book title, then publication facts."""
    text = text.strip(" .,:;")
    if not editors_done:
        start = _editors_first(text, ref)
        if start is not None:
            text = text[start:].lstrip(" .,:;")
    ends = [len(text)]
    edited = EDITED_BY_RE.search(text)
    if edited:
        ends.append(edited.start())
    s = _sentence_end(text)
    if s is not None:
        ends.append(s)
    p = PUBPAREN_RE.search(text)
    if p:
        ends.append(p.start())
    pages = re.search(r",?\s*(?:\bpp?\.\s*\d|\(?\d+\s*[-–—]\s*\d+\)?(?=[.,;]?(?:\s|$)))", text)
    if pages:
        ends.append(pages.start())
    end = min(ends)
    book = text[:end].strip(" .,:;")
    if book:
        ref.fields["booktitle"] = book
    rest = text[end:]
    edited = EDITED_BY_RE.search(rest)
    if edited:
        names, stop = _names_at(rest, edited.end())
        if names and "editor" not in ref.names:
            ref.names["editor"] = names
        rest = rest[: edited.start()] + ". " + rest[stop:]
    ref.fields["_container"] = "book"
    _publication_facts(rest, ref)


def _names_at(text: str, start: int) -> tuple[list[Name], int]:
    """Names written "Given Surname" from text[start:]; with where they stop."""
    tokens = tokenize(text[start:])
    parsed = parse_names(text[start:], tokens, 0, prefer_inverted=False)
    if not parsed:
        return [], start
    j = parsed[1]
    return parsed[0], start + (tokens[j].start if j < len(tokens) else len(text) - start)


def _volume_match(text: str) -> tuple[re.Match, int] | None:
    best = None
    for n, rx in enumerate(F.VOLUME_RES):
        for m in rx.finditer(text):
            vol = m.group("vol")
            num = m.groupdict().get("num")
            if n and re.fullmatch(F.YEAR, vol):
                continue
            if num and re.fullmatch(F.YEAR, num):
                continue
            if best is None or m.start() < best[0].start():
                best = (m, n)
            break
    return best


def _parse_periodical_or_book(rest: str, ref: Reference) -> None:
    found = _volume_match(rest)
    if found:
        m, n = found
        journal = rest[: m.start()].strip(" .,:;")
        date, dm = F.parse_date(journal)
        if dm and dm.end() >= len(journal) - 1 and dm.start() > 0:
            _set_date(ref, date)
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
            _publication_facts(tail, ref, periodical=True)
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
            _publication_facts(rest[chunk.end() :], ref, periodical=True)
            return
    _publication_facts(rest, ref)


def _publication_facts(text: str, ref: Reference, periodical: bool = False) -> None:
    """Dates, pages, place and publisher, in whatever order they come."""
    text = text.strip(" .,:;")
    for m in PUBPAREN_RE.finditer(text):
        inner = m.group("inner")
        if ":" in inner or re.search(r"[A-Za-z]{3}.*,\s*\d{4}", inner):
            text = _tidy(text[: m.start()] + ". " + inner + ". " + text[m.end() :])
            break
    m = F.PAGES_RE.search(text)
    pp = re.search(r"\bpp?\.\s*\d", text)
    if pp:
        m = F.PAGES_RE.search(text, pp.start())
    if m and not m.group("pp") and not periodical and _year_range(m.group("range")):
        m = None  # "Paradoxes of Power 1878-1928" in a book: years, not pages
    if m and "pages" not in ref.fields:
        ref.fields["pages"] = F.normalise_pages(m.group("pp") or m.group("range"))
        text = _tidy(text[: m.start()] + " " + text[m.end() :].lstrip(")"))
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
        _set_date(ref, date)
        text = _tidy(text[: dm.start()] + " " + text[dm.end() :])
    text = re.sub(r"\((?:[^()\w]*|Spring|Summer|Autumn|Fall|Winter)\)", "", text)
    text = re.sub(r"\s*[,:;]\s*(?=[,.:;]|$)", "", text).strip(" .,:;()")
    if not text:
        return
    sentences = _sentences(text)
    if periodical:
        ref.notes.extend(sentences)
        ref.unparsed.extend(sentences)
        return
    leftover = []
    for sentence in sentences:
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
    a, b = (int(x) for x in re.findall(r"\d+", text)[:2])
    return all(re.fullmatch(F.YEAR, str(x)) for x in (a, b)) and a < b


def _sentences(text: str) -> list[str]:
    out = []
    while text:
        end = _sentence_end(text)
        if end is None:
            out.append(text.strip(" .,:;"))
            break
        out.append(text[:end].strip(" .,:;"))
        text = text[end:].lstrip(" .?!")
    return [s for s in out if s]


def _is_publisher(part: str) -> bool:
    return any(w.lower().strip(".,") in PUBLISHER_WORDS for w in part.split())


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


# --- entry type -----------------------------------------------------------------------------------


def _infer_type(ref: Reference) -> None:
    f = ref.fields
    container = f.pop("_container", None)
    thesis = THESIS_RE.search(ref.raw)
    if container == "book" or f.get("booktitle"):
        ref.entry_type = "incollection" if ref.names.get("editor") else "inbook"
    elif f.get("journaltitle"):
        ref.entry_type = "article"
    elif thesis:
        ref.entry_type = "thesis"
        kind = (thesis.group("kind") or "").lower().replace(".", "").replace(" ", "")
        doctoral = kind.startswith(("phd", "doc")) or (
            not kind and thesis.group().lower().startswith("diss")  # a bare "dissertation"
        )
        f["type"] = "phdthesis" if doctoral else "mathesis"
        if f.get("publisher"):
            f["institution"] = f.pop("publisher")
    elif f.get("url") and not f.get("publisher") or f.get("organization"):
        ref.entry_type = "online"
    elif REPORT_RE.search(f.get("title", "")) or REPORT_RE.search(" ".join(ref.notes)):
        ref.entry_type = "report"
        if f.get("publisher"):
            f["institution"] = f.pop("publisher")
    elif f.get("publisher") or f.get("location"):
        ref.entry_type = "book"
    else:
        ref.entry_type = "misc"
    if ref.entry_type == "online" and f.get("publisher"):
        f["organization"] = f.pop("publisher")
