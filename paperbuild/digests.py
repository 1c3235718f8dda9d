"""File hashes remembered between builds, as git's index remembers them (and git's answers).

Whether a build is up to date is decided by hashing every input and paperbuild's own
code: some 130 files and 4 MB, 10 to 15 ms of a no-op build that should take little
more than Python's start (measured). A file's hash is reused while its size, its times
of modification and change and its inode are still those it was hashed with. As in
git, a file changed less than :data:`RACY_NS` before it was hashed is hashed again
next time: a second write within one tick of the file system's clock leaves its times
as they were. The hashes are kept in the user cache (paperbuild.texcache); with no
cache, or an unreadable one, every file is hashed each time, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .texcache import cache_root

RECORD = "digests.json"
#: Longer than any file system's clock tick (FAT's is two seconds).
RACY_NS = 2_000_000_000

Entry = list  # [size, mtime_ns, ctime_ns, inode, sha256]

_entries: dict[str, Entry] | None = None  # loaded on first use
_changed = False


def sha256(path: Path) -> str:
    """The SHA-256 of ``path``'s bytes, remembered (see the module docstring)."""
    global _changed
    entries = _loaded()
    status = path.stat()
    signature = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
    name = os.path.abspath(path)
    entry = entries.get(name)
    if entry and entry[:4] == signature:
        return entry[4]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if max(status.st_mtime_ns, status.st_ctime_ns) + RACY_NS < time.time_ns():
        entries[name] = [*signature, digest]
        _changed = True
    return digest


def remembered(key: str, compute: Callable[[], int | str | None]) -> int | str | None:
    """``compute()``'s answer, remembered under ``key``, which must name all it depends on
    (see paperbuild.reproducible); no answer (None) is not remembered."""
    global _changed
    entries = _loaded()
    found = entries.get(key)
    if isinstance(found, list) and len(found) == 1:
        return found[0]
    value = compute()
    if value is not None:
        entries[key] = [value]
        _changed = True
    return value


def save() -> None:
    """Write the hashes learnt since they were loaded, whole or not at all."""
    global _changed
    root = cache_root()
    if not _changed or root is None or _entries is None:
        return
    temporary = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=root, prefix=".digests-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(_entries, out)
        os.replace(temporary, root / RECORD)
        _changed = False
    except OSError:  # a cache that cannot be written only costs the hashing next time
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _loaded() -> dict[str, Entry]:
    global _entries
    if _entries is None:
        root = cache_root()
        try:
            found = json.loads((root / RECORD).read_text(encoding="utf-8")) if root else {}
        except (OSError, ValueError):
            found = {}
        _entries = found if isinstance(found, dict) else {}
    return _entries
