"""The warnings worth reading in a finished build's LaTeX log, at the essay's lines.

A log holds hundreds of lines of font and package chatter; a writer needs only
what shows in the PDF: a line sticking out into the margin, a glyph the font
does not have, a citation or reference LaTeX could not resolve. Line numbers in
the log are lines of the generated ``paper.tex``; ``Rendered.source_line`` maps
them back to the essay. Whatever LaTeX reads after the ``.bbl`` is the
bibliography, which comes from the sources, not the essay.
"""

from __future__ import annotations

import re

from .compile import first_error, latex_failure
from .latex.render import Rendered
from .problems import Problem

#: An overfull line below this sticks out too little to see.
OVERFULL_POINTS = 10.0
OVERFULL = re.compile(
    r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\) "
    r"(?:in paragraph at lines (?P<line>\d+)--\d+|detected at line (?P<at>\d+))",
    re.M,
)
MISSING_CHAR = re.compile(r"^Missing character: There is no (?P<char>.+?) in font (?P<font>.+?)!$", re.M)
UNDEFINED = re.compile(
    r"^LaTeX Warning: (?P<what>Citation|Reference) [`'](?P<key>[^']*)' on page \S+ undefined"
    r"(?: on input line (?P<line>\d+))?",
    re.M,
)
BIBLIOGRAPHY_START = re.compile(r"\(\./[^()\s]+\.bbl\b")


def log_problems(log: str, rendered: Rendered) -> list[Problem]:
    """What a reader of the PDF would notice, as problems pointing at the essay."""
    if first_error(log):
        failure = latex_failure(log, "", rendered, _NO_BLG)
        return [Problem("latex", "error", f"the last build failed: {failure.message}",
                        str(failure.path) if failure.path else None, failure.line)]  # fmt: skip
    bibliography = BIBLIOGRAPHY_START.search(log)
    bib_start = bibliography.start() if bibliography else len(log)
    problems = []
    for match in OVERFULL.finditer(log):
        points = float(match["points"])
        if points >= OVERFULL_POINTS:
            where = "a bibliography entry" if match.start() > bib_start else "a line"
            problems.append(
                _at(
                    rendered,
                    int(match["line"] or match["at"]),
                    match.start() > bib_start,
                    f"{where} sticks {points:.0f}pt into the margin; rephrase it or allow a "
                    "break (a long word, URL or number)",
                )
            )
    for match in MISSING_CHAR.finditer(log):
        problems.append(
            Problem("latex", "warning", f"font {match['font']} has no {match['char']}; it is "
                    "left out of the PDF", rendered.source_path)  # fmt: skip
        )
    for match in UNDEFINED.finditer(log):
        line = int(match["line"]) if match["line"] else None
        problems.append(
            _at(
                rendered,
                line,
                match.start() > bib_start,
                f"{match['what'].lower()} '{match['key']}' is undefined in the PDF "
                "(printed as its key)",
            )
        )
    return problems


def _at(rendered: Rendered, tex_line: int | None, in_bibliography: bool, message: str) -> Problem:
    essay_line = None if in_bibliography or tex_line is None else rendered.source_line(tex_line)
    if essay_line is None:
        return Problem("latex", "warning", message)
    return Problem("latex", "warning", message, rendered.source_path, essay_line)
