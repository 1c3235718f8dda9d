"""Read a built PDF back: pages, title and fonts, and what a journal would reject.

Journals and print shops refuse PDFs whose fonts are not embedded (the text
reflows in another font) or are Type 3 (bitmaps, blurred in print: what TeX
falls back to when a Type 1 font is missing). pypdf reads the fonts straight
from each page's resources, so no external tool is needed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .errors import PaperError
from .problems import Problem

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class Font:
    name: str
    kind: str  # "Type1", "TrueType", "Type3", "Type0", ...
    embedded: bool


@dataclass(frozen=True)
class PdfInfo:
    path: str
    pages: int
    title: str | None
    fonts: tuple[Font, ...]

    def as_dict(self) -> dict:
        return asdict(self)


def read_pdf(path: Path) -> PdfInfo:
    try:
        reader = PdfReader(path)
        fonts: dict[str, Font] = {}
        for page in reader.pages:
            collect_fonts(page.get("/Resources"), fonts, set())
        title = reader.metadata.title if reader.metadata else None
        return PdfInfo(str(path), len(reader.pages), title or None, tuple(fonts.values()))
    except (OSError, PyPdfError) as err:
        raise PaperError("check", f"cannot read the PDF: {err}", path) from None


def collect_fonts(resources, fonts: dict[str, Font], seen: set[int]) -> None:
    """The fonts of a resource dictionary and of the forms it draws, once each."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            described = describe(font)
            fonts.setdefault(described.name, described)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
            seen.add(id(xobject))
            collect_fonts(xobject.get("/Resources"), fonts, seen)


def describe(font) -> Font:
    kind = str(font.get("/Subtype", "/Unknown")).lstrip("/")
    name = str(font.get("/BaseFont", font.get("/Name", "(unnamed)"))).lstrip("/")
    if kind == "Type3":
        return Font(name, kind, True)  # its glyphs are drawn in the PDF itself
    descendant = font["/DescendantFonts"][0].get_object() if kind == "Type0" else font
    descriptor = descendant.get("/FontDescriptor")
    embedded = descriptor is not None and any(key in descriptor.get_object() for key in FONT_FILES)
    return Font(name, kind, embedded)


def pdf_problems(info: PdfInfo) -> list[Problem]:
    problems = []
    for font in info.fonts:
        if font.kind == "Type3":
            message = f"font {font.name} is a Type 3 bitmap font; install cm-super ('invoke setup')"
            problems.append(Problem("check", "warning", message, info.path))
        elif not font.embedded:
            message = f"font {font.name} is not embedded; journals reject such PDFs"
            problems.append(Problem("check", "warning", message, info.path))
    if not info.title:
        problems.append(
            Problem("check", "warning", "the PDF has no title in its metadata", info.path)
        )
    return problems
