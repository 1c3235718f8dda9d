"""What a labelled reference says, in the form the scorer compares: the gold of the benchmark.

AnyStyle's labels mark spans of the printed string; the scorer compares fields. This
module reads the one into the other, deliberately apart from the parser's own rules,
so that the benchmark never grades the parser against itself. Where AnyStyle's
labelling and a bibliography's fields differ in kind, not in fact, the gold says what
the span means: an issue number alone ("No. 83") is the issue, a book's page count
("342 p.") its page total, a DOI written as a link ("https://doi.org/10…") its DOI,
a link the address alone, without its "Retrieved from",
and a language note ends no title ("… basin (in German)").
"""

from __future__ import annotations

import re

from .dataset import Labelled
from .names import words

#: The fields the shared scorer compares, and the labels each is read from (first found wins).
GOLD_FIELDS = {
    "author": ("author",),
    "editor": ("editor",),
    "title": ("title",),
    "container-title": ("journal", "container-title"),
    "publisher": ("publisher",),
    "location": ("location",),
    "date": ("date",),
    "volume": ("volume",),
    "pages": ("pages",),
    "url": ("url",),
    "doi": ("doi",),
}
WRAPPING = " .,;:()[]“”\"'‘’«»/"
ROLE_RE = re.compile(
    r"^(?:[Ii]n:?\s+)?(?:(?:[Ee]dited|[Ee]d\.)\s+by\s+|[Ee]ds?\.\s+)?"
    r"|[\s,.(]*(?<![^\W\d_])(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Dd]ir|[Cc]omps?|[Oo]rgs?)\.?\)?[\s.,:]*$"
)
ISSUE_ONLY_RE = re.compile(r"(?i)^(?:no|nos|nr|n°|nº|№|num|number|issue|iss|heft)\.?\s*\d")
PAGE_COUNT_RE = re.compile(r"^\d+\s*(?:p|pp|pages|s|S|с|стр|Seiten)\.?$")
LANGUAGE_NOTE_RE = re.compile(r"\s*[(\[]in\s+[A-Z][a-z]+[)\]]?$")


def gold_fields(item: Labelled, as_labelled: bool = False) -> dict[str, str]:
    """The labelled fields in the scorer's form: each span trimmed of the punctuation around it,
    role words ("In", "eds.") taken off people, as in ``anystyle-gold-60.jsonl``; moved to
    what each span means unless ``as_labelled`` asks for AnyStyle's labels as they are."""
    out = {}
    for field, labels in GOLD_FIELDS.items():
        for label in labels:
            text = next((t for lab, t in item.spans if lab == label), None)
            if text is None:
                continue
            if field in ("author", "editor"):
                text = ROLE_RE.sub("", text.strip(WRAPPING)).strip(WRAPPING)
            if field == "container-title":
                text = re.sub(r"^(?:[Ii]n|[Dd]ans)\s*:?\s+", "", text.strip(WRAPPING))
            text = text.strip(WRAPPING)
            if text:
                out[field] = text
            break
    return out if as_labelled else _meant(out)


def _meant(fields: dict[str, str]) -> dict[str, str]:
    """Fields moved to what their span means where AnyStyle's label says less."""
    volume, pages = fields.get("volume", ""), fields.get("pages", "")
    if ISSUE_ONLY_RE.match(volume):
        fields["number"] = fields.pop("volume")
    if PAGE_COUNT_RE.match(pages):
        fields["pagetotal"] = fields.pop("pages")
    link = re.search(r"(?:https?://|www\.)\S+", fields.get("url", ""))
    if link:
        fields["url"] = link.group()  # "Retrieved from http://…" is the address alone
    doi_link = re.search(r"doi\.org/(10\.\S+)", fields.get("url", ""))
    if doi_link and "doi" not in fields:
        fields["doi"] = doi_link.group(1)
        del fields["url"]
    doi = re.search(r"10\.\S+", fields.get("doi", ""))
    if doi:
        fields["doi"] = doi.group()
    if "title" in fields:
        fields["title"] = LANGUAGE_NOTE_RE.sub("", fields["title"]).strip(WRAPPING)
    return fields


def same_kind_as_gold(item: Labelled) -> bool:
    """A book, chapter or article with an author, a title and a date, like the 60 gold strings
    (no numbered entries, theses or reports)."""
    labels = {label for label, _ in item.spans}
    return (
        {"author", "title", "date"} <= labels
        and bool(labels & {"journal", "container-title", "publisher"})
        and not labels & {"citation-number", "genre"}
    )


SEPARATOR_RE = re.compile(
    r"\s*;\s*|\s*,?\s+(?:and|And|&|und|et|y|и|e|dan|a)\s+|\s*,?\s*&\s*|\s*,?\s*(?:…|\.\s\.\s\.)\s*"
    r"|(?<=[^\W\d_]{2})\.\s+(?=[^\W\d_'’-]+,)"  # "BAYLE, Isabelle. MAISH, Véronique"
)
ETAL_TAIL_RE = re.compile(
    r"[\s,]*(?:et\s*al\.?|etal\.?|et\s+coll\.?|(?:and|a|&)\s+others|a\s+kol\.?|etc\.?)$", re.I
)
PARTICLES = words("van von der den de da du la le del della di dit ten ter al el")
SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
ORG_RE = re.compile(
    r"(?i)\b(?:ministry|department|university|commission|institute|organi[sz]ation|association"
    r"|council|committee|agency|bureau|office|society|centre|center|foundation|service|board"
    r"|group|team|project|nations|government|union|bank|academy|fund|forum|network|institut)\b"
)
#: What no name holds: a list's bullet or number ("• ", "3- "), markup ("<italic>", "{\\sc"),
#: a corresponding author's "*".
JUNK_RE = re.compile(r"^(?:[^\w(“\"‘'«]+|\d+\s*[-.)]\s*)|<[^>]*>|\{\\\w+\s*|[{}]|\*+")
#: Initials in brackets after the family name, as French lists give them: "AMAND (M.)".
BRACKETED_INITIALS_RE = re.compile(r"\s*\(((?:[^\W\d_]{1,3}\.?[\s.-]*)+?)\.?\)?(?=,|$)")


def is_initials(text: str) -> bool:
    """'J. A.', 'JJ', 'J.-F.', 'Yu.': a given name written as initials only. Undotted
    capitals count only where no initial has a full stop ("Jay H. RYU" is a family name)."""
    dotted = "." in text

    def initial(part: str) -> bool:
        if re.fullmatch(r"[^\W\d_]\.?", part):
            return part[0].isupper()
        if re.fullmatch(r"[^\W\d_]{2,3}\.", part):
            return part[0].isupper() and part[1:-1].islower()  # "Yu.", "Th.", "Chr."
        return not dotted and part.isalpha() and part.isupper() and len(part) <= 3

    parts = [p for p in re.split(r"[\s\-]+|(?<=\.)", text.strip()) if p]
    return bool(parts) and all(initial(p) for p in parts)


def gold_families(people: str) -> list[str]:
    """Family names of a labelled list of people, by separators and name order alone.

    The shared scorer splits a gold list only at "and" and "&", which counts a
    correct "Card, S. K., Robertson, G. G., Mackinlay, J. D." as one person. This
    reading is deliberately simple and apart from the parser's: an organisation is
    one name; people are split at ";", "and"/"&", commas and a full stop before an
    inverted name; a part of initials alone belongs to the name before it; and the
    family name is what stands before such a part, the word before trailing initials
    ("Doyle JJ"), the word in capitals where the list writes family names so
    ("MCINNES, Iain B., Ho-Youn KIM"), or else the last word with the particles
    before it ("Peter Turchin", "Michel de Waha").
    """
    text = JUNK_RE.sub("", people.strip(WRAPPING)).strip(WRAPPING)
    et_al = bool(ETAL_TAIL_RE.search(text))
    text = ETAL_TAIL_RE.sub("", text).strip(WRAPPING)
    text = BRACKETED_INITIALS_RE.sub(lambda m: ", " + m.group(1).rstrip(". ") + ".", text)
    if ORG_RE.search(text) or " " not in text.strip():
        return [text] + (["others"] if et_al else [])
    chunks = [c for c in SEPARATOR_RE.split(text) if c]
    first = chunks[0].split(",")[0].split()
    capitals_style = bool(first) and all(_capitals(w) for w in first)
    families: list[str] = []
    for chunk in chunks:
        families += _chunk_families(chunk, capitals_style, len(chunks) == 1, bool(families))
    return families + (["others"] if et_al else [])


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _given_words(part: str) -> int:
    return len([w for w in part.split() if w.lower() not in PARTICLES])


def _chunk_families(chunk: str, capitals_style: bool, alone: bool, after: bool) -> list[str]:
    parts = [SUFFIX_RE.sub("", p.strip()) for p in re.split(r",(?!\s*(?:Jr|Sr)\b)", chunk)]
    parts = [p for p in parts if p and p not in ("Jr.", "Jr", "Sr.", "Sr")]
    families: list[str] = []
    i = 0
    while i < len(parts):
        words = parts[i].split()
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (families or after) and is_initials(parts[i]):
            i += 1  # "Enslin, M., S.": initials belong to the name before
            continue
        short_next = nxt is not None and _given_words(nxt) <= 3
        # "Tanner, Norman, …" first in a list, and after "and", "Trachte, Kent C."; a list of
        # one person, "Levine Packer, Renée"
        inverted = short_next and len(words) == 1 and (not families or len(parts) == 2)
        inverted = inverted or len(words) == 1 and _given_alone(nxt)  # "…, Urban, Michael"
        inverted = inverted or alone and len(parts) == 2 and _given_alone(nxt)
        capitals = [w for w in words if _capitals(w) and w.isalpha() and len(w) > 2]
        particles = len(words) > 1 and all(w.lower() in PARTICLES for w in words[:-1])
        initials_from = next(
            (k for k in range(1, len(words)) if is_initials(" ".join(words[k:]))), None
        )
        mixed = any(not _capitals(w) and w[:1].isupper() and len(w) > 2 for w in words)
        if capitals_style and mixed and any(_capitals(w) for w in words[1:]):
            families.append(_last_with_particles(words))  # "Ho-Youn KIM", "Desiree VAN DER HEIJDE"
            i += 1
        elif mixed and _capitals(words[0]) and not is_initials(words[0]):
            families.append(" ".join(w for w in words if _capitals(w)))  # "BUON Olivier"
            i += 1
        elif mixed and len(capitals) == 1 and not is_initials(capitals[0]):
            families.append(capitals[0])  # "Jing LIU": the family name in capitals
            i += 2 if nxt is not None and is_initials(nxt) else 1
        elif initials_from and not is_initials(" ".join(words[:initials_from])):
            families.append(" ".join(words[:initials_from]))  # "Doyle JJ", "Ben Romdhane H"
            i += 1
        elif short_next and particles:
            families.append(parts[i])  # "van der Veen, Marijke"
            i += 2
        elif nxt is not None and (is_initials(nxt) or inverted):
            families.append(parts[i])  # "Card, S. K." / "Tanner, Norman"
            i += 2
        else:
            families.append(_last_with_particles(words))  # "Peter Turchin", "Michel de Waha"
            i += 1
    return families


def _given_alone(part: str | None) -> bool:
    """A given name with at most an initial after it: "Renée", "Howard J"."""
    words = (part or "").split()
    return (
        len(words) == 1
        and not is_initials(words[0])
        or (len(words) == 2 and not is_initials(words[0]) and is_initials(words[1]))
    )


def _last_with_particles(words: list[str]) -> str:
    """The last word, with the particles before it ("R. von Hanxleden" -> "von Hanxleden")."""
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in PARTICLES:
        k -= 1
    return " ".join(words[k:])
