"""A Sources list's own marks around its references: headings, bullets, repeat dashes."""

from __future__ import annotations

import pytest

from paperbuild.references import normalise_sources
from paperbuild.references.listing import is_heading, repeats_the_author, without_marker


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Primary Sources", True),
        ("## Archival sources:", True),
        ("Secondary Literature", True),
        ("Newspapers and Periodicals", True),
        ("Conquest, Robert. The Great Terror. London: Macmillan, 1968.", False),
        ("Memorial. Victims of Political Terror. n.d.", False),  # a stop: a sentence
        ("Works by the Commissariat of Defence in the Years of the Great Purge", False),  # long
    ],
    ids=lambda value: str(value)[:30],
)
def test_a_heading_is_a_few_words_with_no_digit_and_no_stop(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        ("• Conquest, Robert. The Great Terror.", "Conquest, Robert. The Great Terror."),
        ("- Getty, J. Arch. Origins.", "Getty, J. Arch. Origins."),
        ("12. Viola, Lynne. Peasant Rebels.", "Viola, Lynne. Peasant Rebels."),
        ("[3] Viola, Lynne. Peasant Rebels.", "Viola, Lynne. Peasant Rebels."),
        ("1984. Orwell's year in review.", "1984. Orwell's year in review."),  # a year stays
        ("———. Stalin: Breaker of Nations.", "———. Stalin: Breaker of Nations."),
    ],
    ids=["bullet", "hyphen", "number", "bracketed-number", "year-is-no-number", "repeat-dash"],
)
def test_bullets_and_numbers_come_off(line, reference):
    assert without_marker(line) == reference


@pytest.mark.parametrize(
    ("line", "repeats"),
    [("———. Stalin.", True), ("---, ed. Papers.", True), ("______. Glossa.", True),
     ("— . Shadows.", True), ("Conquest, Robert.", False), ("–1937: a year.", False)],
)  # fmt: skip
def test_the_repeat_dash(line, repeats):
    assert repeats_the_author(line) is repeats


def test_a_grouped_bulleted_list_reads_as_its_references(tmp_path):
    """Headings skipped, bullets off, and the dash given the author above it (CMOS 14.67)."""
    sources = tmp_path / "sources.txt"
    sources.write_text(
        "Works Cited\n\nPrimary Sources\n"
        "1. Trotsky, Leon. The Revolution Betrayed. New York: Doubleday, 1937.\n\n"
        "Secondary Sources\n"
        "• Conquest, Robert. The Great Terror: A Reassessment. New York: Oxford University "
        "Press, 1990.\n"
        "• ———. Stalin: Breaker of Nations. New York: Viking, 1991.\n",
        encoding="utf-8",
    )
    normalised = normalise_sources(sources)
    entries = normalised.bibliography.entries
    assert sorted(entries) == ["conquest1990", "conquest1991", "trotsky1937"]
    assert [str(p) for p in entries["conquest1991"].persons["author"]] == ["Conquest, Robert"]
    assert normalised.source_lines["conquest1991"] == 8  # the line as the file numbers it
    assert not [p for p in normalised.problems if p.severity != "info"]


BROKEN_LIST = """\
Conquest, Robert. The Great Terror: A Reassessment. New York: Oxford
    University Press, 1990.
Getty, J. Arch, and Oleg V. Naumov. The Road to Terror: Stalin and the
Self-Destruction of the Bolsheviks, 1932–1939. New Haven: Yale University Press, 1999.
Harris, James. The Great Fear: Stalin's Terror of
the 1930s. Oxford: Oxford University Press, 2016.
Khlevniuk, Oleg V. Master of the House. New Haven: Yale University Press, 2009.
Viola, Lynne. “The Peasant Nightmare.” Journal of Modern History 62, no. 4 (1990): 747–70.
"""


def test_a_reference_broken_over_lines_is_read_whole(tmp_path):
    """A hanging indent, or a line stopping on "the" or "of", goes on; a line that opens
    as references do ("Khlevniuk, Oleg V.") starts the next, whatever the line before."""
    sources = tmp_path / "sources.txt"
    sources.write_text(BROKEN_LIST, encoding="utf-8")
    normalised = normalise_sources(sources)
    assert normalised.source_lines == {
        "conquest1990": 1,
        "getty1999": 3,
        "harris2016": 5,
        "khlevniuk2009": 7,
        "viola1990": 8,
    }
    entries = normalised.bibliography.entries
    assert entries["conquest1990"].fields["publisher"] == "Oxford University Press"
    assert entries["getty1999"].fields["subtitle"].endswith("{Bolsheviks}, 1932–1939")
    assert entries["harris2016"].fields["subtitle"] == "Stalin's {Terror} of the 1930s"
