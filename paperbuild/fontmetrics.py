"""The Cyrillic font metrics METAFONT makes on a machine's first Cyrillic build, made at setup.

Russian words print in CM-Super's Type 1 Cyrillic, but their metrics (.tfm) come
from the LH fonts, which TeX Live ships as METAFONT sources: the first build that
sets a Cyrillic letter in a new size or shape waits while METAFONT makes them
(about half a second a font, in the user's TEXMFVAR). ``invoke setup`` typesets a
probe of every size and shape the profiles' class sizes offer, so that this
happens once per machine and user, at setup, never during a build or the bench.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .compile import last_words
from .errors import PaperError
from .profiles import load_profiles

#: The sizes the templates set text in: notes to title (\scriptsize only numbers lines).
SIZES = ("footnotesize", "small", "normalsize", "large", "Large", "LARGE")
#: Series and shape of the T2A Computer Modern the templates fall back to for Cyrillic:
#: upright, italic, small capitals (a running head), bold and bold italic (headings).
SHAPES = (("m", "n"), ("m", "it"), ("m", "sc"), ("bx", "n"), ("bx", "it"))


def class_sizes() -> list[str]:
    """The class options (``10pt``...) of every profile."""
    return sorted({str(p.settings["font_size"]) for p in load_profiles().values()})


def probe_latex(class_size: str) -> str:
    """A page with a Cyrillic letter in every size and shape of the class size."""
    cells = "".join(
        f"{{\\{size}\\fontencoding{{T2A}}\\fontfamily{{cmr}}"
        f"\\fontseries{{{series}}}\\fontshape{{{shape}}}\\selectfont\\CYRYA}}"
        for size in SIZES
        for series, shape in SHAPES
    )
    return (
        f"\\documentclass[{class_size}]{{article}}\n\\usepackage[T2A,T1]{{fontenc}}\n"
        f"\\begin{{document}}\n{cells}\n\\end{{document}}\n"
    )


def make_font_metrics() -> list[str]:
    """Typeset the probes (METAFONT runs for the metrics still missing); the class sizes."""
    sizes = class_sizes()
    with tempfile.TemporaryDirectory(prefix="paperbuild-fonts-") as tmp:
        for size in sizes:
            (Path(tmp) / f"probe-{size}.tex").write_text(probe_latex(size), encoding="ascii")
            proc = subprocess.run(
                ["pdflatex", "-draftmode", "-interaction=nonstopmode", f"probe-{size}.tex"],
                cwd=tmp,
                capture_output=True,
                text=True,
                errors="replace",
                stdin=subprocess.DEVNULL,
            )
            if proc.returncode != 0:
                reason = last_words(proc.stdout)
                raise PaperError("latex", f"the Cyrillic font probe failed: {reason}")
    return sizes
