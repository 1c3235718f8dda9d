"""Cut the fixed-shape parts out of a reference string, wherever they stand.

A DOI, a URL, an access date and a language note have shapes no title shares,
so taking them out first leaves the simpler left-to-right reading of authors,
date, title and tail to the other steps.
"""

from __future__ import annotations

import re

from . import fields as F
from .reference import Reference
from .sentences import tidy

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


def take_language(text: str, ref: Reference) -> str:
    """A closing "(Russian)" becomes biblatex's language field (printed "[in Russian]" by
    biblatex-chicago) and, when the title is in that language's script, its langid."""
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
        ref.fields["language"] = F.language_field(lang)
    return tidy(text[: m.start()] + text[m.end() :])


def _cut(text: str, start: int, end: int, ref: Reference) -> str:
    """Remove text[start:end] and the lead-in phrase ("Available at:") just before it."""
    lead = LEAD_IN_RE.search(text[:start])
    if lead and lead.group("when"):
        date, _ = F.parse_date(lead.group("when"))
        if date and "urldate" not in ref.fields:
            ref.fields["urldate"] = date
    head = text[: lead.start()] if lead else text[:start]
    tail = text[end:].lstrip(" ,.;:")
    return tidy(f"{head}. {tail}" if tail and head else head + tail)


def take_identifiers(text: str, ref: Reference) -> str:
    """Record the DOI, the first URL and the access date; return the rest."""
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
            text = tidy(text[: m.start()] + " " + text[m.end() :])
    return text.rstrip(" ,;:")
