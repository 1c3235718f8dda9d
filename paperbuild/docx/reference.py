"""The reference document pandoc takes its styles and page from, with a layout applied.

Pandoc's docx writer copies the reference document's styles, page size,
margins, headers and footers and section properties (line numbering included)
into the file it writes. So a layout (:class:`~.layout.WordLayout`) is applied
here, to a copy of ``templates/reference.docx`` (or a journal's own template),
with python-docx: the text keeps its styles and no paragraph gets direct
formatting. Two things python-docx has no call for are added as elements:
Word's line numbering (``w:lnNumType``, and ``w:suppressLineNumbers`` on the
title, abstract and bibliography styles, which the PDF does not number either)
and the page-number field in the footer.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt

from .layout import WordLayout

#: Paragraph styles pandoc uses for running text, quotations and notes.
TEXT_STYLES = ("Normal", "Body Text", "First Paragraph", "Bibliography", "Abstract")
QUOTE_STYLES = ("Block Text",)
NOTE_STYLES = ("Footnote Text", "Endnote Text")
#: Not line-numbered: Word never numbers notes, but LibreOffice does unless told.
UNNUMBERED_STYLES = ("Title", "Subtitle", "Author", "Affiliation", "Date", "Abstract Title",
                     "Abstract", "Bibliography", "Footnote Text", "Endnote Text")  # fmt: skip
PAPER_SIZES = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
#: What follows w:lnNumType in a section's properties, and w:suppressLineNumbers in a
#: paragraph's (the schema fixes the order of both).
AFTER_LINE_NUMBERS = ("w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                      "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                      "w:printerSettings", "w:sectPrChange")  # fmt: skip
AFTER_SUPPRESS = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                  "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                  "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
                  "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                  "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                  "w:pPrChange")  # fmt: skip
ENDNOTE_STYLES = (
    ("Endnote Text", "Footnote Text", WD_STYLE_TYPE.PARAGRAPH),
    ("Endnote Reference", "Footnote Reference", WD_STYLE_TYPE.CHARACTER),
)  # each made from the footnote style beside it
LATIN_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme")


def prepare_reference(template: Path, layout: WordLayout, target: Path) -> Path:
    """A copy of ``template`` at ``target`` with ``layout`` applied to its styles and page."""
    document = docx.Document(str(template))
    styles = document.styles
    if layout.notes == "endnotes":
        add_endnote_styles(styles)
    if layout.font:
        set_font(document, layout.font)
    if layout.font_size:
        for style in present(styles, TEXT_STYLES + QUOTE_STYLES):
            style.font.size = Pt(layout.font_size)
    if layout.note_size:
        for style in present(styles, NOTE_STYLES):
            style.font.size = Pt(layout.note_size)
    for names, lines in ((TEXT_STYLES, layout.line_spacing), (QUOTE_STYLES, layout.quote_spacing),
                         (NOTE_STYLES, layout.note_spacing)):  # fmt: skip
        if lines:
            for style in present(styles, names):
                style.paragraph_format.line_spacing = lines
    for section in document.sections:
        lay_out_page(section, layout)
    if layout.line_numbers:
        for style in present(styles, UNNUMBERED_STYLES):
            suppress_line_numbers(style.element)
    document.save(str(target))
    return target


def present(styles, names: tuple[str, ...]):
    """The styles of ``names`` that the document has (a journal's template may lack some)."""
    return [styles[name] for name in names if name in styles]


def add_endnote_styles(styles) -> None:
    """Endnote Text and Endnote Reference, made from the footnote styles if the template lacks
    them, so endnotes look like the template's footnotes."""
    for name, model, kind in ENDNOTE_STYLES:
        if name not in styles:
            style = styles.add_style(name, kind)
            if model in styles:
                style.base_style = styles[model]
            if kind == WD_STYLE_TYPE.CHARACTER:
                style.font.superscript = True


def set_font(document, font: str) -> None:
    """``font`` for Latin, Cyrillic and Greek (and complex scripts), in the defaults and in each
    style that names a font of its own (a theme font would otherwise win over it). East Asian
    text keeps the template's East Asian font, which has its glyphs."""
    holders = list(document.styles.element.iter(qn("w:rFonts")))
    if not holders:
        document.styles["Normal"].font.name = font
        holders = list(document.styles.element.iter(qn("w:rFonts")))
    for fonts in holders:
        for theme in LATIN_THEME_FONTS:
            fonts.attrib.pop(qn(theme), None)
        for script in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(script), font)


def lay_out_page(section, layout: WordLayout) -> None:
    if layout.paper_size in PAPER_SIZES:
        section.page_width, section.page_height = PAPER_SIZES[layout.paper_size]
    if layout.margin_inches is not None:
        margin = Inches(layout.margin_inches)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
    if layout.line_numbers:
        number_lines(section)
    if layout.page_numbers:
        number_pages(section)


def number_lines(section) -> None:
    """Word's line numbering, counting every line and running on across pages, as the PDF's."""
    properties = section._sectPr
    for old in properties.findall(qn("w:lnNumType")):
        properties.remove(old)
    numbering = OxmlElement("w:lnNumType")
    numbering.set(qn("w:countBy"), "1")
    numbering.set(qn("w:restart"), "continuous")
    numbering.set(qn("w:distance"), str(Inches(0.25).twips))
    properties.insert_element_before(numbering, *AFTER_LINE_NUMBERS)


def number_pages(section) -> None:
    """A page-number field centred in the footer, unless the template's footer has text."""
    footer = section.footer
    if footer.is_linked_to_previous is False and any(p.text.strip() for p in footer.paragraphs):
        return
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    suppress_line_numbers(paragraph._p)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)


def suppress_line_numbers(element) -> None:
    """No line numbers for a paragraph style's paragraphs, or one paragraph (``w:p``)."""
    properties = element.get_or_add_pPr()
    if properties.find(qn("w:suppressLineNumbers")) is None:
        properties.insert_element_before(OxmlElement("w:suppressLineNumbers"), *AFTER_SUPPRESS)
