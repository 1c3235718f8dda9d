"""The handout as a folded booklet: two pages a side of a landscape sheet, in order once folded.

Shrinking the A4 handout onto half a sheet would print its 10 pt text at 7 pt, so
the booklet's pages are typeset at their folded size instead (A5, or half letter),
in one column, and then placed side by side with pypdf. Every side stays upright:
print double-sided, flipping on the short edge, fold, and staple.
"""

from __future__ import annotations

from pathlib import Path

from .profiles import Profile

#: The folded page for each sheet: A4 folds to A5, US letter to half letter.
HALF_SHEET = {"a4": ("148mm", "210mm"), "letter": ("5.5in", "8.5in")}
#: The sheet, landscape, in PDF points.
SHEET = {"a4": (841.89, 595.276), "letter": (792.0, 612.0)}


def booklet_profile(profile: Profile) -> Profile:
    """``profile`` typeset on the folded page in one column, with its own work folder and PDF."""
    width, height = HALF_SHEET[profile.settings["paper_size"]]
    settings = {
        **profile.settings,
        "booklet": True,
        "columns": 1,
        "page_width": width,
        "page_height": height,
    }
    return Profile(
        f"{profile.name}-booklet", profile.template, f"{profile.output_suffix}-booklet", settings
    )


def booklet_order(count: int) -> list[tuple[int | None, int | None]]:
    """The (left, right) pages, 0-based, of each printed side; None is a blank page.

    Eight pages make two sheets: [8|1] backed by [2|7], then [6|3] backed by [4|5].
    """
    padded = -(-count // 4) * 4
    sides = []
    for sheet in range(padded // 4):
        outer, inner = padded - 1 - 2 * sheet, 2 * sheet
        sides += [(outer, inner), (inner + 1, outer - 1)]
    return [tuple(page if page < count else None for page in side) for side in sides]


def impose(pages: Path, paper_size: str, target: Path) -> Path:
    """Write the PDF ``pages`` to ``target`` as a booklet on ``paper_size`` sheets."""
    # Imported here, not above: importing pypdf takes 60 ms, which every build would pay.
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(pages)
    width, height = SHEET[paper_size]
    writer = PdfWriter()
    for side in booklet_order(len(reader.pages)):
        sheet = writer.add_blank_page(width, height)
        for slot, index in enumerate(side):
            if index is None:
                continue
            page = reader.pages[index]
            x = slot * width / 2 + (width / 2 - float(page.mediabox.width)) / 2
            y = (height - float(page.mediabox.height)) / 2
            sheet.merge_transformed_page(page, Transformation().translate(x, y))
    if reader.metadata:
        writer.add_metadata(reader.metadata)
    with target.open("wb") as handle:
        writer.write(handle)
    return target
