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


def same_miss(problem: dict, unresolved: dict) -> bool:
    """Whether ``problem`` is the citation error that reports the ``unresolved`` entry.

    Resolution reports each unresolved or ambiguous item twice, as an entry of
    "unresolved" and as an error on its line naming the item and the citation
    ("Kotkin 2017 (cited as '(Kotkin, 2017)')"); counting both counts one miss twice.
    """
    return (
        problem["category"] == "citation"
        and problem["severity"] == "error"
        and problem["line"] == unresolved["line"]
        and f"{unresolved['author']} {unresolved['year']}" in problem["message"]
        and f"(cited as '{unresolved['text']}')" in problem["message"]
    )
