"""Recognise lists of people and organisations at a given point of a reference string.

A reference string has no markup, so a name list is found by grammar: a name is
"Surname, Given", "Surname G." or "Given Surname", names are joined by ",", ";",
"and" or "&", and the list ends at a period, a year, a quote or anything that is
not a name. Each candidate must be followed by such an end, which keeps titles
("A Schoenberg Reader: ...") from being read as people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """A word list written as one string: easier to read and review than a list literal."""
    return frozenset(text.split())


#: Words that end a name list: articles and title words never part of a name.
STOP_WORDS = words(
    """
    the a an in on of and for to from with at by as is are was were how why what when
    journal review proceedings studies history introduction edited ed eds trans vol
    volume available retrieved accessed http https www
    """
)
PARTICLES = words(
    """
    van von de da das dos der den del della di du la le ten ter bin al el y
    """
)
#: Abbreviations whose full stop ends no sentence or title ("vol.", "eds.", "repr.").
ABBREVIATIONS = words(
    """
    vol vols no nos pp p ed eds trans st dr mr mrs ms jr sr vs etc ca c ch fig dept univ
    inc ltd co corp e.g i.e u.s u.k d.c n.d al rev repr comp
    """
)
#: "and" in the languages reference lists are written in ("Zucconi, Alberto, e P. Howell",
#: Czech "Ulf SUNDIN a Walther J. VAN VENROOIJ").
CONJUNCTIONS = words(
    """
    and And & und y et e i и dan og och a
    """
)
SUFFIXES = words(
    """
    Jr. Jr Sr. Sr II III IV 2nd 3rd
    """
)
#: Words that make a name-shaped phrase an organisation ("World Health Organization").
ORG_WORDS = words(
    """
    department ministry university institute institution association organization
    organisation society council commission agency bureau office service committee
    foundation bank fund nations union government centre center corporation company
    group board trust museum library archive archives network project programme program
    team unit court parliament congress senate party federation league academy school
    college hospital authority international archive memorial collection
    """
)

TOKEN_RE = re.compile(  # an initial may be "J.", "Yu.", "J.-F.", "J-L." or "P.R"
    r"(?P<initial>(?:[^\W\d_][a-z]?(?:\.|(?=-[^\W\d_]\.))(?:-?[^\W\d_][a-z]?\.)*"
    r"(?:[^\W\d_](?![\w]))?))"
    r"|(?P<word>[^\W_](?:[\w\-]|['’](?=\w))*)"
    r"|(?P<nick>[“\"][^\W\d_][\w\-]*[”\"](?=[.,\s]|$))"
    r"|(?P<punct>[.,;&():\[\]“”\"‘’'«»„])"
    r"|(?P<other>\S)"
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    """One person ("family", "given") or organisation (given is None)."""

    family: str
    given: str | None = None
    suffix: str | None = None

    @property
    def is_org(self) -> bool:
        return self.given is None

    def bibtex(self) -> str:
        """The name as BibTeX writes it; an organisation braced so it is never split."""
        if self.is_org:
            return "{" + self.family + "}"
        if self.suffix:
            return f"{self.family}, {self.suffix}, {self.given}"
        return f"{self.family}, {self.given}" if self.given else self.family


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "other"
        value = m.group()
        if kind == "initial" and value.rstrip(".") in ("Jr", "Sr"):
            kind = "word"
        if kind == "initial" and not value[0].isupper():
            # "da." is a lower-case word and a full stop, not an initial
            word = value.rstrip(".")
            tokens.append(Token("word", word, m.start(), m.start() + len(word)))
            if len(word) < len(value):
                tokens.append(Token("punct", ".", m.start() + len(word), m.start() + len(word) + 1))
            continue
        tokens.append(Token(kind, value, m.start(), m.end()))
    return tokens


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return (
        tok.kind == "word"
        and (t[0].isupper() or bool(re.match(r"[dl]['’][^\W\d_]", t)) and t[2].isupper())
        and not t[0].isdigit()
        and t.lower().rstrip(".") not in STOP_WORDS
    )


def _capitalised(tok: Token) -> bool:
    return tok.kind == "word" and tok.text[0].isupper()


def _is_initial(tok: Token) -> bool:
    return tok.kind == "initial" or (
        tok.kind == "word" and len(tok.text) <= 2 and tok.text.isupper() and tok.text.isalpha()
    )


def _is_particle(tok: Token) -> bool:
    return tok.kind == "word" and tok.text in PARTICLES


def _et_al(tokens: list[Token], k: int) -> bool:
    """Whether "et al." (or "and others") stands at token k."""
    if k >= len(tokens):
        return False
    word, after = tokens[k].text, tokens[k + 1].text if k + 1 < len(tokens) else ""
    return word == "et" and after.startswith("al") or word == "and" and after == "others"


def _text(tokens: list[Token], i: int, j: int, source: str) -> str:
    return source[tokens[i].start : tokens[j - 1].end]


def _year_like(tok: Token) -> bool:
    return tok.kind == "word" and bool(re.fullmatch(r"\d{4}[a-z]?|n\.?d", tok.text))


def _strong_end(tokens: list[Token], j: int) -> bool:
    """Whether token j is punctuation, a joining word or a year: what follows a whole name."""
    if j >= len(tokens):
        return True
    nxt = tokens[j]
    if nxt.text in {",", ";", "&", "(", ".", "“", '"', "‘", "'", "«", "[", ")"}:
        return True
    if nxt.kind == "word" and nxt.text in CONJUNCTIONS:
        return True
    return _year_like(nxt)


def _plain_end(tokens: list[Token], j: int) -> bool:
    return j >= len(tokens) or tokens[j].text in {".", ",", "("} or _year_like(tokens[j])


def _ends(tokens: list[Token], j: int, last: Token) -> bool:
    """Whether a name may end before token j (an initial's full stop may end it too)."""
    return _strong_end(tokens, j) or (last.text.endswith(".") and last.kind == "initial")


def _inverted(tokens, i, source):
    """Surname, Given [, Jr.] -> candidates (Name, end index), longest first."""
    out = []
    j = i
    while j < len(tokens) and _is_particle(tokens[j]):
        j += 1
    fam_start = i
    k = j
    if j < len(tokens) and len(tokens[j].text) == 1:
        return out  # "H Johansson, P Sjolander": a name after its initial, not a family "H …"
    while (
        k < len(tokens)
        and k - j < 3
        and (_is_cap(tokens[k]) or tokens[k].text in SUFFIXES or k > j and _is_particle(tokens[k]))
    ):  # "Smith,", "Blyth Jr.,", "Van den Hurk,"
        k += 1
        if k < len(tokens) and tokens[k].text == ",":
            break
    if k == j or k >= len(tokens) or tokens[k].text != ",":
        return out
    named = k - 1 if k - j > 2 and tokens[k - 1].text in SUFFIXES else k  # "Modis L Jr,"
    last = tokens[named - 1]
    initials = _is_initial(last) or (
        _bare_initials(last, True) and not all(_capitals(t.text) for t in tokens[j:named])
    )
    if named - j > 1 and initials and last.text not in SUFFIXES:
        return out  # "Smith J, Doe J": a surname and its initials, not the surname "Smith J"
    family = _text(tokens, fam_start, k, source)
    suffix = None
    if k - j > 1 and tokens[k - 1].text in SUFFIXES:  # "Blyth Jr., C.": Jr. is no surname
        family, suffix = _text(tokens, fam_start, k - 1, source), tokens[k - 1].text
    g = k + 1
    if g + 1 < len(tokens) and tokens[g].text in SUFFIXES and tokens[g + 1].text == ",":
        suffix, g = tokens[g].text, g + 2  # "Kaiser, Jr., Walter C."
    e = g
    while e < len(tokens) and e - g < 4:
        tok = tokens[e]
        if _is_initial(tok) or _is_cap(tok) or (e > g and _is_particle(tok)) or tok.kind == "nick":
            e += 1
            if _ends(tokens, e, tok) and not _is_particle(tok):
                given = _text(tokens, g, e, source)
                name, end = Name(family, given, suffix), e
                if e + 1 < len(tokens) and tokens[e].text == "," and tokens[e + 1].text in SUFFIXES:
                    name, end = Name(family, given, tokens[e + 1].text), e + 2
                out.append((name, end))
            elif _is_particle(tok) and (e == len(tokens) or tokens[e].text in ".,;"):
                out.append((Name(family, _text(tokens, g, e, source)), e))  # "Camões, Luís de"
        else:
            break
    return out[::-1]


def _bare_initials(tok: Token, long: bool = False) -> bool:
    """Initials run together without full stops, as Vancouver writes them: "J", "JA", "K-W";
    with ``long``, up to four ("JCM", "GIJM").

    Three capitals are more often a surname written in capitals ("Jing LIU"), so a
    reading with long initials is only taken when it reads more of the list.
    """
    text = tok.text
    if tok.kind != "word" or not text.isupper() or text in SUFFIXES:
        return False
    if re.fullmatch(r"[^\W\d_](?:-[^\W\d_])+", text):
        return True
    return text.isalpha() and len(text) <= (4 if long else 2)


def _surname_initials(tokens, i, source, long=False):
    """Surname G. H. (no comma), as in "Kantor Y.", "KENNEDY E.G.", "Smith JA", "van Eijk JTM"
    or "Gonzalez Garcia JR"; longest surname first."""
    k = i
    while k + 1 < len(tokens) and k - i < 3 and tokens[k].text.lower() in PARTICLES:
        k += 1  # "van Eijk JTM", "DE NEVE G."
    out = []
    for words in (2, 1):
        end = k + words
        if end > len(tokens) or not all(
            (_is_cap(t) or words == 1 and _capitalised(t))
            and not _is_initial(t)
            and not _bare_initials(t, long)
            for t in tokens[k:end]
        ):
            continue  # a one-word surname may be a stop word: "An F, Zhao Q"
        found = _initials_after(tokens, end, source, long)
        if found:
            given, suffix, stop = found
            out.append((Name(_text(tokens, i, end, source), given, suffix), stop))
    return out


def _initials_after(tokens, k, source, long):
    """(given, suffix, end) of the initials standing at token k, or None."""
    if k < len(tokens) and _bare_initials(tokens[k], long):
        # "Smith JA, Doe JB", "Bocquet J F": only a name when punctuation or a year follows
        end = k + 1
        while (
            end < len(tokens)
            and end - k < 3
            and len(tokens[end].text) == 1
            and _bare_initials(tokens[end])
        ):
            end += 1
        letters = re.findall(r"-?[^\W\d_]", "".join(t.text for t in tokens[k:end]))
        given = " ".join(c + "." for c in letters).replace(" -", "-")
        suffix = None
        if end < len(tokens) and tokens[end].text.rstrip(".") in SUFFIXES:
            suffix, end = tokens[end].text, end + 1  # "Modis L Jr", "Dorn GW 2nd"
        return (given, suffix, end) if _strong_end(tokens, end) else None
    end = k
    while end < len(tokens) and tokens[end].kind == "initial":
        end += 1
    if end == k or end - k > 3:
        return None
    return _text(tokens, k, end, source), None, end


def _capitals_first(tokens, i, source):
    """FAMILY Given, as French lists write a name: "BUON Olivier", "DE MONS Rodolphe"."""
    k = i
    while k < len(tokens) and k - i < 3 and _capitals(tokens[k].text) and tokens[k].kind == "word":
        k += 1
    e = k
    while e < len(tokens) and e - k < 2 and _is_cap(tokens[e]) and not _capitals(tokens[e].text):
        e += 1
    if k == i or e == k or not _strong_end(tokens, e):
        return []
    if all(t.text.lower() in PARTICLES for t in tokens[i:k]):
        return []
    return [(Name(_text(tokens, i, k, source), _text(tokens, k, e, source)), e)]


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _direct(tokens, i, source):
    """Given Surname, as in "Peter Turchin" or "J. A. Dossetti"; longest first."""
    out = []
    k = i
    while k < len(tokens) and k - i < 5:
        tok = tokens[k]
        if not (_is_cap(tok) or _is_initial(tok) or (k > i and _is_particle(tok))):
            break
        k += 1
        if k - i >= 2 and _is_cap(tok) and not _is_initial(tok) and _ends(tokens, k, tok):
            parts = tokens[i:k]
            f = len(parts) - 1
            while f > 1 and parts[f - 1].text.lower() in PARTICLES:
                f -= 1  # "Michel de Waha", "Hans Van Werveke"
            if all(t.text.lower() in PARTICLES - {"al", "el", "bin", "y"} for t in parts[:f]):
                continue  # "Van Till" is a family name, not Till with the given name Van
            given = _text(tokens, i, i + f, source)
            family = _text(tokens, i + f, k, source)
            out.append((Name(family, given), k))
    return out[::-1]


def _looks_org(text: str) -> bool:
    return any(w.lower().strip(".,") in ORG_WORDS for w in text.split())


def parse_names(
    source: str,
    tokens: list[Token],
    i: int = 0,
    prefer_inverted: bool = True,
    long_initials: bool = False,
    rest_inverted: bool | None = None,
):
    """Parse a name list starting at token i: (names, end index, et_al) or None.

    The names after the first are read inverted first when ``rest_inverted`` says so,
    or, by default, when the first name's given names are initials (APA's habit)."""

    def surname_initials(tokens, at, source):
        return _surname_initials(tokens, at, source, long_initials)

    def one(at, inverted_first):
        orders = (
            (_inverted, surname_initials, _capitals_first, _direct)
            if inverted_first
            else (_capitals_first, _direct, _inverted, surname_initials)
        )
        # A reading that stops mid-phrase ("Stephen G." of "Stephen G. Wheatcroft.") gives
        # way to a later one that ends at punctuation or a year; for the string's first name
        # only to one ending at a full stop, comma, bracket or year ("Kantor Y. Stalin and").
        fallback = None
        for fn in orders:
            cands = fn(tokens, at, source)
            if not cands:
                continue
            end = cands[0][1]
            if fallback is None:
                if _strong_end(tokens, end):
                    return cands[0]
                fallback = cands[0]
            elif _strong_end(tokens, end) and (at > i or _plain_end(tokens, end)):
                return cands[0]
        return fallback

    first = one(i, prefer_inverted)
    if first is None:
        return None
    names = [first[0]]
    j = first[1]
    # APA lists invert every name; MLA and Chicago only the first.
    inverted_rest = rest_inverted
    if inverted_rest is None:
        inverted_rest = is_initials_only(first[0])
    et_al = False
    while j < len(tokens):
        k = j + 1 if tokens[j].text in {",", ";", "…"} else j
        if k < len(tokens) and tokens[k].text == "…":
            k += 1  # ", …" before the last of a long APA list
        if _et_al(tokens, k):
            et_al = True
            j = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text.startswith("al") else k + 1
            break
        joined = k < len(tokens) and tokens[k].text in CONJUNCTIONS
        k += joined
        if k == j:
            break
        nxt = one(k, inverted_rest)
        if nxt is None:
            break
        names.append(nxt[0])
        j = nxt[1]
        again = j < len(tokens) and tokens[j].text in CONJUNCTIONS  # "A and B and C"
        if joined and not again and not _et_al(tokens, j + 1):
            break  # "A, B and C": the joined name is the last one, bar "et al."
    if et_al and j < len(tokens) and tokens[j].text == ".":
        j += 1
    names = [Name(f"{n.given} {n.family}") if _organisation(n, source) else n for n in names]
    return [_uncap(n) for n in names], j, et_al


def _organisation(name: Name, source: str) -> bool:
    """A "name" with an organisation's word in it ("Department of Health"), unless it is
    written as a person's, one family word and a comma before the given names: "Service,
    R." and "Service, Robert" are the historian, "National Park Service" the agency."""
    if not name.given or not _looks_org(f"{name.given} {name.family}"):
        return False
    first_given = name.given.split()[0]
    inverted = re.search(rf"(?<!\w){re.escape(name.family)}\s*,\s*{re.escape(first_given)}", source)
    return not (inverted and len(name.family.split()) == 1 and not _looks_org(name.given))


def is_initials_only(name: Name) -> bool:
    return bool(name.given) and all(_is_initial(t) for t in tokenize(name.given or ""))


def _uncap(name: Name) -> Name:
    """ISO 690 and French styles write the surname in capitals ("SMITH, John", "Jane DOE");
    the style sets small caps itself, so the name is stored as it is spoken: "Smith"."""
    elision = re.match(r"[dl]['’]", name.family)  # "d’ERRICO" -> "d’Errico"
    family = name.family[elision.end() :] if elision else name.family
    letters = [c for c in family if c.isalpha()]
    if name.is_org or len(letters) < 2 or not all(c.isupper() for c in letters):
        return name
    parts = re.split(r"([\s\-'’]+)", family)
    out = []
    for n, part in enumerate(parts):
        low = part.lower()
        if n % 2 or not part:
            out.append(part)
        elif low in PARTICLES and n < len(parts) - 1:
            out.append(low)  # "DE GAULLE" -> "de Gaulle"
        elif low.startswith("mc") and len(low) > 3:
            out.append("Mc" + low[2:].capitalize())
        else:
            out.append(low.capitalize())
    return Name((elision.group() if elision else "") + "".join(out), name.given, name.suffix)


def looks_org(text: str) -> bool:
    """Whether a phrase reads as an organisation: a keyword, or one capitalised token."""
    words = text.split()
    if _looks_org(text):
        return True
    return len(words) == 1 and words[0][:1].isupper()
