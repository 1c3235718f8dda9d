"""The cover (title) page's fields: plain labelled text, printed by either writer.

A journal's ``cover_page`` lists the fields it wants; each becomes a
:class:`CoverField` here, from the front matter and the manuscript's counts,
and the LaTeX title page (``templates/titlepage.tex.jinja``) or the Word cover
(:mod:`paperbuild.docx.cover`) prints them in that order. A field the front
matter leaves empty is left out (the checklist says it is missing).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import FrontMatter

#: The plain ``invoke submission``'s title page, as it always was.
DEFAULT_FIELDS = ("author", "affiliation", "date", "word_counts", "abstract", "keywords",
                  "acknowledgements")  # fmt: skip
LABELS = {"author": "Author", "affiliation": "Affiliation", "contact": "Contact",
          "date": "Date", "word_counts": "Word count", "characters": "Length",
          "abstract": "Abstract", "keywords": "Keywords", "bio": "Biographical statement",
          "acknowledgements": "Acknowledgements"}  # fmt: skip


@dataclass(frozen=True)
class CoverField:
    label: str
    text: str  # paragraphs apart by a blank line


@dataclass(frozen=True)
class Lengths:
    """The manuscript's counts, as the cover page prints them."""

    text_words: int
    note_words: int
    characters: int | None = None  # with spaces, text and notes


def cover_fields(fields: tuple[str, ...], meta: FrontMatter, lengths: Lengths) -> list[CoverField]:
    values = {
        "author": meta.author,
        "affiliation": meta.affiliation,
        "contact": "; ".join(v for v in (meta.email, meta.contact) if v),
        "date": meta.date,
        "word_counts": word_counts(lengths),
        "characters": characters(lengths.characters),
        "abstract": meta.abstract,
        "keywords": ", ".join(meta.keywords),
        "bio": meta.bio,
        "acknowledgements": meta.acknowledgements,
    }
    return [CoverField(LABELS[field], values[field]) for field in fields if values[field]]


def characters(count: int | None) -> str | None:
    return None if count is None else f"{count:,} characters with spaces, notes included"


def word_counts(lengths: Lengths) -> str:
    total = lengths.text_words + lengths.note_words
    return (f"{lengths.text_words:,} words without notes; {total:,} with notes "
            f"({lengths.note_words:,} words of notes). Title, abstract and bibliography "
            "not counted.")  # fmt: skip
