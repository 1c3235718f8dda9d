"""Write Word's own tracked changes: two versions formatted by citeproc, merged, then pandoc.

Each version is formatted on its own (``from/`` and ``to/`` in the work folder),
so accepting every change gives the new version's Word file exactly and
rejecting every change the old one's; :mod:`.tracked` merges them, pandoc
writes the merged document (no citeproc: its notes are formatted already) and
:mod:`.revision_marks` finishes the changes as Word writes them. citeproc's
output is kept beside its input, so a version whose document and sources did
not change since the last diff (the submitted one, while the author revises)
is not formatted again.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from ..document import Document
from ..files import write_text
from ..incremental import code_digest, file_digest
from .layout import WordLayout
from .pandoc import api_version, run_pandoc
from .pandoc_json import clean, pandoc_document
from .reference import prepare_reference
from .revision_marks import tracked_edits
from .tracked import Reviser, merge_documents
from .write import CSL, REFERENCE_DOCX, TO_DOCX, citeproc_arguments, finished

#: Who the tracked changes are by when the paper names no author, or must not.
REVISER = "paperbuild"
FORMATTED = "formatted.json"
FORMATTED_KEY = "formatted.key"


def write_tracked_docx(
    old: Document,
    old_bibtex: str,
    new: Document,
    new_bibtex: str,
    layout: WordLayout,
    workdir: Path,
    epoch: int,
    template: Path = REFERENCE_DOCX,
) -> Path:
    """``workdir/paper.docx``: ``new`` with what changed since ``old`` as Word's tracked
    changes, made by the front matter's author (paperbuild when it names none or the
    layout is anonymous) on the date ``epoch``."""
    workdir.mkdir(parents=True, exist_ok=True)
    prepare_reference(template, layout, workdir / "reference.docx")
    sides = ((old, old_bibtex, layout, workdir / "from"), (new, new_bibtex, layout, workdir / "to"))
    with ThreadPoolExecutor(max_workers=2) as pool:  # each side waits on its own pandoc
        before, after = pool.map(lambda side: formatted_document(*side), sides)
    merged = merge_documents(before, after, reviser(new, layout, epoch))
    write_text(workdir / "paper.json", json.dumps(merged, ensure_ascii=False))
    run_pandoc(["--from=json", "paper.json", *TO_DOCX], workdir, epoch=epoch)
    title = clean(" ".join(new.meta.title.split()))
    return finished(workdir, new, layout, tracked_edits(title))


def formatted_document(document: Document, bibtex: str, layout: WordLayout, folder: Path) -> dict:
    """``document`` as pandoc's JSON, its notes and bibliography formatted by citeproc; as
    last time in ``folder`` when neither it, its sources nor paperbuild changed since."""
    ast = pandoc_document(document, layout, api_version())
    inputs = [ast, bibtex, file_digest(CSL), code_digest()]
    key = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()
    done, done_key = folder / FORMATTED, folder / FORMATTED_KEY
    if done.is_file() and done_key.is_file() and done_key.read_text(encoding="utf-8") == key:
        return json.loads(done.read_text(encoding="utf-8"))
    formatted = run_pandoc([*citeproc_arguments(ast, bibtex, folder), "--to=json"], folder)
    write_text(done, formatted)
    write_text(done_key, key)
    return json.loads(formatted)


def reviser(document: Document, layout: WordLayout, epoch: int) -> Reviser:
    author = document.meta.author if document.meta.author and not layout.anonymous else None
    date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Reviser(author or REVISER, date)
