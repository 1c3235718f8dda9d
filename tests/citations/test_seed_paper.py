"""The project's own paper, analysed without TeX: every citation found and resolved."""

from __future__ import annotations

from conftest import REPO

from paperbuild.paper import load_paper
from paperbuild.stages import analyse


def test_seed_paper_has_67_citation_groups_69_items_and_only_kotkin_2017_unresolved():
    analysis = analyse(load_paper(REPO / "paper"))
    assert len(analysis.resolution.citations) == 67
    assert sum(len(c.items) for c in analysis.resolution.citations) == 69
    assert [(u.item.author, u.item.year) for u in analysis.resolution.unresolved] == [
        ("Kotkin", "2017")
    ]
