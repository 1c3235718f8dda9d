"""The YAML block at the top of essay.md: the paper's metadata and options.

Apart from the Markdown reader so that a build can learn the paper's date
(for reproducible PDFs) without loading a Markdown parser.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .document import FrontMatter
from .errors import PaperError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)
KNOWN_KEYS = {f for f in FrontMatter.__dataclass_fields__ if f != "options"}
OPTION_KEYS = {"paper-size", "profile", "lang"}


def split_front_matter(text: str, path: Path) -> tuple[FrontMatter, str, int]:
    """Front matter, the Markdown body, and the body's first line number minus one."""
    if not text.strip():
        raise PaperError("manuscript", "the essay is empty", path)
    match = FRONT_MATTER.match(text)
    if not match:
        raise PaperError(
            "manuscript",
            "no front matter: start the file with a '---' block holding 'title:'",
            path,
            1,
        )
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(err, "problem", None) or "not valid YAML"
        raise PaperError("manuscript", f"front matter: {problem}", path, line) from None
    if not isinstance(data, dict):
        raise PaperError("manuscript", "front matter must be 'key: value' lines", path, 2)
    offset = match.group(0).count("\n")
    return front_matter(data, path), text[match.end() :], offset


def front_matter(data: dict, path: Path) -> FrontMatter:
    unknown = sorted(set(data) - KNOWN_KEYS - OPTION_KEYS)
    if unknown:
        raise PaperError("manuscript", f"front matter: unknown key {unknown[0]!r}", path)
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PaperError("manuscript", "front matter: 'title:' is required", path)
    keywords = data.get("keywords") or ()
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",") if k.strip()]
    fields = {k: str(v).strip() for k, v in data.items() if k in KNOWN_KEYS and v is not None}
    fields["keywords"] = tuple(str(k) for k in keywords)
    options = {k: str(v) for k, v in data.items() if k in OPTION_KEYS}
    return FrontMatter(**fields, options=options)
