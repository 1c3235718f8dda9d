"""Recognising prose citations: the shapes essays use, what is not a citation, and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperbuild.citations.model import KnownNames, PossibleCitation, fold, last_word
from paperbuild.citations.recognize import find_citations

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "paper" / "essay.md"  # the seed essay, as the repository keeps it
SHAPES_ESSAY = HERE / "essay-shapes.md"


def shape(written, kind, cited, removed, *items, id):
    """One row: ``written`` sits inside a sentence; items are (author, year, locator, prefix)."""
    return pytest.param(written, kind, cited, removed, list(items), id=id)


P = "parenthetical"
N = "narrative"

SHAPES = [
    # -- parenthetical, the seed's own forms and slips
    shape("(Whitewood, 2015)", P, "(Whitewood, 2015)", "(Whitewood, 2015)",
          ("Whitewood", "2015", None, None), id="name-comma-year"),
    shape("(Whitewood 2015, p. 28)", P, "(Whitewood 2015, p. 28)", "(Whitewood 2015, p. 28)",
          ("Whitewood", "2015", "28", None), id="no-comma-after-name"),
    shape("(Whitewood, 2015, pp. 4-5)", P, "(Whitewood, 2015, pp. 4-5)",
          "(Whitewood, 2015, pp. 4-5)", ("Whitewood", "2015", "4–5", None), id="pp-hyphen-range"),
    shape("(Whitewood, 2015, pp. 4–5)", P, "(Whitewood, 2015, pp. 4–5)",
          "(Whitewood, 2015, pp. 4–5)", ("Whitewood", "2015", "4–5", None), id="pp-en-dash-range"),
    shape("(Whitewood, 2015, pp. 182)", P, "(Whitewood, 2015, pp. 182)",
          "(Whitewood, 2015, pp. 182)", ("Whitewood", "2015", "182", None), id="pp-single-page"),
    shape("(Roberts, 2006, p.19)", P, "(Roberts, 2006, p.19)", "(Roberts, 2006, p.19)",
          ("Roberts", "2006", "19", None), id="p-no-space"),
    shape("(Wynn, 2008. p. 101)", P, "(Wynn, 2008. p. 101)", "(Wynn, 2008. p. 101)",
          ("Wynn", "2008", "101", None), id="full-stop-after-year"),
    shape("(Kotkin, 2014; Minakov, 2016)", P, "(Kotkin, 2014; Minakov, 2016)",
          "(Kotkin, 2014; Minakov, 2016)",
          ("Kotkin", "2014", None, None), ("Minakov", "2016", None, None), id="two-works"),
    # -- Harvard and other locators
    shape("(Conquest 1990: 45)", P, "(Conquest 1990: 45)", "(Conquest 1990: 45)",
          ("Conquest", "1990", "45", None), id="harvard-colon"),
    shape("(Author, 2015: 45)", P, "(Author, 2015: 45)", "(Author, 2015: 45)",
          ("Author", "2015", "45", None), id="comma-and-colon"),
    shape("(Davies 1980a, 112)", P, "(Davies 1980a, 112)", "(Davies 1980a, 112)",
          ("Davies", "1980a", "112", None), id="bare-page"),
    shape("(Roberts 2006, p. xii)", P, "(Roberts 2006, p. xii)", "(Roberts 2006, p. xii)",
          ("Roberts", "2006", "xii", None), id="roman-page"),
    shape("(Viola 1996, ch. 3)", P, "(Viola 1996, ch. 3)", "(Viola 1996, ch. 3)",
          ("Viola", "1996", "ch. 3", None), id="chapter"),
    shape("(Viola 1996, chap.3)", P, "(Viola 1996, chap.3)", "(Viola 1996, chap.3)",
          ("Viola", "1996", "chap. 3", None), id="chap-no-space"),
    shape("(Fitzpatrick 1994, n. 12)", P, "(Fitzpatrick 1994, n. 12)",
          "(Fitzpatrick 1994, n. 12)", ("Fitzpatrick", "1994", "n. 12", None), id="note"),
    shape("(Fitzpatrick 1994, 318, nn. 12-13)", P, "(Fitzpatrick 1994, 318, nn. 12-13)",
          "(Fitzpatrick 1994, 318, nn. 12-13)", ("Fitzpatrick", "1994", "318, nn. 12–13", None),
          id="page-and-notes"),
    shape("(Suny 1998, 220n4)", P, "(Suny 1998, 220n4)", "(Suny 1998, 220n4)",
          ("Suny", "1998", "220n4", None), id="page-and-its-note-chicago"),
    shape("Suny (1998, 220nn4-5)", N, "Suny (1998, 220nn4-5)", "(1998, 220nn4-5)",
          ("Suny", "1998", "220nn4–5", None), id="narrative-page-and-its-notes"),
    shape("(Hoffmann 1993, S. 42)", P, "(Hoffmann 1993, S. 42)", "(Hoffmann 1993, S. 42)",
          ("Hoffmann", "1993", "42", None), id="german-seite"),
    shape("(see, e.g., Getty 2013, 45)", P, "(see, e.g., Getty 2013, 45)",
          "(see, e.g., Getty 2013, 45)", ("Getty", "2013", "45", "see, e.g."),
          id="prefix-see-e-g-with-commas"),
    shape("(quoted in Getty 2013, 45)", P, "(quoted in Getty 2013, 45)",
          "(quoted in Getty 2013, 45)", ("Getty", "2013", "45", "quoted in"),
          id="prefix-quoted-in-cmos-15-52"),
    shape("(Getty 2013, sect. 2)", P, "(Getty 2013, sect. 2)", "(Getty 2013, sect. 2)",
          ("Getty", "2013", "sect. 2", None), id="section"),
    shape("(Getty 2013, loc. 345)", P, "(Getty 2013, loc. 345)", "(Getty 2013, loc. 345)",
          ("Getty", "2013", "loc. 345", None), id="e-book-location"),
    shape("(Getty 2013a and Harris 2016, 3)", P, "(Getty 2013a and Harris 2016, 3)",
          "(Getty 2013a and Harris 2016, 3)", ("Getty", "2013a", None, None),
          ("Harris", "2016", "3", None), id="two-works-joined-by-and"),
    shape("(Zhukov 1969, l. 14)", P, "(Zhukov 1969, l. 14)", "(Zhukov 1969, l. 14)",
          ("Zhukov", "1969", "l. 14", None), id="archival-leaf"),
    shape("(Zhukov 1969, ll. 14–15)", P, "(Zhukov 1969, ll. 14–15)",
          "(Zhukov 1969, ll. 14–15)", ("Zhukov", "1969", "ll. 14–15", None),
          id="archival-leaves"),
    shape("(Fainsod 1963, passim)", P, "(Fainsod 1963, passim)", "(Fainsod 1963, passim)",
          ("Fainsod", "1963", "passim", None), id="passim"),
    shape("(Fainsod 1963, 12–14 and passim)", P, "(Fainsod 1963, 12–14 and passim)",
          "(Fainsod 1963, 12–14 and passim)", ("Fainsod", "1963", "12–14 and passim", None),
          id="pages-and-passim"),
    shape("(Fainsod, 1963, pp. 12 and 14)", P, "(Fainsod, 1963, pp. 12 and 14)",
          "(Fainsod, 1963, pp. 12 and 14)", ("Fainsod", "1963", "12 and 14", None),
          id="pages-joined-by-and"),
    shape("(Fainsod 1963, p. 4 and n. 3)", P, "(Fainsod 1963, p. 4 and n. 3)",
          "(Fainsod 1963, p. 4 and n. 3)", ("Fainsod", "1963", "4, n. 3", None),
          id="page-and-note-joined-by-and"),
    shape("(Fainsod 1963, 12n)", P, "(Fainsod 1963, 12n)", "(Fainsod 1963, 12n)",
          ("Fainsod", "1963", "12n", None), id="page-and-an-unnumbered-note"),
    shape("(Fainsod 1963, table 3)", P, "(Fainsod 1963, table 3)", "(Fainsod 1963, table 3)",
          ("Fainsod", "1963", "table 3", None), id="table"),
    shape("(Fainsod 1963, appendix 2)", P, "(Fainsod 1963, appendix 2)",
          "(Fainsod 1963, appendix 2)", ("Fainsod", "1963", "appendix 2", None), id="appendix"),
    shape("(Pipes 1995, introduction)", P, "(Pipes 1995, introduction)",
          "(Pipes 1995, introduction)", ("Pipes", "1995", "introduction", None),
          id="a-part-named"),
    shape("(Conquest 1968 and 1990)", P, "(Conquest 1968 and 1990)", "(Conquest 1968 and 1990)",
          ("Conquest", "1968", None, None), ("Conquest", "1990", None, None),
          id="two-years-joined-by-and"),
    shape("(Solomon 1996, §4)", P, "(Solomon 1996, §4)", "(Solomon 1996, §4)",
          ("Solomon", "1996", "§ 4", None), id="section-sign"),
    shape("(Smith 2010, vol. 2)", P, "(Smith 2010, vol. 2)", "(Smith 2010, vol. 2)",
          ("Smith", "2010", "vol. 2", None), id="volume"),
    shape("(Smith 2010, fig. 3)", P, "(Smith 2010, fig. 3)", "(Smith 2010, fig. 3)",
          ("Smith", "2010", "fig. 3", None), id="figure"),
    shape("(Хлевнюк 2010, с. 212)", P, "(Хлевнюк 2010, с. 212)", "(Хлевнюк 2010, с. 212)",
          ("Хлевнюк", "2010", "212", None), id="cyrillic-name-and-page"),
    shape("(Хлевнюк 2010, С. 21-22)", P, "(Хлевнюк 2010, С. 21-22)",
          "(Хлевнюк 2010, С. 21-22)", ("Хлевнюк", "2010", "21–22", None),
          id="cyrillic-capital-page"),
    shape("(Smith 2010, p. 5, emphasis added)", P, "(Smith 2010, p. 5, emphasis added)",
          "(Smith 2010, p. 5, emphasis added)", ("Smith", "2010", "5, emphasis added", None),
          id="note-after-locator"),
    # -- authors
    shape("(Getty and Naumov, 1999)", P, "(Getty and Naumov, 1999)", "(Getty and Naumov, 1999)",
          ("Getty and Naumov", "1999", None, None), id="two-authors-and"),
    shape("(Davies & Wheatcroft 2004, p. 441)", P, "(Davies & Wheatcroft 2004, p. 441)",
          "(Davies & Wheatcroft 2004, p. 441)", ("Davies & Wheatcroft", "2004", "441", None),
          id="two-authors-ampersand"),
    shape("(Getty, Naumov and Smith 2001)", P, "(Getty, Naumov and Smith 2001)",
          "(Getty, Naumov and Smith 2001)", ("Getty, Naumov and Smith", "2001", None, None),
          id="three-authors"),
    shape("(Getty, Naumov, and Smith, 2001)", P, "(Getty, Naumov, and Smith, 2001)",
          "(Getty, Naumov, and Smith, 2001)", ("Getty, Naumov, and Smith", "2001", None, None),
          id="three-authors-serial-comma"),
    shape("(Smith et al., 2010)", P, "(Smith et al., 2010)", "(Smith et al., 2010)",
          ("Smith et al.", "2010", None, None), id="et-al"),
    shape("(de Gaulle 1954)", P, "(de Gaulle 1954)", "(de Gaulle 1954)",
          ("de Gaulle", "1954", None, None), id="particle"),
    shape("(van der Berg 2001, 12)", P, "(van der Berg 2001, 12)", "(van der Berg 2001, 12)",
          ("van der Berg", "2001", "12", None), id="two-particles"),
    shape("(Humbert-Droz 1971, p. 379)", P, "(Humbert-Droz 1971, p. 379)",
          "(Humbert-Droz 1971, p. 379)", ("Humbert-Droz", "1971", "379", None), id="hyphenated"),
    shape("(O'Brien, 2001)", P, "(O'Brien, 2001)", "(O'Brien, 2001)",
          ("O'Brien", "2001", None, None), id="apostrophe"),
    shape("(Broué 1980, 7)", P, "(Broué 1980, 7)", "(Broué 1980, 7)",
          ("Broué", "1980", "7", None), id="accented"),
    shape("(Carrère d'Encausse 1978)", P, "(Carrère d'Encausse 1978)",
          "(Carrère d'Encausse 1978)", ("Carrère d'Encausse", "1978", None, None),
          id="two-word-family"),
    # -- years
    shape("(Davies 1980a, 112; 1980b)", P, "(Davies 1980a, 112; 1980b)",
          "(Davies 1980a, 112; 1980b)",
          ("Davies", "1980a", "112", None), ("Davies", "1980b", None, None),
          id="year-list-semicolon"),
    shape("(Smith 2010, 2012)", P, "(Smith 2010, 2012)", "(Smith 2010, 2012)",
          ("Smith", "2010", None, None), ("Smith", "2012", None, None), id="year-list-comma"),
    shape("(Kotkin 2014, 1107)", P, "(Kotkin 2014, 1107)", "(Kotkin 2014, 1107)",
          ("Kotkin", "2014", "1107", None), id="four-digit-page-not-a-year"),
    shape("(Memorial, n.d.)", P, "(Memorial, n.d.)", "(Memorial, n.d.)",
          ("Memorial", "n.d.", None, None), id="no-date"),
    # -- prefixes
    shape("(see Viola 1996, ch. 3)", P, "(see Viola 1996, ch. 3)", "(see Viola 1996, ch. 3)",
          ("Viola", "1996", "ch. 3", "see"), id="see"),
    shape("(see also Viola 1996)", P, "(see also Viola 1996)", "(see also Viola 1996)",
          ("Viola", "1996", None, "see also"), id="see-also"),
    shape("(cf. Conquest 1990: 45)", P, "(cf. Conquest 1990: 45)", "(cf. Conquest 1990: 45)",
          ("Conquest", "1990", "45", "cf."), id="cf"),
    shape("(e.g., Fitzpatrick 1994)", P, "(e.g., Fitzpatrick 1994)", "(e.g., Fitzpatrick 1994)",
          ("Fitzpatrick", "1994", None, "e.g."), id="eg"),
    shape("(Whitewood 2015; see also Roberts 2006)", P, "(Whitewood 2015; see also Roberts 2006)",
          "(Whitewood 2015; see also Roberts 2006)",
          ("Whitewood", "2015", None, None), ("Roberts", "2006", None, "see also"),
          id="prefix-on-second-work"),
    # -- narrative: the name stays in the prose
    shape("Roberts (2006, p. xii) writes", N, "Roberts (2006, p. xii)", "(2006, p. xii)",
          ("Roberts", "2006", "xii", None), id="narrative"),
    shape("Geoffrey Roberts (2006, p. 18) adds", N, "Roberts (2006, p. 18)", "(2006, p. 18)",
          ("Roberts", "2006", "18", None), id="narrative-first-name"),
    shape("S.J Main (1995) notes", N, "Main (1995)", "(1995)",
          ("Main", "1995", None, None), id="narrative-initials"),
    shape("David R Stone (1996) further adds", N, "Stone (1996)", "(1996)",
          ("Stone", "1996", None, None), id="narrative-middle-initial"),
    shape("Lynne Viola (1996, p.5) describes", N, "Viola (1996, p.5)", "(1996, p.5)",
          ("Viola", "1996", "5", None), id="narrative-p-no-space"),
    shape("Khlevniuk's (2015, p. 150) view", N, "Khlevniuk's (2015, p. 150)", "(2015, p. 150)",
          ("Khlevniuk", "2015", "150", None), id="possessive"),
    shape("Khlevniuk’s (2015, p. 150) view", N, "Khlevniuk’s (2015, p. 150)", "(2015, p. 150)",
          ("Khlevniuk", "2015", "150", None), id="possessive-curly"),
    shape("Getty and Naumov (1999) argue", N, "Getty and Naumov (1999)", "(1999)",
          ("Getty and Naumov", "1999", None, None), id="narrative-two-authors"),
    shape("Smith et al. (2010, p. 3) show", N, "Smith et al. (2010, p. 3)", "(2010, p. 3)",
          ("Smith et al.", "2010", "3", None), id="narrative-et-al"),
    shape("as van der Berg (2001) says", N, "van der Berg (2001)", "(2001)",
          ("van der Berg", "2001", None, None), id="narrative-particles"),
    shape("Smith (n.d.) claims", N, "Smith (n.d.)", "(n.d.)",
          ("Smith", "n.d.", None, None), id="narrative-no-date"),
    shape("Davies (1980a, p. 5; 1980b) shows", N, "Davies (1980a, p. 5; 1980b)",
          "(1980a, p. 5; 1980b)", ("Davies", "1980a", "5", None), ("Davies", "1980b", None, None),
          id="narrative-year-list"),
]  # fmt: skip


@pytest.mark.parametrize("written, kind, cited, removed, items", SHAPES)
def test_shape(written, kind, cited, removed, items):
    prose = f"As shown {written}, the point stands."
    citations, possible = find_citations(prose)
    assert possible == []
    [citation] = citations
    assert citation.kind == kind
    assert citation.text == cited == prose[citation.start : citation.end]
    assert prose[citation.remove_start : citation.remove_end] == removed
    assert [(i.author, i.year, i.locator, i.prefix) for i in citation.items] == items
    assert all(i.key is None for i in citation.items)


@pytest.mark.parametrize(
    "written, families, et_al",
    [
        ("(Getty, Naumov, and Smith 2001)", ("Getty", "Naumov", "Smith"), False),
        ("(Davies & Wheatcroft 2004)", ("Davies", "Wheatcroft"), False),
        ("(Smith et al. 2010)", ("Smith",), True),
        ("Smith et al. (2010)", ("Smith",), True),
        ("(van der Berg 2001)", ("van der Berg",), False),
        ("Getty and Naumov (1999)", ("Getty", "Naumov"), False),
    ],
    ids=["three", "ampersand", "et-al", "narrative-et-al", "particles", "narrative-two"],
)
def test_families(written, families, et_al):
    [citation], _ = find_citations(written)
    [item] = citation.items
    assert (item.families, item.et_al) == (families, et_al)


@pytest.mark.parametrize(
    "written, items",
    [
        ("[@whitewood2015, p. 5]", [("whitewood2015", "5", None)]),
        ("[@a2001; @b2002, pp. 3-4]", [("a2001", None, None), ("b2002", "3–4", None)]),
        ("[see @key, ch. 2]", [("key", "ch. 2", "see")]),
        ("[-@key]", [("key", None, None)]),
        ("[@key, pp. 33-35, 38 and passim]", [("key", "33–35, 38 and passim", None)]),
    ],
    ids=["key-and-page", "two-keys", "prefix-and-chapter", "suppress-author", "free-locator"],
)
def test_explicit_keys(written, items):
    prose = f"The point {written} stands."
    [citation], possible = find_citations(prose)
    assert possible == []
    assert citation.kind == "explicit"
    assert citation.text == written == prose[citation.remove_start : citation.remove_end]
    assert [(i.key, i.locator, i.prefix) for i in citation.items] == items


NOT_CITATIONS = [
    pytest.param("Purged (in 1937, over 30,000 officers) were", id="year-in-prose"),
    pytest.param("(Tukhachevsky was a strong proponent for collectivization)", id="aside"),
    pytest.param("Tukhachevsky (or another possible anti-Stalin candidate)", id="aside-after-name"),
    pytest.param("opposed (Stalin) openly", id="name-without-year"),
    pytest.param("in that year (1937) alone", id="year-without-name"),
    pytest.param("Tukhachevsky (1893–1937) was", id="life-dates"),
    pytest.param("the Terror (1937-38) was", id="year-range"),
    pytest.param("a letter (January 1980) to", id="month-and-year"),
    pytest.param("the decree (NKVD 1937) ordered", id="acronym"),
    pytest.param("Kantor Y. (2005) War and Peace", id="initial-before-year"),
    pytest.param("see http://x.org/(Smith, 2010) there", id="inside-url"),
    pytest.param("type `(Smith, 2010)` here", id="inside-code"),
    pytest.param("write to [me@example.org] now", id="email-in-brackets"),
    pytest.param("a [link @x](http://a.org) here", id="link-text"),
    pytest.param("(Smith 2010, as everyone knows)", id="note-without-locator"),
    pytest.param("(see Smith 2010; this is contested)", id="prose-after-semicolon"),
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_a_citation(text):
    assert find_citations(text) == ([], [])


def test_a_year_span_after_a_word_no_source_names_is_text():
    """ "Freud (1900/1953)" is APA's reprint; after a title's word it is only a span (and, as
    any "Word (1933)" by nobody the list names, a possible citation to mention)."""
    citations, _ = find_citations("Bolsheviks against Stalinism (1928/1933)", KNOWN)
    assert citations == []
    [citation], _ = find_citations("Kotkin (1928/1933) argues", KNOWN)
    assert [(i.author, i.year) for i in citation.items] == [("Kotkin", "1933")]


def test_code_is_searched_when_asked():
    [citation], _ = find_citations("type `(Smith, 2010)` here", skip_code=False)
    assert citation.text == "(Smith, 2010)"


def test_offsets_with_several_citations():
    text = "First (Smith, 2010), then Jones (2011, p. 4) and [@k]."
    citations, _ = find_citations(text)
    assert [(c.kind, text[c.start : c.end]) for c in citations] == [
        ("parenthetical", "(Smith, 2010)"),
        ("narrative", "Jones (2011, p. 4)"),
        ("explicit", "[@k]"),
    ]
    assert [text[c.remove_start : c.remove_end] for c in citations] == [
        "(Smith, 2010)",
        "(2011, p. 4)",
        "[@k]",
    ]


# -- "(Moscow, 1938)": left as text only when it is bare and the name unknown -------------------


def known(*names: str, phrases: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> KnownNames:
    """Known names as resolve.known_names gives them: folded last words, whole names, places."""
    return KnownNames(
        frozenset(map(last_word, names)),
        frozenset(map(fold, (*names, *phrases))),
        frozenset(map(fold, places)),
    )


KNOWN = known("Kotkin", "Roberts", "de Gaulle", "BROUÉ", phrases=("PUR",))


PLACE_OR_CITATION = [
    ("(Moscow, 1938)", False),
    ("Moscow (1938)", False),
    ("(Smithson, 2017)", True),  # a forgotten source: unresolved, marked in the PDF
    ("(Leningrad, 1938)", False),  # the gazetteer's other names of a large city
    ("(Москва, 1937)", False),
    ("(Red Army, 1937)", False),  # several words by nobody: more likely prose than a source
    ("(New York, 1938)", False),
    ("(Moscow, n.d.)", False),
    ("(Moscow, 1938; Leningrad, 1939)", True),  # several items
    ("(Smith 2010, 2012)", True),  # several years
    ("(de Groot, 2017)", True),  # no place begins with a lower-case particle
    ("(d'Encausse, 1978)", True),
    ("(O'Brien, 2001)", True),  # nor holds an apostrophe
    ("Murav’ev (1990)", True),
    ("(Kotkin, 2017)", True),  # a known author: the missing year is for resolution to report
    ("(Broue, 2017)", True),  # accents and case do not matter
    ("(Gaulle, 1954)", True),
    ("(Geoffrey Roberts, 2006)", True),
    ("(Moscow, 1938, p. 5)", True),
    ("(see Moscow, 1938)", True),
    ("(Moscow et al., 1938)", True),
    ("(Moscow and Leningrad, 1938)", True),
    ("(Moscow, 1938a)", True),
    ("(Kotkin, 2014; Moscow, 1938)", True),
]


@pytest.mark.parametrize(
    "text, is_citation", PLACE_OR_CITATION, ids=[r[0] for r in PLACE_OR_CITATION]
)
def test_place_year_needs_a_known_name(text, is_citation):
    citations, possible = find_citations(text, KNOWN)
    assert (len(citations), len(possible)) == ((1, 0) if is_citation else (0, 1))
    if not is_citation:
        assert (possible[0].text, possible[0].start, possible[0].end) == (text, 0, len(text))


NARRATIVE_UNKNOWN = [
    ("Smithson (2017) argues that it failed.", True),
    ("Smithson (2017), too, describes how", True),
    ("Smithson (2017) wrote that", True),
    ("Smithson (2017) pointed out", True),
    ("The Treaty of Versailles (1919) ended the war.", False),
    ("Moscow (1938) was a city of fear.", False),
    ("Smithson (2017) writer", False),  # a verb of saying, whole, or nothing
]


@pytest.mark.parametrize(
    "text, is_citation", NARRATIVE_UNKNOWN, ids=[r[0] for r in NARRATIVE_UNKNOWN]
)
def test_unknown_narrative_author_followed_by_a_verb_of_saying_is_cited(text, is_citation):
    citations, possible = find_citations(text, KNOWN)
    assert (len(citations), len(possible)) == ((1, 0) if is_citation else (0, 1))


def test_a_possible_citation_says_who_and_when():
    text = "As shown (Paris, 2017), and Moscow (1938) too."
    assert find_citations(text, KNOWN) == (
        [],
        [
            PossibleCitation("(Paris, 2017)", 9, 22, "parenthetical", "Paris", "2017"),
            PossibleCitation("Moscow (1938)", 28, 41, "narrative", "Moscow", "1938"),
        ],
    )


def test_a_place_of_publication_in_the_sources_is_a_place():
    place = known("Kotkin", places=("Peredelkino",))
    assert find_citations("(Peredelkino, 1937)", place)[0] == []
    assert len(find_citations("(Peredelkino, 1937)", KNOWN)[0]) == 1  # a village: not a city


NAMED_WORKS = known(
    "Kotkin",
    phrases=(
        "Memorial Human Rights Centre",
        "Memorial",
        "Seventeen Moments in Soviet History",
        "UNHCR",
        "Иванов",
    ),
)
ORGANISATIONS_AND_TITLES = [
    ("(Memorial 2007)", "Memorial", "2007", None),
    ("(Memorial Human Rights Centre, 2019, p. 4)", "Memorial Human Rights Centre", "2019", "4"),
    (
        "(Seventeen Moments in Soviet History, n.d.)",
        "Seventeen Moments in Soviet History",
        "n.d.",
        None,
    ),
    ("(Seventeen Moments, n.d.)", "Seventeen Moments", "n.d.", None),  # a title's opening words
    ("(UNHCR, 2015)", "UNHCR", "2015", None),
    ("(see Memorial 2007)", "Memorial", "2007", None),
    ("(Иванов, 2010, с. 45)", "Иванов", "2010", "45"),
    ("(“Seventeen Moments,” n.d., 2)", "Seventeen Moments", "n.d.", "2"),  # APA's quoted title
]


@pytest.mark.parametrize(
    "text, author, year, locator",
    ORGANISATIONS_AND_TITLES,
    ids=[r[0] for r in ORGANISATIONS_AND_TITLES],
)
def test_an_organisation_or_title_in_the_author_place(text, author, year, locator):
    [citation], possible = find_citations(f"as shown {text}.", NAMED_WORKS)
    assert possible == []
    [item] = citation.items
    assert (item.author, item.families, item.year, item.locator) == (
        author,
        (author,),
        year,
        locator,
    )


def test_a_phrase_no_source_names_is_prose():
    assert find_citations("(Treaty of Versailles, 1919)", NAMED_WORKS) == ([], [])


def test_an_unknown_author_with_a_locator_is_a_citation():
    [citation], possible = find_citations("(Smithson, 2017, p. 4)", KNOWN)
    assert possible == [] and citation.items[0].author == "Smithson"


def test_without_known_names_a_place_year_counts():
    [citation], possible = find_citations("(Moscow, 1938)")
    assert possible == []
    assert citation.items[0].author == "Moscow"


def test_known_names_trim_a_narrative_list():
    text = "Stalin and Roberts (2006) agree"
    [citation], _ = find_citations(text, KNOWN)
    assert citation.text == "Roberts (2006)"
    assert citation.items[0].families == ("Roberts",)
    [untrimmed], _ = find_citations(text)
    assert untrimmed.items[0].families == ("Stalin", "Roberts")


# -- properties --------------------------------------------------------------------------------

family = st.sampled_from(["Whitewood", "Хлевнюк", "Broué", "O'Brien", "Humbert-Droz", "van Ree"])
year = st.integers(1500, 2099).map(str)
page = st.integers(1, 1499).map(str)  # a bare 1500-2099 after a year is read as another year


@given(family, year, page, st.sampled_from(["p. ", "p.", "pp. ", ""]), st.sampled_from([", ", " "]))
def test_generated_parenthetical_round_trips(name, year, page, label, separator):
    [citation], _ = find_citations(f"text ({name}{separator}{year}, {label}{page}) text")
    [item] = citation.items
    assert (item.author, item.year, item.locator) == (name, year, page)


@given(st.text(alphabet=st.sampled_from("Ab (),;:.p12 9@[]`és’-"), max_size=60))
def test_spans_are_sane_for_any_text(text):
    citations, possible = find_citations(text)
    spans = sorted([(c.start, c.end) for c in citations] + [(p.start, p.end) for p in possible])
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    for c in citations:
        assert c.text == text[c.start : c.end]
        assert c.start <= c.remove_start < c.remove_end <= c.end


# -- the seed essay ----------------------------------------------------------------------------

# Essay line and "author year" of every cited item in paper/essay.md, in reading order; ";"
# joins one group.
SEED_ITEMS = """
8 Rogovin 1998 | 12 Whitewood 2015 | 14 Roberts 2006 | 14 Whitewood 2015 | 16 Whitewood 2015 |
18 Roberts 2006 | 20 Roberts 2006 | 24 Harrison 2008 | 26 Reese 1996 | 28 Main 1995 |
28 Main 1995 | 28 Viola 1996 | 30 Reese 1996 | 30 Reese 1996 | 30 Kotkin 2017 | 30 Reese 1996 |
32 Wynn 2008 | 32 Wynn 2008 | 32 Kotkin 2014 | 38 Wynn 2008 | 40 Rogovin 2019 | 42 Rogovin 2019 |
46 Minakov 2016 | 50 Whitewood 2015 | 54 Whitewood 2015 | 56 Kotkin 2014 | 56 Rieber 2022 |
58 Whitewood 2015 | 60 Minakov 2016 | 64 Minakov 2016 | 66 Whitewood 2015 | 66 Minakov 2016 |
66 Whitewood 2015 | 66 Whitewood 2015 | 68 Whitewood 2015 | 68 Minakov 2016 | 70 Whitewood 2015 |
70 Whitewood 2015 | 70 Stone 1996 | 70 Stone 1996 | 72 Minakov 2016 | 72 Minakov 2016 |
72 Whitewood 2015 | 74 Whitewood 2015 | 74 Whitewood 2015 | 76 Minakov 2016 | 78 Rogovin 1998 |
80 Kotkin 2014; Minakov 2016 | 82 Thurston 1996 | 84 Whitewood 2015 | 92 Kantor 2005 |
92 Minakov 2016 | 94 Minakov 2016 | 96 Kantor 2005 | 96 Whitewood 2015 | 98 Kotkin 2014 |
98 Read 2016; Rieber 2022 | 100 Wynn 2008 | 102 Wynn 2008 | 104 Whitewood 2015 |
106 Minakov 2016 | 108 Bellamy 2020 | 108 Bellamy 2020 | 110 Read 2016 | 110 Minakov 2016 |
110 Roberts 2006 | 110 Roberts 2006
"""
SEED_FAMILIES = known(
    "Bellamy", "Brou", "Getty", "Harrison", "Kantor", "Kotkin", "Main", "Minakov", "Read", "Reese",
    "Rieber", "Roberts", "Rogovin", "Stone", "Thurston", "Viola", "Whitewood", "Wynn", "Gregory",
    "Naimark",
)  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def summary(text: str, citations) -> list[str]:
    return [
        f"{text.count(chr(10), 0, c.start) + 1} "
        + "; ".join(f"{i.author} {i.year}" for i in c.items)
        for c in citations
    ]


@pytest.mark.parametrize("known", [None, SEED_FAMILIES], ids=["no-known-names", "known-names"])
def test_seed_groups_and_items(seed, known):
    citations, possible = find_citations(seed, known)
    assert possible == []
    assert len(citations) == 67
    assert sum(len(c.items) for c in citations) == 69
    assert summary(seed, citations) == [g.strip() for g in SEED_ITEMS.split("|")]
    assert [c.text for c in citations if len(c.items) > 1] == [
        "(Kotkin, 2014; Minakov, 2016)",
        "(Read, 2016; Rieber, 2022)",
    ]


SEED_SLIPS = [
    ("(Rogovin, 1998, p. 482)", "Rogovin", "1998", "482"),
    ("(Whitewood 2015, p. 28)", "Whitewood", "2015", "28"),
    ("(Wynn, 2008. p. 101)", "Wynn", "2008", "101"),
    ("(Roberts, 2006, p.19)", "Roberts", "2006", "19"),
    ("(Whitewood, 2015, pp. 182)", "Whitewood", "2015", "182"),
    ("(Rogovin, 2019. p. 204)", "Rogovin", "2019", "204"),
    ("(Whitewood, 2015, pp. 106-107)", "Whitewood", "2015", "106–107"),
    ("Roberts (2006, p. xii)", "Roberts", "2006", "xii"),
    ("Main (1995)", "Main", "1995", None),
    ("Stone (1996)", "Stone", "1996", None),
    ("Viola (1996, p.5)", "Viola", "1996", "5"),
]


@pytest.mark.parametrize("cited, author, year, locator", SEED_SLIPS, ids=[r[0] for r in SEED_SLIPS])
def test_seed_slips(seed, cited, author, year, locator):
    citations, _ = find_citations(seed)
    found = next(c for c in citations if c.text == cited)
    [item] = found.items
    assert (item.author, item.year, item.locator) == (author, year, locator)


def test_first_seed_citation(seed):
    [first, *_], _ = find_citations(seed)
    assert first.text == "(Rogovin, 1998, p. 482)"
    assert seed.count("\n", 0, first.start) + 1 == 8


# -- the shapes essay, for integration tests elsewhere -------------------------------------------

SHAPES_FAMILIES = known(
    "Broué", "Conquest", "Courtois", "Werth", "Davies", "Wheatcroft", "Fitzpatrick", "Getty",
    "Naumov", "Rittersporn", "Zemskov", "Humbert-Droz", "Khlevniuk", "Memorial", "Solomon",
    "van Ree", "Viola", "Хлевнюк", "Merridale", "Eisenstein", "Harris",
    "Ezhov", "GARF", "Kuromiya",
)  # fmt: skip


def test_shapes_essay():
    text = SHAPES_ESSAY.read_text(encoding="utf-8")
    citations, possible = find_citations(text, SHAPES_FAMILIES)
    assert [p.text for p in possible] == ["(Moscow, 1938)"]
    assert len(citations) == 25
    assert sum(len(c.items) for c in citations) == 27
    kinds = {c.kind for c in citations}
    assert kinds == {"parenthetical", "narrative", "explicit"}
    assert "(which was often bitter)" not in [c.text for c in citations]
    assert "(Snyder 2010, p. 42)" in [c.text for c in citations]


DETACHED = [
    ("As Kotkin argues (2017), the purge was planned.", ("(2017)", "Kotkin", "2017")),
    ("Roberts, in his later book (2006, 45), disagrees.", ("(2006, 45)", "Roberts", "2006")),
    ("Kotkin was right. The year (2017) was a good one.", None),  # another sentence
    ("Kotkin says the very many things he said at great length (2017).", None),  # too far
    ("Nobody we know argues this (2017).", None),  # no known author before it
    ("Kotkin (2017) argues it.", None),  # joined: a citation, not a warning
]


@pytest.mark.parametrize("text, expected", DETACHED, ids=[r[0] for r in DETACHED])
def test_a_year_alone_a_few_words_after_a_known_author_is_a_warning(text, expected):
    """ "As Kotkin argues (2017)" stays text (the words between may be anything), but is
    reported, since "Kotkin (2017)" would have been a citation."""
    _, possible = find_citations(text, KNOWN)
    detached = [(p.text, p.author, p.year) for p in possible if p.kind == "detached"]
    assert detached == ([expected] if expected else [])


UNREAD = [
    ("(Kotkin 2017, emphasis in original)", ("Kotkin", "2017")),
    ("(Kotkin, forthcoming in Kritika)", ("Kotkin", "forthcoming")),
    ("(see Roberts 2006, in passing)", ("Roberts", "2006")),
    ("(Kotkin 2017, 45)", None),  # read: a citation
    ("(Smithers 1990, odd words)", None),  # nobody the bibliography knows
    ("(the year 2017, in passing)", None),  # no name opens it
    ("(PUR 1930, as quoted)", ("PUR", "1930")),  # an organisation the list names
]


@pytest.mark.parametrize("text, expected", UNREAD, ids=[r[0] for r in UNREAD])
def test_a_known_author_s_citation_the_grammar_cannot_finish_is_a_warning(text, expected):
    """No citation of a known author is dropped without a word: what the grammar cannot
    read to its end stays text, reported."""
    _, possible = find_citations(text, KNOWN)
    unread = [(p.author, p.year) for p in possible if p.kind == "unread"]
    assert unread == ([expected] if expected else [])
