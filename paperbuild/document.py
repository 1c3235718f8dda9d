"""The document model every stage shares: plain frozen data, and the walks over it.

The manuscript reader produces it, the citation stage rewrites its text runs
into notes, and the LaTeX renderer walks it. Nothing here knows about Markdown
or LaTeX, so each stage can be tested on its own. Besides the data classes
there are only pure functions that walk it in reading order
(:func:`paragraphs`, :func:`inlines`, :func:`text_runs`), rebuild it
(:func:`map_paragraphs`) and map a run's offsets to essay lines
(:func:`line_at`), so that every stage walks the model the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Text:
    """A run of the author's words, as written (escaped only when rendered).

    ``literal``: a bracket the author escaped (``\\(``), kept a run of its own so that
    no citation is read across it.
    """

    text: str
    line: int
    literal: bool = False


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]
    strong: bool = False


@dataclass(frozen=True)
class Code:
    """Inline code: printed verbatim, never scanned for citations."""

    text: str
    line: int


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Note:
    """A footnote holding one or more citations (the placeholder a prose citation becomes)."""

    citations: tuple  # tuple[paperbuild.citations.model.Citation, ...]
    line: int


Inline = Text | Emphasis | Code | Link | Note


@dataclass(frozen=True)
class Heading:
    level: int
    inlines: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class BlockQuote:
    paragraphs: tuple[Paragraph, ...]
    line: int


Block = Heading | Paragraph | BlockQuote


@dataclass(frozen=True)
class FrontMatter:
    """The paper's metadata from the YAML block at the top of essay.md."""

    title: str
    subtitle: str | None = None
    author: str | None = None
    affiliation: str | None = None
    date: str | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    acknowledgements: str | None = None
    bio: str | None = None  # for a journal's cover page, never in the manuscript
    email: str | None = None
    contact: str | None = None  # a postal address or telephone, if a journal wants more
    options: dict = field(default_factory=dict)  # e.g. {"paper-size": "a4", "journal": "…"}


@dataclass(frozen=True)
class Document:
    meta: FrontMatter
    blocks: tuple[Block, ...]
    path: str  # the manuscript's path, for messages


# -- walking the model -------------------------------------------------------------------------

Prose = Paragraph | Heading  # a block of running text: what the walks below visit


def paragraphs(document: Document) -> Iterator[Prose]:
    """Every block of running text in reading order: headings, paragraphs and quoted paragraphs."""
    for block in document.blocks:
        if isinstance(block, BlockQuote):
            yield from block.paragraphs
        else:
            yield block


def map_paragraphs(document: Document, rewrite: Callable[[Prose], Prose]) -> Document:
    """A copy of ``document`` with each block of running text replaced by ``rewrite(it)``.

    ``rewrite`` is called in the order of :func:`paragraphs`, once per block.
    """
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, BlockQuote):
            blocks.append(replace(block, paragraphs=tuple(map(rewrite, block.paragraphs))))
        else:
            blocks.append(rewrite(block))
    return replace(document, blocks=tuple(blocks))


def inlines(items: Iterable[Inline]) -> Iterator[Inline]:
    """Every inline in reading order, each Emphasis or Link before its children."""
    for item in items:
        yield item
        if isinstance(item, Emphasis | Link):
            yield from inlines(item.children)


def text_runs(document: Document) -> Iterator[Text]:
    """Every Text run in reading order (never Code): the units citations are found in."""
    for paragraph in paragraphs(document):
        for item in inlines(paragraph.inlines):
            if isinstance(item, Text):
                yield item


def line_at(run: Text, offset: int) -> int:
    """The essay line of ``run.text[offset]``: a run keeps its line breaks."""
    return run.line + run.text.count("\n", 0, offset)
