"""What the Invoke tasks call: each function takes plain arguments and returns plain results.

Each task imports the stages it needs when it runs, so that an up-to-date
``invoke build`` starts in a fraction of a second.

``guard`` is the single place where failures become exits: a PaperError prints
its one-line message; anything else is a bug in paperbuild and says so.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
import traceback
from functools import partial
from pathlib import Path

from invoke import Exit

from .errors import PaperError
from .locations import REPO
from .pipeline import build as run_build
from .profiles import get_profile

#: Debian packages the build needs (see README, "Setup").
TEX_PACKAGES = (
    "texlive-latex-base",
    "texlive-latex-recommended",
    "texlive-latex-extra",
    "texlive-bibtex-extra",
    "texlive-fonts-recommended",
    "texlive-lang-cyrillic",
    "lmodern",
    "cm-super",
    "biber",
    "latexmk",
    "poppler-utils",
    "latexdiff",  # invoke diff
    "texlive-plain-generic",  # ulem, which invoke diff underlines and strikes out with
)


def guard(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except PaperError as err:
        raise Exit(str(err), code=1) from None
    except KeyboardInterrupt:
        raise Exit("interrupted; the last good PDF is still in place", code=130) from None
    except Exception as err:
        message = f"internal error: {type(err).__name__}; this is a bug in paperbuild"
        raise Exit(f"{message}{crash_report()}", code=70) from None


def crash_report() -> str:
    """Save the traceback outside the user's folders; say where, or nothing if it cannot."""
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="paperbuild-crash-", suffix=".txt", delete=False, encoding="utf-8"
        ) as report:
            report.write(traceback.format_exc())
    except OSError:
        return ""
    return f" (please report it with {report.name})"


def missing_debian_packages(packages=TEX_PACKAGES) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for name in packages:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in proc.stdout:
            missing.append(name)
    return missing


def setup(c) -> None:
    missing = missing_debian_packages()
    if missing:
        print(f"installing {len(missing)} Debian packages: {' '.join(missing)}")
        sudo = "" if shutil.which("sudo") is None or _is_root() else "sudo "
        c.run(f"{sudo}apt-get update -qq")
        c.run(
            f"{sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
            f"--no-install-recommends {' '.join(missing)}"
        )
    else:
        print("TeX Live: all packages present")
    if shutil.which("pdflatex"):
        from .fontmetrics import make_font_metrics

        print(f"fonts: Cyrillic metrics ready for the {', '.join(make_font_metrics())} classes")
    c.run(f"{sys.executable} -m pip install -q -e '{REPO}[test]'")
    # An editable install leaves paperbuild's bytecode to Python, which writes none where
    # PYTHONDONTWRITEBYTECODE is set: compiled now, every build starts 0.03 s sooner.
    c.run(f"{sys.executable} -m compileall -q '{REPO / 'paperbuild'}' '{REPO / 'tasks.py'}'")


def _is_root() -> bool:
    return os.geteuid() == 0


def build(
    paper: Path,
    build_dir: Path,
    profile: str,
    paper_size: str | None,
    booklet: bool = False,
    to: str = "pdf",
    corrections: Path | None = None,
) -> Path:
    if booklet and profile != "handout":
        raise PaperError("input", "--booklet imposes the handout: add --profile handout")
    if booklet and to != "pdf":
        raise PaperError("input", "--booklet imposes a PDF: leave out --to")
    result = run_build(
        paper, build_dir, profile, paper_size, booklet=booklet, to=to, corrections=corrections
    )
    if get_profile(profile).settings.get("word_count"):
        from .submission import manuscript_words

        print(f"words     {manuscript_words(paper, result, paper_size, to, corrections)}")
    return result.output


def submission(
    paper: Path,
    build_dir: Path,
    paper_size: str | None,
    journal: str | None = None,
    strict: bool = False,
    corrections: Path | None = None,
) -> None:
    """Print the files written: for a journal (the option, else the front matter's
    ``journal:``), every file it asks for, then its checklist; else the anonymised
    manuscript, its title page and its source archive, in that order."""
    journal = journal or front_matter_journal(paper)
    if journal is None:
        from .submission import build_submission

        written = build_submission(paper, build_dir, paper_size, corrections=corrections)
        for path in (written.manuscript, written.title_page, written.archive):
            print(path)
        return
    from .journals.checklist import checklist_lines, failures
    from .journals.submit import build_journal_submission, journal_heading

    if corrections is not None:
        raise PaperError(
            "input", "--corrections applies to a plain submission; a journal's uses the paper's own"
        )
    made = build_journal_submission(paper, build_dir, journal, paper_size)
    for path in made.files:
        print(path)
    print(journal_heading(made.journal))
    print("\n".join(checklist_lines(made.checks)))
    failed = failures(made.checks)
    if strict and failed:
        raise PaperError("check", f"--strict: {len(failed)} of {made.journal.name}'s rules fail")


def front_matter_journal(paper: Path) -> str | None:
    """The front matter's ``journal:``, if the essay can be read (else the build says why)."""
    from .files import read_text
    from .frontmatter import split_front_matter

    essay = paper / "essay.md"
    try:
        meta, _, _ = split_front_matter(read_text(essay), essay)
    except PaperError:
        return None
    return meta.options.get("journal")


def journals() -> list[str]:
    """One line per journal in templates/journals: its file's name, name and main rules."""
    from .journals.spec import journal_line, journal_names, load_journal

    return [journal_line(load_journal(name)) for name in journal_names()]


def watch(
    paper: Path,
    build_dir: Path,
    profile: str,
    paper_size: str | None,
    corrections: Path | None = None,
) -> None:
    from .watch import watch as run_watch

    run_watch(paper, build_dir, profile, paper_size, corrections=corrections)


def bench(name: str, arguments: list[str] | None = None) -> None:
    """Run ``benchmarks/NAME.py`` as a script (the benchmarks are not part of the package)."""
    script = REPO / "benchmarks" / f"{name}.py"
    if not script.is_file():
        raise PaperError("input", "no such benchmark", script)
    saved = sys.argv
    sys.argv = [str(script), *(arguments or [])]
    try:
        runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = saved


def train(output: Path | None = None) -> Path:
    """Train the reference labeller on ``training/`` (the held-out tenth left out)."""
    from .references.segment import MODEL
    from .references.train import TRAINING_SETS, train_model

    target = output or MODEL
    info = train_model(TRAINING_SETS, target)
    print(f"model     {info['tokens']} tokens; sha256 {info['sha256']}")
    return target


def bib(
    sources: Path, output: Path, corrections: Path | None, as_json: bool, required: bool
) -> Path:
    """Normalise a Sources list into BibTeX; report doubtful entries (stderr, or JSON on stdout)."""
    from .references import normalise_sources, write_bibtex

    if corrections is not None and not corrections.is_file():
        if required:
            raise PaperError("input", "corrections file not found", corrections)
        corrections = None  # the default file is optional
    normalised = normalise_sources(sources, corrections)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_bibtex(normalised, output)
    if as_json:
        entries = sorted(normalised.bibliography.entries)
        report = {"output": str(output), "entries": entries,
                  "problems": [p.as_dict() for p in normalised.problems]}  # fmt: skip
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in normalised.problems:
            print(problem, file=sys.stderr)
        count = len(normalised.bibliography.entries)
        print(f"{count} entries from {sources}", file=sys.stderr)
    return output


def diff(
    paper: Path,
    build_dir: Path,
    profile: str,
    paper_size: str | None,
    from_revision: str,
    to_revision: str | None,
    as_json: bool,
    to: str = "pdf",
) -> Path:
    """Build the marked-up PDF (or Word file with tracked changes, ``to`` docx) and print the
    revision summary (with ``as_json``, one JSON object on stdout and the stage lines on
    stderr); the output's path is for the caller."""
    from .changes import summary_lines
    from .diff import build_diff

    if not from_revision:
        raise PaperError("input", "--from is required: the revision to compare with (HEAD~1)")
    say = partial(print, file=sys.stderr) if as_json else print
    result = build_diff(paper, build_dir, profile, paper_size, from_revision, to_revision, say, to)
    if as_json:
        report = {to: str(result.output), **result.summary}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(result.summary):
            print(line)
    return result.output


def check(
    paper: Path,
    build_dir: Path,
    as_json: bool,
    strict: bool,
    journal: str | None = None,
    corrections: Path | None = None,
) -> None:
    """Print the check report (one JSON object with ``as_json``); with ``strict``, fail on doubt.
    With a journal (the option, else the front matter's), the report holds its checklist."""
    from .checks import check_paper, strict_failures, summary

    report = check_paper(paper, build_dir, journal or front_matter_journal(paper), corrections)
    essay = str(paper / "essay.md")
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(summary(report, essay))
    failures = strict_failures(report, essay)
    if strict and failures:
        raise PaperError("check", f"--strict: {'; '.join(failures)}")
