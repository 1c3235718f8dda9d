"""Shared fixtures: paths, a guard for tests that need TeX Live, and a private TeX cache."""

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


@pytest.fixture(autouse=True, scope="session")
def private_tex_cache(tmp_path_factory) -> Path:
    """The builds of one test session share a TeX cache (paperbuild.texcache), never the
    user's own: a test sees only what earlier tests of the session stored."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(folder))
    patch.delenv("PAPERBUILD_CACHE", raising=False)
    yield folder
    patch.undo()


@pytest.fixture
def empty_tex_cache(tmp_path: Path, monkeypatch) -> Path:
    """A cache of this test's own, empty: for a build that must start cold."""
    folder = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "paperbuild"
