"""How a Word file is laid out: plain settings, read from a profile (and later from a journal).

The writer has no code path per profile: everything a profile (or a journal's
YAML) may ask of a .docx is a field here, read by :func:`word_layout` from the
same settings the LaTeX templates read. A setting left out keeps what the
reference document (``templates/reference.docx``, or a journal's own) says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import PaperError

#: Line spacings, as the LaTeX side names them (setspace), in lines.
SPACINGS = {"single": 1.0, "onehalf": 1.5, "double": 2.0}
NOTE_KINDS = ("footnotes", "endnotes")
#: The notes' size for a text size, in points: LaTeX's \footnotesize, as in the PDF.
NOTE_POINTS = {10.0: 8.0, 11.0: 9.0, 12.0: 10.0}
INCHES = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "pt": 1 / 72.27}


@dataclass(frozen=True)
class WordLayout:
    notes: str = "footnotes"  # or "endnotes"
    bibliography: bool = True
    bibliography_title: str = "Bibliography"
    anonymous: bool = False  # no author, affiliation, date or acknowledgements anywhere
    font: str | None = None
    font_size: float | None = None  # points, for the text and quotations
    note_size: float | None = None  # points
    line_spacing: float | None = None  # lines, for the text (and bibliography)
    quote_spacing: float | None = None
    note_spacing: float | None = None
    margin_inches: float | None = None
    paper_size: str | None = None  # "a4" or "letter"
    line_numbers: bool = False  # Word's own, running through the document
    page_numbers: bool = True


def word_layout(settings: Mapping[str, Any]) -> WordLayout:
    """The layout a profile's ``settings`` ask for (see ``templates/profiles.yaml``)."""
    notes = settings.get("notes", "footnotes")
    if notes not in NOTE_KINDS:
        raise PaperError("input", f"notes: {notes!r}; choose footnotes or endnotes")
    font_size = points(settings.get("font_size"))
    line = spacing(settings.get("line_spacing"))
    return WordLayout(
        notes=notes,
        bibliography=bool(settings.get("bibliography", True)),
        anonymous=bool(settings.get("anonymous", False)),
        font=settings.get("font"),
        font_size=font_size,
        note_size=points(settings.get("note_size")) or NOTE_POINTS.get(font_size or 0.0),
        line_spacing=line,
        quote_spacing=spacing(settings.get("quote_spacing")) or line,
        note_spacing=spacing(settings.get("note_spacing")),
        margin_inches=inches(settings.get("margin")),
        paper_size=settings.get("paper_size"),
        line_numbers=bool(settings.get("line_numbers", False)),
        page_numbers=bool(settings.get("page_numbers", True)),
    )


def points(value: str | float | None) -> float | None:
    """``"12pt"`` or ``12`` as 12.0."""
    if value is None:
        return None
    text = str(value).strip().removesuffix("pt")
    try:
        return float(text)
    except ValueError:
        raise PaperError("input", f"font size {value!r}: write it as 12pt") from None


def spacing(value: str | float | None) -> float | None:
    if value is None:
        return None
    if str(value) in SPACINGS:
        return SPACINGS[str(value)]
    try:
        return float(value)
    except ValueError:
        known = ", ".join(SPACINGS)
        raise PaperError("input", f"line spacing {value!r}: choose {known} or a number") from None


def inches(value: str | float | None) -> float | None:
    """``"1in"``, ``"2.5cm"``, ``"25mm"`` as inches."""
    if value is None:
        return None
    text = str(value).strip()
    for unit, factor in INCHES.items():
        if text.endswith(unit):
            try:
                return float(text.removesuffix(unit)) * factor
            except ValueError:
                break
    raise PaperError("input", f"margin {value!r}: write it as 1in, 2.5cm or 25mm")
