"""A journal's manuscript layout, derived from its fields into the settings both writers read.

There is no template per journal: the manuscript profile (``templates/profiles.yaml``)
is the base, and a journal's ``notes``, ``bibliography`` and ``page`` fields
replace its settings, read as ever by the LaTeX templates and by
:func:`paperbuild.docx.layout.word_layout`. A field a journal leaves out keeps
the manuscript's value (12 pt, double-spaced, 1-inch margins). The manuscript
is always anonymous: what names the author goes on the cover page.
"""

from __future__ import annotations

from dataclasses import replace

from ..profiles import PAPER_SIZES, Profile, get_profile
from .spec import Journal

#: A journal's ``page`` fields and the profile settings they become.
PAGE_SETTINGS = {"size": "paper_size", "margin": "margin", "font": "font",
                 "font_size": "font_size", "line_numbers": "line_numbers",
                 "page_numbers": "page_numbers"}  # fmt: skip
SPACING_SETTINGS = {"text": "line_spacing", "notes": "note_spacing", "quotations": "quote_spacing"}


def journal_settings(journal: Journal) -> dict:
    """The settings ``journal`` asks of the writers."""
    page = journal.page
    settings = {"notes": journal.notes, "bibliography": journal.bibliography, "anonymous": True}
    settings |= {PAGE_SETTINGS[k]: v for k, v in page.items() if k in PAGE_SETTINGS}
    spacing = page.get("spacing", {})
    settings |= {SPACING_SETTINGS[k]: v for k, v in spacing.items()}
    return settings


def journal_profile(journal: Journal, paper_size: str | None = None) -> Profile:
    """The manuscript profile with ``journal``'s layout; ``paper_size`` (an option the user
    gave) wins over the journal's page."""
    base = get_profile("manuscript", paper_size)
    settings = {**base.settings, **journal_settings(journal)}
    if paper_size in PAPER_SIZES:
        settings["paper_size"] = paper_size
    settings.pop("word_count", None)  # the submission counts for itself
    name = f"submission-{journal.slug}"
    return replace(base, name=name, output_suffix=f"-{journal.slug}", settings=settings,
                   outputs=journal.formats)  # fmt: skip
