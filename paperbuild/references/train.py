"""Train the reference labeller: same data and settings, same model file.

The training part of the fixed split (see :mod:`.dataset`) of every labelled file
under ``training/`` goes to CRFsuite's L-BFGS trainer in file order. The held-out
tenth is never appended, so ``invoke bench --refs`` scores the model on strings it
has not seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

from .dataset import Labelled, carve_validation, read_all, split
from .features import sequence_features
from .tokens import Token

TRAINING = Path(__file__).resolve().parents[2] / "training"
#: The labelled sets and how many times each is appended: paperbuild's own references
#: (the shapes AnyStyle's data lacks: GOST, web pages with access dates, reprints) count
#: three times over, so that a few dozen lines weigh against ten thousand.
TRAINING_SETS = {TRAINING / "anystyle": 1, TRAINING / "paperbuild": 3}
#: L1 keeps the model small (unused features get weight 0); L2 smooths the rest.
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 300,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def tokens_of(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for word in words:
        out.append(Token(word, pos, pos + len(word)))
        pos += len(word) + 1
    return out


def train_model(
    folders: dict[Path, int],
    output: Path,
    say: Callable[[str], None] = print,
    hold_validation: bool = False,
) -> dict[str, int | str]:
    """Train on the training part of every folder's labelled files, each appended as many
    times as the folder's weight; return what went in. With ``hold_validation`` the
    validation part is left out too, for experiments to be judged on it."""
    training: list[Labelled] = []
    held_out: list[Labelled] = []
    for folder, weight in folders.items():
        train_part, test_part = split(read_all(folder))
        if hold_validation:
            train_part, validation_part = carve_validation(train_part)
            test_part += validation_part
        training += train_part * weight
        held_out += test_part
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    tokens = 0
    for item in training:
        words, labels = item.token_labels()
        trainer.append(sequence_features(tokens_of(words)), labels)
        tokens += len(words)
    say(f"train     {len(training)} references ({tokens} tokens); {len(held_out)} held out")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(".partial")
    trainer.train(str(partial))
    partial.replace(output)
    digest = hashlib.sha256(output.read_bytes()).hexdigest()[:16]
    return {"trained": len(training), "held_out": len(held_out), "tokens": tokens, "sha256": digest}
