"""The placed document as pandoc's JSON AST: plain data, built here, typeset by pandoc.

Every string the author wrote becomes a ``Str`` (split only at spaces and line
breaks), so nothing in the essay can become markup: pandoc never parses it.
Each note is an explicit ``Note`` holding ``Cite`` elements, so the marks sit
exactly where :mod:`paperbuild.citations.place` put them for the PDF, and
pandoc's citeproc formats the citations inside them (full at first, short
after) from the same BibTeX biber reads. An unresolved item is printed in the
note as the PDF prints it, in the character style ``Unresolved Citation``.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import Code, Document, Emphasis, Heading, Inline, Link, Note, Paragraph, Text
from .layout import WordLayout

UNRESOLVED_STYLE = "Unresolved Citation"
#: Characters XML 1.0 cannot hold: printed as "U+0007", as the PDF prints a missing glyph.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
BARE_PAGE = re.compile(r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)(?![\w.])")
WHITESPACE = re.compile(r"[ \t\r\n]+")  # one Space, or one SoftBreak if it breaks a line


def pandoc_document(document: Document, layout: WordLayout, api_version: list[int]) -> dict:
    """The pandoc JSON document for ``document``, laid out as ``layout`` asks."""
    body = [block for item in document.blocks for block in blocks(item)]
    return {
        "pandoc-api-version": api_version,
        "meta": metadata(document, layout),
        "blocks": front_matter(document, layout) + body + back_matter(document, layout),
    }


def metadata(document: Document, layout: WordLayout) -> dict:
    """Title and subtitle (pandoc prints them and puts the title in docProps), subject and
    keywords for docProps, and what citeproc needs: every work listed, as the PDF's
    ``\\nocite{*}``, or no bibliography at all."""
    meta = document.meta
    fields = {"title": meta_inlines(meta.title)}
    if meta.subtitle:
        fields["subtitle"] = meta_inlines(meta.subtitle)
    if meta.abstract:
        fields["subject"] = meta_inlines(meta.abstract)
    if meta.keywords:
        fields["keywords"] = {"t": "MetaList", "c": [meta_inlines(k) for k in meta.keywords]}
    if layout.bibliography:
        fields["nocite"] = {"t": "MetaInlines", "c": [cite_everything()]}
        fields["reference-section-title"] = meta_inlines(layout.bibliography_title)
    else:
        fields["suppress-bibliography"] = {"t": "MetaBool", "c": True}
    return fields


def front_matter(document: Document, layout: WordLayout) -> list[dict]:
    """Author, affiliation and date under the title (unless anonymous), then the abstract, as
    the PDF prints them; each in its style, so a journal's template restyles them."""
    meta = document.meta
    blocks: list[dict] = []
    if not layout.anonymous:
        for style, value in (("Author", meta.author), ("Affiliation", meta.affiliation),
                             ("Date", meta.date)):  # fmt: skip
            if value:
                blocks.append(styled(style, [para(text_inlines(" ".join(value.split())))]))
    if meta.abstract:
        abstract = [para(text_inlines(meta.abstract))]
        if meta.keywords:
            keywords = text_inlines(", ".join(meta.keywords))
            abstract.append(para([{"t": "Emph", "c": text_inlines("Keywords:")}, SPACE, *keywords]))
        blocks.append(styled("Abstract Title", [para(text_inlines("Abstract"))]))
        blocks.append(styled("Abstract", abstract))
    return blocks


def back_matter(document: Document, layout: WordLayout) -> list[dict]:
    """The acknowledgements, which name people and places: never in the anonymous manuscript."""
    acknowledgements = document.meta.acknowledgements
    if layout.anonymous or not acknowledgements:
        return []
    return [header(1, text_inlines("Acknowledgements")), para(text_inlines(acknowledgements))]


def styled(style: str, blocks: list[dict]) -> dict:
    """Paragraphs in a style of the reference document (pandoc's ``custom-style``)."""
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], blocks]}


def styled_span(style: str, content: list[dict]) -> dict:
    """Words in a character style of the reference document."""
    return {"t": "Span", "c": [["", [], [["custom-style", style]]], content]}


def blocks(block) -> list[dict]:
    if isinstance(block, Heading):
        # "## " is the essay's top level, a section in the PDF: Heading 1 here.
        return [header(max(block.level - 1, 1), inlines(block.inlines))]
    if isinstance(block, Paragraph):
        return [para(inlines(block.inlines))]
    return [{"t": "BlockQuote", "c": [para(inlines(p.inlines)) for p in block.paragraphs]}]


def header(level: int, content: list[dict]) -> dict:
    return {"t": "Header", "c": [level, ["", [], []], content]}


def para(content: list[dict]) -> dict:
    return {"t": "Para", "c": content}


def inlines(items: tuple[Inline, ...]) -> list[dict]:
    return [node for item in items for node in inline(item)]


def inline(item: Inline) -> list[dict]:
    if isinstance(item, Text):
        return text_inlines(item.text)
    if isinstance(item, Emphasis):
        return [{"t": "Strong" if item.strong else "Emph", "c": inlines(item.children)}]
    if isinstance(item, Code):
        return [{"t": "Code", "c": [["", [], []], clean(item.text)]}]
    if isinstance(item, Link):
        return [{"t": "Link", "c": [["", [], []], inlines(item.children), [clean(item.url), ""]]}]
    if isinstance(item, Note):
        return [{"t": "Note", "c": [para(note_inlines(item))]}]
    raise TypeError(f"cannot write {type(item).__name__}")


SPACE = {"t": "Space"}


def text_inlines(text: str) -> list[dict]:
    """``text`` as Str, Space and SoftBreak: words stay words, nothing is parsed."""
    out: list[dict] = []
    position = 0
    for match in WHITESPACE.finditer(text):
        if match.start() > position:
            out.append({"t": "Str", "c": clean(text[position : match.start()])})
        out.append({"t": "SoftBreak"} if "\n" in match[0] else SPACE)
        position = match.end()
    if position < len(text):
        out.append({"t": "Str", "c": clean(text[position:])})
    return out


def clean(text: str) -> str:
    """``text`` composed (NFC, as the PDF prints it); what XML cannot hold shown as ``U+0007``."""
    composed = unicodedata.normalize("NFC", text)
    return NOT_IN_XML.sub(lambda match: f"U+{ord(match[0]):04X}", composed)


def note_inlines(note: Note) -> list[dict]:
    """A note as the PDF has it: the resolved items cited together, then each unresolved one."""
    items = [item for citation in note.citations for item in citation.items]
    resolved = [item for item in items if item.key]
    parts: list[list[dict]] = []
    if resolved:
        parts.append([{"t": "Cite", "c": [[citation(item) for item in resolved], []]}])
    for item in items:
        if not item.key:
            label = text_inlines(f"[?? {item.label()}: not in the sources]")
            parts.append([styled_span(UNRESOLVED_STYLE, label)])
    if len(parts) == 1 and resolved:
        return parts[0]  # citeproc ends the note with the style's own full stop
    joined: list[dict] = []
    for index, part in enumerate(parts):
        if index:
            joined += [{"t": "Str", "c": ";"}, SPACE]
        joined += part
    return [*joined, {"t": "Str", "c": "."}]


def citation(item) -> dict:
    """One cited work: its prefix ("see") and its locator, which citeproc reads from the suffix."""
    cited = citation_of(item.key)
    if item.prefix:
        cited["citationPrefix"] = text_inlines(item.prefix)
    if item.locator:
        where = text_inlines(locator(item.locator))
        cited["citationSuffix"] = [{"t": "Str", "c": ","}, SPACE, *where]
    return cited


def citation_of(key: str) -> dict:
    return {
        "citationId": key,
        "citationPrefix": [],
        "citationSuffix": [],
        "citationMode": {"t": "NormalCitation"},
        "citationNoteNum": 0,
        "citationHash": 0,
    }


def locator(text: str) -> str:
    """A bare page ("4–5", "xii") labelled "p." so citeproc reads it as the locator, not as
    trailing words (a roman numeral would be); "ch. 3" and "n. 12" keep their own labels."""
    return f"p. {text}" if BARE_PAGE.match(text) else text


def cite_everything() -> dict:
    """``@*``: every work in the bibliography, cited or not."""
    everything = {**citation_of("*"), "citationMode": {"t": "AuthorInText"}}
    return {"t": "Cite", "c": [[everything], [{"t": "Str", "c": "@*"}]]}


def meta_inlines(text: str) -> dict:
    """A metadata field on one line, as the PDF's."""
    return {"t": "MetaInlines", "c": text_inlines(" ".join(str(text).split()))}
