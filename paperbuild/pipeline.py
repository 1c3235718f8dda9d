"""A build of one profile: skipped when no input changed, else every stage runs.

Kept apart from :mod:`.stages` so that an up-to-date build costs a hash of the
inputs and nothing else: the stages (and their imports) load only when needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import incremental
from .profiles import get_profile
from .reproducible import source_date_epoch

if TYPE_CHECKING:
    from .stages import Analysis


@dataclass
class BuildResult:
    pdf: Path
    analysis: Analysis | None  # None when up to date: nothing was read
    log: str
    up_to_date: bool = False
    runs: tuple[str, ...] = ()  # what TeX ran, as paperbuild.compile.CompileResult.runs


def describe_runs(runs: tuple[str, ...]) -> str:
    """E.g. "skeleton, biber, 2 passes" or "1 pass, no biber": for the build, watch and bench."""
    passes = runs.count("pdflatex")
    counted = f"{passes} pass{'' if passes == 1 else 'es'}"
    if "biber" not in runs:
        return f"{counted}, no biber"
    return f"{'skeleton, ' if 'skeleton' in runs else ''}biber, {counted}"


def build(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str = "journal",
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
    booklet: bool = False,
) -> BuildResult:
    """Build one profile (``booklet``: imposed as a folded booklet); if nothing changed, say so.

    Builds of one profile take turns on a lock; different profiles run side by side.
    """
    get_profile(profile_name, paper_size)  # a bad name or size fails before anything is written
    with incremental.locked(incremental.work_dir(build_dir, profile_name, booklet), say):
        return build_locked(paper_dir, build_dir, profile_name, paper_size, say, booklet)


def build_locked(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str = "journal",
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
    booklet: bool = False,
) -> BuildResult:
    """:func:`build` for a caller that already holds the work folder's lock (and goes on
    reading it afterwards, as the submission does); the lock is not reentrant."""
    get_profile(profile_name, paper_size)
    workdir = incremental.work_dir(build_dir, profile_name, booklet)
    epoch = source_date_epoch(paper_dir)
    options = {"profile": profile_name, "paper_size": paper_size, "epoch": epoch}
    options |= {"booklet": True} if booklet else {}
    key = incremental.input_key(paper_dir, options)
    fresh = incremental.fresh_pdf(workdir, key)
    if fresh:
        say("up to date (no input changed since the last build)")
        return BuildResult(fresh, None, "", up_to_date=True)
    from .stages import build_fresh  # deferred: see the module docstring

    result = build_fresh(paper_dir, build_dir, profile_name, paper_size, epoch, say, booklet)
    incremental.write_stamp(workdir, key, result.pdf)
    return result
