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
``invoke check`` names it. A run of characters with no space in it that is longer
than a line (a URL, or a thousand letters pasted by mistake) could not be broken
anywhere: TeX would stick it into the margin, or fail with arithmetic overflow
when it is wider than TeX can measure. It gets a ``\\wordbreak{}`` every few
characters instead, where a line may end if it must (as url.sty breaks a URL).
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
#: A run without a space longer than this may not fit a line of the narrowest layout
#: (a handout column): it gets a break point every BREAK_EVERY characters.
LONG_WORD = 40
BREAK_EVERY = 10
WORD_BREAK = r"\wordbreak{}"
_LONG_RUN = re.compile(rf"[^ \t\n]{{{LONG_WORD + 1},}}")


def untypesettable(text: str) -> list[str]:
    """The characters of ``text`` that :func:`escape` prints as placeholders, in order."""
    return [char for char in unicodedata.normalize("NFC", str(text)) if not typesettable(char)]


def escape(text: str) -> str:
    """Return LaTeX that typesets ``text`` literally, whatever characters it holds."""
    pieces = breakable(unicodedata.normalize("NFC", str(text)))
    return WORD_BREAK.join(_escape_piece(piece) for piece in pieces)


def breakable(text: str) -> list[str]:
    """``text`` in pieces, cut only inside runs longer than LONG_WORD, every BREAK_EVERY
    characters (never before a combining mark, which belongs to the letter before it)."""
    pieces, start = [], 0
    for run in _LONG_RUN.finditer(text):
        cut = run.start() + BREAK_EVERY
        while cut < run.end():
            while cut < run.end() and unicodedata.category(text[cut]).startswith("M"):
                cut += 1
            if cut < run.end():
                pieces.append(text[start:cut])
                start = cut
            cut += BREAK_EVERY
    return [*pieces, text[start:]]


def _escape_piece(text: str) -> str:
    parts = _SPLIT.split(text)
    latex = "".join(PROSE_OVERRIDES[p] if p in PROSE_OVERRIDES else _escape_run(p) for p in parts)
    return _LIGATURE_PAIR.sub("{}", latex)


def _escape_run(run: str) -> str:
    """pylatex's escaping for each stretch of typesettable characters, a box for the others."""
    if all(map(typesettable, set(run))):  # nearly always: each distinct character once
        return escape_latex(run)
    return "".join(
        escape_latex("".join(chars)) if printable else "".join(map(missing_char, chars))
        for printable, chars in groupby(run, key=typesettable)
    )


def missing_char(char: str) -> str:
    return rf"\missingchar{{U+{ord(char):04X}}}"
