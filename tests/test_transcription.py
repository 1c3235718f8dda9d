"""paper/essay.md must be the author's text, word for word and mark for mark.

The only tests that need the original seed, which lives beside the repository
(``../shared/seed``), not in it: on a plain clone they skip and say so, also in CI.
Every other test of the essay reads the repository's own ``paper/``.
"""

from __future__ import annotations

import pytest
from conftest import REPO, SEED

from paperbuild.frontmatter import FRONT_MATTER

pytestmark = [
    pytest.mark.optional_in_ci,
    pytest.mark.skipif(
        not SEED.exists(),
        reason=f"the original seed is not at {SEED} (outside the repository), so paper/ "
        "cannot be compared with it",
    ),
]


def test_essay_md_is_the_seed_text_with_only_markdown_added():
    seed = SEED.read_text(encoding="utf-8").split("Sources:")[0].split("\n")
    body = FRONT_MATTER.sub("", (REPO / "paper" / "essay.md").read_text(encoding="utf-8"))
    lines = [line for line in body.split("\n") if line]
    unmarked = [line.removeprefix("## ").removeprefix("> ") for line in lines]
    assert unmarked == [line for line in seed if line]
    assert sum(line.startswith("> ") for line in lines) == 16
    assert sum(line.startswith("## ") for line in lines) == 2


def test_sources_txt_is_the_seed_list_line_for_line():
    seed = SEED.read_text(encoding="utf-8").split("Sources:\n")[1]
    expected = [line for line in seed.split("\n") if line.strip()]
    sources = (REPO / "paper" / "sources.txt").read_text(encoding="utf-8").split("\n")
    assert [line for line in sources if line.strip()] == expected
