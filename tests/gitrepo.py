"""Throwaway git repositories holding a paper, for the tests of ``invoke diff``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import REPO

#: No user configuration reaches the test repositories; commits get a fixed identity.
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ann Historian",
    "GIT_AUTHOR_EMAIL": "ann@example.invalid",
    "GIT_COMMITTER_NAME": "Ann Historian",
    "GIT_COMMITTER_EMAIL": "ann@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True, check=True
    )
    return proc.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def seed_repository(folder: Path) -> Path:
    """A repository whose first commit is a copy of the project's paper/ and bib/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "paper", folder / "paper")
    shutil.copytree(REPO / "bib", folder / "bib")
    git(folder, "init", "-q")
    commit(folder, "submitted")
    return folder


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit the file, failing loudly if ``old`` is not there exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
