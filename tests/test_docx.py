"""The Word output: built with the real command, read back from the .docx (python-docx and the
XML in the zip), and compared with the PDF of the same paper read back with pdftotext.

The builds are shared (module-scoped fixtures): the seed as journal and manuscript .docx,
the seed's journal PDF (slow, TeX), and a small paper whose front matter names its author
and whose text and sources hold Cyrillic, accents, quotes, dashes and emphasis.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import REPO, needs_tex
from hypothesis import given
from lxml import etree
from test_bad_input import invoke, snapshot
from test_hostile_text import (
    HOSTILE_LINES,
    HOSTILE_TITLE,
    hostile_samples,
    hostile_text,
    write_hostile_paper,
)

from paperbuild.citations.model import Citation, CiteItem
from paperbuild.document import Document, FrontMatter, Note, Paragraph, Text, inlines, paragraphs
from paperbuild.docx.house_style import make_house_style
from paperbuild.docx.layout import WordLayout, word_layout
from paperbuild.docx.pandoc import pandoc_path, run_pandoc
from paperbuild.docx.pandoc_json import clean, locator, note_inlines, pandoc_document, text_inlines
from paperbuild.docx.readback import read_docx
from paperbuild.docx.write import REFERENCE_DOCX, write_docx
from paperbuild.errors import PaperError
from paperbuild.paper import load_paper
from paperbuild.pipeline import build
from paperbuild.profiles import get_profile
from paperbuild.stages import analyse

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = re.compile(r"[^\W_]+")  # a run of letters or digits: "1878–1928" is two words
SEED_NOTES = 66
NAMED_ESSAY = """---
title: "Тухачевский and the “Red Napoleon”"
subtitle: "A test of the Word output"
author: "Marta Quennell-Ostrova"
affiliation: "Institute of Zellweger Studies"
date: "2026-11-25"
abstract: "What the Word file must keep: emphasis, quotes, dashes and Cyrillic."
keywords: [Stalin, "Red Army"]
acknowledgements: "I thank Professor Ambrose Quillfeather."
---

The *Red Army* -- and its "officers" --- were purged, as Хлевнюк shows (Khlevniuk, 2015, p. 150).
Pierre Broué saw **it** coming (Broué, 1980, pp. 12-14).

## The purge

Broué (1980) names the «bloc» of the oppositions.

### The trial

> Ежов reported "success" (Khlevniuk, 2015, p. 151).
"""
NAMED_BIB = """@book{khlevniuk2015,
  author = {Khlevniuk, Oleg},
  title = {Хозяин: Сталин и утверждение сталинской диктатуры},
  date = {2015}, publisher = {ROSSPEN}, location = {Москва},
}
@article{broue1980,
  author = {Broué, Pierre}, title = {The Bloc of the Oppositions against Stalin},
  journaltitle = {Cahiers Léon Trotsky}, volume = {5}, pages = {5--37}, date = {1980},
}
"""
NAMED = ("Marta Quennell-Ostrova", "Quennell", "Zellweger", "Quillfeather", "2026-11-25")


# -- building blocks, fast ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "given_to_citeproc"),
    [
        ("482", "p. 482"),
        ("4–5", "p. 4–5"),
        ("xii", "p. xii"),  # a bare roman numeral would be read as trailing words
        ("5, emphasis added", "p. 5, emphasis added"),
        ("ch. 3", "ch. 3"),
        ("n. 12", "n. 12"),
        ("§ 4", "§ 4"),
    ],
    ids=["page", "range", "roman", "page-and-words", "chapter", "note", "section"],
)
def test_a_bare_page_is_labelled_for_citeproc(written, given_to_citeproc):
    assert locator(written) == given_to_citeproc


@pytest.mark.parametrize(
    "text",
    [
        r"*not emphasis* [@smith2001] $x^2$ <b>bold</b> \emph{x}",
        "---\ntitle: no\n---",
        "# not a heading",
        "Хлевнюк, «Хозяин» — Broué’s “Bloc”",
    ],
    ids=["markdown-and-latex", "yaml", "heading", "cyrillic-and-quotes"],
)
def test_essay_text_becomes_plain_strings(text):
    nodes = text_inlines(text)
    assert {node["t"] for node in nodes} <= {"Str", "Space", "SoftBreak"}
    assert "".join(node.get("c", "") for node in nodes) == "".join(text.split())


@given(hostile_text)
def test_any_text_comes_through_whole(text):
    """Every character but a space, tab or line break (which become Space and SoftBreak)."""
    strings = "".join(node.get("c", "") for node in text_inlines(text))
    assert strings == re.sub(r"[ \t\r\n]", "", clean(text))


def test_characters_xml_cannot_hold_are_shown_by_their_code():
    assert clean("bell\x07 and e\u0301") == "bellU+0007 and é"


def cite(author: str, year: str, key: str | None, where: str | None = None) -> CiteItem:
    return CiteItem(author, (author,), False, year, where, None, key)


@pytest.mark.parametrize(
    ("items", "shape"),
    [
        ([cite("Roberts", "2006", "roberts2006", "xii")], ["Cite"]),
        ([cite("Kotkin", "2017", None)], ["Span", "Str"]),
        (
            [cite("Roberts", "2006", "roberts2006"), cite("Kotkin", "2017", None)],
            ["Cite", "Str", "Space", "Span", "Str"],
        ),
    ],
    ids=["resolved", "unresolved", "both"],
)
def test_a_note_holds_its_citations_and_marks_the_unresolved(items, shape):
    citation = Citation("parenthetical", "(…)", 0, 1, 0, 1, tuple(items))
    nodes = note_inlines(Note((citation,), 1))
    assert [node["t"] for node in nodes] == shape
    for span in (node for node in nodes if node["t"] == "Span"):
        assert span["c"][0][2] == [["custom-style", "Unresolved Citation"]]
        label = "".join(node.get("c", " ") for node in span["c"][1])
        assert label == "[?? Kotkin, 2017: not in the sources]"


@pytest.mark.parametrize("profile", ["journal", "manuscript"])
def test_front_and_back_matter_follow_the_layout(profile):
    meta = FrontMatter(
        "T", author="A. Author", affiliation="Place", date="2026", acknowledgements="Thanks."
    )
    document = Document(meta, (Paragraph((Text("Body.", 1),), 1),), "essay.md")
    layout = word_layout(get_profile(profile).settings)
    ast = pandoc_document(document, layout, [1, 23, 1])
    styles = [b["c"][0][2][0][1] for b in ast["blocks"] if b["t"] == "Div"]
    headings = [b for b in ast["blocks"] if b["t"] == "Header"]
    if layout.anonymous:
        assert styles == [] and headings == []
    else:
        assert styles == ["Author", "Affiliation", "Date"] and len(headings) == 1
    assert "author" not in ast["meta"]  # docProps gets the author after pandoc, or none


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("journal", WordLayout(font_size=11.0, note_size=9.0, paper_size="a4")),
        (
            "manuscript",
            WordLayout(
                anonymous=True,
                font="Times New Roman",
                font_size=12.0,
                note_size=10.0,
                line_spacing=2.0,
                quote_spacing=2.0,
                note_spacing=2.0,
                margin_inches=1.0,
                paper_size="a4",
                line_numbers=True,
            ),
        ),
    ],
)
def test_profiles_configure_the_word_layout(profile, expected):
    assert word_layout(get_profile(profile).settings) == expected


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"notes": "sidenotes"}, "notes: 'sidenotes'; choose footnotes or endnotes"),
        ({"font_size": "large"}, "font size 'large': write it as 12pt"),
        ({"line_spacing": "triple"}, "line spacing 'triple': choose single, onehalf, double"),
        ({"margin": "wide"}, "margin 'wide': write it as 1in, 2.5cm or 25mm"),
    ],
    ids=["notes", "font-size", "spacing", "margin"],
)
def test_a_bad_layout_setting_is_named(setting, message):
    with pytest.raises(PaperError, match=re.escape(message)):
        word_layout(setting)


def test_margins_in_other_units():
    assert word_layout({"margin": "2.54cm"}).margin_inches == pytest.approx(1.0)
    assert word_layout({"margin": "25.4mm"}).margin_inches == pytest.approx(1.0)


def test_without_pandoc_the_build_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # as if pypandoc-binary were missing
    pandoc_path.cache_clear()
    try:
        with pytest.raises(PaperError, match=r"docx error: pandoc not found: run 'invoke setup'"):
            pandoc_path()
    finally:
        pandoc_path.cache_clear()


def test_a_pandoc_failure_is_one_line(tmp_path):
    with pytest.raises(PaperError, match=r"^docx error: pandoc failed: .*nonsense") as failure:
        run_pandoc(["--from=nonsense"], tmp_path, stdin="")
    assert "\n" not in str(failure.value)


# -- the seed as Word files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> dict:
    """A copy of the seed paper, built as journal and manuscript .docx by the real command."""
    root = tmp_path_factory.mktemp("docx-seed")
    shutil.copytree(REPO / "paper", root / "paper")
    shutil.copytree(REPO / "bib", root / "bib")
    paper, build_dir = root / "paper", root / "build"
    before = snapshot(paper)
    procs = {
        profile: invoke(
            "build",
            "--paper",
            str(paper),
            "--build-dir",
            str(build_dir),
            "--profile",
            profile,
            "--to",
            "docx",
        )  # fmt: skip
        for profile in ("journal", "manuscript")
    }
    return {"paper": paper, "build": build_dir, "procs": procs, "before": before}


def parts_text(path: Path) -> str:
    """Every XML part of a .docx, as text: what a reader of the file could find."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(n).decode("utf-8") for n in package.namelist())


def xml_part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


@pytest.mark.parametrize(
    ("profile", "name"), [("journal", "paper.docx"), ("manuscript", "paper-manuscript.docx")]
)
def test_build_to_docx_prints_the_path_last(seed, profile, name):
    proc = seed["procs"][profile]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(seed["build"] / name)
    assert (seed["build"] / name).is_file()
    assert snapshot(seed["paper"]) == seed["before"]  # the author's files are untouched


def test_manuscript_build_prints_its_word_count(seed):
    said = seed["procs"]["manuscript"].stdout
    counted = re.search(r"^words +text ([\d,]+), notes ([\d,]+), total ([\d,]+)", said, re.M)
    text, notes, total = (int(n.replace(",", "")) for n in counted.groups())
    read = read_docx(seed["build"] / "paper-manuscript.docx")
    assert notes == read.note_words > 400 and total == text + notes


def test_notes_are_word_footnotes(seed):
    path = seed["build"] / "paper.docx"
    info = read_docx(path)
    assert info.note_kind == "footnotes" and len(info.notes) == SEED_NOTES
    marks = xml_part(path, "word/document.xml").findall(f".//{W}footnoteReference")
    assert len(marks) == SEED_NOTES
    assert all(mark.getprevious() is not None for mark in marks)  # styled as a reference


def test_the_journal_uses_the_reference_styles(seed):
    info = read_docx(seed["build"] / "paper.docx")
    wanted = {"Title", "Subtitle", "Heading 1", "First Paragraph", "Body Text", "Block Text"}
    assert wanted | {"Footnote Text", "Bibliography"} <= set(info.styles)
    document = docx.Document(str(seed["build"] / "paper.docx"))
    direct = [r for p in document.paragraphs for r in p.runs if r.font.size or r.font.name]
    assert direct == []  # styles, not direct formatting


def test_the_bibliography_lists_every_source_with_hanging_indents(seed):
    document = docx.Document(str(seed["build"] / "paper.docx"))
    entries = [p for p in document.paragraphs if p.style.name == "Bibliography"]
    sources = load_paper(seed["paper"]).bibliography.entries
    assert len(entries) == len(sources)
    assert entries[0].text.startswith("Bellamy, Chris.")
    indent = document.styles["Bibliography"].paragraph_format
    assert indent.first_line_indent < 0 < indent.left_indent
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Bibliography"


def test_an_unresolved_citation_is_marked_in_its_note(seed):
    path = seed["build"] / "paper.docx"
    assert "[?? Kotkin, 2017: not in the sources]." in read_docx(path).notes
    styles = [s.get(f"{W}val") for s in xml_part(path, "word/footnotes.xml").iter(f"{W}rStyle")]
    assert "UnresolvedCitation" in styles
    marked = docx.Document(str(path)).styles["Unresolved Citation"].font
    assert marked.bold and str(marked.color.rgb) == "B30000"


def test_first_and_short_notes_read_as_chicago(seed):
    notes = read_docx(seed["build"] / "paper.docx").notes
    assert notes[0] == "V. Rogovin, 1937: Stalin’s Year of Terror (Mehring Books, 1998), 482."
    assert notes[5] == "Roberts, Stalin’s Wars, 19."  # a later note: author and short title
    assert notes[6] == "Roberts, 18."  # the same work as the note before: author only


def test_the_manuscript_is_laid_out_for_review(seed):
    path = seed["build"] / "paper-manuscript.docx"
    document = docx.Document(str(path))
    section = document.sections[0]
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert all(abs(margin.inches - 1) < 0.01 for margin in margins)
    numbering = xml_part(path, "word/document.xml").find(f".//{W}sectPr/{W}lnNumType")
    assert numbering is not None and numbering.get(f"{W}countBy") == "1"
    footer = "".join(etree.tostring(p._p, encoding="unicode") for p in section.footer.paragraphs)
    assert 'w:instr="PAGE"' in footer
    styles = document.styles
    for name in ("Body Text", "First Paragraph", "Block Text", "Footnote Text", "Bibliography"):
        assert styles[name].paragraph_format.line_spacing == 2.0, name
    assert styles["Body Text"].font.size.pt == 12 and styles["Block Text"].font.size.pt == 12
    fonts = xml_part(path, "word/styles.xml").find(f".//{W}docDefaults//{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "Times New Roman"


def test_word_files_are_reproducible(seed, tmp_path):
    again = tmp_path / "again"
    proc = invoke("build", "--paper", str(seed["paper"]), "--build-dir", str(again), "--to", "docx")
    assert proc.returncode == 0, proc.stderr
    assert (again / "paper.docx").read_bytes() == (seed["build"] / "paper.docx").read_bytes()


def test_an_unchanged_paper_is_up_to_date(seed):
    proc = invoke("build", "--paper", str(seed["paper"]), "--build-dir", str(seed["build"]),
                  "--to", "docx")  # fmt: skip
    assert "up to date" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == str(seed["build"] / "paper.docx")


def test_check_reads_the_docx_back(seed):
    proc = invoke(
        "check", "--paper", str(seed["paper"]), "--build-dir", str(seed["build"]), "--json"
    )
    report = json.loads(proc.stdout)["docx"]
    assert report["notes"] == SEED_NOTES and report["note_kind"] == "footnotes"
    assert report["title"] == "The “Red Napoleon” Who Never Was"
    words = report["words"]
    assert words["notes"] > 400 and words["total"] == words["text"] + words["notes"]
    summary = invoke("check", "--paper", str(seed["paper"]), "--build-dir", str(seed["build"]))
    assert (
        f"docx: {seed['build'] / 'paper.docx'}, {SEED_NOTES} footnotes, title: " in summary.stdout
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--profile", "handout", "--to", "docx"], "the handout profile is made as pdf only"),
        (["--to", "rtf"], "unknown output 'rtf'; choose pdf or docx"),
        (["--profile", "handout", "--booklet", "--to", "docx"], "--booklet imposes a PDF"),
    ],
    ids=["handout", "unknown-format", "booklet"],
)
def test_a_format_a_profile_lacks_fails_in_one_line(options, message, tmp_path):
    proc = invoke("build", "--build-dir", str(tmp_path), *options)
    assert proc.returncode == 1 and message in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "paper.docx").exists()


def test_endnotes_where_a_layout_asks(tmp_path):
    paper = load_paper(REPO / "paper")
    placed = analyse(paper).placed
    path = write_docx(placed, paper.bibtex, WordLayout(notes="endnotes"), tmp_path, 0)
    info = read_docx(path)
    assert info.note_kind == "endnotes" and len(info.notes) == SEED_NOTES
    assert "Endnote Text" in info.styles
    body = xml_part(path, "word/document.xml")
    assert body.find(f".//{W}footnoteReference") is None
    assert len(body.findall(f".//{W}endnoteReference")) == SEED_NOTES
    for numbering in (  # 1, 2, 3 (Word's default is i, ii, iii), for Word and LibreOffice
        xml_part(path, "word/settings.xml").find(f"{W}endnotePr"),
        body.find(f".//{W}sectPr/{W}endnotePr"),
    ):
        assert numbering.find(f"{W}numFmt").get(f"{W}val") == "decimal"
    assert "word/endnotes.xml" in zipfile.ZipFile(path).namelist()


def test_the_committed_reference_document_is_the_house_style(tmp_path):
    made = make_house_style(tmp_path / "reference.docx")
    canonical = [
        etree.tostring(xml_part(path, "word/styles.xml"), method="c14n")
        for path in (made, REFERENCE_DOCX)
    ]
    assert canonical[0] == canonical[1]


# -- a paper that names its author, in Cyrillic and with every kind of mark ---------------------


@pytest.fixture(scope="module")
def named(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("docx-named")
    paper = root / "paper"
    paper.mkdir()
    (paper / "essay.md").write_text(NAMED_ESSAY, encoding="utf-8")
    (paper / "references.bib").write_text(NAMED_BIB, encoding="utf-8")
    built = {}
    for profile in ("journal", "manuscript"):
        result = build(paper, root / "build", profile, say=lambda _: None, to="docx")
        built[profile] = result.output
    return built


def test_the_journal_names_its_author_in_text_and_properties(named):
    path = named["journal"]
    document = docx.Document(str(path))
    styled = {p.style.name: p.text for p in document.paragraphs}
    assert styled["Author"] == "Marta Quennell-Ostrova"
    assert styled["Affiliation"] == "Institute of Zellweger Studies"
    assert "Acknowledgements" in [p.text for p in document.paragraphs]
    info = read_docx(path)
    assert info.author == "Marta Quennell-Ostrova" and info.last_modified_by is None
    assert info.title == "Тухачевский and the “Red Napoleon”"


def test_the_manuscript_names_no_one(named):
    path = named["manuscript"]
    everything = parts_text(path)
    assert [name for name in NAMED if name in everything] == []
    info = read_docx(path)
    assert info.title == "Тухачевский and the “Red Napoleon”"
    assert info.author is None and info.last_modified_by is None
    core = xml_part(path, "docProps/core.xml")
    assert [
        etree.QName(e).localname for e in core if "creator" in e.tag or "Modified" in e.tag
    ] == []
    assert "docProps/custom.xml" not in zipfile.ZipFile(path).namelist()


def test_marks_quotes_dashes_and_cyrillic_come_through(named):
    path = named["journal"]
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "The Red Army – and its “officers” — were purged, as Хлевнюк shows." in text
    assert "Pierre Broué saw it coming." in text and "«bloc»" in text
    assert "Ежов reported “success”." in text
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.text == "Red Army" and r.italic for r in runs)
    assert any(r.text == "it" and r.bold for r in runs)
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == ["The trial"]
    notes = read_docx(path).notes
    assert notes[0] == (
        "Oleg Khlevniuk, Хозяин: Сталин и утверждение сталинской диктатуры "
        "(Москва: ROSSPEN, 2015), 150."
    )
    assert notes[1].startswith("Pierre Broué, “The Bloc of the Oppositions")


def test_hostile_text_is_printed_literally(tmp_path):
    paper = write_hostile_paper(tmp_path / "paper")
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(tmp_path), "--to", "docx")
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "paper.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    for line in HOSTILE_LINES:
        assert line in text  # the emoji and the Chinese character too: Word has fonts for them
    assert "As shown." in text
    info = read_docx(path)
    assert info.title == HOSTILE_TITLE
    assert info.notes == ("John Smith, A Plain Book (2001), 4.",)


def test_random_text_comes_through_word(tmp_path):
    """A few random samples, batched into one document, read back from the .docx as written."""
    samples = hostile_samples()
    blocks = tuple(
        Paragraph((Text(f"Sample {line}: {text}", line),), line)
        for line, text in enumerate(samples, start=1)
    )
    document = Document(FrontMatter(title="Random"), blocks, "random.md")
    path = write_docx(document, "", WordLayout(bibliography=False), tmp_path, 0)
    shown = [p.text for p in docx.Document(str(path)).paragraphs][1:]
    for line, text in enumerate(samples, start=1):
        written = re.sub(r"[ \t\r\n]+", " ", clean(f"Sample {line}: {text}")).strip(" ")
        assert shown[line - 1].strip(" ") == written


# -- against the PDF ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pdf(seed) -> dict:
    """The same paper's journal PDF, its notes read back with pdftotext, and its placed notes."""
    result = build(seed["paper"], seed["build"], say=lambda _: None)
    text = subprocess.run(
        ["pdftotext", str(result.output), "-"], capture_output=True, text=True, check=True
    ).stdout
    placed = result.analysis.placed
    notes = [i for p in paragraphs(placed) for i in inlines(p.inlines) if isinstance(i, Note)]
    return {"text": text, "notes": pdf_notes(text), "placed": notes}


def pdf_notes(text: str) -> list[str]:
    """Each footnote's text, from pdftotext: on each page, from the line "N. " of the next note
    to the next such line or the page's end (a lone page number left out)."""
    notes: list[list[str]] = []
    for page in text.split("\f"):
        current: list[str] | None = None
        for line in page.split("\n"):
            start = re.match(rf"{len(notes) + 1}\. (.*)", line)
            if start:
                current = [start[1]]
                notes.append(current)
            elif current is not None and line.strip() and not line.strip().isdigit():
                current.append(line)
    return [" ".join(" ".join(note).split()) for note in notes]


def words(text: str) -> Counter:
    return Counter(w.casefold() for w in WORD.findall(text.replace("’", "'")))


def shared(note: str, other: str) -> float:
    """The share of ``note``'s words (counted with repeats) that ``other`` has too."""
    mine, theirs = words(note), words(other)
    return sum((mine & theirs).values()) / max(1, sum(mine.values()))


def whole_work_after_a_page(notes: list[Note]) -> set[int]:
    """Notes (1-based) citing one work as a whole right after a note citing a page of it alone.

    biblatex-chicago prints such a note author-only ("Roberts."), which Chicago (14.34)
    reserves for the same page; citeproc gives the short title instead ("Roberts, Stalin's
    Wars."), so these are compared the other way round.
    """
    found = set()
    for number, (before, note) in enumerate(zip(notes, notes[1:], strict=False), start=2):
        items = [i for c in note.citations for i in c.items]
        previous = [i for c in before.citations for i in c.items]
        same = len(items) == len(previous) == 1 and items[0].key == previous[0].key
        if same and items[0].key and previous[0].locator and not items[0].locator:
            found.add(number)
    return found


@pytest.mark.slow
@needs_tex
def test_as_many_footnotes_as_the_pdf(seed, seed_pdf):
    assert (
        len(seed_pdf["notes"]) == len(read_docx(seed["build"] / "paper.docx").notes) == SEED_NOTES
    )


@pytest.mark.slow
@needs_tex
def test_each_note_has_the_pdf_notes_words(seed, seed_pdf):
    """At least 90% of each Word note's words are its PDF note's words."""
    docx_notes = read_docx(seed["build"] / "paper.docx").notes
    other_way = whole_work_after_a_page(seed_pdf["placed"])
    assert other_way == {66}
    for number, (mine, pdf) in enumerate(zip(docx_notes, seed_pdf["notes"], strict=True), 1):
        if number in other_way:
            assert shared(pdf, mine) == 1, (number, mine, pdf)
        else:
            assert shared(mine, pdf) >= 0.9, (number, mine, pdf)


@pytest.mark.slow
@needs_tex
def test_first_and_short_notes_equal_the_pdf(seed, seed_pdf):
    docx_notes = read_docx(seed["build"] / "paper.docx").notes
    for number in (1, 2, 6, 7):  # full, full, short, author only
        assert docx_notes[number - 1] == seed_pdf["notes"][number - 1].replace(
            "http: //", "http://"
        )


@pytest.mark.slow
@needs_tex
def test_marks_sit_where_the_pdf_puts_them(seed, seed_pdf):
    """The word each mark follows in Word is followed by that mark's number in the PDF."""
    document = xml_part(seed["build"] / "paper.docx", "word/document.xml")
    flat = []
    for node in document.iter(f"{W}t", f"{W}footnoteReference"):
        flat.append(node.text or "" if node.tag == f"{W}t" else "\0")
    before = [same_quotes(word) for word in re.findall(r"(\S+)\0", "".join(flat))]
    pdf = same_quotes(" ".join(re.sub(r"(?<=\w)-\n(?=\w)", "", seed_pdf["text"]).split()))
    assert len(before) == SEED_NOTES
    for number, word in enumerate(before, start=1):
        assert f"{word}{number}" in pdf, (number, word)


def same_quotes(text: str) -> str:
    """Two single quotes as the double quote the PDF's fonts join them into (the essay's
    ‘‘Rightists,’’ prints “Rightists,” in the PDF; Word keeps what was written)."""
    return text.replace("’’", "”").replace("‘‘", "“")


# -- LibreOffice, where installed ---------------------------------------------------------------


@pytest.mark.optional_in_ci
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_word_files(seed, tmp_path):
    paper = load_paper(seed["paper"])
    endnotes = write_docx(analyse(paper).placed, paper.bibtex, WordLayout(notes="endnotes"),
                          tmp_path / "endnotes", 0)  # fmt: skip
    files = [seed["build"] / "paper.docx", seed["build"] / "paper-manuscript.docx", endnotes]
    command = ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, files)]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for path in files:
        pdf = tmp_path / "pdf" / f"{path.stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        assert "The “Red Napoleon” Who Never Was" in flat, path
        assert "V. Rogovin, 1937: Stalin’s Year of Terror (Mehring Books, 1998), 482." in flat
