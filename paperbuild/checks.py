"""``invoke check``: what is wrong with a paper, without building it.

It reads and analyses the paper as a build would (nothing is written), then
adds what only a finished build can tell: the LaTeX log's warnings and the
PDF's fonts, pages and title, when ``build/`` holds a PDF at least as new as
the paper; and the Word file's notes, words and properties when it holds a
.docx (``invoke build --to docx``). The report is plain JSON-ready data;
:func:`summary` words it for people and :func:`strict_failures` says what
fails ``--strict``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .citations.report import citation_report, same_miss
from .files import read_text
from .incremental import work_dir
from .latex.escape import untypesettable
from .latex.render import MARKER, Rendered
from .paper import load_paper
from .pdfinfo import pdf_problems, read_pdf
from .problems import Problem
from .profiles import get_profile
from .stages import ESSAY_RECORD, JOBNAME, Analysis, analyse
from .texlog import log_problems
from .wordcount import note_words, prose_words

PROFILE = "journal"  # the PDF a plain `invoke build` makes
FAILING = ("error", "warning")


def check_paper(
    paper_dir: Path, build_dir: Path, journal: str | None = None, corrections: Path | None = None
) -> dict:
    """Citations, unresolved and uncited works, problems, and the built PDF's state; with a
    ``journal``, its checklist, on the submission the build folder holds (if any)."""
    paper = load_paper(paper_dir, corrections)
    analysis = analyse(paper)
    report = citation_report(analysis.resolution)
    add_candidates(report, analysis)
    essay = Path(paper.document.path)
    problems = analysis.problems + character_problems(essay) + footnote_problems(essay)
    words = {"text": prose_words(analysis.placed), "notes": None, "total": None}
    report["pdf"] = None
    profile = get_profile(PROFILE)
    built = build_dir / profile.pdf_name()
    workdir = work_dir(build_dir, profile.name)
    tex, log = workdir / f"{JOBNAME}.tex", workdir / f"{JOBNAME}.log"
    source = tex.read_text(encoding="utf-8") if tex.is_file() else ""
    # The build folder may hold another paper's build: its LaTeX names that paper's essay.
    if built_from(workdir, source, Path(paper.document.path)):
        if built.is_file():
            info = read_pdf(built)
            report["pdf"] = info.as_dict()
            problems += pdf_problems(info)
            if is_stale(built, paper_dir):
                message = f"{built} is older than the paper: run 'invoke build' to check it again"
                problems.append(Problem("check", "info", message, str(built)))
            else:
                words["notes"] = note_words(built, profile.settings["font_size"])
                words["total"] = words["text"] + words["notes"]
        if log.is_file() and not is_stale(log, paper_dir):
            rendered = Rendered(source, paper.document.path)
            problems += log_problems(log.read_text(encoding="utf-8", errors="replace"), rendered)
    report["docx"] = docx_report(build_dir, paper_dir, Path(paper.document.path), words, problems)
    report["problems"] = [problem.as_dict() for problem in problems]
    report["words"] = words
    if journal:
        report["journal"] = journal_report(analysis, paper_dir, build_dir, journal)
    return report


def journal_report(analysis: Analysis, paper_dir: Path, build_dir: Path, slug: str) -> dict:
    """The journal's checklist, measured on the manuscripts of its submission folder when they
    are this paper's and up to date (else the rules that need them are not measured yet)."""
    from dataclasses import replace

    from .journals.checklist import journal_checklist
    from .journals.layout import journal_profile
    from .journals.measure import measure
    from .journals.spec import load_journal
    from .journals.submit import manuscript_paths, romanised_analysis

    journal = load_journal(slug)
    profile = journal_profile(journal)
    analysis, written = romanised_analysis(analysis, journal)
    essay = Path(analysis.paper.document.path)
    found = []
    for path in manuscript_paths(build_dir, journal):
        to = path.suffix[1:]
        workdir = work_dir(build_dir, profile.name, to=to)
        if path.is_file() and built_from(workdir, "", essay) and not is_stale(path, paper_dir):
            found.append(path)
    font_size = profile.settings["font_size"]
    measures = measure(analysis.placed, found[0] if found else None, font_size)
    written = replace(written, manuscripts=tuple(found))
    checks = journal_checklist(journal, analysis.placed, measures, written)
    return {"name": journal.slug, "title": journal.name, "guidelines": journal.url,
            "read": journal.read, "checks": [check.as_dict() for check in checks]}  # fmt: skip


def docx_report(
    build_dir: Path, paper_dir: Path, essay: Path, words: dict, problems: list[Problem]
) -> dict | None:
    """The built .docx read back, as the PDF is: its notes and their words, its properties;
    None when the build folder holds no Word file of this paper."""
    from .docx.readback import docx_problems, read_docx

    profile = get_profile(PROFILE)
    built = build_dir / profile.docx_name()
    workdir = work_dir(build_dir, profile.name, to="docx")
    if not built.is_file() or not built_from(workdir, "", essay):
        return None
    info = read_docx(built)
    problems += docx_problems(info)
    report = info.as_dict() | {"words": None}
    if is_stale(built, paper_dir):
        message = f"{built} is older than the paper: run 'invoke build --to docx' to check it again"
        problems.append(Problem("check", "info", message, str(built)))
    else:
        notes = info.note_words
        report["words"] = {"text": words["text"], "notes": notes, "total": words["text"] + notes}
    return report


def built_from(workdir: Path, latex: str, essay: Path) -> bool:
    """Whether the work folder's ``latex`` came from ``essay``, however either path was spelled:
    the absolute path the build recorded, else (an older build) the LaTeX's source marker."""
    record = workdir / ESSAY_RECORD
    if record.is_file():
        return same_file(Path(record.read_text(encoding="utf-8").strip()), essay)
    return names_essay(latex, essay)


def names_essay(latex: str, essay: Path) -> bool:
    """Whether ``latex``'s first source marker names ``essay`` (a relative marker is taken
    from the current folder, where the build most likely ran)."""
    for line in latex.split("\n"):
        marker = MARKER.match(line)
        if marker:
            return same_file(Path(marker["path"]), essay)
    return False


def same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):  # a symlink loop, say: then they cannot be compared
        return False


def add_candidates(report: dict, analysis: Analysis) -> None:
    """Mark the unresolved items that matched several sources, naming them."""
    for unmatched in analysis.resolution.ambiguous:
        for entry in report["unresolved"]:
            if (entry["line"], entry["text"], entry["author"], entry["year"]) == (
                unmatched.citation.line,
                unmatched.citation.text,
                unmatched.item.author,
                unmatched.item.year,
            ):
                entry["candidates"] = list(unmatched.candidates)


def character_problems(essay: Path) -> list[Problem]:
    """Each character the fonts cannot print, once per line: it prints as a placeholder box."""
    problems = []
    for number, line in enumerate(read_text(essay).splitlines(), start=1):
        for char in dict.fromkeys(untypesettable(line)):
            name = unicodedata.name(char, "unnamed")
            message = f"character U+{ord(char):04X} ({name}) cannot be typeset; it prints as a box"
            problems.append(Problem("manuscript", "warning", message, str(essay), number))
    return problems


#: A footnote of Markdown's extended syntax: its mark "[^1]" or its text "[^1]: …".
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")


def footnote_problems(essay: Path) -> list[Problem]:
    """Markdown footnotes are not read (the notes are the citations'): each line holding
    their marks is a warning, since the mark and the note's text print as written."""
    problems = []
    for number, line in enumerate(read_text(essay).splitlines(), start=1):
        mark = FOOTNOTE_MARK.search(line)
        if mark:
            message = (
                f"{mark[0]} is a Markdown footnote, which paperbuild does not read: it prints "
                "as written; put the note's words in the text (citations make their own notes)"
            )
            problems.append(Problem("manuscript", "warning", message, str(essay), number))
    return problems


def is_stale(output: Path, paper_dir: Path) -> bool:
    """Whether ``output`` was made before the paper's last edit (its lines may have moved)."""
    newest = max((f.stat().st_mtime for f in paper_dir.rglob("*") if f.is_file()), default=0)
    return output.stat().st_mtime < newest


def strict_failures(report: dict, essay: str) -> list[str]:
    """Why ``--strict`` fails: each unresolved citation, then how many other errors and warnings.

    An unresolved citation is also an error among the problems: named once, not counted again.
    """
    reasons = [
        f"{essay}:{item['line']}: {item['author']} {item['year']} is unresolved"
        for item in report["unresolved"]
    ]
    others = list(report["problems"])
    for item in report["unresolved"]:
        listed = next((p for p in others if same_miss(p, item)), None)
        if listed is not None:
            others.remove(listed)
    for severity in FAILING:
        count = sum(1 for p in others if p["severity"] == severity)
        if count:
            reasons.append(f"{count} {severity}{'s' * (count > 1)}")
    failed = [c for c in report.get("journal", {}).get("checks", []) if c["passed"] is False]
    if failed:
        reasons.append(f"{plural(len(failed), 'rule')} of {report['journal']['title']} failing")
    return reasons


def summary(report: dict, essay: str) -> str:
    """The report for people: counts first, then what to act on, grouped."""
    counts = {s: sum(1 for p in report["problems"] if p["severity"] == s) for s in FAILING}
    counted = [
        plural(len(report["citations"]), "citation"),
        f"{len(report['unresolved'])} unresolved",
        plural(len(report["uncited"]), "uncited source"),
        plural(counts["error"], "error"),
        plural(counts["warning"], "warning"),
    ]
    lines = [f"{essay}: {', '.join(counted)}"]
    if report["unresolved"]:
        lines.append("unresolved:")
        for item in report["unresolved"]:
            also = f" (matches {', '.join(item['candidates'])})" if "candidates" in item else ""
            lines.append(f"  {essay}:{item['line']}: {item['text']}{also}")
    if report["uncited"]:
        lines.append(f"uncited: {', '.join(report['uncited'])}")
    groups: dict[str, list[str]] = {}
    for problem in report["problems"]:
        groups.setdefault(problem["category"], []).append(str(Problem(**problem)))
    for category, found in groups.items():
        lines.append(f"{category}:")
        lines += [f"  {text}" for text in found]
    lines.append(pdf_line(report["pdf"]))
    words = report["words"]
    if words["notes"] is None:
        lines.append(f"words: text {words['text']:,} (notes are counted from a fresh PDF)")
    else:
        lines.append(f"words: {word_line(words)}")
    if report["docx"] is not None:
        lines.append(docx_line(report["docx"]))
    if "journal" in report:
        journal = report["journal"]
        lines.append(f"journal: {journal['title']} (guidelines {journal['guidelines']}, "
                     f"read {journal['read']})")  # fmt: skip
        lines += [f"  {check['text']}" for check in journal["checks"]]
    return "\n".join(lines)


def word_line(words: dict) -> str:
    return f"text {words['text']:,}, notes {words['notes']:,}, total {words['total']:,}"


def docx_line(docx: dict) -> str:
    title = f"title: {docx['title']}" if docx["title"] else "no title"
    notes = f"{plural(docx['notes'], docx['note_kind'][:-1])}"
    words = word_line(docx["words"]) if docx["words"] else "words counted from a fresh build"
    return f"docx: {docx['path']}, {notes}, {title}; words: {words}"


def pdf_line(pdf: dict | None) -> str:
    if pdf is None:
        return "pdf: not built yet ('invoke build' makes it; check then reads it back)"
    fonts = pdf["fonts"]
    embedded = sum(1 for font in fonts if font["embedded"])
    type3 = sum(1 for font in fonts if font["kind"] == "Type3")
    title = f"title: {pdf['title']}" if pdf["title"] else "no title"
    return (
        f"pdf: {pdf['path']}, {plural(pdf['pages'], 'page')}, {plural(len(fonts), 'font')} "
        f"({embedded} embedded, {type3} Type 3), {title}"
    )


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"
