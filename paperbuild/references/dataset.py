"""Labelled reference strings: reading AnyStyle's XML and splitting it once, by a fixed rule.

Each ``<sequence>`` is a reference printed as labelled spans in reading order.
A sequence belongs to the held-out part when the SHA-1 of its text falls in the
first tenth of the hash space, so the split never depends on file order and a
string is always on the same side: the model never trains on what it is scored on.
The next tenth of the hash space is the validation part: a piece of the training
part that experiments leave out of training and make their choices on, so that
the held-out part is only ever measured, never tuned on.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .tokens import clean, tokenize

#: AnyStyle labels folded into the ones the normaliser reads (the rest are kept as they are).
LABEL_MAP = {
    "director": "author",
    "producer": "author",
    "source": "journal",
    "medium": "genre",
    "collection-number": "volume",
}
HELD_OUT_PERCENT = 10
VALIDATION_PERCENT = 10


@dataclass(frozen=True)
class Labelled:
    """One reference: its spans as (label, text), in reading order."""

    spans: tuple[tuple[str, str], ...]
    origin: str

    @property
    def text(self) -> str:
        return clean(" ".join(text for _, text in self.spans))

    def token_labels(self) -> tuple[list[str], list[str]]:
        """Whitespace tokens and their labels, aligned as the labeller sees them."""
        words, labels = [], []
        for label, text in self.spans:
            for tok in tokenize(clean(text)):
                words.append(tok.text)
                labels.append(label)
        return words, labels


def _bucket(text: str) -> int:
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


def held_out(text: str) -> bool:
    return _bucket(text) < HELD_OUT_PERCENT


def validation(text: str) -> bool:
    """Whether a training string is in the validation part (never a held-out one)."""
    return HELD_OUT_PERCENT <= _bucket(text) < HELD_OUT_PERCENT + VALIDATION_PERCENT


def read_xml(path: Path) -> list[Labelled]:
    root = ET.parse(path).getroot()
    out = []
    for sequence in root.iter("sequence"):
        spans = tuple(
            (LABEL_MAP.get(child.tag, child.tag), " ".join((child.text or "").split()))
            for child in sequence
            if (child.text or "").strip()
        )
        if spans:
            out.append(Labelled(spans, path.name))
    return out


def read_all(folder: Path) -> list[Labelled]:
    """Every labelled file in the folder, in name order."""
    return [item for path in sorted(folder.glob("*.xml")) for item in read_xml(path)]


def split(items: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(training, held out); a string repeated across files falls on one side only."""
    train, test = [], []
    for item in items:
        (test if held_out(item.text) else train).append(item)
    return train, test


def carve_validation(train: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(fitting, validation) of the training part, by the same hash."""
    fit, check = [], []
    for item in train:
        (check if validation(item.text) else fit).append(item)
    return fit, check
