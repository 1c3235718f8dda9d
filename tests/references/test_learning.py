"""The labelled data, its fixed split, and a reproducible model."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paperbuild.references import segment
from paperbuild.references.dataset import Labelled, held_out, read_all, read_xml, split
from paperbuild.references.gold import gold_families, gold_fields

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
    """Same data and settings, same model file, in two processes whose string hashing
    differs (on a small sample, for time): nothing depends on the order of a set."""
    sample = tmp_path / "sample"
    sample.mkdir()
    xml = (ANYSTYLE / "core.xml").read_text(encoding="utf-8")
    head = xml[: xml.index("</sequence>", 20000) + len("</sequence>")] + "\n</dataset>\n"
    (sample / "sample.xml").write_text(head, encoding="utf-8")
    assert len(read_xml(sample / "sample.xml")) > 20
    digests = []
    for seed in ("1", "2"):
        model = tmp_path / f"m{seed}.crfsuite"
        train = (
            "import sys; from pathlib import Path; "
            "from paperbuild.references.train import train_model; "
            "info = train_model({Path(sys.argv[1]): 1}, Path(sys.argv[2]), say=lambda _: None); "
            "assert info['trained'] > 0"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", train, str(sample), str(model)], env=env, check=True)
        digests.append(hashlib.sha256(model.read_bytes()).hexdigest())
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
    ("Marie von Arnim and K. Lutz", ["von Arnim", "Lutz"]),
    ("J.J. Porter, G. Wu", ["Porter", "Wu"]),
    ("DUVAL, Anne. PICARD, Luc", ["DUVAL", "PICARD"]),
    ("LEROUX (M.), BLANC (P.)", ["LEROUX", "BLANC"]),
    ("• Hale, Dora", ["Hale"]),
    ("Ortega Soto, Lucia", ["Ortega Soto"]),
    ("KIRCHNER, Eva, Jin-Ho PARK, Leo H. TAN a Ana ROSS", ["KIRCHNER", "PARK", "TAN", "ROSS"]),
    ("BRUN Odile", ["BRUN"]),
    ("Philip R. Winstead", ["Winstead"]),
    ("Jessup, Mark, Fenn, Clara", ["Jessup", "Fenn"]),
    ("Weber, K.*, Stone, P.", ["Weber", "Stone"]),
    ("Svoboda, Jan a kol", ["Svoboda", "others"]),
]


def test_gold_families_read_people_by_separators_and_order():
    for text, families in FAMILIES:
        assert gold_families(text) == families, text


MEANT = [
    ("issue-number-alone", ("volume", "No. 83,"), {"number": "No. 83"}),
    ("page-count", ("pages", "342 p."), {"pagetotal": "342 p"}),
    ("doi-as-link", ("url", "https://doi.org/10.1000/xyz.1"), {"doi": "10.1000/xyz.1"}),
    ("doi-with-marks", ("doi", "[doi>10.1000/xyz.2]"), {"doi": "10.1000/xyz.2"}),
    ("language-note", ("title", "Deep craters (in German)."), {"title": "Deep craters"}),
]


@pytest.mark.parametrize(("span", "fields"), [m[1:] for m in MEANT], ids=[m[0] for m in MEANT])
def test_gold_fields_say_what_a_span_means(span, fields):
    """Where AnyStyle's label says less than the span means, the gold says what it means."""
    title = () if span[0] == "title" else (("title", "A Title."),)
    item = Labelled((("author", "Hale, Dora."), *title, span), "test")
    got = gold_fields(item)
    assert {k: got.get(k) for k in fields} == fields
    assert span[0] not in got or span[0] in fields
