"""Writing outputs: whole or not at all, readable by others, temporary files cleaned up."""

from __future__ import annotations

import os

import pytest

from paperbuild.files import publish, replaced_atomically, write_text


def test_published_file_gets_the_mode_of_a_new_file(tmp_path):
    source = tmp_path / "in.pdf"
    source.write_bytes(b"%PDF")
    publish(source, tmp_path / "out" / "paper.pdf")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out" / "paper.pdf").stat().st_mode & 0o777 == 0o666 & ~umask


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "paper.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replaced_atomically(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["paper.pdf"]


def test_unchanged_text_keeps_its_timestamp(tmp_path):
    path = tmp_path / "paper.tex"
    write_text(path, "x")
    os.utime(path, (1, 1))
    write_text(path, "x")
    assert path.stat().st_mtime == 1
    write_text(path, "y")
    assert path.read_text() == "y"
