"""Turn one free-form reference string (MLA, APA, Chicago, Harvard, GOST) into fields.

A trained sequence labeller (:mod:`.segment`) finds the parts, as AnyStyle and
GROBID do; rules read what each part means (:mod:`.interpret`). A language note
is cut out first, wherever it stands, since it is a fact about the work and no
part of its title. Nothing in the input is silently lost: what fits no field is
kept as a note.
"""

from __future__ import annotations

import re

from .archives import short_name, take_archive
from .cutouts import find_identifiers, take_bare_url, take_jahrgang, take_language
from .interpret import interpret
from .reference import Reference, UnparsableReference
from .segment import segment
from .titles import finish_titles
from .tokens import clean


def parse_reference(raw: str) -> Reference:
    """Parse one reference string; raise UnparsableReference when no title is found."""
    text = re.sub(r"\s+([,;:])(?=\s)", r"\1", clean(raw))  # "Rubles : The" reads as "Rubles: The"
    text = re.sub(r"\.\s+[—–]\s+", ". ", text)  # GOST's areas: "диктатуры. — М.: РОССПЭН"
    if not re.search(r"[^\W\d_]{2}", text):
        raise UnparsableReference("no words in the reference")
    ref = Reference(raw)
    text = take_archive(take_bare_url(take_jahrgang(take_language(text, ref)), ref), ref)
    if text:
        interpret(segment(text), ref)
        find_identifiers(text, ref)
    if not ref.fields.get("title"):
        raise UnparsableReference("no title found")
    finish_titles(ref)
    archive = ref.fields.pop("_archive", None)
    if archive:  # a document in an archive, or the archive itself (see archives.py)
        ref.entry_type = "unpublished" if text else "misc"
        ref.notes.insert(0, archive)
        short = None if text else short_name(ref.fields["title"])
        if short:
            ref.fields["shorttitle"] = short
    if ref.notes:
        ref.fields["note"] = ". ".join(dict.fromkeys(n for n in ref.notes if n))
    return ref
