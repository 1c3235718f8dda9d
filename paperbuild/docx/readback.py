"""Read a built .docx back: its notes, the styles its paragraphs use, and its metadata.

What ``invoke check`` reports and the tests assert on: python-docx reads the
body and the document properties; the notes, which python-docx has no API
for, are read from ``word/footnotes.xml`` or ``word/endnotes.xml`` in the zip.
"""

from __future__ import annotations

import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import docx
from lxml import etree

from ..errors import PaperError
from ..problems import Problem
from ..wordcount import words_in

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOTE_PARTS = {"footnotes": "word/footnotes.xml", "endnotes": "word/endnotes.xml"}


@dataclass(frozen=True)
class DocxInfo:
    path: str
    notes: tuple[str, ...]  # each note's text, in order (without its number)
    note_kind: str  # "footnotes" or "endnotes": where the notes are
    styles: tuple[str, ...]  # the paragraph styles used, body and notes, by name
    title: str | None
    author: str | None
    last_modified_by: str | None

    @property
    def note_words(self) -> int:
        return sum(words_in(note) for note in self.notes)

    def as_dict(self) -> dict:
        fields = asdict(self)
        fields["notes"] = len(self.notes)
        return fields


def read_docx(path: Path) -> DocxInfo:
    try:
        document = docx.Document(str(path))
        with zipfile.ZipFile(path) as package:
            parts = {kind: package.read(name) for kind, name in NOTE_PARTS.items()
                     if name in package.namelist()}  # fmt: skip
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise PaperError("check", f"cannot read the Word file: {err}", path) from None
    kind = "endnotes" if note_texts(parts.get("endnotes"), "endnote") else "footnotes"
    notes = note_texts(parts.get(kind), kind[:-1])
    note_styles = note_style_ids(parts.get(kind))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    styles += [style_name(document, style_id) for style_id in note_styles]
    properties = document.core_properties
    return DocxInfo(
        str(path),
        tuple(notes),
        kind,
        tuple(dict.fromkeys(styles)),
        properties.title or None,
        properties.author or None,
        properties.last_modified_by or None,
    )


def tracked_note_words(path: Path) -> dict[str, int]:
    """The words Word shows inserted (``added``) and deleted (``removed``) in the notes: the
    revision summary's words in the notes, read back as for a PDF."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = [package.read(name) for name in NOTE_PARTS.values()
                     if name in package.namelist()]  # fmt: skip
    except (OSError, zipfile.BadZipFile) as err:
        raise PaperError("check", f"cannot read the Word file: {err}", path) from None
    changed: dict[str, list[str]] = {"added": [], "removed": []}
    for xml in parts:
        for change in etree.fromstring(xml).iter(f"{W}ins", f"{W}del"):
            side = "added" if change.tag == f"{W}ins" else "removed"
            changed[side].append("".join(t.text or "" for t in change.iter(f"{W}t", f"{W}delText")))
    return {side: words_in("\n".join(texts)) for side, texts in changed.items()}


def note_texts(xml: bytes | None, tag: str) -> list[str]:
    """The text of each note (not the separators Word keeps among them), spaces tidied."""
    if xml is None:
        return []
    notes = []
    for note in etree.fromstring(xml).iter(f"{W}{tag}"):
        if note.get(f"{W}type") is None:
            notes.append(" ".join("".join(t.text or "" for t in note.iter(f"{W}t")).split()))
    return notes


def note_style_ids(xml: bytes | None) -> list[str]:
    if xml is None:
        return []
    return [style.get(f"{W}val") for style in etree.fromstring(xml).iter(f"{W}pStyle")]


def style_name(document, style_id: str) -> str:
    for style in document.styles:
        if style.style_id == style_id:
            return style.name
    return style_id


def docx_problems(info: DocxInfo) -> list[Problem]:
    if info.title:
        return []
    message = "the Word file has no title in its document properties"
    return [Problem("check", "warning", message, info.path)]
