"""Word-level differences as a reviewer reads them, for the revision summary and Word's marks.

difflib finds the longest matching runs; as latexdiff does (its MINWORDSBLOCK),
one or two unchanged words between two changes then belong to the change, so
"was an obstacle" -> "stood in the way" is one change of three words for four,
not two changes around a kept "the".
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher

MIN_KEPT_WORDS = 3  # fewer unchanged words between two changes belong to the change

#: ("equal" or "replace", old start, old end, new start, new end), as difflib's opcodes.
Opcode = tuple[str, int, int, int, int]


def coarse_opcodes(
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    keeps: Callable[[int, int], bool] = lambda start, end: end - start >= MIN_KEPT_WORDS,
) -> list[Opcode]:
    """difflib's opcodes of ``old`` against ``new`` with every change a "replace" (either side
    may be empty), and an unchanged run between two changes joined to them unless
    ``keeps(old_start, old_end)`` says it stands on its own (by default: three words)."""
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    coarse: list[Opcode] = []
    for index, (tag, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        inside = 0 < index < len(opcodes) - 1
        if tag == "equal" and (not inside or keeps(old_start, old_end)):
            coarse.append(("equal", old_start, old_end, new_start, new_end))
        elif coarse and coarse[-1][0] == "replace":
            _, first_old, _, first_new, _ = coarse.pop()
            coarse.append(("replace", first_old, old_end, first_new, new_end))
        else:
            coarse.append(("replace", old_start, old_end, new_start, new_end))
    return coarse


def heaviest_chain(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Of ``pairs`` (old place, new place, weight), those in order in both sequences whose
    weights add up most, in order: a heaviest common subsequence, found with a Fenwick
    tree of the best chain ending before each new place, in O(pairs log places)."""
    ordered = sorted(pairs, key=lambda pair: (pair[0], -pair[1]))  # one old place: one pair
    width = max((new for _, new, _ in ordered), default=0) + 1
    tree = [(0, -1)] * (width + 1)  # (total weight, index in ordered) of the best chain
    chains: list[tuple[int, int]] = []  # each pair's best total and the pair before it
    for index, (_, new, weight) in enumerate(ordered):
        best, before = 0, -1
        position = new  # the best chain ending at a new place before this one
        while position > 0:
            if tree[position][0] > best:
                best, before = tree[position]
            position -= position & -position
        chains.append((best + weight, before))
        position = new + 1
        while position <= width:
            if tree[position][0] < best + weight:
                tree[position] = (best + weight, index)
            position += position & -position
    last = max(range(len(ordered)), key=lambda index: chains[index][0], default=-1)
    found: list[tuple[int, int]] = []
    while last >= 0:
        found.append(ordered[last][:2])
        last = chains[last][1]
    return found[::-1]
