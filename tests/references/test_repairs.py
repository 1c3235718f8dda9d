"""The labeller's slips of fixed shape, undone by rules before the spans are read.

Each case gives spans as a labeller might return them and the spans the rules make of
them; the strings are written for this test.
"""

from __future__ import annotations

import pytest

from paperbuild.references.people import names_then_title
from paperbuild.references.repairs import repaired

CASES = [
    (
        "volume-and-pages-read-into-the-date",
        [("journal", "Signal Letters,"), ("date", "7, 101-109, May 1988.")],
        [
            ("journal", "Signal Letters,"),
            ("volume", "7, "),
            ("pages", "101-109, "),
            ("date", "May 1988."),
        ],
    ),
    (
        "title-word-read-into-the-date",
        [("date", "(2004, May 3). 40"), ("title", "years of harbour trade.")],
        [("date", "(2004, May 3)."), ("title", "40 years of harbour trade.")],
    ),
    (
        "a-day-range-stays-in-the-date",
        [("title", "Harbour Days."), ("date", "12-14 May 1990.")],
        [("title", "Harbour Days."), ("date", "12-14 May 1990.")],
    ),
    (
        "a-volume-read-into-the-date",
        [("journal", "Frisia,"), ("date", "31, 2002,"), ("pages", "12-30.")],
        [("journal", "Frisia,"), ("volume", "31, "), ("date", "2002,"), ("pages", "12-30.")],
    ),
    (
        "two-years-stay-in-the-date",
        [("title", "Decline."), ("publisher", "Beck,"), ("date", "1918, 1922.")],
        [("title", "Decline."), ("publisher", "Beck,"), ("date", "1918, 1922.")],
    ),
    (
        "book-after-a-title-with-in",
        [("title", "Dogs at Sea. In Animals Aboard."), ("editor", "Ada Kell, ed.")],
        [
            ("title", "Dogs at Sea."),
            ("container-title", "In Animals Aboard."),
            ("editor", "Ada Kell, ed."),
        ],
    ),
    (
        "book-title-going-on-in-a-container-span",
        [("title", "Ports. In Trade and"), ("container-title", "Shipping, 1990.")],
        [("title", "Ports."), ("container-title", "In Trade and Shipping, 1990.")],
    ),
    (
        "title-end-read-into-the-place",
        [("title", "Letters from Soviet"), ("location", "Ukraine (New Haven:"), ("date", "2005)")],
        [("title", "Letters from Soviet Ukraine"), ("location", "(New Haven:"), ("date", "2005)")],
    ),
    (
        "title-sentence-read-into-the-place",
        [("title", "Rare Earths: China,"), ("location", "Japan, Greenland. Paris :")],
        [("title", "Rare Earths: China, Japan, Greenland."), ("location", "Paris :")],
    ),
    (
        "a-year-opening-the-title",
        [("author", "Rowe, L.A.,"), ("title", "1931. Flow in Soils."), ("journal", "Physics,")],
        [
            ("author", "Rowe, L.A.,"),
            ("date", "1931."),
            ("title", "Flow in Soils."),
            ("journal", "Physics,"),
        ],
    ),
    (
        "an-article-ending-the-title",
        [("title", "Fluency in bilinguals The"), ("journal", "Journal of Speech,")],
        [("title", "Fluency in bilinguals"), ("journal", "The Journal of Speech,")],
    ),
    (
        "a-journal-read-as-a-place",
        [("title", "Tribute Payments,"), ("location", "Francia,"), ("volume", "26,")],
        [("title", "Tribute Payments,"), ("journal", "Francia,"), ("volume", "26,")],
    ),
    (
        "a-place-before-a-page-count-stays",
        [("title", "Tribute Payments,"), ("location", "Paris,"), ("pages", "320 pp.")],
        [("title", "Tribute Payments,"), ("location", "Paris,"), ("pages", "320 pp.")],
    ),
    (
        "book-after-the-editors-role-word",
        [("title", "Ports."), ("editor", "In M. Kell and H. Tan, editors, Ships and Trade.")],
        [
            ("title", "Ports."),
            ("editor", "In M. Kell and H. Tan, editors,"),
            ("container-title", "Ships and Trade."),
        ],
    ),
    (
        "a-book-read-as-editors",
        [("title", "Pose models."), ("editor", "In CVPR,"), ("date", "2011.")],
        [("title", "Pose models."), ("container-title", "In CVPR,"), ("date", "2011.")],
    ),
    (
        "publisher-read-into-the-title-before-the-place",
        [("title", "Counting deer. Charles Orme,"), ("location", "London.")],
        [("title", "Counting deer."), ("publisher", "Charles Orme,"), ("location", "London.")],
    ),
    (
        "a-subtitle-before-the-place-stays",
        [("title", "Counting Deer. Field Methods."), ("location", "London.")],
        [("title", "Counting Deer. Field Methods."), ("location", "London.")],
    ),
    (
        "journal-read-into-a-quoted-title",
        [("title", "“Harbour Days”, Baltic Review,"), ("volume", "vol. 3,"), ("date", "1990.")],
        [
            ("title", "“Harbour Days”,"),
            ("journal", "Baltic Review,"),
            ("volume", "vol. 3,"),
            ("date", "1990."),
        ],
    ),
    (
        "book-read-into-a-quoted-title",
        [("title", "“Harbours.” Ships at Rest."), ("location", "Oslo:"), ("pages", "15-19.")],
        [
            ("title", "“Harbours.”"),
            ("container-title", "Ships at Rest."),
            ("location", "Oslo:"),
            ("pages", "15-19."),
        ],
    ),
    (
        "place-read-into-the-book",
        [("title", "Ports."), ("container-title", "In Proceedings of Shipping, Karlsruhe.")],
        [
            ("title", "Ports."),
            ("container-title", "In Proceedings of Shipping,"),
            ("location", "Karlsruhe."),
        ],
    ),
    (
        "book-after-a-quoted-title",
        [("author", "Holt, Maren,"), ("title", "‘Ports’, in Baltic Trade,"), ("date", "2011.")],
        [
            ("author", "Holt, Maren,"),
            ("title", "‘Ports’,"),
            ("container-title", "in Baltic Trade,"),
            ("date", "2011."),
        ],
    ),
    (
        "apa-shape-left-as-one-note",
        [
            ("note", "Board of Trade, Mines, and Fisheries (BTMF) (1931): Annual return."),
            ("url", "https://example.org/btmf"),
        ],
        [
            ("author", "Board of Trade, Mines, and Fisheries (BTMF)"),
            ("date", "(1931):"),
            ("title", "Annual return."),
            ("url", "https://example.org/btmf"),
        ],
    ),
    (
        "no-author-the-sentence-before-the-date-is-the-title",
        [
            ("journal", "A Short"),
            ("volume", "12 facts"),
            ("author", "about Harbour Trade."),
            ("date", "(2011)."),
            ("url", "Retrieved from https://example.org/facts"),
        ],
        [
            ("title", "A Short 12 facts about Harbour Trade."),
            ("date", "(2011)."),
            ("url", "https://example.org/facts"),
        ],
    ),
    (
        "a-title-before-the-date-with-no-people-is-the-author",
        [("title", "Harbour Board (HB)"), ("date", "(1990):"), ("title", "Dues and tolls.")],
        [("author", "Harbour Board (HB)"), ("date", "(1990):"), ("title", "Dues and tolls.")],
    ),
    (
        "a-nickname-before-a-quoted-title",
        [("author", "Ellis, Mary"), ("title", "“Molly”. “Harbour Songs.”")],
        [("author", "Ellis, Mary “Molly”"), ("title", "“Harbour Songs.”")],
    ),
    (
        "given-names-ending-on-a-particle",
        [("author", "Costa, Rui Pedro da"), ("title", "Silva. Portos do norte.")],
        [("author", "Costa, Rui Pedro da"), ("title", "Silva. Portos do norte.")],
    ),
    (
        "a-particle-ending-the-given-names-ran-into-the-title",
        [("author", "Costa, Rui"), ("title", "Pedro da. Portos do norte.")],
        [("author", "Costa, Rui Pedro da."), ("title", "Portos do norte.")],
    ),
    (
        "a-title-up-to-its-colon-read-into-the-author",
        [("author", "Lind, Karin, Harbour Towns:"), ("title", "A Social History")],
        [("author", "Lind, Karin"), ("title", "Harbour Towns: A Social History")],
    ),
    (
        "note-form-place-and-publisher-read-into-the-title",
        [
            ("author", "Lind, Karin,"),
            ("title", "Harbour Towns (Malmö: Nordic Academic Press,"),
            ("date", "2004)."),
        ],
        [
            ("author", "Lind, Karin,"),
            ("title", "Harbour Towns"),
            ("location", "Malmö:"),
            ("publisher", "Nordic Academic Press,"),
            ("date", "2004)."),
        ],
    ),
    (
        "a-title-end-read-into-the-journal",
        [("title", "Harbour dues levied"), ("journal", "yearly in the Baltic. Maritime History,")],
        [("title", "Harbour dues levied yearly in the Baltic."), ("journal", "Maritime History,")],
    ),
    (
        "a-place-split-from-its-end",
        [
            ("title", "Harbour Towns."),
            ("location", "Trenton, New"),
            ("publisher", "Jersey, Harbour Books,"),
        ],
        [
            ("title", "Harbour Towns."),
            ("location", "Trenton, New Jersey:"),
            ("publisher", "Harbour Books,"),
        ],
    ),
    (
        "a-translator-with-no-word-for-translating-is-the-title",
        [("title", "Ports /"), ("translator", "Quais / Docks."), ("publisher", "Harbour Books,")],
        [("title", "Ports / Quais / Docks."), ("publisher", "Harbour Books,")],
    ),
    (
        "a-translator-named-as-one-stays",
        [("title", "Ports."), ("translator", "Trad. Jean Dupont."), ("publisher", "Harbour,")],
        [("title", "Ports."), ("translator", "Trad. Jean Dupont."), ("publisher", "Harbour,")],
    ),
    (
        "a-family-name-read-as-the-title-s-first-word",
        [("author", "Lind, K., and Maria T."), ("title", "Berg. Harbour Towns.")],
        [("author", "Lind, K., and Maria T. Berg."), ("title", "Harbour Towns.")],
    ),
    (
        "an-inverted-name-s-initials-end-the-list",
        [("author", "Lind, Karin T."), ("title", "Harbour. A History.")],
        [("author", "Lind, Karin T."), ("title", "Harbour. A History.")],
    ),
    (
        "in-after-a-title-stopped-mid-phrase",
        [("title", "Harbour Towns: Essays"), ("container-title", "in Social History")],
        [("title", "Harbour Towns: Essays in Social History")],
    ),
    (
        "in-after-a-chapter-title-is-the-book",
        [("title", "“Harbour Towns,”"), ("container-title", "in Essays on Trade")],
        [("title", "“Harbour Towns,”"), ("container-title", "in Essays on Trade")],
    ),
    (
        "words-after-the-last-person-of-a-closed-list-open-the-title",
        [
            ("author", "Lind, K., Berg, A.M. and Holm,P.McK., Harbour"),
            ("title", "dues in the Baltic, 1600–1800."),
        ],
        [
            ("author", "Lind, K., Berg, A.M. and Holm,P.McK.,"),
            ("title", "Harbour dues in the Baltic, 1600–1800."),
        ],
    ),
    (
        "a-closed-list-ending-on-initials-is-left-alone",
        [("author", "Lind, K. and Holm, P., A. B."), ("title", "Harbour Dues.")],
        [("author", "Lind, K. and Holm, P., A. B."), ("title", "Harbour Dues.")],
    ),
    (
        "a-film-its-director-and-cast",
        [
            ("author", "The Harbour Strike. Dir."),
            ("publisher", "Anna Lind. Perf. Karl Berg, Eva Holm. Nordfilm, Malmö,"),
            ("date", "1971."),
        ],
        [
            ("title", "The Harbour Strike."),
            ("author", "Anna Lind."),
            ("note", "Perf. Karl Berg, Eva Holm."),
            ("publisher", "Nordfilm, Malmö,"),
            ("date", "1971."),
        ],
    ),
    (
        "a-film-distributor-read-as-a-place",
        [
            ("title", "Harbour Lights. Directed by Karl Berg."),
            ("location", "Nordfilm,"),
            ("date", "1968."),
        ],
        [
            ("title", "Harbour Lights."),
            ("author", "Karl Berg."),
            ("publisher", "Nordfilm,"),
            ("date", "1968."),
        ],
    ),
    (
        "a-journal-with-in-press-read-as-a-publisher",
        [("title", "Harbour silt in the Baltic."), ("publisher", "Marine Geology. (in press)")],
        [
            ("title", "Harbour silt in the Baltic."),
            ("journal", "Marine Geology"),
            ("pubstate", "inpress"),
        ],
    ),
    (
        "a-journal-to-appear-read-as-a-second-title",
        [
            ("author", "Lind, K."),
            ("title", "Harbour silt,"),
            ("date", "2019."),
            ("title", "Marine Geology, to appear."),
        ],
        [
            ("author", "Lind, K."),
            ("title", "Harbour silt,"),
            ("date", "2019."),
            ("journal", "Marine Geology"),
            ("pubstate", "forthcoming"),
        ],
    ),
    (
        "an-agency-and-its-place-read-as-a-journal",
        [("title", "Harbour Silt Surveys."), ("journal", "Swedish Geological Survey, Uppsala.")],
        [("title", "Harbour Silt Surveys."), ("publisher", "Swedish Geological Survey, Uppsala.")],
    ),
    (
        "a-journal-ending-on-a-place-with-pages-stays-a-journal",
        [("title", "Silt."), ("journal", "Notes of the Society, London."), ("pages", "12-19.")],
        [("title", "Silt."), ("journal", "Notes of the Society, London."), ("pages", "12-19.")],
    ),
    (
        "a-publisher-without-place-read-as-a-book",
        [
            ("title", "Harbour Towns: A Social History."),
            ("container-title", "Brightwave,"),
            ("date", "2013."),
        ],
        [
            ("title", "Harbour Towns: A Social History."),
            ("publisher", "Brightwave,"),
            ("date", "2013."),
        ],
    ),
    (
        "a-book-after-a-quoted-chapter-stays-a-book",
        [("title", "“Harbour Dues.”"), ("container-title", "Baltic Trade,"), ("date", "2013.")],
        [("title", "“Harbour Dues.”"), ("container-title", "Baltic Trade,"), ("date", "2013.")],
    ),
    (
        "a-year-ending-the-title-read-into-the-journal",
        [
            ("title", "The harbour strike of May,"),
            ("journal", "1926. Labour History"),
            ("volume", "12:"),
        ],
        [
            ("title", "The harbour strike of May, 1926."),
            ("journal", "Labour History"),
            ("volume", "12:"),
        ],
    ),
    (
        "a-journal-after-a-quoted-title-read-as-a-place-before-its-volume",
        [
            ("title", "‘Harbour Dues’,"),
            ("location", "Baltica,"),
            ("pages", "121"),
            ("date", "(1998)."),
        ],
        [
            ("title", "‘Harbour Dues’,"),
            ("journal", "Baltica,"),
            ("volume", "121"),
            ("date", "(1998)."),
        ],
    ),
    (
        "an-academic-year-in-brackets-after-the-volume-is-the-date",
        [("journal", "Baltic Review"), ("volume", "18 (2003-2004):"), ("pages", "4-144.")],
        [
            ("journal", "Baltic Review"),
            ("volume", "18"),
            ("date", "(2003-2004):"),
            ("pages", "4-144."),
        ],
    ),
    (
        "a-bracketed-year-after-the-volume-stays-when-a-date-is-there",
        [("date", "2004."), ("journal", "Baltic Review"), ("volume", "18 (3)"), ("pages", "4-14.")],
        [("date", "2004."), ("journal", "Baltic Review"), ("volume", "18 (3)"), ("pages", "4-14.")],
    ),
    (
        "a-journal-at-the-end-of-a-note-form-title",
        [
            ("title", "Porti e mercanti: il Baltico, Rivista storica,"),
            ("volume", "14,"),
            ("date", "1970,"),
            ("pages", "319-338."),
        ],
        [
            ("title", "Porti e mercanti: il Baltico,"),
            ("journal", "Rivista storica,"),
            ("volume", "14,"),
            ("date", "1970,"),
            ("pages", "319-338."),
        ],
    ),
    (
        "a-book-title-with-commas-and-a-volume-but-no-page-range-stays",
        [("title", "Porti, mercanti, Navi,"), ("volume", "vol. 2,"), ("date", "1970.")],
        [("title", "Porti, mercanti, Navi,"), ("volume", "vol. 2,"), ("date", "1970.")],
    ),
    (
        "an-organisation-s-bracket-split-from-the-author",
        [("author", "PUR (Political"), ("title", "Administration of the Army). 1930. Reports.")],
        [
            ("author", "PUR (Political Administration of the Army)."),
            ("date", "1930."),
            ("title", "Reports."),
        ],
    ),
    (
        "a-classical-author-read-into-the-title",
        [("title", "Thucydas. Harbour Wars – Sea Wars."), ("translator", "Translated by A. Lind.")],
        [
            ("author", "Thucydas."),
            ("title", "Harbour Wars – Sea Wars."),
            ("translator", "Translated by A. Lind."),
        ],
    ),
    (
        "a-one-word-title-opening-with-no-translator-stays",
        [("title", "Harbours. Sea Wars."), ("location", "Malmö:")],
        [("title", "Harbours. Sea Wars."), ("location", "Malmö:")],
    ),
    (
        "an-editor-s-family-name-read-into-the-series-after-it",
        [
            ("title", "“Harbours.”"),
            ("editor", "edited by Anna Maria"),
            ("container-title", "Berg, Baltic Studies"),
        ],
        [
            ("title", "“Harbours.”"),
            ("editor", "edited by Anna Maria Berg,"),
            ("container-title", "Baltic Studies"),
        ],
    ),
    (
        "an-editor-ending-on-a-comma-is-complete",
        [
            ("title", "“Harbours.”"),
            ("editor", "edited by Anna Berg,"),
            ("container-title", "Baltic, Studies"),
        ],
        [
            ("title", "“Harbours.”"),
            ("editor", "edited by Anna Berg,"),
            ("container-title", "Baltic, Studies"),
        ],
    ),
    (
        "a-publisher-ending-in-press-is-no-work-in-press",
        [("title", "Harbours."), ("location", "New York:"), ("publisher", "Penguin Press,")],
        [("title", "Harbours."), ("location", "New York:"), ("publisher", "Penguin Press,")],
    ),
]


@pytest.mark.parametrize(("spans", "fixed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repaired(spans, fixed):
    assert repaired(spans) == fixed


TITLE_STARTS = [
    ("names-then-a-title", "Le Goff, Jacques. Saint Louis.", 18),
    ("initials-then-a-title", "Smith, J. A History of Ports.", 10),
    ("a-whole-list-of-initials-has-no-title", "Masson, V. L., Petrov, M. S.", None),
    ("initials-then-a-title-of-capitalised-words", "Lund K. Task Sets and Memory.", 8),
    ("an-and-after-an-initial-goes-on", "Lund, H.T. & Ek, H., 1998.", None),
]


@pytest.mark.parametrize(
    ("span", "start"), [c[1:] for c in TITLE_STARTS], ids=[c[0] for c in TITLE_STARTS]
)
def test_where_a_title_starts_in_a_span_of_people(span, start):
    assert names_then_title(span) == start
