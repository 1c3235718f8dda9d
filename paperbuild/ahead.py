"""TeX started ahead: what a build will run is begun before Python has its input.

Python spends 0.3 s or more starting, reading the Sources list and the citations and
rendering the LaTeX; pdfTeX spends that long loading a preamble, and biber half of
its time loading its Perl modules (measured). So these start as soon as they can:

- **An edit** (the work folder holds the last build's .tex, .bbl, .aux and a format
  of its preamble): the first pass starts on the format as the build starts. It reads
  the document from a named pipe (``JOBNAME-stream.tex``), is given the last build's
  preamble and ``\begin{document}``, and begins the document; the rest follows once
  rendered, if the preamble is unchanged. 0.15 s of a pass is then done ahead.
- **A cold build** (no format anywhere), as soon as the front matter is read: the
  preamble's dump; and, with no bibliography yet, the citation skeleton, which loads
  the preamble, begins the document and waits for a line on its standard input
  before reading its citations from a second file (``JOBNAME-skeleton-body.tex``),
  and biber, compiled but waiting for the same signal (``biber-ahead.pl``, for the
  Perl script Debian installs). 0.6 s of the skeleton's 0.7 s, and 0.33 s of
  biber's 0.67 s, are done ahead.

Each writes what it would have written started late: the same .bcf, .bbl and PDF,
byte for byte (tests/test_reproducible.py). A head start whose preamble turns out
different from the rendered document's is cancelled; so is one the build no longer
needs, or every one when the build fails. A program that fails ahead is left to the
ordinary path, which runs it again and reports the error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import formats
from .passes import PDFLATEX, PassAhead, SkeletonAhead, snapshot
from .texcache import UserCache
from .waiting import Streaming, Waiting

BIBER_AHEAD = Path(__file__).with_name("biber-ahead.pl")
#: After ``\begin{document}``: wait for a line on the terminal (TeX reads it only in
#: scroll mode), then go on as the ordinary, non-stop run.
GATE = (
    "\\begingroup\\scrollmode\\endlinechar=-1 \\global\\read16 to\\paperbuildgo\\endgroup"
    "\\nonstopmode\n"
)
BIBLIOGRAPHY = "\\addbibresource{"
#: The dump's priority beside a skeleton started ahead (see :func:`start`): below theirs.
DUMP_NICENESS = 10


@dataclass
class HeadStart:
    """What a build started ahead (see the module docstring)."""

    preamble: str  # the preamble it was started on
    skeleton: SkeletonAhead | None = None
    dump: subprocess.Popen | None = None
    first_pass: PassAhead | None = None

    def cancel(self) -> None:
        """End whatever is still running: the build failed, or did not need it."""
        if self.skeleton is not None:
            self.skeleton.cancel()
        if self.dump is not None and self.dump.poll() is None:
            self.dump.kill()
            self.dump.communicate()
        if self.first_pass is not None:
            self.first_pass.cancel()


def start_pass(workdir: Path, jobname: str, env: dict[str, str]) -> HeadStart | None:
    """An edit's first pass, on the last build's preamble and its format; None unless the
    work folder holds a last build (its .tex, .aux and, if it cites, .bbl) and a usable
    format of its preamble. (A bibliography out of date is the ordinary rules' to mend.)"""
    latex = workdir / f"{jobname}.tex"
    needed = (latex, workdir / f"{jobname}.aux")
    if not hasattr(os, "mkfifo") or not all(path.is_file() for path in needed):
        return None
    preamble = formats.preamble_of(latex.read_text(encoding="utf-8"))
    if preamble is None or not formats.usable_format(workdir, preamble):
        return None
    if BIBLIOGRAPHY in preamble and not (workdir / f"{jobname}.bbl").is_file():
        return None  # the skeleton comes first (see paperbuild.preamble)
    before = snapshot(workdir)
    pipe = workdir / f"{jobname}-stream.tex"
    command = [*PDFLATEX, "-no-parse-first-line", f"-jobname={jobname}"]
    command += [f"-fmt={formats.FORMAT}", pipe.name]
    streaming = Streaming(command, workdir, env, pipe)
    streaming.write(preamble)
    written = tuple(workdir / f"{jobname}{suffix}" for suffix in (".aux", ".bcf", ".out"))
    return HeadStart(preamble, first_pass=PassAhead(streaming, before, preamble, written))


def start(
    workdir: Path, jobname: str, preamble: str, skeleton_preamble: str, env: dict[str, str]
) -> HeadStart:
    """Start what a cold build of this work folder will need before its first pass: with
    a format to use (from the folder or the cache), nothing. ``skeleton_preamble``: the
    preamble without what only typesetting needs (the .bcf is the same), for the skeleton."""
    head = HeadStart(preamble)
    if not dump_needed(workdir, preamble):
        return head
    workdir.mkdir(parents=True, exist_ok=True)
    if BIBLIOGRAPHY in preamble and not (workdir / f"{jobname}.bbl").exists() and idle_core():
        head.skeleton = start_skeleton(workdir, jobname, skeleton_preamble, env)
    head.dump = formats.start_dump(workdir, preamble, env)
    if head.skeleton is not None:
        # Nothing waits for the format before the first pass, which comes after the
        # skeleton and biber: they have the cores first (a cold build 0.1 s sooner).
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, head.dump.pid, DUMP_NICENESS)
    return head


def cold_start_possible(workdir: Path, jobname: str) -> bool:
    """Cheaply, before the preamble is rendered: a build with a bibliography and a format
    in its work folder (an edit, a save under watch) is no cold build."""
    done = (workdir / f"{jobname}.bbl", workdir / f"{formats.FORMAT}.fmt")
    return not all(path.exists() for path in done)


def dump_needed(workdir: Path, preamble: str) -> bool:
    """No format to use or to copy, and none that failed or went stale (those cases say so
    as the build goes on: see :func:`paperbuild.preamble.prepare_format`)."""
    if formats.usable_format(workdir, preamble) or formats.failed_before(workdir, preamble):
        return False
    if formats.stale_format(workdir, preamble):
        return False
    cache = UserCache.open(lambda _: None)
    return cache is None or cache.fetch("formats", formats.format_key(preamble)) is None


def start_skeleton(
    workdir: Path, jobname: str, preamble: str, env: dict[str, str]
) -> SkeletonAhead:
    """The skeleton on ``preamble``, waiting after ``\\begin{document}``, and biber, compiled."""
    name = f"{jobname}-skeleton"
    body = workdir / f"{name}-body.tex"
    (workdir / f"{name}.tex").write_text(
        f"{preamble}{GATE}\\input{{{body.stem}}}\n", encoding="utf-8"
    )
    skeleton = Waiting([*PDFLATEX, "-draftmode", f"-jobname={name}", f"{name}.tex"], workdir, env)
    script = biber_script()
    biber = None
    if script is not None:
        biber = Waiting(["perl", "-w", str(BIBER_AHEAD), script, jobname], workdir, env)
    return SkeletonAhead(skeleton, biber, body)


def biber_script() -> str | None:
    """biber's path if it is a Perl script (as Debian installs it), which ``biber-ahead.pl``
    can compile ahead; a packed binary (TeX Live's own) simply runs when its turn comes."""
    found = shutil.which("biber")
    if found is None or shutil.which("perl") is None:
        return None
    try:
        with open(found, "rb") as script:
            first = script.readline(200)
    except OSError:
        return None
    return found if first.startswith(b"#!") and b"perl" in first else None


def idle_core() -> bool:
    """Whether a second program would have a core to itself now: nothing else runnable
    but this process (Linux's count in /proc/loadavg), and the last minute's load below
    the cores. On a busy machine two at once take as long as one after the other."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        runnable = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        runnable = 1
    return cores >= 2 and runnable - 1 <= cores - 2 and os.getloadavg()[0] < cores
