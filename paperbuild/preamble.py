"""The fast compile: a precompiled preamble, no idle core, and no pass done twice anywhere.

For one build, in this order:

1. the format (paperbuild.formats): the work folder's own, else the user cache's
   (paperbuild.texcache), else a dump started in the background;
2. the settled auxiliary files of this exact .tex and .bib, if any build on this
   machine left them in the user cache: one pass then usually confirms them;
3. with no bibliography yet, the citation skeleton (the document's citations and
   nothing else) goes through pdflatex and biber beside the dump, so the first full
   pass already prints its notes; with a bibliography but a dump under way, the first
   full pass runs beside the dump, on the plain preamble;
4. passes until the auxiliary files settle (paperbuild.passes), on the format.

Each shortcut is checked by the ordinary rules: a restored state or a skeleton's
.bcf that turns out different costs more passes, never a different PDF, and the
format gives the same bytes as a plain run. A format that fails is dropped with a
one-line note, and the build goes on without it.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from . import formats
from .compile import CompileResult, require_tools, tex_environment
from .errors import PaperError
from .latex.render import Rendered
from .passes import TexRun, files_read
from .texcache import UserCache

Say = Callable[[str], None]


def compile_fast(
    workdir: Path,
    jobname: str,
    rendered: Rendered,
    source_date_epoch: int | None,
    say: Say = print,
) -> CompileResult:
    """Compile ``workdir/jobname.tex`` to PDF as described above; the same PDF latexmk gives."""
    require_tools()
    env = tex_environment(source_date_epoch)
    run = TexRun(workdir, jobname, rendered, env)
    cache = UserCache.open(say)
    preamble = formats.preamble_of(rendered.latex)
    fmt, dump = choose_format(workdir, preamble, env, cache, say)
    key = state_key(workdir, jobname, source_date_epoch)
    needed = True
    try:
        restored = cache is not None and restore_state(cache, key, workdir)
        if not restored and rendered.skeleton and not (workdir / f"{jobname}.bbl").is_file():
            same_preamble = formats.preamble_of(rendered.skeleton) == preamble
            run.skeleton(rendered.skeleton, fmt if same_preamble else None)
        elif dump is not None:
            needed = run.step(None)  # the first pass, beside the dump
    finally:
        if dump is not None:
            fmt = finish_dump(dump, workdir, preamble, cache, say)
    result = settle(run, fmt, needed, preamble, cache, say)
    if cache is not None:
        store_state(cache, key, run)
    return result


def choose_format(
    workdir: Path, preamble: str | None, env: dict[str, str], cache: UserCache | None, say: Say
) -> tuple[str | None, subprocess.Popen | None]:
    """The format to run on now, or the dump that will make it."""
    if preamble is None:
        return None, None
    if formats.failed_before(workdir, preamble):
        say(f"preamble  not precompiled: it failed before ({formats.FAILED}); loaded on every pass")
        return None, None
    if formats.usable_format(workdir, preamble):
        return formats.FORMAT, None
    entry = cache.fetch("formats", format_key(preamble)) if cache else None
    if entry and formats.usable_format(entry, preamble):
        names = (f"{formats.FORMAT}.fmt", formats.RECORD)
        if cache.guard(lambda: [shutil.copyfile(entry / n, workdir / n) for n in names]):
            say(f"preamble  precompiled format from the cache ({cache.root})")
            return formats.FORMAT, None
    if entry or formats.stale_format(workdir, preamble):
        say("preamble  the precompiled format is out of date (TeX Live changed); dumping it again")
    return None, formats.start_dump(workdir, preamble, env)


def format_key(preamble: str) -> str:
    return formats.digest(formats.dump_source(preamble))


def finish_dump(
    dump: subprocess.Popen, workdir: Path, preamble: str, cache: UserCache | None, say: Say
) -> str | None:
    failure = formats.finish_dump(dump, workdir, preamble)
    if failure:
        formats.remember_failure(workdir, preamble)
        say(f"preamble  not precompiled ({failure}); loaded on every pass")
        return None
    (workdir / formats.FAILED).unlink(missing_ok=True)
    say(f"preamble  precompiled into {formats.FORMAT}.fmt")
    if cache is not None:
        files = (workdir / f"{formats.FORMAT}.fmt", workdir / formats.RECORD)
        cache.store("formats", format_key(preamble), files)
    return formats.FORMAT


def settle(
    run: TexRun,
    fmt: str | None,
    needed: bool,
    preamble: str | None,
    cache: UserCache | None,
    say: Say,
) -> CompileResult:
    """Passes on the format; if one fails, the same passes without it decide who is to blame."""
    try:
        return run.settle(fmt, needed)
    except PaperError:
        if fmt is None:
            raise
    # The document's own error fails the plain passes too, and is the one reported.
    for name in (f"{run.jobname}.aux", f"{run.jobname}.out"):
        (run.workdir / name).unlink(missing_ok=True)  # half written by the failed pass
    result = run.settle(None)
    formats.discard_format(run.workdir)
    formats.remember_failure(run.workdir, preamble)
    if cache is not None:
        cache.discard("formats", format_key(preamble))
    say("preamble  the precompiled preamble failed; compiled without it")
    return result


def state_key(workdir: Path, jobname: str, epoch: int | None) -> str:
    """Everything the passes' result depends on besides TeX Live: the .tex, the .bib, the date."""
    key = hashlib.sha256(f"{jobname}\0{epoch}\0".encode())
    for path in [workdir / f"{jobname}.tex", *sorted(workdir.glob("*.bib"))]:
        key.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return key.hexdigest()


def restore_state(cache: UserCache, key: str, workdir: Path) -> bool:
    entry = cache.fetch("states", key)
    if entry is None:
        return False
    copied = cache.guard(lambda: [shutil.copyfile(p, workdir / p.name) for p in entry.iterdir()])
    return bool(copied)


def store_state(cache: UserCache, key: str, run: TexRun) -> None:
    """Keep what the last pass read, and what biber read, for the next build of this input."""
    names = files_read(run.workdir, run.jobname, run.log) | {run.record.name}
    files = [run.workdir / name for name in sorted(names)]
    cache.store("states", key, [path for path in files if path.is_file()])
