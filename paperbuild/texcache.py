"""A per-user cache of a build's reusable work, in the XDG cache folder, shared by every
build folder.

Entries are folders of files named by a hash: ``formats/DIGEST`` holds a dumped
preamble (see paperbuild.preamble), ``states/KEY`` the auxiliary files a settled
build of one exact .tex and .bib left behind, ``sources/KEY`` what reading one exact
Sources list gave (see paperbuild.sources_cache). A fresh clone, a new build folder,
an edit to the essay alone or a second paper with the same preamble reuses them
instead of redoing the work.

The cache only ever saves time. An entry is written whole (a temporary folder
renamed into place) and only the newest ``KEEP`` of a kind are kept. If the
folder cannot be used, the build says so once and goes on without it;
``PAPERBUILD_CACHE=off`` turns it off (the bench does, to time a cold build).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

SWITCH = "PAPERBUILD_CACHE"
KEEP = {"formats": 8, "states": 64, "sources": 64}


def cache_root() -> Path | None:
    """``$XDG_CACHE_HOME/paperbuild`` (``~/.cache/paperbuild``), or None when switched off."""
    if os.environ.get(SWITCH, "").lower() in ("off", "0", "no", "false"):
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home folder to find: no cache
        return None
    return Path(base) / "paperbuild"


class UserCache:
    """Fetch and store entries; after the first failure, say so and stay out of the way."""

    def __init__(self, root: Path, say: Callable[[str], None]):
        self.root = root
        self.say = say
        self.usable = True

    @classmethod
    def open(cls, say: Callable[[str], None]) -> UserCache | None:
        root = cache_root()
        if root is None:
            return None
        cache = cls(root, say)
        cache.guard(lambda: root.mkdir(parents=True, exist_ok=True))
        return cache if cache.usable else None

    def guard(self, action: Callable[[], object]) -> object:
        if not self.usable:
            return None
        try:
            return action()
        except OSError as err:
            self.usable = False
            reason = f"{err.strerror or err}: {self.root}"
            self.say(f"cache     not used ({reason}); building without it")
            return None

    def fetch(self, kind: str, key: str) -> Path | None:
        """The entry's folder, marked as just used; None if there is none."""
        entry = self.root / kind / key
        if not entry.is_dir():
            return None
        self.guard(lambda: os.utime(entry))
        return entry if self.usable else None

    def store(self, kind: str, key: str, files: Iterable[Path]) -> None:
        """Copy ``files`` into the entry ``kind/key``, replacing an older one."""
        self.guard(lambda: self._store(self.root / kind, key, list(files)))

    def _store(self, folder: Path, key: str, files: list[Path]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=".new-"))
        try:
            for path in files:
                shutil.copyfile(path, staging / path.name)
            shutil.rmtree(folder / key, ignore_errors=True)
            os.rename(staging, folder / key)
        except OSError:
            if (folder / key).is_dir():
                return  # another build stored the same entry meanwhile
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        prune(folder, KEEP[folder.name])

    def discard(self, kind: str, key: str) -> None:
        shutil.rmtree(self.root / kind / key, ignore_errors=True)


def prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently used entries."""
    entries = [path for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")]
    entries.sort(key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
