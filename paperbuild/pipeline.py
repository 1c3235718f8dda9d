"""A build of one profile: skipped when no input changed, else every stage runs.

Kept apart from :mod:`.stages` so that an up-to-date build costs a hash of the
inputs and nothing else: the stages (and their imports) load only when needed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import incremental
from .profiles import check_output, get_profile
from .reproducible import source_date_epoch
from .results import BuildResult, describe_runs
from .texenv import tex_environment

__all__ = ["BuildResult", "build", "build_locked", "describe_runs"]


def build(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str = "journal",
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
    booklet: bool = False,
    to: str = "pdf",
    corrections: Path | None = None,
) -> BuildResult:
    """Build one profile as ``to`` (pdf or docx; ``booklet``: a PDF imposed as a folded
    booklet; ``corrections``: a file named by option); if nothing changed, say so.

    Builds of one output take turns on a lock; different outputs run side by side.
    """
    # A bad name, size or format fails before anything is written.
    check_output(get_profile(profile_name, paper_size), to)
    with incremental.locked(incremental.work_dir(build_dir, profile_name, booklet, to), say):
        return build_locked(
            paper_dir, build_dir, profile_name, paper_size, say, booklet, to, corrections
        )


def build_locked(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str = "journal",
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
    booklet: bool = False,
    to: str = "pdf",
    corrections: Path | None = None,
) -> BuildResult:
    """:func:`build` for a caller that already holds the work folder's lock (and goes on
    reading it afterwards, as the submission does); the lock is not reentrant."""
    check_output(get_profile(profile_name, paper_size), to)
    workdir = incremental.work_dir(build_dir, profile_name, booklet, to)
    epoch, key = build_key(paper_dir, profile_name, paper_size, booklet, to, corrections)
    fresh = incremental.fresh_output(workdir, key)
    if fresh:
        say("up to date (no input changed since the last build)")
        return BuildResult(fresh, None, "", up_to_date=True)
    from .ahead import start_pass  # deferred, as the stages are: see the module docstring

    # An edit's first pass begins now, while the stages load and read (see paperbuild.ahead).
    head = start_pass(workdir, incremental.JOBNAME, tex_environment(epoch)) if to == "pdf" else None
    try:
        from .stages import build_fresh

        result = build_fresh(
            paper_dir,
            build_dir,
            profile_name,
            paper_size,
            epoch,
            say,
            booklet,
            to,
            corrections,
            head,
        )
    finally:
        if head is not None:
            head.cancel()
    incremental.write_stamp(workdir, key, result.output)
    return result


def build_key(
    paper_dir: Path,
    profile_name: str,
    paper_size: str | None,
    booklet: bool = False,
    to: str = "pdf",
    corrections: Path | None = None,
) -> tuple[int, str]:
    """The paper's date (seconds since 1970) and the key of its build with these options."""
    epoch = source_date_epoch(paper_dir)
    options = {"profile": profile_name, "paper_size": paper_size, "epoch": epoch}
    options |= {"booklet": True} if booklet else {}
    options |= {"to": to} if to != "pdf" else {}
    return epoch, incremental.input_key(paper_dir, options, corrections)


def up_to_date_pdf(
    paper_dir: Path, build_dir: Path, profile_name: str, paper_size: str | None
) -> Path | None:
    """The PDF of this paper's last build of the profile, if no input changed since."""
    workdir = incremental.work_dir(build_dir, profile_name)
    return incremental.fresh_output(workdir, build_key(paper_dir, profile_name, paper_size)[1])
