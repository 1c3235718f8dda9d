"""Skip a build whose inputs have not changed, and never let two builds of a profile overlap.

The key is a SHA-256 over the contents (never timestamps, which a checkout or
a copy changes) of every input: the paper folder's files, the corrections and
reviewed bibliography beside it, the templates, paperbuild's own source, and
the options. Files are named in it relative to the paper folder (templates
relative to their own folder), so ``--paper paper`` and ``--paper /abs/paper``
share one key. A stamp in the work folder keeps the key and the hash of the PDF
it published; while both still match, the build is up to date without reading
the essay. What does change goes on to paperbuild.passes, whose rerun rules
decide which TeX passes and whether biber run.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .locations import TEMPLATE_DIR

PACKAGE_DIR = Path(__file__).resolve().parent
STAMP = ".stamp.json"
LOCK = ".lock"
#: Files beside the paper folder, in ../bib/, that the build reads.
BIB_FILES = ("corrections.yaml", "references.bib")
EDITOR_DEBRIS = ("~", ".swp", ".swx", ".tmp", ".part")
VIM_PROBE = "4913"  # the file vim writes and deletes to test that a folder is writable


def is_input(path: Path, paper_dir: Path) -> bool:
    """Whether the build reads ``path``: any plain file of the paper folder, the
    corrections and reviewed .bib in ``../bib/``, any template; never editor debris."""
    name = path.name
    if name.startswith((".", "#")) or name.endswith(EDITOR_DEBRIS) or name == VIM_PROBE:
        return False
    folder = path.parent.resolve()
    paper = paper_dir.resolve()
    return (
        folder == paper
        or (folder == paper.parent / "bib" and name in BIB_FILES)
        or folder.is_relative_to(TEMPLATE_DIR.resolve())
    )


def work_dir(build_dir: Path, profile_name: str, booklet: bool = False) -> Path:
    """The private work folder of one output: ``build/work/PROFILE`` (``PROFILE-booklet``).

    The one place its name is decided: the build, ``invoke check``, the submission
    (``work/title-page``) and the benchmarks all ask here.
    """
    return build_dir / "work" / (f"{profile_name}-booklet" if booklet else profile_name)


def input_label(path: Path, paper_dir: Path) -> str:
    """How ``path`` is named in the key: relative to the paper folder (``essay.md``,
    ``../bib/corrections.yaml``), a template relative to the template folder, so the key
    is the same however the paper folder was spelled (``paper``, ``./paper``, absolute)."""
    folder = path.parent.resolve()
    if folder == paper_dir.resolve():
        return path.name
    templates = TEMPLATE_DIR.resolve()
    if folder.is_relative_to(templates):
        return f"<templates>/{(folder / path.name).relative_to(templates).as_posix()}"
    return f"../bib/{path.name}"


def input_files(paper_dir: Path) -> list[Path]:
    """Every file the build of ``paper_dir`` reads, in a stable order."""
    candidates = [
        *(paper_dir.iterdir() if paper_dir.is_dir() else ()),
        *(paper_dir.parent / "bib" / name for name in BIB_FILES),
        *TEMPLATE_DIR.rglob("*"),
    ]
    return sorted(p for p in candidates if p.is_file() and is_input(p, paper_dir))


def source_files() -> list[Path]:
    """paperbuild itself: a fix to any stage must rebuild, so its source is an input too."""
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_key(paper_dir: Path, options: dict) -> str:
    """One hash for everything a build depends on; ``options`` must be JSON-serialisable."""
    digest = hashlib.sha256(json.dumps([__version__, options], sort_keys=True).encode())
    labelled = sorted((input_label(path, paper_dir), path) for path in input_files(paper_dir))
    for label, path in labelled:
        digest.update(f"{label}\0{file_digest(path)}\n".encode())
    for path in source_files():
        digest.update(f"{path.relative_to(PACKAGE_DIR)}\0{file_digest(path)}\n".encode())
    return digest.hexdigest()


def fresh_pdf(workdir: Path, key: str) -> Path | None:
    """The PDF published by the last build of this key, if it is still there untouched."""
    try:
        stamp = json.loads((workdir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pdf = workdir.parents[1] / stamp.get("pdf", "")
    if stamp.get("key") != key or not pdf.is_file():
        return None
    return pdf if file_digest(pdf) == stamp.get("pdf_sha256") else None


def write_stamp(workdir: Path, key: str, pdf: Path) -> None:
    """Remember the key and the PDF published for it (the PDF lies in the build folder,
    or below it, such as the title page's in its work folder)."""
    name = pdf.resolve().relative_to(workdir.parents[1].resolve()).as_posix()
    stamp = {"key": key, "pdf": name, "pdf_sha256": file_digest(pdf)}
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
