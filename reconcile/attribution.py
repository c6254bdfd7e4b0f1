"""Who the text says gave a figure.

Shapes read: "according to X", "X said ...", "..., X said.", "..., said X",
"X told Reuters", "X's tally", "figures from X", "citing X" (a relay), and a
back-reference ("the official said", "he said") resolved to the last speaker
the article named. The article's own voice gives no attribution.

>>> [a.text for _, a in find_attributions("Medics said one Palestinian was killed.")]
['Medics']
>>> [a.text for _, a in find_attributions("34,789 died, according to the Gaza Health Ministry.")]
['the Gaza Health Ministry']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import FULL_STOP, LEXICON, alternation, by_first_letter, holds_any, plain_case
from .records import Attribution

_VERBS = alternation(list(LEXICON.attribution_verbs))
_DATA_NOUNS = LEXICON.speakers_of("data")  # "figures from X", "a tally by X"
_POSSESSIVE_NOUNS = LEXICON.speakers_of("possessive")  # "X's tally"
_STOP = rf"[,;:\"“”()\[\]—–]|{FULL_STOP}|\s-\s|\s(?:on|in|at|as|after|before|which|who|that|when|while|and\sthat)\s"

_ACCORDING = regex.compile(
    rf"\baccording\s++to\s++(?P<src>.+?)(?=(?:{_STOP})|\Z)", regex.IGNORECASE | regex.DOTALL
)
_CITING = regex.compile(rf"\bciting\s++(?P<src>.+?)(?=(?:{_STOP})|\Z)", regex.IGNORECASE)
# (only right after the comma or quote: from within the blanks after it, \s*+ reaches the same verb, so
# a match there is one that already started at the comma; read from each blank, a long run was quadratic)
_INVERTED = regex.compile(
    rf"""(?:^|(?<=[,"”]))\s*+(?P<verb>{_VERBS})\s++
        (?P<src>(?:\p{{Lu}}|the\s|a\s|an\s)[^,.;:"“”()]*?)(?=[,.;:"“”()]|\Z)""",
    regex.VERBOSE,
)
_AUX_TAIL = regex.compile(
    r"""(?:\b(?:has|have|had|also|separately|initially|later|earlier|previously|now|still|would|
        recently|then|first|last\s+week|on\s+\w+day)\s+)+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
_TALLY = regex.compile(
    rf"""(?:\b(?:an?\s++)?{alternation(_DATA_NOUNS)}\s++
          (?:from|by|of|compiled\s++by|released\s++by)\s++(?P<src1>(?:the\s++)?[A-Z][\w.'’-]*+(?:\s++[A-Z][\w.'’-]*+){{0,5}}+))
      | (?P<src2>(?:the\s++)?[A-Za-z][\w.'-]*+(?:\s++[A-Z][\w.'-]*+){{0,5}}+)(?:'s|’s)\s++(?:official\s++)?
          {alternation(_POSSESSIVE_NOUNS)}\b""",
    regex.VERBOSE,
)
_OUTLET = regex.compile(
    rf"\btold\s++(?P<outlet>{alternation(LEXICON.speakers_of('outlet'))}|the\s++[A-Z]\w++)"
)
_CLAUSE_BREAK = regex.compile(r"[,;:\"“”()—–]|\s-\s|\b(?:and|but|while|as|that|whereas|because)\s", regex.IGNORECASE)
_LEAD_JUNK = regex.compile(r"^(?:and|but|while|as|so|then|also|meanwhile|however|earlier|later)\s++", regex.IGNORECASE)
_TRAILING_TIME = regex.compile(  # from the first blank of a run only (the leftmost match starts there): linear
    r"(?<!\s)\s++(?:yesterday|today|tonight|on\s++\w++day|last\s++(?:week|month|night)|this\s++week|earlier|later)\Z",
    regex.IGNORECASE,
)
_OBJECT_GAP = 12
"""Characters between a figure and the passive participle whose agent speaks for it ("225 people announced by")."""
_AGENT = regex.compile(  # the agent of a passive verb of saying: "announced by DoDMA on Monday"
    r"[ \t]++by[ \t]++(?P<src>[^,;:.()\"“”\d]{1,60}?)"
    r"(?=[ \t]++(?:on|in|at|last|this|yesterday|today|earlier|late|early|and|as|after|before)\b|[ \t]*+[,;:.()\"“”]|\Z)")
_TRAILING_AUX = regex.compile(  # an auxiliary and its adverb between a subject and its verb of saying
    r"(?<!\s)\s++(?:has|have|had)(?:\s++(?:further|also|now|since|already|again|just|\w++ly))?\Z", regex.IGNORECASE)
_NOT_NP_END = frozenset({"was", "were", "is", "are", "be", "been", "has", "have", "had", "also", "then",
                         "later", "would", "could", "will", "not", "did", "does", "do", "and", "or"})
_DETERMINER_BEFORE = regex.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|central|new|latest|earlier|initial|first|"
    r"conservative|own|best|lower|higher)\s+\Z",
    regex.IGNORECASE | regex.REVERSE)
_FIGURE_AHEAD = regex.compile(
    rf"\d|\b(?:{alternation([w for w in LEXICON.number_words if w not in ('hundred', 'thousand', 'million', 'billion', 'trillion')])}"
    rf"|{alternation(list(LEXICON.vague))})\b",
    regex.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")
_CLAUSE_REST = regex.compile(r"[^,;:()\"“”—–]*+")
_COLON = regex.compile(  # "IDF: about 170 drones", "- Chief Secretary Jena: toll has risen to 233"
    r"(?:^|(?<=^[ \t]*+[-–—•*][ \t]++))(?P<src>\p{Lu}[\w.'’&-]*+(?:[ \t]++[\w.'’&()-]++){0,7}?)[ \t]*+:[ \t]++(?=\S)")
_ACRONYM = regex.compile(r"\p{Lu}{2,5}")  # "IDF", "UN"
_NOT_COLON_SPEAKERS = frozenset({
    "breaking", "update", "updated", "live", "watch", "photo", "picture", "video", "read", "also", "note",
    "editor", "editors", "helplines", "helpline", "key", "published", "source", "sources", "caption", "file",
    "correction", "analysis", "opinion", "timeline", "explainer", "warning", "exclusive", "latest", "more"})
_CITED = regex.compile(
    rf"(?:(?:an?|the)\s++{alternation(_DATA_NOUNS)}\s++(?:by|from)\s++)?(?P<relay>.+?)\s++citing\s++(?P<src>.+)",
    regex.IGNORECASE)
_AGENCY_DOCUMENT = regex.compile(  # "A Reuters tally", "an AFP count", "the UN's estimate" is handled as a possessive
    rf"(?i:an?|the)\s++(?P<who>\p{{Lu}}[\w.&-]*+(?:\s++\p{{Lu}}[\w.&-]*+){{0,3}})\s++"
    rf"(?:{alternation([*_DATA_NOUNS, *_POSSESSIVE_NOUNS])})")
_PASSIVE_BEFORE = regex.compile(r"\b(?:was|were|been|be|is|are|being)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_LEAD_TIME = regex.compile(
    r"^(?:by|in|on|at|early|late|later)\s++(?:the\s++)?(?:early\s++|late\s++)?"
    r"(?:morning|afternoon|evening|night|weekend|\w++day)\b[\s,]*+",
    regex.IGNORECASE)
_NOT_SUBJECT = regex.compile(
    rf"^(?:who|which|that|where|when|whose|{alternation(LEXICON.function_words_of('preposition'))})\b",
    regex.IGNORECASE)
_SPEAKER_HEADS = frozenset(w.lower() for w in (*LEXICON.speakers_of("group"), *LEXICON.speakers_of("title")))
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "officials there"})
_LOWER_OK = regex.compile(
    rf"^(?:the|a|an|he|she|they|it|{alternation(LEXICON.speakers_of('group'))})\b"
)
_BACKREF = regex.compile(
    rf"^(?:the\s++)?(?:{alternation(LEXICON.speakers_of('title'))}|he|she)$",
    regex.IGNORECASE,
)


# a cheap test before the attribution patterns: any verb of saying, "according", "citing", a tally word
_GATE = re.compile(
    r"\b" + by_first_letter([*LEXICON.attribution_verbs, "according", "citing", *_DATA_NOUNS]) + r"\b"
)
SAYING = re.compile(r"\b" + by_first_letter(LEXICON.attribution_verbs, either_case=False) + r"\b")
"""A verb of saying in lower case (`data/attribution_verbs.txt`): the one pattern extraction and
`reconcile.incident` use to find where someone speaks without parsing the speaker."""
# the two halves of a cheap test before _TALLY, each read only when the sentence holds what its every
# match holds: an apostrophe ("X's tally"), or the first word of a data noun ("figures from X")
_TALLY_GATE_POSSESSIVE = re.compile(rf"(?:'s|’s)\s+(?:official\s+)?{by_first_letter(_POSSESSIVE_NOUNS)}\b", re.IGNORECASE)
_TALLY_GATE_DATA = re.compile(rf"\b{by_first_letter(_DATA_NOUNS)}\s+(?:from|by|of|compiled|released)\b", re.IGNORECASE)
_DATA_WORDS = tuple(sorted({n.split()[0].lower() for n in _DATA_NOUNS}))
_WINDOW = 300
_PUT_OBJECT = regex.compile(r"(?:the\s++)?(?:number|toll|figure|death|cost|damage|count)")
_LEADING_ARTICLE = regex.compile(r"^(?:the|a|an)\s++", regex.IGNORECASE)  # characters around a verb or a figure that are read; keeps every step bounded


@dataclass(frozen=True)
class Found:
    """An attribution in a sentence: where its verb or phrase stands and which side it covers."""

    start: int
    end: int
    covers: str  # "after": the figures after it ("X said 3 died"); "before": those before it;
    # "object": the figure right before it, in its own clause ("225 announced by DoDMA")


FINITE_SAYING = re.compile(r"\b(?:said|says|told|tells|added|adds|stated|announced|confirmed)\b")


def _clean(src: str, strict: bool = True) -> str | None:
    src = src.strip(" \t\n,'\"“”-–—•*")
    src = _LEAD_JUNK.sub("", src)
    src = _LEAD_TIME.sub("", src)  # "By evening the foreign ministry", "In the evening the mayor"
    if _NOT_SUBJECT.match(src):
        return None  # "who toured the area", "In one village near Kotli": not a speaker
    src = _TRAILING_TIME.sub("", src)  # "Puerto Rico's government yesterday (raised)"
    src = _TRAILING_AUX.sub("", src)  # "The Commission has further (recorded)": the subject, not its auxiliary
    words = src.split()
    if not src or len(words) > 14 or _DIGIT.search(src):
        return None
    low = src.lower()
    if low in {"we", "i", "you", "this", "that", "there", "which", "who"}:
        return None
    said = FINITE_SAYING.search(src) if strict else None
    if said is not None and said.end() < len(src):
        # "Monsalve said on Wednesday (that ... police cross-checked reports)": a clause with its verb;
        # (only a verb that is never a noun: "Initial reports", "A report by X citing Y" are speakers)
        return None
    if words[0].lower() in _PRONOUNS and len(words) > 1:
        return None  # "he toured the ruins": a clause, not a speaker
    last = words[-1].lower()
    if strict and (last in _NOT_NP_END or (last.endswith("ed") and words[-1].islower() and len(words) > 1)):
        return None  # "The government then denied", "Amina Ali Nkeki was"
    if not (src[0].isupper() or _LOWER_OK.match(src) or not strict or last in _SPEAKER_HEADS
            or (len(words) <= 8 and any(w[0].isupper() for w in words[1:]))):
        return None
    return src


_TO_BEFORE = regex.compile(r"\bto[ \t]++\Z", regex.IGNORECASE)


_CLAUSE_SUBJECT = regex.compile(  # a clause's subject before its finite verb: "Indonesian authorities have revised"
    r"\s*+((?:[\w'’.-]++\s++){0,4}?[\w'’.-]++)\s++(?:have|has|had|were|was|are|is|will|would)\b")


def _subject_before(sentence: str, verb_start: int, participle: bool = False) -> str | None:
    """The noun phrase that ends right before a verb: tried clause by clause, right to left.

    A participle ("..., saying ...") has no subject of its own: it takes the subject of the
    clause it hangs on ("Indonesian authorities have revised the toll to 125, saying ..."), read
    from the start of each clause before it, not a dateline ("JAKARTA, Oct 3 -")."""
    seg = sentence[max(0, verb_start - _WINDOW):verb_start]  # bounded: linear on hostile text
    seg = seg.rstrip()
    pieces: list[str] = []
    last = len(seg)
    for m in reversed(list(_CLAUSE_BREAK.finditer(seg))):
        piece = seg[m.end(): last]
        last = m.start()
        if piece.strip():
            pieces.append(piece)
        if len(pieces) >= 4:
            break
    else:
        pieces.append(seg[:last])
    for piece in pieces:
        if participle:
            lead = _CLAUSE_SUBJECT.match(piece)
            src = _clean(lead.group(1)) if lead is not None else None
            if src is not None:
                return src
        src = _clean(piece)
        if src is not None:
            return src
        if piece.strip(" ,"):
            # an appositive ("Dhakal, a spokesman for the Home Ministry,") may stand between
            continue
    return None


def find_attributions(sentence: str) -> list[tuple[Found, Attribution]]:
    """Every attribution in one sentence, with the side of the sentence it covers."""
    out: list[tuple[Found, Attribution]] = []
    if _GATE.search(sentence) is None and ":" not in sentence:
        return out  # no verb of saying, no "according to", no tally: most sentences stop here
    lower = sentence.lower()
    outlet_m = _OUTLET.search(sentence) if "told" in lower else None
    relay = outlet_m.group("outlet") if outlet_m else None
    verbs = [(v.start(), v.end()) for v in SAYING.finditer(sentence)]
    for m in (_ACCORDING.finditer(sentence) if "according" in lower else ()):
        src = _clean(m.group("src"), strict=False)
        if src:
            out.append((Found(m.start(), m.end(), "before"), _make(src, relay)))
    for m in (_TALLY.finditer(sentence) if _tally_gate(sentence, lower) else ()):
        src = m.group("src1") or m.group("src2")
        src = _clean(src) if src else None
        if src:
            out.append((Found(m.start(), m.end(), "after"), _make(src, relay)))
    taken: set[int] = set()
    inverted = any(v0 > 0 and sentence[max(0, v0 - 3):v0].strip(" \t")[-1:] in (",", '"', "”") for v0, _ in verbs)
    for m in (_INVERTED.finditer(sentence) if inverted else ()):
        src = _clean(m.group("src"))
        if src and m.start() > 0:
            out.append((Found(m.start("verb"), m.end(), "before"), _make(src, relay)))
            taken.add(m.start("verb"))
    for v_start, v_end in verbs:
        if v_start in taken:
            continue
        aux = _AUX_TAIL.search(sentence, max(0, v_start - 40), v_start)  # "has also said"
        start = aux.start() if aux is not None else v_start
        if _DETERMINER_BEFORE.search(sentence, max(0, start - 16), start):
            continue  # "an estimated 4,645", "the central estimate": not a verb of saying
        if _PASSIVE_BEFORE.search(sentence, max(0, start - 16), start):
            continue  # "others were found later": a passive, nobody speaks
        if _TO_BEFORE.search(sentence, max(0, start - 8), start):
            continue  # "as relatives call in to report loved ones safe": an infinitive, nobody has spoken
        verb = sentence[v_start:v_end].lower()
        agent = _AGENT.match(sentence, v_end, v_end + _WINDOW)
        if agent is not None:
            # "up from 225 announced by DoDMA", "The toll, reported by the ministry, stood at 40": a
            # passive participle names its speaker after "by"; the noun before it is what was said
            got = _clean(agent.group("src"))
            if got:
                out.append((Found(v_start, agent.end(), "object"), _make(got, relay)))
            continue
        src = _subject_before(sentence, start, participle=verb == "saying")
        if src is None:
            continue
        rest = sentence[v_end: v_end + _WINDOW].strip()
        if verb in ("put", "puts") and not _PUT_OBJECT.match(rest):
            continue
        # "..., the Red Crescent said, while 10,100 remain missing": the attribution closes its clause
        closes = not rest or rest[0] in ".,;:"
        # "..., the ministry said on Sunday, the country's worst disaster in eight years": only the
        # verb's own clause is its complement
        clause = _CLAUSE_REST.match(rest)
        own = clause.group() if clause is not None else rest
        # a digit is a figure ahead: _FIGURE_AHEAD's first branch, read without it
        covers = "after" if not closes and (_ASCII_DIGIT.search(own) or _FIGURE_AHEAD.search(own)) else "before"
        out.append((Found(start, v_end, covers), _make(src, relay)))
    for m in (_COLON.finditer(sentence) if ":" in sentence else ()):
        src = m.group("src")
        words = src.split()
        if words[0].lower().strip("'’s") in _NOT_COLON_SPEAKERS or not (
                _ACRONYM.fullmatch(src) or any(w.lower() in _SPEAKER_HEADS for w in words)):
            continue  # "BREAKING:", "Itaewon disaster live:", "ISLAMABAD:": a label, not a speaker
        got = _clean(src)
        if got:
            out.append((Found(m.start("src"), m.end(), "after"), _make(got, relay)))
    for m in (_CITING.finditer(sentence) if "citing" in lower else ()):
        src = _clean(m.group("src"))
        if src and not out:
            out.append((Found(m.start(), m.end(), "before"), _make(src, relay)))
    out.sort(key=lambda x: x[0].start)
    return out


def _tally_gate(sentence: str, lower: str) -> bool:
    """Whether "X's tally" or "figures from X" may stand in ``sentence`` (``lower``: lower-cased)."""
    if ("'" in sentence or "’" in sentence) and _TALLY_GATE_POSSESSIVE.search(sentence):
        return True
    if not holds_any(lower, plain_case(sentence, lower), _DATA_WORDS):
        return False
    return _TALLY_GATE_DATA.search(sentence) is not None


@lru_cache(maxsize=4096)
def _make(src: str, relay: str | None) -> Attribution:
    """The attribution of a speaker phrase (cached: an article names its speakers again and again,
    "the ministry", "officials", and the news names the same ones; an attribution is immutable)."""
    # "A report by the BBC citing hospital officials": the officials speak, the BBC relays
    cited = _CITED.match(src)
    if cited is not None:
        src, relay = cited.group("src"), cited.group("relay")
    # "A Reuters tally", "an AFP count": the agency that counted
    counted = _AGENCY_DOCUMENT.fullmatch(src)
    if counted is not None:
        src = counted.group("who")
    return Attribution(text=src, issuer=normalise_issuer(src), relay=relay)


def backreference_noun(src: str) -> str | None:
    """The noun a back-reference names ("the agency" -> "agency"), None for a pronoun ("he", "it")."""
    words = src.strip().lower().split()
    if not words or words[-1] in _PRONOUNS:
        return None
    return words[-1]


_WORDS_OF = regex.compile(r"[\p{L}'’]++")


@lru_cache(maxsize=4096)
def speaker_kind(src: str) -> str | None:
    """Whether a speaker phrase names a person ("spokesman Daniel Hagari", "Marisol Prado"), a body
    ("the Qassam Brigades", "SML", "the civil defence") or cannot tell (None): "he" and "she"
    refer back to a person, "it" to a body (`data/person_words.tsv`). A title makes a person
    ("Maine State Police spokesperson Shannon Moss"); else a body's word, or an acronym, a body;
    else two capitalised words a person's name."""
    words = _WORDS_OF.findall(src)
    kinds = {LEXICON.person_words.get(w.lower()) for w in words}
    if "person" in kinds:
        return "person"
    if "body" in kinds or any(len(w) > 1 and w.isupper() for w in words):
        return "body"
    if sum(1 for w in words if w[:1].isupper()) >= 2:
        return "person"
    return None


def refers_to(pronoun: str, a: Attribution) -> bool:
    """Whether a pronoun can refer back to the speaker ``a``: "he"/"she" to a person, "it" to a
    body, anything else (a noun's back-reference is matched by its noun elsewhere) to anyone."""
    p = pronoun.strip().lower()
    if p in ("he", "she"):
        return speaker_kind(a.text) == "person"
    if p == "it":
        return speaker_kind(a.text) != "person"
    return True


def normalise_issuer(src: str) -> str:
    """A comparable issuer name: no leading article, no possessive, single spaces.

    >>> normalise_issuer("the Gaza Health Ministry")
    'Gaza Health Ministry'
    >>> normalise_issuer("Lebanon’s health ministry")
    "Lebanon's health ministry"
    """
    s = " ".join(src.replace("’", "'").split())
    s = _LEADING_ARTICLE.sub("", s)
    return s or src


@lru_cache(maxsize=4096)
def is_pronoun(src: str) -> bool:
    """True for "he", "it": a back-reference that names no one, not even by a noun ("the agency")."""
    return src.strip().lower() in _PRONOUNS


def is_backreference(src: str) -> bool:
    """True for "the official", "he": a speaker named earlier in the article.

    Cached: read for every claim with a source, on speaker phrases that an article repeats ("the
    ministry", "officials", "he") and that recur across the news ("the health ministry")."""
    return bool(_BACKREF.match(src.strip())) or src.strip().lower() in _PRONOUNS


def choose(found: list[tuple[Found, Attribution]], fig_start: int, fig_end: int,
           starts: list[int] | None = None) -> Attribution | None:
    """The attribution that covers a figure: the nearest "X said" before it, else the nearest after.

    Only attributions within a window of the figure are read, so a sentence with
    thousands of figures and attributions stays linear.
    """
    if starts is None:  # callers with many figures pass the starts once
        starts = [f.start for f, _ in found]
    lo = bisect_left(starts, fig_start - 4 * _WINDOW)
    hi = bisect_right(starts, fig_end + 4 * _WINDOW)
    found = found[lo:hi]
    before = [(f, a) for f, a in found if f.covers == "after" and f.end <= fig_start]
    after = [(f, a) for f, a in found if f.start >= fig_end and (
        f.covers == "before" or (f.covers == "object" and f.start - fig_end <= _OBJECT_GAP))]
    b = max(before, key=lambda x: x[0].end) if before else None
    a = min(after, key=lambda x: x[0].start) if after else None
    if b is not None and a is not None:
        return b[1] if fig_start - b[0].end <= a[0].start - fig_end else a[1]
    if b is not None:
        return b[1]
    if a is not None:
        return a[1]
    rest = [(f, a) for f, a in found if f.end <= fig_start]
    if rest:
        return max(rest, key=lambda x: x[0].end)[1]
    return None
