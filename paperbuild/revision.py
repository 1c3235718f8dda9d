"""The paper folder as it was at a git revision, read into a temporary folder.

``invoke diff`` compares two versions of one paper folder. The folder is named
as for ``build`` (``paper``, relative to the current folder); in a revision it is
the same folder relative to the repository's root, with the ``bib/`` folder
beside it that holds the reviewed corrections. ``git archive`` writes both into
a temporary folder, so a revision is read exactly as the working tree is, and
nothing the user has checked out is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from .errors import PaperError
from .locations import CORRECTIONS, is_project_paper
from .reproducible import FIXED_EPOCH, date_epoch, front_matter_date, source_date_epoch

WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Version:
    """One side of a diff: where its paper folder is and what to call it."""

    label: str  # the revision as the user wrote it, or "working tree"
    paper_dir: Path
    identity: str  # what decides its content: git's tree ids, or "working tree"
    epoch: int  # its date, as reproducible.source_date_epoch decides for a build
    checkout: Path | None = None  # the temporary folder a revision was read into
    corrections: Path | None = None  # the revision's bib/corrections.yaml, for the project's paper

    @property
    def is_working_tree(self) -> bool:
        return self.checkout is None

    def name(self, path: Path | str) -> str:
        """A path of this version as the user knows it: ``HEAD~1:paper/essay.md``."""
        if self.checkout is None or not Path(path).is_relative_to(self.checkout):
            return str(path)
        return f"{self.label}:{Path(path).relative_to(self.checkout).as_posix()}"


@dataclass(frozen=True)
class Repository:
    root: Path
    paper: PurePosixPath  # the paper folder, relative to the root

    @property
    def bib(self) -> PurePosixPath:
        return self.paper.parent / "bib"


def git(root: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args],
        cwd=root,
        capture_output=True,
        text=not binary,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def find_repository(paper_dir: Path) -> Repository:
    """The repository holding ``paper_dir`` (which need not exist in the working tree)."""
    folder = paper_dir.resolve()
    start = next((p for p in (folder, *folder.parents) if p.is_dir()), Path.cwd())
    try:
        proc = git(start, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        raise PaperError("input", "git not found: invoke diff compares git revisions") from None
    if proc.returncode != 0:
        raise PaperError(
            "input", "not in a git repository: invoke diff compares git revisions", paper_dir
        )
    root = Path(proc.stdout.strip()).resolve()
    if not folder.is_relative_to(root):
        raise PaperError("input", f"paper folder is outside the repository {root}", paper_dir)
    return Repository(root, PurePosixPath(folder.relative_to(root).as_posix()))


def tree_id(repo: Repository, revision: str, path: PurePosixPath) -> str | None:
    """git's id of the folder ``path`` at ``revision``, or None when it has no such folder."""
    spec = "" if path == PurePosixPath(".") else path.as_posix()
    proc = git(repo.root, "rev-parse", "--verify", "--quiet", f"{revision}:{spec}")
    ident = proc.stdout.strip()
    kind = git(repo.root, "cat-file", "-t", ident).stdout.strip() if ident else ""
    return ident if proc.returncode == 0 and kind == "tree" else None


def check_revision(repo: Repository, revision: str, option: str) -> None:
    if revision.startswith("-"):  # git would read it as an option
        raise PaperError("input", f"{option} {revision}: a revision cannot start with '-'")
    proc = git(repo.root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if proc.returncode != 0:
        message = f"{option} {revision}: not a revision of the repository {repo.root}"
        raise PaperError("input", message)


@contextmanager
def checked_out(repo: Repository, revision: str, option: str) -> Iterator[Version]:
    """The paper folder (and ``bib/`` beside it) at ``revision``, in a temporary folder."""
    check_revision(repo, revision, option)
    paper_tree = tree_id(repo, revision, repo.paper)
    if paper_tree is None:
        raise PaperError("input", f"{revision}: the revision has no paper folder {repo.paper}")
    bib_tree = tree_id(repo, revision, repo.bib)
    paths = [repo.paper.as_posix()] + ([repo.bib.as_posix()] if bib_tree else [])
    proc = git(repo.root, "archive", "--format=tar", revision, "--", *paths, binary=True)
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PaperError("input", f"{revision}: git archive failed: {said[-1] if said else ''}")
    with TemporaryDirectory(prefix="paperbuild-revision-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
            archive.extractall(tmp, filter="data")
        folder = Path(tmp) / repo.paper
        epoch = revision_epoch(repo, revision, folder)
        identity = f"{paper_tree} {bib_tree or '-'}"
        corrections = revision_corrections(repo, folder, Path(tmp) / repo.bib)
        yield Version(revision, folder, identity, epoch, Path(tmp), corrections)


def revision_corrections(repo: Repository, folder: Path, bib: Path) -> Path | None:
    """The corrections a revision is built with, as its working tree would be: the folder's own
    (found by the build), else, for the project's own paper, the revision's bib/."""
    reviewed = bib / CORRECTIONS
    if (folder / CORRECTIONS).exists() or not is_project_paper(repo.root / repo.paper):
        return None
    return reviewed if reviewed.is_file() else None


def revision_epoch(repo: Repository, revision: str, folder: Path) -> int:
    """The front matter's date, else the time of the revision's last commit to the folder."""
    written = date_epoch(front_matter_date(folder))
    if written is not None:
        return written
    proc = git(repo.root, "log", "-1", "--format=%ct", revision, "--", repo.paper.as_posix())
    stamp = proc.stdout.strip()
    return int(stamp) if proc.returncode == 0 and stamp.isdigit() else FIXED_EPOCH


def working_tree(paper_dir: Path) -> Version:
    return Version(WORKING_TREE, paper_dir, WORKING_TREE, source_date_epoch(paper_dir))
