"""Make ``templates/reference.docx``: pandoc's own reference document in paperbuild's house style.

Run ``python3 -m paperbuild.docx.house_style`` to make it again (a test checks
that the committed file is what this makes). A journal's own Word template
can stand in for it; the layout settings (:mod:`.layout`) then apply on top.

The house style, set on styles only: one serif (Times New Roman) named
outright for Latin and Cyrillic, since pandoc's theme font (Cambria) falls
back to a sans where it is missing; title, headings and links in black;
indented paragraphs with no space between them, as the PDF has; quotations
indented half an inch; 10 pt notes; a bibliography with half-inch hanging
indents; and styles pandoc's document lacks: ``Affiliation`` (under the
author), ``Unresolved Citation`` (bold dark red, as the PDF marks a citation
with no source) and ``Endnote Text`` / ``Endnote Reference``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from ..locations import TEMPLATE_DIR
from .pandoc import run_pandoc
from .reference import add_endnote_styles, set_font

#: Title and heading styles: size in points, bold, italic.
DISPLAY = {"Title": (20, True, False), "Subtitle": (14, False, False),
           "Heading 1": (13, True, False), "Heading 2": (12, True, True)}  # fmt: skip
UNRESOLVED_RED = RGBColor(0xB3, 0x00, 0x00)  # the PDF's red!70!black


def make_house_style(target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="paperbuild-reference-") as folder:
        default = Path(folder) / "default.docx"
        arguments = [f"--output={default}", "--print-default-data-file=reference.docx"]
        run_pandoc(arguments, Path(folder))
        document = docx.Document(str(default))
    body = document.element.body
    for sample in [child for child in body if child.tag != qn("w:sectPr")]:
        body.remove(sample)  # pandoc's sample paragraphs; the section properties stay
    styles = document.styles
    set_font(document, "Times New Roman")
    for name, (size, bold, italic) in DISPLAY.items():
        style = styles[name]
        for unwanted in ("w:color", "w:spacing"):  # accent colour, letter spacing
            for element in style.element.rPr.findall(qn(unwanted)):
                style.element.rPr.remove(element)
        style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
    styles["Subtitle"].paragraph_format.space_after = Pt(18)
    for name, before in (("Heading 1", 18), ("Heading 2", 12)):
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(6)
    link = styles["Hyperlink"].element.rPr
    link.remove(link.find(qn("w:color")))
    text = styles["Body Text"].paragraph_format
    text.space_before, text.space_after, text.first_line_indent = Pt(0), Pt(0), Inches(0.3)
    styles["First Paragraph"].paragraph_format.first_line_indent = Inches(0)
    quote = styles["Block Text"].paragraph_format
    quote.left_indent, quote.right_indent, quote.first_line_indent = Inches(0.5), 0, 0
    quote.space_before = quote.space_after = Pt(6)
    styles["Block Text"].font.size = Pt(11)
    styles["Footnote Text"].font.size = Pt(10)
    styles["Footnote Text"].paragraph_format.space_after = Pt(0)
    entries = styles["Bibliography"].paragraph_format
    entries.left_indent, entries.first_line_indent = Inches(0.5), Inches(-0.5)
    entries.space_after = Pt(6)
    styles["Author"].font.size = Pt(12)
    affiliation = styles.add_style("Affiliation", WD_STYLE_TYPE.PARAGRAPH)
    affiliation.base_style = styles["Author"]
    affiliation.font.italic, affiliation.font.size = True, Pt(11)
    unresolved = styles.add_style("Unresolved Citation", WD_STYLE_TYPE.CHARACTER)
    unresolved.font.bold, unresolved.font.color.rgb = True, UNRESOLVED_RED
    add_endnote_styles(styles)
    properties = document.core_properties
    properties.author = properties.title = properties.last_modified_by = ""
    document.save(str(target))
    return target


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR / "reference.docx"
    print(make_house_style(target))
