"""Titles as Chicago prints them: subtitle apart, headline case for English, a short form.

- A subtitle after a colon goes to biblatex's ``subtitle``.
- An English title written in sentence case (APA's habit) is set in headline case
  (CMOS 8.159); titles in other languages keep the case they were written in.
- A main title of more than four words gets a ``shorttitle`` of at most four for
  short notes (CMOS 14.30); ``bib/corrections.yaml`` can set a better one.
- A title in Cyrillic gets the langid its hyphenation and quotation marks need.
"""

from __future__ import annotations

import re

from . import fields as F
from .names import ABBREVIATIONS, words
from .reference import Reference

#: Words headline style leaves in lower case inside a title: articles, prepositions,
#: coordinating conjunctions, "to" and "as" (CMOS 8.159).
MINOR = words(
    """
    a an the and but or nor for so yet as to at by in of off on per up via out with from into
    onto upon over under than like near past since till until about above across after against
    along among around before behind below beneath beside besides between beyond despite down
    during except inside outside through throughout toward towards underneath unlike versus vs
    within without amid
    """
)
#: Prefixes that take no capital after their hyphen ("Anti-intellectual", CMOS 8.161).
PREFIXES = words(
    """
    anti pre post non re co sub inter intra multi semi pro un mid neo pseudo
    """
)
ENGLISH = words(
    """
    the of and in to a for on with from by as at is an or its their how why what between
    against into under after before during this that are was were
    """
)
OTHER = words(
    """
    le la les des du et en un une dans pour sur au aux der die das und im zur zum von mit über
    für ein eine dem den el los las del y para por con il lo gli della delle dei per nel nella
    do da dos das em na no och på av og af het een van voor met niet ze w z się i
    """
)
#: Words a short title never ends on, in English and the other languages read here.
ENDS_NO_SHORT_TITLE = MINOR | OTHER | words("и в во на о об с со к по из за для от а но или")
WORD_RE = re.compile(r"(?<![\w'’])[^\W\d_][\w'’]*(?:-[\w'’]+)*")
UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")


def finish_titles(ref: Reference) -> None:
    split_subtitle(ref)
    f = ref.fields
    if "langid" not in f and _cyrillic(f.get("title", "")):
        f["langid"] = "ukrainian" if set(f["title"]) & UKRAINIAN_LETTERS else "russian"
    english = f.get("langid", "english") in ("english", "american", "british")
    titles = [
        name for name in ("title", "subtitle", "booktitle", "maintitle", "series") if f.get(name)
    ]
    if english and not f.get("language") and looks_english(" ".join(f[n] for n in titles)):
        for name in titles:
            if sentence_cased(f[name]):
                f[name] = headline_case(f[name])
    short = short_title(f.get("title", ""))
    if short:
        f["shorttitle"] = short


def split_subtitle(ref: Reference) -> None:
    """'Title: Subtitle' -> title and subtitle, as biblatex wants them."""
    title = ref.fields.get("title", "")
    m = re.search(r"\s?[:.]\s+(?=[\w“\"‘'(¿¡«])", title)
    if m and m.start() > 0 and not inside_quotes(title, m.start()):
        word = re.search(r"([\w.\-]*)$", title[: m.start()]).group(1)
        if title[m.start() :].lstrip()[:1] == "." and (
            word.lower() in ABBREVIATIONS or len(word) <= 1
        ):
            return
        head, sub = title[: m.start()].strip(), title[m.end() :].strip()
        if head and sub:
            ref.fields["title"], ref.fields["subtitle"] = head, sub


def inside_quotes(text: str, i: int) -> bool:
    """Whether text[i] stands inside a quotation opened before it."""
    head = text[:i]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and F.has_non_latin_letters(text)
        and sum("\u0400" <= c <= "\u04ff" for c in letters) > len(letters) / 2
    )


def looks_english(text: str) -> bool:
    """More English function words than French, German, Spanish or Italian ones."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    english = sum(w in ENGLISH for w in words)
    other = sum(w in OTHER and w not in ENGLISH for w in words)
    foreign_letters = any(c.isalpha() and not c.isascii() for c in text)
    return english > (2 * other + 1 if foreign_letters else other)


def sentence_cased(text: str) -> bool:
    """Whether a major word after the first stands in lower case ("Peasant rebels under...")."""
    for m in WORD_RE.finditer(text):
        word = m.group()
        if word.lower() not in MINOR and word.islower() and len(word) > 3:
            return True  # "Peasant rebels", and a subtitle opening "collectivization and…"
    return False


def _opens_part(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the title, a subtitle or a quotation."""
    before = text[:start].rstrip(" “\"‘'(«")
    return not before or before[-1] in ":.?!—–"


def headline_case(text: str) -> str:
    """Capitalise every major word and the first and last word; minor words in lower case."""
    matches = list(WORD_RE.finditer(text))
    out, done = [], 0
    for n, m in enumerate(matches):
        word = m.group()
        final = n == len(matches) - 1 and not re.search(r"\w", text[m.end() :])  # "the 1930s"
        edge = final or _opens_part(text, m.start())
        out.append(text[done : m.start()] + _headline_word(word, edge))
        done = m.end()
    out.append(text[done:])
    return "".join(out)


def _headline_word(word: str, edge: bool) -> str:
    if not F.latin(word[0]):
        return word  # "β cell": a Greek letter in an English title keeps its case
    if (
        any(c.isupper() for c in word[1:])
        or not word.isalpha()
        and "-" not in word
        and "'" not in word
        and "’" not in word
    ):
        return word  # "iPhone", "USSR", "1930s" stay as written
    parts = word.split("-")
    first = parts[0]
    minor = first.lower() in MINOR and not edge
    head = first.lower() if minor else first[:1].upper() + first[1:]
    rest = [
        p if first.lower() in PREFIXES or p.lower() in MINOR else p[:1].upper() + p[1:]
        for p in parts[1:]
    ]
    return "-".join([head, *rest])


def short_title(title: str) -> str | None:
    """At most four words of a longer main title, not ending on a minor word (CMOS 14.30)."""
    words = title.split()
    if len(words) <= 4:
        return None
    if words[0].lower() in ("the", "a", "an"):  # "History of the Gulag" (CMOS 14.30)
        words = words[1:]
    short = words[:4]
    while short and inside_quotes(" ".join(short) + " ", len(" ".join(short)) + 1):
        if len(short) == len(words):
            break
        short = words[: len(short) + 1]
    while len(short) > 1 and short[-1].strip('“”"‘’,;:').lower() in ENDS_NO_SHORT_TITLE:
        short.pop()
    text = " ".join(short).rstrip(",;:")
    return text if text != title else None
