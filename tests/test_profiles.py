"""Profiles: the anonymised manuscript, the handout and its booklet, and the submission.

The compile tests share one build of each output (module-scoped fixtures), made
from a copy of the paper whose front matter names an author, an affiliation and
acknowledgements, none of which may reach the anonymised manuscript.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, needs_tex
from pypdf import PdfReader

from paperbuild.booklet import booklet_order, booklet_profile
from paperbuild.cli import build as cli_build
from paperbuild.document import BlockQuote, Document, FrontMatter, Heading, Paragraph, Text
from paperbuild.errors import PaperError
from paperbuild.latex.escape import escape
from paperbuild.latex.render import render_document
from paperbuild.pipeline import build
from paperbuild.profiles import get_profile, load_profiles
from paperbuild.submission import build_submission, without_local_paths
from paperbuild.wordcount import WordCount, prose_words, words_in

AUTHOR = "Marta Quennell-Ostrova"
AFFILIATION = "Institute of Zellweger Studies"
THANKS = "I thank Professor Ambrose Quillfeather."
IDENTIFYING = (AUTHOR, "Quennell", AFFILIATION, "Zellweger", "Quillfeather")


def named_document() -> Document:
    meta = FrontMatter(
        title="Plans",
        author=AUTHOR,
        affiliation=AFFILIATION,
        abstract="On plans.",
        keywords=("Stalin",),
        acknowledgements=THANKS,
    )
    blocks = (
        Heading(2, (Text("Two words", 3),), 3),
        Paragraph((Text("One two three, 1937.", 5),), 5),
        BlockQuote((Paragraph((Text("Four five — six", 7),), 7),), 7),
    )
    return Document(meta, blocks, "/home/someone/paper/essay.md")


def rendered(profile_name: str, **settings) -> str:
    profile = get_profile(profile_name)
    return render_document(
        named_document(), profile.template, "references.bib", {**profile.settings, **settings}
    ).latex


def test_every_profile_writes_its_own_pdf():
    profiles = load_profiles()
    names = [p.pdf_name() for p in profiles.values()]
    names.append(booklet_profile(profiles["handout"]).pdf_name())
    assert len(set(names)) == len(names)
    assert profiles["journal"].pdf_name() == "paper.pdf"


@pytest.mark.parametrize("name", sorted(load_profiles()))
def test_only_notes_are_set_at_the_note_size(name):
    """paperbuild.wordcount counts the words set at \\footnotesize as notes."""
    assert r"\footnotesize" not in rendered(name)


def test_the_manuscript_names_nobody():
    latex = rendered("manuscript")
    for text in IDENTIFYING:
        assert text not in latex
    assert "pdfauthor" not in latex
    assert r"\linenumbers" in latex and r"\doublespacing" in latex


def test_the_journal_prints_author_and_thanks():
    latex = rendered("journal")
    assert f"pdfauthor={{{escape(AUTHOR)}}}" in latex
    assert "Quillfeather" in latex


def test_the_title_page_holds_what_the_manuscript_leaves_out():
    latex = render_document(
        named_document(), "titlepage.tex.jinja", "references.bib",
        {**get_profile("manuscript").settings, "words": WordCount(5811, 641)},
    ).latex  # fmt: skip
    for text in (escape(AUTHOR), AFFILIATION, "Quillfeather", "5,811", "641", "6,452"):
        assert text in latex
    assert r"\printbibliography" not in latex


def test_the_handout_has_two_columns_and_the_booklet_one_on_half_a_sheet():
    assert r"\twocolumn[" in rendered("handout")
    booklet = booklet_profile(get_profile("handout", "letter"))
    latex = rendered("handout", **booklet.settings)
    assert r"\twocolumn" not in latex
    assert "paperwidth=5.5in,paperheight=8.5in" in latex


def test_booklet_order_puts_first_and_last_pages_on_the_outer_side():
    assert booklet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    assert booklet_order(5) == [(None, 0), (1, None), (None, 2), (3, 4)]


def test_prose_words_count_text_quotes_and_headings_not_notes():
    assert prose_words(named_document()) == 2 + 4 + 3  # a lone dash is no word
    assert words_in("pp. 4–5 § Marxist-Leninist") == 3


def test_archived_source_names_no_local_path():
    latex = "%% /home/someone/paper/essay.md:12\nText\n%% essay.md:3\n"
    assert without_local_paths(latex) == "%% essay.md:12\nText\n%% essay.md:3\n"


def test_booklet_is_for_the_handout_only(tmp_path):
    with pytest.raises(PaperError, match="--profile handout"):
        cli_build(tmp_path, tmp_path, "journal", None, booklet=True)


# --- compiled outputs -------------------------------------------------------


@pytest.fixture(scope="module")
def named_paper(tmp_path_factory) -> Path:
    """A copy of paper/ whose front matter names the author, her affiliation and her thanks."""
    root = tmp_path_factory.mktemp("named")
    shutil.copytree(REPO / "paper", root / "paper")
    if (REPO / "bib").is_dir():
        shutil.copytree(REPO / "bib", root / "bib")
    essay = root / "paper" / "essay.md"
    text = essay.read_text(encoding="utf-8")
    extra = f'author: "{AUTHOR}"\naffiliation: "{AFFILIATION}"\nacknowledgements: "{THANKS}"\n'
    essay.write_text(text.replace("\ntitle:", f"\n{extra}title:", 1), encoding="utf-8")
    return root / "paper"


@pytest.fixture(scope="module")
def outputs(named_paper, tmp_path_factory) -> dict:
    build_dir = tmp_path_factory.mktemp("build")
    said: list[str] = []
    pdfs = {
        "journal": build(named_paper, build_dir, "journal", say=said.append).pdf,
        "handout": build(named_paper, build_dir, "handout", say=said.append).pdf,
        "booklet": build(named_paper, build_dir, "handout", say=said.append, booklet=True).pdf,
    }
    return {**pdfs, "build_dir": build_dir, "submission": build_submission(
        named_paper, build_dir, say=said.append), "said": said}  # fmt: skip


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.slow
@needs_tex
def test_manuscript_has_line_numbers_and_no_author(outputs):
    pdf = outputs["submission"].manuscript
    page_two = pdf_text(pdf, "-layout", "-f", "2", "-l", "2")
    numbers = [int(n) for n in re.findall(r"^\s*(\d+) {2,}\S", page_two, re.M)]
    assert len(numbers) > 20 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    metadata = " ".join(str(value) for value in (PdfReader(pdf).metadata or {}).values())
    text = pdf_text(pdf) + metadata + pdf.read_bytes().decode("latin-1")
    for name in IDENTIFYING:
        assert name not in text
    assert AUTHOR in PdfReader(outputs["journal"]).metadata.author


@pytest.mark.slow
@needs_tex
def test_handout_is_shorter_and_booklet_is_landscape_with_half_the_pages(outputs):
    journal, handout = (len(PdfReader(outputs[k]).pages) for k in ("journal", "handout"))
    assert handout < journal
    pages = len(PdfReader(outputs["build_dir"] / "work" / "handout-booklet" / "paper.pdf").pages)
    sides = PdfReader(outputs["booklet"]).pages
    assert len(sides) == 2 * -(-pages // 4)
    assert all(side.mediabox.width > side.mediabox.height for side in sides)
    assert outputs["booklet"].name == "paper-handout-booklet.pdf"


@pytest.mark.slow
@needs_tex
def test_submission_title_page_and_word_count(outputs):
    written = outputs["submission"]
    assert written.manuscript.parent.name == "submission"
    title_page = pdf_text(written.title_page)
    assert AUTHOR in title_page and AFFILIATION in title_page and "Quillfeather" in title_page
    assert f"{written.words.total:,}" in title_page
    assert written.words.text > 5000 and written.words.notes > 100
    assert f"words     {written.words}" in outputs["said"]


@pytest.mark.slow
@needs_tex
def test_source_archive_compiles_with_pdflatex_alone(outputs, tmp_path):
    with zipfile.ZipFile(outputs["submission"].archive) as archive:
        assert sorted(archive.namelist()) == ["paper.bbl", "paper.tex", "references.bib"]
        archive.extractall(tmp_path)
    tex = (tmp_path / "paper.tex").read_text(encoding="utf-8")
    assert not re.search(r"(^|[\s{:])/(home|tmp|root|work|usr)\b", tex, re.M)
    assert not any(name in tex for name in IDENTIFYING)
    for _ in range(2):
        subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"],
            cwd=tmp_path, capture_output=True, check=True, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log.lower()
    assert "Please (re)run Biber" not in log
    assert len(PdfReader(tmp_path / "paper.pdf").pages) == len(
        PdfReader(outputs["submission"].manuscript).pages
    )
