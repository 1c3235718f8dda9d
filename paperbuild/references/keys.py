"""Citation keys: family name + year, ASCII only, with a/b/c where two works collide."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from .names import Name

_CYRILLIC_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia"
#: Russian letters in the ASCII spelling keys use ("-" marks the signs, which are dropped).
CYRILLIC = {
    c: latin.strip("-")
    for c, latin in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _CYRILLIC_LATIN.split(), strict=True)
}
ARTICLES = frozenset(
    ["the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo"]
)


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'Broué' -> 'broue', 'Минаков' -> 'minakov'."""
    text = "".join(CYRILLIC.get(c, c) for c in text.lower())
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode())


def base_key(names: list[Name], title: str, date: str | None) -> str:
    year = (date or "")[:4] if date and date[:4].isdigit() else "nd"
    if names:
        first = names[0]
        if first.is_org:
            words = [fold(w) for w in re.split(r"[\s,]+", first.family) if fold(w)]
            stem = ""
            for w in words:
                stem += w
                if len(stem) >= 4:
                    break
        else:
            stem = fold(first.family)
    else:
        words = [w for w in re.split(r"\W+", title.lower()) if w]
        words = words[1:] if len(words) > 1 and words[0] in ARTICLES else words
        stem = fold(words[0]) if words else ""
    return (stem or "anon") + year


def assign_keys(items: list[tuple[str, object]]) -> list[str]:
    """Keys for (base, sort value) pairs; colliding bases all get a, b, c in sort order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (base, _) in enumerate(items):
        groups[base].append(i)
    keys = [base for base, _ in items]
    for base, members in groups.items():
        if len(members) > 1:
            members.sort(key=lambda i: (items[i][1], i))
            for n, i in enumerate(members):
                keys[i] = base + _suffix(n)
    return keys


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(97 + r) + letters
    return letters
