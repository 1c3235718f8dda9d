"""Remembered file hashes (paperbuild.digests): reused only while a file is provably the
same, so a build is never thought up to date after an edit."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from paperbuild import digests, texcache

OLD = time.time_ns() - 10 * digests.RACY_NS  # a modification time long past


@pytest.fixture
def fresh_memo(tmp_path: Path, monkeypatch) -> Path:
    """A cache of the test's own, and nothing loaded from any other."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(digests, "_entries", None)
    monkeypatch.setattr(digests, "_changed", False)
    return tmp_path / "cache" / "paperbuild" / digests.RECORD


def later(monkeypatch) -> None:
    """Hash as if some seconds after the files were last written (their change times,
    which no program can set, are now)."""
    moment = time.time_ns() + 3 * digests.RACY_NS
    monkeypatch.setattr(digests, "time", SimpleNamespace(time_ns=lambda: moment))


def written(path: Path, text: str, when: int | None = OLD) -> Path:
    path.write_text(text, encoding="utf-8")
    if when is not None:
        os.utime(path, ns=(when, when))
    return path


def true_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reload_memo(monkeypatch) -> None:
    monkeypatch.setattr(digests, "_entries", None)  # as a new process would


def test_a_remembered_hash_is_saved_and_reused(tmp_path: Path, fresh_memo: Path, monkeypatch):
    later(monkeypatch)
    essay = written(tmp_path / "essay.md", "First draft.")
    assert digests.sha256(essay) == true_hash(essay)
    digests.save()
    assert fresh_memo.is_file()
    reload_memo(monkeypatch)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("hashed again"))
    assert digests.sha256(essay) == hashlib.sha256(b"First draft.").hexdigest()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: written(p, "Second draft"), id="same-size-same-times"),
        pytest.param(lambda p: written(p, "Second draft!", when=None), id="new-times"),
        pytest.param(lambda p: (p.unlink(), written(p, "Third draft.")), id="replaced-by-rename"),
    ],
)
def test_an_edit_is_always_hashed_again(tmp_path: Path, fresh_memo: Path, monkeypatch, change):
    later(monkeypatch)
    essay = written(tmp_path / "essay.md", "First draft.")
    digests.sha256(essay)
    digests.save()
    reload_memo(monkeypatch)
    change(essay)  # even with its old size and modification time, its change time moved
    assert digests.sha256(essay) == true_hash(essay)


def test_a_file_written_just_now_is_not_remembered(tmp_path: Path, fresh_memo: Path):
    essay = written(tmp_path / "essay.md", "Draft.", when=None)
    assert digests.sha256(essay) == true_hash(essay)
    digests.save()
    assert not fresh_memo.exists()  # racy: a second write this tick could keep its times


def test_without_a_cache_every_file_is_hashed(tmp_path: Path, fresh_memo: Path, monkeypatch):
    later(monkeypatch)
    monkeypatch.setenv(texcache.SWITCH, "off")
    essay = written(tmp_path / "essay.md", "Draft.")
    assert digests.sha256(essay) == true_hash(essay)
    digests.save()
    assert not fresh_memo.exists()


def test_an_unreadable_memo_is_ignored(tmp_path: Path, fresh_memo: Path, monkeypatch):
    later(monkeypatch)
    fresh_memo.parent.mkdir(parents=True)
    fresh_memo.write_text("{not json")
    essay = written(tmp_path / "essay.md", "Draft.")
    assert digests.sha256(essay) == true_hash(essay)
    digests.save()
    assert str(essay.absolute()) in fresh_memo.read_text()
