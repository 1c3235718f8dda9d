"""What the Invoke tasks call: each function takes plain arguments and returns plain results.

``guard`` is the single place where failures become exits: a PaperError prints
its one-line message; anything else is a bug in paperbuild and says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

from invoke import Exit

from .errors import PaperError
from .pipeline import build as run_build

#: Debian packages the build needs (see README, "Setup").
TEX_PACKAGES = (
    "texlive-latex-base",
    "texlive-latex-recommended",
    "texlive-latex-extra",
    "texlive-bibtex-extra",
    "texlive-fonts-recommended",
    "texlive-lang-cyrillic",
    "lmodern",
    "cm-super",
    "biber",
    "latexmk",
    "poppler-utils",
)
REPO = Path(__file__).resolve().parents[1]


def guard(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except PaperError as err:
        raise Exit(str(err), code=1) from None
    except KeyboardInterrupt:
        raise Exit("interrupted; the last good PDF is still in place", code=130) from None
    except Exception:
        report = Path(REPO / "build" / "crash.txt")
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(traceback.format_exc(), encoding="utf-8")
        kind = sys.exc_info()[0].__name__
        raise Exit(
            f"internal error: {kind}; this is a bug in paperbuild (details in {report})", code=70
        ) from None


def missing_debian_packages(packages=TEX_PACKAGES) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for name in packages:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in proc.stdout:
            missing.append(name)
    return missing


def setup(c) -> None:
    missing = missing_debian_packages()
    if missing:
        print(f"installing {len(missing)} Debian packages: {' '.join(missing)}")
        sudo = "" if shutil.which("sudo") is None or _is_root() else "sudo "
        c.run(f"{sudo}apt-get update -qq")
        c.run(
            f"{sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
            f"--no-install-recommends {' '.join(missing)}"
        )
    else:
        print("TeX Live: all packages present")
    c.run(f"{sys.executable} -m pip install -q -e '{REPO}[test]'")


def _is_root() -> bool:
    return os.geteuid() == 0


def build(paper: Path, build_dir: Path, profile: str, paper_size: str | None) -> Path:
    return run_build(paper, build_dir, profile, paper_size).pdf
