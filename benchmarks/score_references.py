#!/usr/bin/env python3
"""Score a generated .bib against labelled reference strings.

Usage: score_references.py GOLD.jsonl OUTPUT.bib [--verbose]

GOLD.jsonl has one object a line: {"raw": "...", "fields": {...}} with the
fields title, author, editor, container-title, publisher, location, date,
volume, number, pages, url, doi (an author or editor is a string such as
"Birch, H. and Smith, J." or a list of family names).

Each gold reference is paired with the entry of OUTPUT.bib whose title shares
the most words with it; every gold field is then compared after folding case,
accents, quotes and punctuation. Prints per-field recall and, last, the
overall field-level F1 (precision counts the compared fields the entry filled).
Needs pybtex.
"""

import json
import re
import sys
import unicodedata
from collections import Counter

from pybtex.database import parse_file

FIELDS = (
    "author",
    "editor",
    "title",
    "container-title",
    "publisher",
    "location",
    "date",
    "volume",
    "number",
    "pages",
    "url",
    "doi",
)


def fold(text):
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\\[a-zA-Z]+\s*", "", text.replace("\\&", "&"))  # drop commands, keep their text
    text = text.replace("{", "").replace("}", "")
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def words(text):
    return set(fold(text).split()) - {"the", "a", "an", "of", "and", "in", "on"}


def gold_families(value):
    if isinstance(value, list):
        return [fold(v) for v in value]
    people = re.split(r"\s+(?:and|&)\s+|;\s*", value)
    out = []
    for person in people:
        person = person.strip()
        if not person:
            continue
        family = (
            person.split(",")[0]
            if "," in person
            else person.split()[-1]
            if len(person.split()) < 4
            else person
        )
        out.append(fold(family))
    return out


def entry_value(entry, field):
    f = entry.fields
    if field in ("author", "editor"):
        people = entry.persons.get(field, [])
        return [fold(" ".join(p.prelast_names + p.last_names)) for p in people] or None
    if field == "title":
        title = f.get("title")
        if title and f.get("subtitle"):
            title = f"{title}: {f['subtitle']}"
        return title
    if field == "container-title":
        return f.get("journaltitle") or f.get("journal") or f.get("booktitle") or f.get("maintitle")
    if field == "location":
        return f.get("location") or f.get("address")
    if field == "publisher":
        return f.get("publisher") or f.get("organization") or f.get("institution")
    if field == "date":
        return f.get("year") or f.get("date")
    if field == "number":
        return f.get("number") or f.get("issue")
    return f.get(field)


def same(field, gold, got):
    if got is None:
        return False
    if field in ("author", "editor"):
        families = gold_families(gold)
        return bool(families) and families[0] == got[0] and len(families) == len(got)
    if field == "date":
        g = re.search(r"\d{4}", str(gold))
        return bool(g) and g.group() in str(got)
    if field in ("volume", "number"):
        g = re.search(r"\d+", str(gold))
        return bool(g) and g.group() == (re.search(r"\d+", str(got)) or [None])[0]
    if field == "pages":
        return page_numbers(gold) == page_numbers(got)
    if field == "doi":
        strip = lambda s: re.sub(
            r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", str(s).strip().lower()
        )
        return strip(gold) == strip(got)
    if field == "url":
        strip = lambda s: re.sub(r"^https?://|/$|\.$", "", str(s).strip().lower())
        return strip(gold) == strip(got)
    return fold(gold) == fold(got)


def page_numbers(value):
    """The page numbers of a range, an abbreviated end expanded: 1151-72 -> [1151, 1172]."""
    numbers = re.findall(r"\d+", str(value))
    for i in range(1, len(numbers)):
        first, end = numbers[i - 1], numbers[i]
        if len(end) < len(first) and int(first[-len(end) :]) < int(end):
            numbers[i] = first[: len(first) - len(end)] + end
    return numbers


def score(gold_path, bib_path, verbose=False):
    golds = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    entries = list(parse_file(bib_path).entries.values())
    hit, total, filled = Counter(), Counter(), Counter()
    unmatched = 0
    for g in golds:
        gw = words(g["fields"].get("title", g["raw"]))
        best, best_overlap = None, 0.0
        for e in entries:
            ew = words(entry_value(e, "title") or "")
            overlap = len(gw & ew) / max(1, len(gw | ew))
            if overlap > best_overlap:
                best, best_overlap = e, overlap
        if best_overlap < 0.3:
            best = None
            unmatched += 1
        for field, value in g["fields"].items():
            if field not in FIELDS:
                continue
            total[field] += 1
            got = entry_value(best, field) if best is not None else None
            if got is not None:
                filled[field] += 1
            if same(field, value, got):
                hit[field] += 1
            elif verbose:
                print(f"  miss {field}: gold={value!r} got={got!r}  <- {g['raw'][:70]}")
    recall = sum(hit.values()) / max(1, sum(total.values()))
    precision = sum(hit.values()) / max(1, sum(filled.values()))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    for field in FIELDS:
        if total[field]:
            print(f"{field:16s} {hit[field]:3d}/{total[field]:<3d} {hit[field] / total[field]:.2f}")
    print(f"references {len(golds)}, unmatched {unmatched}, entries {len(entries)}")
    print(f"field F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})")
    return f1


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    score(sys.argv[1], sys.argv[2], "--verbose" in sys.argv)
