"""Which characters pdflatex can typeset with our preamble, and which it cannot.

The answer is kept in ``typesettable.txt``: the characters above ASCII that inputenc's
utf8 declares for the font encodings the preamble loads, less those that still fail
in running text. Any other character would stop the build, so :mod:`.escape` prints
it as a placeholder instead. :mod:`.charset_probe` finds the answer by asking TeX
(``python -m paperbuild.latex.charset_probe`` writes the file again); a slow test
checks that it still matches the installed TeX Live.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("typesettable.txt")
#: ASCII control characters TeX treats as white space.
ASCII_SPACE = "\n\t"


def read_data(path: Path = DATA) -> set[int]:
    points: set[int] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


@cache
def declared() -> frozenset[int]:
    return frozenset(read_data())


def typesettable(char: str) -> bool:
    """Whether pdflatex prints ``char`` with our fonts rather than stopping."""
    if char in ASCII_SPACE:
        return True
    if char < "\x80":
        return unicodedata.category(char) != "Cc"
    return ord(char) in declared()
