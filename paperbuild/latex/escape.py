"""The one place where the author's text becomes LaTeX.

Everything the author wrote passes through :func:`escape` exactly once, when it
is rendered; nothing upstream escapes and nothing downstream re-escapes. It
builds on pylatex's table of specials, with three changes for running prose:
a caret prints as a caret (pylatex gives a circumflex accent), a line break
stays a line break (so generated lines map back to the essay), and a
non-breaking space stays one.
"""

from __future__ import annotations

import re

from pylatex.utils import escape_latex

PROSE_OVERRIDES = {
    "^": r"\textasciicircum{}",
    "\n": "\n",
    "\u00a0": "~",
}
_SPLIT = re.compile("([" + re.escape("".join(PROSE_OVERRIDES)) + "])")


def escape(text: str) -> str:
    """Return LaTeX that typesets ``text`` literally, whatever characters it holds."""
    parts = _SPLIT.split(str(text))
    return "".join(PROSE_OVERRIDES[p] if p in PROSE_OVERRIDES else escape_latex(p) for p in parts)
