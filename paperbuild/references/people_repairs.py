"""The labeller's slips at the edge of the people: where the names end and the title begins.

Each repair undoes one shape of slip, whatever the words: a family name read as the
title's first word, a title read into the author, a corporate author read as a title,
a nickname or a particle on the wrong side. ``repairs.repaired`` runs them with the rest.
"""

from __future__ import annotations

import re

from . import fields as F
from .people import names_then_title
from .spans import Span, fix_first_pair

WRAP = F.SPAN_WRAP


def author_before_quoted_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Russian State Archive. “Guide to the Fonds.”' labelled a title: the words before
    the quotation are its (corporate) author."""
    if any(label in ("author", "editor") for label, _ in spans):
        return spans
    out = []
    for label, text in spans:
        m = re.match(r"^(?P<who>[^“\"‘«]{3,}?)\.\s+(?P<title>[“\"‘«].+)$", text)
        if label == "title" and m and not out:
            out += [("author", m.group("who") + "."), ("title", m.group("title"))]
        else:
            out.append((label, text))
    return out


APA_SHAPE_RE = re.compile(
    r"^(?P<who>[^()]+?(?:\([^()]*\))?)\s*(?P<date>\((?:1[5-9]|20)\d\d[a-z]?\)[.:,]?)\s+"
    r"(?P<title>\S.*)$"
)


def author_date_title_in_a_note(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Department for Culture, Media, and Sport (DCMS) (2019): Heritage statement…' left
    as a note, with no date or title found: read in APA's order, who, (year), title."""
    labels = {label for label, _ in spans}
    if labels & {"title", "date", "author", "editor"}:
        return spans
    out = list(spans)
    for i, (label, text) in enumerate(out):
        m = APA_SHAPE_RE.match(text.strip()) if label == "note" else None
        if m:
            parts = [("author", m["who"]), ("date", m["date"]), ("title", m["title"])]
            out[i : i + 1] = parts
            break
    return out


#: What every translator's span says somewhere: a word for translating, in its languages.
TRANSLATION_CUE_RE = re.compile(
    r"(?i)(?<![^\W\d_])(?:trans(?:lated|lation|l)?|tr|trad(?:uit|uction|ucción|ucido|uzione"
    r"|ução|otto)?|übers(?:etzt|etzung)?|перев\w*|пер)(?![^\W\d_])"
)


def translator_without_a_cue(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Urgences /' + 'Réanimation / Transfusion sanguine.' labelled a translator: with no
    word for translating in it, the span goes on with the title before it."""
    out: list[tuple[str, str]] = []
    for label, text in spans:
        if (
            label == "translator"
            and out
            and out[-1][0] == "title"
            and not TRANSLATION_CUE_RE.search(text)
        ):
            out[-1] = ("title", f"{out[-1][1]} {text}")
        else:
            out.append((label, text))
    return out


#: A list of people that stops, after its "and", on a given name and its initials, the
#: family name not yet read: "Davies, R. W., and Stephen G." (+ "Wheatcroft. The Years…").
GIVEN_WITHOUT_FAMILY_RE = re.compile(r"(?:\band|&)\s+[^\W\d_][^\W\d_'’-]+(?:\s+[^\W\d_]\.)+$")


FAMILY_OPENING_RE = re.compile(r"^(?P<family>[^\W\d_][\w'’-]+)\.\s+(?=\S)")


def family_name_in_the_title(spans: list[Span]) -> list[Span]:
    """'Davies, R. W., and Stephen G.' + 'Wheatcroft. The Years of Hunger': the last
    person's family name, read as the title's first word, goes back to the people."""

    def fix(people: Span, title: Span) -> list[Span] | None:
        m = FAMILY_OPENING_RE.match(title[1]) if title[0] == "title" else None
        if people[0] == "author" and m and GIVEN_WITHOUT_FAMILY_RE.search(people[1].rstrip()):
            return [
                ("author", f"{people[1].rstrip()} {m['family']}."),
                ("title", title[1][m.end() :]),
            ]
        return None

    return fix_first_pair(spans, fix)


#: A list of people closed by its "and": the last name inverted, its initials, then a comma
#: and a few words that are no name ("…, Bishop, J. and Miller,R.McG., Roter" + "Kamm…").
CLOSED_LIST_THEN_WORDS_RE = re.compile(
    r"^(?P<who>.+?(?:\band|&)\s+[^\W\d_][\w'’-]+,\s*(?:[^\W\d_][^\W\d_]{0,2}\.\s*-?){1,4}),"
    r"\s+(?P<words>[^,;()]{1,30})$"
)


def title_words_after_the_last_name(spans: list[Span]) -> list[Span]:
    """'…, Bishop, J. and Miller,R.McG., Roter' + 'Kamm impact crater': after the "and"
    that brings in the last person and that person's initials, the list is over; the words
    the labeller read on into the author open the title."""

    def fix(who: Span, title: Span) -> list[Span] | None:
        m = CLOSED_LIST_THEN_WORDS_RE.match(who[1].strip()) if who[0] == "author" else None
        if m and title[0] == "title" and not INITIALS_ONLY_RE.fullmatch(m["words"]):
            return [("author", m["who"] + ","), ("title", f"{m['words']} {title[1]}")]
        return None

    return fix_first_pair(spans, fix)


INITIALS_ONLY_RE = re.compile(r"(?:[^\W\d_]\.\s*-?)+|[A-Z]{1,3}")


#: MLA's film: "Title. Dir. First Last. [Perf. Cast.] Distributor, Year." The director
#: stands in the author's place, as in AnyStyle's and Zotero's readings of a film.
FILM_RE = re.compile(
    r"^(?P<title>[^\W\d_].*?[^\W\d_][?!”\"’]?)\.?\s+Dir(?:\.|ected\s+by)\s+"
    r"(?P<director>[^\W\d_][\w'’-]+(?:\s+(?:[^\W\d_]\.|[^\W\d_][\w'’-]+)){1,3})\.\s+"
    r"(?:(?P<cast>Perf(?:\.|ormed\s+by)\s+[^.]+\.)\s+)?(?=\S)"
)


def film_by_its_director(spans: list[Span]) -> list[Span]:
    """'Back to Chernobyl. Dir. Bill Kurtis. WGBH…, 1989.': a film's title, its director
    (the author) and cast, whatever the labeller made of them; the distributor and year
    after them keep the labels they had."""
    if not spans or spans[0][0] not in ("author", "editor", "title"):
        return spans
    text = " ".join(t for _, t in spans)
    m = FILM_RE.match(text)
    if not m:
        return spans
    out = [("title", m["title"] + "."), ("author", m["director"] + ".")]
    if m["cast"]:
        out.append(("note", m["cast"]))
    start, rest = 0, []
    for label, span in spans:  # the spans after the film's head, the first one cut
        end = start + len(span) + 1
        if end > m.end():
            rest.append((label, span[max(0, m.end() - start) :]))
        start = end
    return out + _distributor(rest)


def _distributor(rest: list[Span]) -> list[Span]:
    """What a film's head leaves before its year names who distributed it (and perhaps
    where, which interpret splits off): "Goskino" read as a place or left as a note is
    the distributor."""
    if any(label == "publisher" for label, _ in rest):
        return rest
    named = next((i for i, (label, _) in enumerate(rest) if label in ("location", "note")), None)
    if named is not None:
        rest[named] = ("publisher", rest[named][1])
    return rest


#: The rest of a bracket the author's span left open, up to its close and a full stop.
CLOSE_OF_THE_BRACKET_RE = re.compile(r"^(?P<inside>[^()]{1,80}?\))\.?\s+(?=\S)")


def bracket_split_from_the_author(spans: list[Span]) -> list[Span]:
    """'PUR (Political' + 'Administration of the Red Army). 1930. Svodki…': an author's
    bracket (an organisation's full name or acronym) closes in the next span; what it
    holds, up to its close, is the author's."""

    def fix(who: Span, after: Span) -> list[Span] | None:
        m = CLOSE_OF_THE_BRACKET_RE.match(after[1])
        if who[0] == "author" and who[1].count("(") > who[1].count(")") and m:
            return [("author", f"{who[1]} {m['inside']}."), (after[0], after[1][m.end() :])]
        return None

    return fix_first_pair(spans, fix)


ONE_NAME_THEN_TITLE_RE = re.compile(r"^(?P<who>[A-Z][a-z'’-]{2,})\.\s+(?P<title>[^\W\d_].+)$")


def one_name_author_in_the_title(spans: list[Span]) -> list[Span]:
    """'Plautus. Rudens – Curculio – Casina.' + 'Translated by …': a work with a translator
    or an editor and no author, whose title opens on a single name and a full stop, is by
    that name (CMOS 14.76's classical authors: "Thucydides. History of …")."""
    labels = [label for label, _ in spans]
    if "author" in labels or not {"translator", "editor"} & set(labels) or "title" not in labels:
        return spans
    i = labels.index("title")
    m = ONE_NAME_THEN_TITLE_RE.match(spans[i][1].strip())
    if i != 0 or not m:
        return spans
    return [("author", m["who"] + "."), ("title", m["title"]), *spans[1:]]


#: "edited by" and given names with no comma after them: the family name is still to come.
EDITED_BY_GIVEN_RE = re.compile(
    r"(?i:edited\s+by|ed\.\s+by|eds?\.)\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]+$"
)
FAMILY_THEN_COMMA_RE = re.compile(r"^(?P<family>[A-Z][\w'’-]+),\s+(?=\S)")


def family_name_after_the_editor(spans: list[Span]) -> list[Span]:
    """'edited by Joseph Falaky' + 'Nagy, CSANA Yearbook': a direct-order editor whose
    span stops before the family name, which the labeller read as the series or book
    after it; the word before that span's first comma ends the editor's name."""

    def fix(editor: Span, book: Span) -> list[Span] | None:
        m = FAMILY_THEN_COMMA_RE.match(book[1])
        tail = editor[1].rstrip()
        given_only = EDITED_BY_GIVEN_RE.search(tail) and not tail.endswith(",")
        if editor[0] == "editor" and book[0] == "container-title" and m and given_only:
            return [("editor", f"{tail} {m['family']},"), (book[0], book[1][m.end() :])]
        return None

    return fix_first_pair(spans, fix)


#: A family name, given names and initials, then a capitalised word: "Reese, Roger R. Red"
#: (+ "Commanders: A Social History…"), "Хлевнюк, О. В. Хозяин." (+ "Сталин и…").
INVERTED_NAME_THEN_WORD_RE = re.compile(
    r"^(?P<who>[^\W\d_][\w'’-]+,?\s+(?P<given>(?:[^\W\d_][\w'’-]+\s+)*)"
    r"(?P<initials>(?:[^\W\d_]\.\s*)+?))\s*"
    r"(?P<word>(?!(?:Jr|Sr|II|III|IV)\b)[^\W\d_][\w'’-]+)\.?$"
)


def title_word_after_an_initial(spans: list[Span]) -> list[Span]:
    """'Reese, Roger R. Red' + 'Commanders: A Social History…', 'Хлевнюк, О. В. Хозяин.' +
    'Сталин и…' (GOST's "Фамилия И. О. Заглавие"): after a family name and its initials
    nothing but a suffix follows, so a capitalised word there opens the title. Read as
    "red." (Russian for editor), "Red" had made the author an editor."""

    def fix(who: Span, title: Span) -> list[Span] | None:
        m = INVERTED_NAME_THEN_WORD_RE.match(who[1].strip())
        capital = m and m["word"][0].isupper() and not m["word"][1:].isupper()
        # "Getty, J. Arch": one initial, then a given name; the name goes on
        capital = capital and (m["given"] or m["initials"].count(".") >= 2)
        one_person = m and not re.search(r"(?i)(?:^|\s)(?:and|&|et|und|y|и)(?:\s|$)", m["given"])
        if who[0] in ("author", "editor") and title[0] == "title" and capital and one_person:
            stop = "." if who[1].strip().endswith(".") else ""  # "Khoziain." + "Stalin i…"
            return [("author", m["who"]), ("title", f"{m['word']}{stop} {title[1]}")]
        return None

    return fix_first_pair(spans, fix)


def organisation_before_the_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Ministry of Land, Transport, and Tourism (MLIT) (2013): A Glance at…': with no
    people, a title before the date and another after it, the first stands in the
    author's place (APA's corporate author)."""
    labels = [label for label, _ in spans]
    if any(label in ("author", "editor") for label in labels) or labels[:3] != [
        "title",
        "date",
        "title",
    ]:
        return spans
    return [("author", spans[0][1]), *spans[1:]]


def nickname_before_the_title(spans: list[Span]) -> list[Span]:
    """'Brown, Henry “Box”. “Narrative of…”': a quoted word or two just after the name,
    then a quoted title, is the person's nickname, not the title's beginning."""

    def fix(who: Span, title: Span) -> list[Span] | None:
        m = NICKNAME_RE.match(title[1])
        if who[0] == "author" and title[0] == "title" and m and not who[1].rstrip().endswith("."):
            return [("author", f"{who[1]} {m.group(1)}"), ("title", title[1][m.end() :])]
        return None

    return fix_first_pair(spans, fix)


NICKNAME_RE = re.compile(r"^([“\"][^”\"\s]+(?:\s[^”\"\s]+)?[”\"])\.?\s+(?=[“\"])")
PARTICLE_END_RE = re.compile(
    r"^(?P<rest>(?:[^\W\d_][\w'’-]*\s+){1,2}(?:da|das|de|do|dos|du|del|della|di|van|von|der"
    r"|den|ten|ter|la|le))\.\s+(?=\S)"
)


def family_particle_in_the_title(spans: list[Span]) -> list[Span]:
    """'Silveira, Daniela' + 'Magalhaes da. Fábrica de contos': an inverted name whose
    given names end on a particle ("Magalhaes da") ran into the title."""

    def fix(who: Span, title: Span) -> list[Span] | None:
        m = PARTICLE_END_RE.match(title[1]) if title[0] == "title" else None
        name = who[1]
        if who[0] == "author" and m and name.count(",") == 1 and not name.rstrip().endswith("."):
            return [("author", f"{name} {m.group('rest')}."), ("title", title[1][m.end() :])]
        return None

    return fix_first_pair(spans, fix)


INVERTED_THEN_TITLE_RE = re.compile(
    r"^(?P<who>[^\W\d_][\w'’-]+,\s+[^\W\d_][\w'’.-]*(?:\s+[^\W\d_]\.)?),\s+"
    r"(?P<title>[^\W\d_][^,]*\s[^,]*:)$"
)


def title_in_the_author(spans: list[Span]) -> list[Span]:
    """'Auner, Joseph, A Schoenberg Reader:' + 'Documents of a Life': a note-style
    reference with a comma after the name, whose title's first part, up to its colon,
    the labeller read into the author."""

    def fix(who: Span, title: Span) -> list[Span] | None:
        m = INVERTED_THEN_TITLE_RE.match(who[1].strip()) if who[0] == "author" else None
        if m and title[0] == "title" and " and " not in m.group("title"):
            return [("author", m.group("who")), ("title", f"{m.group('title')} {title[1]}")]
        return None

    return fix_first_pair(spans, fix)


def title_from_people(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """People run on into the title ("Le Goff, Jacques. Saint Louis."), or a genre into it
    ("Stalin's Border. PhD diss."): the title is given back. Where a later span can hold
    the title (a book's title, or "Title. Journal" read as the journal), an initial's full
    stop ends no list of people."""
    if any(label == "title" for label, _ in spans):
        return spans
    elsewhere = any(
        label == "container-title" or label == "journal" and ". " in text.strip()
        for label, text in spans
    )
    out = list(spans)
    for i, (label, text) in enumerate(out):
        if label in ("author", "editor"):
            start = names_then_title(text, not elsewhere)
            if start is not None:
                out[i : i + 1] = [(label, text[:start]), ("title", text[start:])]
                return out
        thesis = F.THESIS_RE.search(text) if label == "genre" else None
        if thesis and text[: thesis.start()].strip(WRAP):
            out[i : i + 1] = [("title", text[: thesis.start()]), ("genre", text[thesis.start() :])]
            return out
    return out


#: A book's title, then its editors after a comma: "…Davies, ed. Julian Cooper, … Rees,".
BOOK_THEN_EDITORS_RE = re.compile(
    r"^(?P<book>.+?),\s+(?P<editors>(?:eds?\.|edited\s+by|hrsg\.\s+von|Hrsg\.)\s+[^\W\d_].*)$"
)


def editors_read_into_the_book(spans: list[Span]) -> list[Span]:
    """'In Soviet History, 1917–53: Essays in Honour of' + 'R. W. Davies, ed. Julian Cooper,
    Maureen Perrie and E. A. Rees,': the book's title runs up to the comma before "ed.",
    whichever span the labeller gave it to; the names after "ed." are the editors."""
    if sum(label == "editor" for label, _ in spans) > 1:
        return spans
    out: list[Span] = []
    for label, text in spans:
        m = BOOK_THEN_EDITORS_RE.match(text.strip())
        if m and label == "container-title":
            out += [(label, m["book"] + ","), ("editor", m["editors"])]
        elif m and label == "editor" and out and out[-1][0] == "container-title":
            out[-1] = (out[-1][0], f"{out[-1][1]} {m['book']},")
            out.append(("editor", m["editors"]))
        else:
            out.append((label, text))
    return out
