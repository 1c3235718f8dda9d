"""Labelled spans, as the labeller hands them to the repairs: (label, text) in reading order."""

from __future__ import annotations

from collections.abc import Callable

Span = tuple[str, str]
#: A repair of two neighbouring spans: what to put in their place, or None to leave them.
PairFix = Callable[[Span, Span], list[Span] | None]


def fix_first_pair(spans: list[Span], fix: PairFix) -> list[Span]:
    """The spans with the first neighbouring pair that ``fix`` rewrites, rewritten."""
    for i in range(len(spans) - 1):
        fixed = fix(spans[i], spans[i + 1])
        if fixed is not None:
            return [*spans[:i], *fixed, *spans[i + 2 :]]
    return list(spans)
