"""Label each token of a reference string with the part it belongs to, by the trained CRF.

The model (``model/references.crfsuite``) is trained from labelled references by
``invoke train`` (see :mod:`.train`) and committed, so a build needs no network
and no training. Loading it takes a few milliseconds and happens once a process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycrfsuite

from ..errors import PaperError
from .features import sequence_features
from .tokens import tokenize

MODEL = Path(__file__).resolve().parent / "model" / "references.crfsuite"


@lru_cache(maxsize=2)
def _tagger(model: Path) -> pycrfsuite.Tagger:
    if not model.is_file():
        raise PaperError(
            "bibliography", "the reference model is missing: run 'invoke train'", model
        )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def label_tokens(text: str) -> list[tuple[str, str]]:
    """(token, label) for every whitespace token of a cleaned reference string."""
    tokens = tokenize(text)
    if not tokens:
        return []
    labels = _tagger(MODEL).tag(sequence_features(tokens))
    return [(t.text, label) for t, label in zip(tokens, labels, strict=True)]


def segment(text: str) -> list[tuple[str, str]]:
    """The string as (label, text) spans in reading order: runs of tokens with one label."""
    spans: list[tuple[str, str]] = []
    for token, label in label_tokens(text):
        if spans and spans[-1][0] == label:
            spans[-1] = (label, f"{spans[-1][1]} {token}")
        else:
            spans.append((label, token))
    return spans
