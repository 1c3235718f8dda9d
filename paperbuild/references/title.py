"""Find where the title of a reference ends, and split off its subtitle.

A title has no fixed shape: it is what follows the authors up to a closing quote,
the first real full stop, an "In", an edition or the publication facts.
"""

from __future__ import annotations

import re

from . import fields as F
from .publication import PUBPAREN_RE
from .reference import Reference
from .sentences import ABBREVIATIONS, OPEN_QUOTES, first_mark, inside_quotes


def take_title(text: str, ref: Reference, comma_mode: bool) -> str:
    """Record the title at the start of text; return the tail after it.

    comma_mode: the authors ended with a comma, so "Title, Place: Publisher, Year" may follow.
    """
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
    if close and inside_quotes(title + " ", len(title) + 1):
        title += close.group(1)  # '... of the “Inner-Army Opposition.”' keeps its quote
        end += close.end()
    if not title.endswith(("?", "!")):
        title = title.rstrip(".")
    ref.fields["title"] = title
    return text[end:].lstrip(" .,:;")


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


#: Marks that may follow an unquoted title: ". In: Book", " (2nd ed.", and, in the comma
#: style of MLA, ", Place: Publisher, 1999." at the end.
IN_CONTAINER_RE = re.compile(r"[,.]\s+[Ii]n:?\s+(?=[A-Z“\"‘])")
EDITION_RE = re.compile(r"\s\((?:\d+(?:st|nd|rd|th)|[Rr]ev\.?|[Rr]evised)\s+ed")
PLACE_PUBLISHER_YEAR_RE = re.compile(
    r",\s*(?:[A-Z][^,:()]*?(?:,\s*[A-Z]{2}\.?)?\s*:\s*[^,:()]+|[A-Z][^,:()]+,\s*[A-Z][^,:()]+),\s*"
    rf"{F.YEAR}[a-z]?\.?$"
)


def _title_end(text: str, comma_mode: bool) -> int:
    """Where an unquoted title ends: the earliest of the marks that may follow a title."""
    marks = [PUBPAREN_RE, IN_CONTAINER_RE, EDITION_RE]
    if comma_mode:
        marks.append(PLACE_PUBLISHER_YEAR_RE)
    return first_mark(text, *marks)


def split_subtitle(ref: Reference) -> None:
    """'Title: Subtitle' -> title and subtitle, as biblatex wants them."""
    title = ref.fields.get("title", "")
    m = re.search(r"\s?[:.]\s+(?=[\w“\"‘'(¿¡])", title)
    if m and m.start() > 0 and not inside_quotes(title, m.start()):
        word = re.search(r"([\w.\-]*)$", title[: m.start()]).group(1)
        if title[m.start() :].lstrip()[:1] == "." and (
            word.lower() in ABBREVIATIONS or len(word) <= 1
        ):
            return
        head, sub = title[: m.start()].strip(), title[m.end() :].strip()
        if head and sub:
            ref.fields["title"], ref.fields["subtitle"] = head, sub
