"""Write the placed document as a .docx: reference document, pandoc, then the package's metadata.

read -> cite -> **write** (this module) -> publish: the same placed ``Document``
the LaTeX renderer walks, so the Word notes sit where the PDF's do and cite
the same works; pandoc's citeproc formats them from the BibTeX biber reads
(see :mod:`.references`), with ``templates/chicago-notes.csl`` (Chicago notes
as biblatex-chicago prints them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..document import Document
from ..files import write_text
from ..locations import TEMPLATE_DIR
from .layout import WordLayout
from .package import Edit, finish
from .pandoc import api_version, run_pandoc
from .pandoc_json import pandoc_document
from .reference import prepare_reference
from .references import citeproc_references

REFERENCE_DOCX = TEMPLATE_DIR / "reference.docx"
CSL = TEMPLATE_DIR / "chicago-notes.csl"
BIB_NAME = "references.bib"
TO_DOCX = ("--reference-doc=reference.docx", "--output=pandoc.docx")


def write_docx(
    document: Document,
    bibtex: str,
    layout: WordLayout,
    workdir: Path,
    epoch: int,
    template: Path = REFERENCE_DOCX,
) -> Path:
    """``workdir/paper.docx`` for ``document``, dated ``epoch``, made beside its sources."""
    workdir.mkdir(parents=True, exist_ok=True)
    prepare_reference(template, layout, workdir / "reference.docx")
    ast = pandoc_document(document, layout, api_version())
    run_pandoc([*citeproc_arguments(ast, bibtex, workdir), *TO_DOCX], workdir, epoch=epoch)
    return finished(workdir, document, layout)


def finished(
    workdir: Path, document: Document, layout: WordLayout, edits: Sequence[Edit] = ()
) -> Path:
    """pandoc's ``pandoc.docx`` in ``workdir`` made ``paper.docx``: its properties for
    ``document`` and ``layout``, its notes endnotes if asked (see :func:`.package.finish`)."""
    endnotes = layout.notes == "endnotes"
    author, anonymous = document.meta.author, layout.anonymous
    source, target = workdir / "pandoc.docx", workdir / "paper.docx"
    return finish(source, target, author, anonymous, endnotes, edits)


def citeproc_arguments(ast: dict, bibtex: str, folder: Path) -> list[str]:
    """Write the document ``ast`` and its bibliography into ``folder`` as pandoc's citeproc
    reads them; pandoc's arguments to read them there."""
    folder.mkdir(parents=True, exist_ok=True)
    write_text(folder / BIB_NAME, bibtex)
    references = citeproc_references(folder / BIB_NAME, folder / "references.json")
    write_text(folder / "paper.json", json.dumps(ast, ensure_ascii=False))
    arguments = ["--from=json", "paper.json", "--citeproc", f"--bibliography={references.name}"]
    return [*arguments, f"--csl={CSL}"]
