"""Shared fixtures: paths, and a guard for tests that need TeX Live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_8d9c6aadf12f5225.txt"
HAVE_TEX = all(shutil.which(t) for t in ("latexmk", "pdflatex", "biber", "pdftotext"))

needs_tex = pytest.mark.skipif(not HAVE_TEX, reason="TeX Live not installed: run 'invoke setup'")


def copy_paper(target: Path) -> Path:
    """A copy of the project's paper folder at ``target``, carrying the project's reviewed
    corrections as its own (a copy is not the project's paper, so bib/ would not apply)."""
    shutil.copytree(REPO / "paper", target)
    shutil.copy(REPO / "bib" / "corrections.yaml", target / "corrections.yaml")
    return target


@pytest.fixture
def paper_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's paper folder, with its corrections."""
    return copy_paper(tmp_path / "paper")
