"""The word count journals ask for: text, notes, and both together.

What is counted, and how:

- **text**: the words of the essay's prose, from the document model: paragraphs,
  block quotations and section headings, with each citation that became a note
  already taken out (a narrative citation's author name stays, as it is printed).
  The title, abstract, keywords and bibliography are not counted.
- **notes**: the words the footnotes print, read back from the compiled PDF as the
  text set at the footnote size (``\\footnotesize`` of the document's class size),
  less each note's leading number. Notes are made by biblatex-chicago, so the PDF
  is the only place their words exist, and page breaks change them a little (a
  note citing the work of the note before it on the same page drops the title).
  A profile's template must set nothing else at that size: running heads are
  ``\\small``, as tests/test_profiles.py checks.

A word is a whitespace-separated token holding a letter or a digit, so "1937",
"Marxist-Leninist" and "pp." are one word each, and a dash or a lone "§" none.
A word hyphenated across two lines is joined before counting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from .document import Code, Document, Emphasis, Inline, Link, Text, paragraphs

#: \footnotesize of the standard classes, in TeX points, by class font size.
FOOTNOTE_POINTS = {"10pt": 8.0, "11pt": 9.0, "12pt": 10.0}
TEX_POINT = 72 / 72.27  # in PDF (big) points
WORD = re.compile(r"[^\W_]")  # any letter or digit
NOTE_NUMBER = re.compile(r"^\s*\d+\.\s", re.M)
LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")


@dataclass(frozen=True)
class WordCount:
    text: int
    notes: int

    @property
    def total(self) -> int:
        return self.text + self.notes

    def __str__(self) -> str:
        return f"text {self.text:,}, notes {self.notes:,}, total {self.total:,} words"


def count_words(document: Document, pdf: Path, font_size: str) -> WordCount:
    return WordCount(prose_words(document), note_words(pdf, font_size))


def prose_words(document: Document) -> int:
    return words_in(prose_text(document))


def prose_text(document: Document) -> str:
    """The printed text of the prose, a paragraph or heading a line, notes left out."""
    return "\n".join(" ".join(plain(p.inlines).split()) for p in paragraphs(document))


def characters_in(text: str) -> int:
    """Characters with spaces, as a word processor counts them: each run of white space in a
    line is one space; line breaks (paragraph ends) are not counted."""
    return sum(len(" ".join(line.split())) for line in text.split("\n"))


def plain(inlines: tuple[Inline, ...]) -> str:
    """The printed words of a run; notes are skipped (their words are counted from the PDF)."""
    out = []
    for item in inlines:
        if isinstance(item, (Text, Code)):
            out.append(item.text)
        elif isinstance(item, (Emphasis, Link)):
            out.append(plain(item.children))
    return "".join(out)


def note_words(pdf: Path, font_size: str) -> int:
    return words_in(note_text(pdf, font_size))


def note_text(pdf: Path, font_size: str) -> str:
    """The text the footnotes print, read back from the PDF, less each note's number."""
    size = FOOTNOTE_POINTS[font_size] * TEX_POINT
    chunks: list[str] = []

    def keep_note_text(text, _cm, _tm, _font, font_size_used):
        if abs(font_size_used - size) < 0.1:
            chunks.append(text)

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=keep_note_text)
        chunks.append("\n")
    text = LINE_BREAK_HYPHEN.sub("", "".join(chunks))
    return NOTE_NUMBER.sub(" ", text)


def words_in(text: str) -> int:
    return len(words(text))


def words(text: str) -> list[str]:
    """The words of ``text``, in order (see the module docstring for what a word is)."""
    return [token for token in text.split() if WORD.search(token)]
