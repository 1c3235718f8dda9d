"""``invoke watch``: rebuild on every save of the essay, its sources or the templates.

Which paths count (the build's own inputs, see paperbuild.incremental) and
when to build (after a quiet spell, since an editor's save is a burst of
events) are plain functions; watchdog only feeds them events. A PaperError
prints its one line and watching goes on.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .errors import PaperError
from .incremental import is_input
from .locations import TEMPLATE_DIR, outside_inputs
from .pipeline import BuildResult, build, describe_runs

QUIET = 0.05  # seconds without events before a build starts: an editor saves in a few ms


def watched_folders(paper_dir: Path, outside: list[Path]) -> list[Path]:
    """The folders whose files the build reads (templates recursively, see ``is_input``):
    the paper folder, those of the ``outside`` inputs it uses, the templates."""
    folders = [paper_dir, *dict.fromkeys(path.parent for path in outside), TEMPLATE_DIR]
    return [folder for folder in folders if folder.is_dir()]


def event_paths(event: FileSystemEvent) -> list[Path]:
    """Both ends of a move: an editor's atomic save renames a temporary file onto the essay."""
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return [Path(p.decode() if isinstance(p, bytes) else p) for p in paths if p]


def triggers(event: FileSystemEvent, paper_dir: Path, outside: list[Path] = ()) -> bool:
    """Whether the event touched an input of the build (opening or reading a file does not);
    ``outside``: the inputs outside the paper folder, see ``locations.outside_inputs``."""
    if event.is_directory or event.event_type in ("opened", "closed_no_write"):
        return False
    return any(is_input(path, paper_dir, outside) for path in event_paths(event))


@dataclass
class Debounce:
    """Wait until events stop for ``quiet`` seconds, then build once for the whole burst."""

    quiet: float = QUIET
    last: float | None = None

    def note(self, now: float) -> None:
        self.last = now

    def wait(self, now: float) -> float | None:
        """Seconds until a build is due; None when nothing is pending."""
        return None if self.last is None else max(0.0, self.last + self.quiet - now)

    def due(self, now: float) -> bool:
        if self.last is None or now - self.last < self.quiet:
            return False
        self.last = None
        return True


def status_line(build_once: Callable[[], BuildResult], clock=time.perf_counter) -> str:
    """One line per build: when, what came out or what went wrong, how long and which passes."""
    start = clock()
    stamp = time.strftime("%H:%M:%S")
    try:
        result = build_once()
    except PaperError as err:
        return f"{stamp} failed  {err}"
    if result.up_to_date:
        return f"{stamp} up to date"
    took = f"{clock() - start:.1f} s ({describe_runs(result.runs)})"
    return f"{stamp} built   {result.output} in {took}"


class _Events(FileSystemEventHandler):
    def __init__(self, paper_dir: Path, outside: list[Path], arrivals: queue.SimpleQueue):
        self.paper_dir = paper_dir
        self.outside = outside
        self.arrivals = arrivals

    def on_any_event(self, event: FileSystemEvent) -> None:
        if triggers(event, self.paper_dir, self.outside):
            self.arrivals.put(time.monotonic())


def watch(
    paper_dir: Path,
    build_dir: Path,
    profile: str = "journal",
    paper_size: str | None = None,
    say: Callable[[str], None] = print,
    stop: threading.Event | None = None,
    corrections: Path | None = None,
) -> None:
    """Build now, then again after every burst of saves, until ``stop`` is set or Ctrl-C."""
    stop = stop or threading.Event()

    def build_once() -> BuildResult:
        return build(
            paper_dir, build_dir, profile, paper_size, lambda _: None, corrections=corrections
        )

    arrivals: queue.SimpleQueue = queue.SimpleQueue()
    observer = Observer()
    outside = outside_inputs(paper_dir, corrections)
    handler = _Events(paper_dir, outside, arrivals)
    folders = watched_folders(paper_dir, outside)
    for folder in folders:
        observer.schedule(handler, str(folder), recursive=folder == TEMPLATE_DIR)
    observer.start()
    say(f"watching  {', '.join(str(f) for f in folders)} (Ctrl-C stops)")
    try:
        say(status_line(build_once))
        debounce = Debounce()
        while not stop.is_set():
            pending = debounce.wait(time.monotonic())
            with contextlib.suppress(queue.Empty):
                debounce.note(arrivals.get(timeout=0.2 if pending is None else pending))
            if debounce.due(time.monotonic()):
                say(status_line(build_once))
    except KeyboardInterrupt:
        say("stopped   (the last good PDF is in place)")  # Ctrl-C is how one stops watching
    finally:
        observer.stop()
        observer.join()
