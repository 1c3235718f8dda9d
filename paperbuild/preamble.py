"""A precompiled preamble: load biblatex-chicago, babel and hyperref once, not on every pass.

Loading the preamble is about 1 s of a 2.5 s pdflatex pass. mylatexformat
dumps everything before ``\\begin{document}`` into ``paper-preamble.fmt``; a
run with ``-fmt=paper-preamble`` then skips the document's own preamble and
starts at ``\\begin{document}``, where hyperref's and biblatex's begin-document
hooks still run, so the same .tex compiles with or without the format. The
format is dumped again only when the preamble's hash changes. If dumping or a
formatted run fails, the build compiles as before and says so in one line, and
later builds skip the format for that preamble until it changes.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .compile import (
    CompileResult,
    check_line_lengths,
    require_tools,
    run_latexmk,
    tex_environment,
)
from .errors import PaperError
from .latex.render import Rendered
from .reproducible import rerun_on_new_epoch

FORMAT = "paper-preamble"
FAILED = f"{FORMAT}.failed"  # the hash of a preamble that failed: not tried again
BEGIN = "\\begin{document}"


def preamble_of(latex: str) -> str | None:
    """The text mylatexformat dumps: everything up to ``\\begin{document}``."""
    head, found, _ = latex.partition(BEGIN)
    return head + BEGIN + "\n" if found else None


def format_ready(workdir: Path, preamble: str) -> bool:
    stamp = workdir / f"{FORMAT}.sha256"
    return (
        (workdir / f"{FORMAT}.fmt").is_file()
        and stamp.is_file()
        and stamp.read_text(encoding="ascii") == digest(preamble)
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dump_format(workdir: Path, preamble: str, env: dict[str, str]) -> str | None:
    """Dump ``preamble`` into ``workdir/paper-preamble.fmt``; the first TeX error if it fails."""
    stamp = workdir / f"{FORMAT}.sha256"
    stamp.unlink(missing_ok=True)
    (workdir / f"{FORMAT}.tex").write_text(preamble, encoding="utf-8")
    command = ["pdflatex", "-ini", "-no-shell-escape", "-interaction=nonstopmode"]
    command += ["-halt-on-error", f"-jobname={FORMAT}", "&pdflatex", "mylatexformat.ltx"]
    proc = subprocess.run(
        [*command, f"{FORMAT}.tex"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0 or not (workdir / f"{FORMAT}.fmt").is_file():
        errors = [line for line in proc.stdout.splitlines() if line.startswith("!")]
        return errors[0] if errors else f"pdflatex -ini exited with {proc.returncode}"
    stamp.write_text(digest(preamble), encoding="ascii")
    return None


def discard_format(workdir: Path) -> None:
    """Forget a format that broke a run, and the recorder file pdflatex left when it did."""
    for path in (workdir / f"{FORMAT}.sha256", workdir / f"{FORMAT}.fmt"):
        path.unlink(missing_ok=True)
    for stray in workdir.glob(f"{FORMAT}[0-9]*.fls"):
        stray.unlink()


def failed_before(workdir: Path, preamble: str) -> bool:
    """Whether this very preamble failed to precompile, or broke a run, in an earlier build."""
    marker = workdir / FAILED
    return marker.is_file() and marker.read_text(encoding="ascii") == digest(preamble)


def remember_failure(workdir: Path, preamble: str) -> None:
    (workdir / FAILED).write_text(digest(preamble), encoding="ascii")


def compile_fast(
    workdir: Path,
    jobname: str,
    rendered: Rendered,
    source_date_epoch: int | None,
    say: Callable[[str], None] = print,
) -> CompileResult:
    """latexmk with the precompiled preamble, dumping it first when the preamble changed.

    A preamble that failed (to dump, or in a run) is remembered by its hash in
    ``paper-preamble.failed``: later builds load it as usual without trying again,
    until the preamble changes.
    """
    require_tools()
    check_line_lengths(rendered)  # before the preamble is dumped: it holds the title
    rerun_on_new_epoch(workdir, jobname, source_date_epoch)
    plain = partial(run_latexmk, workdir, jobname, rendered, source_date_epoch, tools_checked=True)
    preamble = preamble_of(rendered.latex)
    if preamble is None:
        return plain()
    if failed_before(workdir, preamble):
        say(f"preamble  not precompiled: it failed before ({FAILED}); loading it on every pass")
        return plain()
    if not format_ready(workdir, preamble):
        failure = dump_format(workdir, preamble, tex_environment(source_date_epoch))
        if failure:
            remember_failure(workdir, preamble)
            say(f"preamble  not precompiled ({failure}); loading it on every pass")
            return plain()
        (workdir / FAILED).unlink(missing_ok=True)
        say(f"preamble  precompiled into {FORMAT}.fmt")
    try:
        return plain(fmt=FORMAT)
    except PaperError:
        # Without its record latexmk reruns everything instead of refusing to retry a
        # failure; the document's own error fails this run too, and is the one reported.
        (workdir / f"{jobname}.fdb_latexmk").unlink(missing_ok=True)
        result = plain()
    discard_format(workdir)
    remember_failure(workdir, preamble)
    say("preamble  the precompiled preamble failed; compiled without it")
    return result
