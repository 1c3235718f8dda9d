"""The document model every stage shares: plain frozen data, no behaviour.

The manuscript reader produces it, the citation stage rewrites its text runs
into notes, and the LaTeX renderer walks it. Nothing here knows about Markdown
or LaTeX, so each stage can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """A run of the author's words, as written (escaped only when rendered)."""

    text: str
    line: int


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
    options: dict = field(default_factory=dict)  # e.g. {"paper-size": "a4"}


@dataclass(frozen=True)
class Document:
    meta: FrontMatter
    blocks: tuple[Block, ...]
    path: str  # the manuscript's path, for messages
