"""The bibliography as citeproc reads it: the BibTeX biber reads, turned into CSL JSON by pandoc.

One change is made on the way. CSL sets English titles in title case, and
pandoc's reader lowers the case of unbraced words for it to do so; a title
that is not in the Latin script (a Russian one, say) would then have every
word capitalised, which biblatex never does. An item whose titles are mostly
in another script, and whose BibTeX names no language (``langid``), is
marked ``und`` (an undetermined language, so not English): citeproc then
prints its titles as they are written.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from ..files import write_text
from .pandoc import run_pandoc

TITLE_FIELDS = ("title", "container-title", "collection-title", "volume-title")


def citeproc_references(bibtex: Path, target: Path) -> Path:
    """``bibtex`` as CSL JSON in ``target`` (beside it), for pandoc's ``--bibliography``."""
    converted = run_pandoc(["--from=biblatex", "--to=csljson", bibtex.name], bibtex.parent)
    items = [not_english_when_not_latin(item) for item in json.loads(converted)]
    write_text(target, json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    return target


def not_english_when_not_latin(item: dict) -> dict:
    if "language" in item:
        return item
    letters = [c for f in TITLE_FIELDS for c in str(item.get(f, "")) if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return {**item, "language": "und"} if latin * 2 < len(letters) else item
