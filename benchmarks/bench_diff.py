"""Time ``invoke diff`` on two commits of the seed essay, against a cold build in the same run.

In a temporary git repository holding a copy of the paper: the first commit is
the seed; the working tree then rewords a paragraph, changes a page, removes a
sentence and cites a new source. Timed, each as a ratio to a cold manuscript
build of the revised paper measured in this run: a cold diff (fresh build
folder), a diff with nothing changed, and a diff after a one-word edit.
Run: ``invoke bench --diff``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import one_word_edit, quiet, timed  # noqa: E402

from paperbuild.diff import build_diff  # noqa: E402
from paperbuild.pipeline import build  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EDITS = (
    ("(Roberts, 2006, p.19)", "(Roberts, 2006, p. 20)"),
    (
        "Historian Peter Whitewood, one of the few western historians who has done extensive",
        "Peter Whitewood, among the few Western historians to have done extensive",
    ),
    (" Sergei Minakov’s scholarship fleshes out this line of thinking by shedding light on "
     "the tense political struggle unfolding in the military elite.", ""),
    ("For Stalin, that was enough.",
     "For Stalin, that was enough. Conquest reached a similar verdict (Conquest, 1990, p. 201)."),
)  # fmt: skip
SOURCE = "Conquest, R. (1990). The Great Terror: A Reassessment. Oxford University Press.\n"


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def revised_repository(tmp: Path) -> Path:
    repo = tmp / "repo"
    shutil.copytree(REPO / "paper", repo / "paper")
    shutil.copytree(REPO / "bib", repo / "bib")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "submitted")
    essay = repo / "paper" / "essay.md"
    text = essay.read_text(encoding="utf-8")
    for old, new in EDITS:
        text = text.replace(old, new, 1)
    essay.write_text(text, encoding="utf-8")
    with (repo / "paper" / "sources.txt").open("a", encoding="utf-8") as sources:
        sources.write(SOURCE)
    return repo


def main() -> dict[str, float]:
    """Print the figures and return them (seconds)."""
    with tempfile.TemporaryDirectory(prefix="paperbuild-bench-diff-") as tmp:
        repo = revised_repository(Path(tmp))
        paper = repo / "paper"

        def diff(build_dir: str):
            return build_diff(paper, repo / build_dir, "manuscript", None, "HEAD", None, quiet)

        figures: dict[str, float] = {}
        figures["build"], _ = timed(
            lambda: build(paper, repo / "reference", "manuscript", say=quiet)
        )
        figures["cold"], _ = timed(lambda: diff("build"))
        figures["noop"], again = timed(lambda: diff("build"))
        assert again.up_to_date, "a diff with nothing changed did not say 'up to date'"
        essay = paper / "essay.md"
        essay.write_text(one_word_edit(essay.read_text(encoding="utf-8")), encoding="utf-8")
        figures["edit"], _ = timed(lambda: diff("build"))
    report(figures)
    return figures


def report(figures: dict[str, float]) -> None:
    base = figures["build"]
    print("seed essay, revised; each time as a ratio to a cold manuscript build in this run:")
    rows = [
        ("cold manuscript build (reference)", "build"),
        ("cold diff, fresh build folder", "cold"),
        ("diff, nothing changed", "noop"),
        ("diff after a one-word edit", "edit"),
    ]
    for label, key in rows:
        print(f"  {label:36} {figures[key]:6.2f} s  {figures[key] / base:.2f}")


if __name__ == "__main__":
    main()
