"""Resolving cited "Author Year" items against a pybtex bibliography, and the JSON report."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pybtex.database import BibliographyData, Entry, Person

from paperbuild.citations import resolve as resolve_module
from paperbuild.citations.model import PossibleCitation
from paperbuild.citations.recognize import find_citations
from paperbuild.citations.report import citation_report, same_miss
from paperbuild.citations.resolve import known_names, resolve

ESSAY = Path(__file__).resolve().parents[2] / "paper" / "essay.md"


def entry(*authors: str, year: str | None = None, role: str = "author", **fields) -> Entry:
    made = Entry("book", fields={"title": "A Title", **({"year": year} if year else {}), **fields})
    for name in authors:
        made.add_person(Person(name), role)
    return made


def bibliography(**entries: Entry) -> BibliographyData:
    return BibliographyData(entries)


BIB = bibliography(
    whitewood2015=entry("Whitewood, Peter", year="2015"),
    davies1980a=entry("Davies, R. W.", year="1980"),
    davies1980b=entry("Davies, R. W.", year="1980"),
    davies2004=entry("Davies, R. W.", "Wheatcroft, Stephen G.", year="2004"),
    getty1999=entry("Getty, J. Arch", "Naumov, Oleg V.", year="1999"),
    getty1993=entry("Getty, J. Arch", "Rittersporn, Gábor T.", "Zemskov, Viktor N.", year="1993"),
    courtois1999=entry(
        "Courtois, Stéphane", "Werth, Nicolas", "Panné, Jean-Louis", "Paczkowski, Andrzej",
        year="1999",
    ),
    broue1980=entry("Brou{\\'e}, Pierre", year="1980"),
    khlevniuk2010=entry("Хлевнюк, О. В.", year="2010"),
    petrov1999=entry("Петров, Н. В.", "Скоркин, К. В.", year="1999"),
    gaulle1954=entry("de Gaulle, Charles", year="1954"),
    ree2002=entry("van Ree, Erik", year="2002"),
    memorial=entry("{Memorial}"),
    who2010=entry("{World Health Organization (WHO)}", year="2010"),
    garf=entry(title="GARF (State Archive of the Russian Federation)"),
    lind=entry("Lind, Karin", pubstate="forthcoming"),
    berg=entry("Berg, Anna", pubstate="inpress"),
    freud1953=entry("Freud, Sigmund", year="1953", origdate="1900"),
    read2016=entry("Read, Christopher", date="2016-12-08"),
    smith2010a=entry("Smith, Anna", year="2010"),
    ryan2020=entry("Ryan, James", "Susan, Susan", role="editor", year="2020"),
    purge1938=entry(year="1938", title="The Great Purge"),
    unused2001=entry("Nobody, Ann", year="2001"),
)  # fmt: skip


def resolved(text: str, bib: BibliographyData = BIB, line: int = 7):
    citations, _ = find_citations(text, known_names(bib))
    return resolve([replace(c, line=line) for c in citations], bib, path="essay.md")


def keys(resolution) -> list[str | None]:
    return [item.key for c in resolution.citations for item in c.items]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Whitewood, 2015, pp. 4-5)", ["whitewood2015"]),
        ("Whitewood (2015)", ["whitewood2015"]),
        ("(Davies 1980a, 112; 1980b)", ["davies1980a", "davies1980b"]),
        ("(Davies and Wheatcroft 2004)", ["davies2004"]),
        ("(Davies & Wheatcroft 2004)", ["davies2004"]),
        ("(Getty and Naumov 1999)", ["getty1999"]),
        ("(Getty, Rittersporn, and Zemskov 1993)", ["getty1993"]),
        ("(Courtois et al. 1999, p. 9)", ["courtois1999"]),
        ("(Getty et al. 1999)", ["getty1999"]),  # any work with more than one author
        ("(Broué 1980)", ["broue1980"]),
        ("(BROUE 1980)", []),  # all capitals read as an acronym: not a citation at all
        ("(Broue 1980)", ["broue1980"]),
        ("(Хлевнюк 2010, с. 5)", ["khlevniuk2010"]),
        ("(Khlevniuk 2010, 5)", ["khlevniuk2010"]),  # Cyrillic cited in Latin: ALA-LC
        ("(Khlevnyuk 2010, 5)", ["khlevniuk2010"]),  # or as the press spells it
        ("Petrov and Skorkin (1999, p. 41)", ["petrov1999"]),
        ("(de Gaulle 1954)", ["gaulle1954"]),
        ("(De Gaulle 1954)", ["gaulle1954"]),
        ("Gaulle (1954)", ["gaulle1954"]),
        ("(van Ree 2002, 112)", ["ree2002"]),
        ("(Memorial, n.d.)", ["memorial"]),
        ("(WHO 2010)", ["who2010"]),  # an organisation by its bracketed acronym
        ("(World Health Organization 2010)", ["who2010"]),  # or by its name alone
        ("(GARF n.d., l. 12)", ["garf"]),  # an archive by the acronym its title gives
        ("(Lind, forthcoming)", ["lind"]),  # a work not yet out, by its state (CMOS 15.46)
        ("Berg (in press, 4)", ["berg"]),
        ("Freud (1900/1953)", ["freud1953"]),  # APA's reprint: original/edition used
        ("(Read, 2016)", ["read2016"]),
        ("(Smith 2010)", ["smith2010a"]),  # the only Smith 2010, whatever its key says
        ("(Smith 2010a)", ["smith2010a"]),
        ("(Ryan and Susan 2020)", ["ryan2020"]),  # editors stand in for missing authors
        ("(Great Purge 1938)", ["purge1938"]),  # and the title when there are neither
        ("(Geoffrey Whitewood, 2015)", ["whitewood2015"]),
        ("[@whitewood2015, p. 5]", ["whitewood2015"]),
        ("[see @getty1999; @memorial]", ["getty1999", "memorial"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_hits(text, expected):
    resolution = resolved(text)
    assert keys(resolution) == expected
    assert [p for p in resolution.problems if p.severity == "error"] == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("(Whitewood, 2016)", "no source for Whitewood 2016 (cited as '(Whitewood, 2016)'); "
                              "the sources by Whitewood are from 2015"),
        ("(Whitewood, 2015b)", "no source for Whitewood 2015b"),
        ("(Davies and Wheatcroft 2005)", "no source for Davies and Wheatcroft 2005"),
        ("(Memorial, 2001)", "no source for Memorial 2001"),
        ("[@nosuchkey]", "no source has the key 'nosuchkey' (cited as '[@nosuchkey]')"),
        ("[@Whitewood2015]", "no source has the key 'Whitewood2015'"),
    ],
    ids=["wrong-year", "suffix-not-in-keys", "two-authors", "n.d.-source", "key", "key-case"],
)  # fmt: skip
def test_misses_are_errors_at_the_line(text, message):
    resolution = resolved(text, line=12)
    assert keys(resolution) == [None]
    [miss] = resolution.unresolved
    assert miss.citation.text == text
    [problem] = resolution.problems
    assert (problem.category, problem.severity, problem.path, problem.line) == (
        "citation",
        "error",
        "essay.md",
        12,
    )
    assert problem.message.startswith(message)


def test_ambiguous_year_is_an_error_not_a_guess():
    resolution = resolved("(Davies 1980, p. 4)", line=3)
    assert keys(resolution) == [None]
    assert resolution.unresolved == []
    [tie] = resolution.ambiguous
    assert tie.candidates == ("davies1980a", "davies1980b")
    [problem] = resolution.problems
    assert (problem.severity, problem.line) == ("error", 3)
    assert "davies1980a, davies1980b" in problem.message


def test_same_author_and_year_twice_is_ambiguous():
    bib = bibliography(a=entry("Roberts, G.", year="2006"), b=entry("Roberts, G.", year="2006"))
    resolution = resolved("(Roberts 2006)", bib)
    assert [t.candidates for t in resolution.ambiguous] == [("a", "b")]


def test_year_letter_in_the_year_field():
    bib = bibliography(x=entry("Davies, R.", year="1980a"), y=entry("Davies, R.", year="1980b"))
    assert keys(resolved("(Davies 1980b; 1980a)", bib)) == ["y", "x"]


@pytest.mark.parametrize(
    "text, key",
    [
        ("(Getty 1999)", "getty1999"),  # one of two authors named
        ("(Getty and Smith 1999)", "getty1999"),  # second author wrong
    ],
    ids=["first-author-only", "second-author-wrong"],
)
def test_loose_author_match_is_a_warning(text, key):
    resolution = resolved(text)
    assert keys(resolution) == [key]
    [problem] = resolution.problems
    assert problem.severity == "warning"
    assert problem.key == key
    assert "Getty, J. Arch; Naumov, Oleg V." in problem.message


def test_et_al_needs_more_than_one_author():
    resolution = resolved("(Whitewood et al. 2015)")
    assert keys(resolution) == ["whitewood2015"]
    assert [p.severity for p in resolution.problems] == ["warning"]


def test_uncited_keys_are_sorted():
    resolution = resolved("(Whitewood 2015; Getty and Naumov 1999)")
    assert resolution.uncited == sorted(set(BIB.entries) - {"whitewood2015", "getty1999"})


def test_citations_keep_order_length_and_lines():
    text = "(Whitewood 2015) and (Kotkin 2017, p. 5) and Getty and Naumov (1999)"
    resolution = resolved(text, line=9)
    assert [c.text for c in resolution.citations] == [
        "(Whitewood 2015)",
        "(Kotkin 2017, p. 5)",
        "Getty and Naumov (1999)",
    ]
    assert {c.line for c in resolution.citations} == {9}
    assert keys(resolution) == ["whitewood2015", None, "getty1999"]


def test_a_bare_parenthetical_of_a_place_is_a_warning():
    """A place and a year stay text, but must fail ``--strict``: never silent."""
    [possible] = find_citations("as in (Moscow, 2017).", known_names(BIB))[1]
    resolution = resolve([], BIB, "essay.md", possible=[replace(possible, line=4)])
    [problem] = resolution.problems
    assert (problem.severity, problem.line, problem.category) == ("warning", 4, "citation")
    assert problem.message == (
        "looks like a citation of Moscow 2017, but no source has that author; left as text "
        "— add the source, or write the parenthesis differently if it is not a citation"
    )


def test_a_year_alone_after_a_known_author_is_a_warning_that_says_how_to_cite():
    """ "As Whitewood shows (2015)" stays text, but must fail ``--strict``: never silent."""
    [possible] = find_citations("As Whitewood shows (2015), it was.", known_names(BIB))[1]
    resolution = resolve([], BIB, "essay.md", possible=[replace(possible, line=9)])
    [problem] = resolution.problems
    assert (problem.severity, problem.line, problem.category) == ("warning", 9, "citation")
    assert problem.message == (
        "'(2015)' stands a few words after Whitewood but is not joined to the name; left as "
        "text — write 'Whitewood (2015)' if it cites Whitewood 2015"
    )


def test_an_unreadable_citation_of_a_known_author_is_a_warning():
    [possible] = find_citations("as (Whitewood 2015, in passing).", known_names(BIB))[1]
    [problem] = resolve([], BIB, "essay.md", possible=[replace(possible, line=3)]).problems
    assert (problem.severity, problem.line) == ("warning", 3)
    assert problem.message.startswith(
        "'(Whitewood 2015, in passing)' opens as a citation of Whitewood 2015, but what "
        "follows could not be read; left as text"
    )


def test_a_bare_parenthetical_of_an_unknown_author_is_unresolved():
    """The most common slip, a source left out, is marked in the PDF as an error."""
    resolution = resolved("as shown (Smithson, 2017).")
    assert [(u.item.author, u.item.year) for u in resolution.unresolved] == [("Smithson", "2017")]


def test_a_bare_narrative_of_an_unknown_name_is_only_info():
    possible = [PossibleCitation("Versailles (1919)", 10, 27, "narrative", "Versailles", "1919", 4)]
    [problem] = resolve([], BIB, "essay.md", possible=possible).problems
    assert (problem.severity, problem.line) == ("info", 4)
    assert "'Versailles (1919)' looks like an author-year citation" in problem.message


def test_an_unknown_author_with_any_sign_of_a_citation_is_unresolved():
    resolution = resolved("(Smithson, 2017, p. 4) and (see Smithson 2017) and (O'Neill 1999)")
    assert [(u.item.author, u.item.year) for u in resolution.unresolved] == [
        ("Smithson", "2017"), ("Smithson", "2017"), ("O'Neill", "1999")
    ]  # fmt: skip
    assert {p.severity for p in resolution.problems} == {"error"}


def test_known_families_are_folded_last_words():
    assert {"whitewood", "broue", "gaulle", "ree", "хлевнюк", "ryan"} <= known_names(BIB).families


def test_sources_are_read_once_per_bibliography(monkeypatch):
    calls = []
    original = resolve_module._sources
    monkeypatch.setattr(resolve_module, "_sources", lambda bib: calls.append(bib) or original(bib))
    bib = bibliography(whitewood2015=entry("Whitewood, Peter", year="2015"))
    citations, _ = find_citations("(Whitewood, 2015)", known_names(bib))
    assert keys(resolve(citations, bib)) == ["whitewood2015"]
    assert calls == [bib]
    other = bibliography(roberts2006=entry("Roberts, G.", year="2006"))
    assert known_names(other).families == {"roberts"} and calls == [bib, other]


def test_report_shape():
    resolution = resolved("(Whitewood, 2015, pp. 4-5) then (Kotkin, 2017, p. 3)", line=12)
    report = citation_report(resolution)
    assert json.loads(json.dumps(report)) == report
    assert list(report) == ["citations", "unresolved", "uncited", "problems"]
    assert report["citations"][0] == {
        "line": 12,
        "text": "(Whitewood, 2015, pp. 4-5)",
        "items": [
            {"author": "Whitewood", "year": "2015", "locator": "4–5", "key": "whitewood2015"}
        ],
    }
    assert report["citations"][1]["items"][0]["key"] is None
    assert report["unresolved"] == [
        {"line": 12, "text": "(Kotkin, 2017, p. 3)", "author": "Kotkin", "year": "2017"}
    ]
    assert report["uncited"] == sorted(set(BIB.entries) - {"whitewood2015"})
    assert report["problems"] == [p.as_dict() for p in resolution.problems]
    assert report["problems"][0]["severity"] == "error"


def test_each_unresolved_entry_is_the_same_miss_as_one_error():
    """What lets ``--strict`` count a miss once: see report.same_miss."""
    text = "(Kotkin 2017, p. 4) (Davies 1980) [@nokey] (Whitewood 2015) (Davies 1980, p. 3)"
    report = citation_report(resolved(text, line=5))
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert len(report["unresolved"]) == len(errors) == 4
    for entry, error in zip(report["unresolved"], errors, strict=True):
        assert [p for p in report["problems"] if same_miss(p, entry)] == [error]


def test_report_counts_ambiguous_items_as_unresolved():
    report = citation_report(resolved("(Davies 1980)", line=2))
    assert report["unresolved"] == [
        {"line": 2, "text": "(Davies 1980)", "author": "Davies", "year": "1980"}
    ]


def test_seed_against_its_sources():
    """The seed essay resolves except "(Kotkin, 2017)", a work missing from its sources."""
    text = ESSAY.read_text(encoding="utf-8")
    bib = bibliography(
        bellamy2020=entry("Bellamy, Chris", year="2020"),
        brou1980=entry("Brou, Pierre", year="1980"),
        getty1986=entry("Getty, J. Arch", year="1986"),
        harrison2008=entry("Harrison, Mark", year="2008"),
        kantor2005=entry("Kantor, Y.", year="2005"),
        kotkin2014=entry("Kotkin, S.", year="2014"),
        main1995=entry("Main, S. J.", year="1995"),
        minakov2016=entry("Minakov, S.", year="2016"),
        read2016=entry("Read, Christopher", year="2016"),
        reese1996=entry("Reese, R. R.", year="1996"),
        rieber2022=entry("Rieber, A. J.", year="2022"),
        roberts2006=entry("Roberts, G.", year="2006"),
        rogovin2019=entry("Rogovin, V.", year="2019"),
        rogovin1998=entry("Rogovin, V.", year="1998"),
        stone1996=entry("Stone, D. R.", year="1996"),
        thurston1996=entry("Thurston, R. W.", year="1996"),
        viola1996=entry("Viola, L.", year="1996"),
        whitewood2015=entry("Whitewood, P.", year="2015"),
        wynn2008=entry("Wynn, Charters", year="2008"),
    )
    citations, possible = find_citations(text, known_names(bib))
    lines = [replace(c, line=text.count("\n", 0, c.start) + 1) for c in citations]
    resolution = resolve(lines, bib, "seed.txt")
    assert (len(resolution.citations), possible) == (67, [])
    assert [(m.citation.text, m.citation.line) for m in resolution.unresolved] == [
        ("(Kotkin, 2017)", 30)
    ]
    assert resolution.ambiguous == []
    assert resolution.uncited == ["brou1980", "getty1986"]
    assert [p.severity for p in resolution.problems] == ["error"]


# -- organisations, titles and sites in the author's place; Cyrillic; pages out of range -------

NAMED = bibliography(
    memorial2007=entry("{Memorial Human Rights Centre}", year="2007"),
    unhcr2015=entry("{UNHCR}", year="2015"),
    purge=Entry(
        "online",
        fields={
            "title": "1937: The Purge of the Army",
            "organization": "Seventeen Moments in Soviet History",
        },
    ),
    terror=Entry("book", fields={"title": "The Great Terror Revisited", "year": "1999"}),
    ivanov2010=entry("Иванов, И. И.", year="2010"),
    stone1996=Entry(
        "article",
        fields={"title": "Tukhachevsky in Leningrad", "year": "1996", "pages": "1365--86"},
        persons={"author": [Person("Stone, D. R.")]},
    ),
)

NAMED_CASES = [
    ("(Memorial Human Rights Centre, 2007, p. 12)", "memorial2007"),
    ("(UNHCR, 2015)", "unhcr2015"),
    ("(Seventeen Moments in Soviet History, n.d.)", "purge"),  # a site's name
    ("(Seventeen Moments, n.d.)", "purge"),  # its opening words
    ("(The Great Terror Revisited, 1999)", "terror"),  # a title in the author's place
    ("(Иванов, 2010, с. 45)", "ivanov2010"),
    ("(Иванов 2010)", "ivanov2010"),
]


@pytest.mark.parametrize("text, key", NAMED_CASES, ids=[c[0] for c in NAMED_CASES])
def test_organisations_titles_and_cyrillic_resolve(text, key):
    resolution = resolved(f"as shown {text}.", NAMED)
    assert keys(resolution) == [key]
    assert [p for p in resolution.problems if p.severity == "error"] == []


def test_a_page_outside_the_article_is_a_warning_naming_both():
    resolution = resolved("as shown (Stone, 1996, p. 2000).", NAMED)
    assert keys(resolution) == ["stone1996"]
    [problem] = resolution.problems
    assert problem.severity == "warning"
    assert problem.message == (
        "'(Stone, 1996, p. 2000)' cites p. 2000, but the article stone1996 runs 1365–86"
    )


@pytest.mark.parametrize("locator", ["1365", "1380–82", "1386", "ch. 2", "n. 4"])
def test_a_page_inside_the_article_or_no_page_is_fine(locator):
    resolution = resolved(f"as shown (Stone, 1996, {locator}).", NAMED)
    assert resolution.problems == []


@pytest.mark.parametrize(
    ("written", "locator"),
    [
        ("(Stalin 1952, vol. 2, p. 3)", "3"),  # the entry is volume 2: the note names it
        ("(Stalin 1952, vol. 3, p. 3)", "vol. 3, 3"),  # another volume: kept, as written
        ("(Stalin 1952, 3)", "3"),
    ],
    ids=["its-own-volume", "another-volume", "no-volume"],
)
def test_a_locator_does_not_repeat_the_entry_s_own_volume(written, locator):
    bib = bibliography(stalin1952=entry("Stalin, J. V.", year="1952", volume="2"))
    [citation] = resolved(written, bib).citations
    assert citation.items[0].locator == locator
