"""The fast compile: a precompiled preamble, a citation skeleton, and TeX work kept per user.

For one build, in this order:

1. the format (paperbuild.formats): the work folder's own, else the user cache's
   (paperbuild.texcache), else one dumped now (beside step 3);
2. the settled auxiliary files of this exact .tex and .bib, if any build on this
   machine left them in the user cache: one pass then usually confirms them;
3. with no bibliography yet, the citation skeleton (the document's citations and
   nothing else) goes through pdflatex and biber, so the first full pass already
   prints its notes;
4. passes until the auxiliary files settle (paperbuild.passes), on the format.

A cold build starts the dump, the skeleton and biber from the front matter, while
Python still reads and cites (paperbuild.ahead), when a core is idle (see
:func:`paperbuild.ahead.idle_core`). Without that head start, the skeleton runs
beside the dump on an idle core; on a busy machine, where two programs at once
take as long as one after the other, the dump comes first and the skeleton runs
on it.

Each shortcut is checked by the ordinary rules: a restored state or a skeleton's
.bcf that turns out different costs more passes, never a different PDF, and the
format gives the same bytes as a plain run. When a pass fails, the cached state
and then the format are taken away in turn (:func:`recover`): the one at fault is
dropped with a one-line note, and the build goes on without it.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import formats
from .ahead import BIBLIOGRAPHY, HeadStart, SkeletonAhead, idle_core
from .compile import CompileResult, check_line_lengths, require_tools, tex_environment
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
    head: HeadStart | None = None,
) -> CompileResult:
    """Compile ``workdir/jobname.tex`` to PDF as described above; the same PDF latexmk gives.

    ``head``: what was started ahead from the preamble (paperbuild.ahead); the caller
    cancels whatever of it is left running.
    """
    require_tools()
    check_line_lengths(rendered)  # before the preamble is dumped: it holds the title
    env = tex_environment(source_date_epoch)
    cache = UserCache.open(say)
    preamble = formats.preamble_of(rendered.latex)
    if head is not None and head.preamble != preamble:
        head.cancel()  # the front matter changed, or the template's preamble holds the body
        head = None
    first_pass = head.first_pass if head else None
    key = state_key(workdir, jobname, source_date_epoch)
    # A pass begun ahead has read the work folder's state: no other is put in its place.
    restored = restore_state(cache, key, workdir) if cache and not first_pass else []
    run = TexRun(workdir, jobname, rendered, env)
    ahead = head.skeleton if head else None
    if first_pass is not None and BIBLIOGRAPHY in preamble and needs_skeleton(run, restored):
        first_pass.cancel()  # a skeleton's .aux would replace the one the pass has open
        first_pass = None

    def skeleton_beside_the_dump() -> None:
        skeleton_first(run, None, preamble, bool(restored), ahead)

    beside = None
    if needs_skeleton(run, restored) and (ahead is not None or idle_core()):
        beside = skeleton_beside_the_dump
    dump = head.dump if head else None
    fmt, cached_fmt, ran_beside = prepare_format(workdir, preamble, env, cache, say, beside, dump)
    if first_pass is not None and fmt != formats.FORMAT:
        first_pass.cancel()  # the format it runs on went stale meanwhile
        first_pass = None
    try:
        if not ran_beside:
            skeleton_first(run, fmt, preamble, bool(restored), ahead)
        result = run.settle(fmt, first_pass)
    except PaperError as error:
        suspects = Suspects(restored, key, fmt, cached_fmt)
        run, result = recover(error, run, preamble, suspects, cache, say)
    if cache is not None:
        store_state(cache, key, run)
    return result


def needs_skeleton(run: TexRun, restored: list[str] | bool) -> bool:
    """No bibliography yet: neither restored from the cache nor left by an earlier build."""
    return not restored and not (run.workdir / f"{run.jobname}.bbl").is_file()


def skeleton_first(
    run: TexRun,
    fmt: str | None,
    preamble: str | None,
    restored: bool,
    ahead: SkeletonAhead | None = None,
) -> None:
    """With no bibliography yet, the citation skeleton and biber, so pass one has its notes
    (``ahead``: the two started ahead, waiting; used only if the skeleton's preamble is
    the one they loaded)."""
    if not needs_skeleton(run, restored):
        return
    skeleton = run.rendered.skeleton  # rendered now, only when it is needed
    if not skeleton:
        return
    same = formats.preamble_of(skeleton) == preamble
    if ahead is not None and not same:
        ahead.cancel()
        ahead = None
    run.skeleton(skeleton, fmt if same else None, ahead)


@dataclass(frozen=True)
class Suspects:
    """What a failed compile may be blamed on besides the document."""

    restored: list[str]  # the files of a cached state, restored into the work folder
    key: str  # that state's key in the cache
    fmt: str | None  # the format the passes ran on
    cached_fmt: bool  # whether that format was copied from the cache


def recover(
    error: PaperError,
    failed: TexRun,
    preamble: str | None,
    suspects: Suspects,
    cache: UserCache | None,
    say: Say,
) -> tuple[TexRun, CompileResult]:
    """After a failed pass, blame in turn the cached state, the format, then the document.

    Each suspect is taken away and the passes run again: the first whose absence makes
    them succeed is dropped, with one line saying so; if none does, the document's own
    error stands. A format this build dumped is not tried again until the preamble
    changes; one copied from the cache is dumped afresh, since the copy may be at fault.
    """
    workdir = failed.workdir

    def again(fmt: str | None) -> tuple[TexRun, CompileResult]:
        run = TexRun(workdir, failed.jobname, failed.rendered, failed.env)
        skeleton_first(run, fmt, preamble, restored=False)
        return run, run.settle(fmt)

    if suspects.restored:
        cache.discard("states", suspects.key)
        for name in suspects.restored:
            (workdir / name).unlink(missing_ok=True)
        try:
            found = again(suspects.fmt)
        except PaperError as later:
            error = later
        else:
            say("cache     a cached state did not compile; compiled without it")
            return found
    if suspects.fmt is None:
        raise error
    for name in (f"{failed.jobname}.aux", f"{failed.jobname}.out"):
        (workdir / name).unlink(missing_ok=True)  # half written by the failed pass
    found = again(None)  # the document's own error fails these passes too, and is raised
    formats.discard_format(workdir)
    if cache is not None:
        cache.discard("formats", formats.format_key(preamble))
    if suspects.cached_fmt:
        say("preamble  the cached precompiled preamble failed; compiled without it")
    else:
        formats.remember_failure(workdir, preamble)
        say("preamble  the precompiled preamble failed; compiled without it")
    return found


def prepare_format(
    workdir: Path,
    preamble: str | None,
    env: dict[str, str],
    cache: UserCache | None,
    say: Say,
    beside: Callable[[], None] | None = None,
    dump: subprocess.Popen | None = None,
) -> tuple[str | None, bool, bool]:
    """The format to run on (the work folder's, the cache's, or one dumped now), or None;
    whether it came from the cache; and whether ``beside`` ran, while the dump did
    (``dump``: one started ahead, when there was none to use; see paperbuild.ahead)."""
    if preamble is None:
        return None, False, False
    if dump is not None:
        return wait_for_dump(workdir, preamble, cache, say, beside, dump)
    if formats.failed_before(workdir, preamble):
        say(f"preamble  not precompiled: it failed before ({formats.FAILED}); loaded on every pass")
        return None, False, False
    if formats.usable_format(workdir, preamble):
        return formats.FORMAT, False, False
    entry = cache.fetch("formats", formats.format_key(preamble)) if cache else None
    if entry and formats.usable_format(entry, preamble):
        names = (f"{formats.FORMAT}.fmt", formats.RECORD)
        if cache.guard(lambda: [shutil.copyfile(entry / n, workdir / n) for n in names]):
            say(f"preamble  precompiled format from the cache ({cache.root})")
            return formats.FORMAT, True, False
    if entry or formats.stale_format(workdir, preamble):
        say("preamble  the precompiled format is out of date (TeX Live changed); dumping it again")
    dump = formats.start_dump(workdir, preamble, env)
    return wait_for_dump(workdir, preamble, cache, say, beside, dump)


def wait_for_dump(
    workdir: Path,
    preamble: str,
    cache: UserCache | None,
    say: Say,
    beside: Callable[[], None] | None,
    dump: subprocess.Popen,
) -> tuple[str | None, bool, bool]:
    """:func:`prepare_format`'s answer once ``dump`` ends, ``beside`` running meanwhile."""
    try:
        if beside is not None:
            beside()  # the skeleton and biber, on the other core
    finally:
        failure = formats.finish_dump(dump, workdir, preamble)
        fmt = remember_dump(workdir, preamble, failure, cache, say)
    return fmt, False, beside is not None


def remember_dump(
    workdir: Path, preamble: str, failure: str | None, cache: UserCache | None, say: Say
) -> str | None:
    """Say how the dump went, keep a good format in the cache; the format, or None."""
    if failure:
        formats.remember_failure(workdir, preamble)
        say(f"preamble  not precompiled ({failure}); loaded on every pass")
        return None
    (workdir / formats.FAILED).unlink(missing_ok=True)
    say(f"preamble  precompiled into {formats.FORMAT}.fmt")
    if cache is not None:
        files = (workdir / f"{formats.FORMAT}.fmt", workdir / formats.RECORD)
        cache.store("formats", formats.format_key(preamble), files)
    return formats.FORMAT


def state_key(workdir: Path, jobname: str, epoch: int | None) -> str:
    """Everything the passes' result depends on besides TeX Live: the .tex, the .bib, the date."""
    key = hashlib.sha256(f"{jobname}\0{epoch}\0".encode())
    for path in [workdir / f"{jobname}.tex", *sorted(workdir.glob("*.bib"))]:
        key.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return key.hexdigest()


def restore_state(cache: UserCache, key: str, workdir: Path) -> list[str]:
    """The names of the files restored from the cache's entry for ``key`` (none: no entry)."""
    entry = cache.fetch("states", key)
    if entry is None:
        return []
    copied = cache.guard(lambda: [shutil.copyfile(p, workdir / p.name) for p in entry.iterdir()])
    return [path.name for path in entry.iterdir()] if copied else []


def store_state(cache: UserCache, key: str, run: TexRun) -> None:
    """Keep what the last pass read, and what biber read, for the next build of this input."""
    names = files_read(run.workdir, run.jobname, run.log) | {run.record.name}
    files = [run.workdir / name for name in sorted(names)]
    cache.store("states", key, [path for path in files if path.is_file()])
