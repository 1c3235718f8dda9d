"""Labelled reference strings: reading AnyStyle's XML and splitting it once, by a fixed rule.

Each ``<sequence>`` is a reference printed as labelled spans in reading order.
A sequence belongs to the held-out part when the SHA-1 of its text falls in the
first tenth of the hash space, so the split never depends on file order and a
string is always on the same side: the model never trains on what it is scored on.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .names import words
from .tokens import clean, tokenize

#: AnyStyle labels folded into the ones the normaliser reads (the rest are kept as they are).
LABEL_MAP = {
    "director": "author",
    "producer": "author",
    "source": "journal",
    "medium": "genre",
    "collection-number": "volume",
}
HELD_OUT_PERCENT = 10


@dataclass(frozen=True)
class Labelled:
    """One reference: its spans as (label, text), in reading order."""

    spans: tuple[tuple[str, str], ...]
    origin: str

    @property
    def text(self) -> str:
        return clean(" ".join(text for _, text in self.spans))

    def token_labels(self) -> tuple[list[str], list[str]]:
        """Whitespace tokens and their labels, aligned as the labeller sees them."""
        words, labels = [], []
        for label, text in self.spans:
            for tok in tokenize(clean(text)):
                words.append(tok.text)
                labels.append(label)
        return words, labels


def held_out(text: str) -> bool:
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def read_xml(path: Path) -> list[Labelled]:
    root = ET.parse(path).getroot()
    out = []
    for sequence in root.iter("sequence"):
        spans = tuple(
            (LABEL_MAP.get(child.tag, child.tag), " ".join((child.text or "").split()))
            for child in sequence
            if (child.text or "").strip()
        )
        if spans:
            out.append(Labelled(spans, path.name))
    return out


def read_all(folder: Path) -> list[Labelled]:
    """Every labelled file in the folder, in name order."""
    return [item for path in sorted(folder.glob("*.xml")) for item in read_xml(path)]


def split(items: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(training, held out); a string repeated across files falls on one side only."""
    train, test = [], []
    for item in items:
        (test if held_out(item.text) else train).append(item)
    return train, test


#: The fields the shared scorer compares, and the labels each is read from (first found wins).
GOLD_FIELDS = {
    "author": ("author",),
    "editor": ("editor",),
    "title": ("title",),
    "container-title": ("journal", "container-title"),
    "publisher": ("publisher",),
    "location": ("location",),
    "date": ("date",),
    "volume": ("volume",),
    "pages": ("pages",),
    "url": ("url",),
    "doi": ("doi",),
}
WRAPPING = " .,;:()[]“”\"'‘’«»/"
ROLE_RE = re.compile(
    r"^(?:[Ii]n:?\s+)?(?:(?:[Ee]dited|[Ee]d\.)\s+by\s+|[Ee]ds?\.\s+)?"
    r"|[\s,.(]*(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Dd]ir|[Cc]omps?)\.?\)?[\s.,:]*$"
)


def gold_fields(item: Labelled) -> dict[str, str]:
    """The labelled fields in the scorer's form: each span trimmed of the punctuation around it,
    role words ("In", "eds.") taken off people, as in ``anystyle-gold-60.jsonl``."""
    out = {}
    for field, labels in GOLD_FIELDS.items():
        for label in labels:
            text = next((t for lab, t in item.spans if lab == label), None)
            if text is None:
                continue
            if field in ("author", "editor"):
                text = ROLE_RE.sub("", text.strip(WRAPPING)).strip(WRAPPING)
            if field == "container-title":
                text = re.sub(r"^(?:[Ii]n|[Dd]ans)\s*:?\s+", "", text.strip(WRAPPING))
            text = text.strip(WRAPPING)
            if text:
                out[field] = text
            break
    return out


def same_kind_as_gold(item: Labelled) -> bool:
    """A book, chapter or article with an author, a title and a date, like the 60 gold strings
    (no numbered entries, theses or reports)."""
    labels = {label for label, _ in item.spans}
    return (
        {"author", "title", "date"} <= labels
        and bool(labels & {"journal", "container-title", "publisher"})
        and not labels & {"citation-number", "genre"}
    )


SEPARATOR_RE = re.compile(r"\s*;\s*|\s*,?\s+(?:and|&|und|et|y|и|e|dan|a)\s+|\s*,?\s*&\s*|\s*…\s*")
ETAL_TAIL_RE = re.compile(r"[\s,]*(?:et\s*al\.?|et\s+coll\.?|and\s+others)$", re.I)
PARTICLES = words("van von der den de da du la le del della di dit ten ter al el")
SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
ORG_RE = re.compile(
    r"(?i)\b(?:ministry|department|university|commission|institute|organi[sz]ation|association"
    r"|council|committee|agency|bureau|office|society|centre|center|foundation|service|board"
    r"|group|team|project|nations|government|union|bank|academy)\b"
)


def is_initials(text: str) -> bool:
    """'J. A.', 'JJ', 'J.-F.', 'Yu.': a given name written as initials only."""
    parts = re.sub(r"[.\-]", " ", text).split()
    return bool(parts) and all(
        p.isalpha()
        and (p.isupper() and len(p) <= 3 or len(p) == 2 and p[0].isupper() and "." in text)
        for p in parts
    )


def gold_families(people: str) -> list[str]:
    """Family names of a labelled list of people, by separators and name order alone.

    The shared scorer splits a gold list only at "and" and "&", which counts a
    correct "Card, S. K., Robertson, G. G., Mackinlay, J. D." as one person. This
    reading is deliberately simple and apart from the parser's: an organisation is
    one name; people are split at ";", "and"/"&" and commas; a part of initials
    alone belongs to the name before it; and the family name is what stands before
    such a part, the word before trailing initials ("Doyle JJ"), or else the last
    word ("Peter Turchin").
    """
    text = people.strip(WRAPPING)
    et_al = bool(ETAL_TAIL_RE.search(text))
    text = ETAL_TAIL_RE.sub("", text).strip(WRAPPING)
    if ORG_RE.search(text) or " " not in text.strip():
        return [text] + (["others"] if et_al else [])
    families = []
    for chunk in filter(None, SEPARATOR_RE.split(text)):
        parts = [SUFFIX_RE.sub("", p.strip()) for p in re.split(r",(?!\s*(?:Jr|Sr)\b)", chunk)]
        parts = [p for p in parts if p and p not in ("Jr.", "Jr", "Sr.", "Sr")]
        i = 0
        while i < len(parts):
            words = parts[i].split()
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            short_next = nxt is not None and len(nxt.split()) <= 3
            # "Tanner, Norman, …" first in a list, and after "and", "Trachte, Kent C."
            inverted = short_next and len(words) == 1 and (not families or len(parts) == 2)
            capitals = [w for w in words if len(w) > 2 and w.isupper() and w.isalpha()]
            particles = len(words) > 1 and all(w.lower() in PARTICLES for w in words[:-1])
            initials_from = next(
                (k for k in range(1, len(words)) if is_initials(" ".join(words[k:]))), None
            )
            if len(words) > 1 and len(capitals) == 1 and not is_initials(capitals[0]):
                families.append(capitals[0])  # "Jing LIU": the family name in capitals
                i += 2 if nxt is not None and is_initials(nxt) else 1
            elif initials_from and not is_initials(" ".join(words[:initials_from])):
                families.append(" ".join(words[:initials_from]))  # "Doyle JJ", "Ben Romdhane H"
                i += 1
            elif short_next and particles:
                families.append(parts[i])  # "van der Veen, Marijke"
                i += 2
            elif nxt is not None and (is_initials(nxt) or inverted and not is_initials(parts[i])):
                families.append(parts[i])  # "Card, S. K." / "Tanner, Norman"
                i += 2
            else:
                families.append(words[-1])  # "Peter Turchin", "J. Bunch"
                i += 1
    return families + (["others"] if et_al else [])
