"""Score the reference parser: field F1 (the shared scorer's rules) and whole entries right.

The field comparisons are those of ``score_references.py`` (a copy of the team's
shared scorer, ``../shared/bench/score_references.py``): each gold reference is paired
with the entry made from its own line, if their titles share enough words (the
scorer's threshold; the scorer itself, knowing no lines, pairs by title alone, which
mismatches two references of one title), then every gold field is compared after
folding. An entry is *right* when every one of its gold fields is. One field
is added: a book's page count (``pagetotal``, see ``paperbuild.references.gold``),
compared as pages are; and a volume in Roman numerals, which the scorer compares by
its digits and so never matches, is compared as written.

The evaluation sets:

- ``held_out``: the tenth of the labelled references that training never sees (the
  fixed split of ``paperbuild.references.dataset``), books, chapters and articles
  with an author, title and date, "of the same kind" as the 60 gold strings; by
  file, since AnyStyle made ``ugly`` and ``bad`` noisy on purpose. People are
  scored by family names read off the labelled span (``gold.gold_families``).
- ``gold60``: ``training/anystyle/anystyle-gold-60.jsonl``, never trained on.
- ``seed``: ``tests/references/essay-sources-gold.jsonl``, what each line of the
  seed's Sources list means, parsed alone and with ``bib/corrections.yaml``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import parse_file

from paperbuild.references import normalise_sources, write_bibtex
from paperbuild.references.dataset import Labelled, carve_validation, read_all, split
from paperbuild.references.gold import gold_families, gold_fields, same_kind_as_gold
from paperbuild.references.listing import repeats_the_author

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
GOLD60 = TRAINING / "anystyle" / "anystyle-gold-60.jsonl"
SEED_GOLD = ROOT / "tests" / "references" / "essay-sources-gold.jsonl"
CORRECTIONS = ROOT / "bib" / "corrections.yaml"


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_references", Path(__file__).with_name("score_references.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


@dataclass
class Score:
    references: int
    f1: float
    precision: float
    recall: float
    entries_right: float

    def line(self, name: str) -> str:
        return (
            f"{name:28s} {self.references:5d}  F1 {self.f1:.3f}  (P {self.precision:.3f} "
            f"R {self.recall:.3f})  entries right {self.entries_right:.1%}"
        )


def score(golds: list[dict], corrections: Path | None = None, verbose: bool = False) -> Score:
    """Parse the gold strings as one Sources list and score the BibTeX that comes out."""
    with tempfile.TemporaryDirectory() as tmp:
        sources, bib = Path(tmp) / "sources.txt", Path(tmp) / "out.bib"
        sources.write_text("\n".join(g["raw"] for g in golds) + "\n", encoding="utf-8")
        normalised = normalise_sources(sources, corrections)
        write_bibtex(normalised, bib)
        entries = parse_file(str(bib)).entries
    key_of_line = {line: key for key, line in normalised.source_lines.items()}
    hit = total = filled = right = 0
    for line, gold in enumerate(golds, 1):
        key = key_of_line.get(line)
        entry = _pair(gold, entries[key] if key else None)
        all_right = True
        for field, value in gold["fields"].items():
            if field not in SCORER.FIELDS and field != "pagetotal":
                continue
            got = _value(entry, field) if entry is not None else None
            total += 1
            filled += got is not None
            if _same(field, value, got):
                hit += 1
            else:
                all_right = False
                if verbose:
                    print(f"  miss {field}: gold={value!r} got={got!r}  <- {gold['raw'][:80]}")
        right += all_right
    recall, precision = hit / max(1, total), hit / max(1, filled)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return Score(len(golds), f1, precision, recall, right / max(1, len(golds)))


def shared_scorer_f1(items: list[Labelled]) -> float:
    """Field F1 by the shared scorer itself, unchanged, with AnyStyle's labels as they are:
    people as the labelled string, pairing by title, no reading of what a span means."""
    golds = [
        {"raw": item.text, "fields": gold_fields(item, as_labelled=True)}
        for item in items
        if same_kind_as_gold(item) and not repeats_the_author(item.text)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, sources, bib = (Path(tmp) / n for n in ("gold.jsonl", "sources.txt", "out.bib"))
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
        sources.write_text("\n".join(g["raw"] for g in golds) + "\n", encoding="utf-8")
        write_bibtex(normalise_sources(sources), bib)
        with contextlib.redirect_stdout(io.StringIO()):
            return SCORER.score(str(gold_path), str(bib))


def held_out_items(origins: tuple[str, ...]) -> list[Labelled]:
    """The held-out labelled references of the named files."""
    _, test = split(read_all(TRAINING / "anystyle"))
    return [item for item in test if item.origin in origins]


ROMAN_RE = re.compile(r"(?i:vol(?:ume)?\.?\s*)(?P<n>[IVXLCDM]+)\b|\b(?P<alone>[IVXLCDM]+)\b")


def _same(field: str, gold, got) -> bool:
    """The scorer's comparison; a volume in Roman numerals, which it can never match (it
    compares digits), is compared as written ("Vol. XV" and "XV")."""
    if field == "volume" and got is not None and not re.search(r"\d", str(gold)):
        return _roman(str(gold)) is not None and _roman(str(gold)) == _roman(str(got))
    return SCORER.same("pages" if field == "pagetotal" else field, gold, got)


def _roman(text: str) -> str | None:
    """The volume's Roman numeral: the one after "Vol.", or else the first."""
    found = list(ROMAN_RE.finditer(text))
    marked = [m["n"] for m in found if m["n"]]
    return (marked or [m["alone"] for m in found] or [None])[0]


def _value(entry, field: str):
    """The entry's value of a gold field; a book's page count is ``pagetotal`` to biblatex."""
    if field == "pagetotal":
        return entry.fields.get("pagetotal") or entry.fields.get("pages")
    return SCORER.entry_value(entry, field)


def _pair(gold: dict, entry):
    """The entry made from the gold's own line, if its title shares enough words with the
    gold title (the scorer's threshold), so a garbled title loses every field."""
    if entry is None:
        return None
    words = SCORER.words(gold["fields"].get("title", gold["raw"]))
    other = SCORER.words(SCORER.entry_value(entry, "title") or "")
    return entry if len(words & other) / max(1, len(words | other)) >= 0.3 else None


def held_out_golds(origin: str | None = None) -> list[dict]:
    """The held-out references of the gold-60 kind (of one file, if named), as gold lines."""
    _, test = split(read_all(TRAINING / "anystyle"))
    return as_golds(test, origin)


def validation_golds(origin: str | None = None) -> list[dict]:
    """The validation references (a part of training) of the gold-60 kind, as gold lines."""
    train, _ = split(read_all(TRAINING / "anystyle"))
    return as_golds(carve_validation(train)[1], origin)


def as_golds(items: list[Labelled], origin: str | None) -> list[dict]:
    """Gold lines of the gold-60 kind; not those whose author is the dash for the entry
    above theirs ("———. Title"), which no one can score out of their own list (paperbuild
    gives them the names of the line above, here another work's)."""
    out = []
    for item in items:
        if not same_kind_as_gold(item) or origin and item.origin != origin:
            continue
        if repeats_the_author(item.text):
            continue
        fields = gold_fields(item)
        for role in ("author", "editor"):
            if role in fields:
                fields[role] = gold_families(fields[role])
        out.append({"raw": item.text, "fields": fields})
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
