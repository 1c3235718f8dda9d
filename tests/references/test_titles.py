"""Titles as Chicago prints them: headline case for English sentence case, short titles."""

from __future__ import annotations

import pytest

from paperbuild.references.titles import headline_case, looks_english, sentence_cased, short_title

HEADLINE = [
    ("Peasant rebels under Stalin", "Peasant Rebels under Stalin"),
    ("the culture of peasant resistance", "The Culture of Peasant Resistance"),
    ("a history of the red army", "A History of the Red Army"),
    ("what it was for", "What It Was For"),  # the last word is capitalised, preposition or not
    ("post-war reconstruction in the USSR", "Post-war Reconstruction in the USSR"),  # CMOS 8.161
    ("anti-intellectual currents", "Anti-intellectual Currents"),  # a prefix keeps its hyphen
    ("stalin and the iPhone age", "Stalin and the iPhone Age"),  # odd capitals stay
    ("war: a reassessment", "War: A Reassessment"),  # a subtitle's first word
    ("the 1930s and after", "The 1930s and After"),
]


@pytest.mark.parametrize("text, expected", HEADLINE, ids=[h[0] for h in HEADLINE])
def test_headline_case(text, expected):
    assert headline_case(text) == expected


DETECTION = [
    ("Peasant rebels under Stalin", True, True),
    ("Stalin’s Wars: From World War to Cold War", True, False),  # already headline style
    ("La terreur et le désarroi", False, True),  # French: left as written
    ("Der lange Weg zur Macht", False, True),
    ("Stalin", False, False),
    ("The making of the Soviet system", True, True),
]


@pytest.mark.parametrize("text, english, sentence", DETECTION, ids=[d[0] for d in DETECTION])
def test_english_sentence_case_is_detected(text, english, sentence):
    assert (looks_english(text), sentence_cased(text)) == (english, sentence)


SHORT = [
    ("Stalin as Warlord", None),  # four words or fewer: no short title
    ("The Red Army and the Great Terror", "Red Army"),  # no article first, no small word last
    ("Life and Terror in Stalin’s Russia, 1934-1941", "Life and Terror"),
    ("War and Peace of Mikhail Tukhachevsky", "War and Peace"),
    (
        "Conspiracy of the “Red Marshals” Tukhachevsky against Stalin",
        "Conspiracy of the “Red Marshals”",
    ),
    ("Guns, Rubles, Tanks and Planes", "Guns, Rubles, Tanks"),
]


@pytest.mark.parametrize("title, short", SHORT, ids=[s[0] for s in SHORT])
def test_short_title_of_at_most_four_words(title, short):
    assert short_title(title) == short
