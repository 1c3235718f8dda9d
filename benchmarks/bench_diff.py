"""Time ``invoke diff`` on two commits of the seed essay, against a cold build in the same run.

In a temporary git repository holding a copy of the paper: the first commit is
the seed; the working tree then rewords a paragraph, changes a page, removes a
sentence and cites a new source. Timed, each as a ratio to a cold manuscript
build of the revised paper measured in this run: a cold diff (fresh build
folder), a diff with nothing changed, and a diff after a one-word edit. The same
for the Word diff (``--format docx``), against a cold Word build. Then the
merge of two Word versions alone (paperbuild.docx.tracked, no pandoc) on a
manuscript generated from the seed as ``invoke bench`` makes it, at 10,000, 50,000
and 100,000 words, one paragraph in ten edited and one moved: per 10,000 words.
Run: ``invoke bench --diff``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import SCALE, generate, one_word_edit, quiet, timed  # noqa: E402

from paperbuild.diff import build_diff  # noqa: E402
from paperbuild.docx.layout import word_layout  # noqa: E402
from paperbuild.docx.pandoc import api_version  # noqa: E402
from paperbuild.docx.pandoc_json import pandoc_document  # noqa: E402
from paperbuild.docx.tracked import Reviser, merge_documents  # noqa: E402
from paperbuild.paper import load_paper  # noqa: E402
from paperbuild.pipeline import build  # noqa: E402
from paperbuild.profiles import get_profile  # noqa: E402
from paperbuild.stages import analyse  # noqa: E402

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
THE = re.compile(r"\bthe\b")
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

        def diff(build_dir: str, to: str = "pdf"):
            return build_diff(paper, repo / build_dir, "manuscript", None, "HEAD", None, quiet, to)

        figures: dict[str, float] = {}
        figures["build"], _ = timed(
            lambda: build(paper, repo / "reference", "manuscript", say=quiet)
        )
        figures["word_build"], _ = timed(
            lambda: build(paper, repo / "reference", "manuscript", say=quiet, to="docx")
        )
        for prefix, to in (("", "pdf"), ("word_", "docx")):
            figures[f"{prefix}cold"], _ = timed(partial(diff, "build", to))
            figures[f"{prefix}noop"], again = timed(partial(diff, "build", to))
            assert again.up_to_date, "a diff with nothing changed did not say 'up to date'"
        essay = paper / "essay.md"
        essay.write_text(one_word_edit(essay.read_text(encoding="utf-8")), encoding="utf-8")
        figures["edit"], _ = timed(lambda: diff("build"))
        figures["word_edit"], _ = timed(lambda: diff("build", "docx"))
        report(figures)
        for words, citations in SCALE:
            figures[f"merge{words}"] = merge_figure(words, citations, Path(tmp))
    return figures


def report(figures: dict[str, float]) -> None:
    for prefix, name in (("", "PDF"), ("word_", "Word")):
        base = figures[f"{prefix}build"]
        print(f"seed essay, revised, {name}; each time as a ratio to a cold {name} build:")
        rows = [
            (f"cold manuscript {name} build (reference)", "build"),
            ("cold diff, fresh build folder", "cold"),
            ("diff, nothing changed", "noop"),
            ("diff after a one-word edit", "edit"),
        ]
        for label, key in rows:
            seconds = figures[prefix + key]
            print(f"  {label:38} {seconds:6.2f} s  {seconds / base:.2f}")


def merge_figure(words: int, citations: int, tmp: Path) -> float:
    """Seconds per 10,000 words to merge two versions of a generated manuscript for Word,
    one paragraph in ten edited and one moved (their documents made beforehand)."""
    folder = tmp / f"scale-{words}"
    generate(REPO / "paper", words, citations, folder)
    layout = word_layout(get_profile("manuscript").settings)
    old = pandoc_document(analyse(load_paper(folder)).placed, layout, api_version())
    paragraphs = (folder / "essay.md").read_text(encoding="utf-8").split("\n")
    for index in range(10, len(paragraphs), 10):
        paragraphs[index] = THE.sub("a", paragraphs[index], count=1)
    paragraphs.insert(5, paragraphs.pop(len(paragraphs) // 2))
    (folder / "essay.md").write_text("\n".join(paragraphs), encoding="utf-8")
    new = pandoc_document(analyse(load_paper(folder)).placed, layout, api_version())
    seconds, _ = timed(lambda: merge_documents(old, new, Reviser("bench", "2026-01-01T00:00:00Z")))
    per = seconds / words * 10_000
    print(f"merge {words:7,} words: {seconds:5.2f} s; {per:.2f} s per 10,000 words")
    return per


if __name__ == "__main__":
    main()
