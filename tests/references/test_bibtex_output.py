"""The BibTeX written from a Sources list: stable bytes, sound keys, escaping, round trips."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pybtex.errors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import BibliographyData, parse_string

from paperbuild.errors import PaperError
from paperbuild.references import normalise_sources, render_bibtex, write_bibtex
from paperbuild.references.bibtex import to_entry
from paperbuild.references.latex import escape
from paperbuild.references.parse import UnparsableReference, parse_reference

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "paper" / "sources.txt"
CORRECTIONS = ROOT / "bib" / "corrections.yaml"
COMMITTED_BIB = ROOT / "bib" / "references.bib"

SAMPLE = """\
Sources:

Conquest, Robert. The Great Terror. London: Macmillan, 1968.
Harris, J. (2013a). The Great Fear. Oxford University Press.
Harris, J. (2013b). Stalin's Terror. Oxford University Press.
Getty, J. A. (1985). Origins of the Great Purges. Cambridge University Press.
Getty, J. A. (1999). The Road to Terror. Yale University Press.
Smith, A. (2001). Profit & Loss: 50% of $ in #1 the_best. Black & White Press.
Хлевнюк, Олег. Хозяин: Сталин и утверждение сталинской диктатуры. Москва: РОССПЭН, 2010.
Davies, S. “The Red Army in the USSR.” Slavic Review, vol. 5, no. 2, 2001, pp. 24–35.
"""


def _normalise(tmp_path: Path, text: str, name: str = "sources.txt", corrections=None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return normalise_sources(path, corrections)


def test_same_input_gives_identical_bytes(tmp_path):
    first = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    second = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    assert first == second


def test_order_of_lines_does_not_change_output(tmp_path):
    lines = SAMPLE.splitlines()
    shuffled = "\n".join([lines[0], *reversed(lines[1:])]) + "\n"
    assert render_bibtex(_normalise(tmp_path, SAMPLE).bibliography) == render_bibtex(
        _normalise(tmp_path, shuffled, "other.txt").bibliography
    )


def test_entries_sorted_by_key(tmp_path):
    text = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    keys = [line.split("{", 1)[1].rstrip(",") for line in text.splitlines() if line.startswith("@")]
    assert keys == sorted(keys)


def test_keys_and_suffixes(tmp_path):
    keys = set(_normalise(tmp_path, SAMPLE).bibliography.entries)
    assert {"conquest1968", "harris2013a", "harris2013b", "getty1985", "getty1999"} <= keys
    assert "khlevniuk2010" in keys  # Cyrillic folded to ASCII


def test_year_suffix_from_the_list_is_kept(tmp_path):
    entries = _normalise(tmp_path, SAMPLE).bibliography.entries
    assert entries["harris2013a"].fields["title"] == "The {Great} {Fear}"
    assert entries["harris2013b"].fields["title"] == "Stalin's {Terror}"


def test_same_author_year_both_get_suffixes(tmp_path):
    text = "Ryan, J. (2020). Alpha. Routledge.\nRyan, J. (2020). Beta. Routledge.\n"
    assert set(_normalise(tmp_path, text).bibliography.entries) == {"ryan2020a", "ryan2020b"}


def test_organisation_and_anonymous_keys(tmp_path):
    text = (
        "UNHCR (2015). Women on the Move. Geneva: UNHCR.\n"
        "The Anonymous Pamphlet. London: Smith, 1850.\n"
    )
    assert set(_normalise(tmp_path, text).bibliography.entries) == {"unhcr2015", "anonymous1850"}


def test_undated_organisation_keyed_nd_without_date(tmp_path):
    """ "Memorial. n.d." keys as memorialnd with no date, so "(Memorial, n.d.)" resolves."""
    text = "Memorial. n.d. “Victims of Terror.” Accessed May 2, 2024. https://example.org/.\n"
    entries = _normalise(tmp_path, text).bibliography.entries
    assert set(entries) == {"memorialnd"}
    assert "date" not in entries["memorialnd"].fields
    assert entries["memorialnd"].fields["urldate"] == "2024-05-02"


def test_latex_specials_escaped_but_not_in_urls(tmp_path):
    text = SAMPLE + "Jones, K. (2010). Notes. Retrieved from https://example.org/a_b%20c#x\n"
    out = render_bibtex(_normalise(tmp_path, text).bibliography)
    assert r"title = {Profit \& {Loss}}" in out
    assert r"50\% of \$ in \#1 the\_best" in out
    assert r"publisher = {Black \& White Press}" in out
    assert "url = {https://example.org/a_b%20c#x}" in out


def test_page_ranges_use_double_dash(tmp_path):
    out = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    assert "pages = {24--35}" in out


def test_capitals_protected_first_word_free(tmp_path):
    out = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    assert "title = {The {Red} {Army} in the {USSR}}" in out
    assert "title = {The {Great} {Terror}}" in out


def test_utf8_kept(tmp_path):
    out = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    assert "author = {Хлевнюк, Олег}" in out
    assert "location = {Москва}" in out


@contextmanager
def strict_pybtex() -> Iterator[None]:
    """pybtex raising on any warning, then its mode as it was (it is global)."""
    before = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    try:
        yield
    finally:
        pybtex.errors.set_strict_mode(before)


def test_round_trip_through_pybtex_without_warnings(tmp_path):
    text = render_bibtex(_normalise(tmp_path, SAMPLE).bibliography)
    with strict_pybtex():
        again = render_bibtex(parse_string(text, "bibtex"))
    assert again == text


def test_write_bibtex_is_atomic_and_complete(tmp_path):
    normalised = _normalise(tmp_path, SAMPLE)
    out = tmp_path / "out" / "refs.bib"
    write_bibtex(normalised, out)
    assert out.read_text(encoding="utf-8") == render_bibtex(normalised.bibliography)
    assert [p.name for p in out.parent.iterdir()] == ["refs.bib"]


def test_header_and_blank_lines_skipped_and_lines_recorded(tmp_path):
    normalised = _normalise(tmp_path, SAMPLE)
    assert normalised.source_lines["conquest1968"] == 3
    assert len(normalised.bibliography.entries) == 8


def test_unparsable_line_is_a_warning_and_the_rest_goes_on(tmp_path):
    normalised = _normalise(tmp_path, "Conquest, R. (1968). The Great Terror. Macmillan.\n12 34\n")
    assert list(normalised.bibliography.entries) == ["conquest1968"]
    (problem,) = [p for p in normalised.problems if "not understood" in p.message]
    assert (problem.severity, problem.line, problem.category) == ("warning", 2, "bibliography")
    assert problem.path.endswith("sources.txt")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(PaperError) as err:
        normalise_sources(tmp_path / "nope.txt")
    assert err.value.category == "input"


def test_non_utf8_names_the_line(tmp_path):
    path = tmp_path / "sources.txt"
    path.write_bytes(b"Conquest, R. (1968). Terror. Macmillan.\nBrou\xe9, P. (1980). Bloc. X.\n")
    with pytest.raises(PaperError) as err:
        normalise_sources(path)
    assert (err.value.category, err.value.line) == ("input", 2)


def test_report_flags_doubtful_entries(tmp_path):
    text = (
        "Bellamy, Chris . “War.” Revisioning Stalin, edited by James Ryan and Susan Susan, "
        "Bloomsbury, 2020.\n"
        "Brou, Pierre. “Pierre Broué: Bloc.” Www.marxists.org, 1980, www.marxists.org/bloc.html.\n"
        "Smith, A. (2001). A Title. Press Press.\n"
        "Jones, B. (2001). A Title. Other Press.\n"
        "Doe, J. (2003). The Article. Journal of Things.\n"
        "Lind, Karin, Harbour Towns (Malmö: Nordic Press, 2015), 4–5.\n"
    )
    messages = [p.message for p in _normalise(tmp_path, text).problems]
    assert any(
        "pages 4–5 on a whole book look like the pages one note cites" in m for m in messages
    )
    assert any("Susan Susan: given name equals family name" in m for m in messages)
    assert any("Www.marxists.org" in m and "web address" in m for m in messages)
    assert any("repeats the word 'Press'" in m for m in messages)
    assert any("duplicate" in m for m in messages)
    assert any("stray space" in m for m in messages)
    assert any("author 'Brou' may have lost an accent: 'Broué'" in m for m in messages)


def test_corrections_applied_reported_and_stale(tmp_path):
    corrections = tmp_path / "corrections.yaml"
    corrections.write_text(
        "brou1980:\n  match: {author: 'Brou, Pierre'}\n  set: {author: 'Broué, Pierre'}\n"
        "gone1999:\n  match: {title: X}\n  set: {title: Y}\n"
        "smith2001:\n  match: {publisher: Nobody}\n  set: {publisher: Somebody}\n",
        encoding="utf-8",
    )
    text = "Brou, Pierre. The Bloc. Paris: Maspero, 1980.\nSmith, A. (2001). A Book. Routledge.\n"
    normalised = _normalise(tmp_path, text, corrections=corrections)
    assert "broue1980" in normalised.bibliography.entries
    info = [p for p in normalised.problems if p.severity == "info"]
    assert len(info) == 1 and info[0].message.startswith("applied correction brou1980")
    stale = sorted(p.message for p in normalised.problems if "stale correction" in p.message)
    assert len(stale) == 2 and stale[0].startswith("stale correction gone1999")


def test_committed_bib_is_current():
    """bib/references.bib is what the code makes of paper/sources.txt today."""
    normalised = normalise_sources(SOURCES, CORRECTIONS)
    assert COMMITTED_BIB.read_text(encoding="utf-8") == render_bibtex(normalised.bibliography)
    assert sum(p.message.startswith("applied correction") for p in normalised.problems) >= 5


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed")
def test_biber_reads_the_bib_without_warnings(tmp_path):
    bib = tmp_path / "references.bib"
    shutil.copy(COMMITTED_BIB, bib)
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", bib.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert not [line for line in run.stdout.splitlines() if "WARN" in line or "ERROR" in line]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("Aa Bb.,:()“”\"'&%$#_{}\\-0123456789 éЖ")), max_size=60)
)
def test_any_parsed_line_renders_to_valid_bibtex(text):
    """Braces stay balanced and specials escaped whatever the input holds."""
    try:
        ref = parse_reference("Smith, J. (2001). " + text + ". Routledge.")
    except UnparsableReference:
        return
    data = BibliographyData({"k": to_entry(ref)})
    rendered = render_bibtex(data)
    with strict_pybtex():
        assert render_bibtex(parse_string(rendered, "bibtex")) == rendered


def test_characters_the_fonts_lack_become_visible_placeholders():
    assert escape("Mao 漢 e\u0301 x^2") == r"Mao \missingchar{U+6F22} é x\textasciicircum{}2"
