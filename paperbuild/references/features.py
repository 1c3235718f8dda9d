"""What the sequence labeller knows about each token of a reference string.

Three kinds of feature, as AnyStyle and GROBID use them: the token's own form
(word, affixes, shape, punctuation, cue words), where it stands (relative
position, how many sentences, quotes and brackets came before it), and the same
facts of its neighbours. Words are folded to lower case without accents, so a
script or spelling the training data lacks still shares shape and cue features.
"""

from __future__ import annotations

import re
import unicodedata

from .names import ABBREVIATIONS
from .tokens import Token

YEAR_RE = re.compile(r"(?:1[5-9]\d\d|20\d\d)")
#: Cue words by the part of a reference they announce; folded, without punctuation.
CUES = {
    "role": "ed eds edited editor editors hrsg herausgegeben dir comp comps red otv pod trans "
    "translated translator tr transl perevod per sost coord",
    "in": "in dans im",
    "page": "p pp pages page s ss c str pg",
    "volume": "vol vols volume no nos nr number issue iss t tom vyp bd heft suppl supplement part",
    "publisher": "press presses publishing publisher publishers publications books verlag "
    "editions editora editorial edizioni university universidad universitat universite up "
    "izd izdvo izdatelstvo nauka inc ltd house",
    "access": "accessed retrieved available consulted viewed online web internet url",
    "thesis": "thesis dissertation diss phd",
    "reprint": "repr reprint reprinted orig originally first",
    "edition": "edition edn ed",
    "month": "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter",
    "particle": "van von de da das dos der den del della di du la le ten ter bin al el",
    "and": "and und et y i",
    "etal": "et al others",
}
CUE_OF = {}
for _cue, _words in CUES.items():
    for _word in _words.split():
        CUE_OF.setdefault(_word, []).append(_cue)

OPENING = "“„«‘\"'"


def fold(word: str) -> str:
    """Lower case, accents removed, Cyrillic kept: the form words are compared in."""
    word = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in word if not unicodedata.combining(c))


def core(text: str) -> str:
    """The token without the punctuation around it."""
    return re.sub(r"^[^\w]+|[^\w]+$", "", text)


def shape(text: str) -> str:
    """Aa, ‘AA’, 9999, (9999)., A.A.: classes of letters, digits and marks, repeats merged."""
    out = []
    for ch in text:
        if ch.isdigit():
            c = "9"
        elif ch.isalpha():
            c = "A" if ch.isupper() else "a"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return "cyr" if "CYRILLIC" in name else "lat" if "LATIN" in name else "other"
    return "none"


def _ends_sentence(token: str) -> bool:
    """A full stop that closes a part (not an initial's or an abbreviation's)."""
    if not re.search(r"[.?!][”\"’')\]]*$", token):
        return False
    word = core(token)
    if len(word) <= 1 and word.isalpha():
        return False
    if re.fullmatch(r"(?:\w\.)+\w?", token.rstrip(",;:")):
        return False
    return fold(word) not in ABBREVIATIONS


def own_features(text: str) -> dict[str, float | str]:
    """The features of one token taken alone."""
    word = core(text)
    folded = fold(word)
    f: dict[str, float | str] = {
        "w": folded or "<p>",
        "shape": shape(text),
        "script": script(word),
        "first": text[:1] if not text[:1].isalnum() else "",
        "last": text[-1:] if not text[-1:].isalnum() else "",
        "len": str(min(len(word), 8)),
    }
    if folded:
        f["p2"], f["p3"] = folded[:2], folded[:3]
        f["s2"], f["s3"] = folded[-2:], folded[-3:]
    if word[:1].isupper():
        f["cap"] = 1.0
    if len(word) > 1 and word.isupper():
        f["caps"] = 1.0
    if re.fullmatch(r"(?:[^\W\d_]\.-?)+[^\W\d_]?[.,;:]*", text):
        f["initials"] = 1.0
    if YEAR_RE.fullmatch(re.sub(r"[a-z]$", "", word)):
        f["year"] = 1.0
    elif YEAR_RE.search(text):
        f["has_year"] = 1.0
    if word.isdigit():
        f["digits"] = str(min(len(word), 5))
    elif any(c.isdigit() for c in word):
        f["some_digits"] = 1.0
    if re.search(r"\d\s*[-–—]+\s*\d", text):
        f["range"] = 1.0
    if re.fullmatch(r"[ivxlcdm]+", folded) and folded:
        f["roman"] = 1.0
    if re.match(r"(?:https?://|www\.|doi)", text, re.I) or "/" in text:
        f["link"] = 1.0
    for cue in CUE_OF.get(folded, ()):
        f["cue_" + cue] = 1.0
    return f


def _context(tokens: list[Token]) -> list[dict[str, float | str]]:
    """Where each token stands: position, sentences, quotes and brackets before it, and
    what is still to come (sentences, a range of pages, a publisher word, an "In")."""
    out = []
    ends = [_ends_sentence(t.text) for t in tokens]
    left, after = [0] * len(tokens), 0
    for i in range(len(tokens) - 1, -1, -1):  # sentence ends still to come, counted backwards
        left[i] = after
        after += ends[i]
    later: list[set[str]] = [set() for _ in tokens]
    seen: set[str] = set()
    for i in range(len(tokens) - 1, -1, -1):
        later[i] = set(seen)
        seen |= _landmarks(tokens[i].text)
    sentences = quotes = paren = 0
    seen_year = seen_in = seen_colon = False
    n = len(tokens)
    for i, tok in enumerate(tokens):
        t = tok.text
        f: dict[str, float | str] = {
            "pos": str(int(10 * i / n)),
            "sent": str(min(sentences, 4)),
            "quoted": str(min(quotes, 1)),
            "paren": str(min(paren, 1)),
        }
        if i == 0:
            f["BOS"] = 1.0
        if i == n - 1:
            f["EOS"] = 1.0
        if seen_year:
            f["after_year"] = 1.0
        if seen_in:
            f["after_in"] = 1.0
        if seen_colon:
            f["after_colon"] = 1.0
        f["left"] = str(min(left[i], 4))
        for mark in sorted(later[i]):  # in a fixed order, so the model is the same every run
            f["later_" + mark] = 1.0
        if t[:1] in OPENING:
            f["opens_quote"] = 1.0
        if re.search(r"[”»\"'’][.,:;]*$", t):
            f["closes_quote"] = 1.0
        out.append(f)
        if t[:1] in "“„«" or (t[:1] in "\"'‘" and quotes == 0):
            quotes += 1
        if re.search(r"[”»]|[\"'’][.,:;]*$", t) and quotes and not re.search(r"\w['’]\w", t):
            quotes = max(0, quotes - 1)
        paren += t.count("(") + t.count("[") - t.count(")") - t.count("]")
        paren = max(0, paren)
        if _ends_sentence(t) and not quotes:
            sentences += 1
        if YEAR_RE.search(t):
            seen_year = True
        if fold(core(t)) in ("in", "dans", "im", "v") and (
            i == 0
            or _ends_sentence(tokens[i - 1].text)
            or tokens[i - 1].text.endswith((",", "”", '"'))
        ):
            seen_in = True
        if t.endswith(":"):
            seen_colon = True
    return out


def _landmarks(text: str) -> set[str]:
    """Parts a token announces, for the tokens before it to know what follows."""
    word = fold(core(text))
    marks = {cue for cue in CUE_OF.get(word, ()) if cue in ("in", "publisher", "page", "volume")}
    if re.search(r"\d\s*[-–—]+\s*\d", text):
        marks.add("range")
    if YEAR_RE.search(text):
        marks.add("year")
    if text.endswith(":"):
        marks.add("colon")
    return marks


NEIGHBOUR_KEYS = ("w", "shape", "last", "cap", "initials", "year")


def sequence_features(tokens: list[Token]) -> list[dict[str, float | str]]:
    """Every token's own, positional and neighbouring features, for CRFsuite."""
    own = [own_features(t.text) for t in tokens]
    context = _context(tokens)
    out = []
    for i in range(len(tokens)):
        f = dict(own[i])
        f.update(context[i])
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                for key in NEIGHBOUR_KEYS:
                    if key in own[j]:
                        f[f"{offset}:{key}"] = own[j][key]
            else:
                f[f"{offset}:edge"] = 1.0
        f["-1:w|w"] = f"{own[i - 1]['w'] if i else '<s>'}|{own[i]['w']}"
        f["-1:last|shape"] = f"{own[i - 1]['last'] if i else '<s>'}|{own[i]['shape']}"
        out.append(f)
    return out
