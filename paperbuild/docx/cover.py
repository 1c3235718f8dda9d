"""A journal's cover page as a .docx: the title, then each field as a labelled paragraph.

Written as the manuscript is (pandoc's JSON document, the reference document
with the journal's layout, then :func:`.package.finish`), but it names the
author: that is what it is for. No line numbers, no notes.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ..document import FrontMatter
from ..files import write_text
from ..journals.cover import CoverField
from .layout import WordLayout
from .package import finish
from .pandoc import api_version, run_pandoc
from .pandoc_json import SPACE, meta_inlines, para, text_inlines
from .reference import prepare_reference
from .write import REFERENCE_DOCX


def write_cover(
    meta: FrontMatter,
    fields: list[CoverField],
    layout: WordLayout,
    workdir: Path,
    epoch: int,
    template: Path = REFERENCE_DOCX,
) -> Path:
    """``workdir/cover.docx``: ``meta``'s title and subtitle, then ``fields``, dated ``epoch``."""
    workdir.mkdir(parents=True, exist_ok=True)
    plain = replace(layout, line_numbers=False, anonymous=False)
    prepare_reference(template, plain, workdir / "cover-reference.docx")
    metadata = {"title": meta_inlines(meta.title)}
    if meta.subtitle:
        metadata["subtitle"] = meta_inlines(meta.subtitle)
    blocks = [block for field in fields for block in field_blocks(field)]
    document = {"pandoc-api-version": api_version(), "meta": metadata, "blocks": blocks}
    write_text(workdir / "cover.json", json.dumps(document, ensure_ascii=False))
    arguments = ["--from=json", "cover.json", "--reference-doc=cover-reference.docx",
                 "--output=pandoc-cover.docx"]  # fmt: skip
    run_pandoc(arguments, workdir, epoch=epoch)
    return finish(workdir / "pandoc-cover.docx", workdir / "cover.docx", meta.author, False, False)


def field_blocks(field: CoverField) -> list[dict]:
    """The label in bold before the first paragraph; the others as they are."""
    paragraphs = [p for p in field.text.split("\n\n") if p.strip()]
    label = {"t": "Strong", "c": text_inlines(f"{field.label}:")}
    first = para([label, SPACE, *text_inlines(paragraphs[0])])
    return [first, *(para(text_inlines(p)) for p in paragraphs[1:])]
