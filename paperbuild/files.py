"""Reading the author's files and writing ours.

Reading: UTF-8 only, with a message that names the bad line, and one kind of
line ending whatever the editor saved; :func:`inside_folder` refuses a paper's
file that links out of its folder. Writing: whole or not at all (a
temporary file renamed into place), with the mode a new file would get, so an
interrupted build never leaves half a PDF and a published file stays readable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import PaperError


def read_text(path: Path) -> str:
    """The file's text, or a PaperError naming the file (and the line of a bad byte)."""
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        raise PaperError("input", "is not a regular file", path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PaperError("input", "file not found", path) from None
    except IsADirectoryError:
        raise PaperError("input", "is a folder, not a file", path) from None
    except PermissionError:
        raise PaperError("input", "cannot be read: permission denied", path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        message = f"byte 0x{data[err.start]:02x} is not UTF-8; save the file as UTF-8"
        raise PaperError("input", message, path, line) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto it if the block succeeds, else removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(_default_mode())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` whole; an unchanged file is left alone (its time too)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    with replaced_atomically(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")


def publish(source: Path, target: Path) -> None:
    """Copy a finished output (a PDF) onto ``target`` in one step."""
    with replaced_atomically(target) as temporary:
        shutil.copyfile(source, temporary)


def inside_folder(path: Path, folder: Path) -> Path:
    """``path``, if it resolves inside ``folder`` (a link may point within it); else a PaperError
    naming it, so that a paper folder cannot make the build read another file of the machine."""
    try:
        target = path.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise PaperError("input", "is a loop of symbolic links", path) from None
    if not inside:
        message = f"links to {target}, outside the paper folder; copy the file into the folder"
        raise PaperError("input", message, path)
    return path
