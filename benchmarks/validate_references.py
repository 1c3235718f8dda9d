"""Judge a change to the reference parser on the validation part, never on the held-out one.

Trains a model on the training part without its validation tenth (see
``paperbuild.references.dataset``), then scores the parser with that model on the
validation references of the gold-60 kind, as `invoke bench --refs` scores the
held-out ones. Features, settings and rules are chosen on these figures; the
held-out figures are only measured, to report.

Usage: python benchmarks/validate_references.py [--model PATH] [--reuse] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import refscore  # noqa: E402  (a sibling script, not a package)

from paperbuild.references import segment  # noqa: E402
from paperbuild.references.train import TRAINING_SETS, train_model  # noqa: E402

FILES = ("core.xml", "good.xml", "ugly.xml", "bad.xml")
DEFAULT_MODEL = refscore.ROOT / "build" / "validation.crfsuite"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--reuse", action="store_true", help="score the model already there")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not args.reuse:
        train_model(TRAINING_SETS, args.model, hold_validation=True)
    segment.MODEL = args.model
    clean = refscore.validation_golds("core.xml") + refscore.validation_golds("good.xml")
    print(f"{'set':28s} {'refs':>5s}  field F1 and whole entries right")
    print(refscore.score(clean, verbose=args.verbose).line("validation: core + good"))
    print(refscore.score(refscore.validation_golds()).line("validation: all four files"))
    for name in FILES:
        print(refscore.score(refscore.validation_golds(name)).line(f"  {name}"))


if __name__ == "__main__":
    main()
