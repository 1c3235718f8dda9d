"""The warnings worth reading in a build's LaTeX log, at the essay's lines.

A log holds hundreds of lines of font and package chatter; a writer needs only
what shows in the PDF: a line sticking out into the margin, a glyph the font
does not have, a citation or reference LaTeX could not resolve, or the error
that stopped the last build; and a correction of the templates' own (to
biblatex-chicago) that no longer applies. Line numbers in the log are lines of the generated
``paper.tex``; ``Rendered.source_line`` maps them back to the essay. What LaTeX
reports after opening the ``.bbl`` is the bibliography, made from the sources.
"""

from __future__ import annotations

import re

from .compile import tex_error
from .latex.render import Rendered
from .problems import Problem

#: An overfull line sticking out less than this is hard to see in print.
OVERFULL_POINTS = 10.0
OVERFULL = re.compile(
    r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\) "
    r"(?:in paragraph at lines (?P<line>\d+)--\d+|detected at line (?P<at>\d+))",
    re.M,
)
MISSING_CHAR = re.compile(
    r"^Missing character: There is no (?P<char>.+?) in font (?P<font>.+?)!$", re.M
)
UNDEFINED = re.compile(
    r"^LaTeX Warning: (?P<what>Citation|Reference) [`'](?P<key>[^']*)' on page \S+ undefined"
    r"(?: on input line (?P<line>\d+))?",
    re.M,
)
BIBLIOGRAPHY = re.compile(r"\([^()\s]*\.bbl\b")
#: What the templates say when a correction of theirs no longer applies.
OWN_WARNING = re.compile(
    r"^Package paperbuild Warning: (?P<message>.+?)(?: on input line \d+)?\.?$", re.M
)


def log_problems(log: str, rendered: Rendered) -> list[Problem]:
    """What a reader of the PDF would notice, as problems pointing at the essay."""
    error = tex_error(log, rendered)
    if error:
        where = str(error.path) if error.path else None
        return [
            Problem("latex", "error", f"the last build failed: {error.message}", where, error.line)
        ]
    opened = BIBLIOGRAPHY.search(log)
    bibliography_from = opened.start() if opened else len(log)
    problems = []
    for match in OVERFULL.finditer(log):
        points = float(match["points"])
        if points >= OVERFULL_POINTS:
            line = int(match["line"] or match["at"])
            what = "a bibliography entry" if match.start() > bibliography_from else "a line"
            message = f"{what} sticks {points:.0f}pt into the margin; rephrase or allow a break"
            problems.append(warning(rendered, line, match.start() > bibliography_from, message))
    for match in MISSING_CHAR.finditer(log):
        message = f"font {match['font']} has no {match['char']}; it is missing from the PDF"
        problems.append(Problem("latex", "warning", message, rendered.source_path))
    for match in OWN_WARNING.finditer(log):
        problems.append(Problem("latex", "warning", match["message"], rendered.source_path))
    for match in UNDEFINED.finditer(log):
        line = int(match["line"]) if match["line"] else None
        message = f"{match['what'].lower()} '{match['key']}' is undefined (printed as its key)"
        problems.append(warning(rendered, line, match.start() > bibliography_from, message))
    return problems


def warning(
    rendered: Rendered, tex_line: int | None, in_bibliography: bool, message: str
) -> Problem:
    essay_line = None if in_bibliography or tex_line is None else rendered.source_line(tex_line)
    if essay_line is None:
        return Problem("latex", "warning", message)
    return Problem("latex", "warning", message, rendered.source_path, essay_line)
