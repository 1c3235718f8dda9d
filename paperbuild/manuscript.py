"""Read essay.md (YAML front matter + Markdown) into the document model.

markdown-it-py does the Markdown, with its typographer on so straight quotes
and ``--`` become typographic; PyYAML does the front matter. Line numbers are
kept on every text run so later stages can point back at the essay.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_core.smartquotes import process_inlines
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from .document import (
    BlockQuote,
    Code,
    Document,
    Emphasis,
    Heading,
    Inline,
    Link,
    Paragraph,
    Text,
)
from .errors import PaperError
from .files import read_text
from .frontmatter import split_front_matter

OPENING_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\u2014\u2013]))"(?=\S)')
OPENING_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{\u2014\u2013]))'(?=\S)")
#: How deep emphasis and links may nest in one another: far more than prose needs, and
#: far less than Python's recursion limit, which every later stage's walk relies on.
MAX_NESTING = 20
#: markdown-it pairs a block's quotes in time growing with their number times the text's
#: length (300,000 quotes on one line take a minute); beyond this many, a block's quotes
#: are curled by where they stand instead (see curl_unpaired_quotes), in linear time.
MAX_PAIRED_QUOTES = 1000


#: Brackets an author escapes to keep a parenthesis as text: "\\(Moscow, 1937)".
LITERAL_ESCAPES = frozenset("([@")


def markdown_parser() -> MarkdownIt:
    """CommonMark with typographic quotes and dashes. Quotes are paired block by block (see
    pair_quotes); escapes are kept apart (no text_join) so that an escaped bracket stays
    out of citation recognition."""
    parser = MarkdownIt("commonmark", {"typographer": True}).enable(["replacements", "smartquotes"])
    parser.core.ruler.at("smartquotes", pair_quotes)
    return parser.disable("text_join")


def pair_quotes(state: StateCore) -> None:
    """markdown-it's smartquotes rule, for each block with at most MAX_PAIRED_QUOTES quotes."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            quotes = token.content.count('"') + token.content.count("'")
            if 0 < quotes <= MAX_PAIRED_QUOTES:
                process_inlines(token.children, state)


def read_manuscript(path: Path) -> Document:
    text = read_text(path)
    meta, body, offset = split_front_matter(text, path)
    if not body.strip():
        raise PaperError("manuscript", "the essay has no text after its front matter", path)
    tokens = markdown_parser().parse(body)
    blocks = tuple(BlockReader(tokens, offset, path).blocks())
    return Document(meta=meta, blocks=blocks, path=str(path))


class BlockReader:
    """Walks markdown-it's flat token stream into headings, paragraphs and quotes."""

    def __init__(self, tokens: list[Token], offset: int, path: Path):
        self.tokens = tokens
        self.offset = offset
        self.path = path

    def line_of(self, token: Token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def blocks(self):
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.type == "heading_open":
                level = int(token.tag[1:])
                line = self.line_of(token)
                yield Heading(level, self.inlines(self.tokens[index + 1], line), line)
                index += 3
            elif token.type == "paragraph_open":
                yield self.paragraph(index)
                index += 3
            elif token.type == "blockquote_open":
                index = self.block_quote(index)
                yield self.last_quote
            elif token.type == "hr":
                index += 1
            else:
                raise PaperError(
                    "manuscript",
                    f"{describe(token)} is not supported; write prose paragraphs, '## ' headings "
                    "and '> ' quotations",
                    self.path,
                    self.line_of(token),
                )

    def paragraph(self, index: int) -> Paragraph:
        line = self.line_of(self.tokens[index])
        return Paragraph(self.inlines(self.tokens[index + 1], line), line)

    def block_quote(self, index: int) -> int:
        line = self.line_of(self.tokens[index])
        paragraphs = []
        index += 1
        while self.tokens[index].type != "blockquote_close":
            token = self.tokens[index]
            if token.type != "paragraph_open":
                raise PaperError(
                    "manuscript",
                    f"{describe(token)} inside a quotation is not supported",
                    self.path,
                    self.line_of(token),
                )
            paragraphs.append(self.paragraph(index))
            index += 3
        self.last_quote = BlockQuote(tuple(paragraphs), line)
        return index + 1

    def inlines(self, inline: Token, line: int) -> tuple[Inline, ...]:
        stack: list[list[Inline]] = [[]]
        opened: list[Token] = []
        for child in inline.children or []:
            kind = child.type
            if kind in ("text", "html_inline"):
                stack[-1].append(Text(curl_unpaired_quotes(child.content), line))
            elif kind == "text_special" and child.info == "escape":
                literal = child.content in LITERAL_ESCAPES
                stack[-1].append(Text(child.content, line, literal=literal))
            elif kind in ("softbreak", "hardbreak"):
                stack[-1].append(Text("\n", line))  # kept so offsets map back to lines
                line += 1
            elif kind == "code_inline":
                stack[-1].append(Code(child.content, line))
            elif kind in ("em_open", "strong_open", "link_open"):
                if len(opened) == MAX_NESTING:
                    raise PaperError(
                        "manuscript",
                        f"emphasis or links nested more than {MAX_NESTING} deep: "
                        "close some of them before opening more",
                        self.path,
                        line,
                    )
                opened.append(child)
                stack.append([])
            elif kind in ("em_close", "strong_close", "link_close"):
                children = tuple(merge_text(stack.pop()))
                start = opened.pop()
                if kind == "link_close":
                    stack[-1].append(Link(str(start.attrGet("href") or ""), children))
                else:
                    stack[-1].append(Emphasis(children, strong=kind == "strong_close"))
            elif kind == "image":
                raise PaperError("manuscript", "images are not supported", self.path, line)
            else:
                stack[-1].append(Text(child.content, line))
        return tuple(merge_text(stack[0]))


def curl_unpaired_quotes(text: str) -> str:
    """Curl the straight quotes the typographer could not pair, by which side of a word they sit.

    markdown-it pairs quotes; an author's mismatched pair ("Plan of Defeat:') is left
    straight, and a straight " prints as a closing quote in T1 fonts.
    """
    text = OPENING_DOUBLE.sub("“", text).replace('"', "”")
    return OPENING_SINGLE.sub("‘", text).replace("'", "’")


def merge_text(inlines: list[Inline]) -> list[Inline]:
    """Join neighbouring text runs so a citation split by a line break is seen whole."""
    merged: list[Inline] = []
    for item in inlines:
        joins = isinstance(item, Text) and merged and isinstance(merged[-1], Text)
        if joins and not (item.literal or merged[-1].literal):
            merged[-1] = Text(merged[-1].text + item.text, merged[-1].line)
        else:
            merged.append(item)
    return merged


def describe(token: Token) -> str:
    names = {
        "bullet_list_open": "a bulleted list",
        "ordered_list_open": "a numbered list",
        "fence": "a fenced code block",
        "code_block": "an indented code block (four spaces at a line's start)",
        "html_block": "raw HTML",
        "blockquote_open": "a quotation",
        "table_open": "a table",
    }
    return names.get(token.type, f"Markdown element '{token.type}'")
