"""The Sources list remembered in the user cache: the same paper, read once per content."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperbuild.references
from paperbuild import incremental, sources_cache
from paperbuild.errors import PaperError
from paperbuild.paper import load_paper
from paperbuild.profiles import get_profile
from paperbuild.stages import analyse, render

ESSAY = "---\ntitle: T\n---\n\nWords (Smith, 2001, p. 4). More (Jones 1999).\n"
SOURCES = (
    "Smith, John. A Book. London: Press, 2001.\n"
    "Jones, A. (1999). An article. Journal of Things, 4(2), 1–20.\n"
    "Brown, Bob. A Book Without a Date. London: Press.\n"
)


@pytest.fixture
def paper(tmp_path: Path, empty_tex_cache: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "essay.md").write_text(ESSAY, encoding="utf-8")
    (folder / "sources.txt").write_text(SOURCES, encoding="utf-8")
    return folder


def reading_forbidden(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("the Sources list was read again")

    monkeypatch.setattr(paperbuild.references, "normalise_sources", refuse)


def readings(monkeypatch) -> list[tuple]:
    """The calls to the list's reader from now on (it still reads)."""
    calls: list[tuple] = []
    real = paperbuild.references.normalise_sources

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(paperbuild.references, "normalise_sources", counted)
    return calls


def test_a_second_build_remembers_the_list_and_gives_the_same_paper(paper: Path, monkeypatch):
    fresh = load_paper(paper)
    reading_forbidden(monkeypatch)
    remembered = load_paper(paper)
    assert remembered.bibtex == fresh.bibtex
    assert remembered.problems == fresh.problems and fresh.problems  # Brown has no date
    assert remembered.problems[0].line == 3 and remembered.problems[0].key == "brownnd"
    assert remembered.source_lines == fresh.source_lines
    assert fresh.source_lines == {"jones1999": 2, "smith2001": 1, "brownnd": 3}
    profile = get_profile("journal")
    assert render(analyse(remembered), profile).latex == render(analyse(fresh), profile).latex


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "sources.txt").write_text(SOURCES + "Brown, B. C. 2010.\n"),
        lambda folder: (folder / "corrections.yaml").write_text("smith2001:\n  title: B\n"),
    ],
    ids=["sources-edited", "corrections-added"],
)
def test_a_changed_list_or_correction_is_read_again(paper: Path, monkeypatch, change):
    load_paper(paper)
    change(paper)
    calls = readings(monkeypatch)
    load_paper(paper)
    assert len(calls) == 1


def test_new_code_reads_the_list_again(paper: Path, monkeypatch):
    load_paper(paper)
    monkeypatch.setattr(sources_cache, "code_digest", lambda: "another paperbuild")
    calls = readings(monkeypatch)
    load_paper(paper)
    assert len(calls) == 1


def test_a_damaged_entry_is_read_afresh_replaced_and_said(paper: Path, empty_tex_cache: Path):
    fresh = load_paper(paper)
    (entry,) = (empty_tex_cache / "sources").iterdir()
    (entry / sources_cache.FILE).write_text("{not json", encoding="utf-8")
    said: list[str] = []
    assert load_paper(paper, say=said.append).bibtex == fresh.bibtex
    assert said == ["cache     a remembered reading of the Sources list was damaged; read it again"]
    (entry,) = (empty_tex_cache / "sources").iterdir()
    assert (entry / sources_cache.FILE).read_text(encoding="utf-8").startswith('{"bibtex"')


def test_with_the_cache_off_the_list_is_read_each_time(paper: Path, monkeypatch):
    monkeypatch.setenv("PAPERBUILD_CACHE", "off")
    load_paper(paper)
    calls = readings(monkeypatch)
    load_paper(paper)
    assert len(calls) == 1


def test_the_code_digest_is_computed_again_only_when_a_file_changes(tmp_path: Path, monkeypatch):
    package = tmp_path / "package"
    package.mkdir()
    (package / "one.py").write_text("x = 1\n")
    monkeypatch.setattr(incremental, "PACKAGE_DIR", package)
    first = incremental.code_digest()
    assert incremental.code_digest() == first
    (package / "one.py").write_text("x = 2\n")
    assert incremental.code_digest() != first


def test_bibtex_that_cannot_be_read_back_is_a_one_line_error(paper: Path, monkeypatch):
    broken = sources_cache.ReadSources("@book{a, title = {unclosed}\n", (), {})
    monkeypatch.setattr("paperbuild.paper.read_sources_list", lambda *args: broken)
    with pytest.raises(PaperError, match="could not be read back") as raised:
        load_paper(paper)
    assert str(paper / "sources.txt") in str(raised.value)
