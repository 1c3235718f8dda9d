"""Shared fixtures: paths, a guard for tests that need TeX Live, a private TeX cache, and
no silent skip in CI.

In CI (the environment variable ``CI`` set, as ``.ci/run`` does) every test must run: a
skip there is reported as a failure, since a missing tool or file would otherwise let a
check pass unseen. Only tests marked ``optional_in_ci`` may skip, such as the one that
compares the paper with the original seed, which lives outside the repository.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_8d9c6aadf12f5225.txt"
HAVE_TEX = all(shutil.which(t) for t in ("latexmk", "pdflatex", "biber", "pdftotext"))

needs_tex = pytest.mark.skipif(not HAVE_TEX, reason="TeX Live not installed: run 'invoke setup'")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI, a skip of a test not marked ``optional_in_ci`` fails it, saying why it skipped."""
    report = (yield).get_result()
    optional = item.get_closest_marker("optional_in_ci") is not None
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail") and not optional:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        reason = str(reason).removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where this test must run: {reason}"


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
