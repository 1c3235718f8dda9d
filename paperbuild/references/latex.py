"""Plain text to BibTeX field text: escape LaTeX specials, brace capitals, mark quotes.

Capital protection rule: in title-like fields every word that carries a capital
letter is braced, except the first word of the field when only its first letter
is capital. biblatex-chicago prints titles as written, so this changes nothing
there; it keeps "Stalin" and "Red Army" capitalised if a style that sentence-cases
titles is ever used, and the first word is left free for that style to handle.
Quotations inside titles become \\mkbibquote so biblatex-chicago can switch them
to single quotes inside a quoted article title.
"""

from __future__ import annotations

import re
import unicodedata

from ..latex.charset import typesettable
from ..latex.escape import missing_char

SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
NUMBER_RANGE_RE = re.compile(r"(?<=\b\d{4})-(?=\d{2,4}\b)")  # "1929-1930" takes an en dash
SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
WORD_RE = re.compile(r"(?<![\w\\{])([^\W\d_][\w'’\-]*)")
QUOTE_RES = (
    re.compile(r"“([^“”]*)”"),
    re.compile(r"(?<![\w])\"([^\"]+)\"(?![\w])"),
    re.compile(r"(?<![\w])‘([^‘’]*?)’(?![\w])"),
)


def escape(text: str) -> str:
    """Escape the characters LaTeX treats specially; braces by name, as BibTeX counts \\{.

    A character our fonts lack becomes the same visible placeholder as in the essay.
    """
    text = SPECIAL_RE.sub(lambda m: SPECIALS[m.group()], unicodedata.normalize("NFC", text))
    if text.isascii():
        return text
    return "".join(ch if typesettable(ch) else missing_char(ch) for ch in text)


def mark_quotes(text: str) -> str:
    """“Bloc” -> \\mkbibquote{Bloc}; inner pairs first so nesting works."""
    changed = True
    while changed:
        changed = False
        for rx in QUOTE_RES:
            new = rx.sub(lambda m: r"\mkbibquote {" + m.group(1) + "}", text)
            changed |= new != text
            text = new
    return text


def protect_capitals(text: str) -> str:
    """Brace capitalised words; see the module docstring for the rule."""
    out = []
    last = 0
    first = True
    for m in WORD_RE.finditer(text):
        word = m.group(1)
        capital = any(c.isupper() for c in word)
        inner = any(c.isupper() for c in word[1:])
        if capital and (not first or inner):
            out.append(text[last : m.start()] + "{" + word + "}")
            last = m.end()
        first = False
    out.append(text[last:])
    return "".join(out)


def title_field(text: str) -> str:
    return protect_capitals(mark_quotes(escape(NUMBER_RANGE_RE.sub("\u2013", text))))
