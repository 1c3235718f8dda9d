"""Benchmark the reference parser on the 60 AnyStyle gold references.

Writes the raw strings through normalise_sources to a temporary .bib, scores it with
shared/bench/score_references.py and prints the field F1, plus the parse time per
reference as a ratio to the time pybtex takes to read the resulting .bib in the same
run (a machine-independent yardstick).

Usage: python benchmarks/bench_references.py [--verbose] [--bench DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from pathlib import Path

from pybtex.database import parse_file

from paperbuild.errors import PaperError
from paperbuild.references import normalise_sources, write_bibtex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def _load_scorer(bench: Path):
    if not (bench / "score_references.py").is_file():
        raise PaperError("input", "the labelled references and their scorer are not here", bench)
    spec = importlib.util.spec_from_file_location("score_references", bench / "score_references.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> float:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    gold = args.bench / "anystyle-gold-60.jsonl"
    raws = [json.loads(line)["raw"] for line in gold.read_text(encoding="utf-8").splitlines()]
    scorer = _load_scorer(args.bench)
    with tempfile.TemporaryDirectory() as tmp:
        sources, bib = Path(tmp) / "sources.txt", Path(tmp) / "out.bib"
        sources.write_text("\n".join(raws) + "\n", encoding="utf-8")
        write_bibtex(normalise_sources(sources), bib)
        f1 = scorer.score(str(gold), str(bib), args.verbose)
        ours = _best_of(lambda: normalise_sources(sources))
        pybtex_time = _best_of(lambda: parse_file(str(bib)))
    per_reference = ours / len(raws) * 1e3
    ratio = ours / pybtex_time
    print(f"parse time {per_reference:.2f} ms per reference; {ratio:.1f}x the time pybtex takes")
    print("to read the resulting .bib (both measured in this run, best of 5)")
    return f1


if __name__ == "__main__":
    main()
