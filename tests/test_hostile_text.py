"""Essay text can never act as LaTeX, and TeX itself cannot reach outside its folder.

Fast tests prove the escaping property on random text; the slow ones compile:
a hostile essay through the real command line (read back with pdftotext), a few
random samples batched into one document, and hand-written LaTeX that tries to
read /etc/hostname or run a shell command, which TeX must refuse.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import needs_tex
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_bad_input import invoke, snapshot

from paperbuild.compile import run_latexmk
from paperbuild.document import Document, FrontMatter, Paragraph, Text
from paperbuild.errors import PaperError
from paperbuild.latex import charset, charset_probe
from paperbuild.latex.escape import escape, untypesettable
from paperbuild.latex.render import Rendered, render_document
from paperbuild.profiles import get_profile

# -- escaping, fast -----------------------------------------------------------------------------

SPECIALS = "\\{}$&#^_~%"
TOKENS = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    **{f"\\{c}": c for c in "&%$#_{}"},
    "{-}": "-",
    "{[}": "[",
    "{]}": "]",
    "~": "\u00a0",
    "{}": "",  # keeps ligature pairs such as << apart
    r"\wordbreak{}": "",  # where an overlong word may end a line
}
TOKEN = re.compile(
    r"\\missingchar\{U\+(?P<code>[0-9A-F]{4,6})\}|"
    + "|".join(re.escape(t) for t in sorted(TOKENS, key=len, reverse=True))
)


def unescape(latex: str) -> str:
    """The text ``latex`` prints; fails on any special character that is not escaped."""
    out, position = [], 0
    for match in TOKEN.finditer(latex):
        plain = latex[position : match.start()]
        assert not set(plain) & set(SPECIALS), f"unescaped special in {plain!r}"
        out.append(plain)
        out.append(chr(int(match["code"], 16)) if match["code"] else TOKENS[match[0]])
        position = match.end()
    rest = latex[position:]
    assert not set(rest) & set(SPECIALS), f"unescaped special in {rest!r}"
    return "".join(out) + rest


hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIALS + "[]-\n\u00a0`'<>!?"), st.characters())
)


def hostile_samples(count: int = 5) -> list[str]:
    """A few random texts, to batch into one document (one compile for all)."""
    samples: list[str] = []

    @settings(max_examples=count, database=None)
    @given(hostile_text)
    def collect(text):
        samples.append(text)

    collect()
    return samples


@given(hostile_text)
def test_escaping_prints_exactly_the_text(text):
    assert unescape(escape(text)) == unicodedata.normalize("NFC", text)


@given(hostile_text)
def test_every_character_left_is_typesettable(text):
    printed = TOKEN.sub("", escape(text))
    assert all(charset.typesettable(char) for char in printed)


@pytest.mark.parametrize(
    ("text", "latex", "missing"),
    [
        ("smile 😀!", r"smile \missingchar{U+1F600}!", ["😀"]),
        ("漢字", r"\missingchar{U+6F22}\missingchar{U+5B57}", ["漢", "字"]),
        ("Ӂ", r"\missingchar{U+04C1}", ["Ӂ"]),  # declared by t2aenc.dfu, but not printable in T1
        ("bell\x07", r"bell\missingchar{U+0007}", ["\x07"]),
        ("Broue\u0301", "Broué", []),  # a decomposed accent is composed first
        ("Хлевнюк “Ö” €", "Хлевнюк “Ö” €", []),
    ],
)
def test_characters_the_fonts_lack_become_placeholders(text, latex, missing):
    assert escape(text) == latex
    assert untypesettable(text) == missing


@needs_tex
def test_typesettable_list_is_drawn_from_tex_live():
    """Every listed character is one inputenc declares for our encodings."""
    listed = charset.read_data()
    assert listed and listed <= charset_probe.declared_in_tex_live()


# -- compiling, slow ----------------------------------------------------------------------------

HOSTILE_LINES = [
    r"First \input{/etc/hostname} here.",
    r"Second \immediate\write18{touch pwned} here.",
    r"Third \def\x{y} and \end{document} here.",
    r"Fourth $x^2$ and 100% and a_b here.",
    r"Fifth &#1 ~tilde~ and {braces} here.",
    "Sixth a smile 😀 and 漢 here.",
]
HOSTILE_TITLE = r"Hostile \input{/etc/hostname} 100% $x$"
GOOD_BIB = "@book{smith2001, author = {Smith, John}, title = {A Plain Book}, year = {2001}}\n"
BROKEN_BIB = GOOD_BIB.replace("A Plain Book", r"A \nosuchcommand Book")


def write_hostile_paper(paper: Path) -> Path:
    """A paper folder of hostile text and one citation, with its own references.bib."""
    paper.mkdir()
    body = "\n\n".join(HOSTILE_LINES)
    essay = f"---\ntitle: '{HOSTILE_TITLE}'\n---\n\n{body}\n\nAs shown (Smith, 2001, p. 4).\n"
    (paper / "essay.md").write_text(essay, encoding="utf-8")
    (paper / "references.bib").write_text(GOOD_BIB, encoding="utf-8")
    return paper


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """A paper of hostile text with its own references.bib, built once by ``invoke build``."""
    root = tmp_path_factory.mktemp("hostile")
    paper = write_hostile_paper(root / "paper")
    before = snapshot(paper)
    proc = invoke("build", "--paper", str(paper), "--build-dir", str(root / "build"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return paper, root / "build", before


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


@pytest.mark.slow
@needs_tex
def test_hostile_essay_prints_literally(hostile_build):
    paper, build, before = hostile_build
    text = pdf_text(build / "paper.pdf")
    for literal in [
        r"First \input{/etc/hostname} here.",
        r"\immediate\write18{touch pwned}",
        r"Third \def\x{y} and \end{document} here.",
        "100% and a_b here.",
        "&#1",
        "{braces}",
        "U+1F600",
        "U+6F22",
    ]:
        assert literal in text
    assert "x^2" in text or "xˆ2" in text  # \textasciicircum may read back as a modifier letter
    assert "As shown." in text and "Plain Book" in text  # the text after the hostile lines
    assert not (build / "work" / "journal" / "pwned").exists()
    title = PdfReader(build / "paper.pdf").metadata.title
    assert title == HOSTILE_TITLE
    assert snapshot(paper) == before


@pytest.mark.slow
@needs_tex
def test_check_names_the_characters_that_cannot_be_typeset(hostile_build):
    paper, build, _ = hostile_build
    proc = invoke("check", "--paper", str(paper), "--build-dir", str(build))
    essay = paper / "essay.md"
    assert (
        f"{essay}:15: warning: character U+1F600 (GRINNING FACE) cannot be typeset" in proc.stdout
    )
    assert f"{essay}:15: warning: character U+6F22" in proc.stdout


@pytest.mark.slow
@needs_tex
def test_failed_build_keeps_the_last_good_pdf(hostile_build):
    """A LaTeX failure names the essay line and the offending text, and leaves the old PDF."""
    paper, build, _ = hostile_build
    good = (build / "paper.pdf").read_bytes()
    (paper / "references.bib").write_text(BROKEN_BIB, encoding="utf-8")
    try:
        proc = invoke("build", "--paper", str(paper), "--build-dir", str(build))
    finally:
        (paper / "references.bib").write_text(GOOD_BIB, encoding="utf-8")
    message = proc.stderr.strip().splitlines()[-1]
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert message.startswith(f"latex error: {paper / 'essay.md'}:17: ")
    assert "LaTeX met a command it does not know" in message and r"\nosuchcommand" in message
    assert (build / "paper.pdf").read_bytes() == good


def compile_by_hand(tmp_path: Path, body: str) -> PaperError | None:
    """Compile a tiny document whose body line 4 maps to essay.md line 7."""
    latex = (
        "\\documentclass{article}\n\\begin{document}\n%% essay.md:7\n"
        + body
        + "\n\\end{document}\n"
    )
    (tmp_path / "paper.tex").write_text(latex, encoding="utf-8")
    try:
        run_latexmk(tmp_path, "paper", Rendered(latex, "essay.md"))
    except PaperError as err:
        return err
    return None


@pytest.mark.slow
@needs_tex
def test_template_cannot_read_outside_the_build(tmp_path):
    error = compile_by_hand(tmp_path, r"Host: \input{/etc/hostname}")
    assert error is not None
    assert str(error).startswith("latex error: essay.md:7: LaTeX was refused or could not find")
    assert r"\input{/etc/hostname}" in str(error)


@pytest.mark.slow
@needs_tex
def test_template_cannot_run_shell_or_write_outside(tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.tex"
    error = compile_by_hand(
        tmp_path, rf"\immediate\write18{{touch pwned}}\immediate\openout5={outside} x"
    )
    assert not (tmp_path / "pwned").exists()
    assert not outside.exists()
    assert error is not None and "TeX may not write that file" in str(error)


@pytest.mark.slow
@needs_tex
def test_template_fault_names_the_essay_line_and_command(tmp_path):
    error = compile_by_hand(tmp_path, "Some prose, then a \\nosuchcommand{here} and more.")
    assert str(error) == (
        "latex error: essay.md:7: LaTeX met a command it does not know "
        "(Undefined control sequence.): \\nosuchcommand "
        "near 'Some prose, then a \\nosuchcommand{here} and more.'"
    )


@pytest.mark.slow
@needs_tex
def test_typesettable_list_matches_what_tex_prints():
    """Regenerating the list from the installed TeX Live gives the list we ship."""
    assert charset_probe.probe(charset_probe.declared_in_tex_live()) == charset.read_data()


@pytest.mark.slow
@needs_tex
def test_random_text_compiles(tmp_path):
    """A few random samples, batched into one document, compile without error or lost glyph."""
    samples = hostile_samples()
    blocks = tuple(
        Paragraph((Text("Sample: " + text.replace("\n", " "), line),), line)
        for line, text in enumerate(samples, start=1)
    )
    document = Document(FrontMatter(title="Random"), blocks, "random.md")
    journal = get_profile("journal")
    rendered = render_document(document, journal.template, "references.bib", journal.settings)
    (tmp_path / "paper.tex").write_text(rendered.latex, encoding="utf-8")
    (tmp_path / "references.bib").write_text("", encoding="utf-8")
    run_latexmk(tmp_path, "paper", rendered)
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log, samples
