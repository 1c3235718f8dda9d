"""In CI a skipped test fails, unless it is marked ``optional_in_ci`` (see conftest.py).

Runs pytest on a tiny suite that uses the repository's own conftest.py, with and
without the ``CI`` variable that ``.ci/run`` sets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SUITE = """
import pytest

def test_needs_a_tool():
    pytest.skip("the tool is not installed")

@pytest.mark.optional_in_ci
def test_needs_a_file_beside_the_repository():
    pytest.skip("the file is not there")

@pytest.mark.xfail(reason="a known bug")
def test_known_bug():
    assert False

def test_runs():
    assert True
"""
INI = "[pytest]\nmarkers =\n    optional_in_ci: may skip in CI\n"
OUTCOMES = {
    "in CI": ({"CI": "1"}, "1 failed, 1 passed, 1 skipped, 1 xfailed"),
    "elsewhere": ({}, "1 passed, 2 skipped, 1 xfailed"),
}


@pytest.mark.parametrize("where", OUTCOMES)
def test_a_skip_fails_only_in_ci_and_only_if_not_optional(tmp_path: Path, where):
    shutil.copy(REPO / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_suite.py").write_text(SUITE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(INI, encoding="utf-8")
    variables, summary = OUTCOMES[where]
    env = {key: value for key, value in os.environ.items() if key != "CI"} | variables
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert summary in proc.stdout, proc.stdout
    if variables:
        assert "skipped in CI, where this test must run: the tool is not installed" in proc.stdout
