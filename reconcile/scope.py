"""The scope of a claim: what its own words say it counts, beyond the metric.

A figure's scope is read from its claim (the sentence, the figure's span, who, place, dates),
in the words of its own clause: from the figure before it in the sentence to the figure after
it (or the clause's end), so that in "Wajima City has 69 dead, Suzu City 38" each figure keeps
its own place.

- **place**: the claim's place, or a place its clause puts a figure "in"/"at"; a place name
  that names the event ("the Noto quake", "Nepal's earthquake") is the event's, not a part;
- **parts**: who is counted when it is a part of all the people (children, women, soldiers,
  foreign nationals, a nationality), and states that make a part (seriously hurt, identified,
  handed over, in hospital, disaster-related), from ``reconcile/data/scope_words.tsv``;
- **kind**: for things (munitions, homes, trucks ...), the counted noun with the modifiers that
  make another kind ("cruise missiles" vs "ballistic missiles"), and for munitions their fate
  (launched, intercepted, hit);
- **period**: words of a running total ("so far", "since", "in the war"), words that date the
  count rather than the event ("the toll rose to 126 on Saturday"), and the year of another,
  earlier event the clause names ("the 2016 Kumamoto quakes, which killed 276").

>>> from reconcile import extract
>>> c = extract("Of the 1,175 injured, 13 were in critical condition in Cuttack.", id="a")[-1]
>>> r = read(c)
>>> (r.place, r.parts)
('Cuttack', ('serious',))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from .lexicon import ABBREVIATION, BORDER_AFTER, FULL_STOP, LEXICON, alternation, plain_case, without_possessive
from .records import Claim, Metric

__all__ = ["Reading", "clause_bounds", "located_names", "read", "scope_words", "segment_bounds"]


@cache
def scope_words() -> dict[tuple[str, str], str]:
    """(phrase, role) -> class, from ``reconcile/data/scope_words.tsv`` (read once)."""
    text = resources.files(__package__ or "reconcile").joinpath("data", "scope_words.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, role, value = (c.strip() for c in line.split("\t"))
            out[(word.lower(), role)] = value
    return out


def _words_of(*roles: str) -> list[str]:
    return sorted({w for (w, r) in scope_words() if r in roles})


def _by_letter(phrases: Iterable[str]) -> str:
    """:func:`reconcile.lexicon.alternation` of ``phrases`` (longest first, blanks as runs of blanks)
    with its branches grouped by their first letter, in the same order within a group, for a
    pattern that ignores case: the same matches (a branch can only match where its first letter
    is; the branches that can are tried in the same order), but `regex` tries one group's
    branches at a position rather than every branch (the event nouns: 18 µs -> 12 µs on an
    average sentence of the corpora). ``tests/test_fast_grouping.py`` checks the two agree."""
    groups: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        branch = r"\s++".join(regex.escape(w) for w in p.split())
        first = p[0].casefold() if p[0].isascii() else p  # a letter that folds apart has a group of its own
        groups.setdefault(first, []).append(branch)
    out = []
    for branches in groups.values():
        head = branches[0][0]
        if head == "\\" or not all(b.startswith(head) for b in branches):  # an escaped first character
            out.extend(branches)
        else:
            out.append(f"{head}(?:{'|'.join(b[1:] for b in branches)})")
    return "(?:" + "|".join(out) + ")"


def _gate(*phrases: str) -> tuple[str, ...]:
    """Words one of which every match of a pattern made of ``phrases`` holds: the longest word of
    each, lower-cased, without a word that holds another. A sentence whose lower-cased copy holds
    none of them has no match anywhere (:func:`reconcile.lexicon.holds_any`), and the pattern is
    not run on it; ``tests/test_fast_grouping.py`` checks each gate against its pattern."""
    longest = {max(p.lower().split(), key=len) for p in phrases}
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))


@cache
def _patterns() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\w-])(?i:{_by_letter(_words_of('population', 'state', 'fate', 'kind'))})(?![\w-])")


@lru_cache(maxsize=65536)
def _scope_words_in(text: str) -> tuple[str, ...]:
    """The scope words that :func:`_patterns` finds in a few words of a clause, lower-cased with
    single blanks. (Cached: the words after a figure, "people were killed", "were injured", and
    who a figure counts, "people", "children", come back across the news.)"""
    return tuple(" ".join(m.group().lower().split()) for m in _patterns().finditer(text))


@dataclass(frozen=True, slots=True)
class Reading:
    """What a claim's own clause says of its scope (see the module docstring)."""

    place: str | None = None
    """A place as written (without a possessive), None if the clause names none."""
    event_place: str | None = None
    """A place that names the event ("the Noto quake"): the story's own place, not a part."""
    parts: tuple[str, ...] = ()
    """Classes of population and state that make the figure a part, sorted."""
    nationality: str | None = None
    """A nationality counted ("five Iranians"), folded and singular."""
    kind: str | None = None
    """For things: the counted noun, singular, with its kind modifiers ("cruise missile")."""
    fate: str | None = None
    """For munitions: what befell them (intercepted, hit); None for launched."""
    running: bool = False
    """Words of a running total: "so far", "since", "in the war", "has killed"."""
    perfect: bool = False
    """A perfect tense of the count ("has killed", "have been abducted"): up to now, of an event or a war."""
    event: bool = False
    """The clause names an incident ("the blast", "the convoy attack"): its toll is that incident's."""
    events: tuple[str, ...] = ()
    """The event nouns of the figure's segment, singular and sorted ("attack", "strike")."""
    new_event: bool = False
    """The sentence names another incident of the story ("a second quake", "a powerful new earthquake")."""
    total_here: bool = False
    """Words of a running total in the figure's own clause: they outweigh a date ("killed since 7 October")."""
    campaign: bool = False
    """Words of a long campaign: "in the war", "since 7 October", "the offensive"."""
    toll: bool = False
    """The clause speaks of a toll or count ("the death toll in Gaza exceeded 10,000")."""
    tally: bool = False
    """The clause dates the count, not the event: "the toll rose to 126 on Saturday"."""
    named_year: int | None = None
    """The year of the event the figure's clause hangs on ("the 2016 Kumamoto quakes, which killed 276")."""
    partitive: bool = False
    """The figure is told as a part of a whole: "Of the dead, 323 were Egyptians", "60 of them",
    "60 Jordanians were among the dead"."""


# --- the clause around a figure ------------------------------------------------------------------

WINDOW = 300
"""Characters either side of a figure that its scope is read from, at most."""

_CLAUSE_END = regex.compile(  # punctuation and the conjunctions that open another clause
    rf"""[;:!?()\[\]—–]|{FULL_STOP}|,\s|\s-\s    # not the stops of "U.S.": an abbreviation, not a clause's end
      | \b(?:b(?:ut|ecause)|w(?:hile|hereas|hen)|t(?:hough)|a(?:fter|lthough|mid  # by first letter: one tried a place
             |s(?<!\b(?:described|listed|classified|counted|identified|registered|recorded|reported|confirmed
                     |considered|regarded|treated|admitted|designated)\s++as)))\b  # "36 were described as serious": a preposition""",
    regex.VERBOSE)
"""(The look behind "as" comes after it: tried only where "as" is, not at every character.)"""


def segment_bounds(c: Claim, others: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """Sentence offsets from the end of the previous figure of the sentence (``others``: figure
    spans in sentence offsets) to the start of the next one."""
    a = c.figure.start - c.sentence_start
    b = c.figure.end - c.sentence_start
    lo = max([e for _, e in others if e <= a], default=0)
    hi = min([st for st, _ in others if st >= b], default=len(c.sentence))
    return max(lo, a - WINDOW), min(hi, b + WINDOW)  # a run-on "sentence" is read near its figure only


def clause_bounds(c: Claim, others: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """Sentence offsets of the words that belong to the claim's figure: its segment
    (:func:`segment_bounds`) cut at the clause's punctuation either side."""
    return _clause_in(c.sentence, c.figure.start - c.sentence_start, c.figure.end - c.sentence_start,
                      *segment_bounds(c, others))


def _clause_in(s: str, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """:func:`clause_bounds` of the figure at ``a:b`` of ``s`` in its segment ``lo:hi``."""
    end = _CLAUSE_END.search(s, b, hi)  # the first only: the rest of a long window is not scanned
    if end is not None:
        hi = end.start()
    starts = [m.end() for m in _CLAUSE_END.finditer(s, lo, a)]
    if starts:
        lo = starts[-1]
    return lo, hi


# --- place ----------------------------------------------------------------------------------------

_EVENT_NOUNS = _by_letter([*LEXICON.events_of("disaster", "violence", "campaign")])  # in patterns that ignore case
_EVENT_AFTER = regex.compile(  # a name used as the event's name: "Noto quake", "Noto Peninsula Earthquake"
    rf"""(?:['’]s)?\s*+(?:\p{{Lu}}\p{{Ll}}++\s++){{0,2}}(?i:{_EVENT_NOUNS})s?\b
    | \s++(?:\p{{Ll}}++\s++)?(?:{alternation(LEXICON.places_of('venue'))})\b   # or its site's: "Moscow concert hall"
    """,
    regex.VERBOSE)
_LOCATIVE = regex.compile(
    rf"""\b(?i:{_by_letter(LEXICON.places_of('locative'))})\s++      # in, at, across ...
    (?:the\s++)?(?:(?i:city|town|village|province|prefecture|state|region)\s++of\s++)?
    (?:(?i:{_by_letter(LEXICON.places_of('modifier'))})\s++)?        # southern, besieged ...
    ((?>{ABBREVIATION}|\p{{Lu}}[\p{{L}}'’-]*+(?:\s++(?:del\s++|de\s++)?\p{{Lu}}[\p{{L}}'’-]*+){{0,2}}))  # "U.S." or words
    (?!{BORDER_AFTER})                                               # "near the U.S. border" is not in the U.S.
    (?:\s++and\s++(?:the\s++)?(\p{{Lu}}[\p{{L}}'’-]*+(?:\s++\p{{Lu}}[\p{{L}}'’-]*+)?))?  # and Syria
    """,
    regex.VERBOSE,
)
_POSSESSIVE = regex.compile(r"(\p{Lu}[\p{L}-]*+(?:\s++\p{Lu}[\p{L}-]*+)?)['’]s\b")
_SUBJECT = regex.compile(  # "Wajima City has 69 dead", "Suzu 38": a place right before the figure
    r"(\p{Lu}[\p{L}-]*+(?:\s++\p{Lu}[\p{L}-]*+)?)"
    r"(?:\s++alone)?(?:\s++(?:has|had|have))?"
    r"(?:\s++(?:recorded|reported|counted|confirmed|registered|lost|loses))?\s*+$"  # "Jajarkot alone loses 105"
)


_PLACE_LIST = regex.compile(  # "in A, B, C and D": three places or more
    r"\b(?:in|at|across)[ \t]++\p{Lu}[\p{L}'’-]*+(?:[ \t]++\p{Lu}[\p{L}'’-]*+)?+"
    r"(?:,[ \t]*+\p{Lu}[\p{L}'’-]*+(?:[ \t]++\p{Lu}[\p{L}'’-]*+)?+){1,10}+,?[ \t]++and[ \t]++\p{Lu}")


def _place_in(text: str) -> str | None:
    m = _LOCATIVE.search(text)
    if m is None:
        return None
    if m.group(2):
        return f"{without_possessive(m.group(1))}+{without_possessive(m.group(2))}"
    return without_possessive(m.group(1))


def located_names(sentences: Iterable[str]) -> set[str]:
    """Every name that some sentence puts something "in", "at", "near" ...: a place, even one no
    gazetteer has ("at AIIMS Bhubaneswar", "near Bahanaga Bazar")."""
    out: set[str] = set()
    for s in sentences:
        for m in _LOCATIVE.finditer(s):
            for group in (1, 2):
                if not m.group(group):
                    continue
                name = _OWNER_S.split(without_possessive(m.group(group)))[-1]
                words = name.split()
                if words[0] not in _NOT_PLACES and not _DEMONYM.match(name):
                    out.update((name, words[0]))  # "AIIMS Bhubaneswar" is also read as "AIIMS"
    return out


_OWNER_S = regex.compile(r"['’]s\s++")  # "Seoul's Itaewon": the inner place follows
_NOT_PLACES = frozenset({*LEXICON.not_names, *(w.capitalize() for w in LEXICON.months),
                         *(w.capitalize() for w in LEXICON.weekdays)})


def _is_event_name(sentence: str, name: str) -> bool:
    """Whether ``name`` stands right before an event noun somewhere in the sentence (a plain find for
    each whole-word occurrence: no pattern built per call on this per-claim path)."""
    if not name:
        return False
    i = sentence.find(name)
    while i >= 0:
        end = i + len(name)
        whole = (i == 0 or not _WORD_CHAR.match(sentence, i - 1)) and not _WORD_CHAR.match(sentence, end)
        if whole and _EVENT_AFTER.match(sentence, end):
            return True
        i = sentence.find(name, i + 1)
    return False


_WORD_CHAR = regex.compile(r"\w")


# --- period ---------------------------------------------------------------------------------------

_RUNNING = regex.compile(
    rf"""\b(?:{_by_letter([*LEXICON.events_of('campaign'), *LEXICON.total_cues])})\b
    | \bsince\b(?!\s++(?:{alternation(list(LEXICON.weekdays))}|yesterday|dawn|morning|last\s++night|then)\b)
    | \bin\s++all\b | \baltogether\b | \bcumulative\b | \boverall\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
_PERFECT = regex.compile(  # "has killed", "have now been abducted": a count up to now, of an event or a war
    r"\b(?:has|have)\s++(?:now\s++)?(?:been\s++)?(?:killed|died|wounded|injured|displaced|abducted|detained)\b",
    regex.IGNORECASE,
)
_CAMPAIGN = regex.compile(
    rf"""\b(?:{_by_letter(LEXICON.events_of('campaign'))})s?\b
    | \bsince\s++(?:the\s++)?(?:\d|(?:{alternation(list(LEXICON.months))})\b|(?:war|start|beginning|outbreak)\b)""",
    regex.VERBOSE | regex.IGNORECASE,
)
_EVENT_NOUN = regex.compile(rf"\b(?:{_by_letter(LEXICON.events_of('disaster', 'violence'))})s?\b", regex.IGNORECASE)
_NEW_EVENT = regex.compile(
    rf"\b(?:second|third|new|another|fresh|separate)\s++(?:[a-z]++\s++)?(?:{_EVENT_NOUNS})s?\b", regex.IGNORECASE)
_TOLL = regex.compile(r"\b(?:death\s++)?tolls?\b|\bnumber\s++of\s++(?:dead|deaths|victims|people\s++killed)\b",
                      regex.IGNORECASE)
_TALLY_WORDS = ("toll", "tolls", "tally", "number", "count", "figure",
                "rose", "risen", "rises", "climbed", "climbs", "reached", "reaches", "jumped", "passed", "passes",
                "stood", "stands", "revised", "lowered", "raised", "cut", "put", "gone up", "went up",
                "announced", "confirmed", "updated", "as of")
_TALLY = regex.compile(  # the date in such a clause is the count's, not the event's (searched for presence only)
    rf"""\b{_by_letter(_TALLY_WORDS)}\b | \bfrom\s++\S++\s++on\b | \b(?:up|down)\s++from\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
_RELATIVE = regex.compile(  # "..., which killed", "..., in which 330 died": a clause hung on the event before
    r",\s++(?:(?:in|during|at|on|after)\s++)?(?:which|when|where)\b|\b(?:when|where)\b")
# Words one of which every match of a pattern holds (see _gate): a sentence without any is not
# searched with it. Most sentences name no war, no toll, no "since": a claim's scope then reads
# in half the time. tests/test_fast_grouping.py checks each gate against its pattern.
_RUNNING_GATE = _gate(*LEXICON.events_of("campaign"), *LEXICON.total_cues, "since", "in all", "altogether",
                      "cumulative", "overall")
_CAMPAIGN_GATE = _gate(*LEXICON.events_of("campaign"), "since")
_EVENT_GATE = _gate(*LEXICON.events_of("disaster", "violence"))
_NEW_EVENT_GATE = _gate("second", "third", "new", "another", "fresh", "separate")
_PERFECT_GATE = _gate("has", "have")
_TOLL_GATE = _gate("toll", "number")
_SINCE_GATE = _gate("since")
_INCLUDING_GATE = _gate("including", "among", "whom", "them")
_CLAUSE_PUNCT = regex.compile(rf"[;:!?()]|,\s|{FULL_STOP}\s")  # not the comma of "9,700", nor the stop of "U.S."
_SINCE_START = regex.compile(
    rf"\bsince\s++(?:the\s++)?(?:(?:{_EVENT_NOUNS}|fighting|hostilities|start|beginning|outbreak)s?\b"
    rf"|(?:{alternation(list(LEXICON.months))})\b|\d{{1,2}}\s++(?:{alternation(list(LEXICON.months))})\b)",
    regex.IGNORECASE)
_SINCE = regex.compile(r"\bsince\s++(?:the\s++)?(?:start\s++of\s++)?$", regex.IGNORECASE)
_SINCE_DISASTER = regex.compile(
    rf"\bsince\s++(?:the\s++)?(?:(?:start|beginning|onset)\s++of\s++(?:the\s++)?)?"
    rf"(?:{_by_letter(LEXICON.events_of('disaster'))})s?\b", regex.IGNORECASE)
_YEAR = regex.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,])")


# --- kinds and nationalities ---------------------------------------------------------------------

_NOUN = regex.compile(r"[\p{L}-]++")
_LOCATIVE_WORDS = frozenset({*LEXICON.places_of("locative"), "from", "to", "of"})
_DEMONYM = regex.compile(r"^\p{Lu}\p{Ll}{2,20}?(?:ians?|ans?|ese|is|i|inos?|inas?|ish|ch)$")
_MORE_AFTER = regex.compile(r"\s*+more\b(?!\s++than\b)", regex.IGNORECASE)
_AND = regex.compile(r"\s++and\s++", regex.IGNORECASE)
_LEAVING = regex.compile(  # "leaving 223 in captivity", "all but eight of the girls had been freed"
    r"\b(?:leaving|leaves|left|all\s++but)\s++(?:(?:only|just|some|about|around)\s++)?$", regex.IGNORECASE)
_THAN = regex.compile(r"\bthan\b", regex.IGNORECASE)  # "1,427 more deaths than normal": an excess, not an increase
_ADDED = regex.compile(r"(?:\s++[\p{L}-]++){0,2}\s++(?:were|was|have\s++been|had\s++been)\s++added\b",
                       regex.IGNORECASE)
_INCLUDING = regex.compile(r"\b(?:including|among\s++them|among\s++whom|of\s++whom|of\s++them)\b",
                           regex.IGNORECASE)
_RISE_BY = regex.compile(r"\b(?:rose|risen|rises|increased|grew|climbed|jumped|up)[ \t]++by[ \t]++\Z", regex.IGNORECASE)
_SUBSET = regex.compile(  # "200 of them", "five of the six crew"
    r"\s*+(?:of\s++(?:them|whom|those|these)\b|among\s++them\b|of\s++the\s*+$)", regex.IGNORECASE)
_FACILITY = regex.compile(  # a hospital or morgue that received the figure: its share, not the toll
    r"""((?:\p{Lu}[\p{L}'’-]*+\s++){0,3})                   # its name, if any ("Al-Awda")
    (?i:hospital|morgue|clinic|mortuary)s?\b                 # the facility ...
    [^.;:!?]{0,80}?                                           # ... then, in the same clause run,
    \b(?i:received|receiving|took\s++in|taken\s++in|admitted|admitting)\s++  # a verb of receiving
    (?i:(?:about|around|some|at\s++least|more\s++than|nearly|over)\s++)?$   # right before the figure
    """, regex.VERBOSE)
_FACILITY_WORD = regex.compile(r"(?i:hospital|morgue|clinic|mortuary)")
"""The word every :data:`_FACILITY` match holds: a window without it is not searched (_FACILITY
tries its run of names at every position: 32 µs on an average dev2 sentence, this 4.5 µs)."""
_AMONG = regex.compile(  # "60 Jordanians were also among the dead": a part of the dead
    r"\b(?:among|of)\s++(?:the|those)\s++(?:dead|victims|killed|injured|wounded|casualties)\b", regex.IGNORECASE)
_FRONTED = regex.compile(  # a fronted partitive scopes its sentence: "Of the wounded, 36 were serious and 96 minor",
    # "Among the identified dead, 41 were aged 70 or older"
    r"""[\s"“']*+(?:(?:but|and)\s++)?(?:of|among)\s++(?:the|those)\s++[^,;:.!?\d]{1,40}+,""", regex.IGNORECASE)
_PERSONS_AFTER = regex.compile(  # the figure counts people or bodies: "nine of the victims", "40 bodies"
    r"\s++(?:of\s++(?:the|them|those)\b|(?:more\s++)?(?:bodies|victims|dead|people|remains|survivors|children)\b)",
    regex.IGNORECASE)
_PARTITIVE_COPULA = regex.compile(  # "of the dead were", "of them are", "of those killed were"
    r"\s*+of\s++(?:the\s++|them\s++|those\s++)?(?:[\p{L}-]++\s++){0,2}?(?:were|was|are|is)\s++", regex.IGNORECASE)
_WHOLE_OF = regex.compile(  # "57 of the 131 victims had been identified": 131 is the whole, the state is 57's
    r"\s*+of\s++(?:all\s++)?the\s++$", regex.IGNORECASE)
_PEOPLE = frozenset({"people", "persons", "person", "residents", "inhabitants", "civilians", "individuals"})
_THING_STOP = frozenset({"of", "more", "other", "them", "whom", "which", "who", "were",
                         "was", "are", "is", "had", "have", "has", "been", "the", "a", "an", "and", "or",
                         "in", "on", "at", "to", "for", "by", "from", "with"})


def _singular(noun: str) -> str:
    n = noun.lower()
    if n.endswith("ies") and len(n) > 4:
        return n[:-3] + "y"
    if n.endswith(("shes", "ches", "sses", "xes")):
        return n[:-2]
    return n[:-1] if n.endswith("s") and not n.endswith("ss") else n


_NUMBER_OF = regex.compile(  # the words may hold an abbreviation: "the number of U.S. service members wounded"
    rf"\b(?:number|tally|count|toll)\s++of\s++((?:(?:{ABBREVIATION}|[\p{{L}}-]++)\s++){{0,3}})", regex.IGNORECASE)
_NUMBER_OF_GATE = _gate("number", "tally", "count", "toll")
_FACILITY_GATE = _gate("hospital", "morgue", "clinic", "mortuary")
_LEAVING_GATE = _gate("leaving", "leaves", "left", "but")
_MORE_GATE = _gate("more")
_ADDED_GATE = _gate("added")
_RISE_BY_GATE = _gate("by")
_THAN_GATE = _gate("than")
_TALLY_GATE = _gate(*_TALLY_WORDS, "from")
_YEAR_DIGITS = ("18", "19", "20")
"""Every :data:`_YEAR` match opens with one of these."""


class _Cues(NamedTuple):
    """Which of the gated patterns can match in a sentence: its gates, read once for the claims that share it."""

    running: bool
    campaign: bool
    since: bool
    including: bool
    event: bool
    new_event: bool
    perfect: bool
    toll: bool
    number_of: bool
    facility: bool
    leaving: bool
    more: bool
    added: bool
    rise_by: bool
    than: bool
    tally: bool
    place_list: bool
    year: bool


_GATES = (_RUNNING_GATE, _CAMPAIGN_GATE, _SINCE_GATE, _INCLUDING_GATE, _EVENT_GATE, _NEW_EVENT_GATE,
          _PERFECT_GATE, _TOLL_GATE, _NUMBER_OF_GATE, _FACILITY_GATE, _LEAVING_GATE, _MORE_GATE, _ADDED_GATE,
          _RISE_BY_GATE, _THAN_GATE, _TALLY_GATE)
"""The gates of :class:`_Cues`, in its order: bit i of a mask is ``_GATES[i]``."""
_EVERY_GATE = (1 << len(_GATES)) - 1
_CACHED_WORD = 40
"""Words up to this long are cached by :func:`_word_gates` (a run of 40 characters is no word of news)."""
_TWO_LETTERS = regex.compile(r"[a-z]{2}")
"""What a word holds if it holds a gate word (of two ASCII letters or more): numbers hold none."""


def _gates_of(word: str) -> int:
    """The mask of the gates one of whose words ``word`` holds (a substring, as
    :func:`reconcile.lexicon.holds_any` tests)."""
    if _TWO_LETTERS.search(word) is None:
        return 0
    return sum(1 << i for i, gate in enumerate(_GATES) if any(map(word.__contains__, gate)))


_word_gates = lru_cache(maxsize=65536)(_gates_of)
"""(cached) A word of news is tested once against the hundred gate words, not once per sentence:
"killed", "the", "toll", "said" come back in sentence after sentence."""


@lru_cache(maxsize=256)
def _cues(s: str) -> _Cues:
    """The :class:`_Cues` of a sentence; claims of one sentence are read one after another, so a
    sentence of several figures is gated once (the corpora: 1.46 claims a sentence).

    A gate word holds no blank, so it lies within one blank-separated word of the lower-cased
    sentence: the sentence holds it iff one of its words does, and each word's gates are
    :func:`_word_gates` (the same tests as :func:`reconcile.lexicon.holds_any` on the sentence, a
    word at a time)."""
    low = s.lower()
    mask = 0
    if not plain_case(s, low):
        mask = _EVERY_GATE  # as holds_any: every pattern may match
    else:
        for w in low.split():
            mask |= _word_gates(w) if len(w) <= _CACHED_WORD else _gates_of(w)
    # _PLACE_LIST is case-sensitive
    return _cues_of(mask, "and" in s and "," in s, any(map(s.__contains__, _YEAR_DIGITS)))


@lru_cache(maxsize=1024)
def _cues_of(mask: int, place_list: bool, year: bool) -> _Cues:
    """(cached) The cues of a mask of gates: sentences share a few dozen masks."""
    return _Cues._make([*(mask >> i & 1 == 1 for i in range(len(_GATES))), place_list, year])


def _compared(s: str, b: int) -> bool:
    """ "More ... than" is a comparison, an excess, to the end of its clause, across figures in it:
    "1,052 more people died in the 42 days after the storm than in the same period of 2016"."""
    stop = _CLAUSE_PUNCT.search(s, b)
    return _THAN.search(s, b, stop.start() if stop is not None else len(s)) is not None


def _counted_before(before: str) -> str:
    """The counted noun named before the figure: "put the number of foreigners killed at 26"."""
    found = [m.group(1) for m in _NUMBER_OF.finditer(before)]
    return found[-1] if found else ""


def _running_before(s: str, a: int) -> bool:
    """A total cue earlier in the sentence that coordination carries to the figure ("So far 104 people
    have been rescued and 78 bodies retrieved"): no clause punctuation between them (``s`` holds a
    word of :data:`_RUNNING_GATE`)."""
    last = None
    for m in _RUNNING.finditer(s, max(0, a - WINDOW), a):
        last = m
    return last is not None and not _CLAUSE_PUNCT.search(s, last.end(), a)


def read(c: Claim, others: Sequence[tuple[int, int]] = ()) -> Reading:
    """The scope that the claim's clause states (``others``: the sentence's other figure spans)."""
    s = c.sentence
    a = c.figure.start - c.sentence_start
    b = c.figure.end - c.sentence_start
    seg_lo, seg_hi = segment_bounds(c, others)
    lo, hi = _clause_in(s, a, b, seg_lo, seg_hi)
    before, after = s[lo:a], s[b:hi]
    cues = _cues(s)  # the patterns that can match in the sentence: the others are not run
    # a state word is the figure's up to a coordinated predicate: "killed 218 and damaged some 77,000"
    near_after = " ".join(_AND.split(after, maxsplit=1)[0].split(None, 7)[:7])  # (the first words only are split)
    noun_after = " ".join(after.split(None, 2)[:2])
    roles = scope_words()
    parts: set[str] = set()
    kinds: list[str] = []
    fate: str | None = None
    who = c.who or ""
    # the whole of a partitive ("57 of the 131 victims had now been identified"): a state word
    # after it predicates the part named before it, not the whole
    whole_of = lo > 0 and _WHOLE_OF.fullmatch(before) is not None
    # and that predicate is the part's: "57 of the 131 victims had now been identified" (57 identified)
    tail = ""
    if _WHOLE_OF.fullmatch(after):  # "57 | of the | 131 victims"
        nxt = min((e for st, e in others if st >= b), default=None)
        if nxt is not None:
            stop = _CLAUSE_PUNCT.search(s, nxt, min(len(s), nxt + 80))
            tail = " ".join(_AND.split(s[nxt:stop.start() if stop else nxt + 80], maxsplit=1)[0].split()[:10])
    # "Five of the dead were children": a partitive's predicate says who the part is
    copula = _PARTITIVE_COPULA.match(after) if after.lstrip().startswith("of ") else None
    predicate = " ".join(after[copula.end():].split(None, 3)[:3]) if copula is not None else ""
    # "has now identified nine of the victims": a verb of state right before the figure, whose object is
    # people or bodies (not "identified 499 deaths": a count of events found)
    last = before.split()[-2:] if before and before[-1:].isspace() else []
    verb_before = " ".join(last if last[-1:] == ["over"] else last[-1:]) if last and _PERSONS_AFTER.match(s, b) else ""
    for text, allowed in ((near_after, ("state", "fate", "kind")),
                          (verb_before, ("state",)),
                          (tail, ("state",)),
                          (noun_after, ("population",)),
                          (predicate, ("population",)),
                          (who, ("population", "state", "fate", "kind")),
                          (_counted_before(before) if cues.number_of else "", ("population",))):
        for w in _scope_words_in(text) if text else ():
            for role in allowed:
                v = roles.get((w, role))
                if v is None:
                    continue
                if role == "fate":
                    if c.metric is Metric.MUNITIONS:
                        fate = v
                elif role == "kind":
                    kinds.append(v)
                elif role == "state" and (((w, "fate") in roles and c.metric is Metric.MUNITIONS) or whole_of):
                    continue
                else:
                    parts.add(v)
    facility = _FACILITY.search(s, max(0, a - WINDOW), a) if cues.facility and \
        _FACILITY_WORD.search(s, max(0, a - WINDOW), a) else None
    if facility is not None:  # "Al-Awda Hospital received three dead": one hospital's share of the toll
        parts.add(f"at {' '.join(facility.group(1).split()) or 'one'} facility")
    if cues.leaving and _LEAVING.search(s, max(0, a - 40), a):  # "all but" ends a clause
        parts.add("remaining")  # "53 escaped, leaving 223 in captivity": what is left
    # "four more bodies" is an increment, "1,052 more people died ... than in 2016" an excess (_compared)
    if (cues.more and _MORE_AFTER.match(after) and not (cues.than and _compared(s, b))) or (
            cues.added and _ADDED.match(after)):
        parts.add("increment")  # "four more bodies", "10 victims were added": a day's increase
    if cues.rise_by and _RISE_BY.search(s, max(0, a - 30), a):
        parts.add("increment")  # "The toll rose by 193 in the past 24 hours": the rise, not the toll
    nationality = None
    # "Five of them are Iranian citizens", "28 of the dead were Guatemalan citizens": a partitive's
    # predicate stands two words further on
    n_after = 6 if after.lstrip().startswith("of ") else 4
    words = [*after.split(None, n_after)[:n_after], *who.split()]
    for i, w in enumerate(words):
        w = w.strip(",.;:")
        if w[:1].isupper() and _DEMONYM.match(w) and w not in _NOT_PLACES and not (i and words[i - 1].lower() in _LOCATIVE_WORDS):
            nationality = _singular(without_possessive(w))  # not "one in Hakui": after "in" a name is a place
            break
    kind = None
    if c.metric in (Metric.MUNITIONS, Metric.OTHER, Metric.MONEY, Metric.POPULATION):
        nouns = [w for w in _NOUN.findall(who or near_after) if w.lower() not in _THING_STOP
                 and w.lower() not in LEXICON.attribution_verbs]  # "the 120 announced on Sunday": no noun
        if nouns:
            noun = nouns[-1] if who else nouns[0]
            kind = " ".join([*sorted(set(kinds)), "person" if noun.lower() in _PEOPLE else _singular(noun)])
    listed = _PLACE_LIST.search(s, b, seg_hi) if cues.place_list else None
    listed = listed if listed is not None and listed.start() < hi else None  # the list opens in the clause
    # "at hospitals in Gopalpur, Khantapara, Balasore, Bhadrak and Soro": a count across several places
    # is no part of any one of them
    in_after = _place_in(after)
    place = None if listed else (
        in_after or (c.place if c.place and c.place in s else None) or _place_in(before))
    if place is None:
        subject = _SUBJECT.search(before)
        if subject is not None and subject.group(1).split()[0] in _NOT_PLACES:
            subject = None  # "Some 200 of them": a hedge, not a place
        owner = _POSSESSIVE.search(before) if subject is None else None
        # a possessive inside the claim's source names who speaks, not where the count is:
        # "Israel's military said 199 people were abducted into Gaza"
        speaker = c.source.text.replace("’", "'") if c.source is not None else ""
        if owner is not None and f"{owner.group(1)}'s" in speaker:
            owner = None
        found = subject or owner
        if found is not None:
            place = found.group(1)
        elif c.place and "+" not in c.place and c.place not in s:
            place = c.place  # the place that frames the claim's paragraph ("In Syria, ... 1,020 had died there")
    if place and ("'s " in place or "’s " in place):  # "Seoul's Itaewon": the inner place
        place = _OWNER_S.split(place)[-1]
    event_place = None
    near = s[max(0, a - WINDOW):b + WINDOW]
    if place and _is_event_name(near, place):
        event_place, place = place, None
    # a part of a whole that names no scope of its own: "subset" ("Five of them are Iranian" is the
    # Iranians, "12,000 of them in Viña del Mar" the place's count: the named scope says which part)
    fronted = _FRONTED.match(s)
    partitive = (fronted is not None and a >= fronted.end()) or _SUBSET.match(after) is not None \
        or _AMONG.search(after) is not None
    if not parts and fate is None and nationality is None and in_after is None:
        if (fronted is not None and a >= fronted.end()) or _SUBSET.match(after):
            parts.add("subset")  # "Of the dead, 103 were in their twenties", "200 of them were in the hands of"
    clause = s[lo:hi]
    segment = s[seg_lo:seg_hi]
    named_year = None
    for m in _YEAR.finditer(s, max(0, a - WINDOW), a) if cues.year else ():
        # "the 2016 Kumamoto quakes, which killed 276", "in 1995, when two trains collided ...
        # killing 358": a figure in a clause hung on a year's event is that event's ("since 2014"
        # starts a running total instead)
        if _RELATIVE.search(s, m.end(), a) is not None or (
                lo <= m.start() and not _SINCE.search(s, max(0, m.start() - 12), m.start())):
            named_year = int(m.group(1))
    # "30,035 people killed and 70,457 injured since Oct. 7": the start of a running total
    # holds for every figure of its sentence, not only the one beside it
    since = cues.since and (bool(_SINCE_START.search(clause)) or (
        (m_since := _SINCE_START.search(s, b, min(len(s), b + WINDOW))) is not None
        and not _CLAUSE_PUNCT.search(s, b, m_since.start())) or (
        # "8,525 killed since the war began, among them 3,542 children": a part takes its whole's period
        cues.including
        and (inc := _INCLUDING.search(s, max(0, a - 60), a)) is not None  # "... among them 3,542 children and 2,187"
        and not _CLAUSE_PUNCT.search(s, inc.end(), a)
        and _SINCE_START.search(s, max(0, a - WINDOW), a) is not None))
    events = tuple(sorted({_singular(m.group()) for m in _EVENT_NOUN.finditer(segment)})) if cues.event \
        else ()  # one scan for both
    running = since or (cues.running and (_RUNNING.search(segment) is not None or _running_before(s, a)))
    # "since the floods began" is the running total of one disaster, not a campaign of many incidents
    near_since = [m.start() for m in _SINCE_START.finditer(s, max(0, a - WINDOW), min(len(s), b + WINDOW))] \
        if since else []
    disaster_since = bool(near_since) and all(_SINCE_DISASTER.match(s, i) for i in near_since)
    campaign = (since and not disaster_since) or (cues.campaign and _CAMPAIGN.search(segment) is not None)
    return Reading(
        place=place, event_place=event_place, parts=tuple(sorted(parts)), nationality=nationality, kind=kind,
        fate=fate, running=running, campaign=campaign,
        perfect=cues.perfect and _PERFECT.search(segment) is not None,
        event=bool(events), events=events,
        new_event=cues.new_event and _NEW_EVENT.search(near) is not None,
        total_here=since or (cues.campaign and _CAMPAIGN.search(clause) is not None)
        or (cues.running and _RUNNING.search(clause) is not None),
        toll=cues.toll and _TOLL.search(clause) is not None,
        tally=cues.tally and _TALLY.search(segment) is not None, named_year=named_year,
        partitive=partitive)
