"""The citation findings as plain JSON-ready data, for `--report` output and for tests."""

from __future__ import annotations

from .model import Resolution


def citation_report(resolution: Resolution) -> dict:
    """Every citation with its keys, what did not resolve, what was never cited, and problems.

    Ambiguous items count as unresolved here: neither got a key.
    """
    citations = []
    unresolved = []
    for citation in resolution.citations:
        items = []
        for item in citation.items:
            items.append(
                {"author": item.author, "year": item.year, "locator": item.locator, "key": item.key}
            )
            if item.key is None:
                unresolved.append(
                    {
                        "line": citation.line,
                        "text": citation.text,
                        "author": item.author,
                        "year": item.year,
                    }
                )
        citations.append({"line": citation.line, "text": citation.text, "items": items})
    return {
        "citations": citations,
        "unresolved": unresolved,
        "uncited": sorted(resolution.uncited),
        "problems": [problem.as_dict() for problem in resolution.problems],
    }
