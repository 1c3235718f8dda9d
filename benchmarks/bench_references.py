"""Benchmark the reference parser: accuracy on references it never trained on, and speed.

Prints field F1 and whole entries right (see refscore.py) on the held-out split, by
file and together, on the 60 AnyStyle gold strings and on the seed's Sources list
(parser alone, then with bib/corrections.yaml); then the time to read 100
references as `invoke bib` does, as a ratio to the time pybtex takes to read the
BibTeX they make, both measured in this run (best of 5).

Usage: python benchmarks/bench_references.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from pybtex.database import parse_file

sys.path.insert(0, str(Path(__file__).resolve().parent))

import refscore  # noqa: E402  (a sibling script, not a package)

from paperbuild.references import forget_parsed_lines, normalise_sources, write_bibtex  # noqa: E402

FILES = ("core.xml", "good.xml", "ugly.xml", "bad.xml")


def _best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def accuracy(verbose: bool = False) -> dict[str, refscore.Score]:
    scores = {}
    clean = refscore.held_out_golds("core.xml") + refscore.held_out_golds("good.xml")
    scores["held out: core + good"] = refscore.score(clean, verbose=verbose)
    scores["held out: all four files"] = refscore.score(refscore.held_out_golds())
    for name in FILES:
        scores[f"  {name}"] = refscore.score(refscore.held_out_golds(name))
    scores["anystyle-gold-60"] = refscore.score(refscore.read_jsonl(refscore.GOLD60), None, verbose)
    seed = refscore.read_jsonl(refscore.SEED_GOLD)
    scores["seed list, parser alone"] = refscore.score(seed, verbose=verbose)
    scores["seed list, with corrections"] = refscore.score(seed, refscore.CORRECTIONS)
    return scores


def speed() -> str:
    raws = [g["raw"] for g in refscore.held_out_golds()[:100]]
    with tempfile.TemporaryDirectory() as tmp:
        sources, bib = Path(tmp) / "sources.txt", Path(tmp) / "out.bib"
        sources.write_text("\n".join(raws) + "\n", encoding="utf-8")
        write_bibtex(normalise_sources(sources), bib)
        ours = _best_of(lambda: (forget_parsed_lines(), normalise_sources(sources)))
        theirs = _best_of(lambda: parse_file(str(bib)))
    return (
        f"read {len(raws)} references in {ours:.2f} s (best of 5), "
        f"{ours / theirs:.1f}x the time pybtex takes to read the BibTeX they make"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    print(f"{'set':28s} {'refs':>5s}  field F1 and whole entries right")
    for name, result in accuracy(args.verbose).items():
        print(result.line(name))
    strict = refscore.shared_scorer_f1(refscore.held_out_items(("core.xml", "good.xml")))
    print(
        f"held out core + good, AnyStyle's labels as they are, by the shared scorer unchanged: "
        f"F1 {strict:.3f}"
    )
    print(speed())


if __name__ == "__main__":
    main()
