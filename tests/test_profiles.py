"""Profiles: the anonymised manuscript, the handout and its booklet, and the submission.

The compile tests share one build of each output (module-scoped fixtures), made
from a copy of the paper whose front matter names an author, an affiliation and
acknowledgements, none of which may reach the anonymised manuscript.
"""

from __future__ import annotations

import fcntl
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import copy_paper, needs_tex
from pypdf import PdfReader

from paperbuild import profiles as profiles_module
from paperbuild import submission as submission_module
from paperbuild.booklet import booklet_order, booklet_profile
from paperbuild.cli import build as cli_build
from paperbuild.compile import CompileResult
from paperbuild.document import BlockQuote, Document, FrontMatter, Heading, Paragraph, Text
from paperbuild.errors import PaperError
from paperbuild.incremental import work_dir
from paperbuild.journals.cover import DEFAULT_FIELDS, Lengths, cover_fields
from paperbuild.latex.escape import escape
from paperbuild.latex.render import render_document
from paperbuild.paper import load_paper
from paperbuild.pipeline import BuildResult, build
from paperbuild.profiles import get_profile, load_profiles
from paperbuild.stages import analyse
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
    document = named_document()
    cover = cover_fields(DEFAULT_FIELDS, document.meta, Lengths(5811, 641))
    latex = render_document(
        document, "titlepage.tex.jinja", "references.bib",
        {**get_profile("manuscript").settings, "cover": cover},
    ).latex  # fmt: skip
    for text in (escape(AUTHOR), AFFILIATION, "Quillfeather", "5,811", "641", "6,452"):
        assert text in latex
    assert r"\printbibliography" not in latex
    # It cites nothing: no biblatex to load, and no \addbibresource to send latexmk to biber.
    assert "biblatex" not in latex and r"\addbibresource" not in latex
    assert r"\addbibresource{references.bib}" in rendered("manuscript")


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


def test_profiles_are_parsed_once_and_shared_read_only():
    profiles_module.parse_profiles.cache_clear()
    for _ in range(3):
        load_profiles()
        get_profile("manuscript", "letter")
    assert profiles_module.parse_profiles.cache_info().misses == 1
    journal = get_profile("journal")
    with pytest.raises(TypeError):
        journal.settings["paper_size"] = "letter"  # type: ignore[index]
    load_profiles().pop("journal")
    assert get_profile("journal", "letter").settings["paper_size"] == "letter"
    assert get_profile("journal").settings["paper_size"] == "a4"
    assert get_profile("journal") is journal


def test_an_edited_profiles_file_is_read_again(tmp_path):
    spec = tmp_path / "profiles.yaml"
    spec.write_text("profiles:\n  a:\n    template: a.tex.jinja\n    settings: {size: 1}\n")
    assert load_profiles(spec)["a"].settings == {"size": 1}
    spec.write_text("profiles:\n  a:\n    template: a.tex.jinja\n    settings: {size: 2}\n")
    assert load_profiles(spec)["a"].settings == {"size": 2}


def test_the_booklets_work_folder_is_named_once():
    booklet = booklet_profile(get_profile("handout"))
    assert work_dir(Path("build"), "handout", booklet=True).name == booklet.name


@pytest.fixture
def small_paper(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "essay.md").write_text(f'---\ntitle: T\nauthor: "{AUTHOR}"\n---\n\nWords.\n')
    (folder / "sources.txt").write_text("Smith, John. A Book. London: Press, 2001.\n")
    return folder


def test_an_unchanged_title_page_is_not_compiled_again(monkeypatch, small_paper, tmp_path):
    runs: list[str] = []

    def latexmk(workdir, jobname, rendered, epoch):
        runs.append(rendered.latex)
        (workdir / "paper.pdf").write_bytes(b"%PDF-1.5 " + str(len(runs)).encode())
        return CompileResult(workdir / "paper.pdf", "")

    monkeypatch.setattr(submission_module, "run_latexmk", latexmk)
    analysis = analyse(load_paper(small_paper))
    profile = get_profile("manuscript")
    workdir = work_dir(tmp_path / "build", "title-page")
    said: list[str] = []

    def title_page(words: WordCount, epoch: int = 0) -> Path:
        cover = cover_fields(DEFAULT_FIELDS, analysis.placed.meta, Lengths(words.text, 0))
        return submission_module.build_title_page(
            analysis, profile, cover, workdir, epoch, said.append
        )

    first = title_page(WordCount(1, 0))
    assert title_page(WordCount(1, 0)) == first and len(runs) == 1
    assert "the title page did not change" in said[-1]
    title_page(WordCount(2, 0))  # another word count
    title_page(WordCount(2, 0), epoch=86_400)  # another date
    assert len(runs) == 3
    (workdir / "paper.pdf").unlink()  # a PDF gone is made again
    title_page(WordCount(2, 0), epoch=86_400)
    assert len(runs) == 4
    assert not (workdir / "references.bib").exists()


def test_the_submission_reads_the_manuscripts_work_folder_under_its_lock(
    monkeypatch, small_paper, tmp_path
):
    build_dir = tmp_path / "build"
    held: list[str] = []

    def is_locked(workdir: Path) -> bool:
        with open(workdir / ".lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def fake_build(paper_dir, build_dir, profile_name, paper_size, say, corrections=None):
        held.append(f"build {is_locked(work_dir(build_dir, profile_name))}")
        pdf = build_dir / "paper-manuscript.pdf"
        pdf.write_bytes(b"%PDF")
        return BuildResult(pdf, None, "")

    def fake_title_page(analysis, profile, words, workdir, epoch, say):
        held.append(f"title {is_locked(work_dir(build_dir, 'manuscript'))} {is_locked(workdir)}")
        (workdir / "paper.pdf").write_bytes(b"%PDF")
        return workdir / "paper.pdf"

    def fake_archive(workdir, target):
        held.append(f"archive {is_locked(workdir)}")
        return target

    monkeypatch.setattr(submission_module, "build_locked", fake_build)
    monkeypatch.setattr(submission_module, "count_words", lambda *_: WordCount(1, 0))
    monkeypatch.setattr(submission_module, "build_title_page", fake_title_page)
    monkeypatch.setattr(submission_module, "write_archive", fake_archive)
    build_submission(small_paper, build_dir, say=lambda _: None)
    assert held == ["build True", "title True True", "archive True"]
    assert not is_locked(work_dir(build_dir, "manuscript"))


# --- compiled outputs -------------------------------------------------------


@pytest.fixture(scope="module")
def named_paper(tmp_path_factory) -> Path:
    """A copy of paper/ whose front matter names the author, her affiliation and her thanks."""
    root = tmp_path_factory.mktemp("named")
    essay = copy_paper(root / "paper") / "essay.md"
    text = essay.read_text(encoding="utf-8")
    extra = f'author: "{AUTHOR}"\naffiliation: "{AFFILIATION}"\nacknowledgements: "{THANKS}"\n'
    essay.write_text(text.replace("\ntitle:", f"\n{extra}title:", 1), encoding="utf-8")
    return root / "paper"


@pytest.fixture(scope="module")
def outputs(named_paper, tmp_path_factory) -> dict:
    build_dir = tmp_path_factory.mktemp("build")
    said: list[str] = []
    pdfs = {
        "journal": build(named_paper, build_dir, "journal", say=said.append).output,
        "handout": build(named_paper, build_dir, "handout", say=said.append).output,
        "booklet": build(named_paper, build_dir, "handout", say=said.append, booklet=True).output,
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
    assert "/CreationDate" not in (PdfReader(pdf).metadata or {})
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
def test_a_second_submission_runs_no_tex_for_the_title_page(outputs, named_paper):
    work = work_dir(outputs["build_dir"], "title-page")
    assert not (work / "paper.bcf").exists() and not (work / "paper.bbl").exists()  # no biber
    log = work / "paper.log"
    before = log.stat().st_mtime_ns
    said: list[str] = []
    again = build_submission(named_paper, outputs["build_dir"], say=said.append)
    assert log.stat().st_mtime_ns == before
    assert "          up to date (the title page did not change)" in said
    assert again.title_page.read_bytes() == outputs["submission"].title_page.read_bytes()


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
