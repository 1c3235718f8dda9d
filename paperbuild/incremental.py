"""Skip a build whose inputs have not changed, and never let two builds of a profile overlap.

The key is a SHA-256 over the contents (never timestamps, which a checkout or
a copy changes; a file's hash is only remembered while its times stay, see
:mod:`.digests`) of every input: the paper folder's files (those that resolve
inside it), the corrections and reviewed bibliography it uses from elsewhere
(see :mod:`.locations`), the templates, paperbuild's own source, and the
options. Files are named in it relative to the paper folder (templates relative
to their own folder), so ``--paper paper`` and ``--paper /abs/paper`` share one
key. A stamp in the work folder keeps the key and the hash of the file (PDF or
.docx) it published; while both still match, the build is up to date without
reading the essay. What does change goes on to paperbuild.passes, whose rerun rules decide
which TeX passes and whether biber run.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__, digests
from .locations import REPO, TEMPLATE_DIR, outside_inputs

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_RESOLVED = TEMPLATE_DIR.resolve()
STAMP = ".stamp.json"
LOCK = ".lock"
EDITOR_DEBRIS = ("~", ".swp", ".swx", ".tmp", ".part")
VIM_PROBE = "4913"  # the file vim writes and deletes to test that a folder is writable


def is_input(path: Path, paper_dir: Path, outside: Sequence[Path] = ()) -> bool:
    """Whether the build reads ``path``: a plain file of the paper folder that stays inside it,
    one of the ``outside`` inputs (see ``locations.outside_inputs``), any template; never
    editor debris."""
    name = path.name
    if debris(name):
        return False
    folder = path.parent.resolve()
    paper = paper_dir.resolve()
    if folder == paper:
        return (folder / name).resolve().is_relative_to(paper)
    return any(same_path(path, other) for other in outside) or folder.is_relative_to(
        TEMPLATES_RESOLVED
    )


def debris(name: str) -> bool:
    """An editor's backup, swap or probe file, or a hidden one: never an input."""
    return name.startswith((".", "#")) or name.endswith(EDITOR_DEBRIS) or name == VIM_PROBE


def same_path(one: Path, other: Path) -> bool:
    return one.parent.resolve() / one.name == other.parent.resolve() / other.name


#: The name of the document TeX makes in a work folder: paper.tex, paper.aux, paper.pdf.
JOBNAME = "paper"


def work_dir(build_dir: Path, profile_name: str, booklet: bool = False, to: str = "pdf") -> Path:
    """The private work folder of one output: ``build/work/PROFILE`` (``PROFILE-booklet``,
    ``PROFILE-docx``).

    The one place its name is decided: the build, ``invoke check``, the submission
    (``work/title-page``) and the benchmarks all ask here.
    """
    suffix = "-booklet" if booklet else "" if to == "pdf" else f"-{to}"
    return build_dir / "work" / f"{profile_name}{suffix}"


def input_label(path: Path, paper_dir: Path) -> str:
    """How ``path`` is named in the key: relative to the paper folder (``essay.md``), to the
    template folder or to the project (``<project>/bib/corrections.yaml``), else absolute, so
    the key is the same however the paper folder was spelled (``paper``, ``./paper``, absolute)."""
    folder = path.parent.resolve()
    if folder == paper_dir.resolve():
        return path.name
    where = folder / path.name
    for root, label in ((TEMPLATES_RESOLVED, "<templates>"), (REPO, "<project>")):
        if folder.is_relative_to(root):
            return f"{label}/{where.relative_to(root).as_posix()}"
    return where.as_posix()


def input_files(paper_dir: Path, corrections: Path | None = None) -> list[Path]:
    """Every file the build of ``paper_dir`` reads, in a stable order (``corrections``: the
    file named by option, if any)."""
    outside = outside_inputs(paper_dir, corrections)
    candidates = [*(paper_dir.iterdir() if paper_dir.is_dir() else ()), *outside]
    found = [p for p in candidates if p.is_file() and is_input(p, paper_dir, outside)]
    # The templates are all inputs, but for an editor's debris: no need to resolve each.
    found += [p for p in TEMPLATE_DIR.rglob("*") if p.is_file() and not debris(p.name)]
    return sorted(found)


def source_files() -> list[Path]:
    """paperbuild itself: a fix to any stage must rebuild, so its source is an input too
    (its bytecode, made from it, is not walked into)."""
    found = []
    for folder, subfolders, names in os.walk(PACKAGE_DIR):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [Path(folder, name) for name in names]
    return sorted(path for path in found if path.is_file())


def file_digest(path: Path) -> str:
    return digests.sha256(path)


def code_digest() -> str:
    """One hash of paperbuild's own source (its files' names and contents): the build key,
    the remembered Sources list (paperbuild.sources_cache) and the Word diff's formatted
    documents all need it. Each file's hash is remembered while the file is unchanged
    (paperbuild.digests), so this mostly costs a look at each file's times."""
    digest = hashlib.sha256()
    for path in source_files():
        digest.update(f"{path.relative_to(PACKAGE_DIR)}\0{file_digest(path)}\n".encode())
    return digest.hexdigest()


def input_key(paper_dir: Path, options: dict, corrections: Path | None = None) -> str:
    """One hash for everything a build depends on; ``options`` must be JSON-serialisable."""
    digest = hashlib.sha256(json.dumps([__version__, options], sort_keys=True).encode())
    inputs = input_files(paper_dir, corrections)
    labelled = sorted((input_label(path, paper_dir), path) for path in inputs)
    for label, path in labelled:
        digest.update(f"{label}\0{file_digest(path)}\n".encode())
    digest.update(code_digest().encode())
    digests.save()
    return digest.hexdigest()


def fresh_output(workdir: Path, key: str) -> Path | None:
    """The file (PDF or .docx) published by the last build of this key, if still untouched."""
    try:
        stamp = json.loads((workdir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    output = workdir.parents[1] / stamp.get("output", "")
    if stamp.get("key") != key or not output.is_file():
        return None
    return output if file_digest(output) == stamp.get("output_sha256") else None


def write_stamp(workdir: Path, key: str, output: Path) -> None:
    """Remember the key and the file published for it (it lies in the build folder, or
    below it, such as the title page's PDF in its work folder)."""
    name = output.resolve().relative_to(workdir.parents[1].resolve()).as_posix()
    stamp = {"key": key, "output": name, "output_sha256": file_digest(output)}
    (workdir / STAMP).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")


@contextmanager
def locked(workdir: Path, say: Callable[[str], None] = print) -> Iterator[None]:
    """Hold ``workdir/.lock`` so a second build of the same profile waits for the first."""
    workdir.mkdir(parents=True, exist_ok=True)
    with open(workdir / LOCK, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting   another build is using {workdir}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
