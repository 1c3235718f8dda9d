"""Render the document model to LaTeX through the Jinja templates.

Inline runs are turned into LaTeX here (recursion reads better in Python than
in Jinja); structure, preamble and layout live in ``templates/*.tex.jinja``.
Every generated paragraph keeps the essay's line breaks and is preceded by a
``%% essay.md:LINE`` marker, so a TeX error line maps back to the essay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Code, Document, Emphasis, Inline, Link, Note, Text
from .environment import template_environment
from .escape import escape

MARKER = re.compile(r"^%% (?P<path>.+):(?P<line>\d+)$")


@dataclass(frozen=True)
class Rendered:
    latex: str
    source_path: str

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
    """LaTeX for ``document`` through ``template`` (e.g. ``journal.tex.jinja``)."""
    env = template_environment()
    env.filters["inlines"] = render_inlines
    latex = env.get_template(template).render(
        meta=document.meta,
        blocks=document.blocks,
        source=document.path,
        bibliography=bibliography,
        settings=settings or {},
        block_kind=lambda block: type(block).__name__,
    )
    return Rendered(latex=latex, source_path=document.path)


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
    items = [item for citation in note.citations for item in citation.items]
    resolved = [item for item in items if item.key]
    missing = [item for item in items if not item.key]
    if not missing:
        command = r"\autocite" if len(resolved) == 1 else r"\autocites"
        return command + "".join(cite_arguments(item) for item in resolved)
    parts = []
    if resolved:
        parts.append(r"\cites" + "".join(cite_arguments(item) for item in resolved))
    parts += [rf"\unresolvedcite{{{escape(item.label())}}}" for item in missing]
    return r"\footnote{" + "; ".join(parts) + ".}"


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
