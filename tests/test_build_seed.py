"""The real essay through the real TeX Live, read back as a reader would see it."""

from __future__ import annotations

import difflib
import re
import subprocess

import pytest
from conftest import REPO, needs_tex

from paperbuild.document import Note, inlines, paragraphs, text_runs
from paperbuild.pipeline import build

pytestmark = [pytest.mark.slow, needs_tex]
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("build")
    result = build(REPO / "paper", build_dir, say=lambda line: None)
    text = subprocess.run(
        ["pdftotext", str(result.output), "-"], capture_output=True, text=True, check=True
    ).stdout
    return result, text


def words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in WORD.findall(text)]


def pdf_words(text: str, vocabulary: set[str]) -> list[str]:
    """Words of pdftotext output, rejoining words TeX hyphenated at a line's end."""
    text = re.sub(
        r"([^\W\d_]+)-\n([^\W\d_]+)",
        lambda m: m[1] + m[2] if (m[1] + m[2]).casefold() in vocabulary else m[0],
        text,
    )
    return words(text)


def test_pdf_holds_every_paragraph_in_order(seed_build):
    result, text = seed_build
    placed = result.analysis.placed
    essay = words(" ".join(run.text for run in text_runs(placed)))
    shown = pdf_words(text, set(essay))
    matcher = difflib.SequenceMatcher(None, essay, shown, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    assert len(essay) > 5000
    assert in_order / len(essay) >= 0.995


def test_one_footnote_per_note_in_order(seed_build):
    result, text = seed_build
    placed = result.analysis.placed
    notes = [
        item for p in paragraphs(placed) for item in inlines(p.inlines) if isinstance(item, Note)
    ]
    numbers = [int(n) for n in re.findall(r"^(\d+)\. \S", text, re.M)]
    assert numbers == list(range(1, len(notes) + 1))
    # 67 citation groups, 66 notes: on essay line 70, "Whitewood (2015) writes that … and,
    # additionally, David R Stone (1996) further adds that “… too far.”" both narrative
    # citations end their clause at "far.”", so they share one note.
    assert len(result.analysis.resolution.citations) == 67
    assert len(notes) == 66
    [shared] = [note for note in notes if len(note.citations) > 1]
    assert shared.line == 70
    assert [c.text for c in shared.citations] == ["Whitewood (2015)", "Stone (1996)"]


def test_first_note_is_full_and_later_ones_short(seed_build):
    _, text = seed_build
    first = r"^1\. V\. Rogovin, 1937: Stalin’s Year of Terror \(Mehring Books, 1998\), 482\.$"
    assert re.search(first, text, re.M)
    whitewood = [line for line in text.splitlines() if re.match(r"\d+\. (P\. )?Whitewood", line)]
    assert whitewood[0].startswith("2. P. Whitewood, The Red Army and the Great Terror")
    assert any(re.fullmatch(r"\d+\. Whitewood, Red Army, 110\.", line)  # short title, CMOS 14.30
               for line in whitewood)  # fmt: skip


def test_note_marks_follow_punctuation_and_quotes(seed_build):
    _, text = seed_build
    flat = " ".join(text.split())
    assert "anti-Stalinist activity”.1 This requires" in flat  # after the closing quote
    assert "a state of disarray.4" in flat  # after the full stop
    assert "found to support the story2" in flat  # a block quote's closing citation
    assert "Roberts writes that Stalin’s" in flat  # narrative: name stays, year goes
    assert "the Soviet system[.]”3 As we will see" in flat  # its note ends the sentence
    assert "(Whitewood" not in flat.split("Bibliography")[0]


def test_unresolved_citation_is_visibly_marked(seed_build):
    result, text = seed_build
    assert "[?? Kotkin, 2017: not in the sources]" in text
    assert [(u.item.author, u.item.year) for u in result.analysis.resolution.unresolved] == [
        ("Kotkin", "2017")
    ]


def test_bibliography_lists_every_source_in_alphabetical_order(seed_build):
    result, text = seed_build
    printed = re.sub(r"(\w)-\n(?=[a-z])", r"\1", text.split("\nBibliography\n")[-1])
    unquoted = re.sub("[“”‘’']", "", printed)  # \\mkbibquote prints quotes the field lacks
    bibliography = " ".join(unquoted.split())
    found = []
    for key, entry in result.analysis.paper.bibliography.entries.items():
        title = entry.fields["title"] + (
            ": " + entry.fields["subtitle"] if "subtitle" in entry.fields else ""
        )
        opening = " ".join(re.sub(r"\\mkbibquote\s*|[{}“”‘’']", "", title).split()[:6])
        assert opening in bibliography, key
        found.append((bibliography.index(opening), entry.persons["author"][0].last_names[0]))
    families = [family for _, family in sorted(found)]
    assert families == sorted(families)
