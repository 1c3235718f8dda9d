"""latexdiff's known trouble spots, in one revision of the seed essay, read back from the PDF:
a renamed heading, a moved paragraph, a change inside Cyrillic text, a change inside a
block quotation and one inside a citation of two works."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import needs_tex
from gitrepo import commit, replace_once, seed_repository
from test_diff import marked

from paperbuild.diff import build_diff
from paperbuild.latexdiff import ADDED_RGB, DELETED_RGB

pytestmark = [pytest.mark.slow, needs_tex]

OLD_HEADING = "## The Background of the Red Army Opposition in the Stalin-era"
NEW_HEADING = "## Origins of the Army’s Opposition to Stalin"
MOVED = "The Soviet military apparatus, like any other,"
MOVED_BEFORE = "With the benefit of hind-sight,"
RUSSIAN = " Его называли «красным Бонапартом»."


def move_paragraph(text: str, starting: str, before: str) -> str:
    paragraphs = text.split("\n\n")
    moved = next(p for p in paragraphs if p.startswith(starting))
    paragraphs.remove(moved)
    at = next(i for i, p in enumerate(paragraphs) if p.startswith(before))
    return "\n\n".join([*paragraphs[:at], moved, *paragraphs[at:]])


def trouble(repo: Path) -> None:
    """Two commits: a Russian sentence added, then each trouble spot revised."""
    essay = repo / "paper" / "essay.md"
    replace_once(essay, "charisma.", "charisma." + RUSSIAN)
    commit(repo, "a Russian sentence")
    replace_once(essay, OLD_HEADING, NEW_HEADING)
    essay.write_text(move_paragraph(essay.read_text(encoding="utf-8"), MOVED, MOVED_BEFORE))
    replace_once(essay, "«красным Бонапартом»", "«красным Наполеоном»")
    replace_once(essay, "Despite the danger of being labeled", "Despite the risk of being labeled")
    replace_once(essay, "(Read, 2016; Rieber, 2022)", "(Read, 2016, p. 7; Rieber, 2022)")
    commit(repo, "revised")


@pytest.fixture(scope="module")
def troubled(tmp_path_factory):
    repo = seed_repository(tmp_path_factory.mktemp("trouble") / "repo")
    trouble(repo)
    result = build_diff(
        repo / "paper", repo / "build", "manuscript", None, "HEAD~1", None, lambda line: None
    )
    pdf = result.output
    added, deleted = marked(pdf, ADDED_RGB, False), marked(pdf, DELETED_RGB, False)
    notes = marked(pdf, ADDED_RGB, True), marked(pdf, DELETED_RGB, True)
    return result, " ".join(added.split()), " ".join(deleted.split()), notes


def test_renamed_heading(troubled):
    _, added, deleted, _ = troubled
    assert {"Origins", "to"} <= set(added.split())
    assert {"Background", "Red"} <= set(deleted.split())


def test_moved_paragraph_is_struck_where_it_was_and_added_where_it_is(troubled):
    _, added, deleted, _ = troubled
    for shown in (added, deleted):
        assert "susceptible to subversion and Bonapartist takeovers" in shown


def test_change_inside_cyrillic(troubled):
    _, added, deleted, _ = troubled
    assert "Наполеоном" in added and "Бонапартом" in deleted
    assert "называли" not in added + deleted


def test_change_inside_block_quotation(troubled):
    _, added, deleted, _ = troubled
    assert "risk" in added.split() and "danger" in deleted.split()
    assert "defender of kulaks" not in added + deleted


def test_change_inside_a_citation_of_two_works(troubled):
    result, _, _, (added_notes, deleted_notes) = troubled
    for notes in (added_notes, deleted_notes):
        assert "Read" in notes and "Rieber" in notes
    assert ", 7;" in added_notes and ", 7;" not in deleted_notes
    read = next(change for change in result.summary["citations"] if change["work"] == "read2016")
    assert (read["added"], read["removed"]) == (["7"], [None])
    rieber = [change for change in result.summary["citations"] if change["work"] == "rieber2022"]
    assert rieber == []
    assert result.summary["markup"] == "underline"
