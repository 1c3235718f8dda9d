"""Render the document model to LaTeX through the Jinja templates.

Inline runs are turned into LaTeX here (recursion reads better in Python than
in Jinja); structure, preamble and layout live in ``templates/*.tex.jinja``.
Every generated paragraph keeps the essay's line breaks and is preceded by a
``%% essay.md:LINE`` marker, so a TeX error line maps back to the essay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..document import (
    Code,
    Document,
    Emphasis,
    Inline,
    Link,
    Note,
    Prose,
    Text,
    inlines,
    map_paragraphs,
)
from .environment import template_environment
from .escape import escape

MARKER = re.compile(r"^%% (?P<path>.+):(?P<line>\d+)$")
BIBLIOGRAPHY = "\\addbibresource{"  # what biber reads: without it, no skeleton is needed


@dataclass(frozen=True)
class Rendered:
    latex: str
    source_path: str
    #: Renders the skeleton, only when a build has no bibliography yet (most have one).
    make_skeleton: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def skeleton(self) -> str | None:
        """The same document with its citations and nothing else: pdflatex runs it in a
        fraction of a pass to write the .bcf biber needs (see paperbuild.passes)."""
        return self.make_skeleton() if self.make_skeleton else None

    def source_line(self, tex_line: int) -> int | None:
        """The essay line that produced ``tex_line`` (1-based), if it came from the essay."""
        lines = self.latex.split("\n")
        for index in range(min(tex_line, len(lines)) - 1, -1, -1):
            match = MARKER.match(lines[index])
            if match:
                return int(match["line"]) + (tex_line - index - 2)
        return None


def render_document(
    document: Document, template: str, bibliography: str, settings: dict | None = None
) -> Rendered:
    """LaTeX for ``document`` through ``template`` (``journal.tex.jinja``...), and its skeleton."""
    through_template = template_renderer(document, template, bibliography, settings)

    latex = through_template(document, render_inlines)
    if BIBLIOGRAPHY not in latex:
        return Rendered(latex=latex, source_path=document.path)  # nothing for biber to read

    def skeleton() -> str:
        return through_template(map_paragraphs(document, notes_only), render_citations)

    return Rendered(latex=latex, source_path=document.path, make_skeleton=skeleton)


def template_renderer(
    document: Document, template: str, bibliography: str, settings: dict | None
) -> Callable[..., str]:
    """``render(blocks_of, inlines_filter, skeleton=False)``: ``document``'s front matter and
    the blocks of ``blocks_of`` through ``template``; one environment, compiled once."""
    env = template_environment()

    def render(blocks_of: Document, inlines_filter, skeleton: bool = False) -> str:
        env.filters["inlines"] = inlines_filter
        return env.get_template(template).render(
            meta=document.meta,
            blocks=blocks_of.blocks,
            source=document.path,
            bibliography=bibliography,
            settings=settings or {},
            block_kind=lambda block: type(block).__name__,
            skeleton=skeleton,
        )

    return render


def render_front_matter(
    document: Document, template: str, bibliography: str, settings: dict | None = None
) -> tuple[str, str]:
    """The document with no body, as typeset and as its citation skeleton started ahead
    renders it (leaving out what only typesetting needs): what the front matter alone fixes,
    the preambles TeX may start on before the body exists (paperbuild.ahead)."""
    render = template_renderer(document, template, bibliography, settings)
    blank = replace(document, blocks=())
    return render(blank, render_inlines), render(blank, render_inlines, skeleton=True)


def notes_only(prose: Prose) -> Prose:
    """A heading or paragraph reduced to its notes, in order (none of its words)."""
    return replace(prose, inlines=tuple(i for i in inlines(prose.inlines) if isinstance(i, Note)))


def render_citations(notes: tuple[Note, ...]) -> str:
    """Each note's citations as plain ``\\cite``/``\\cites``: the same keys in the same
    order as the document's notes register in the .bcf, at half the cost of a note."""
    return "".join(skeleton_note(note) for note in notes)


def render_inlines(inlines: tuple[Inline, ...]) -> str:
    return "".join(render_inline(item) for item in inlines)


def render_inline(item: Inline) -> str:
    if isinstance(item, Text):
        return escape(item.text)
    if isinstance(item, Emphasis):
        command = r"\textbf" if item.strong else r"\emph"
        return f"{command}{{{render_inlines(item.children)}}}"
    if isinstance(item, Code):
        return rf"\texttt{{{escape(item.text)}}}"
    if isinstance(item, Link):
        return rf"\href{{{escape_url(item.url)}}}{{{render_inlines(item.children)}}}"
    if isinstance(item, Note):
        return render_note(item)
    raise TypeError(f"cannot render {type(item).__name__}")


def escape_url(url: str) -> str:
    """hyperref reads URLs nearly verbatim; only these need a backslash."""
    return re.sub(r"([%#{}\\])", r"\\\1", url.replace("\n", ""))


def render_note(note: Note) -> str:
    """One footnote for the citations that landed on one spot.

    Resolved items go through biblatex-chicago (full note first, short after);
    an unresolved item is printed visibly marked so no reader mistakes it.
    """
    resolved, missing = note_items(note)
    if not missing:
        return citation_command(resolved, r"\autocite", r"\autocites")
    parts = [citation_command(resolved, r"\cites", r"\cites")] if resolved else []
    parts += [rf"\unresolvedcite{{{escape(item.label())}}}" for item in missing]
    return r"\footnote{" + "; ".join(parts) + ".}"


def skeleton_note(note: Note) -> str:
    """The citation command :func:`render_note` writes for ``note``, as a plain ``\\cite``."""
    resolved, missing = note_items(note)
    if not resolved:
        return ""
    return citation_command(resolved, r"\cites" if missing else r"\cite", r"\cites")


def note_items(note: Note) -> tuple[list, list]:
    """The note's cited items: those resolved to a key, and those not."""
    items = [item for citation in note.citations for item in citation.items]
    return [item for item in items if item.key], [item for item in items if not item.key]


def citation_command(items: list, single: str, multi: str) -> str:
    command = single if len(items) == 1 else multi
    return command + "".join(cite_arguments(item) for item in items)


def cite_arguments(item) -> str:
    prefix = escape(item.prefix) if item.prefix else ""
    postnote = locator_latex(item.locator) if item.locator else ""
    if prefix:
        return f"[{prefix}][{postnote}]{{{item.key}}}"
    if postnote:
        return f"[{postnote}]{{{item.key}}}"
    return f"{{{item.key}}}"


def locator_latex(locator: str) -> str:
    """A locator for biblatex's postnote: ranges as ``--`` so it adds "pp." itself."""
    return "--".join(escape(part) for part in locator.split("\u2013"))
