"""Tracked changes as Word writes them: the edits after pandoc that the marked-up file needs.

pandoc's docx writer marks the words of an insertion or deletion span, but not
the mark that ends a paragraph inserted or deleted whole, so accepting a deleted
paragraph (or rejecting an inserted one) would leave an empty paragraph behind.
Word marks that paragraph mark too (``w:ins`` or ``w:del`` in the paragraph's
run properties), and so does :func:`mark_whole_paragraphs`, but for the last
paragraph of the document, whose mark Word never removes. pandoc also numbers
its changes part by part, with numbers shared between an insertion and a
deletion, where Word wants every change's id its own. And the document
properties get the new version's title, not the merged title's old and new words.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import count

from lxml import etree

from .package import CORE, Edit, Parts, W, edit

CHANGES = (f"{{{W}}}ins", f"{{{W}}}del")
BOOKMARKS = (f"{{{W}}}bookmarkStart", f"{{{W}}}bookmarkEnd")
#: What a paragraph holds besides its words: not looked at to tell if all its words changed.
NOT_WORDS = (f"{{{W}}}pPr", *BOOKMARKS)
#: What follows the paragraph mark's run properties in a paragraph's properties.
AFTER_MARK = (f"{{{W}}}sectPr", f"{{{W}}}pPrChange")
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def tracked_edits(title: str) -> list[Edit]:
    """The edits, for :func:`paperbuild.docx.package.finish`."""
    return [mark_whole_paragraphs, number_changes, partial(set_title, title=title)]


def mark_whole_paragraphs(parts: Parts) -> None:
    edit(parts, "word/document.xml", mark_paragraphs)


def mark_paragraphs(document: etree._Element) -> None:
    for paragraph in document.iter(f"{{{W}}}p"):
        if not followed_by_paragraph(paragraph):
            continue  # the last paragraph: its mark stays
        words = [child for child in paragraph if child.tag not in NOT_WORDS]
        if not words or len({child.tag for child in words}) > 1 or words[0].tag not in CHANGES:
            continue
        properties = paragraph.find(f"{{{W}}}pPr")
        if properties is None:
            properties = etree.Element(f"{{{W}}}pPr")
            paragraph.insert(0, properties)
        mark = properties.find(f"{{{W}}}rPr")
        if mark is None:
            mark = etree.Element(f"{{{W}}}rPr")
            follower = next((child for child in properties if child.tag in AFTER_MARK), None)
            if follower is None:
                properties.append(mark)
            else:
                follower.addprevious(mark)
        change = etree.Element(words[0].tag, attrib=dict(words[0].attrib))
        mark.insert(0, change)  # the schema puts a mark's change first


def followed_by_paragraph(paragraph: etree._Element) -> bool:
    following = paragraph.getnext()
    while following is not None and following.tag in BOOKMARKS:  # around a bibliography entry
        following = following.getnext()
    return following is not None and following.tag == f"{{{W}}}p"


def number_changes(parts: Parts) -> None:
    """Every change its own id, after the bookmarks' (Word's ids of one kind)."""
    present = [name for name in TEXT_PARTS if name in parts]
    taken = [
        int(value)
        for name in present
        for bookmark in etree.fromstring(parts[name]).iter(f"{{{W}}}bookmarkStart")
        if (value := bookmark.get(f"{{{W}}}id", "")).isdigit()
    ]
    numbers = count(max(taken, default=0) + 1)
    for name in present:
        edit(parts, name, partial(renumber, numbers=numbers))


def renumber(root: etree._Element, numbers: Iterator[int]) -> None:
    for change in root.iter(*CHANGES):
        change.set(f"{{{W}}}id", str(next(numbers)))


def set_title(parts: Parts, title: str) -> None:
    def retitle(core: etree._Element) -> None:
        element = core.find("dc:title", CORE)
        if element is None:
            element = etree.SubElement(core, f"{{{CORE['dc']}}}title")
        element.text = title

    edit(parts, "docProps/core.xml", retitle)
