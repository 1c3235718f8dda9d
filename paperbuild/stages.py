"""The stages of one build, each handing plain data to the next; nothing reaches back.

read (paper folder) -> cite (recognise, resolve, place) -> render (Jinja)
-> compile (pdflatex, biber) -> publish (atomic move into build/).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .booklet import booklet_profile, impose
from .citations.model import Resolution
from .citations.place import place_notes
from .citations.resolve import known_families, resolve
from .citations.scan import by_run, scan_document
from .document import Document
from .files import publish, write_text
from .incremental import work_dir
from .latex.render import Rendered, render_document
from .paper import Paper, load_paper
from .pipeline import BuildResult, describe_runs
from .preamble import compile_fast
from .problems import Problem
from .profiles import Profile, get_profile

JOBNAME = "paper"
BIB_NAME = "references.bib"
#: The essay the work folder's paper.tex came from, as an absolute path, for ``invoke check``.
ESSAY_RECORD = ".essay-path"


@dataclass
class Analysis:
    paper: Paper
    resolution: Resolution
    placed: Document
    problems: list[Problem] = field(default_factory=list)


def analyse(paper: Paper) -> Analysis:
    """Citations found, resolved against the bibliography and placed as notes."""
    scan = scan_document(paper.document, known_families(paper.bibliography))
    resolution = resolve(
        scan.citations, paper.bibliography, path=paper.document.path, possible=scan.possible
    )
    placed = place_notes(paper.document, by_run(resolution.citations, scan.runs))
    problems = paper.problems + resolution.problems
    return Analysis(paper, resolution, placed, problems)


def render(analysis: Analysis, profile: Profile) -> Rendered:
    return render_document(analysis.placed, profile.template, BIB_NAME, profile.settings)


def effective_profile(name: str, paper_size: str | None, document: Document) -> Profile:
    """The profile with the paper size from the option, else the front matter, else its own."""
    return get_profile(name, paper_size or document.meta.options.get("paper-size"))


def build_fresh(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str,
    paper_size: str | None,
    epoch: int,
    say: Callable[[str], None],
    booklet: bool = False,
) -> BuildResult:
    """Every stage, each handing its data to the next (only the TeX passes needed run)."""
    say(f"read      {paper_dir}")
    paper = load_paper(paper_dir)
    profile = effective_profile(profile_name, paper_size, paper.document)
    if booklet:
        profile = booklet_profile(profile)
    say(f"cite      {len(paper.bibliography.entries)} sources")
    analysis = analyse(paper)
    found = len(analysis.resolution.citations)
    missing = len(analysis.resolution.unresolved)
    say(f"          {found} citations, {missing} unresolved")
    rendered = render(analysis, profile)
    say(f"render    {profile.name} ({profile.template})")
    workdir = work_dir(build_dir, profile_name, booklet)
    workdir.mkdir(parents=True, exist_ok=True)
    write_text(workdir / f"{JOBNAME}.tex", rendered.latex)
    write_text(workdir / ESSAY_RECORD, f"{Path(paper.document.path).resolve()}\n")
    write_text(workdir / BIB_NAME, paper.bibtex)
    say(f"compile   pdflatex in {workdir}")
    result = compile_fast(workdir, JOBNAME, rendered, epoch, say)
    say(f"          {describe_runs(result.runs)}")
    pdf = result.pdf
    if booklet:
        say(f"impose    booklet on {profile.settings['paper_size']} sheets")
        pdf = impose(result.pdf, profile.settings["paper_size"], workdir / "booklet.pdf")
    target = build_dir / profile.pdf_name()
    publish(pdf, target)
    return BuildResult(target, analysis, result.log, runs=result.runs)
