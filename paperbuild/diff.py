"""``invoke diff``: the revised paper with what changed since an earlier version marked.

Both versions go through read, cite and render as a build does (one profile, the
new version's paper size), so each version's citations are recognised and
resolved on their own. latexdiff marks the two LaTeX files up (see
:mod:`paperbuild.latexdiff`) and TeX compiles the result in
``build/work/PROFILE-diff/`` against a bibliography joining both versions'
sources: a deleted citation still prints, struck out, and a source only one
version lists is marked. When the marks break the compile, a coarser markup is
tried and the build says so. The work folder is kept, so latexmk reruns only the
passes a later diff needs, and a diff whose inputs did not change is up to date.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from pybtex.database import BibliographyData

from .changes import note_words_marked, summarise
from .compile import CompileResult, run_latexmk
from .errors import PaperError
from .files import publish, write_text
from .incremental import fresh_output, input_key, locked, work_dir, write_stamp
from .latex.render import Rendered
from .latexdiff import MARKUPS, Markup, mark_sources, require_latexdiff, run_latexdiff
from .paper import Paper, load_paper
from .pipeline import up_to_date_pdf
from .preamble import compile_fast
from .profiles import Profile, check_output, get_profile
from .references import render_bibtex
from .revision import Version, checked_out, find_repository, working_tree
from .stages import BIB_NAME, JOBNAME, Analysis, analyse, effective_profile, render

FROM_TEX = "from.tex"
TO_TEX = "to.tex"
SUMMARY = ".diff-summary.json"
TRACKED = "tracked changes"  # the summary's markup of a Word file


@dataclass(frozen=True)
class Side:
    """One version, read, cited and rendered with ``profile``; ``essay`` names its essay."""

    version: Version
    analysis: Analysis
    rendered: Rendered
    profile: Profile

    @property
    def essay(self) -> str:
        return self.rendered.source_path


@dataclass(frozen=True)
class DiffResult:
    output: Path  # the marked-up PDF or .docx published in the build folder
    summary: dict
    up_to_date: bool = False


def diff_work_dir(build_dir: Path, profile_name: str, to: str = "pdf") -> Path:
    """``build/work/PROFILE-diff`` (``PROFILE-diff-docx`` for Word)."""
    return work_dir(build_dir, f"{profile_name}-diff", to=to)


def diff_name(profile: Profile, to: str = "pdf") -> str:
    """``paper-manuscript-diff.pdf`` for the manuscript, ``paper-diff.docx`` for the journal
    as Word."""
    return f"{Path(profile.pdf_name()).stem}-diff.{to}"


def build_diff(
    paper_dir: Path,
    build_dir: Path,
    profile_name: str,
    paper_size: str | None,
    from_revision: str,
    to_revision: str | None = None,
    say: Callable[[str], None] = print,
    to: str = "pdf",
) -> DiffResult:
    """Mark up the paper folder at ``to_revision`` (None: the working tree) against
    ``from_revision`` and publish the PDF (or, ``to`` docx, the Word file with tracked
    changes) beside the profile's own."""
    # A bad name, size or format fails before anything runs.
    check_output(get_profile(profile_name, paper_size), to)
    if to == "pdf":
        require_latexdiff()
    repo = find_repository(paper_dir)
    workdir = diff_work_dir(build_dir, profile_name, to)
    with ExitStack() as stack:
        old = stack.enter_context(checked_out(repo, from_revision, "--from"))
        new = (
            stack.enter_context(checked_out(repo, to_revision, "--to"))
            if to_revision
            else working_tree(paper_dir)
        )
        stack.enter_context(locked(workdir, say))
        options = {"diff": [old.identity, new.identity], "profile": profile_name}
        options |= {"paper_size": paper_size, "epoch": new.epoch}
        options |= {"to": to} if to != "pdf" else {}
        key = input_key(new.paper_dir, options)
        fresh = fresh_output(workdir, key)
        if fresh and (workdir / SUMMARY).is_file():
            say("up to date (neither version changed since the last diff)")
            summary = json.loads((workdir / SUMMARY).read_text(encoding="utf-8"))
            return DiffResult(fresh, summary, up_to_date=True)
        mark_up = diff_versions if to == "pdf" else diff_word
        result = mark_up(old, new, build_dir, workdir, profile_name, paper_size, say)
        write_text(workdir / SUMMARY, json.dumps(result.summary, ensure_ascii=False) + "\n")
        write_stamp(workdir, key, result.output)
        return result


def diff_versions(
    old: Version,
    new: Version,
    build_dir: Path,
    workdir: Path,
    profile_name: str,
    paper_size: str | None,
    say: Callable[[str], None],
) -> DiffResult:
    old_analysis, new_analysis, profile = read_both(old, new, profile_name, paper_size, say)
    old_side, new_side = draw(old, old_analysis, profile), draw(new, new_analysis, profile)
    say(f"render    {profile.name} ({profile.template}), both versions")
    workdir.mkdir(parents=True, exist_ok=True)
    write_text(workdir / FROM_TEX, old_side.rendered.latex)
    write_text(workdir / TO_TEX, new_side.rendered.latex)
    write_text(workdir / BIB_NAME, joint_bibtex(old_analysis.paper, new_analysis.paper))
    changes = summarise(old_analysis, new_analysis, new_side.essay)
    sources = changes["sources"]
    sides = {"to": new_side, "from": old_side}

    def blame(name: str) -> PaperError | None:
        return version_failure(name, sides[name], workdir, build_dir, paper_size, say)

    compiled, markup = compile_marked(workdir, new_side.essay, new.epoch, sources, say, blame)
    target = build_dir / diff_name(profile)
    publish(compiled.pdf, target)
    notes = note_words_marked(target, profile.settings["font_size"])
    summary = {"from": old.label, "to": new.label, "markup": markup.name}
    summary |= changes
    summary["words"]["notes"] = notes
    return DiffResult(target, summary)


def diff_word(
    old: Version,
    new: Version,
    build_dir: Path,
    workdir: Path,
    profile_name: str,
    paper_size: str | None,
    say: Callable[[str], None],
) -> DiffResult:
    """The new version as Word, with what changed since the old one as Word's own tracked
    changes (see :mod:`paperbuild.docx.tracked`): no TeX, no latexdiff."""
    from .docx.layout import word_layout
    from .docx.readback import tracked_note_words
    from .docx.write_tracked import write_tracked_docx

    old_analysis, new_analysis, profile = read_both(old, new, profile_name, paper_size, say)
    say(f"write     {profile.name} as Word with tracked changes, with pandoc in {workdir}")
    layout = word_layout(profile.settings)
    old_paper, new_paper = old_analysis.placed, new_analysis.placed
    old_bibtex, new_bibtex = old_analysis.paper.bibtex, new_analysis.paper.bibtex
    docx = write_tracked_docx(
        old_paper, old_bibtex, new_paper, new_bibtex, layout, workdir, new.epoch
    )
    target = build_dir / diff_name(profile, "docx")
    publish(docx, target)
    summary = {"from": old.label, "to": new.label, "markup": TRACKED}
    summary |= summarise(old_analysis, new_analysis, new_analysis.placed.path)
    summary["words"]["notes"] = tracked_note_words(target)
    return DiffResult(target, summary)


def read_both(
    old: Version,
    new: Version,
    profile_name: str,
    paper_size: str | None,
    say: Callable[[str], None],
) -> tuple[Analysis, Analysis, Profile]:
    """Both versions read and cited, each on its own, and the profile (the new version's size)."""
    say(f"from      {old.label} ({old.name(old.paper_dir)})")
    say(f"to        {new.label} ({new.name(new.paper_dir)})")
    analyses = read(old), read(new)
    for version, analysis in zip((old, new), analyses, strict=True):
        resolution = analysis.resolution
        counts = f"{len(analysis.paper.bibliography.entries)} sources, "
        counts += f"{len(resolution.citations)} citations, {len(resolution.unresolved)} unresolved"
        say(f"cite      {version.label}: {counts}")
    profile = effective_profile(profile_name, paper_size, analyses[1].placed)
    return *analyses, profile


@contextmanager
def naming(version: Version) -> Iterator[None]:
    """A failure in a revision names it: ``HEAD~1:paper/essay.md:3: ...``."""
    try:
        yield
    except PaperError as err:
        if version.is_working_tree:
            raise
        path = version.name(err.path) if err.path else version.label
        raise PaperError(err.category, err.message, path, err.line) from None


def read(version: Version) -> Analysis:
    with naming(version):
        analysis = analyse(load_paper(version.paper_dir, version.corrections))
    # The LaTeX's source markers and any TeX error then name the version's own essay.
    essay = version.name(analysis.placed.path)
    return replace(analysis, placed=replace(analysis.placed, path=essay))


def draw(version: Version, analysis: Analysis, profile: Profile) -> Side:
    with naming(version):
        return Side(version, analysis, render(analysis, profile), profile)


def joint_bibtex(old: Paper, new: Paper) -> str:
    """The new version's BibTeX as the build writes it, then the sources only the old one had."""
    gone = {
        key: entry
        for key, entry in old.bibliography.entries.items()
        if key not in new.bibliography.entries
    }
    if not gone:
        return new.bibtex
    return new.bibtex.rstrip("\n") + "\n\n" + render_bibtex(BibliographyData(entries=gone))


def compile_marked(
    workdir: Path,
    essay: str,
    epoch: int,
    sources: dict[str, list[str]],
    say: Callable[[str], None],
    blame: Callable[[str], PaperError | None] = lambda name: None,
) -> tuple[CompileResult, Markup]:
    """latexdiff ``from.tex`` against ``to.tex`` in ``workdir`` and compile the result with
    the finest markup that compiles; a fallback is said. ``essay`` (the new version's)
    is where TeX's errors point, ``sources`` the keys to mark added and removed.

    No markup can mend a version that does not build on its own: before a fallback,
    ``blame("to")`` may say the new version fails, and ``blame("from")`` the old one
    after the last markup failed; either failure is raised instead.
    """
    failures: list[PaperError] = []
    for markup, coarser in zip(MARKUPS, [*MARKUPS[1:], None], strict=True):
        say(f"latexdiff {markup.name}: {markup.description}")
        marked = run_latexdiff(workdir / FROM_TEX, workdir / TO_TEX, markup, workdir)
        latex = mark_sources(marked, sources["added"], sources["removed"])
        write_text(workdir / f"{JOBNAME}.tex", latex)
        say(f"compile   latexmk in {workdir}")
        try:
            return compile_fast(workdir, JOBNAME, Rendered(latex, essay), epoch, say), markup
        except PaperError as err:
            failures.append(err)
            forget_run(workdir)
            culprit = blame("to" if coarser else "from")
            if culprit:
                raise culprit from None
            if coarser:
                say(f"markup    {markup.name} marks broke the compile ({err}); falling back")
    first = failures[0]
    names = ", ".join(markup.name for markup in MARKUPS)
    message = f"the marked-up LaTeX compiles with no markup ({names}): {first.message}"
    raise PaperError("latex", message, first.path, first.line)


def version_failure(
    name: str,
    side: Side,
    workdir: Path,
    build_dir: Path,
    paper_size: str | None,
    say: Callable[[str], None],
) -> PaperError | None:
    """Why the version ``side`` does not build on its own, or None if it builds.

    The working tree's up-to-date build of the profile proves it builds, without TeX.
    """
    version = side.version
    if version.is_working_tree and up_to_date_pdf(
        version.paper_dir, build_dir, side.profile.name, paper_size
    ):
        return None
    folder = workdir / f"alone-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    write_text(folder / f"{JOBNAME}.tex", side.rendered.latex)
    write_text(folder / BIB_NAME, side.analysis.paper.bibtex)
    say(f"check     does {version.label} build on its own?")
    try:
        run_latexmk(folder, JOBNAME, side.rendered, version.epoch)
    except PaperError as err:
        message = f"{err.message} ({version.label} does not build on its own)"
        return PaperError(err.category, message, err.path, err.line)
    return None


def forget_run(workdir: Path) -> None:
    """A failed run's .aux and latexmk's record of it would mislead the next markup's run."""
    for suffix in (".aux", ".fdb_latexmk"):
        (workdir / f"{JOBNAME}{suffix}").unlink(missing_ok=True)
