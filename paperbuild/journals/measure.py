"""The lengths a journal's limits count: the text's and the notes', in words or characters.

The text is counted from the document model (the prose: paragraphs, quotations
and headings, as :mod:`paperbuild.wordcount` counts it; title, abstract and
bibliography are not text). The notes exist only in the written manuscript
(citeproc or biblatex-chicago make them), so they are read back from the file
the journal receives: the .docx's notes when it asks for Word, else the PDF's.
A word is what :func:`paperbuild.wordcount.words_in` counts; characters are
counted with spaces, as a word processor does (:func:`~paperbuild.wordcount.characters_in`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..wordcount import characters_in, note_text, prose_text, words_in

COUNTERS = {"words": words_in, "characters": characters_in}


@dataclass(frozen=True)
class Measures:
    text: str  # the prose, a paragraph a line
    notes: str | None  # each note a line; None until a manuscript is written
    notes_from: str | None  # the file they were read from

    def count(self, parts: tuple[str, ...], unit: str) -> int | None:
        """The length of ``parts`` ("text", "notes") in ``unit``; None if the notes are unknown."""
        texts = {"text": self.text, "notes": self.notes}
        if any(texts[part] is None for part in parts):
            return None
        return sum(COUNTERS[unit](texts[part]) for part in parts)


def measure(document: Document, manuscript: Path | None, font_size: str = "12pt") -> Measures:
    """The text of ``document`` and the notes of the ``manuscript`` written from it, if any."""
    return Measures(prose_text(document), *manuscript_notes(manuscript, font_size))


def manuscript_notes(manuscript: Path | None, font_size: str) -> tuple[str | None, str | None]:
    if manuscript is None:
        return None, None
    if manuscript.suffix == ".docx":
        from ..docx.readback import read_docx

        return "\n".join(read_docx(manuscript).notes), str(manuscript)
    text = " ".join(note_text(manuscript, font_size).split())  # a PDF's lines are not its notes
    return text, str(manuscript)


def length_of(text: str | None, unit: str) -> int | None:
    return None if text is None else COUNTERS[unit](text)
