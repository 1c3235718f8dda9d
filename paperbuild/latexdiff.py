"""Mark up what changed between two rendered LaTeX files, with Debian's latexdiff.

latexdiff wraps changed words in ``\\DIFadd``/``\\DIFdel``; our definitions of
those (``templates/diff-markup.tex.jinja``, given as its preamble) underline
additions and strike deletions with ulem, in colour. A note cannot go through
ulem (its text would be lost), so every note command is one unit to latexdiff
(``\\footnote`` is no longer a text command): an added note stands between
``\\DIFaddbegin`` and ``\\DIFaddend``, which our preamble turns into a coloured,
underlined note, and a deleted one, which latexdiff comments out as a command it
cannot vouch for, is put back between ``\\DIFdelbegin`` and ``\\DIFdelend``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .latex.environment import template_environment

MARKUP_TEMPLATE = "diff-markup.tex.jinja"
#: The colours of added and deleted text (rgb, 0-1): the PDF is read back by them.
ADDED_RGB = (0.0, 0.3, 0.8)
DELETED_RGB = (0.8, 0.0, 0.0)


@dataclass(frozen=True)
class Markup:
    """One way to mark changes; the build tries them in order, coarser ones when TeX fails."""

    name: str
    latexdiff_type: str
    strike: bool  # underline and strike with ulem, or colour alone
    description: str


MARKUPS = (
    Markup("underline", "UNDERLINE", True, "added words underlined, deleted words struck out"),
    Markup("colour", "CFONT", False, "colour alone: deleted words red and smaller"),
)

#: The commands paperbuild.latex.render writes for a note: each one a unit to latexdiff.
NOTE_COMMAND = re.compile(r"\\(?:autocites?|footnote)(?![A-Za-z@])")
DELETED_COMMAND = re.compile(r"(?<!\\)%DIFDELCMD < (?P<code>.*)$", re.M)
DIF_COMMENT_TAIL = re.compile(r"\s*(?:%+)?\s*$")
BEGIN_DOCUMENT = "\\begin{document}\n"
NEW_MARKER = re.compile(r"^%DIF > %(?= .+:\d+$)", re.M)  # see paperbuild.latex.render.MARKER


def require_latexdiff() -> None:
    if shutil.which("latexdiff") is None:
        raise PaperError("latex", "latexdiff not found: run 'invoke setup' to install it")


def markup_preamble(markup: Markup) -> str:
    def rgb(values: tuple[float, ...]) -> str:
        return ",".join(f"{value:g}" for value in values)

    return (
        template_environment()
        .get_template(MARKUP_TEMPLATE)
        .render(
            mode=markup.name,
            strike=markup.strike,
            add_rgb=rgb(ADDED_RGB),
            del_rgb=rgb(DELETED_RGB),
        )
    )


def run_latexdiff(old: Path, new: Path, markup: Markup, workdir: Path) -> str:
    """latexdiff's marked-up LaTeX of ``old`` against ``new`` (both in ``workdir``)."""
    preamble = workdir / f"diff-markup-{markup.name}.tex"
    preamble.write_text(markup_preamble(markup), encoding="utf-8")
    command = ["latexdiff", "--encoding=utf8", f"--type={markup.latexdiff_type}"]
    command += [f"--preamble={preamble.name}", "--exclude-textcmd=footnote", "--no-label"]
    proc = subprocess.run(
        [*command, old.name, new.name],
        cwd=workdir,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0 or BEGIN_DOCUMENT not in proc.stdout:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise PaperError("latex", f"latexdiff failed: {lines[-1] if lines else proc.returncode}")
    return restore_markers(restore_deleted_notes(proc.stdout))


def restore_deleted_notes(latex: str) -> str:
    """Put back the deleted note commands latexdiff commented out (``%DIFDELCMD <``):
    they stand between ``\\DIFdelbegin`` and ``\\DIFdelend``, so they print struck out."""

    def restore(match: re.Match) -> str:
        code = DIF_COMMENT_TAIL.sub("", match["code"])
        return code if only_note_commands(code) else match[0]

    return DELETED_COMMAND.sub(restore, latex)


def restore_markers(latex: str) -> str:
    """The new version's ``%% essay.md:LINE`` markers, which latexdiff rewrites as
    ``%DIF > % essay.md:LINE`` where they changed, so a TeX error still finds its line."""
    return NEW_MARKER.sub("%%", latex)


def only_note_commands(code: str) -> bool:
    """Whether ``code`` is nothing but note commands with their arguments."""
    position, end = 0, len(code)
    while position < end:
        command = NOTE_COMMAND.match(code, position)
        if not command:
            return False
        position = command.end()
        while position < end and code[position] in "[{":
            position = group_end(code, position)
            if position < 0:
                return False
        while position < end and code[position].isspace():
            position += 1
    return end > 0


def group_end(code: str, start: int) -> int:
    """The index after the ``[...]`` or ``{...}`` group opening at ``start``; -1 if unclosed."""
    closing = "]" if code[start] == "[" else "}"
    depth, index = 0, start
    while index < len(code):
        char = code[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if depth == 0 and char == closing:
            return index + 1
        index += 1
    return -1


def mark_sources(latex: str, added: list[str], removed: list[str]) -> str:
    """Put the sources only one version lists in the categories the markup colours and tags."""
    lines = [
        f"\\addtocategory{{{category}}}{{{','.join(keys)}}}\n"
        for category, keys in (("DIFadded", added), ("DIFremoved", removed))
        if keys
    ]
    return latex.replace(BEGIN_DOCUMENT, BEGIN_DOCUMENT + "".join(lines), 1)
