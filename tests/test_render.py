"""Rendering the document model to LaTeX: notes, escaping and the line map."""

from __future__ import annotations

import golden
import pytest
from golden import assert_golden

from paperbuild.citations.model import Citation, CiteItem
from paperbuild.document import (
    BlockQuote,
    Document,
    Emphasis,
    FrontMatter,
    Heading,
    Note,
    Paragraph,
    Text,
)
from paperbuild.latex.render import render_document, render_front_matter, render_note
from paperbuild.profiles import get_profile


def item(key, locator=None, prefix=None, author="Whitewood", year="2015"):
    return CiteItem(author, (author,), False, year, locator, prefix, key)


def note(*items):
    return Note((Citation("parenthetical", "(…)", 0, 1, 0, 1, tuple(items), 3),), 3)


@pytest.mark.parametrize(
    ("items", "latex"),
    [
        ((item("whitewood2015"),), r"\autocite{whitewood2015}"),
        ((item("whitewood2015", "4–5"),), r"\autocite[4--5]{whitewood2015}"),
        ((item("whitewood2015", "xii", "see"),), r"\autocite[see][xii]{whitewood2015}"),
        ((item("k2014"), item("m2016", "3")), r"\autocites{k2014}[3]{m2016}"),
        ((item(None, author="Kotkin", year="2017"),),
         r"\footnote{\unresolvedcite{Kotkin, 2017}.}"),
        ((item("k2014"), item(None, "5", author="Kotkin", year="2017")),
         r"\footnote{\cites{k2014}; \unresolvedcite{Kotkin, 2017, 5}.}"),
    ],
    ids=["plain", "range", "prefix", "two-works", "unresolved", "mixed"],
)  # fmt: skip
def test_note_commands(items, latex):
    assert render_note(note(*items)) == latex


def sample_document():
    meta = FrontMatter(title="A & B: “Plans” 100%", author="Ann O’Neil", keywords=("x", "y"))
    blocks = (
        Paragraph((Text("He wrote $5 & _more_\nhere", 5), note(item("whitewood2015", "4–5")),
                   Text(".", 6)), 5),
        Heading(2, (Text("Part {two}", 8),), 8),
        BlockQuote((Paragraph((Emphasis((Text("Сталин", 10),)), Text(" said ~", 10)), 10),), 10),
    )  # fmt: skip
    return Document(meta, blocks, "essay.md")


def test_body_matches_golden():
    rendered = render_document(
        sample_document(), "journal.tex.jinja", "references.bib",
        {"font_size": "11pt", "paper_size": "a4"},
    )  # fmt: skip
    body = rendered.latex.split(r"\begin{document}")[1]
    assert_golden("journal-body.tex", body)


@pytest.mark.parametrize("profile", ["journal", "manuscript", "handout"])
def test_every_profile_renders_as_its_golden_file(profile):
    chosen = get_profile(profile)
    latex = render_document(sample_document(), chosen.template, "references.bib", chosen.settings)
    assert_golden(f"{profile}.tex", latex.latex)


@pytest.mark.parametrize("profile", ["journal", "manuscript", "handout"])
def test_the_front_matter_alone_gives_the_preambles_tex_starts_on(profile):
    """The typeset preamble is the document's own; the skeleton's lacks only what
    typesetting needs (see paperbuild.ahead), line for line."""
    chosen = get_profile(profile)
    args = (chosen.template, "references.bib", chosen.settings)
    full = render_document(sample_document(), *args).latex
    typeset, skeleton = render_front_matter(sample_document(), *args)
    begin = r"\begin{document}"
    assert typeset.split(begin)[0] == full.split(begin)[0]
    lines = [set(latex.split(begin)[0].splitlines()) for latex in (typeset, skeleton)]
    left_out = lines[0] - lines[1]
    assert {r"\usepackage{microtype}", r"\input{glyphtounicode}"} <= left_out
    assert all(not line.startswith(r"\usepackage") or "hyperref" in line or "microtype" in line
               for line in left_out)  # fmt: skip
    assert r"\usepackage[notes,backend=biber" in skeleton


def test_regenerating_a_golden_file_never_passes(tmp_path, monkeypatch):
    """UPDATE_GOLDEN=1 writes the file and compares nothing: it fails when the file changed
    (review the diff) and skips when it did not, so a regenerated file cannot pass unseen."""
    monkeypatch.setattr(golden, "GOLDEN", tmp_path)
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="x.tex regenerated: review its diff"):
        golden.assert_golden("x.tex", "new")
    assert (tmp_path / "x.tex").read_text(encoding="utf-8") == "new"
    with pytest.raises(pytest.skip.Exception, match="x.tex was already up to date"):
        golden.assert_golden("x.tex", "new")


def test_generated_lines_map_back_to_the_essay():
    rendered = render_document(
        sample_document(), "journal.tex.jinja", "references.bib",
        {"font_size": "11pt", "paper_size": "a4"},
    )  # fmt: skip
    lines = rendered.latex.split("\n")
    here = next(i for i, line in enumerate(lines, 1) if line.startswith("here"))
    assert rendered.source_line(here) == 6
    quote = next(i for i, line in enumerate(lines, 1) if "Сталин" in line)
    assert rendered.source_line(quote) == 10
    assert rendered.source_line(1) is None


def test_metadata_is_escaped_once():
    latex = render_document(
        sample_document(), "journal.tex.jinja", "references.bib",
        {"font_size": "11pt", "paper_size": "a4"},
    ).latex  # fmt: skip
    assert r"pdftitle={A \& B: “Plans” 100\%}" in latex
    assert r"pdfauthor={Ann O’Neil}" in latex
    assert r"\&amp;" not in latex and r"\\&" not in latex


def test_multi_paragraph_abstract_stays_out_of_single_line_fields():
    meta = FrontMatter(title="A\n\nB", abstract="One.\n\nTwo.", keywords=("x",))
    latex = render_document(
        Document(meta, (), "essay.md"), "journal.tex.jinja", "references.bib",
        {"font_size": "11pt", "paper_size": "a4"},
    ).latex  # fmt: skip
    assert "pdfsubject={One. Two.}" in latex and "pdftitle={A B}" in latex
    assert "\\begin{abstract}\nOne.\n\nTwo.\n" in latex
