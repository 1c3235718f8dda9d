"""The parts of a reference with a fixed shape, found by pattern wherever they stand.

A language note ("(Russian)", "[in Russian]") and a web address written without its
"https://" (MLA 9's habit) are cut out before labelling, and a German "22. Jg., H. 3"
rewritten as the volume and issue the labeller knows; a DOI or URL the labeller missed
is picked up from the string afterwards.
"""

from __future__ import annotations

import re

from . import fields as F
from .reference import Reference
from .tokens import clean


def take_language(text: str, ref: Reference) -> str:
    """A "(Russian)" anywhere becomes biblatex's language field (printed "[in Russian]" by
    biblatex-chicago) and, when the title is in that language's script, its langid."""
    m = F.LANG_RE.search(text)
    if m is None:
        return text
    lang = (m.group("lang") or m.group("lang2")).lower()
    if lang not in F.NON_LATIN_SCRIPT_LANGUAGES or F.has_non_latin_letters(text):
        # a Russian work cited by its English title keeps English quotes and hyphenation
        ref.fields["langid"] = F.LANGUAGES[lang]
    if lang != "english":
        ref.fields["language"] = F.language_field(lang)
    # the note's own full stop ends the title before it: "crater (in Russian). Astronomie"
    stop = "." if m.group().endswith(".") and not text[: m.start()].rstrip().endswith(".") else ""
    return clean(text[: m.start()].rstrip() + stop + " " + text[m.end() :])


def find_identifiers(text: str, ref: Reference) -> None:
    """Record a DOI and the first URL of the string when the labeller did not."""
    m = F.DOI_RE.search(text)
    if m and "doi" not in ref.fields:
        ref.fields["doi"] = F.clean_doi(m.group("doi"))
    m = F.URL_RE.search(text)
    if m and "url" not in ref.fields and F.clean_url(m.group()) != _doi_url(ref):
        ref.fields["url"] = F.clean_url(m.group())
    if ref.fields.get("url") and ref.fields.get("doi") and "doi.org/" in ref.fields["url"]:
        del ref.fields["url"]


def _doi_url(ref: Reference) -> str | None:
    doi = ref.fields.get("doi")
    return f"https://doi.org/{doi}" if doi else None


#: A web address without its scheme: a host ending in a common top-level domain, then a
#: path ("soviethistory.msu.edu/1937-2/purge-of-the-red-army/").
BARE_URL_RE = re.compile(
    r"(?<![\w@/.:-])(?P<url>(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|info|ru|su|ua|uk|de|fr"
    r"|it|es|pl|cz|eu|ca|au|us)/[^\s<>\[\]]*?)(?=[.,;]?(?:\s|$))",
    re.I,
)


def take_bare_url(text: str, ref: Reference) -> str:
    """A web address written without "https://" becomes the url (with it), and leaves the
    string, so its numbers are read as no date or page."""
    if F.URL_RE.search(text):
        return text
    m = BARE_URL_RE.search(text)
    if m is None:
        return text
    ref.fields["url"] = F.clean_url("https://" + m["url"])
    rest = text[: m.start()].rstrip(" ,;") + text[m.end() :]
    return clean(re.sub(r"\s*[,;]\s*(?=[.,;])", "", rest))


#: A German journal's volume and issue: "22. Jg. Heft 3", "49. Jg., H. 2", "12. Jahrgang".
JAHRGANG_RE = re.compile(
    r"(?<![\w.])(?P<volume>\d{1,4})\.\s*(?:Jg\.?|Jahrgang)(?:\s*[,(]?\s*(?:Heft|H\.|Nr\.)\s*"
    r"(?P<number>\d+(?:\s*[/–-]\s*\d+)?)\)?)?(?![\w])"
)


def take_jahrgang(text: str) -> str:
    """A German volume ("22. Jg.", its number before its word) and Heft, written as the
    labeller knows a volume and issue: "Zeitgeschichte 49. Jg., H. 2, S. 201" reads as
    "Zeitgeschichte 49, no. 2, S. 201"."""
    m = JAHRGANG_RE.search(text)
    if m is None:
        return text
    issue = ", no. " + "".join(m["number"].split()) if m["number"] else ""
    return text[: m.start()] + m["volume"] + issue + text[m.end() :]
