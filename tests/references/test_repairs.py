"""The labeller's slips of fixed shape, undone by rules before the spans are read.

Each case gives spans as a labeller might return them and the spans the rules make of
them; the strings are written for this test.
"""

from __future__ import annotations

import pytest

from paperbuild.references.interpret import repaired
from paperbuild.references.people import names_then_title

CASES = [
    (
        "volume-and-pages-read-into-the-date",
        [("journal", "Signal Letters,"), ("date", "7, 101-109, May 1988.")],
        [
            ("journal", "Signal Letters,"),
            ("volume", "7, "),
            ("pages", "101-109, "),
            ("date", "May 1988."),
        ],
    ),
    (
        "title-word-read-into-the-date",
        [("date", "(2004, May 3). 40"), ("title", "years of harbour trade.")],
        [("date", "(2004, May 3)."), ("title", "40 years of harbour trade.")],
    ),
    (
        "a-day-range-stays-in-the-date",
        [("title", "Harbour Days."), ("date", "12-14 May 1990.")],
        [("title", "Harbour Days."), ("date", "12-14 May 1990.")],
    ),
    (
        "book-after-a-quoted-title",
        [("author", "Holt, Maren,"), ("title", "‘Ports’, in Baltic Trade,"), ("date", "2011.")],
        [
            ("author", "Holt, Maren,"),
            ("title", "‘Ports’,"),
            ("container-title", "in Baltic Trade,"),
            ("date", "2011."),
        ],
    ),
]


@pytest.mark.parametrize(("spans", "fixed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repaired(spans, fixed):
    assert repaired(spans) == fixed


TITLE_STARTS = [
    ("names-then-a-title", "Le Goff, Jacques. Saint Louis.", 18),
    ("initials-then-a-title", "Smith, J. A History of Ports.", 10),
    ("a-whole-list-of-initials-has-no-title", "Masson, V. L., Petrov, M. S.", None),
]


@pytest.mark.parametrize(
    ("span", "start"), [c[1:] for c in TITLE_STARTS], ids=[c[0] for c in TITLE_STARTS]
)
def test_where_a_title_starts_in_a_span_of_people(span, start):
    assert names_then_title(span) == start
