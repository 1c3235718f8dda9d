"""Turn labelled spans into a Reference: the rules that normalise what the labeller found.

The labeller decides which words are the title, the journal or the pages; what
those words mean is a matter of fixed shapes, which rules read better than a
model: people and roles (:mod:`.people`), dates and reprint years, volume and
issue, page ranges and page counts, editions, access dates, and, from all of
them together, the biblatex entry type.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..places import is_place
from . import fields as F
from .people import read_people
from .reference import PERSON_ROLES, Reference, set_date
from .repairs import repaired

WRAP = F.SPAN_WRAP
QUOTES = "“”\"'‘’«»„"
REPORT_RE = re.compile(r"\b(?:report|working paper|technical paper|white paper|memorandum)\b", re.I)
MEDIUM_RE = re.compile(r"^\W*(?:web|print|online|internet|dvd|cd-rom|video|film|e-?book)\W*$", re.I)
PROCEEDINGS_RE = re.compile(
    r"\b(?:proceedings|conference|symposium|workshop|congress|colloqui)", re.I
)
ACCESSED_RE = re.compile(
    r"(?:last\s+)?(?:accessed|viewed|consulted|retrieved|дата обращения)(?:\s+on)?\s*:?\s*"
    r"(?P<date>.+)",
    re.I,
)
CONTAINER_MARK_RE = re.compile(r"^(?:(?:[Ii]n|[Dd]ans|[Ii]m|В)\s*:?|//)\s+")
#: The places Russian library style (GOST 7.1) abbreviates, written out as Chicago wants.
CITY_ABBREVIATIONS = {
    "М": "Москва",
    "Л": "Ленинград",
    "СПб": "Санкт-Петербург",
    "К": "Киев",
    "Мн": "Минск",
    "M": "Moscow",
    "L": "Leningrad",
    "SPb": "St. Petersburg",
}
REPRINT_RE = re.compile(r"\b(?:repr(?:int(?:ed)?)?\.?|originally published|orig\. pub\.)", re.I)
PAGE_WORD_RE = re.compile(r"(?i)\b(?:pp?|pages?|pgs?|s|ss|c|с|стр|pg)\.?\s*")
PAGE_TOTAL_RE = re.compile(r"^\s*(?P<n>\d+)\s*(?:pp?|pages|p|с|s|S|стр)\.?\s*$")
SERIES_NUMBER_RE = re.compile(r"[\s,;]+(?:vol\.?|no\.?|nr\.?|т\.|вып\.)?\s*(?P<n>\d+)\s*$", re.I)


def interpret(spans: list[tuple[str, str]], ref: Reference) -> None:
    """Fill ``ref`` from (label, text) spans in reading order."""
    by_label: dict[str, list[str]] = defaultdict(list)
    spans = repaired(spans)
    for label, text in spans:
        by_label[label].append(text)
    _people(by_label, ref)
    _titles(by_label, ref)
    _dates(by_label.get("date", []), ref)
    for text in by_label.get("volume", []):
        _volume(text, ref)
    for text in by_label.get("pages", []):
        _pages(text, ref)
    _publication(by_label, [label for label, _ in spans], ref)
    _notes(by_label, ref)
    _infer_type(by_label, ref)


def strip(text: str) -> str:
    """A span without the punctuation around it (a closing ? or ! and an initial's . stay,
    and so does a bracket that closes one inside: "Ministry of Transport (MLIT)")."""
    text = text.strip()
    keep = re.search(r"(?:(?<!\w)[^\W\d_](\.)|([?!…][”\"’»]?))$", text)  # not "1990s."
    stripped = F.strip_around(text, WRAP + "()[]")
    end = keep and (keep.group(1) or keep.group(2))
    if end and not stripped.endswith(end):
        stripped += end
    return stripped.strip()


def strip_in(text: str) -> str:
    """A container's span without its "In:" or GOST "//" ("In Stalin and the Army")."""
    return strip(CONTAINER_MARK_RE.sub("", text.strip()))


def unquote(text: str) -> tuple[str, bool]:
    """A title without the quotation marks around it, and whether it had them."""
    text = strip(text)
    if not text:
        return text, False
    if len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES:
        return text[1:-1].strip().rstrip(",.").strip(), True
    if text[:1] in QUOTES and text.count(text[0]) == 1 and text[0] not in "'’":
        return text[1:].strip(), True
    closer = text[-1:]
    opener = {"”": "“", "»": "«"}.get(closer, closer)
    if (
        closer in QUOTES
        and closer not in "'’"
        and text.count(closer) == 1
        and (opener == closer or opener not in text)
    ):
        return text[:-1].strip().rstrip(",.").strip(), True
    return re.sub(r"[.,]([”’\"»])$", r"\1", text), False  # '…of 1928.”': the stop is the list's


def _people(by_label: dict[str, list[str]], ref: Reference) -> None:
    for label in PERSON_ROLES:
        for text in by_label.get(label, []):
            people = read_people(text)
            role = people.role if label == "author" else (people.role or label)
            if label == "editor" and people.role == "translator":
                role = "translator"
            role = role or label
            if not people.names or ref.names.get(role):
                if people.names:
                    ref.notes.append(strip(text))
                continue
            ref.names[role] = people.names
            if people.et_al:
                ref.et_al.add(role)
            if people.rest:
                by_label["publisher"].append(people.rest)  # "edited by X, Bloomsbury, 2020"


def _titles(by_label: dict[str, list[str]], ref: Reference) -> None:
    if by_label.get("maintitle"):
        ref.fields["maintitle"] = unquote(by_label["maintitle"][0])[0]
    titles = by_label.get("title", [])
    if titles:
        title, quoted = unquote(titles[0])
        ref.fields["title"] = title
        ref.quoted_title = quoted
        for extra in titles[1:]:
            ref.notes.append(unquote(extra)[0])
    for label, field in (("journal", "journaltitle"), ("container-title", "booktitle")):
        texts = by_label.get(label, [])
        if texts:
            ref.fields[field] = unquote(strip_in(" ".join(texts)))[0]
    series = by_label.get("collection-title")
    if series:
        text = re.sub(r"^(?:of|in)\s+", "", strip(" ".join(series)))
        m = SERIES_NUMBER_RE.search(text)
        if m and m.start() > 0:
            ref.fields["number"] = m.group("n")
            text = text[: m.start()]
        ref.fields["series"] = strip(text)


def _dates(texts: list[str], ref: Reference) -> None:
    """The first dated span is the date; a bracketed or earlier year beside it the original's."""
    years: list[tuple[str, bool]] = []  # (year, bracketed)
    month_only = None
    for text in texts:
        if F.NODATE_RE.search(text):
            ref.fields["_nodate"] = "1"
            continue
        span = YEAR_SPAN_RE.fullmatch(text.strip(WRAP + "()[]"))
        if span and "date" not in ref.fields:  # "(2003-2004)": an academic year's volume
            later = span["end"] if len(span["end"]) == 4 else span["start"][:2] + span["end"]
            if later > span["start"]:
                ref.fields["date"] = f"{span['start']}/{later}"
                continue
        for m in re.finditer(rf"(?P<open>[\[(])?\s*(?P<y>{F.YEAR})(?P<suffix>[a-z])?\b", text):
            years.append((m.group("y"), bool(m.group("open")) and len(texts) + len(years) > 1))
            if m.group("suffix") and "_yearsuffix" not in ref.fields:
                ref.fields["_yearsuffix"] = m.group("suffix")
        date, dm = F.parse_date(text)
        if date and "date" not in ref.fields:
            set_date(ref, date)
        elif not date and month_only is None:
            month_only = _month_day(text)
    if "date" in ref.fields and month_only and len(ref.fields["date"]) == 4:
        set_date(ref, f"{ref.fields['date']}-{month_only}")
    distinct = list(dict.fromkeys(y for y, _ in years))
    if len(distinct) == 2:
        bracketed = [y for y, b in years if b]
        original = bracketed[0] if len(bracketed) == 1 else min(distinct)
        later = next(y for y in distinct if y != original)
        if original < later:
            ref.fields["origdate"] = original
            ref.fields["date"] = (
                later
                if "date" not in ref.fields or ref.fields["date"].startswith(original)
                else ref.fields["date"]
            )


YEAR_SPAN_RE = re.compile(rf"(?P<start>{F.YEAR})\s*[-–/]\s*(?P<end>{F.YEAR}|\d\d)")


def _month_day(text: str) -> str | None:
    """'7 March' / 'March 7' -> '03-07'; a month alone -> '03'."""
    m = re.search(
        rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{F.MONTH})|(?P<m2>{F.MONTH})\s*(?P<d2>\d{{1,2}})?)", text
    )
    if not m:
        return None
    word = (m.group("m1") or m.group("m2")).lower().rstrip(".")
    month = F.MONTHS[word[:4] if word.startswith("sept") else word[:3]]
    day = m.group("d1") or m.group("d2")
    return f"{month:02d}-{int(day):02d}" if day and 1 <= int(day) <= 31 else f"{month:02d}"


VOLUME_WORD = r"(?:vol(?:ume)?s?|v|t|tom|т|bd|band|jg|jahrg(?:ang)?|anno|année|année|tome)"
NUMBER_WORD = r"(?:no|nos|nr|n°|n|nº|№|num|number|issue|iss|heft|h|вып|fasc|cahier)"
SUPPLEMENT_RE = re.compile(r"(?i)\bsuppl(?:ement)?\.?\s*(?P<n>\d*)")
SPECIAL_ISSUE_RE = re.compile(r"(?i)\b(?:special|spec\.)\s+iss(?:ue|\.)?")


def _volume(text: str, ref: Reference) -> None:
    """Volume, issue number, supplement or season, in any of the common shapes."""
    text = strip(text)
    rest = text
    supplement = SUPPLEMENT_RE.search(rest)
    if supplement:  # "210 (suppl 6)": the number is the supplement's (CMOS 14.180)
        n = supplement.group("n")
        ref.fields.setdefault("number", f"suppl. {n}" if n else "suppl.")
        rest = rest[: supplement.start()] + rest[supplement.end() :]
    special = SPECIAL_ISSUE_RE.search(rest)
    if special:  # biblatex's issue field: "special issue", printed with the date
        ref.fields.setdefault("issue", "special issue")
        rest = rest[: special.start()] + rest[special.end() :]
    m = re.search(rf"(?i)\b{VOLUME_WORD}\.?\s*(?P<v>\d+|[ivxlcdm]+\b)", rest)
    if m:
        ref.fields.setdefault("volume", m.group("v"))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    m = re.search(rf"(?i)(?:^|(?<=[\s,(\d])){NUMBER_WORD}\.?\s*(?P<n>\d+(?:\s*[-/–]\s*\d+)?)", rest)
    if m:
        ref.fields.setdefault("number", re.sub(r"\s+", "", m.group("n")))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    season = re.search(rf"(?i)\b{F.SEASON}\b", rest)
    if season:
        ref.fields.setdefault("issue", season.group().capitalize())
        rest = rest[: season.start()] + rest[season.end() :]
    numbers = re.findall(r"\d+(?:\s*[-/–]\s*\d+)?|\b[IVXLCDM]+\b", rest)
    m = re.match(r"\W*\((?P<v>\d+)\)\s*(?P<n>\d+)", rest)  # "(39)1"
    if m:
        numbers = [m.group("v"), m.group("n")]
    if numbers and "volume" not in ref.fields:
        ref.fields["volume"] = numbers.pop(0)
    if numbers and "number" not in ref.fields:
        ref.fields["number"] = re.sub(r"\s+", "", numbers.pop(0))


def _pages(text: str, ref: Reference) -> None:
    """A page range, a page, or a book's page count ("320 с.", "xii + 368 pp.")."""
    total = PAGE_TOTAL_RE.match(text.strip(" .,;()"))
    if total and not re.search(r"\d\s*[-–—]", text):
        ref.fields.setdefault("_pagecount", total.group("n"))
        return
    body = PAGE_WORD_RE.sub("", strip(text)).strip(WRAP + "()")
    body = re.sub(r"(\d)\s*\?\s*(\d)", r"\1–\2", body)  # "420?431": a dash lost to encoding
    body = re.sub(rf"(\d)\s*[{F.DASHES}]+\s*([A-Z]?\d)", r"\1–\2", body)
    body = re.sub(r"^(\d+)\s+(\d+)$", r"\1–\2", body)  # "35 49": a range with its dash lost
    m = re.search(r"[A-Z]?\d+(?:–[A-Z]?\d+)?(?:\s*[,;]\s*[A-Z]?\d+(?:–[A-Z]?\d+)?)*", body)
    m = m or re.search(r"\b[ivxlcdm]+\b", body)
    if m and "pages" not in ref.fields:
        ref.fields["pages"] = F.normalise_pages(m.group())


def _publication(by_label: dict[str, list[str]], order: list[str], ref: Reference) -> None:
    """Publisher and place (``order``: the spans' labels in reading order)."""
    publishers = [strip(_publisher_text(t, ref)) for t in by_label.get("publisher", [])]
    locations = [strip(t) for t in by_label.get("location", [])]
    if not publishers and locations:
        m = PLACE_COLON_RE.fullmatch(locations[0])
        if m:  # "Northport NY: Costello" read as a place
            locations[0], publishers = m.group("loc"), [m.group("pub")]
    if publishers:
        publisher = publishers[0]
        m = PLACE_COLON_RE.fullmatch(publisher)
        if m and (not locations or _placelike(m.group("loc"))):
            # "Berlin," + "Germany: de Gruyter", "Stanford," + "CA: CSLI"
            locations = [", ".join([*locations[:1], m.group("loc")])]
            publisher = m.group("pub")
        elif not locations:
            place, publisher = _place_beside(publisher)
            locations = [place] if place else []
        ref.fields["publisher"] = publisher
        ref.notes.extend(p for p in publishers[1:] if p)
    if locations and not publishers:
        place, publisher = _place_and_publisher(locations[0])
        if not publisher and _publisher_closing_apa(order, locations[0]):
            place, publisher = "", locations[0]
        if publisher:
            locations[0] = place
            ref.fields["publisher"] = publisher
    if locations and locations[0]:
        ref.fields["location"] = CITY_ABBREVIATIONS.get(locations[0].rstrip("."), locations[0])
    editions = by_label.get("edition", [])
    if editions:
        text = strip(editions[0])
        m = F.EDITION_RE.search(text)
        ref.fields["edition"] = F.edition_number(m["ed"] or m["ed2"]) if m else text
    isbn = by_label.get("isbn")
    if isbn:
        ref.fields["isbn"] = re.sub(r"(?i)^isbn:?\s*", "", strip(isbn[0]))


PUBSTATE_WORDS = {"inpress": "in press", "forthcoming": "forthcoming"}
PLACE_COLON_RE = re.compile(r"(?P<loc>[^:]{2,40}?)\s*:\s*(?P<pub>.+)")
STATE_ABBREVIATION_RE = re.compile(r"[A-Z][a-z]{1,4}\.?")
PLACE_CODE_RE = re.compile(r"(?:[A-Z]\.?\s?){1,3}|[A-Z][a-z]{1,3}\.")
ISBN_TAIL_RE = re.compile(r"[.,;]?\s*ISBN(?:-1[03])?:?\s*(?P<isbn>[\dXx][\dXx\-\s]{8,}[\dXx])\W*$")
LEAD_IN_TAIL_RE = re.compile(
    r"[.,;]?\s*(?:available\s+(?:at|from|online)|retrieved\s+from)\W*$", re.I
)


def _publisher_text(text: str, ref: Reference) -> str:
    """A publisher span without what the labeller ran on into it: an ISBN (kept as the
    isbn) or the "Available at" before a link."""
    m = ISBN_TAIL_RE.search(text)
    if m:
        ref.fields.setdefault("isbn", re.sub(r"\s", "", m.group("isbn")))
        text = text[: m.start()]
    return LEAD_IN_TAIL_RE.sub("", text)


def _publisher_closing_apa(spans: list[str], location: str) -> bool:
    """'(2010). Théories des Relations Internationales. Athena.': in APA's order (the date
    before the title), a lone name that closes the reference, read as a place but no place
    the gazetteer knows, is the publisher (APA 7 gives no place). A place alone before the
    year, "Breslau, 1910", stays a place whatever the gazetteer says."""
    return (
        spans[-1:] == ["location"]
        and "date" in spans
        and "title" in spans
        and spans.index("date") < spans.index("title")
        and "," not in location
        and not _placelike(location)
    )


def _placelike(text: str) -> bool:
    """A place the gazetteer knows, or a state's or country's code ("CA", "D. C.")."""
    return bool(PLACE_CODE_RE.fullmatch(text.strip())) or is_place(text.strip())


def _place_beside(text: str) -> tuple[str | None, str]:
    """(place, publisher) of a publisher span that holds its place too, before or after
    it: "Oxford, Altamira Press", "Delft University Press, Delft", "Harvard University
    Press, Cambridge, MA"."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2:
        return None, text
    tail = len(parts)
    if tail > 2 and STATE_ABBREVIATION_RE.fullmatch(parts[-1]) and is_place(parts[-2]):
        tail -= 1  # "Burbank, Calif" (its full stop gone with the span's)
    while tail > 1 and _placelike(parts[tail - 1]):
        tail -= 1
    if tail < len(parts) and not all(PLACE_CODE_RE.fullmatch(p) for p in parts[tail:]):
        return ", ".join(parts[tail:]), ", ".join(parts[:tail])
    if is_place(parts[0]) and not _placelike(parts[1]):
        return parts[0], ", ".join(parts[1:])
    return None, text


def _place_and_publisher(text: str) -> tuple[str, str | None]:
    """'New York, W. W. Norton' read as a place: its last part is the publisher, unless it
    is a place too ("Paris, France") or a state's or country's code ("Cambridge, MA",
    "Washington, D. C.", "New York, USA")."""
    parts = [p.strip() for p in text.split(",")]
    last = parts[-1]
    if len(parts) < 2 or re.fullmatch(r"(?:[A-Z]\.?\s?){1,3}|[A-Z][a-z]{1,3}\.", last):
        return text, None
    if is_place(last) or not last[:1].isupper():
        return text, None
    return ", ".join(parts[:-1]), last


def _notes(by_label: dict[str, list[str]], ref: Reference) -> None:
    """URL and DOI, access dates, lead-ins to drop, genre words, and notes kept as they are."""
    for text in by_label.get("doi", []) + by_label.get("url", []):
        m = F.DOI_RE.search(text)
        if m and "doi" not in ref.fields:
            ref.fields["doi"] = F.clean_doi(m.group("doi"))
        elif "url" not in ref.fields and "doi" not in ref.fields:
            ref.fields["url"] = F.clean_url(text.strip("<>").strip())
    for text in by_label.get("genre", []):
        words = strip(text)
        thesis = F.THESIS_RE.search(words)
        if thesis:
            ref.fields["_thesis"] = _thesis_type(thesis)
        elif REPORT_RE.search(words):
            ref.fields["_report"] = "1"
            number = re.search(r"\b[\w/-]*\d[\w/.-]*$", words)
            if number:
                ref.fields["number"] = number.group()
        elif words and not MEDIUM_RE.match(words) and not F.LEAD_IN_RE.match(words):
            ref.fields["type"] = words
    for state in by_label.get("pubstate", [])[:1]:  # biblatex's key, set by venue_repairs
        # biblatex-chicago prints a pubstate in the year's place, and a date overrides it:
        # with a year given, the state is said after the rest ("…, 2026. In press.").
        if "date" in ref.fields:
            ref.fields["addendum"] = PUBSTATE_WORDS[state]
        else:
            ref.fields["pubstate"] = state
    for text in by_label.get("note", []):
        words = strip(text).strip("[]()")
        accessed = ACCESSED_RE.search(words)
        date = F.parse_date(accessed.group("date"))[0] if accessed else None
        if date:
            ref.fields["urldate"] = date
        elif F.LEAD_IN_RE.match(words) or not words:
            continue
        elif (thesis := F.THESIS_RE.search(words)) and "_thesis" not in ref.fields:
            ref.fields["_thesis"] = _thesis_type(thesis)
            university = (words[: thesis.start()] + words[thesis.end() :]).strip(WRAP)
            if university and "publisher" not in ref.fields:
                ref.fields["publisher"] = university  # "University of Leeds, PhD dissertation"
        elif REPRINT_RE.search(words) and re.search(F.YEAR, words) and "origdate" not in ref.fields:
            years = sorted(re.findall(F.YEAR, words + " " + ref.fields.get("date", "")))
            if len(set(years)) >= 2:
                ref.fields["origdate"] = years[0]
                ref.fields["date"] = years[-1]
        else:
            ref.notes.append(words)


def _thesis_type(m: re.Match) -> str:
    kind = (m.group("kind") or "").lower().replace(".", "").replace(" ", "")
    if kind.startswith(("ma", "master", "mphil", "diplom")):
        return "mathesis"
    return "phdthesis"


def _infer_type(by_label: dict[str, list[str]], ref: Reference) -> None:
    """The biblatex entry type the fields imply, and the fields moved where that type wants them."""
    f = ref.fields
    container = f.get("booktitle")
    book_facts = bool(f.get("publisher") or f.get("location") or ref.names.get("editor"))
    if f.pop("_thesis", None) is not None or F.THESIS_RE.search(f.get("type", "")):
        ref.entry_type = "thesis"
        thesis = F.THESIS_RE.search(ref.raw)
        f["type"] = _thesis_type(thesis) if thesis else "phdthesis"
        _move(f, "publisher", "institution")
        if container and "institution" not in f:
            f["institution"] = f.pop("booktitle")
    elif f.get("journaltitle") and not (container and book_facts):
        ref.entry_type = "article"
        if container:
            ref.notes.append(f.pop("booktitle"))
    elif container:
        if PROCEEDINGS_RE.search(container):
            ref.entry_type = "inproceedings"
        elif book_facts or ref.quoted_title is False or not f.get("volume"):
            ref.entry_type = "incollection" if ref.names.get("editor") else "inbook"
        else:
            ref.entry_type = "article"
            f["journaltitle"] = f.pop("booktitle")
        if f.get("journaltitle") and ref.entry_type != "article":
            ref.notes.append(f.pop("journaltitle"))
        if ref.entry_type == "inbook" and f.get("url") and not book_facts:
            ref.entry_type = "online"
            f["organization"] = f.pop("booktitle")
    elif (
        f.pop("_report", None) is not None
        or REPORT_RE.search(f.get("title", ""))
        and not (f.get("journaltitle") or container)
    ):
        ref.entry_type = "report"
        _move(f, "publisher", "institution")
    elif f.get("publisher") or f.get("location"):
        ref.entry_type = "book"
    elif f.get("url"):
        ref.entry_type = "online"
    else:
        ref.entry_type = "misc"
    f.pop("_report", None)
    if ref.entry_type == "online":
        _move(f, "publisher", "organization")
    count = f.pop("_pagecount", None)
    if count and ref.entry_type in ("book", "thesis", "report", "misc"):
        f["pagetotal"] = count
    elif count and "pages" not in f:
        f["pages"] = count


def _move(fields: dict[str, str], old: str, new: str) -> None:
    if fields.get(old) and not fields.get(new):
        fields[new] = fields.pop(old)
