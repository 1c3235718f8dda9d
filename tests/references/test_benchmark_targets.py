"""Field F1 targets, measured by the shared scorer (shared/bench beside the repository)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from paperbuild.references import normalise_sources, write_bibtex

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def scorer():
    path = BENCH / "score_references.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_references", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bib_for(gold: Path, tmp_path: Path, corrections: Path | None = None) -> Path:
    raws = [json.loads(line)["raw"] for line in gold.read_text(encoding="utf-8").splitlines()]
    sources = tmp_path / "sources.txt"
    sources.write_text("\n".join(raws) + "\n", encoding="utf-8")
    out = tmp_path / "out.bib"
    write_bibtex(normalise_sources(sources, corrections), out)
    return out


def test_anystyle_gold_f1(scorer, tmp_path):
    gold = BENCH / "anystyle-gold-60.jsonl"
    if not gold.exists():
        pytest.skip("benchmark gold data not found")
    assert scorer.score(str(gold), str(_bib_for(gold, tmp_path))) >= 0.90


def test_essay_sources_f1(scorer, tmp_path):
    gold = HERE / "essay-sources-gold.jsonl"
    bib = _bib_for(gold, tmp_path, ROOT / "bib" / "corrections.yaml")
    assert scorer.score(str(gold), str(bib)) >= 0.97


def test_essay_gold_matches_the_sources_list():
    """The gold file labels exactly the lines of paper/sources.txt, in order."""
    raws = [json.loads(line)["raw"] for line in (HERE / "essay-sources-gold.jsonl").open()]
    assert raws == (ROOT / "paper" / "sources.txt").read_text(encoding="utf-8").splitlines()
