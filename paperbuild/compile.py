"""Run latexmk (pdflatex + biber) in a private working folder and read its log.

latexmk owns the rerun logic. TeX runs with shell escape off and kpathsea's
openin_any/openout_any set to paranoid, so neither the essay nor a template
can read or write outside the working folder. When TeX fails, the first
``!`` error is turned into a PaperError that points at the essay's line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .latex.render import Rendered

PDFLATEX = "pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error -file-line-error %O %S"
ERROR_LINE = re.compile(r"^(?:\./)?(?P<file>[^:\n]+\.tex):(?P<line>\d+): (?P<message>.*)$", re.M)
BANG_LINE = re.compile(r"^! (?P<message>.*)$", re.M)
CONTEXT_LINE = re.compile(r"^l\.(?P<line>\d+) (?P<text>.*)$", re.M)

PLAIN_WORDS = {
    "Undefined control sequence": "LaTeX met a command it does not know",
    "Missing $ inserted": "a maths-only character appeared in text",
    "Emergency stop": "TeX stopped early",
    "File ended while scanning": "a brace or environment was never closed",
}


@dataclass(frozen=True)
class CompileResult:
    pdf: Path
    log: str


def tex_environment(source_date_epoch: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(openout_any="p", openin_any="p", shell_escape="f")
    if source_date_epoch is not None:
        env.update(SOURCE_DATE_EPOCH=str(source_date_epoch), FORCE_SOURCE_DATE="1")
    return env


def require_tools() -> None:
    missing = [tool for tool in ("latexmk", "pdflatex", "biber") if shutil.which(tool) is None]
    if missing:
        raise PaperError(
            "latex", f"{', '.join(missing)} not found: run 'invoke setup' to install TeX Live"
        )


def run_latexmk(
    workdir: Path, jobname: str, rendered: Rendered, source_date_epoch: int | None = None
) -> CompileResult:
    """Compile ``workdir/jobname.tex`` to PDF; raise a PaperError naming the essay's line."""
    require_tools()
    command = [
        "latexmk",
        "-pdf",
        f"-pdflatex={PDFLATEX}",
        "-bibtex",
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
    return CompileResult(pdf=pdf, log=log)


def latex_failure(log: str, output: str, rendered: Rendered, blg: Path) -> PaperError:
    """The first TeX error, in plain words, at the essay's line when it came from the essay."""
    match = ERROR_LINE.search(log) or BANG_LINE.search(log)
    if not match:
        biber = biber_error(blg)
        if biber:
            return PaperError("latex", f"biber failed: {biber}")
        tail = " ".join(output.strip().splitlines()[-3:])
        return PaperError("latex", f"latexmk failed without a TeX error: {tail}")
    message = match["message"].strip()
    tex_line = int(match["line"]) if "line" in match.groupdict() and match["line"] else None
    context = CONTEXT_LINE.search(log, match.end())
    if tex_line is None and context:
        tex_line = int(context["line"])
    essay_line = rendered.source_line(tex_line) if tex_line else None
    plain = next((words for key, words in PLAIN_WORDS.items() if key in message), None)
    text = f"{plain} ({message})" if plain else message
    if context:
        text += f" near '{context['text'].strip()[-60:]}'"
    if essay_line:
        return PaperError("latex", text, rendered.source_path, essay_line)
    return PaperError("latex", f"{text} (generated LaTeX line {tex_line}, not from the essay)")


def biber_error(blg: Path) -> str | None:
    if not blg.exists():
        return None
    for line in blg.read_text(encoding="utf-8", errors="replace").splitlines():
        if "ERROR -" in line:
            return line.split("ERROR -", 1)[1].strip()
    return None
