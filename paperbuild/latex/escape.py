"""The one place where the author's text becomes LaTeX.

Everything the author wrote passes through :func:`escape` exactly once, when it
is rendered; nothing upstream escapes and nothing downstream re-escapes. It
builds on pylatex's table of specials, with three changes for running prose:
a caret prints as a caret (pylatex gives a circumflex accent), a line break
stays a line break (so generated lines map back to the essay), and a
non-breaking space stays one; pairs the fonts would fuse into one glyph
(``<<``, ``,,``, ``!```) are kept apart. A character pdflatex cannot typeset with our
fonts (an emoji, a Chinese character; see :mod:`.charset`) would stop the
build, so it prints as a visible ``\\missingchar{U+1F600}`` box instead and
``invoke check`` names it.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

from pylatex.utils import escape_latex

from .charset import typesettable

PROSE_OVERRIDES = {
    "^": r"\textasciicircum{}",
    "\n": "\n",
    "\u00a0": "~",
}
_SPLIT = re.compile("([" + re.escape("".join(PROSE_OVERRIDES)) + "])")
#: Pairs the T1 fonts would merge into another glyph ("<<" into a guillemet, "!`" into ¡).
_LIGATURE_PAIR = re.compile(
    r"(?<=`)(?=`)|(?<=')(?=')|(?<=,)(?=,)|(?<=<)(?=<)|(?<=>)(?=>)|(?<=[!?])(?=`)"
)


def untypesettable(text: str) -> list[str]:
    """The characters of ``text`` that :func:`escape` prints as placeholders, in order."""
    return [char for char in unicodedata.normalize("NFC", str(text)) if not typesettable(char)]


def escape(text: str) -> str:
    """Return LaTeX that typesets ``text`` literally, whatever characters it holds."""
    parts = _SPLIT.split(unicodedata.normalize("NFC", str(text)))
    latex = "".join(PROSE_OVERRIDES[p] if p in PROSE_OVERRIDES else _escape_run(p) for p in parts)
    return _LIGATURE_PAIR.sub("{}", latex)


def _escape_run(run: str) -> str:
    """pylatex's escaping for each stretch of typesettable characters, a box for the others."""
    return "".join(
        escape_latex("".join(chars)) if printable else "".join(map(missing_char, chars))
        for printable, chars in groupby(run, key=typesettable)
    )


def missing_char(char: str) -> str:
    return rf"\missingchar{{U+{ord(char):04X}}}"
