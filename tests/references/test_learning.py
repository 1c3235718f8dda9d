"""The labelled data, its fixed split, and a reproducible model."""

from __future__ import annotations

import hashlib
from pathlib import Path

from paperbuild.references import segment
from paperbuild.references.dataset import (
    gold_families,
    held_out,
    read_all,
    read_xml,
    split,
)
from paperbuild.references.train import train_model

ROOT = Path(__file__).resolve().parents[2]
ANYSTYLE = ROOT / "training" / "anystyle"


def test_training_data_and_its_licence_are_in_the_repository():
    assert (ANYSTYLE / "LICENSE-anystyle-data.txt").is_file()
    assert {p.name for p in ANYSTYLE.glob("*.xml")} == {
        "core.xml",
        "good.xml",
        "ugly.xml",
        "bad.xml",
    }
    assert len(read_all(ANYSTYLE)) > 9000


def test_the_split_is_a_fixed_tenth_by_hash_of_the_string():
    items = read_all(ANYSTYLE)
    train, test = split(items)
    assert 0.08 < len(test) / len(items) < 0.12
    assert all(held_out(item.text) for item in test)
    assert not any(held_out(item.text) for item in train)
    assert not {i.text for i in train} & {i.text for i in test}  # a repeated string: one side


def test_tokens_and_labels_align_with_the_printed_string():
    item = read_all(ANYSTYLE)[0]
    words, labels = item.token_labels()
    assert " ".join(words) == item.text
    assert len(words) == len(labels)


def test_training_is_reproducible(tmp_path):
    """Same data and settings, same model file (on a small sample, for time)."""
    sample = tmp_path / "sample"
    sample.mkdir()
    xml = (ANYSTYLE / "core.xml").read_text(encoding="utf-8")
    head = xml[: xml.index("</sequence>", 20000) + len("</sequence>")] + "\n</dataset>\n"
    (sample / "sample.xml").write_text(head, encoding="utf-8")
    assert len(read_xml(sample / "sample.xml")) > 20
    digests = []
    for n in (1, 2):
        info = train_model({sample: 1}, tmp_path / f"m{n}.crfsuite", say=lambda _: None)
        digests.append(hashlib.sha256((tmp_path / f"m{n}.crfsuite").read_bytes()).hexdigest())
        assert info["trained"] > 0
    assert digests[0] == digests[1]


def test_the_committed_model_labels_a_reference():
    assert segment.MODEL.is_file()
    spans = segment.segment("Harris, James. The Great Fear. Oxford: Oxford University Press, 2016.")
    assert [label for label, _ in spans] == ["author", "title", "location", "publisher", "date"]


FAMILIES = [
    ("Card, S. K., Robertson, G. G., Mackinlay, J. D", ["Card", "Robertson", "Mackinlay"]),
    ("Doyle JJ", ["Doyle"]),
    ("Gates S, Fisher JD, Cooke MW", ["Gates", "Fisher", "Cooke"]),
    ("Mark Friedell, Mark LaPolla, and Janusz Juda", ["Friedell", "LaPolla", "Juda"]),
    ("Tanner, Norman, Giuseppe Alberigo, and J. A. Dossetti", ["Tanner", "Alberigo", "Dossetti"]),
    ("Hess P.G., et al", ["Hess", "others"]),
    (
        "Ministry of Land, Infrastructure, and Tourism",
        ["Ministry of Land, Infrastructure, and Tourism"],
    ),
]


def test_gold_families_read_people_by_separators_and_order():
    for text, families in FAMILIES:
        assert gold_families(text) == families, text
