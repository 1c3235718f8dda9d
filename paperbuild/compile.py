"""Run latexmk (pdflatex + biber) in a private working folder and read its log.

latexmk owns the rerun logic. TeX runs with shell escape off and kpathsea's
openin_any/openout_any set to paranoid, so neither the essay nor a template
can read or write outside the working folder. When TeX fails, the first
``!`` error is turned into a PaperError that points at the essay's line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .latex.render import Rendered
from .texenv import BUFFER_BYTES, tex_environment

__all__ = ["CompileResult", "run_latexmk", "tex_environment"]

PDFLATEX = (
    "pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error -file-line-error %O %S"
)
# biblatex flips one flag in paper.run.xml on the pass after biber; latexmk would take that
# for a changed input and run a fourth, identical pass. The .aux and .bbl still decide.
IGNORE_RUN_XML_FLAG = "$hash_calc_ignore_pattern{'xml'} = '<internal package=\"biblatex\"';"
ERROR_LINE = re.compile(r"^(?:\./)?(?P<file>[^:\n]+\.tex):(?P<line>\d+): (?P<message>.*)$", re.M)
BANG_LINE = re.compile(r"^! (?P<message>.*)$", re.M)
# TeX shows where it stopped on two lines: the input read so far, then the rest, indented.
CONTEXT_LINE = re.compile(r"^l\.(?P<line>\d+) (?P<text>.*)\n(?P<rest>.*)$", re.M)
LAST_COMMAND = re.compile(r"\\(?:[A-Za-z@]+|.)$")
LONGEST_LINE = BUFFER_BYTES // 2
#: latexmk's own account of each program it runs, to count passes as paperbuild.passes does.
LATEXMK_RULE = re.compile(r"^Latexmk: applying rule '(pdflatex|biber)", re.M)

PLAIN_WORDS = {
    "Undefined control sequence": "LaTeX met a command it does not know",
    "Missing $ inserted": "a maths-only character appeared in text",
    "Emergency stop": "TeX stopped early",
    "File ended while scanning": "a brace or environment was never closed",
    "not found": "LaTeX was refused or could not find a file it was asked to read",
    "I can't write on file": "TeX may not write that file (only inside the build folder)",
    "Unicode character": "a character the fonts cannot print",
    "unavailable in encoding": "a character or symbol the current font lacks",
    "Missing } inserted": "a brace was opened and never closed",
    "Too many }'s": "a brace was closed that was never opened",
    "Paragraph ended before": "a command's argument ran into a blank line",
    "TeX capacity exceeded": "the paragraph is more than TeX can hold in memory: split it",
    "Unable to read an entire line": "a line is longer than TeX can read at once",
    "number too big": "something is wider than TeX can measure (a very long unbroken word?)",
}


@dataclass(frozen=True)
class CompileResult:
    pdf: Path
    log: str
    #: What ran, in order: "skeleton" (the citations alone, for biber), "pdflatex", "biber".
    runs: tuple[str, ...] = ()


def require_tools() -> None:
    missing = [tool for tool in ("latexmk", "pdflatex", "biber") if shutil.which(tool) is None]
    if missing:
        raise PaperError(
            "latex", f"{', '.join(missing)} not found: run 'invoke setup' to install TeX Live"
        )


def check_line_lengths(rendered: Rendered) -> None:
    """Refuse LaTeX with a line TeX could not read: TeX would stop without saying where."""
    for number, line in enumerate(rendered.latex.split("\n"), start=1):
        size = len(line.encode("utf-8"))
        if size > LONGEST_LINE:
            message = (
                f"a line is too long for TeX ({size:,} bytes once escaped; it reads at most "
                f"{LONGEST_LINE:,} at once): break it into shorter lines or paragraphs"
            )
            essay_line = rendered.source_line(number)
            if essay_line is None:
                raise PaperError("latex", f"{message} (generated LaTeX line {number})")
            raise PaperError("latex", message, rendered.source_path, essay_line)


def run_latexmk(
    workdir: Path,
    jobname: str,
    rendered: Rendered,
    source_date_epoch: int | None = None,
    fmt: str | None = None,
    tools_checked: bool = False,
) -> CompileResult:
    """Compile ``workdir/jobname.tex`` to PDF; raise a PaperError naming the essay's line.

    ``fmt`` names a precompiled preamble in ``workdir`` (see paperbuild.preamble);
    ``tools_checked``: the caller has already run :func:`require_tools`.
    """
    if not tools_checked:
        require_tools()
    check_line_lengths(rendered)
    pdflatex = PDFLATEX.replace("pdflatex ", f"pdflatex -fmt={fmt} ", 1) if fmt else PDFLATEX
    command = [
        "latexmk",
        "-pdf",
        f"-pdflatex={pdflatex}",
        "-bibtex",
        "-e",
        IGNORE_RUN_XML_FLAG,
        "-interaction=nonstopmode",
        "-halt-on-error",
        f"-jobname={jobname}",
        f"{jobname}.tex",
    ]
    proc = subprocess.run(
        command,
        cwd=workdir,
        env=tex_environment(source_date_epoch),
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
    )
    log_path = workdir / f"{jobname}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    pdf = workdir / f"{jobname}.pdf"
    if proc.returncode != 0 or not pdf.exists():
        raise latex_failure(log, proc.stdout + proc.stderr, rendered, workdir / f"{jobname}.blg")
    runs = tuple(LATEXMK_RULE.findall(proc.stdout + proc.stderr))
    return CompileResult(pdf=pdf, log=log, runs=runs)


def latex_failure(
    log: str, output: str, rendered: Rendered, blg: Path, program: str = "latexmk"
) -> PaperError:
    """Why ``program`` failed: TeX's first error (in its log, else on its terminal, where the
    errors that stop TeX before it writes the log go), else biber's, else the program's last
    words."""
    error = tex_error(log, rendered) or tex_error(output, rendered)
    if error:
        return error
    biber = biber_error(blg)
    if biber:
        return PaperError("latex", f"biber failed: {biber}")
    return PaperError("latex", f"{program} failed without a TeX error: {last_words(output)}")


def last_words(output: str) -> str:
    return " ".join(output.strip().splitlines()[-3:])


def tex_error(log: str, rendered: Rendered) -> PaperError | None:
    """The first TeX error, in plain words, at the essay's line when it came from the essay."""
    match = first_error(log)
    if not match:
        return None
    message = match["message"].strip()
    # A "! ..." message is followed by the file:line: of the place TeX stopped.
    located = match if "line" in match.groupdict() else ERROR_LINE.search(log, match.end())
    context = CONTEXT_LINE.search(log, match.end())
    tex_line = int(located["line"]) if located else int(context["line"]) if context else None
    essay_line = rendered.source_line(tex_line) if tex_line else None
    plain = next((words for key, words in PLAIN_WORDS.items() if key in message), None)
    text = f"{plain} ({message})" if plain else message
    if "Undefined control sequence" in message:
        # TeX's first context line ends with the unknown command, wherever it came from.
        command = LAST_COMMAND.search(log[match.end() :].lstrip("\n").split("\n", 1)[0].rstrip())
        text += f": {command[0]}" if command else ""
    if context:
        text += f" near '{offending_text(context)}'"
    if essay_line:
        return PaperError("latex", text, rendered.source_path, essay_line)
    return PaperError("latex", f"{text} (generated LaTeX line {tex_line}, not from the essay)")


def first_error(log: str) -> re.Match | None:
    found = [m for m in (ERROR_LINE.search(log), BANG_LINE.search(log)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def offending_text(context: re.Match) -> str:
    """The words around the spot TeX stopped at, as one line."""
    before = context["text"].lstrip()[-50:]
    rest = context["rest"].strip()[:30]
    return f"{before}{rest}" if rest and rest != "^^M" else before


def biber_error(blg: Path) -> str | None:
    if not blg.exists():
        return None
    for line in blg.read_text(encoding="utf-8", errors="replace").splitlines():
        if "ERROR -" in line:
            return line.split("ERROR -", 1)[1].strip()
    return None
