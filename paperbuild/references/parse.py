"""Turn one free-form reference string (MLA, APA, Chicago, Harvard) into fields.

Rules, not a trained model: references are read left to right as authors, date,
title, then a tail (container, volume, pages, publisher), after fixed-shape parts
(DOI, URL, access date, language note) are cut out wherever they stand. Each step
keeps what it cannot place as a note, so nothing in the input is silently lost.
This module runs the steps in order and names the entry type from what they found.
"""

from __future__ import annotations

import re
import unicodedata

from .authors import take_authors
from .container import parse_tail
from .cutouts import take_identifiers, take_language
from .reference import Reference, UnparsableReference
from .sentences import tidy
from .title import split_subtitle, take_title

THESIS_RE = re.compile(
    r"\b(?P<kind>Ph\.?\s?D\.?|Doctoral|Master'?s|M\.?A\.?|MPhil|Doctorate)\s+"
    r"(?:thesis|dissertation|diss\.)|\b(?:thesis|dissertation)\b",
    re.I,
)
REPORT_RE = re.compile(r"\b(?:report|working paper|technical paper|white paper)\b", re.I)


def parse_reference(raw: str) -> Reference:
    """Parse one reference string; raise UnparsableReference when no title is found."""
    text = tidy(unicodedata.normalize("NFC", raw))
    if not re.search(r"[^\W\d_]{2}", text):
        raise UnparsableReference("no words in the reference")
    ref = Reference(raw)
    text = take_language(text, ref)
    text = take_identifiers(text, ref)
    text, comma_mode = take_authors(text, ref)
    rest = take_title(text, ref, comma_mode)
    if not ref.fields.get("title"):
        raise UnparsableReference("no title found")
    parse_tail(rest, ref)
    split_subtitle(ref)
    _infer_type(ref)
    if ref.notes:
        ref.fields["note"] = ". ".join(ref.notes)
    return ref


def _infer_type(ref: Reference) -> None:
    """The biblatex entry type the found fields imply; moves publisher where the type wants it."""
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
