"""Any paper folder builds: a second essay, with the citation shapes the seed lacks."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import REPO, needs_tex

from paperbuild.paper import load_paper
from paperbuild.pipeline import build
from paperbuild.stages import analyse

SHAPES = REPO / "tests" / "citations"


@pytest.fixture(scope="module")
def shapes_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shapes") / "paper"
    folder.mkdir()
    shutil.copy(SHAPES / "essay-shapes.md", folder / "essay.md")
    shutil.copy(SHAPES / "essay-shapes-sources.txt", folder / "sources.txt")
    return folder


def test_every_shape_resolves_but_the_missing_work(shapes_folder):
    analysis = analyse(load_paper(shapes_folder))
    unresolved = [(u.item.author, u.item.year) for u in analysis.resolution.unresolved]
    assert unresolved == [("Snyder", "2010")]
    keys = [item.key for c in analysis.resolution.citations for item in c.items if item.key]
    assert {"davies1980a", "davies1980b", "fitzpatrick1994"} <= set(keys)
    wheatcroft = next(
        item.key for c in analysis.resolution.citations for item in c.items
        if item.author == "Davies and Wheatcroft"
    )  # fmt: skip
    entry = analysis.paper.bibliography.entries[wheatcroft]
    assert [p.last_names[-1] for p in entry.persons["author"]] == ["Davies", "Wheatcroft"]
    texts = [c.text for c in analysis.resolution.citations]
    assert "(Moscow, 1938)" not in texts and not any("bitter" in t for t in texts)
    # A place and a date, left as text; no rule tells it from a source left out, so it warns.
    [moscow] = [p for p in analysis.problems if "Moscow 1938" in p.message]
    assert (moscow.severity, moscow.line) == ("warning", 6)


@pytest.mark.slow
@needs_tex
def test_shapes_essay_builds_with_notes_and_cyrillic(shapes_folder, tmp_path):
    result = build(shapes_folder, tmp_path / "build", say=lambda line: None)
    text = subprocess.run(
        ["pdftotext", str(result.output), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "printed in the capital at the height of the purges (Moscow, 1938) shows" in flat
    assert "The debate that followed (which was often bitter) moved" in flat
    assert "the victims of the Terror1 were long the standard" in flat
    assert "Cf. Robert Conquest, The Great Terror" in flat  # prefix, full first note
    assert "Хлевнюк" in flat  # Cyrillic typeset and readable back
    assert "212–13" in flat  # a Russian work's page range takes the essay's en dash
    assert "London: Faber and Faber" in flat  # an "and" in a publisher is no list
    assert "Eisenstein, Sergei. Battleship Potemkin." in flat  # a film under its director
    assert "Europe-Asia Studies, 2026. In press." in flat  # an article not yet out
    # an archive and a document in one, cited as CMOS 14.221-26 wants
    assert (
        "GARF (State Archive of the Russian Federation), fond R-9401, opis’ 2, delo 64, l. 12."
        in flat
    )
    assert "RGASPI, f. 17, op. 162, d. 21, ll. 3–9" in flat
    # a work not yet out, its note closed by a full stop (biblatex-chicago left a comma)
    assert "Kuromiya, “The Purge of the Far Eastern Army,” Kritika, forthcoming." in flat
    assert "[?? Snyder, 2010, 42: not in the sources]" in flat
    fonts = subprocess.run(
        ["pdffonts", str(result.output)], capture_output=True, text=True, check=True
    ).stdout
    assert "Type 3" not in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded
