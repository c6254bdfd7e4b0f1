"""The word lists of ``reconcile/data``, loaded once and shared by every stage.

Each list is a text file with a ``#`` header that states its format; see
``reconcile/data/README.md``. Vocabulary lives here (numbers, hedges, units, currencies,
metrics, events, speakers, function words ...); the patterns of the stages spell out only
the grammar words of their own constructions ("has been killed", "according to").

>>> LEXICON.number_words["fifteen"]
(15, 'teen')
>>> LEXICON.hedges["more than"]
'more_than'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex


def _lines(name: str) -> list[list[str]]:
    text = resources.files(__package__ or "reconcile").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append([c.strip() for c in raw.split("\t")])
    return rows


def alternation(phrases: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of blanks.

    >>> alternation(["over", "more than"])
    '(?:more\\\\s++than|over)'
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = [r"\s++".join(regex.escape(w) for w in p.split()) for p in ordered]
    return "(?:" + "|".join(parts) + ")"


def by_first_letter(words: Iterable[str], either_case: bool = True) -> str:
    """A standard-library pattern for a word list, grouped by first letter (either case).

    The standard engine dispatches on the first character of each branch, so a list
    of hundreds of words is scanned at nearly the speed of a single word.

    >>> by_first_letter(["one", "two", "ten"])
    '(?:[oO](?:ne)|[tT](?:en|wo))'
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        rest = "|".join(re.escape(r).replace("\\ ", "[ \t]+") for r in sorted(set(rests), key=lambda r: (-len(r), r)))
        head = f"[{re.escape(first)}{re.escape(first.upper())}]" if either_case else re.escape(first)
        parts.append(f"{head}(?:{rest})")
    return "(?:" + "|".join(parts) + ")"


def without_possessive(word: str) -> str:
    """A word without its possessive ending, either apostrophe; curly apostrophes made straight.

    >>> without_possessive("Nepal’s"), without_possessive("Gaza's"), without_possessive("Nepal")
    ('Nepal', 'Gaza', 'Nepal')
    """
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def greedy(pattern: str) -> str:
    """The same pattern without possessive quantifiers: for the short, reverse-searched windows.

    A reverse search reads right to left, where a possessive run would swallow the
    first letter of a word; the windows are a few dozen characters, so backtracking is bounded.

    >>> greedy("[a-z]++ [0-9]*+")
    '[a-z]+ [0-9]*'
    """
    return pattern.replace("++", "+").replace("*+", "*")



FOLDED_APART = ("ı", "ſ")
"""Characters that an IGNORECASE pattern pairs with an ASCII letter ("i", "s") they do not lower-case to."""


def folded(text: str) -> str:
    """``text`` as a word-list key, for what a case-insensitive pattern matched: the engine pairs ſ
    with s and ı, İ with i, so "homeleſs", "kılled" and "ſeven" are looked up as the words they match.

    >>> folded("homeleſs"), folded("kılled"), folded("FİVE")
    ('homeless', 'killed', 'five')
    """
    return text.casefold().replace("ı", "i").replace("i̇", "i")


def plain_case(text: str, low: str) -> bool:
    """Whether ``low`` (``text.lower()``) holds, at the same places, the letters that an IGNORECASE
    pattern pairs with the ASCII letters of ``text``, in the standard engine and in `regex` alike: a
    test of ASCII words on ``low`` then stands for one on ``text`` ignoring case. Not so when
    lower-casing moves characters ("İ" becomes two) or with a character of :data:`FOLDED_APART`.

    >>> plain_case("KILLED", "killed"), plain_case("kılled", "kılled")
    (True, False)
    """
    return len(low) == len(text) and not any(map(text.__contains__, FOLDED_APART))  # map: no generator frame


def holds_any(low: str, plain: bool, words: tuple[str, ...]) -> bool:
    """Whether a text may match an IGNORECASE pattern whose every match holds one of ``words`` (lower
    case): ``low`` is the text lower-cased, ``plain`` what :func:`plain_case` says of it.

    >>> holds_any("the toll rose", True, ("toll",)), holds_any("three died", True, ("toll",))
    (True, False)
    """
    return not plain or any(map(low.__contains__, words))  # map: no generator frame (measured ~1.5x faster)

@dataclass(frozen=True)
class Lexicon:
    """Every word list, as read from ``reconcile/data``."""

    number_words: dict[str, tuple[int, str]]
    fractions: dict[str, tuple[int, str, bool, str]]  # word -> (value, role, plural, use)
    scales: dict[str, tuple[int, str]]
    hedges: dict[str, str]
    hedges_after: dict[str, str]
    vague: dict[str, tuple[int, int | None]]
    vague_before_of: frozenset[str]
    units: dict[str, str]
    hyphen_units: frozenset[str]  # units only when hyphenated: "three-fold"
    abbreviations: tuple[str, ...]
    metric_cues: dict[str, tuple[str, str]]
    prisoner_words: frozenset[str]
    site_events: frozenset[str]  # "stampede", "attack": events that happen at one site
    person_words: dict[str, str]  # "spokesman" -> "person", "ministry" -> "body"
    change_words: frozenset[str]  # "up", "rose": before "from X to Y", a change, not a range
    attribution_verbs: frozenset[str]
    count_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    noncount_nouns: frozenset[str]
    months: dict[str, int]
    not_names: frozenset[str]
    weekdays: dict[str, int]
    currencies: dict[str, tuple[str, str]]  # form -> (ISO code, "symbol" | "word")
    events: dict[str, tuple[str, bool]]  # noun -> (kind, names a place before it)
    total_cues: tuple[str, ...]
    function_words: dict[str, str]  # word -> class
    speakers: tuple[tuple[str, str], ...]  # (word, role)
    places: dict[str, str]  # word -> "locative" | "modifier"
    incident_verbs: frozenset[str]  # "struck", "sank": an incident happened
    collectives: dict[str, tuple[int, bool]]  # "pair" -> (2, exact), "couple" -> (2, approximate)

    def events_of(self, *kinds: str, place: bool = False) -> list[str]:
        """The event nouns of some kinds (only those that follow a place name if ``place``)."""
        return [w for w, (k, p) in self.events.items() if k in kinds and (p or not place)]

    def speakers_of(self, role: str) -> list[str]:
        """The speaker words of one role ("group", "title", "outlet", "data", "possessive")."""
        return [w for w, r in self.speakers if r == role]

    def places_of(self, role: str) -> list[str]:
        """The words of data/places.tsv of one role ("locative", "modifier")."""
        return [w for w, r in self.places.items() if r == role]

    def function_words_of(self, *classes: str) -> list[str]:
        """The function words of some classes ("preposition", "conjunction", ...)."""
        return [w for w, c in self.function_words.items() if c in classes]


def _words(name: str) -> frozenset[str]:
    return frozenset(r[0].lower() for r in _lines(name))


def _fractions() -> dict[str, tuple[int, str, bool, str]]:
    out: dict[str, tuple[int, str, bool, str]] = {}
    for word, value, role, use, plural in _lines("fractions.tsv"):
        out[word] = (int(value), role, False, use)
        if plural != "-":
            out[plural] = (int(value), role, True, use)
    return out


@cache
def load() -> Lexicon:
    """Read every list once (cached)."""
    return Lexicon(
        number_words={r[0]: (int(r[1]), r[2]) for r in _lines("number_words.tsv")},
        fractions=_fractions(),
        scales={r[0]: (int(r[1]), r[2]) for r in _lines("scales.tsv")},
        hedges={r[0]: r[1] for r in _lines("hedges.tsv")},
        hedges_after={r[0]: r[1] for r in _lines("hedges_after.tsv")},
        vague={
            r[0]: (int(r[1]), None if r[2] == "-" else int(r[2])) for r in _lines("vague.tsv")
        },
        vague_before_of=frozenset(r[0] for r in _lines("vague.tsv") if r[3:] == ["of"]),
        units={r[0]: r[1] for r in _lines("units.tsv")},
        hyphen_units=frozenset(r[0] for r in _lines("units.tsv") if r[2:] == ["hyphen"]),
        abbreviations=tuple(r[0] for r in _lines("abbreviations.txt")),
        metric_cues={r[0]: (r[1], r[2]) for r in _lines("metrics.tsv")},
        prisoner_words=_words("prisoner_words.txt"),
        site_events=_words("site_events.txt"),
        person_words={r[0].lower(): r[1] for r in _lines("person_words.tsv")},
        change_words=_words("change_words.txt"),
        attribution_verbs=_words("attribution_verbs.txt"),
        count_nouns=_words("count_nouns.tsv"),
        thing_nouns=frozenset(r[0].lower() for r in _lines("count_nouns.tsv") if r[1] == "thing"),
        noncount_nouns=_words("noncount_nouns.txt"),
        not_names=frozenset(r[0] for r in _lines("not_names.txt")),
        months={r[0]: int(r[2]) for r in _lines("calendar.tsv") if r[1] == "month"},
        weekdays={r[0]: int(r[2]) for r in _lines("calendar.tsv") if r[1] == "weekday"},
        currencies={r[0]: (r[1], r[2]) for r in _lines("currencies.tsv")},
        events={r[0].lower(): (r[1], r[2] == "yes") for r in _lines("events.tsv")},
        total_cues=tuple(r[0].lower() for r in _lines("total_cues.txt")),
        function_words={r[0].lower(): r[1] for r in _lines("function_words.tsv")},
        speakers=tuple((r[0], r[1]) for r in _lines("speakers.tsv")),
        places={r[0].lower(): r[1] for r in _lines("places.tsv")},
        incident_verbs=_words("incident_verbs.txt"),
        collectives={r[0]: (int(r[1]), r[2] == "approximate") for r in _lines("collectives.tsv")},
    )


LEXICON = load()

# Shapes of written English the grammar reads in several modules (regex source, for `regex` patterns):
ABBREVIATION = r"(?:\p{Lu}\.){2,}+"
"""Capitals each with its stop, one word: "U.S.", "U.N." (not a place "U", not a clause's end)."""
FULL_STOP = r"(?<!\b\p{Lu})\."
"""A stop that ends a sentence or clause: not an initial's nor an abbreviation's ("T. Smith", "U.S.")."""
BORDER_AFTER = r"[ \t]++(?i:border|frontier)s?\b"
"""After a place name, a border of that place: "near the U.S. border" is not in the U.S."""
