"""What could unmask the author of an anonymised manuscript: in the text, and in the files.

The manuscript writers already leave out the author, affiliation, date and
acknowledgements of the front matter, and the file's author and dates. What
they cannot leave out is what the author wrote in the essay itself: a
reference to "my article", her own name, thanks or her institution. Each such
finding names its essay line. The essay's block quotations and the words
inside quotation marks are other people's: they are not searched.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import BlockQuote, Document, FrontMatter, Heading, Text, inlines, line_at

WORKS = (r"(?:article|book|monograph|essay|chapter|study|studies|dissertation|thesis|paper|"
         r"work|research|publications?|findings)")  # fmt: skip
#: First-person references to one's own (earlier) work.
SELF_REFERENCE = re.compile(
    rf"""\b(?:
        my\s+(?:own\s+|earlier\s+|previous\s+|recent\s+|forthcoming\s+|
            first\s+|last\s+|other\s+)?{WORKS}
      | as\s+I\s+(?:have\s+)?(?:argued|shown|demonstrated|suggested|noted|discussed|written|
            claimed|proposed|explained)\s+(?:in|elsewhere|before|previously|earlier)
      | I\s+have\s+(?:argued|shown|demonstrated|written|discussed|suggested)\s+
            (?:elsewhere|before|previously|earlier)
      | (?:elsewhere|previously|earlier),?\s+I\s+(?:have\s+)?(?:argued|shown|demonstrated|
            written|discussed|suggested)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: Thanks and funding: what an acknowledgement says.
THANKS = re.compile(
    r"""\b(?:
        I\s+(?:would\s+like\s+to\s+|wish\s+to\s+|want\s+to\s+)?thank
      | I\s+am\s+(?:deeply\s+|very\s+|most\s+|especially\s+)?(?:grateful|indebted|thankful)
      | my\s+(?:sincere\s+|warm(?:est)?\s+|special\s+)?thanks
      | I\s+gratefully\s+acknowledge
      | (?:was|were|is)\s+(?:generously\s+)?(?:funded|supported)\s+by
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
ACKNOWLEDGEMENTS_HEADING = re.compile(r"^\s*acknowledge?ments?\s*$", re.IGNORECASE)
#: The parts holding the essay's own text, which :func:`text_findings` searches, by line.
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class Finding:
    rule: str  # an anonymise rule: author, affiliation, acknowledgements, self_reference
    phrase: str  # as written, on one line
    line: int


def text_findings(document: Document, rules: tuple[str, ...]) -> list[Finding]:
    """Each place in the essay's own words that breaks one of ``rules``, in reading order."""
    patterns = rule_patterns(document.meta, rules)
    findings = []
    for block in document.blocks:
        if isinstance(block, BlockQuote):
            continue
        if isinstance(block, Heading) and "acknowledgements" in rules:
            heading = "".join(i.text for i in inlines(block.inlines) if isinstance(i, Text))
            if ACKNOWLEDGEMENTS_HEADING.match(heading):
                findings.append(Finding("acknowledgements", heading.strip(), block.line))
        for run in own_words(block.inlines):
            searched = QUOTED.sub(lambda m: " " * len(m[0]), run.text)
            for rule, pattern in patterns:
                for match in pattern.finditer(searched):
                    phrase = " ".join(run.text[match.start() : match.end()].split())
                    findings.append(Finding(rule, phrase, line_at(run, match.start())))
    return findings


def own_words(items) -> Iterator[Text]:
    yield from (item for item in inlines(items) if isinstance(item, Text))


def rule_patterns(meta: FrontMatter, rules: tuple[str, ...]) -> list[tuple[str, re.Pattern]]:
    """The pattern of each rule that applies: the author's and affiliation's from the front
    matter (none if it names neither), thanks and self-references from fixed phrases."""
    patterns = []
    if "author" in rules and meta.author:
        patterns.append(("author", name_pattern(meta.author)))
    if "affiliation" in rules and meta.affiliation:
        patterns.append(("affiliation", phrase_pattern(meta.affiliation)))
    if "acknowledgements" in rules:
        patterns.append(("acknowledgements", THANKS))
        if meta.acknowledgements:
            patterns.append(("acknowledgements", phrase_pattern(meta.acknowledgements)))
    if "self_reference" in rules:
        patterns.append(("self_reference", SELF_REFERENCE))
    return patterns


def family_name(author: str) -> str:
    """The family name: Historian, in "Ann Historian" or "Historian, Ann"."""
    return author.split(",")[0].strip() if "," in author else author.split()[-1]


def name_pattern(author: str) -> re.Pattern:
    """The full name, or the family name alone."""
    names = sorted({" ".join(author.split()), family_name(author).strip()}, key=len, reverse=True)
    return re.compile("|".join(rf"\b{phrase_regex(n)}\b" for n in names), re.IGNORECASE)


def phrase_pattern(text: str) -> re.Pattern:
    return re.compile(phrase_regex(" ".join(text.split())), re.IGNORECASE)


def phrase_regex(text: str) -> str:
    """``text`` to match as written, any run of white space matching any other."""
    return r"\s+".join(re.escape(word) for word in text.split())


def file_findings(path: Path, author: str | None) -> list[str]:
    """What in the written file's properties (or anywhere in a .docx's parts) names someone."""
    if path.suffix == ".docx":
        return docx_findings(path, author)
    return pdf_findings(path, author)


def docx_findings(path: Path, author: str | None) -> list[str]:
    import docx

    properties = docx.Document(str(path)).core_properties
    found = [f"{label} {value!r} in {path.name}'s properties"
             for label, value in (("author", properties.author),
                                  ("last modified by", properties.last_modified_by))
             if value]  # fmt: skip
    with zipfile.ZipFile(path) as package:
        if "docProps/custom.xml" in package.namelist():
            found.append(f"custom properties in {path.name}")
        if author:
            pattern = name_pattern(author)
            for name in package.namelist():
                if name.endswith((".xml", ".rels")) and name not in TEXT_PARTS:
                    text = package.read(name).decode("utf-8", "replace")
                    if pattern.search(text):
                        found.append(f"the author's name in {path.name}'s {name}")
    return found


def pdf_findings(path: Path, author: str | None) -> list[str]:
    from pypdf import PdfReader

    metadata = PdfReader(path).metadata or {}
    found = [f"{key[1:].lower()} {str(metadata[key])!r} in {path.name}'s properties"
             for key in ("/Author", "/CreationDate", "/ModDate") if metadata.get(key)]  # fmt: skip
    if author:
        pattern = name_pattern(author)
        if any(pattern.search(str(value)) for value in metadata.values()):
            found.append(f"the author's name in {path.name}'s properties")
    return found
