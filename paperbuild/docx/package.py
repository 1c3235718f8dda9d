"""What pandoc's .docx needs after pandoc: its metadata, and endnotes where a layout asks.

Pandoc writes every metadata field it does not know into ``docProps/custom.xml``
(here: the bibliography and CSL paths of this machine), has no endnotes, and
takes the author only from a title block it prints itself (this writer prints
its own, with the affiliation). python-docx has no API for endnotes or for
dropping a part, so these few edits are made on the package's XML with lxml,
and the package is written again with its entries in pandoc's order and
undated (1980, zip's epoch), so that two builds of one paper give the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
#: Who wrote the file and when: the author or none; for blind review, none of them at all.
PEOPLE = ("dc:creator", "cp:lastModifiedBy")
DATES = ("dcterms:created", "dcterms:modified")
CUSTOM_PART = "docProps/custom.xml"
ENDNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
ENDNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
#: Footnote names and their endnote counterparts, in the notes, the text and the styles.
TO_ENDNOTE = {
    f"{{{W}}}footnote": f"{{{W}}}endnote",
    f"{{{W}}}footnotes": f"{{{W}}}endnotes",
    f"{{{W}}}footnoteReference": f"{{{W}}}endnoteReference",
    f"{{{W}}}footnoteRef": f"{{{W}}}endnoteRef",
}
TO_ENDNOTE_STYLE = {"FootnoteText": "EndnoteText", "FootnoteReference": "EndnoteReference"}
#: What follows w:endnotePr in settings.xml (the schema fixes the order).
AFTER_ENDNOTE_SETTINGS = ("compat", "docVars", "rsids", "mathPr", "attachedSchema",
                          "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                          "doNotAutoCompressPictures", "forceUpgrade", "captions",
                          "readModeInkLockDown", "smartTagType", "schemaLibrary",
                          "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                          "listSeparator")  # fmt: skip

#: What precedes w:endnotePr in a section's properties.
SECTION_FIRST = ("headerReference", "footerReference", "footnotePr")

Parts = dict[str, bytes]
Edit = Callable[[Parts], None]  # a change to the package's parts, made in place


def finish(
    docx: Path,
    target: Path,
    author: str | None,
    anonymous: bool,
    endnotes: bool,
    edits: Sequence[Edit] = (),
) -> Path:
    """``docx`` as ``target``: the caller's ``edits`` first; no custom properties; ``author``
    (or no one) as its creator, no last-modified-by, and for an ``anonymous`` file no dates
    either (they could place the author, as the anonymised PDF's creation date could); its
    notes made endnotes if asked."""
    with zipfile.ZipFile(docx) as package:
        names = package.namelist()
        parts = {name: package.read(name) for name in names}
    for change in edits:
        change(parts)
    drop_custom_properties(parts)
    edit(parts, "docProps/core.xml", lambda core: set_people(core, author, anonymous))
    if endnotes:
        make_endnotes(parts)
    order = [name for name in names if name in parts] + sorted(set(parts) - set(names))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name in order:
            package.writestr(zipfile.ZipInfo(name), parts[name], zipfile.ZIP_DEFLATED)
    return target


def edit(parts: Parts, name: str, change: Callable[[etree._Element], None]) -> None:
    root = etree.fromstring(parts[name])
    change(root)
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_custom_properties(parts: Parts) -> None:
    if parts.pop(CUSTOM_PART, None) is None:
        return
    relationship, override = f"{{{RELS}}}Relationship", f"{{{TYPES}}}Override"
    edit(parts, "_rels/.rels", lambda root: remove_where(root, relationship, "Target"))
    edit(parts, "[Content_Types].xml", lambda root: remove_where(root, override, "PartName"))


def remove_where(root: etree._Element, tag: str, attribute: str) -> None:
    """Remove each ``tag`` whose ``attribute`` names the custom properties part."""
    for element in list(root.iter(tag)):
        if element.get(attribute, "").lstrip("/") == CUSTOM_PART:
            element.getparent().remove(element)


def set_people(core: etree._Element, author: str | None, anonymous: bool) -> None:
    for tag in PEOPLE + (DATES if anonymous else ()):
        for element in core.findall(tag, CORE):
            core.remove(element)
    if author and not anonymous:
        creator = etree.SubElement(core, f"{{{CORE['dc']}}}creator")
        creator.text = author


def make_endnotes(parts: Parts) -> None:
    """Pandoc's footnotes as Word endnotes: the notes move to ``word/endnotes.xml``, their marks
    and styles become endnote ones, and the package and settings learn of the new part."""
    notes = etree.fromstring(parts["word/footnotes.xml"])
    endnotes = etree.fromstring(parts["word/footnotes.xml"])
    for kept in list(notes):
        if kept.get(f"{{{W}}}type") is None:  # a note, not a separator
            notes.remove(kept)
    rename_notes(endnotes)
    serialise = {"xml_declaration": True, "encoding": "UTF-8", "standalone": True}
    parts["word/footnotes.xml"] = etree.tostring(notes, **serialise)
    parts["word/endnotes.xml"] = etree.tostring(endnotes, **serialise)
    if "word/_rels/footnotes.xml.rels" in parts:  # the notes' links
        parts["word/_rels/endnotes.xml.rels"] = parts["word/_rels/footnotes.xml.rels"]
    edit(parts, "word/document.xml", rename_notes)
    edit(parts, "word/document.xml", number_endnotes_in_sections)
    edit(parts, "word/_rels/document.xml.rels", add_endnotes_relationship)
    edit(parts, "[Content_Types].xml", add_endnotes_content_type)
    edit(parts, "word/settings.xml", add_endnote_settings)


def rename_notes(root: etree._Element) -> None:
    for element in root.iter():
        if element.tag in TO_ENDNOTE:
            element.tag = TO_ENDNOTE[element.tag]
        elif element.tag in (f"{{{W}}}pStyle", f"{{{W}}}rStyle"):
            value = element.get(f"{{{W}}}val")
            element.set(f"{{{W}}}val", TO_ENDNOTE_STYLE.get(value, value))


def number_endnotes_in_sections(document: etree._Element) -> None:
    """Arabic endnote numbers in each section's own properties too (LibreOffice reads only
    these), placed after the references and footnote properties the schema puts first."""
    for section in document.iter(f"{{{W}}}sectPr"):
        numbering = etree.Element(f"{{{W}}}endnotePr")
        etree.SubElement(numbering, f"{{{W}}}numFmt").set(f"{{{W}}}val", "decimal")
        leading = [child for child in section if etree.QName(child).localname in SECTION_FIRST]
        if leading:
            leading[-1].addnext(numbering)
        else:
            section.insert(0, numbering)


def add_endnotes_relationship(root: etree._Element) -> None:
    taken = {element.get("Id") for element in root}
    number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    relation = etree.SubElement(root, f"{{{RELS}}}Relationship")
    relation.attrib.update({"Id": f"rId{number}", "Type": ENDNOTES_TYPE, "Target": "endnotes.xml"})


def add_endnotes_content_type(root: etree._Element) -> None:
    override = etree.SubElement(root, f"{{{TYPES}}}Override")
    override.attrib.update({"PartName": "/word/endnotes.xml", "ContentType": ENDNOTES_CONTENT})


def add_endnote_settings(root: etree._Element) -> None:
    """Arabic endnote numbers (Word's default is i, ii, iii), at the end of the document, with
    the separators pandoc wrote (ids -1 and 0, as for its footnotes)."""
    settings = etree.Element(f"{{{W}}}endnotePr")
    for name, value in (("pos", "docEnd"), ("numFmt", "decimal")):
        etree.SubElement(settings, f"{{{W}}}{name}").set(f"{{{W}}}val", value)
    for separator in ("-1", "0"):
        etree.SubElement(settings, f"{{{W}}}endnote").set(f"{{{W}}}id", separator)
    follower = next((child for child in root if etree.QName(child).localname
                     in AFTER_ENDNOTE_SETTINGS), None)  # fmt: skip
    if follower is None:
        root.append(settings)
    else:
        follower.addprevious(settings)
