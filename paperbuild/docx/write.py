"""Write the placed document as a .docx: reference document, pandoc, then the package's metadata.

read -> cite -> **write** (this module) -> publish: the same placed ``Document``
the LaTeX renderer walks, so the Word notes sit where the PDF's do and cite
the same works; pandoc's citeproc formats them from the BibTeX biber reads
(see :mod:`.references`), with ``templates/chicago-notes.csl`` (Chicago notes
as biblatex-chicago prints them).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..document import Document
from ..files import write_text
from ..locations import TEMPLATE_DIR
from .layout import WordLayout
from .package import finish
from .pandoc import api_version, run_pandoc
from .pandoc_json import pandoc_document
from .reference import prepare_reference
from .references import citeproc_references

REFERENCE_DOCX = TEMPLATE_DIR / "reference.docx"
CSL = TEMPLATE_DIR / "chicago-notes.csl"
BIB_NAME = "references.bib"


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
    write_text(workdir / BIB_NAME, bibtex)
    references = citeproc_references(workdir / BIB_NAME, workdir / "references.json")
    prepare_reference(template, layout, workdir / "reference.docx")
    ast = pandoc_document(document, layout, api_version())
    write_text(workdir / "paper.json", json.dumps(ast, ensure_ascii=False))
    arguments = ["--from=json", "paper.json", "--citeproc", f"--bibliography={references.name}"]
    arguments += [f"--csl={CSL}", "--reference-doc=reference.docx", "--output=pandoc.docx"]
    run_pandoc(arguments, workdir, epoch=epoch)
    endnotes = layout.notes == "endnotes"
    author, anonymous = document.meta.author, layout.anonymous
    return finish(workdir / "pandoc.docx", workdir / "paper.docx", author, anonymous, endnotes)
