"""Reading the author's text files: UTF-8 only, with a message that names the bad line."""

from __future__ import annotations

from pathlib import Path

from .errors import PaperError


def read_text(path: Path) -> str:
    """The file's text, or a PaperError naming the file (and the line of a bad byte)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise PaperError("input", "file not found", path) from None
    except IsADirectoryError:
        raise PaperError("input", "is a folder, not a file", path) from None
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        message = f"byte 0x{data[err.start]:02x} is not UTF-8; save the file as UTF-8"
        raise PaperError("input", message, path, line) from None
