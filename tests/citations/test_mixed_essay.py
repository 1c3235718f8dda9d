"""An essay the project had never seen, with a Sources list in mixed styles: every citation
that has a source resolves, the one that has none is marked, a place and a date stay text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paperbuild.paper import load_paper
from paperbuild.stages import analyse

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed") / "paper"
    folder.mkdir()
    shutil.copy(HERE / "essay-mixed.md", folder / "essay.md")
    shutil.copy(HERE / "essay-mixed-sources.txt", folder / "sources.txt")
    return analyse(load_paper(folder))


def test_every_citation_with_a_source_resolves(analysis):
    items = [i for c in analysis.resolution.citations for i in c.items]
    assert len(items) == 12
    missing = [(u.item.author, u.item.year) for u in analysis.resolution.unresolved]
    assert missing == [("Petrenko", "1990")]
    assert analysis.resolution.ambiguous == []
    assert analysis.resolution.uncited == []


def test_a_place_and_a_date_stay_text(analysis):
    warnings = [p.message for p in analysis.problems if p.severity == "warning"]
    assert any("Sverdlovsk 1938" in w for w in warnings)


def test_a_page_outside_an_article_is_reported(analysis):
    warnings = [p.message for p in analysis.problems if p.severity == "warning"]
    assert any("cites p. 716, but the article" in w and "runs 86–101" in w for w in warnings)


def test_the_sources_read_as_they_mean(analysis):
    entries = analysis.paper.bibliography.entries
    fields = {key: {k.lower(): v for k, v in e.fields.items()} for key, e in entries.items()}
    people = {key: [str(p) for p in e.persons.get("author", [])] for key, e in entries.items()}
    by_author = {names[0].split(",")[0].strip("{}"): key for key, names in people.items() if names}
    assert fields[by_author["Смирнова"]]["location"] == "Москва"
    assert fields[by_author["Смирнова"]]["langid"] == "russian"
    assert fields[by_author["Orlov"]]["language"] == "russian"
    assert fields[by_author["Erickson"]]["date"] == "1962"  # not the title's 1918
    assert people[by_author["Hosking"]] == ["Hosking, Geoffrey A."]
    assert people[by_author["Davies"]] == ["Davies, R. W."]
    assert entries[by_author["Memorial International"]].type == "online"
    assert fields[by_author["Harrison"]]["number"] == "suppl. 1"
    assert fields[by_author["Trotsky"]]["origdate"] == "1937"
