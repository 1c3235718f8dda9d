"""The Sources list read once per content, and kept in the user cache (paperbuild.texcache).

Reading the list (paperbuild.references: the CRF, the repairs, the corrections) takes
a tenth of a second, and loading that code as long again. An edit to the essay alone
leaves the list as it was, so a build keeps what reading it gave (the BibTeX biber
reads, the problems found, each entry's line) under a hash of everything that reading
depends on: the list's and the corrections' bytes and paths, and paperbuild's own code.
A build that finds it there reads nothing, and loads no parser.

Either way the citations are resolved against the BibTeX itself, parsed back, so a
remembered list and a fresh one give the same paper. A cache that cannot be used only
costs the time (see texcache).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .incremental import code_digest
from .problems import Problem
from .texcache import UserCache

KIND = "sources"
FILE = "sources.json"


@dataclass(frozen=True)
class ReadSources:
    """What reading a Sources list gave: BibTeX, problems, and each key's line in the list."""

    bibtex: str
    problems: tuple[Problem, ...]
    source_lines: dict[str, int]


def read_sources_list(
    sources: Path, corrections: Path | None, say: Callable[[str], None]
) -> ReadSources:
    """The list read, from the cache if this very list was read before with this code."""
    cache = UserCache.open(lambda _: None)  # an unusable folder: the TeX stage says so, once
    key = reading_key(sources, corrections)
    remembered = recall(cache, key, say) if cache else None
    if remembered is not None:
        return remembered
    from .references import normalise_sources, render_bibtex  # only on a miss (see above)

    normalised = normalise_sources(sources, corrections)
    read = ReadSources(
        render_bibtex(normalised.bibliography),
        tuple(normalised.problems),
        dict(normalised.source_lines),
    )
    if cache:
        remember(cache, key, read)
    return read


def reading_key(sources: Path, corrections: Path | None) -> str:
    digest = hashlib.sha256(code_digest().encode())
    for path in (sources, corrections):
        digest.update(f"\0{path}\0".encode())
        digest.update(path.read_bytes() if path is not None and path.is_file() else b"-")
    return digest.hexdigest()


def recall(cache: UserCache, key: str, say: Callable[[str], None]) -> ReadSources | None:
    entry = cache.fetch(KIND, key)
    try:
        data = json.loads((entry / FILE).read_text(encoding="utf-8")) if entry else None
        if data is None:
            return None
        problems = tuple(Problem(**fields) for fields in data["problems"])
        return ReadSources(data["bibtex"], problems, dict(data["source_lines"]))
    except (OSError, ValueError, TypeError, KeyError):
        cache.discard(KIND, key)
        say("cache     a remembered reading of the Sources list was damaged; read it again")
        return None


def remember(cache: UserCache, key: str, read: ReadSources) -> None:
    data = {
        "bibtex": read.bibtex,
        "problems": [asdict(problem) for problem in read.problems],
        "source_lines": read.source_lines,
    }

    def write() -> None:
        folder = Path(tempfile.mkdtemp(dir=cache.root, prefix=".write-"))
        try:
            (folder / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            cache.store(KIND, key, [folder / FILE])
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    cache.guard(write)
