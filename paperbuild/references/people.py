"""Read a labelled span of people ("Gregory, P.R, & Naimark, N. (eds.)") into names and a role.

The labeller says which words are authors or editors; this module says who they
are. Role words ("eds.", "edited by", "trans.", "под ред.") are cut off and
decide the role, the list is read by :func:`names.parse_names`, and what it cannot
read as people is one organisation ("UNHCR", "Memorial Human Rights Centre").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import fields as F
from .names import Name, is_initials_only, looks_org, parse_names, tokenize

EDITOR_WORDS = (
    r"eds?|editors?|edited|hrsg|hg|hgg|herausgegeben|dir|comps?|coord|éds?|a\s+cura\s+di|red|orgs?|"
    r"otv\.?\s*red|под\s+ред(?:акцией)?|отв\.\s*ред|ред|сост|eds?\.\s+by"
)
TRANSLATOR_WORDS = r"trans(?:lated)?|tr|transl|пер(?:евод)?|übers"
LEAD_ROLE_RE = re.compile(
    rf"^\s*(?:[Ii]n:?\s+)?\(?(?:(?P<ed>(?:{EDITOR_WORDS})\.?(?:\s+(?:by|von|par))?)"
    rf"|(?P<tr>(?:{TRANSLATOR_WORDS})\.?(?:\s+(?:by|von|par|from\s+\w+\s+by))?))\)?\s+",
    re.I,
)
TRAIL_ROLE_RE = re.compile(  # a role word of its own, never the end of "Alfred" or "Ahmed"
    rf"[\s,.;]*[(\[]?\s*(?<![^\W\d_])(?:(?P<ed>{EDITOR_WORDS})|(?P<tr>{TRANSLATOR_WORDS}))"
    rf"\.?\s*[)\]]?[\s.,:;]*$",
    re.I,
)
IN_RE = re.compile(r"^\s*(?:[Ii]n|[Dd]ans|[Ii]m|[ВвVv]|//)\s*:?\s+")
ETAL_RE = re.compile(
    r"[\s,]*(?:et\s*al\.?|etal\.?|et\s+coll\.?|(?:and|a|&)\s+others|u\.\s*a\.|и\s+др\.?|a\s+kol\.?"
    r"|etc\.?|&\s*al\.?,\s*e)[\s.,:]*$",  # "& al., e.": "et al." split as if a name
    re.I,
)
#: What no name holds: a list's bullet or number ("• ", "3- "), a corresponding author's "*",
#: markup ("<italic>").
JUNK_RE = re.compile(r"^(?:[^\w(“\"‘'«<]+(?=\w)|\d{1,3}\s*[-.)]\s+)|\*+|<[^>]*>")
#: Initials in brackets after the family name, as French lists give them: "AMAND (M.)".
BRACKETED_INITIALS_RE = re.compile(r"\s*\(((?:[^\W\d_][a-z]{0,2}\.[\s-]*)+)\)")
#: A full stop between two inverted names: "BAYLE, Isabelle. MAISH, Véronique."
NAME_STOP_RE = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[^\W\d_'’\-]+,)")
PUBLISHER_AFTER_RE = re.compile(
    r",\s+(?=[^,]*\b(?:Press|Publishing|Publishers|Books|Verlag|Éditions|Editions|UP|Academic)\b)"
)
WRAP = " .,;:()[]/"
LIST_GOES_ON_RE = re.compile(r"[^\W\d_]\.|&|(?:and|et|und|y|i)\s", re.I)
#: A list of people ends within this many full stops, or not at all (keeps a long line linear).
MAX_NAME_STOPS = 12


@dataclass
class People:
    names: list[Name]
    role: str | None  # "editor" / "translator" when role words said so, else None
    et_al: bool = False
    rest: str = ""  # a publisher run on after the names: MLA's "edited by X, Publisher"


def read_people(text: str) -> People:
    """Names and role of a span labelled author, editor or translator."""
    text = IN_RE.sub("", JUNK_RE.sub("", text.strip()))
    text = BRACKETED_INITIALS_RE.sub(r", \1", text)
    text = re.sub(r"(?<=\.)\s*-\s*(?=[^\W\d_]\.)", "-", text)  # "J. -C." and "M.- C." are "J.-C."
    text = re.sub(r",?\s*\.\s\.\s\.\s*", ", … ", text)  # APA's ". . ." before the last name
    text = re.sub(r",(?=[^\W\d_]\.)", ", ", text)  # "Williams,G.E." is "Williams, G.E."
    text = re.sub(r",\s+with\s+(?=[A-Z])", ", and ", text)  # "Glantz, David M., with Jonathan"
    text = re.sub(r"(?<=[A-Z]\.)\s+v\.(?=\s*(?:,|&|and\s|$))", " von", text)  # "Engelhardt, W. v.,"
    role = None
    m = LEAD_ROLE_RE.match(text)
    if m:
        role = "editor" if m.group("ed") else "translator"
        text = text[m.end() :]
    m = TRAIL_ROLE_RE.search(text)
    if m and m.start() > 0:
        role = role or ("editor" if m.group("ed") else "translator")
        text = text[: m.start()]
    rest = ""
    m = PUBLISHER_AFTER_RE.search(text)
    if m and m.start() > 0:
        text, rest = text[: m.start()], trim(text[m.end() :])
    et_al = False
    m = ETAL_RE.search(text)
    if m and m.start() > 0:
        et_al, text = True, text[: m.start()]
    text = trim(text)
    if not text:
        return People([], role, et_al, rest)
    return People(_names(text), role, et_al, rest)


def trim(text: str) -> str:
    """The span without the punctuation around it; an initial keeps its full stop."""
    text = F.strip_around(text, WRAP.replace(".", ""))
    while text.endswith(".") and not re.search(r"(?:^|[\s.\-])[^\W\d_]\.$", text):
        text = F.strip_around(text[:-1], WRAP.replace(".", ""))
    return text.lstrip(WRAP)


#: An inverted list missing a comma after a name's initials: "Bedford, H. Petticrew, M.".
MISSING_COMMA_RE = re.compile(r"(?<![^\s.\-])([^\W\d_]\.)\s+(?=[^\W\d_][\w'’-]+,\s*[^\W\d_]\.)")


def _names(text: str) -> list[Name]:
    """The names of a list; of two complete readings, the one finding more people.

    "Mark Friedell, Mark LaPolla" reads inverted as one person ("Friedell, Mark
    LaPolla"?) and direct as two; "Tanner, Norman, Giuseppe Alberigo" only inverted.
    """
    if looks_org(text) and not re.search(r"[,;]", text):
        return [Name(text)]  # "Victorian Equal Opportunity and Human Rights Commission"
    complete, best = _readings(text)
    mended = MISSING_COMMA_RE.sub(r"\1, ", text)
    if not complete and mended != text:
        complete = _readings(mended)[0]
    if complete:
        return [spaced_initials(n) for n in max(complete, key=_reading_rank)]
    parts = [p for p in re.split(r"\s*;\s*|" + NAME_STOP_RE.pattern, text) if p.strip(WRAP)]
    if len(parts) > 1:
        return [n for part in parts for n in _names(part)]
    if looks_org(text) or not best or len(text.split()) > 6 or _leaves_a_name(text, best):
        return [Name(text)]
    return [spaced_initials(n) for n in best]


def _leaves_a_name(text: str, names: list[Name]) -> bool:
    """Whether a partial reading leaves out a later "Family, I." of the span: kept whole
    then, as written, rather than losing a person."""
    read = {n.family for n in names}
    later = re.findall(r"(?:^|[,;&]\s*|\band\s+)([^\W\d_][\w'’-]+),\s*[^\W\d_]\.", text)
    return any(family not in read for family in later)


def _readings(text: str) -> tuple[list[list[Name]], list[Name]]:
    """The complete readings of a name list, and the first partial one: the first name
    inverted or direct, the rest as the first name's form implies or direct, initials of
    at most two letters or of up to four."""
    tokens = tokenize(text)
    complete, partial = [], []
    for long_initials in (False, True):
        for inverted in (True, False):
            for rest_inverted in (None, False):
                parsed = parse_names(text, tokens, 0, inverted, long_initials, rest_inverted)
                if parsed and _rest_is_empty(text, tokens, parsed[1]):
                    complete.append(parsed[0])
                elif parsed and not partial:
                    partial = parsed[0]
    return complete, partial


def _reading_rank(names: list[Name]) -> tuple[int, bool]:
    """More people first; of as many, a list that writes every given name alike (all as
    initials, or none) over a mixed one ("Figueiredo MVB, Burity HA")."""
    initials = [bool(n.given) and is_initials_only(n) for n in names]
    return len(names), all(initials) or not any(initials)


def names_then_title(text: str, initials_may_end: bool = True) -> int | None:
    """Where a title starts in a span of people that ran on into it: after the full stop
    that ends "Le Goff, Jacques." or "Moore, Beth, editor." (None if no such stop)."""
    stops = list(re.finditer(r"\.\s+(?=\S)", text))[:MAX_NAME_STOPS]
    # an initial's full stop ends a list only if no other does, if it may at all, and never
    # before another initial or an "and" ("Masson, V. L., Petrov", "Lund, H.T. & Ek" go on)
    for after_initials in (False, True) if initials_may_end else (False,):
        for stop in stops:
            head = text[: stop.start() + 1]
            if re.search(r"(?:^|[\s.\-])[^\W\d_]\.$", head) and (
                not after_initials or LIST_GOES_ON_RE.match(text[stop.end() :])
            ):
                continue
            people = read_people(head)
            if people.names and not people.rest and _readings(trim(_without_roles(head)))[0]:
                return stop.end()
    return None


def _without_roles(text: str) -> str:
    text = LEAD_ROLE_RE.sub("", IN_RE.sub("", text.strip()))
    m = TRAIL_ROLE_RE.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


def _rest_is_empty(text: str, tokens, j: int) -> bool:
    rest = text[tokens[j].start :] if j < len(tokens) else ""
    return not rest.strip(WRAP + "&")


def spaced_initials(name: Name) -> Name:
    """ "R.W." and "P.R" become "R. W." and "P. R.", "Carl T" "Carl T.", "Jr" "Jr.", as
    Chicago writes initials and suffixes (CMOS 10.12, 6.43)."""
    given, suffix = name.given, name.suffix
    if suffix in ("Jr", "Sr"):
        suffix += "."
    if not given or not re.fullmatch(r"(?:-?[^\W\d_](?:\.|(?=[\s\-]|$))\s*)+", given):
        if given and re.search(r"\s[A-Z]$", given):  # "Carl T": a middle initial lost its stop
            given += "."
        return Name(name.family, given, suffix)
    letters = re.findall(r"-?[^\W\d_]", given)
    if len(letters) == 1 and not given.endswith("."):
        return Name(name.family, letters[0] + "." if len(given) == 1 else given, suffix)
    spaced = " ".join(f"{letter}." for letter in letters).replace(" -", "-")
    return Name(name.family, spaced, suffix)
