"""The precompiled preamble: load biblatex-chicago, babel and hyperref once, not on every pass.

Loading the preamble is about a third of a pdflatex pass. mylatexformat dumps
everything before ``\\begin{document}`` into ``paper-preamble.fmt``; a run
with ``-fmt=paper-preamble`` then skips the document's own preamble and starts
at ``\\begin{document}``, where hyperref's and biblatex's begin-document hooks
still run, so the same .tex compiles with or without the format. A short TeX
prelude (``dump-prelude.tex``) makes the two byte-identical: mylatexformat's
extra fonts stay out, and the colour stack xcolor sets up is replayed.

A format is named by the hash of what was dumped and remembers the TeX files
it was made from (their sizes and times); when one changes, as after a TeX Live
update, the format is stale and is dumped again. If dumping fails, or a run on
the format fails where a plain run does not, the build says so in one line, and
later builds skip the format for that preamble until it changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

FORMAT = "paper-preamble"
RECORD = f"{FORMAT}.json"  # the format's digest and the TeX files it was made from
FAILED = f"{FORMAT}.failed"  # the digest of a preamble that failed: not tried again
BEGIN = "\\begin{document}"
PRELUDE = Path(__file__).with_name("dump-prelude.tex")


def preamble_of(latex: str) -> str | None:
    """The document's part mylatexformat dumps: everything up to ``\\begin{document}``."""
    head, found, _ = latex.partition(BEGIN)
    return head + BEGIN + "\n" if found else None


def dump_source(preamble: str) -> str:
    """What ``pdflatex -ini`` reads: the prelude, then the document's preamble."""
    return PRELUDE.read_text(encoding="utf-8") + preamble


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def format_key(preamble: str) -> str:
    """The format's name in the user cache: the hash of what is dumped."""
    return digest(dump_source(preamble))


def start_dump(workdir: Path, preamble: str, env: dict[str, str]) -> subprocess.Popen:
    """Start dumping ``preamble``; :func:`finish_dump` waits for it (others may run meanwhile)."""
    (workdir / RECORD).unlink(missing_ok=True)
    (workdir / f"{FORMAT}.tex").write_text(dump_source(preamble), encoding="utf-8")
    command = ["pdflatex", "-ini", "-recorder", "-no-shell-escape", "-interaction=nonstopmode"]
    command += ["-halt-on-error", f"-jobname={FORMAT}", "&pdflatex", "mylatexformat.ltx"]
    return subprocess.Popen(
        [*command, f"{FORMAT}.tex"],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
    )


def finish_dump(proc: subprocess.Popen, workdir: Path, preamble: str) -> str | None:
    """Wait for a dump and record its format; the first TeX error if it failed."""
    output, _ = proc.communicate()
    if proc.returncode != 0 or not (workdir / f"{FORMAT}.fmt").is_file():
        errors = [line for line in output.splitlines() if line.startswith("!")]
        return errors[0] if errors else f"pdflatex -ini exited with {proc.returncode}"
    record = {"digest": digest(dump_source(preamble)), "inputs": tex_inputs(workdir)}
    (workdir / RECORD).write_text(json.dumps(record) + "\n", encoding="utf-8")
    return None


def tex_inputs(workdir: Path) -> list[list]:
    """The TeX Live files the dump read (its .fls) and pdfTeX itself, with size and time."""
    fls = workdir / f"{FORMAT}.fls"
    names = {
        line.partition(" ")[2]
        for line in fls.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.startswith("INPUT /")
    }
    names.add(shutil.which("pdftex") or "pdftex")
    return [[name, *stamp(Path(name))] for name in sorted(names)]


def stamp(path: Path) -> list[int]:
    try:
        info = path.stat()
    except OSError:
        return [-1, -1]
    return [info.st_size, info.st_mtime_ns]


def format_record(folder: Path) -> dict:
    """The record beside a format: its digest and the TeX files it was made from."""
    try:
        return json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def unchanged(record: dict) -> bool:
    """Whether every TeX file the format was made from still has its size and time."""
    return all(stamp(Path(name)) == [size, mtime] for name, size, mtime in record["inputs"])


def usable_format(folder: Path, preamble: str) -> bool:
    """Whether ``folder`` holds this preamble's format, made from TeX files still unchanged."""
    record = format_record(folder)
    return (
        (folder / f"{FORMAT}.fmt").is_file()
        and record.get("digest") == digest(dump_source(preamble))
        and unchanged(record)
    )


def stale_format(folder: Path, preamble: str) -> bool:
    """A format of this very preamble whose TeX files have changed since it was dumped."""
    record = format_record(folder)
    return record.get("digest") == digest(dump_source(preamble)) and not unchanged(record)


def discard_format(workdir: Path) -> None:
    """Forget a format that broke a run, and the recorder file pdflatex left when it did."""
    for path in (workdir / RECORD, workdir / f"{FORMAT}.fmt"):
        path.unlink(missing_ok=True)
    for stray in workdir.glob(f"{FORMAT}[0-9]*.fls"):
        stray.unlink()


def failed_before(workdir: Path, preamble: str) -> bool:
    """Whether this very preamble failed to precompile, or broke a run, in an earlier build."""
    marker = workdir / FAILED
    return marker.is_file() and marker.read_text(encoding="ascii") == digest(preamble)


def remember_failure(workdir: Path, preamble: str) -> None:
    (workdir / FAILED).write_text(digest(preamble), encoding="ascii")
