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
OPTION_KEYS = {"paper-size", "journal"}
#: Good enough to catch a name or a URL in ``email:``; the address is printed, never sent.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
JOURNAL_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
        # Every value as text: "1937" stays a title, "2026-13-45" is not a broken date.
        data = yaml.load(match.group(1) or "", Loader=yaml.BaseLoader) or {}
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
    keywords = data.pop("keywords", None) or []
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise PaperError("manuscript", "front matter: 'keywords:' must be a list of words", path)
    for key, value in data.items():
        if not isinstance(value, str):
            raise PaperError("manuscript", f"front matter: '{key}:' must be text", path)
    if data.get("email") and not EMAIL.fullmatch(data["email"].strip()):
        message = f"front matter: 'email:' {data['email'].strip()!r} is not an e-mail address"
        raise PaperError("manuscript", message, path)
    if data.get("journal") and not JOURNAL_NAME.fullmatch(data["journal"].strip()):
        message = "front matter: 'journal:' names a file of templates/journals, e.g. slavic-review"
        raise PaperError("manuscript", message, path)
    if not data.get("title", "").strip():
        raise PaperError("manuscript", "front matter: 'title:' is required", path)
    fields = {k: v.strip() for k, v in data.items() if k in KNOWN_KEYS and v.strip()}
    options = {k: v.strip() for k, v in data.items() if k in OPTION_KEYS}
    keywords = tuple(k.strip() for k in keywords if k.strip())
    return FrontMatter(**fields, keywords=keywords, options=options)
