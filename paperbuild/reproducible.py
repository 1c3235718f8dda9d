"""Reproducible PDFs: the same paper gives the same bytes wherever and whenever it is built.

pdfTeX 1.40.24 takes the PDF's dates, ``\\today`` and the trailer /ID from
SOURCE_DATE_EPOCH once FORCE_SOURCE_DATE=1 (measured: two clean builds in
different folders are byte-identical with nothing else set), so the one
decision left is which moment the paper claims: the ``date:`` of its front
matter, else the last commit touching its folder, else a fixed epoch.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from . import digests
from .errors import PaperError
from .files import inside_folder, read_text

FIXED_EPOCH = 946_684_800  # 2000-01-01T00:00:00Z: a paper with neither a date nor a commit
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%d %B %Y", "%B %d, %Y", "%B %Y")
READER = Path(__file__).with_name("frontmatter.py")
COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256


def source_date_epoch(paper_dir: Path) -> int:
    """The paper's moment in seconds since 1970, decided from its inputs alone."""
    return date_epoch(front_matter_date(paper_dir)) or git_epoch(paper_dir) or FIXED_EPOCH


def front_matter_date(paper_dir: Path) -> str | None:
    """The front matter's ``date:``; None when absent or unreadable (the build reports that).

    Remembered for the essay's bytes and the reader's code (paperbuild.digests): a build
    that finds nothing changed then loads neither that reader nor the document model.
    """
    essay = paper_dir / "essay.md"
    try:
        path = inside_folder(essay, paper_dir)
        key = f"front matter date of {digests.sha256(path)} by {digests.sha256(READER)}"
    except (PaperError, OSError):
        return None

    def read_date() -> str:
        from .frontmatter import split_front_matter

        try:
            meta, _, _ = split_front_matter(read_text(path), essay)
        except PaperError:
            return ""
        return meta.date or ""

    return digests.remembered(key, read_date) or None


def date_epoch(text: str | None) -> int | None:
    """Midnight UTC of a written date such as "2026-11-25" or "25 November 2026"."""
    for pattern in DATE_FORMATS if text else ():
        try:
            moment = datetime.strptime(text.strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        return int(moment.timestamp())
    return None


def git_epoch(folder: Path) -> int | None:
    """The commit time of the last commit touching ``folder``, if it is in a git work tree.

    git takes 5 ms to start, a tenth of a no-op build's own work: the answer is remembered
    (paperbuild.digests) for the commit HEAD names, which fixes it, when that commit can be
    read from the repository's files.
    """
    if "GIT_DIR" in os.environ:
        return ask_git(folder)
    git = repository(folder)
    if git is None:
        return None  # in no repository: git would say so, 5 ms later
    head = head_commit(git)
    if head is None:
        return ask_git(folder)
    key = f"git log -1 -- {os.path.abspath(folder)} at {head}"
    return digests.remembered(key, lambda: ask_git(folder))


def ask_git(folder: Path) -> int | None:
    try:
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = proc.stdout.strip()
    return int(stamp) if proc.returncode == 0 and stamp.isdigit() else None


def repository(folder: Path) -> Path | None:
    """The nearest ``.git`` at or above ``folder``: a folder, or a linked work tree's file."""
    resolved = folder.resolve()
    for parent in (resolved, *resolved.parents):
        if (parent / ".git").exists():
            return parent / ".git"
    return None


def head_commit(git: Path) -> str | None:
    """The commit HEAD names, read from the ``.git`` folder ``git``; None where only git can
    say for certain (a linked work tree or submodule, a shallow clone, a reference git
    keeps in some other way)."""
    try:
        if not git.is_dir() or (git / "shallow").exists():
            return None
        head = (git / "HEAD").read_text(encoding="ascii").strip()
        if not head.startswith("ref: "):
            return head if COMMIT.fullmatch(head) else None
        ref = head.removeprefix("ref: ")
        loose = git / ref
        if loose.is_file():
            commit = loose.read_text(encoding="ascii").strip()
            return commit if COMMIT.fullmatch(commit) else None
        packed = (git / "packed-refs").read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    for line in packed.splitlines():
        commit, _, name = line.partition(" ")
        if name == ref and COMMIT.fullmatch(commit):
            return commit
    return None


def rerun_on_new_epoch(workdir: Path, jobname: str, epoch: int | None) -> None:
    """latexmk cannot see the environment: after a new commit moves the epoch but leaves
    the .tex as it was, drop latexmk's record so every pass runs with the new dates."""
    mark = workdir / ".source-date-epoch"
    if mark.is_file() and mark.read_text(encoding="ascii") == str(epoch):
        return
    (workdir / f"{jobname}.fdb_latexmk").unlink(missing_ok=True)
    mark.write_text(str(epoch), encoding="ascii")
