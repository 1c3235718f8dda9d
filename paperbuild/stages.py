"""The stages of one build, each handing plain data to the next; nothing reaches back.

read (paper folder) -> cite (recognise, resolve, place) -> render (Jinja)
-> compile (pdflatex, biber) -> publish (atomic move into build/); for Word, cite is
followed by write (pandoc, see :mod:`paperbuild.docx`) -> publish, with no TeX.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import ahead
from .booklet import booklet_profile, impose
from .compile import CompileResult, tex_environment
from .document import Document
from .files import publish, write_text
from .formats import preamble_of
from .incremental import JOBNAME, work_dir
from .latex.render import Rendered, render_document, render_front_matter
from .paper import Paper, load_paper, read_document
from .preamble import compile_fast
from .profiles import Profile, get_profile
from .results import Analysis, BuildResult, describe_runs

BIB_NAME = "references.bib"
#: The essay the work folder's output came from, as an absolute path, for ``invoke check``.
ESSAY_RECORD = ".essay-path"
Say = Callable[[str], None]


def analyse(paper: Paper) -> Analysis:
    """Citations found, resolved against the bibliography and placed as notes."""
    # Imported here: compiling the citation grammar takes 0.08 s, which a cold build or an
    # edit spends while TeX starts (see build_fresh), not before it.
    from .citations.place import place_notes
    from .citations.resolve import known_names, resolve
    from .citations.scan import by_run, scan_document

    scan = scan_document(paper.document, known_names(paper.bibliography))
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


def read_and_cite(
    paper_dir: Path,
    profile_name: str,
    paper_size: str | None,
    say: Callable[[str], None],
    corrections: Path | None = None,
    document: Document | None = None,
) -> tuple[Profile, Analysis]:
    """The first stages of every build: the paper's profile, and the paper read and cited
    (``corrections``: a file named by option, else the paper's own; see ``locations``;
    ``document``: the essay, if the caller has read it already)."""
    if document is None:
        say(f"read      {paper_dir}")
    paper = load_paper(paper_dir, corrections, say, document)
    profile = effective_profile(profile_name, paper_size, paper.document)
    say(f"cite      {len(paper.bibliography.entries)} sources")
    analysis = analyse(paper)
    found = len(analysis.resolution.citations)
    missing = len(analysis.resolution.unresolved)
    say(f"          {found} citations, {missing} unresolved")
    return profile, analysis


def build_fresh(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str,
    paper_size: str | None,
    epoch: int,
    say: Callable[[str], None],
    booklet: bool = False,
    to: str = "pdf",
    corrections: Path | None = None,
    head: ahead.HeadStart | None = None,
) -> BuildResult:
    """Every stage, each handing its data to the next: read and cite, then the PDF (only the
    TeX passes needed run) or the Word file.

    For a PDF, TeX starts as soon as it can (``head``: what the caller started already;
    else, for a cold build, on the preamble the front matter fixes) while the Sources list
    and the citations are read (see :mod:`paperbuild.ahead`).
    """
    if to == "docx":
        profile, analysis = read_and_cite(paper_dir, profile_name, paper_size, say, corrections)
        return BuildResult(write_word(analysis, profile, build_dir, epoch, say), analysis, "")
    say(f"read      {paper_dir}")
    document = read_document(paper_dir)
    profile = effective_profile(profile_name, paper_size, document)
    if head is None:
        head = start_ahead(document, profile, build_dir, epoch, booklet)
    try:
        profile, analysis = read_and_cite(
            paper_dir, profile_name, paper_size, say, corrections, document
        )
        target, compiled = compile_pdf(analysis, profile, build_dir, epoch, say, booklet, head=head)
    finally:
        if head is not None:
            head.cancel()
    return BuildResult(target, analysis, compiled.log, runs=compiled.runs)


def typeset_profile(profile: Profile, booklet: bool) -> Profile:
    """The profile a PDF is typeset with: for a booklet, the folded page's."""
    return booklet_profile(profile) if booklet else profile


def start_ahead(
    document: Document, profile: Profile, build_dir: Path, epoch: int, booklet: bool
) -> ahead.HeadStart | None:
    """A cold build's TeX, begun on the preamble the front matter alone fixes (see
    paperbuild.ahead); None when the work folder is not cold."""
    workdir = work_dir(build_dir, profile.name, booklet)
    if not ahead.cold_start_possible(workdir, JOBNAME):
        return None
    profile = typeset_profile(profile, booklet)
    typeset, skeleton = render_front_matter(document, profile.template, BIB_NAME, profile.settings)
    preamble, skeleton_preamble = preamble_of(typeset), preamble_of(skeleton)
    if preamble is None or skeleton_preamble is None:
        return None
    return ahead.start(workdir, JOBNAME, preamble, skeleton_preamble, tex_environment(epoch))


def compile_pdf(
    analysis: Analysis,
    profile: Profile,
    build_dir: Path,
    epoch: int,
    say: Say,
    booklet: bool,
    target: Path | None = None,
    head: ahead.HeadStart | None = None,
) -> tuple[Path, CompileResult]:
    """Render, compile (and impose a booklet), publish (at ``target``, by default the profile's
    name in ``build_dir``): the PDF's path, and what TeX ran and logged (``head``: TeX
    started ahead, see :func:`start_ahead`)."""
    paper = analysis.paper
    workdir = work_dir(build_dir, profile.name, booklet)
    profile = typeset_profile(profile, booklet)
    rendered = render(analysis, profile)
    say(f"render    {profile.name} ({profile.template})")
    workdir.mkdir(parents=True, exist_ok=True)
    write_text(workdir / f"{JOBNAME}.tex", rendered.latex)
    record_essay(workdir, paper)
    write_text(workdir / BIB_NAME, paper.bibtex)
    say(f"compile   pdflatex in {workdir}")
    result = compile_fast(workdir, JOBNAME, rendered, epoch, say, head)
    say(f"          {describe_runs(result.runs)}")
    pdf = result.pdf
    if booklet:
        say(f"impose    booklet on {profile.settings['paper_size']} sheets")
        pdf = impose(result.pdf, profile.settings["paper_size"], workdir / "booklet.pdf")
    target = target or build_dir / profile.pdf_name()
    publish(pdf, target)
    return target, result


def write_word(
    analysis: Analysis,
    profile: Profile,
    build_dir: Path,
    epoch: int,
    say: Say,
    target: Path | None = None,
) -> Path:
    """The Word file: the same placed document and BibTeX as the PDF's, written by pandoc
    and published at ``target`` (by default the profile's name in ``build_dir``)."""
    from .docx.layout import word_layout
    from .docx.write import write_docx

    workdir = work_dir(build_dir, profile.name, to="docx")
    say(f"write     {profile.name} as Word, with pandoc in {workdir}")
    layout = word_layout(profile.settings)
    docx = write_docx(analysis.placed, analysis.paper.bibtex, layout, workdir, epoch)
    record_essay(workdir, analysis.paper)
    target = target or build_dir / profile.docx_name()
    publish(docx, target)
    return target


def record_essay(workdir: Path, paper: Paper) -> None:
    """Which essay the work folder's output came from, for ``invoke check``."""
    write_text(workdir / ESSAY_RECORD, f"{Path(paper.document.path).resolve()}\n")
