"""pdflatex and biber, run until the auxiliary files settle: latexmk's rules, written out.

A pass is needed again when a file it read from the work folder (the .aux,
.out, .bbl, ... as pdfTeX's ``-recorder`` lists them, or as the log says it
looked for them) now holds something else. biber runs when the .bcf or a .bib
differs from what it read last time, or there is no .bbl yet. These are the
rules latexmk follows; running them here lets a citation skeleton stand in for
the first pass, counts the passes for the bench and ``invoke watch``, and saves
the 0.2 s that latexmk's start-up and dependency scan cost every build (measured).
The skeleton, biber and an edit's first pass may have been started ahead of their
input (paperbuild.ahead starts them; :class:`SkeletonAhead` and :class:`PassAhead`
hold them until they are let go).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import formats
from .compile import CompileResult, biber_error, last_words, latex_failure
from .errors import PaperError
from .latex.render import Rendered
from .waiting import Streaming, Waiting

MAX_PASSES = 6
PDFLATEX = ["pdflatex", "-recorder", "-no-shell-escape", "-interaction=nonstopmode"]
PDFLATEX += ["-halt-on-error", "-file-line-error"]
#: Files no pass reads back: hashing them before every pass would only cost time.
NEVER_READ = (".pdf", ".log", ".fls", ".fmt", ".blg", ".json", ".lock", ".tmp")
MISSING = re.compile(r"^No file (?P<name>[^\n/]+)\.$", re.M)
#: Read by biblatex only to leave word for biber and latexmk (it flips a flag in it on the
#: pass after biber): nothing typeset depends on it, so its change calls for no pass.
NOT_TYPESET = (".run.xml",)


def sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def snapshot(workdir: Path) -> dict[str, str | None]:
    """The hash of every file in the work folder a pass might read."""
    return {
        path.name: sha256(path)
        for path in workdir.iterdir()
        if path.is_file() and not path.name.endswith(NEVER_READ)
    }


def read_log(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def files_read(workdir: Path, jobname: str, log: str) -> set[str]:
    """Work-folder files the last pass read (its .fls) or looked for and missed (its log)."""
    read: set[str] = set()
    fls = workdir / f"{jobname}.fls"
    lines = fls.read_text(encoding="utf-8", errors="replace").splitlines() if fls.is_file() else []
    here = {"", ".", str(workdir.resolve())}  # how the .fls names the work folder
    for line in lines:
        kind, _, name = line.partition(" ")
        folder, _, base = name.rpartition("/")
        if kind == "INPUT" and folder in here:
            read.add(base)
    read.update(match["name"] for match in MISSING.finditer(log))
    return {name for name in read if not name.endswith((".tex", ".fmt", *NOT_TYPESET))}


@dataclass
class SkeletonAhead:
    """The skeleton with its preamble loaded, and biber compiled, both waiting."""

    skeleton: Waiting
    biber: Waiting | None
    body: Path  # where the skeleton reads its citations, once they are known

    def write_body(self, skeleton_latex: str) -> None:
        """The skeleton's text after ``\\begin{document}``, its citations, where it will
        read them once told to go."""
        self.body.write_text(skeleton_latex.partition(formats.BEGIN)[2], encoding="utf-8")

    def cancel(self) -> None:
        for program in (self.skeleton, self.biber):
            if program is not None:
                program.cancel()


@dataclass
class PassAhead:
    """An edit's first pass, begun on the last build's preamble, reading a named pipe."""

    streaming: Streaming
    #: The work folder's files as they were before the pass began (see TexRun.pdflatex).
    before: dict[str, str | None] = field(repr=False)
    #: What it has been given: the last build's preamble and ``\begin{document}``.
    given: str
    #: The files it rewrites as it begins the document: cut short if it is cancelled.
    written: tuple[Path, ...]

    def go(self, latex: str) -> subprocess.CompletedProcess:
        """The rest of ``latex`` (which opens with :attr:`given`), then the pass's end."""
        self.streaming.write(latex[len(self.given) :])
        return self.streaming.finish()

    def cancel(self) -> None:
        cut_short = self.streaming.proc.poll() is None
        self.streaming.cancel()
        for path in self.written if cut_short else ():  # the next build starts them afresh
            path.unlink(missing_ok=True)


class TexRun:
    """The passes of one compile in one work folder: what ran, and what biber read last.

    ``runs`` lists every program run in order ("skeleton", "pdflatex", "biber"). The
    hashes of the .bcf and .bib biber last read are kept in ``JOBNAME.biber.json`` so a
    later build knows whether biber must run again.
    """

    def __init__(self, workdir: Path, jobname: str, rendered: Rendered, env: dict[str, str]):
        self.workdir = workdir
        self.jobname = jobname
        self.rendered = rendered
        self.env = env
        self.runs: list[str] = []
        self.log = ""

    @property
    def record(self) -> Path:
        return self.workdir / f"{self.jobname}.biber.json"

    def execute(
        self, name: str, command: list[str] | Callable[[], subprocess.CompletedProcess]
    ) -> subprocess.CompletedProcess:
        """Run one program in the work folder (or let one started ahead go on), and count it."""
        self.runs.append(name)
        if callable(command):
            return command()
        return subprocess.run(
            command,
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            errors="replace",
            stdin=subprocess.DEVNULL,
        )

    def pdflatex(
        self, fmt: str | None, draft: bool = False, ahead: PassAhead | None = None
    ) -> set[str]:
        """One pass (``draft``: writing no PDF; ``ahead``: started ahead on ``fmt``, given
        the document now); the work-folder files it read that now differ (the reason to
        rerun)."""
        before = ahead.before if ahead else snapshot(self.workdir)
        command = [*PDFLATEX, f"-jobname={self.jobname}", *([f"-fmt={fmt}"] if fmt else [])]
        command += ["-draftmode"] if draft else []
        proc = None
        if ahead is not None:
            proc = self.execute("pdflatex", lambda: ahead.go(self.rendered.latex))
        if proc is None or proc.returncode != 0:
            # Ahead, it may have failed for its own reasons: as usual, it succeeds or says why.
            proc = self.execute("pdflatex", [*command, f"{self.jobname}.tex"])
        self.log = read_log(self.workdir / f"{self.jobname}.log")
        written = draft or (self.workdir / f"{self.jobname}.pdf").exists()
        if proc.returncode != 0 or not written:
            output, blg = proc.stdout + proc.stderr, self.workdir / f"{self.jobname}.blg"
            raise latex_failure(self.log, output, self.rendered, blg, program="pdflatex")
        read = files_read(self.workdir, self.jobname, self.log)
        return {name for name in read if sha256(self.workdir / name) != before.get(name)}

    def biber_inputs(self) -> dict[str, str | None]:
        bibs = sorted(self.workdir.glob("*.bib"))
        joined = hashlib.sha256(b"".join(path.read_bytes() for path in bibs)).hexdigest()
        return {"bcf": sha256(self.workdir / f"{self.jobname}.bcf"), "bib": joined}

    def biber_needed(self) -> bool:
        inputs = self.biber_inputs()
        if inputs["bcf"] is None:
            return False  # the document loads no biblatex
        try:
            last = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last = None
        return last != inputs or not (self.workdir / f"{self.jobname}.bbl").is_file()

    def biber(self, ahead: Waiting | None = None) -> bool:
        """Run biber (``ahead``: started ahead, waiting); whether the .bbl it wrote differs
        from the one there before."""
        bbl = self.workdir / f"{self.jobname}.bbl"
        before = sha256(bbl)
        inputs = self.biber_inputs()
        self.record.unlink(missing_ok=True)
        proc = self.execute("biber", ahead.go if ahead else ["biber", self.jobname])
        if ahead is not None and (proc.returncode != 0 or not bbl.is_file()):
            # Ahead, it may have failed at its start: as usual, it succeeds or says why.
            proc = self.execute("biber", ["biber", self.jobname])
        if proc.returncode != 0 or not bbl.is_file():
            reason = biber_error(bbl.with_suffix(".blg")) or last_words(proc.stdout + proc.stderr)
            raise PaperError("latex", f"biber failed: {reason}")
        self.record.write_text(json.dumps(inputs) + "\n", encoding="utf-8")
        return sha256(bbl) != before

    def step(self, fmt: str | None, ahead: PassAhead | None = None) -> bool:
        """One pass (``ahead``: started ahead), then biber if its inputs changed; whether
        another pass is needed.

        The pass after a skeleton is a draft: the skeleton's .aux has no note's page and
        no label, which that pass writes, so a pass after it always follows.
        """
        draft = self.passes() == 0 and "skeleton" in self.runs
        changed = self.pdflatex(fmt, draft, ahead)
        biber_changed = self.biber() if self.biber_needed() else False
        return bool(changed) or biber_changed or draft

    def settle(self, fmt: str | None, ahead: PassAhead | None = None) -> CompileResult:
        """Steps until no pass would read anything new (at least one: the .tex is new);
        ``ahead``: the first pass, started ahead."""
        needed = True
        while needed:
            if self.passes() >= MAX_PASSES:
                raise PaperError(
                    "latex",
                    f"the references did not settle after {MAX_PASSES} pdflatex passes "
                    "(a page reference or label keeps changing)",
                )
            needed = self.step(fmt, ahead)
            ahead = None
        return self.result()

    def skeleton(self, latex: str, fmt: str | None, ahead: SkeletonAhead | None = None) -> None:
        """The citations alone through pdflatex, then biber: the bibliography before pass one
        (``ahead``: the two started ahead and waiting, the skeleton on its preamble).

        The skeleton cites the same works in the same order, so its .bcf is the one the
        document writes (if not, biber simply runs again after the first pass). Should it
        fail, the full passes find and report the error.
        """
        name = f"{self.jobname}-skeleton"
        if ahead is not None:
            ahead.write_body(latex)
            proc = self.execute("skeleton", ahead.skeleton.go)
        else:
            (self.workdir / f"{name}.tex").write_text(latex, encoding="utf-8")
            command = [*PDFLATEX, "-draftmode", f"-jobname={name}"]
            command += [f"-fmt={fmt}"] if fmt else []
            proc = self.execute("skeleton", [*command, f"{name}.tex"])
        if proc.returncode == 0 and (self.workdir / f"{name}.bcf").is_file():
            # Its .aux too: with no .aux at all, biblatex's first full pass cannot tell
            # whether the .bbl is new and asks for a pass that would change nothing else.
            for suffix in (".bcf", ".aux"):
                shutil.copyfile(
                    self.workdir / f"{name}{suffix}", self.workdir / f"{self.jobname}{suffix}"
                )
            self.biber(ahead.biber if ahead else None)
        elif ahead is not None:
            ahead.cancel()

    def passes(self) -> int:
        return self.runs.count("pdflatex")

    def result(self) -> CompileResult:
        pdf = self.workdir / f"{self.jobname}.pdf"
        return CompileResult(pdf=pdf, log=self.log, runs=tuple(self.runs))
