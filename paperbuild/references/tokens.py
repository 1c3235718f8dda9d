"""Split a reference string into the tokens the sequence labeller reads.

Tokens are whitespace-separated words with their punctuation attached ("Smith,",
"(2011).", "pp.177-224."), which is how AnyStyle's labelled data segments a
reference, so training data and new strings are read the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def clean(text: str) -> str:
    """NFC and one space between words: the same string however it was typed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def tokenize(text: str) -> list[Token]:
    """The whitespace tokens of an already cleaned string, with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
