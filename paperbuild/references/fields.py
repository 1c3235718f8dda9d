"""Patterns for the parts of a reference that have a fixed shape: dates, pages, numbers, links.

Kept apart from the rules that use them (interpret.py, repairs.py, cutouts.py), so that each
shape can be tested alone.
"""

from __future__ import annotations

import re
import unicodedata

#: The punctuation around a labelled span, never part of what it says.
SPAN_WRAP = " .,;:/"

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: biblatex season codes (ISO 8601-2 / EDTF level 1).
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
LANGUAGES = {
    "russian": "russian", "english": "english", "german": "ngerman", "french": "french",
    "spanish": "spanish", "italian": "italian", "ukrainian": "ukrainian", "polish": "polish",
    "portuguese": "portuguese", "czech": "czech", "dutch": "dutch", "swedish": "swedish",
    "japanese": "japanese", "chinese": "chinese", "latin": "latin", "greek": "greek",
    "hungarian": "hungarian", "finnish": "finnish", "turkish": "turkish", "arabic": "arabic",
}  # fmt: skip

#: Languages biblatex has a "lang..." bibstring for; others are printed as written.
BIBLATEX_LANGUAGES = {
    "russian", "english", "german", "french", "spanish", "italian", "ukrainian", "polish",
    "portuguese", "czech", "dutch", "swedish", "japanese", "latin", "greek", "hungarian",
    "finnish",
}  # fmt: skip


def language_field(lang: str) -> str:
    return lang if lang in BIBLATEX_LANGUAGES else lang.capitalize()


NON_LATIN_SCRIPT_LANGUAGES = {"russian", "ukrainian", "greek", "japanese", "chinese", "arabic"}


def latin(letter: str) -> bool:
    return "LATIN" in unicodedata.name(letter, "")


def has_non_latin_letters(text: str) -> bool:
    return any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in text)


YEAR = r"(?:1[5-9]\d\d|20\d\d)"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
SEASON = r"(?:Spring|Summer|Autumn|Fall|Winter)"
#: "12 Nov. 2020", "March 17, 1969", "Jan. 1986", "Fall 2011", "2015a", "1992, August 27".
DATE_RE = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})\s+(?P<y1>{YEAR})"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>{YEAR})"
    rf"|(?P<y4>{YEAR}),\s+(?P<m4>{MONTH})(?:\s+(?P<d4>\d{{1,2}}))?"
    rf"|(?P<m3>{MONTH}|{SEASON})\s+(?P<y3>{YEAR})"
    rf"|(?P<y>{YEAR})(?P<suffix>[a-z])?)(?![\d])"
)
NODATE_RE = re.compile(r"\bn\.\s?d\.?|\bno date\b", re.I)

DOI_RE = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*[:>]?\s*)(?P<doi>10\.\d{4,9}/\S+)", re.I
)
URL_RE = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|\bwww\.)[^\s<>\[\]]+")
LANG_RE = re.compile(
    r"[(\[]\s*(?:in\s+)?(?P<lang>" + "|".join(LANGUAGES) + r")(?:\s+language)?\.?\s*[)\]]\.?"
    r"|(?<=[.,]\s)[Ii]n\s+(?P<lang2>" + "|".join(LANGUAGES) + r")\.?$",
    re.I,
)

EDITION_RE = re.compile(
    r"\(?\b(?:(?P<ed>\d+(?:st|nd|rd|th)|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]ev(?:ised)?\.?)"
    r"\s+(?:ed(?:n|ition)?\.?)"
    # German "2. Aufl.", French "2e éd.", Russian "2-е изд.": the number is the edition
    r"|(?P<ed2>\d+)(?:\.\s*(?:Aufl(?:age)?|Ausg(?:abe)?)|(?:e|ème|re)\s+[ée]d(?:ition)?|-?е\s+изд(?:ание)?)\.?"
    r")\)?",
)
ORDINALS = {"second": "2", "third": "3", "fourth": "4", "fifth": "5"}


def parse_date(text: str, pos: int = 0) -> tuple[str | None, re.Match | None]:
    """ISO / biblatex date of the first date in text[pos:], with its match."""
    m = DATE_RE.search(text, pos)
    if not m:
        return None, None
    g = m.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"] or g["y"]
    month_word = g["m1"] or g["m2"] or g["m3"] or g["m4"]
    day = g["d1"] or g["d2"] or g["d4"]
    if not month_word:
        return year, m
    word = month_word.lower().rstrip(".")
    if word in SEASONS:
        return f"{year}-{SEASONS[word]}", m
    month = MONTHS[word[:4] if word.startswith("sept") else word[:3]]
    if day and 1 <= int(day) <= 31:
        return f"{year}-{month:02d}-{int(day):02d}", m
    return f"{year}-{month:02d}", m


#: Hyphens and dashes a page range is typed with: hyphen, non-breaking hyphen, figure dash,
#: en and em dash, minus sign.
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def normalise_pages(text: str) -> str:
    """'24–35' -> '24--35'; '1,3' -> '1, 3'. The digits stay as written: biblatex formats."""
    text = re.sub(rf"\s*[{DASHES}]+\s*", "--", text.strip())
    return re.sub(r"\s*,\s*", ", ", text)


def clean_url(url: str) -> str:
    """Trim trailing punctuation and give a bare 'www.' address a scheme so it links."""
    url = url.rstrip(".,;:")
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    if url.lower().startswith("www."):
        url = "https://" + url
    return url


def clean_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:")
    for opener, closer in ("()", "[]"):
        while doi.endswith(closer) and doi.count(opener) < doi.count(closer):
            doi = doi[:-1].rstrip(".,;:")
    return doi


def edition_number(word: str) -> str:
    """biblatex's edition: a number ("2nd" is 2), or a revised edition as Chicago abbreviates
    it ("rev. ed.", which biblatex-chicago and citeproc both print as written)."""
    word = word.lower().rstrip(".")
    if word.startswith("rev"):
        return "rev. ed."
    return ORDINALS.get(word, re.sub(r"\D", "", word))


THESIS_RE = re.compile(
    r"\b(?P<kind>Ph\.?\s?D\.?|Doctoral|Master['’]?s|M\.?A\.?|MPhil|Doctorate|Diplom\w*)\s*"
    r"(?:thesis|dissertation|diss\.?)|\b(?:thesis|dissertation|diss\.|диссертация|дис\.)",
    re.I,
)

#: The words that lead in to a link ("Retrieved from", "Available at"): no part of the work.
LEAD_IN_RE = re.compile(
    r"^\W*(?:available\s+(?:at|from|online)(?:\s+at)?|retrieved(?:\s+from)?|retirado de"
    r"|disponible en|url|online|web|from|режим доступа|доступно)\W*$",
    re.I,
)


def strip_around(text: str, chars: str) -> str:
    """``text.strip(chars)``, but a bracket that closes one opened inside stays
    ("Ministry of Transport (MLIT)")."""
    stripped = text.strip(chars)
    tail = text[len(text.rstrip(chars)) :]
    for opening, closing in ("()", "[]"):
        if closing in tail and stripped.count(opening) > stripped.count(closing):
            stripped += closing
    return stripped
