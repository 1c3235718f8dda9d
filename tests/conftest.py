"""Shared fixtures: paths, and a guard for tests that need TeX Live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_8d9c6aadf12f5225.txt"
HAVE_TEX = all(shutil.which(t) for t in ("latexmk", "pdflatex", "biber", "pdftotext"))

needs_tex = pytest.mark.skipif(not HAVE_TEX, reason="TeX Live not installed: run 'invoke setup'")


@pytest.fixture
def paper_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's paper folder (with its bib/ beside it)."""
    shutil.copytree(REPO / "paper", tmp_path / "paper")
    shutil.copytree(REPO / "bib", tmp_path / "bib")
    return tmp_path / "paper"
