"""``invoke diff --format docx`` on two commits of the seed essay, read back from the .docx's XML.

Two revisions, each diffed once for the module: the one of ``test_diff`` (a
paragraph reworded, a page changed, a sentence removed, a source added) and the
trouble spots of ``test_diff_trouble`` (a renamed heading, a moved paragraph, a
change inside Cyrillic, inside a block quotation and inside a citation of two
works). Accepting every change, as Word would, must give the text of the new
version's own Word file, and rejecting every change the old one's: both built
here by ``build --to docx``. No TeX is needed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO
from gitrepo import replace_once, seed_repository
from lxml import etree
from test_diff import (
    ADDED_SENTENCE,
    NEW_PARAGRAPH,
    OLD_PARAGRAPH,
    REMOVED_SENTENCE,
    bare_words,
    revise,
)
from test_diff_trouble import MOVED, trouble

from paperbuild.diff import TRACKED, build_diff
from paperbuild.errors import PaperError
from paperbuild.pipeline import build
from paperbuild.revision import checked_out, find_repository
from paperbuild.wordcount import words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INS, DEL = f"{W}ins", f"{W}del"
CONQUEST_ENTRY = "Conquest, R. The Great Terror: A Reassessment. Oxford University Press, 1990."


def diffed(repo: Path) -> dict:
    """The Word diff of HEAD~1 against HEAD, and each version's own Word file."""
    said: list[str] = []
    result = build_diff(
        repo / "paper", repo / "build", "manuscript", None, "HEAD~1", "HEAD", said.append, "docx"
    )
    found = find_repository(repo / "paper")
    plain = {}
    for side, revision in (("old", "HEAD~1"), ("new", "HEAD")):
        with checked_out(found, revision, "--from") as version:
            made = build(version.paper_dir, repo / side, "manuscript", say=said.append, to="docx")
            plain[side] = parts(made.output)
            plain[f"{side}_epoch"] = version.epoch
    return {"repo": repo, "result": result, "said": said, "parts": parts(result.output), **plain}


def parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as package:
        return {name: etree.fromstring(package.read(name))
                for name in package.namelist() if name.endswith(".xml")}  # fmt: skip


@pytest.fixture(scope="module")
def revised(tmp_path_factory) -> dict:
    repo = seed_repository(tmp_path_factory.mktemp("docx-diff") / "repo")
    revise(repo)
    return diffed(repo)


@pytest.fixture(scope="module")
def troubled(tmp_path_factory) -> dict:
    repo = seed_repository(tmp_path_factory.mktemp("docx-trouble") / "repo")
    trouble(repo)
    return diffed(repo)


# -- reading the changes back -------------------------------------------------------------------


def text(element: etree._Element) -> str:
    return "".join(node.text or "" for node in element.iter(f"{W}t", f"{W}delText"))


def changes(root: etree._Element, kind: str) -> list[str]:
    """The text of each change of ``kind`` (INS or DEL), in order; a whole paragraph's mark
    has none and is left out."""
    return [text(change) for change in root.iter(kind) if text(change)]


def paragraph_style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def kept(node: etree._Element, dropped: str) -> bool:
    return not any(ancestor.tag == dropped for ancestor in node.iterancestors())


def revised_text(package: dict[str, etree._Element], accept: bool) -> dict[str, list[str]]:
    """The body's paragraphs and the notes, in order, after accepting (or rejecting) every
    change, as Word does it: a dropped change's words go, a paragraph whose mark is dropped
    joins the next, a note whose mark is dropped goes with it."""
    dropped = DEL if accept else INS
    body, pending = [], ""
    document = package["word/document.xml"]
    for paragraph in document.iter(f"{W}p"):
        words_kept = "".join(
            node.text or ""
            for node in paragraph.iter(f"{W}t", f"{W}delText")
            if kept(node, dropped)
        )
        if paragraph.find(f"{W}pPr/{W}rPr/{dropped}") is not None:
            pending += words_kept
        else:
            body.append(pending + words_kept)
            pending = ""
    notes_part = package["word/footnotes.xml"]
    by_id = {note.get(f"{W}id"): note for note in notes_part.iter(f"{W}footnote")}
    notes = [
        "".join(n.text or "" for n in by_id[mark.get(f"{W}id")].iter(f"{W}t", f"{W}delText")
                if kept(n, dropped))
        for mark in document.iter(f"{W}footnoteReference")
        if kept(mark, dropped)
    ]  # fmt: skip
    return {"body": body, "notes": notes}


def plain_text(package: dict[str, etree._Element]) -> dict[str, list[str]]:
    """The same of a file with no changes."""
    return revised_text(package, accept=True)


# -- the revision of test_diff -----------------------------------------------------------------


def test_word_file_is_named_by_profile(revised):
    result = revised["result"]
    assert result.output == revised["repo"] / "build" / "paper-manuscript-diff.docx"
    assert result.summary["markup"] == TRACKED
    assert any(
        line.startswith("write     manuscript as Word with tracked") for line in revised["said"]
    )


@pytest.mark.parametrize(
    ("accept", "side"), [(True, "new"), (False, "old")], ids=["accept", "reject"]
)
def test_accepting_all_gives_the_new_version_and_rejecting_all_the_old(revised, accept, side):
    assert revised_text(revised["parts"], accept) == plain_text(revised[side])


def test_every_change_is_by_paperbuild_on_the_new_revisions_date(revised):
    """The manuscript is anonymous: its changes name no one but paperbuild."""
    date = datetime.fromtimestamp(revised["new_epoch"], UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    found = [
        element
        for name in ("word/document.xml", "word/footnotes.xml")
        for element in revised["parts"][name].iter(INS, DEL)
    ]
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in found} == {("paperbuild", date)}
    ids = [element.get(f"{W}id") for element in found]
    assert len(ids) == len(set(ids))


def test_reworded_paragraph_and_removed_sentence(revised):
    document = revised["parts"]["word/document.xml"]
    assert OLD_PARAGRAPH in changes(document, DEL)
    assert NEW_PARAGRAPH in changes(document, INS)
    assert REMOVED_SENTENCE in changes(document, DEL)


def test_changed_page_is_a_changed_note_under_the_same_mark(revised):
    notes = revised["parts"]["word/footnotes.xml"]
    changed = [note for note in notes.iter(f"{W}footnote")
               if "Roberts" in "".join(changes(note, DEL))]  # fmt: skip
    assert len(changed) == 1
    assert changes(changed[0], DEL) == ["Roberts, Stalin’s Wars, 19."]
    assert changes(changed[0], INS) == ["Roberts, Stalin’s Wars, 20."]
    document = revised["parts"]["word/document.xml"]
    mark = next(m for m in document.iter(f"{W}footnoteReference")
                if m.get(f"{W}id") == changed[0].get(f"{W}id"))  # fmt: skip
    assert kept(mark, INS) and kept(mark, DEL)  # the note's mark is not a change


def test_new_source_is_an_inserted_note_and_bibliography_entry(revised):
    document = revised["parts"]["word/document.xml"]
    inserted_marks = [mark for change in document.iter(INS)
                      for mark in change.iter(f"{W}footnoteReference")]  # fmt: skip
    assert len(inserted_marks) == 1
    notes = revised["parts"]["word/footnotes.xml"]
    note = next(n for n in notes.iter(f"{W}footnote")
                if n.get(f"{W}id") == inserted_marks[0].get(f"{W}id"))  # fmt: skip
    assert changes(note, INS) == [
        "R. Conquest, The Great Terror: A Reassessment (Oxford University Press, 1990), 201."
    ]
    entries = [p for p in document.iter(f"{W}p") if paragraph_style(p) == "Bibliography"]
    conquest = [p for p in entries if text(p) == CONQUEST_ENTRY]
    assert len(conquest) == 1 and changes(conquest[0], INS) == [CONQUEST_ENTRY]
    assert conquest[0].find(f"{W}pPr/{W}rPr/{INS}") is not None  # its paragraph mark too
    assert all(not changes(p, INS) for p in entries if p is not conquest[0])


def test_nothing_else_is_marked(revised):
    document = revised["parts"]["word/document.xml"]
    shown = " ".join(changes(document, INS) + changes(document, DEL))
    allowed = [OLD_PARAGRAPH, NEW_PARAGRAPH, REMOVED_SENTENCE, ADDED_SENTENCE, CONQUEST_ENTRY]
    assert set(bare_words(shown)) <= set(bare_words(" ".join(allowed)))


def test_summary_counts_the_revision_with_the_notes_read_back(revised):
    summary = revised["result"].summary
    assert summary["words"]["text"] == {
        "added": len(words(NEW_PARAGRAPH))
        + len(words("Conquest long ago reached a similar verdict.")),
        "removed": len(words(OLD_PARAGRAPH)) + len(words(REMOVED_SENTENCE)),
    }
    conquest = "R. Conquest, The Great Terror: A Reassessment (Oxford University Press, 1990), 201."
    assert summary["words"]["notes"] == {
        "added": len(words("Roberts, Stalin’s Wars, 20.")) + len(words(conquest)),
        "removed": len(words("Roberts, Stalin’s Wars, 19.")),
    }
    assert summary["citations"] == [
        {"work": "conquest1990", "cited_as": "Conquest 1990", "added": ["201"], "removed": []},
        {"work": "roberts2006", "cited_as": "Roberts 2006", "added": ["20"], "removed": ["19"]},
    ]
    assert summary["sources"] == {"added": ["conquest1990"], "removed": []}
    assert summary["unresolved"] == []


def test_cli_json_and_up_to_date(revised):
    """Through the real command line: up to date since the fixture's diff; the JSON names
    the Word file, whose path is the last line."""
    command = [sys.executable, "-m", "invoke", "-r", str(REPO), "diff", "--from", "HEAD~1"]
    command += ["--to", "HEAD", "--format", "docx", "--json"]
    proc = subprocess.run(command, cwd=revised["repo"], capture_output=True, text=True, check=True)
    *summary, last = proc.stdout.rstrip("\n").split("\n")
    assert last == "build/paper-manuscript-diff.docx"
    assert json.loads("\n".join(summary)) == {"docx": last, **revised["result"].summary}
    assert "up to date" in proc.stderr


# -- latexdiff's trouble spots -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "side"), [(True, "new"), (False, "old")], ids=["accept", "reject"]
)
def test_trouble_spots_accept_and_reject(troubled, accept, side):
    assert revised_text(troubled["parts"], accept) == plain_text(troubled[side])


def test_renamed_heading(troubled):
    document = troubled["parts"]["word/document.xml"]
    [heading] = [p for p in document.iter(f"{W}p") if "Origins" in text(p)]
    assert paragraph_style(heading) == "Heading1"
    assert "Background" in " ".join(changes(heading, DEL))
    assert "Origins" in " ".join(changes(heading, INS))


def test_moved_paragraph_is_deleted_where_it_was_and_inserted_where_it_is(troubled):
    document = troubled["parts"]["word/document.xml"]
    moved = [p for p in document.iter(f"{W}p") if text(p).startswith(MOVED)]
    assert len(moved) == 2
    for paragraph, kind in zip(moved, (INS, DEL), strict=True):  # now before where it was
        assert changes(paragraph, kind) == [text(paragraph)]
        assert paragraph.find(f"{W}pPr/{W}rPr/{kind}") is not None


def test_change_inside_cyrillic(troubled):
    document = troubled["parts"]["word/document.xml"]
    assert "Наполеоном»." in changes(document, INS)
    assert "Бонапартом»." in changes(document, DEL)
    assert "называли" not in " ".join(changes(document, INS) + changes(document, DEL))
    assert "Его называли «красным Наполеоном»." in " ".join(
        revised_text(troubled["parts"], True)["body"]
    )
    assert "Его называли «красным Бонапартом»." in " ".join(
        revised_text(troubled["parts"], False)["body"]
    )


def test_change_inside_block_quotation(troubled):
    document = troubled["parts"]["word/document.xml"]
    [quoted] = [p for p in document.iter(f"{W}p") if "of being labeled" in text(p)]
    assert paragraph_style(quoted) == "BlockText"
    assert (changes(quoted, DEL), changes(quoted, INS)) == (["danger"], ["risk"])


def test_change_inside_a_citation_of_two_works(troubled):
    notes = troubled["parts"]["word/footnotes.xml"]
    [note] = [n for n in notes.iter(f"{W}footnote") if "Rieber" in "".join(changes(n, INS))]
    [before], [after] = changes(note, DEL), changes(note, INS)
    assert "Read" in before and "Read" in after and ", 7;" in after and ", 7;" not in before
    read = next(c for c in troubled["result"].summary["citations"] if c["work"] == "read2016")
    assert (read["added"], read["removed"]) == (["7"], [None])


# -- a reader's tool ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_reads_them_as_tracked_changes(revised, tmp_path):
    """LibreOffice, opening the file, lists its changes (OpenDocument's tracked changes)."""
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    command = ["soffice", profile, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path)]
    subprocess.run([*command, str(revised["result"].output)], capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "paper-manuscript-diff.odt") as package:
        content = package.read("content.xml").decode("utf-8")
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", content, re.S)
    kinds = {
        kind for region in regions for kind in re.findall(r"<text:(insertion|deletion)>", region)
    }
    assert kinds == {"insertion", "deletion"}
    assert all("<dc:creator>paperbuild</dc:creator>" in region for region in regions)
    assert "Sergei Minakov’s scholarship" in " ".join(regions)  # the deleted words are kept


# -- failures ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "to", "message"),
    [
        ("manuscript", "rtf", "input error: unknown output 'rtf'; choose pdf or docx"),
        ("handout", "docx", "input error: the handout profile is made as pdf only, not docx"),
    ],
    ids=["unknown-format", "pdf-only-profile"],
)
def test_a_format_the_profile_lacks_fails_first(tmp_path, profile, to, message):
    with pytest.raises(PaperError) as caught:
        build_diff(tmp_path / "paper", tmp_path / "build", profile, None, "HEAD", None, print, to)
    assert str(caught.value) == message


def test_a_version_that_does_not_read_leaves_the_last_diff_in_place(tmp_path):
    repo = seed_repository(tmp_path / "repo")
    replace_once(repo / "paper" / "essay.md", "For Stalin, that was enough.", "For Stalin, enough.")
    paper, build_dir = repo / "paper", repo / "build"
    good = build_diff(paper, build_dir, "manuscript", None, "HEAD", None, lambda _: None, "docx")
    before = good.output.read_bytes()
    replace_once(paper / "essay.md", "---\ntitle:", "---\ntitle: [broken\nx:")
    with pytest.raises(PaperError) as caught:
        build_diff(paper, build_dir, "manuscript", None, "HEAD", None, lambda _: None, "docx")
    assert str(caught.value).startswith(f"manuscript error: {paper / 'essay.md'}:")
    assert "\n" not in str(caught.value)
    assert good.output.read_bytes() == before
