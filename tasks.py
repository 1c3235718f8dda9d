"""Invoke tasks: read arguments, call paperbuild, turn its errors into clean exits."""

from __future__ import annotations

from pathlib import Path

from invoke import task

from paperbuild import cli

PAPER = "paper"
BUILD = "build"


@task
def setup(c):
    """Install the Debian TeX Live packages the build needs (only missing ones) and paperbuild."""
    cli.guard(cli.setup, c)


@task(
    help={
        "paper": "paper folder holding essay.md and sources.txt (default: paper)",
        "build-dir": "where outputs go (default: build)",
        "profile": "journal (default), manuscript or handout",
        "paper-size": "a4 or letter (default: the front matter's paper-size, else the profile's)",
    }
)
def build(c, paper=PAPER, build_dir=BUILD, profile="journal", paper_size=None):
    """Build the PDF: e.g. `invoke build`, `invoke build --profile handout --paper-size letter`."""
    pdf = cli.guard(cli.build, Path(paper), Path(build_dir), profile, paper_size)
    print(pdf)

