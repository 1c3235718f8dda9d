"""``invoke diff`` on two commits of the seed essay, read back from the marked-up PDF.

The second commit rewords a paragraph, changes one citation's page, removes one
sentence and adds a source it cites; the diff is built once for the module.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, needs_tex
from gitrepo import commit, replace_once, seed_repository

from paperbuild.changes import ZOOM, coloured_text, hex_colour
from paperbuild.diff import build_diff
from paperbuild.latexdiff import ADDED_RGB, DELETED_RGB
from paperbuild.wordcount import FOOTNOTE_POINTS, TEX_POINT, words

pytestmark = [pytest.mark.slow, needs_tex]

OLD_PARAGRAPH = (
    "Historian Peter Whitewood, one of the few western historians who has done extensive "
    "historical research on the Stalin era Soviet military purges, explains how Cold-War era "
    "traditional accounts of the military purge rely on largely falsified evidence."
)
NEW_PARAGRAPH = "Whitewood’s archival study shows that older narratives rested upon forged papers."
REMOVED_SENTENCE = (
    " Sergei Minakov’s scholarship fleshes out this line of thinking by shedding light on "
    "the tense political struggle unfolding in the military elite."
)
ADDED_SENTENCE = " Conquest long ago reached a similar verdict (Conquest, 1990, p. 201)."
ADDED_SOURCE = "Conquest, R. (1990). The Great Terror: A Reassessment. Oxford University Press.\n"


def revise(repo: Path) -> None:
    essay = repo / "paper" / "essay.md"
    replace_once(essay, OLD_PARAGRAPH, NEW_PARAGRAPH)
    replace_once(essay, "(Roberts, 2006, p.19)", "(Roberts, 2006, p. 20)")
    replace_once(essay, REMOVED_SENTENCE, "")
    replace_once(
        essay, "For Stalin, that was enough.", "For Stalin, that was enough." + ADDED_SENTENCE
    )
    with (repo / "paper" / "sources.txt").open("a", encoding="utf-8") as sources:
        sources.write(ADDED_SOURCE)
    commit(repo, "revised after review")


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    repo = seed_repository(tmp_path_factory.mktemp("diff") / "repo")
    revise(repo)
    said: list[str] = []
    result = build_diff(
        repo / "paper", repo / "build", "manuscript", None, "HEAD~1", "HEAD", said.append
    )
    return repo, result, said


def marked(pdf: Path, rgb: tuple[float, ...], notes: bool) -> str:
    """The text set in ``rgb``: in the notes (footnote size) or elsewhere."""
    note_size = FOOTNOTE_POINTS["12pt"] * TEX_POINT * ZOOM
    return " ".join(
        text
        for text, colour, size in coloured_text(pdf)
        if colour == hex_colour(rgb) and (abs(size - note_size) < 0.6) == notes
    )


def test_pdf_is_named_by_profile_and_built_with_underlines(revised):
    repo, result, said = revised
    assert result.output == repo / "build" / "paper-manuscript-diff.pdf"
    assert result.summary["markup"] == "underline"
    assert not any("falling back" in line for line in said)


def test_reworded_paragraph_is_struck_and_replaced(revised):
    _, result, _ = revised
    pdf = result.output
    added, deleted = marked(pdf, ADDED_RGB, False), marked(pdf, DELETED_RGB, False)
    assert "Whitewood’s archival study shows that older narratives" in added
    assert "one of the few western historians who has done extensive" in deleted


def test_removed_sentence_is_struck(revised):
    _, result, _ = revised
    deleted = " ".join(marked(result.output, DELETED_RGB, False).split())
    assert "Sergei Minakov’s scholarship fleshes out this line of thinking" in deleted
    assert "the tense political struggle unfolding in the military elite." in deleted


def test_changed_page_shows_as_changed_note(revised):
    _, result, _ = revised
    deleted_notes = marked(result.output, DELETED_RGB, True)
    added_notes = marked(result.output, ADDED_RGB, True)
    assert "Roberts" in deleted_notes and "19." in deleted_notes
    assert "Roberts" in added_notes and "20." in added_notes
    assert "20." not in words(deleted_notes) and "19." not in words(added_notes)


def test_new_source_cited_in_a_note_and_marked_in_the_bibliography(revised):
    _, result, _ = revised
    added_notes = marked(result.output, ADDED_RGB, True)
    assert "R. Conquest" in added_notes and "The Great Terror" in added_notes
    assert "201." in added_notes
    layout = subprocess.run(
        ["pdftotext", "-layout", str(result.output), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entry = [line for line in layout.splitlines() if "Conquest, R." in line]
    assert len(entry) == 1 and entry[0].split()[0] == "added"
    assert "Conquest, R." in marked(result.output, ADDED_RGB, False)


def test_nothing_else_is_marked(revised):
    _, result, _ = revised
    body = marked(result.output, ADDED_RGB, False) + " " + marked(result.output, DELETED_RGB, False)
    changed = [OLD_PARAGRAPH, NEW_PARAGRAPH, REMOVED_SENTENCE, ADDED_SENTENCE]
    source = "added Conquest, R. The Great Terror: A Reassessment. Oxford University Press, 1990."
    allowed = set(bare_words(" ".join([*changed, source])))
    shown = [word for word in bare_words(body) if not word.isdigit()]  # digits: note marks
    assert shown and set(shown) <= allowed


def bare_words(text: str) -> list[str]:
    """Words without the punctuation around them, hyphenated ones apart: runs of
    coloured text may split a word from its full stop."""
    return [word.strip(".,;:()“”‘’") for word in words(text.replace("-", " "))]


def test_summary_counts_exactly_the_revision(revised):
    _, result, _ = revised
    summary = result.summary
    text = summary["words"]["text"]
    assert text["removed"] == len(words(OLD_PARAGRAPH)) + len(words(REMOVED_SENTENCE))
    assert text["added"] == len(words(NEW_PARAGRAPH)) + len(
        words("Conquest long ago reached a similar verdict.")
    )
    notes = summary["words"]["notes"]
    assert notes["removed"] == len(words("Roberts, Stalin’s Wars, 19."))
    conquest = "R. Conquest, The Great Terror: A Reassessment (Oxford University Press, 1990), 201."
    assert notes["added"] == len(words("Roberts, 20.")) + len(words(conquest))
    assert summary["citations"] == [
        {"work": "conquest1990", "cited_as": "Conquest 1990", "added": ["201"], "removed": []},
        {"work": "roberts2006", "cited_as": "Roberts 2006", "added": ["20"], "removed": ["19"]},
    ]
    assert summary["sources"] == {"added": ["conquest1990"], "removed": []}
    assert summary["unresolved"] == []
    assert (summary["from"], summary["to"]) == ("HEAD~1", "HEAD")


def test_cli_json_and_up_to_date(revised):
    """Through the real command line: nothing changed since the fixture's diff, so it
    is up to date; stdout is the JSON summary, then the PDF's path on the last line."""
    repo, result, _ = revised
    command = [sys.executable, "-m", "invoke", "-r", str(REPO), "diff", "--from", "HEAD~1"]
    command += ["--to", "HEAD", "--json"]
    proc = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True)
    *summary, last = proc.stdout.rstrip("\n").split("\n")
    assert last == "build/paper-manuscript-diff.pdf"
    assert json.loads("\n".join(summary)) == {"pdf": last, **result.summary}
    assert "up to date" in proc.stderr
