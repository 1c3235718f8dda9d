"""invoke watch: which events rebuild, the debounce, the status line, and a short real watch."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchdog.events import (
    DirModifiedEvent,
    FileClosedNoWriteEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
)

from paperbuild import watch as watching
from paperbuild.errors import PaperError
from paperbuild.locations import TEMPLATE_DIR
from paperbuild.pipeline import BuildResult


def test_saving_an_input_triggers(tmp_path: Path):
    paper = tmp_path / "paper"
    assert watching.triggers(FileModifiedEvent(str(paper / "essay.md")), paper)
    assert watching.triggers(FileModifiedEvent(str(paper / "sources.txt")), paper)
    fixes = tmp_path / "bib" / "corrections.yaml"
    assert watching.triggers(FileModifiedEvent(str(fixes)), paper, [fixes])
    assert not watching.triggers(FileModifiedEvent(str(fixes)), paper)  # not named: not read
    assert watching.triggers(FileModifiedEvent(str(TEMPLATE_DIR / "base.tex.jinja")), paper)


def test_an_atomic_save_triggers_through_its_destination(tmp_path: Path):
    paper = tmp_path / "paper"
    event = FileMovedEvent(str(paper / ".essay.md.tmp"), str(paper / "essay.md"))
    assert watching.triggers(event, paper)


def test_reads_folders_debris_and_outputs_do_not_trigger(tmp_path: Path):
    paper = tmp_path / "paper"
    quiet = [
        FileOpenedEvent(str(paper / "essay.md")),
        FileClosedNoWriteEvent(str(paper / "essay.md")),
        DirModifiedEvent(str(paper)),
        FileModifiedEvent(str(paper / ".essay.md.swp")),
        FileModifiedEvent(str(paper / "essay.md~")),
        FileModifiedEvent(str(tmp_path / "build" / "paper.pdf")),
    ]
    assert not any(watching.triggers(event, paper) for event in quiet)


def test_a_burst_of_saves_builds_once_after_a_quiet_spell():
    debounce = watching.Debounce(quiet=0.3)
    assert debounce.wait(0.0) is None and not debounce.due(0.0)
    for moment in (1.0, 1.1, 1.2):
        debounce.note(moment)
    assert abs(debounce.wait(1.3) - 0.2) < 1e-9
    assert not debounce.due(1.4)
    assert debounce.due(1.5)
    assert not debounce.due(1.6)  # once per burst
    assert debounce.wait(1.6) is None


def test_status_lines():
    clock = iter([0.0, 1.25]).__next__
    built = BuildResult(Path("build/paper.pdf"), None, "", runs=("pdflatex",))
    assert watching.status_line(lambda: built, clock).endswith(
        "built   build/paper.pdf in 1.2 s (1 pass, no biber)"
    )
    unchanged = BuildResult(Path("build/paper.pdf"), None, "", up_to_date=True)
    assert watching.status_line(lambda: unchanged).endswith("up to date")

    def broken():
        raise PaperError("manuscript", "a numbered list is not supported", "paper/essay.md", 40)

    line = watching.status_line(broken)
    assert "failed  manuscript error: paper/essay.md:40: a numbered list is not supported" in line


def test_watch_rebuilds_after_a_save_and_stops(tmp_path: Path, monkeypatch):
    paper = tmp_path / "paper"
    paper.mkdir()
    essay = paper / "essay.md"
    essay.write_text("one")
    builds: list[str] = []

    def fake_build(paper_dir, build_dir, profile, paper_size, say, corrections=None):
        builds.append(essay.read_text())
        if builds[-1] == "broken":
            raise PaperError("manuscript", "no front matter", essay, 1)
        return BuildResult(build_dir / "paper.pdf", None, "", runs=("pdflatex",))

    monkeypatch.setattr(watching, "build", fake_build)
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watching.watch,
        args=(paper, tmp_path / "build"),
        kwargs={"say": lines.append, "stop": stop},
    )
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while len(builds) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        essay.write_text("broken")
        while len(builds) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        essay.write_text("two")
        while len(builds) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    assert builds[:3] == ["one", "broken", "two"]
    assert any("failed  manuscript error" in line for line in lines)
    assert " built   " in lines[-1]
