"""Reproducible PDFs: the same paper gives the same bytes wherever and whenever it is built.

pdfTeX 1.40.24 takes the PDF's dates, ``\\today`` and the trailer /ID from
SOURCE_DATE_EPOCH once FORCE_SOURCE_DATE=1 (measured: two clean builds in
different folders are byte-identical with nothing else set), so the one
decision left is which moment the paper claims: the ``date:`` of its front
matter, else the last commit touching its folder, else a fixed epoch.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .errors import PaperError
from .files import inside_folder, read_text
from .frontmatter import split_front_matter

FIXED_EPOCH = 946_684_800  # 2000-01-01T00:00:00Z: a paper with neither a date nor a commit
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%d %B %Y", "%B %d, %Y", "%B %Y")


def source_date_epoch(paper_dir: Path) -> int:
    """The paper's moment in seconds since 1970, decided from its inputs alone."""
    return date_epoch(front_matter_date(paper_dir)) or git_epoch(paper_dir) or FIXED_EPOCH


def front_matter_date(paper_dir: Path) -> str | None:
    """The front matter's ``date:``; None when absent or unreadable (the build reports that)."""
    essay = paper_dir / "essay.md"
    try:
        meta, _, _ = split_front_matter(read_text(inside_folder(essay, paper_dir)), essay)
    except PaperError:
        return None
    return meta.date


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
    """The commit time of the last commit touching ``folder``, if it is in a git work tree."""
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


def rerun_on_new_epoch(workdir: Path, jobname: str, epoch: int | None) -> None:
    """latexmk cannot see the environment: after a new commit moves the epoch but leaves
    the .tex as it was, drop latexmk's record so every pass runs with the new dates."""
    mark = workdir / ".source-date-epoch"
    if mark.is_file() and mark.read_text(encoding="ascii") == str(epoch):
        return
    (workdir / f"{jobname}.fdb_latexmk").unlink(missing_ok=True)
    mark.write_text(str(epoch), encoding="ascii")
