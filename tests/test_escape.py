"""Escaping: every LaTeX special prints literally; Unicode passes through for inputenc."""

from __future__ import annotations

import re

import pytest

from paperbuild.latex.escape import escape

CASES = [
    ("&", r"\&"),
    ("%", r"\%"),
    ("$", r"\$"),
    ("#", r"\#"),
    ("_", r"\_"),
    ("{", r"\{"),
    ("}", r"\}"),
    ("~", r"\textasciitilde{}"),
    ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"),
    ("[x]", "{[}x{]}"),
    ("a-b", "a{-}b"),
    ("“quoted” ‘single’", "“quoted” ‘single’"),
    ("1914–1918 — dash", "1914–1918 — dash"),
    ("wait…", "wait…"),
    ("Хлевнюк, Сталин", "Хлевнюк, Сталин"),
    ("Broué", "Broué"),
    ("two\nlines", "two\nlines"),
    ("non\u00a0breaking", "non~breaking"),
    ("<<x>> ,,y ``z'' !`", "<{}<x>{}> ,{},y `{}`z'{}' !{}`"),
    (r"\input{/etc/hostname}", r"\textbackslash{}input\{/etc/hostname\}"),
    (r"\immediate\write18{rm -rf /}",
     r"\textbackslash{}immediate\textbackslash{}write18\{rm {-}rf /\}"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "latex"), CASES, ids=[c[0][:20] for c in CASES])
def test_escape(text, latex):
    assert escape(text) == latex


def test_escaped_text_holds_no_command_of_the_author():
    hostile = r"\def\x{y}\end{document}$x^2$ 100% #1 a_b ~ {"
    out = escape(hostile)
    assert re.search(r"(?<!\\)[$%#&_^~]", out) is None  # every special is escaped
    assert re.search(r"\\(def|end|x)\b", out) is None  # no author command survives
