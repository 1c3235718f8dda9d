"""Golden files: compare rendered LaTeX with a reviewed copy under tests/golden/.

Regenerate with ``UPDATE_GOLDEN=1 pytest``, then review the diff before committing. In
that mode nothing is compared (the file is what was just written), so no test passes:
one whose file changed fails, naming it, and one whose file was already right skips.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        if changed:
            pytest.fail(f"golden file {path} regenerated: review its diff, then run without "
                        "UPDATE_GOLDEN", pytrace=False)  # fmt: skip
        pytest.skip(f"UPDATE_GOLDEN: golden file {path} was already up to date")
    assert path.exists(), f"no golden file {name}; write it with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; UPDATE_GOLDEN=1 to review"
