"""Bad input through the real command line: one clear line, a non-zero exit, no traceback.

Each case runs ``invoke`` from the repository root on a throwaway paper folder
and checks the message, the exit code, and that the folder is byte-for-byte
unchanged (a build or check never writes the author's files).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

ESSAY = '---\ntitle: "A Test"\n---\n\nHe wrote it (Smith, 2001, p. 4).\n'
SOURCES = "Smith, J. (2001). A Book about Things. Yale University Press.\n"


def invoke(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "invoke", *args]  # no reliance on a console-script shim
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_paper(folder: Path, essay: bytes | str | None = ESSAY, sources: str | None = SOURCES):
    folder.mkdir(parents=True)
    if essay is not None:
        data = essay if isinstance(essay, bytes) else essay.encode("utf-8")
        (folder / "essay.md").write_bytes(data)
    if sources is not None:
        (folder / "sources.txt").write_text(sources, encoding="utf-8")
    return folder


def assert_clean_failure(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Traceback" not in output
    assert "internal error" not in output
    message = proc.stderr.strip().splitlines()[-1]
    for fragment in fragments:
        assert fragment in message, message


CASES = {
    "missing essay": (
        dict(essay=None),
        ["input error: ", "essay.md: file not found"],
    ),
    "empty essay": (
        dict(essay=""),
        ["manuscript error: ", "essay.md: the essay is empty"],
    ),
    "no front matter": (
        dict(essay="Just text (Smith, 2001).\n"),
        ["manuscript error: ", "essay.md:1: no front matter"],
    ),
    "broken front matter": (
        dict(essay='---\ntitle: "A Test\nauthor: [Ann\n---\n\nText.\n'),
        ["manuscript error: ", "essay.md:", "front matter: "],
    ),
    "front matter without title": (
        dict(essay="---\nauthor: Ann\n---\n\nText.\n"),
        ["manuscript error: ", "essay.md: front matter: 'title:' is required"],
    ),
    "essay not UTF-8": (
        dict(essay=ESSAY.encode("utf-8") + b"\nCaf\xe9 au lait.\n"),
        ["input error: ", "essay.md:7: byte 0xe9 is not UTF-8"],
    ),
    "missing sources": (
        dict(sources=None),
        ["input error: ", "no sources.txt"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_paper_folder(tmp_path, case):
    files, fragments = CASES[case]
    paper = make_paper(tmp_path / "paper", **files)
    before = snapshot(paper)
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(tmp_path / "build"))
    assert_clean_failure(proc, *fragments)
    assert snapshot(paper) == before
    assert not (tmp_path / "build" / "paper.pdf").exists()


def test_sources_not_utf8(tmp_path):
    paper = make_paper(tmp_path / "paper")
    (paper / "sources.txt").write_bytes(SOURCES.encode() + b"Gr\xfcn, A. (1999). Titel. Verlag.\n")
    before = snapshot(paper)
    proc = invoke("check", "--paper", str(paper), "--build-dir", str(tmp_path / "build"))
    assert_clean_failure(proc, "input error: ", "sources.txt:2: ", "0xfc", "UTF-8")
    assert snapshot(paper) == before


def test_paper_folder_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere"
    proc = invoke("build", "--paper", str(missing), "--build-dir", str(tmp_path / "build"))
    assert_clean_failure(proc, f"input error: {missing}: paper folder does not exist")
    assert not missing.exists()


def test_unknown_profile(tmp_path):
    paper = make_paper(tmp_path / "paper")
    before = snapshot(paper)
    proc = invoke("build", "--paper", str(paper), "--profile", "poster")
    assert_clean_failure(proc, "input error: unknown profile 'poster'; choose one of: ", "journal")
    assert snapshot(paper) == before


def test_unknown_paper_size(tmp_path):
    paper = make_paper(tmp_path / "paper")
    proc = invoke("build", "--paper", str(paper), "--paper-size", "a5")
    assert_clean_failure(proc, "input error: unknown paper size 'a5'; choose a4 or letter")


def test_unknown_option_is_invokes_own_message():
    proc = invoke("build", "--colour", "red")
    assert_clean_failure(proc, "No idea what '--colour' is!")


def test_reference_line_that_cannot_be_parsed_is_a_warning(tmp_path):
    """One bad line in sources.txt is reported with its line; the rest of the list is used."""
    paper = make_paper(tmp_path / "paper", sources=SOURCES + "!!! ??? ,,,\n")
    before = snapshot(paper)
    proc = invoke("check", "--paper", str(paper), "--build-dir", str(tmp_path / "build"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{paper / 'sources.txt'}:2: warning: " in proc.stdout
    assert "1 citation, 0 unresolved" in proc.stdout  # Smith 2001 still resolves
    strict = invoke("check", "--strict", "--paper", str(paper), "--build-dir", str(tmp_path))
    assert_clean_failure(strict, "check error: --strict: 1 warning")
    assert snapshot(paper) == before
