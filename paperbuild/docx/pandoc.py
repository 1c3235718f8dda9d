"""Pandoc, as the pypandoc-binary wheel installs it: found, asked its API version, run.

The wheel pins one pandoc (3.x) for every machine, installed by pip with the
rest of paperbuild, so CI and a fresh laptop format notes with the same
citeproc; Debian's pandoc is older (2.17) and may be missing altogether.
"""

from __future__ import annotations

import json
import os
import subprocess
from functools import lru_cache
from pathlib import Path

from ..errors import PaperError


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The wheel's own pandoc (pypandoc/files/pandoc), so that a newer or older pandoc on the
    PATH cannot change the notes; else whichever pandoc pypandoc finds."""
    try:
        import pypandoc

        bundled = Path(pypandoc.__file__).parent / "files" / "pandoc"
        return str(bundled) if bundled.is_file() else pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        raise PaperError(
            "docx", "pandoc not found: run 'invoke setup' (it installs pypandoc-binary)"
        ) from None


@lru_cache(maxsize=1)
def api_version() -> list[int]:
    """The version of pandoc's document model, which a JSON document must name."""
    empty = run_pandoc(["--from=markdown", "--to=json"], Path.cwd(), stdin="")
    return json.loads(empty)["pandoc-api-version"]


def run_pandoc(
    arguments: list[str], folder: Path, stdin: str | None = None, epoch: int | None = None
) -> str:
    """Run pandoc in ``folder``; ``epoch`` dates what it writes (SOURCE_DATE_EPOCH)."""
    environment = dict(os.environ)
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = str(epoch)
    proc = subprocess.run(
        [pandoc_path(), *arguments],
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
    )
    if proc.returncode != 0:
        reason = " ".join(proc.stderr.split()) or f"exit status {proc.returncode}"
        raise PaperError("docx", f"pandoc failed: {reason}")
    return proc.stdout
