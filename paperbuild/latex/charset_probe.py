"""Ask TeX which characters our preamble typesets, for ``typesettable.txt``.

inputenc's utf8 knows a character above ASCII only if a ``\\DeclareUnicodeCharacter``
line says how to print it: utf8.def's own few, plus one ``<enc>enc.dfu`` file per
font encoding the preamble loads (the kernel's OML, OMS, OT1, T1, TS1, OMX, U and
our T2A). A few declared ones still fail in running text (T2A's accented Cyrillic
such as "Ӂ" needs T2A's own accent commands), so each declared character is
typeset once in the real preamble and kept only if TeX prints it without error or
missing glyph. Run ``python -m paperbuild.latex.charset_probe`` to write the file again.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from ..texenv import tex_environment
from .charset import DATA
from .environment import template_environment

#: Encodings in the preamble's ``\\cdp@list`` (see templates/base.tex.jinja).
ENCODINGS = ("oml", "oms", "ot1", "t1", "ts1", "omx", "u", "t2a")
DECLARATION = re.compile(r"^\\DeclareUnicodeCharacter\{([0-9A-F]+)\}", re.M)


def declared_in_tex_live() -> set[int]:
    """The code points TeX Live's utf8.def and our encodings' .dfu files declare."""
    names = ["utf8.def", *(f"{enc}enc.dfu" for enc in ENCODINGS)]
    proc = subprocess.run(["kpsewhich", *names], capture_output=True, text=True)
    points: set[int] = set()
    for path in proc.stdout.split():
        text = Path(path).read_text(encoding="latin-1")
        points.update(int(code, 16) for code in DECLARATION.findall(text))
    return points


def preamble() -> str:
    """The encoding part of the real preamble (base.tex.jinja's ``encoding`` block), as a
    typeset document has it."""
    env = template_environment()
    env.filters.update(inlines=str, plain=str)
    template = env.get_template("base.tex.jinja")
    return "".join(template.blocks["encoding"](template.new_context({"skeleton": False})))


def probe(points: set[int]) -> set[int]:
    """The ``points`` pdflatex typesets in running text: no error and no missing glyph."""
    body = "".join(rf"\typeout{{@@{p:X}}}\mbox{{{chr(p)}}}" + "\n" for p in sorted(points))
    tex = (
        "\\documentclass{article}\n" + preamble() + "\\tracinglostchars=1\n"
        "\\begin{document}\n" + body + "\\end{document}\n"
    )
    failed: set[int] = set()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "probe.tex").write_text(tex, encoding="utf-8")
        subprocess.run(
            ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "probe.tex"],
            cwd=tmp,
            env=tex_environment(),
            capture_output=True,
        )
        log = (Path(tmp) / "probe.log").read_text(encoding="utf-8", errors="replace")
    current = None
    for line in log.splitlines():
        if line.startswith("@@"):
            current = int(line[2:], 16)
        elif current is not None and line.startswith(("!", "Missing character")):
            failed.add(current)
    return points - failed


def ranges(points: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for point in sorted(points):
        if out and out[-1][1] == point - 1:
            out[-1] = (out[-1][0], point)
        else:
            out.append((point, point))
    return out


def write_data(points: set[int], path: Path = DATA) -> None:
    lines = [f"{a:04X}-{b:04X}" if a != b else f"{a:04X}" for a, b in ranges(points)]
    header = "# Code points above ASCII that inputenc's utf8 declares; see charset.py.\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_data(probe(declared_in_tex_live()))
    print(f"wrote {DATA}")
