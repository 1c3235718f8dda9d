"""Lists of people as reference lists print them, read into family names, given names and et al.

Each string is written for this test (none is from the training data): the shapes are
those the labelled data showed the reader missing.
"""

from __future__ import annotations

import pytest

from paperbuild.references.people import read_people

# (id, span labelled author, the people as BibTeX writes them, et al.)
CASES = [
    (
        "vancouver-initials-of-three-and-four",
        "Okonkwo JCM, van Dijk AB, Lindqvist PRTK.",
        ["Okonkwo, J. C. M.", "van Dijk, A. B.", "Lindqvist, P. R. T. K."],
    ),
    ("vancouver-hyphenated-initials", "Chen T-W, Park J-H.", ["Chen, T.-W.", "Park, J.-H."]),
    (
        "vancouver-suffixes",
        "Morales L Jr, Brandt GW 2nd, Ivers K.",
        ["Morales, Jr., L.", "Brandt, 2nd, G. W.", "Ivers, K."],
    ),
    (
        "vancouver-two-word-surnames",
        "Ruiz Molina JR, Perez Garcia M, Da Costa C.",
        ["Ruiz Molina, J. R.", "Perez Garcia, M.", "Da Costa, C."],
    ),
    (
        "vancouver-first-name-of-three-initials",
        "Albuquerque MVB, Torres HA.",
        ["Albuquerque, M. V. B.", "Torres, H. A."],
    ),
    (
        "czech-a-between-given-family-names",
        "NOVÁK, Petr, Jana SVOBODOVÁ a Karel DVOŘÁK.",
        ["Novák, Petr", "Svobodová, Jana", "Dvořák, Karel"],
    ),
    (
        "family-in-capitals-first",
        "LEFEBVRE Henri et MARTIN Claude,",
        ["Lefebvre, Henri", "Martin, Claude"],
    ),
    ("particle-after-given-name", "Queirós, Eça de.", ["Queirós, Eça de"]),
    (
        "initials-in-brackets",
        "DUPONT (J.-P.), MOREAU (A.),",
        ["Dupont, J.-P.", "Moreau, A."],
    ),
    (
        "full-stop-between-inverted-names",
        "ROUSSEAU, Claire. BERTIN, Marc.",
        ["Rousseau, Claire", "Bertin, Marc"],
    ),
    ("bullet-before-the-list", "• Harrison, Mark.", ["Harrison, Mark"]),
    (
        "spaced-hyphen-in-initials",
        "Lemaire, J. -C., & Fabre, T.",
        ["Lemaire, J.-C.", "Fabre, T."],
    ),
    ("capitalised-particle-direct", "Hélène Le Roux,", ["Le Roux, Hélène"]),
    ("capitalised-particle-inverted", "Van Horn, Peter J.", ["Van Horn, Peter J."]),
    ("suffix-after-the-family-comma", "Baxter, Jr., Thomas R.", ["Baxter, Jr., Thomas R."]),
    (
        "initials-first-name-then-direct-names",
        "Ellison, R.J., Maria Lopes, Stefan Berg, and K.L. Fox.",
        ["Ellison, R. J.", "Lopes, Maria", "Berg, Stefan", "Fox, K. L."],
    ),
    (
        "organisation-holding-and",
        "Regional Heritage and Culture Commission",
        ["{Regional Heritage and Culture Commission}"],
    ),
    (
        "and-between-every-name",
        "Holm, V and Berg, A and Lind, T",
        ["Holm, V.", "Berg, A.", "Lind, T."],
    ),
    ("initial-hyphen-initial", "P. Martin and J-L. Roche,", ["Martin, P.", "Roche, J.-L."]),
    ("corresponding-author-stars", "Weber, K.*, & Stone, P.", ["Weber, K.", "Stone, P."]),
    ("vancouver-surnames-that-are-words", "An F, Ji Q, He W.", ["An, F.", "Ji, Q.", "He, W."]),
    (
        "inverted-family-with-particles",
        "Ahmed, Y. A., Van den Berg, B. J. J. M., and Smit, H.",
        ["Ahmed, Y. A.", "Van den Berg, B. J. J. M.", "Smit, H."],
    ),
    (
        "a-comma-missing-after-initials",
        "Lind, K., Berg, H. Ström, M.",
        ["Lind, K.", "Berg, H.", "Ström, M."],
    ),
    (
        "no-space-after-the-comma",
        "Lind, K. and Berg,H.M.",
        ["Lind, K.", "Berg, H. M."],
    ),
    (
        "et-al-split-as-if-a-name",
        "Lind, K., Berg, H., & al., e.",
        ["Lind, K.", "Berg, H."],
    ),
    ("a-family-name-that-is-an-organisation-s-word", "Service, R.", ["Service, R."]),
    ("the-same-with-a-given-name", "Service, Robert", ["Service, Robert"]),
    ("an-agency-named-in-full", "National Park Service", ["{National Park Service}"]),
    ("a-nickname-in-quotes", "Ellis, Mary “Molly”", ["Ellis, Mary “Molly”"]),
    ("an-organisation-keeps-its-acronym", "Harbour Board (HB)", ["{Harbour Board (HB)}"]),
    (
        "german-von-abbreviated-after-the-initials",
        "Lindhardt, W. v., Berg, H. and Ek,P.",
        ["Lindhardt, W. von", "Berg, H.", "Ek, P."],
    ),
    (
        "a-list-read-only-in-part-is-kept-whole-not-cut",
        "Lind, K. x., Berg, H.",
        ["{Lind, K. x., Berg, H.}"],
    ),
]
ET_AL = [
    ("et-coll", "Rivera, M. et coll."),
    ("czech-a-kol", "Svoboda, Jan a kol."),
    ("etc", "Yates, B. H., etc."),
    ("a-others", "KOVAR, Ivan a OTHERS,"),
    ("et-al-and-a-colon", "Lund H, et al:"),
]


@pytest.mark.parametrize(("span", "people"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people(span, people):
    assert [n.bibtex() for n in read_people(span).names] == people


@pytest.mark.parametrize("span", [c[1] for c in ET_AL], ids=[c[0] for c in ET_AL])
def test_et_al(span):
    read = read_people(span)
    assert read.et_al
    assert len(read.names) == 1
