"""Journals as data: the YAML files, the rules they derive, the submission and its checklist.

The Word submissions run no TeX, so each is built for real, once per module
(pandoc writes them; python-docx and pandoc's own docx reader read them back).
One journal written here, as a new YAML file in a folder of its own, asks for a
PDF as well: the only TeX compile, marked slow. The Cyrillic sources are in
``tests/journal-paper`` (the seed's Sources list has none).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from conftest import REPO, needs_tex
from pypdf import PdfReader, PdfWriter

from paperbuild import cli
from paperbuild.checks import check_paper
from paperbuild.document import BlockQuote, Document, FrontMatter, Heading, Paragraph, Text
from paperbuild.docx.layout import word_layout
from paperbuild.docx.pandoc import run_pandoc
from paperbuild.docx.readback import read_docx
from paperbuild.errors import PaperError
from paperbuild.journals import spec
from paperbuild.journals.anonymity import file_findings, text_findings
from paperbuild.journals.checklist import Check
from paperbuild.journals.cover import Lengths, cover_fields
from paperbuild.journals.layout import journal_profile
from paperbuild.journals.romanise import romanise, romanise_bibtex
from paperbuild.journals.spec import Length, journal_names, load_journal, parse_journal
from paperbuild.journals.submit import build_journal_submission
from paperbuild.manuscript import read_manuscript
from paperbuild.wordcount import words_in

JOURNAL_PAPER = Path(__file__).resolve().parent / "journal-paper"
SHIPPED = ("american-historical-review", "cahiers-du-monde-russe", "cold-war-studies", "kritika",
           "russian-review", "slavic-review")  # fmt: skip
AUTHOR = "Marta Quennell-Ostrova"
NAMED = {
    "author": AUTHOR,
    "affiliation": "Institute of Zellweger Studies",
    "email": "marta@example.org",
    "abstract": "The execution of Tukhachevsky read as the end of a struggle over the army.",
    "bio": "Marta Quennell-Ostrova writes on the Red Army between the wars.",
    "acknowledgements": "I thank Professor Ambrose Quillfeather.",
}


# --- the journal files --------------------------------------------------------------------


def test_the_six_journals_are_shipped_and_listed_one_line_each():
    assert set(SHIPPED) <= set(journal_names())
    lines = cli.journals()
    assert len(lines) == len(journal_names())
    assert any(line.startswith("slavic-review ") and "note words ≤ 3,000" in line for line in lines)


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_journal_names_its_guidelines_and_derives_a_word_layout(name):
    journal = load_journal(name)
    assert journal.url.startswith("https://") and journal.read == "2026-11-30"
    text = journal.path.read_text(encoding="utf-8")
    assert "issue 12" in text and "cannot browse" in text  # where its values come from
    layout = word_layout(journal_profile(journal).settings)
    assert layout.notes == journal.notes and layout.bibliography == journal.bibliography
    assert layout.anonymous and layout.paper_size == journal.page.get("size")


@pytest.mark.parametrize(
    ("name", "notes", "limits", "scheme"),
    [
        ("slavic-review", "footnotes", {"text words": "≤ 8,000", "note words": "≤ 3,000"}, "none"),
        ("russian-review", "endnotes", {"total words": "≤ 9,000"}, "ala_lc_alt"),
        ("kritika", "footnotes", {"total words": "in 8,000–12,000"}, "ala_lc"),
        ("cold-war-studies", "endnotes", {}, "none"),
        ("american-historical-review", "footnotes", {"text words": "≤ 8,000"}, "none"),
        ("cahiers-du-monde-russe", "footnotes", {"characters": "≈ 60,000"}, "scientific"),
    ],
    ids=lambda value: value if isinstance(value, str) and "-" in value else "",
)  # fmt: skip
def test_each_journal_holds_the_rules_of_its_guidelines(name, notes, limits, scheme):
    journal = load_journal(name)
    assert journal.notes == notes and not journal.bibliography
    assert {limit.rule: str(limit.length) for limit in journal.limits} == limits
    assert journal.transliteration == scheme


def test_the_summarys_other_rules():
    slavic, cold_war = load_journal("slavic-review"), load_journal("cold-war-studies")
    assert (slavic.abstract.about, slavic.bio.about) == (150, 75)
    assert {"self_reference", "acknowledgements", "affiliation"} <= set(slavic.anonymise)
    assert cold_war.abstract.max == 150 and "self_reference" in cold_war.anonymise
    ahr = journal_profile(load_journal("american-historical-review")).settings
    assert (ahr["paper_size"], ahr["font"], ahr["font_size"]) == (
        "letter",
        "Times New Roman",
        "12pt",
    )
    cahiers = load_journal("cahiers-du-monde-russe").limits[0]
    assert (cahiers.length.unit, cahiers.counts) == ("characters", ("text", "notes"))


GOOD = yaml.safe_load((REPO / "templates" / "journals" / "slavic-review.yaml").read_text("utf-8"))
PAGE = GOOD["page"]


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"name": None}, "the file: 'name' is a required property"),
        ({"formats": ["rtf"]}, "formats[0]: 'rtf' is not one of"),
        ({"limits": [{"rule": "w", "counts": ["words"], "max": 1}]},
         "limits[0].counts[0]: 'words'"),
        ({"limits": [{"rule": "w", "counts": ["text"], "max": -5}]},
         "limits[0].max: -5 is less than the minimum of 1"),
        ({"notes": "sidenotes"}, "notes: 'sidenotes' is not one of"),
        ({"page": {**PAGE, "font_size": "14pt"}}, "page.font_size: '14pt' is not one of"),
        ({"guidelines": {"url": "https://x.org", "read": "last week"}},
         "guidelines.read: 'last week' does not match"),
        ({"colour": "red"}, "Additional properties are not allowed ('colour' was unexpected)"),
        ({"transliteration": "lc"}, "transliteration: 'lc'; choose none or one of iuliia's"),
        ({"formats": ["pdf"], "notes": "endnotes"},
         "notes: endnotes: the PDF is made with footnotes only"),
        ({"formats": ["pdf"], "transliteration": "ala_lc"},
         "transliteration: ala_lc writes U+0361 U+02BA U+02B9, which the PDF's fonts cannot"),
        ({"formats": ["pdf"], "transliteration": "ala_lc_alt"}, None),
    ],
    ids=["no-name", "bad-format", "bad-count", "negative", "bad-notes", "big-font", "bad-date",
         "unknown-key", "bad-scheme", "pdf-endnotes", "pdf-ala-lc", "pdf-ala-lc-alt"],
)  # fmt: skip
def test_a_bad_journal_file_fails_in_one_line_naming_file_and_field(edits, message, tmp_path):
    path = tmp_path / "slavic-review.yaml"
    data = {key: value for key, value in {**GOOD, **edits}.items() if value is not None}
    text = yaml.safe_dump(data, allow_unicode=True)
    if message is None:
        assert parse_journal(text, path).formats == ("pdf",)
        return
    with pytest.raises(PaperError) as caught:
        parse_journal(text, path)
    assert str(caught.value).startswith(f"input error: {path}: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_broken_yaml_names_its_line(tmp_path):
    with pytest.raises(PaperError, match=r"x\.yaml:2: "):
        parse_journal("name: A\nnotes: : x\n", tmp_path / "x.yaml")


def test_an_unknown_journal_names_the_known_ones():
    with pytest.raises(PaperError, match="unknown journal 'nature'; choose one of: american"):
        load_journal("nature")


@pytest.mark.parametrize(
    ("length", "value", "allowed", "shown"),
    [
        (Length(max=8000), 8000, True, "≤ 8,000"),
        (Length(max=8000), 8001, False, "≤ 8,000"),
        (Length(min=8000, max=12000), 7999, False, "in 8,000–12,000"),
        (Length(about=150), 165, True, "≈ 150"),
        (Length(about=150), 166, False, "≈ 150"),
    ],
    ids=["at-max", "over-max", "under-min", "about-within-10pc", "about-over"],
)
def test_lengths(length, value, allowed, shown):
    assert (length.allows(value), str(length)) == (allowed, shown)


def test_the_checklist_reads_as_the_issue_writes_it():
    assert Check("text words", "5,811", True, "≤ 8,000").text == "text words 5,811 ≤ 8,000 ✓"
    assert Check("abstract", "missing", False).text == "abstract: missing ✗"
    found = Check("self-reference", "my article", False, line=44, path="essay.md")
    assert found.text == "self-reference 'my article' at essay.md:44 ✗"


# --- romanisation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "cyrillic", "latin"),
    [
        ("ala_lc", "Юлия Щёлкина, Подъячев, Ельцин", "I͡ulii͡a Shchëlkina, Podʺi͡achev, Elʹt͡sin"),
        ("ala_lc_alt", "Юлия Щёлкина, Подъячев, Ельцин", "Iuliia Shchelkina, Pod\"iachev, El'tsin"),
        ("scientific", "Хрущёв и Тухачевский", "Xruščëv i Tuxačevskij"),
        ("ala_lc", "Whitewood, 1937", "Whitewood, 1937"),
    ],
    ids=["ala-lc", "ala-lc-no-diacritics", "scientific", "latin-untouched"],
)
def test_romanise_by_iuliias_tables(scheme, cyrillic, latin):
    assert romanise(cyrillic, scheme) == latin


def test_romanised_bibtex_keeps_latin_entries_and_marks_russian_ones():
    bibtex = (
        "@book{k,\n  author = {Кантор, Юлия},\n  title = {Война и мир},\n  date = {2005},\n}\n\n"
        "@book{u,\n  author = {Їжак, Іван},\n  title = {Київ},\n  date = {2000},\n}\n\n"
        "@book{w,\n  author = {Whitewood, Peter},\n  title = {The Red Army},\n  date = {2015},\n}\n"
    )
    done = romanise_bibtex(bibtex, "ala_lc_alt")
    assert "author = {Kantor, Iuliia}" in done.bibtex and "title = {Voina i mir}" in done.bibtex
    assert "langid = {russian}" in done.bibtex  # sentence case kept by citeproc
    assert "@book{w,\n  author = {Whitewood, Peter},\n  title = {The Red Army}," in done.bibtex
    assert done.changed == ("k", "u") and set(done.left) == {"u"}  # Ukrainian: not Russian


# --- anonymity in the text --------------------------------------------------------------


def essay(*paragraphs: str, quoted: str | None = None, **meta) -> Document:
    blocks = [Paragraph((Text(text, 10 + 2 * n),), 10 + 2 * n) for n, text in enumerate(paragraphs)]
    if quoted:
        blocks.append(BlockQuote((Paragraph((Text(quoted, 40),), 40),), 40))
    return Document(FrontMatter(title="T", **meta), tuple(blocks), "essay.md")


RULES = ("author", "affiliation", "acknowledgements", "self_reference")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("See my article on the purge.", [("self_reference", "my article")]),
        ("As I argued in 2019, the army split.", [("self_reference", "As I argued in")]),
        ("I have shown elsewhere that it did.", [("self_reference", "I have shown elsewhere")]),
        ("In my previous work the plans came first.", [("self_reference", "my previous work")]),
        ("Elsewhere, I have argued the same.", [("self_reference", "Elsewhere, I have argued")]),
        ("I draw on the work of various historians to argue that it was.", []),
        ("Main (1995, p. 339) acknowledges that this conflict was real.", []),
        ("Roberts called it “my book of the year,” and more.", []),
        ("I am grateful to the archive's staff.", [("acknowledgements", "I am grateful")]),
        ("This work was supported by a grant.", [("acknowledgements", "was supported by")]),
        ("Quennell-Ostrova (2019) reads it otherwise.", [("author", "Quennell-Ostrova")]),
        ("At the institute of  Zellweger Studies we read it.",
         [("affiliation", "institute of Zellweger Studies")]),
    ],
    ids=["my-article", "as-i-argued", "shown-elsewhere", "previous-work", "elsewhere-i",
         "i-draw-on", "acknowledges", "quoted", "grateful", "funded", "name", "affiliation"],
)  # fmt: skip
def test_text_findings(text, found):
    document = essay(text, author=AUTHOR, affiliation="Institute of Zellweger Studies")
    findings = text_findings(document, RULES)
    assert [(f.rule, f.phrase) for f in findings] == found
    assert all(f.line == 10 for f in findings)


def test_findings_name_their_line_and_skip_quotations_and_headings_count():
    document = essay("One.", "Two: see my book.", quoted="In my book, said the marshal, no.")
    heading = Heading(2, (Text("Acknowledgments", 50),), 50)
    document = Document(document.meta, (*document.blocks, heading), "e")
    found = [(f.rule, f.line) for f in text_findings(document, RULES)]
    assert found == [("self_reference", 12), ("acknowledgements", 50)]


def test_metadata_findings_in_docx_and_pdf(tmp_path):
    named = tmp_path / "named.docx"
    document = docx.Document()
    document.add_paragraph("Text.")
    document.core_properties.author = AUTHOR
    document.save(str(named))
    assert any("author 'Marta" in finding for finding in file_findings(named, AUTHOR))
    pdf = tmp_path / "named.pdf"
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Author": AUTHOR})
    with open(pdf, "wb") as handle:
        writer.write(handle)
    assert "the author's name in named.pdf's properties" in file_findings(pdf, AUTHOR)


def test_cover_fields_in_the_journals_order_leaving_out_empty_ones():
    meta = FrontMatter(title="T", author=AUTHOR, abstract="A.", bio="B.", email="m@x.org")
    fields = cover_fields(("bio", "affiliation", "contact", "word_counts", "abstract"), meta,
                          Lengths(5811, 641))  # fmt: skip
    assert [f.label for f in fields] == [
        "Biographical statement",
        "Contact",
        "Word count",
        "Abstract",
    ]
    assert "5,811 words without notes; 6,452 with notes" in fields[2].text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("email: marta at home", "'email:' 'marta at home' is not an e-mail address"),
        ("journal: Slavic Review", "'journal:' names a file of templates/journals"),
        ("bio: [a, b]", "'bio:' must be text"),
    ],
    ids=["email", "journal", "bio"],
)
def test_front_matter_for_cover_pages_is_checked(line, message, tmp_path):
    path = tmp_path / "essay.md"
    path.write_text(f"---\ntitle: T\n{line}\n---\nText.\n", encoding="utf-8")
    with pytest.raises(PaperError, match=re.escape(message)):
        read_manuscript(path)


def test_front_matter_takes_bio_email_contact_and_journal(tmp_path):
    path = tmp_path / "essay.md"
    path.write_text("---\ntitle: T\nbio: B.\nemail: a@b.org\ncontact: Box 1\njournal: kritika\n"
                    "---\nText.\n", encoding="utf-8")  # fmt: skip
    meta = read_manuscript(path).meta
    assert (meta.bio, meta.email, meta.contact, meta.options["journal"]) == (
        "B.", "a@b.org", "Box 1", "kritika")  # fmt: skip


# --- Word submissions, built for real ---------------------------------------------------


@pytest.fixture(scope="module")
def named_seed(tmp_path_factory) -> Path:
    """A copy of the seed paper whose front matter has what a cover page needs."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "paper", root / "paper")
    shutil.copytree(REPO / "bib", root / "bib")
    essay_md = root / "paper" / "essay.md"
    extra = "".join(f'{key}: "{value}"\n' for key, value in NAMED.items())
    text = essay_md.read_text(encoding="utf-8")
    essay_md.write_text(text.replace("\ntitle:", f"\n{extra}title:", 1), encoding="utf-8")
    return root / "paper"


@pytest.fixture(scope="module")
def slavic(named_seed, tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("build")
    made = build_journal_submission(named_seed, build_dir, "slavic-review", say=lambda _: None)
    return made, build_dir


def pandoc_counts(path: Path) -> tuple[int, int]:
    """An independent count: pandoc's own docx reader, words of the text and of the notes,
    leaving out the title, subtitle, abstract and keywords (pandoc's styles name them)."""
    ast = json.loads(run_pandoc(["--from=docx+styles", "--to=json", str(path)], path.parent))
    skipped = {"Title", "Subtitle", "Abstract Title", "Abstract", "Bibliography"}
    notes: list[str] = []

    def words(node, in_note=False) -> list[str]:
        if isinstance(node, list):
            return [w for item in node for w in words(item, in_note)]
        if not isinstance(node, dict):
            return []
        kind, content = node.get("t"), node.get("c")
        if kind == "Div" and dict(content[0][2]).get("custom-style") in skipped:
            return []
        if kind == "Note":
            notes.append(" ".join(words(content, True)))
            return []
        if kind == "Str":
            return [content]
        if kind in ("Space", "SoftBreak", "LineBreak"):
            return [" "]
        if kind in ("Para", "Plain", "Header"):  # a paragraph ends a word
            return [*words(content, in_note), " "]
        return words(content, in_note) if isinstance(content, list) else []

    text = "".join(words(ast["blocks"]))
    return words_in(text), sum(words_in(note) for note in notes)


def test_slavic_review_writes_manuscript_cover_and_checklist(slavic):
    made, build_dir = slavic
    folder = build_dir / "submission" / "slavic-review"
    assert [p.name for p in made.files] == [
        "paper-manuscript.docx", "paper-cover-page.docx", "checklist.txt"]  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made.files)
    info = read_docx(folder / "paper-manuscript.docx")
    assert info.note_kind == "footnotes" and len(info.notes) > 50
    assert "Bibliography" not in info.styles and info.author is None
    lines = (folder / "checklist.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Slavic Review: guidelines https://www.aseees.org/")
    assert f"text words {made.lengths.text_words:,} ≤ 8,000 ✓" in lines
    assert f"note words {made.lengths.note_words:,} ≤ 3,000 ✓" in lines
    assert "self-reference: none ✓" in lines and "bibliography: none ✓" in lines


def test_the_manuscript_names_nobody_anywhere(slavic):
    made, _ = slavic
    with zipfile.ZipFile(made.files[0]) as package:
        xml = " ".join(
            package.read(n).decode("utf-8") for n in package.namelist() if n.endswith("xml")
        )
    for secret in (
        "Quennell",
        "Zellweger",
        "Quillfeather",
        "marta@example.org",
        "Red Army between",
    ):
        assert secret not in xml


def test_the_checklists_counts_agree_with_pandocs_reading_of_the_file(slavic):
    made, _ = slavic
    text, notes = pandoc_counts(made.files[0])
    assert (made.lengths.text_words, made.lengths.note_words) == (text, notes)
    checks = {check.rule: check.amount for check in made.checks}
    assert (checks["text words"], checks["note words"]) == (text, notes)


def test_the_cover_page_holds_abstract_bio_and_both_word_counts(slavic):
    made, _ = slavic
    text = "\n".join(p.text for p in docx.Document(str(made.files[1])).paragraphs)
    lengths = made.lengths
    for wanted in (AUTHOR, "marta@example.org", NAMED["abstract"], NAMED["bio"],
                   f"{lengths.text_words:,} words without notes",
                   f"{lengths.text_words + lengths.note_words:,} with notes"):  # fmt: skip
        assert wanted in text
    assert f"abstract words {words_in(NAMED['abstract'])} ≈ 150 ✓" in [c.text for c in made.checks]


def test_check_journal_json_holds_the_same_checklist(slavic, named_seed, capsys):
    made, build_dir = slavic
    report = check_paper(named_seed, build_dir, "slavic-review")
    assert [c["text"] for c in report["journal"]["checks"]] == [c.text for c in made.checks]
    cli.check(named_seed, build_dir, True, False, "slavic-review")
    assert json.loads(capsys.readouterr().out)["journal"]["name"] == "slavic-review"


def test_strict_fails_on_a_failed_rule_after_printing_the_checklist(tmp_path, capsys):
    shutil.copytree(JOURNAL_PAPER, tmp_path / "paper")
    essay_md = tmp_path / "paper" / "essay.md"
    text = essay_md.read_text(encoding="utf-8")
    essay_md.write_text(text.replace("Whitewood reads", "As I argued in my book, Whitewood reads"))
    with pytest.raises(PaperError, match="--strict: 3 of Kritika's rules fail"):
        cli.submission(tmp_path / "paper", tmp_path / "build", None, "kritika", strict=True)
    out = capsys.readouterr().out
    assert re.search(r"self-reference 'my book' at .*essay\.md:\d+ ✗", out)
    assert "total words 1" in out and "in 8,000–12,000 ✗" in out


@pytest.fixture(scope="module")
def romanised(tmp_path_factory) -> dict:
    """The Cyrillic paper for each journal that romanises, the front matter's journal first."""
    build_dir = tmp_path_factory.mktemp("romanised")
    out = {}
    for name in ("russian-review", "kritika", "cahiers-du-monde-russe"):
        out[name] = build_journal_submission(JOURNAL_PAPER, build_dir, name, say=lambda _: None)
    return out


@pytest.mark.parametrize(
    ("name", "kind", "first_note"),
    [
        ("russian-review", "endnotes",
         "Iuliia Kantor, Voina i mir Mikhaila Tukhachevskogo (Moskva: Vremia, 2005), 12."),
        ("kritika", "footnotes",
         "I͡ulii͡a Kantor, Voĭna i mir Mikhaila Tukhachevskogo (Moskva: Vremi͡a, 2005), 12."),
        ("cahiers-du-monde-russe", "footnotes",
         "Julija Kantor, Vojna i mir Mixaila Tuxačevskogo (Moskva: Vremja, 2005), 12."),
    ],
    ids=["russian-review", "kritika", "cahiers"],
)  # fmt: skip
def test_romanised_notes_and_the_essays_own_cyrillic_as_written(romanised, name, kind, first_note):
    made = romanised[name]
    info = read_docx(made.files[0])
    assert info.note_kind == kind and info.notes[0] == first_note
    assert not any(re.search("[а-яё]", note, re.I) for note in info.notes)
    body = " ".join(p.text for p in docx.Document(str(made.files[0])).paragraphs)
    assert "«Война и мир Михаила Тухачевского»" in body  # a quotation in the text stays
    assert f"romanised ({load_journal(name).transliteration}): 2 sources ✓" in [
        c.text for c in made.checks]  # fmt: skip


def test_plain_submission_takes_the_front_matters_journal(tmp_path, capsys):
    cli.submission(JOURNAL_PAPER, tmp_path, None)
    out = capsys.readouterr().out
    assert f"{tmp_path}/submission/russian-review/paper-manuscript.docx" in out
    assert "romanised (ala_lc_alt): 2 sources ✓" in out


# --- a journal added as a new YAML file, with a PDF -----------------------------------------

HOUSE = """\
name: House Journal
guidelines: {url: "https://example.org/house", read: 2026-11-30}
formats: [pdf, docx]
notes: footnotes
bibliography: false
page: {size: a4, font_size: 11pt, margin: 2.5cm, line_numbers: false,
       spacing: {text: onehalf, notes: single, quotations: single}}
limits:
  - {rule: all words, counts: [text, notes], max: 20000}
  - {rule: characters, unit: characters, counts: [text, notes], about: 400}
abstract: {max: 40}
cover_page: [author, contact, word_counts, characters, abstract, bio]
anonymise: [author, self_reference, metadata]
transliteration: ala_lc_alt
"""


@pytest.fixture(scope="module")
def house(tmp_path_factory):
    folder = tmp_path_factory.mktemp("journals")
    (folder / "house.yaml").write_text(HOUSE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spec, "JOURNAL_DIR", folder)
        listed = cli.journals()
        build_dir = tmp_path_factory.mktemp("house-build")
        made = build_journal_submission(JOURNAL_PAPER, build_dir, "house", say=lambda _: None)
    return made, listed


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


@pytest.mark.slow
@needs_tex
def test_a_new_journal_file_works_with_no_code_change(house):
    made, listed = house
    assert listed == [next(line for line in listed if line.startswith("house "))]
    names = [p.name for p in made.files]
    assert names == ["paper-manuscript.docx", "paper-manuscript.pdf", "paper-cover-page.docx",
                     "paper-cover-page.pdf", "paper-source.zip", "checklist.txt"]  # fmt: skip
    manuscript = pdf_text(made.files[1])
    assert "Bibliography" not in manuscript and AUTHOR not in manuscript
    assert "Voina i mir Mikhaila Tukhachevskogo" in manuscript and "«Война и мир" in manuscript
    assert round(PdfReader(made.files[1]).pages[0].mediabox.width) == 595  # A4
    cover = pdf_text(made.files[3])
    assert AUTHOR in cover and "marta@example.org" in cover and "characters with spaces" in cover
    with zipfile.ZipFile(made.files[4]) as archive:
        assert sorted(archive.namelist()) == ["paper.bbl", "paper.tex", "references.bib"]
        assert "Кантор" not in archive.read("references.bib").decode("utf-8")
        latex = archive.read("paper.tex").decode("utf-8")
    assert r"\linenumbers" not in latex and r"\onehalfspacing" in latex  # the journal's page
    texts = [check.text for check in made.checks]
    assert "metadata: no author or dates in paper-manuscript.pdf ✓" in texts
    characters = next(check for check in made.checks if check.rule == "characters")
    assert characters.passed is False and characters.limit == "≈ 400"
