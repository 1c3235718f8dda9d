"""The one Jinja environment every template is rendered with.

As in Sphinx's LaTeX builder: LaTeX-safe delimiters (``<%= %>``, ``<% %>``,
``<# #>``) so braces and percent signs in templates stay plain LaTeX,
StrictUndefined so a misspelt variable fails loudly, an ``e`` filter that
escapes the author's text (see :mod:`paperbuild.latex.escape`), and a
``oneline`` filter for fields that must not hold a paragraph break.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..locations import TEMPLATE_DIR
from .escape import escape


def template_environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        variable_start_string="<%=",
        variable_end_string="%>",
        block_start_string="<%",
        block_end_string="%>",
        comment_start_string="<#",
        comment_end_string="#>",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["e"] = escape
    env.filters["oneline"] = one_line
    return env


def one_line(text: str) -> str:
    """Metadata on one line: a blank line inside a title or a PDF field would end a paragraph."""
    return " ".join(str(text).split())
