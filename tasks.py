"""Invoke tasks: read arguments, call paperbuild, turn its errors into clean exits."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from paperbuild import cli

PAPER = "paper"
BUILD = "build"
DEFAULT_CORRECTIONS = "bib/corrections.yaml"
PAPER_HELP = "paper folder holding essay.md and sources.txt (default: paper)"
CORRECTIONS_HELP = (
    "corrections for the Sources list (default: the paper folder's corrections.yaml; "
    "for the project's own paper/, bib/corrections.yaml)"
)
BUILD_OPTIONS_HELP = {
    "paper": PAPER_HELP,
    "build-dir": "where outputs go (default: build)",
    "profile": "journal (default), manuscript or handout",
    "paper-size": "a4 or letter (default: the front matter's paper-size, else the profile's)",
}
TO_HELP = "pdf (default) or docx: a Word file with real footnotes (journal and manuscript)"


@task
def setup(c):
    """Install the Debian TeX Live packages the build needs (only missing ones) and paperbuild."""
    cli.guard(cli.setup, c)


@task(
    help={
        **BUILD_OPTIONS_HELP,
        "corrections": CORRECTIONS_HELP,
        "booklet": "with --profile handout: impose it as a folded A5 (or half-letter) booklet",
        "to": TO_HELP,
    }
)
def build(
    c,
    paper=PAPER,
    build_dir=BUILD,
    profile="journal",
    paper_size=None,
    booklet=False,
    to="pdf",
    corrections=None,
):
    """Build the PDF (or Word file): e.g. `invoke build`, `invoke build --to docx`."""
    output = cli.guard(
        cli.build,
        Path(paper),
        Path(build_dir),
        profile,
        paper_size,
        booklet,
        to,
        named(corrections),
    )
    print(output)


JOURNAL_HELP = "a journal of `invoke journals` (default: the front matter's journal, if any)"


@task(
    help={
        "paper": PAPER_HELP,
        "build-dir": "where outputs go (default: build; the submission goes in its submission/)",
        "paper-size": "a4 or letter (default: the journal's, else the front matter's, else a4)",
        "journal": JOURNAL_HELP + ": write what it asks for and print its checklist",
        "strict": "with a journal: exit 1 when one of its rules fails",
        "corrections": CORRECTIONS_HELP,
    }
)
def submission(
    c, paper=PAPER, build_dir=BUILD, paper_size=None, journal=None, strict=False, corrections=None
):
    """Write a submission: e.g. `invoke submission --journal slavic-review` (see `invoke journals`);
    with no journal, the manuscript PDF, a title page PDF and a source zip for pdflatex alone."""
    cli.guard(
        cli.submission,
        Path(paper),
        Path(build_dir),
        paper_size,
        journal,
        strict,
        named(corrections),
    )


@task
def journals(c):
    """List the journals `invoke submission --journal NAME` knows, one line each."""
    for line in cli.guard(cli.journals):
        print(line)


@task(help={**BUILD_OPTIONS_HELP, "corrections": CORRECTIONS_HELP})
def watch(c, paper=PAPER, build_dir=BUILD, profile="journal", paper_size=None, corrections=None):
    """Rebuild on every save of the essay, sources or templates: e.g. `invoke watch`."""
    cli.guard(cli.watch, Path(paper), Path(build_dir), profile, paper_size, named(corrections))


@task(
    help={
        "refs": "run the reference-parser benchmark instead of the build benchmark",
        "validation": "train without the validation part and score the reference parser on it",
        "diff": "run the benchmark of invoke diff instead of the build benchmark",
        "rounds": "rounds of the build benchmark, whose medians it reports (default 3)",
        "readme": "write the build benchmark's figures into README.md between its markers",
    }
)
def bench(c, refs=False, validation=False, diff=False, rounds=3, readme=False):
    """Time builds against pandoc: e.g. `invoke bench`, `invoke bench --readme`."""
    other = {"bench_references": refs, "validate_references": validation, "bench_diff": diff}
    for name, chosen in other.items():
        if chosen:
            cli.guard(cli.bench, name)
            return
    arguments = [f"--rounds={rounds}"] + (["--readme"] if readme else [])
    cli.guard(cli.bench, "bench_build", arguments)


@task(help={"output": "where to write the model (default: the one paperbuild loads)"})
def train(c, output=None):
    """Train the reference parser's model on training/ (a few minutes): e.g. `invoke train`."""
    print(cli.guard(cli.train, Path(output) if output else None))


@task(
    help={
        "sources": "the Sources list, one reference a line (default: paper/sources.txt)",
        "output": "the BibTeX file to write (default: bib/references.bib)",
        "corrections": "reviewed corrections applied after parsing (default: bib/corrections.yaml)",
        "json": "print the report as JSON on stdout instead of text on stderr",
    }
)
def bib(c, sources="paper/sources.txt", output="bib/references.bib", corrections=None, json=False):
    """Normalise the Sources list into BibTeX: e.g. `invoke bib`, `invoke bib --json`."""
    chosen = Path(corrections) if corrections else Path(DEFAULT_CORRECTIONS)
    written = cli.guard(cli.bib, Path(sources), Path(output), chosen, json, bool(corrections))
    print(written)


@task(
    help={
        **BUILD_OPTIONS_HELP,
        "profile": "journal, manuscript (default) or handout",
        "from": "the earlier version: any git revision (HEAD~1, a tag, a commit)",
        "to": "the later version: a git revision (default: the working tree)",
        "json": "print the revision summary as one JSON object (stage lines go to stderr)",
        "format": "pdf (default) or docx: a Word file with Word's own tracked changes",
    }
)
def diff(
    c,
    from_=None,
    to=None,
    paper=PAPER,
    build_dir=BUILD,
    profile="manuscript",
    paper_size=None,
    json=False,
    format="pdf",
):
    """Mark what changed since a revision: e.g. `invoke diff --from submitted-v1 --format docx`."""
    arguments = (Path(paper), Path(build_dir), profile, paper_size, from_, to, json, format)
    print(cli.guard(cli.diff, *arguments))


@task(
    help={
        "paper": PAPER_HELP,
        "build-dir": "where the last build went, to read its PDF and log (default: build)",
        "json": "print one JSON object on stdout instead of a summary",
        "strict": "exit non-zero on any unresolved citation, error or warning (or failed rule)",
        "journal": JOURNAL_HELP + ': add its checklist (under "journal" with --json)',
        "corrections": CORRECTIONS_HELP,
    }
)
def check(
    c, paper=PAPER, build_dir=BUILD, json=False, strict=False, journal=None, corrections=None
):
    """List citations, unresolved and uncited works, problems: e.g. `invoke check --strict`."""
    cli.guard(cli.check, Path(paper), Path(build_dir), json, strict, journal, named(corrections))


def named(path: str | None) -> Path | None:
    """An optional path option as a Path (None when not given)."""
    return Path(path) if path else None
