"""Invoke tasks: read arguments, call paperbuild, turn its errors into clean exits."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from paperbuild import cli

PAPER = "paper"
BUILD = "build"
DEFAULT_CORRECTIONS = "bib/corrections.yaml"
PAPER_HELP = "paper folder holding essay.md and sources.txt (default: paper)"
BUILD_OPTIONS_HELP = {
    "paper": PAPER_HELP,
    "build-dir": "where outputs go (default: build)",
    "profile": "journal (default), manuscript or handout",
    "paper-size": "a4 or letter (default: the front matter's paper-size, else the profile's)",
}


@task
def setup(c):
    """Install the Debian TeX Live packages the build needs (only missing ones) and paperbuild."""
    cli.guard(cli.setup, c)


@task(
    help={
        **BUILD_OPTIONS_HELP,
        "booklet": "with --profile handout: impose it as a folded A5 (or half-letter) booklet",
    }
)
def build(c, paper=PAPER, build_dir=BUILD, profile="journal", paper_size=None, booklet=False):
    """Build the PDF: e.g. `invoke build`, `invoke build --profile handout --paper-size letter`."""
    pdf = cli.guard(cli.build, Path(paper), Path(build_dir), profile, paper_size, booklet)
    print(pdf)


@task(
    help={
        "paper": PAPER_HELP,
        "build-dir": "where outputs go (default: build; the submission goes in its submission/)",
        "paper-size": "a4 or letter (default: the front matter's paper-size, else a4)",
    }
)
def submission(c, paper=PAPER, build_dir=BUILD, paper_size=None):
    """Write the anonymised manuscript PDF, a title page PDF and a source zip for pdflatex alone."""
    for path in cli.guard(cli.submission, Path(paper), Path(build_dir), paper_size):
        print(path)


@task(help=BUILD_OPTIONS_HELP)
def watch(c, paper=PAPER, build_dir=BUILD, profile="journal", paper_size=None):
    """Rebuild on every save of the essay, sources or templates: e.g. `invoke watch`."""
    cli.guard(cli.watch, Path(paper), Path(build_dir), profile, paper_size)


@task(
    help={
        "refs": "run the reference-parser benchmark instead of the build benchmark",
        "rounds": "rounds of the build benchmark, whose medians it reports (default 3)",
        "readme": "write the build benchmark's figures into README.md between its markers",
    }
)
def bench(c, refs=False, rounds=3, readme=False):
    """Time builds against pandoc: e.g. `invoke bench`, `invoke bench --readme`."""
    if refs:
        cli.guard(cli.bench, "bench_references")
        return
    arguments = [f"--rounds={rounds}"] + (["--readme"] if readme else [])
    cli.guard(cli.bench, "bench_build", arguments)


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
        "paper": PAPER_HELP,
        "build-dir": "where the last build went, to read its PDF and log (default: build)",
        "json": "print one JSON object on stdout instead of a summary",
        "strict": "exit non-zero on any unresolved citation, error or warning",
    }
)
def check(c, paper=PAPER, build_dir=BUILD, json=False, strict=False):
    """List citations, unresolved and uncited works, problems: e.g. `invoke check --strict`."""
    cli.guard(cli.check, Path(paper), Path(build_dir), json, strict)
