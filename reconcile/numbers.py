"""The figure grammar: every numeric expression in a text, read as an interval.

One left-to-right pass with a precompiled pattern finds the numeral cores
(digits, number words, vague amounts); short anchored patterns then read what
stands around each core (a hedge before it, a scale word, a range, a unit, a
month name), so that each character is looked at a bounded number of times. Two shortcuts keep
the common case cheap without changing what is found: plain digits ("1,200") and lone number
words ("two") are read without the core pattern, and one token after each numeral (the word or
character there) gates the anchored patterns that could not match it.

>>> [(f.text, f.low, f.high, f.qualifier.value) for f in find_figures("killing more than 1,100 people")]
[('1,100', 1100, None, 'more_than')]
>>> [(f.text, f.low, f.high) for f in find_figures("home to 2.3mn people")]
[('2.3mn', 2300000, 2300000)]
>>> [(f.text, f.kind.value) for f in find_figures("Emad Joudat, 55, said on Oct. 7")]
[('55', 'age'), ('Oct. 7', 'date')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from itertools import pairwise

import regex

from .errors import InputTypeError
from .lexicon import LEXICON, alternation, by_first_letter
from .lexicon import greedy as _greedy
from .records import Figure, FigureKind, Qualifier

__all__ = ["find_figures", "parse_number"]

MAX_DIGITS = 18  # a longer run of digits is an identifier, not a count
_ID_DIGITS = 9  # copy groups the digits of large numbers ("120,000,000", "120 million"): a run of
# nine or more digits with no separator, scale word or currency is a phone number or an identifier
MAX_NUMERAL = 1000  # characters one numeral may span; every anchored match is bounded (the regex
# module's match() otherwise scans to the end of the text for a required literal: quadratic)
# (so no match here needs a timeout: a timeout costs a third of a short match, and the
# patterns are possessive over a slice of at most MAX_NUMERAL characters)

_WORDS = LEXICON.number_words
_SCALE_ATTACHED = {k: v for k, (v, sp) in LEXICON.scales.items() if sp in ("attached", "either")}
_SCALE_SPACED = {k.lower(): v for k, (v, sp) in LEXICON.scales.items() if sp in ("spaced", "either")}
# Scale words that a hyphen may join to digits ("41-thousand", "2-million"): the spelled-out ones
# (not "mn", "k": "5-k" is no number), in number_words.tsv as a hundred or a scale.
_SCALE_HYPHEN = [w for w in _SCALE_SPACED if _WORDS.get(w, (0, ""))[1] in ("hundred", "scale") and not w.endswith("s")]
_MONTHS = {k.lower(): v for k, v in LEXICON.months.items()}

_FRACTIONS = LEXICON.fractions
# "a pair of" = 2, "a couple of" = 2, approximate: word -> (value, approximate)
_COLLECTIVES = LEXICON.collectives
_SYMBOLS = {f: iso for f, (iso, pos) in LEXICON.currencies.items() if pos == "symbol"}  # "$", "US$", "£"
_CURRENCY_WORDS = {" ".join(f.lower().split()): iso for f, (iso, pos) in LEXICON.currencies.items() if pos == "word"}
_SYMBOL_CHARS = "".join(sorted({regex.escape(f[-1]) for f in _SYMBOLS}))  # for character classes: "$£€¥"
_COMPOUND_ONLY = [w for w, (_, _, _, use) in _FRACTIONS.items() if use == "compound"]  # "first", "second"
_NUMBER_WORD = alternation([w for w in _WORDS]) + r"\b"
_DEN_WORD = alternation(list(_FRACTIONS)) + r"\b"  # ordinal words: "thirds", "a twenty-fifth", "half"
_MULTIPLIER_WORD = alternation([w for w, (_, role) in _WORDS.items() if role in ("hundred", "scale", "dozen")]) + r"\b"
_TENS_WORD = alternation([w for w, (_, role) in _WORDS.items() if role == "tens"])
_RUN_WORD = rf"""(?:{_DEN_WORD}(?:[ \t]++(?:of[ \t]++)?an?(?=[ \t]++{_MULTIPLIER_WORD}))?  # "half a million", "two thirds of a million"
    | {_NUMBER_WORD})"""
_NUMBER_WORDS = rf"""
    (?:an?\s++(?=(?:{_MULTIPLIER_WORD}|{_DEN_WORD}|{_TENS_WORD}[ \t-]{_DEN_WORD})))?  # "a hundred", "a half", "a twenty-first"
    (?!{alternation(_COMPOUND_ONLY)}\b){_RUN_WORD}
    (?:(?:\s++and\s++(?:an?\s++(?={_DEN_WORD}))?|[ \t-]++|\s*+-\s*+)(?:{_RUN_WORD}|(?:point|o|oh)\b))*+
                                                           # "one hundred and five", "twelve point nine nine", "five and a half"
"""
_VULGAR = "\u00bc-\u00be\u2150-\u215e"  # "½", "¾", "⅔"

_CORE_SOURCE = rf"""
    (?P<cur>{alternation(list(_SYMBOLS))})?                 # a currency symbol ("US$", "£")
    (?P<neg>(?<![\w.,)\]%/−-])(?<!\d[ \t])(?<!\d[ \t][ \t])[-−](?=\.?\d)   # -1, but not 10 -15
      | (?<![\w-])(?:minus|negative)[ \t]++(?=[\w.]))?        # "minus five"
    (?:
        (?<![\w.,])                                          # not inside a word or a number
        (?:
            (?P<sdate>\d{{1,4}}/\d{{1,2}}/\d{{2,4}})(?![\d/])   # 3/4/2020: a date
          | (?<=\+)(?P<phone>\d{{1,3}}(?:[-/. ]\d{{2,5}}){{2,6}}+)(?![\d])  # +1-222-2222/2222: labels
          | (?P<dotted>\d{{1,3}}(?:\.\d{{1,3}}){{2,7}}+)(?![\d.])  # 192.168.1.2: labels
          | (?P<digits>\d{{1,3}}(?:,\d{{3}})++(?!\d)           # 1,200
                      | \d{{1,2}}(?:,\d\d(?=,))++,\d{{3}}(?!\d)       # 12,34,567 (Indian grouping)
                      | \d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}}(?!\d))++(?![.,]\d{{3}})  # 1 234 567
                      | \d++)                                # 2950
            (?:\.(?P<frac>\d++))?                            # 2.3
          | \.(?P<frac>\d++)                                 # .08
          | (?P<list>\d{{1,3}}(?:,\d{{1,3}}){{1,15}}+)(?![.,]?\d)  # 22,24,26,31: labels
        )
        (?:
            (?P<vulgar>[{_VULGAR}])                          # 2½
          | [eE](?P<exp>[-+]?\d{{1,2}})(?![\w])               # 1.3e6
          | [ \t]*+[x×][ \t]*+10\^(?P<exp>[-+]?\d{{1,2}})(?!\d)  # 1.3x10^6
          | \^(?P<psign>[-+]*+)(?P<pow>\d{{1,2}})(?![\d.])     # 1.1^23
          | /(?P<den>\d{{1,6}})(?![\d/])                      # 3/4
          | [ \t]++(?P<mnum>\d{{1,2}})/(?P<mden>\d{{1,3}})(?![\d/])  # 2 1/4
        )?
        (?!\.\d|,\d)                                         # not a version, an address or a list
      | (?<![\w.,])(?P<vulgar>[{_VULGAR}])                   # ¾
      | (?<![\w-])(?P<vague>{alternation([v for v in LEXICON.vague if v not in LEXICON.vague_before_of])}\b
                          |{alternation(list(LEXICON.vague_before_of))}(?=[ \t]++of\b))
      | (?<![\w-])(?P<coll>an?[ \t]++{alternation(list(_COLLECTIVES))})(?=[ \t]++(?:of\b|{_MULTIPLIER_WORD}))
                                                             # "a pair of", "a couple hundred"
      | (?<![\w-])(?P<words>{_NUMBER_WORDS})(?![\w])
    )
    """
CORE = regex.compile(_CORE_SOURCE, regex.VERBOSE | regex.IGNORECASE)
# Where a numeral may start. The standard library's engine scans plain literal alternations
# (no nested quantifiers: linear) about four times faster than `regex` does, and CORE is then
# matched only at these places.
_A_BEFORE = [*(w for w, (_, role) in _WORDS.items() if role in ("hundred", "scale", "dozen", "tens")),
             *_COLLECTIVES,
             *_FRACTIONS]  # "a hundred", "a half", "a twenty-first"
_STARTERS = [*_WORDS, *LEXICON.vague, *(w for w in _FRACTIONS if w not in _COMPOUND_ONLY), "minus", "negative"]
# Two scans over the lower-cased text find where a numeral may start: a character class (which
# the standard engine searches for with its fast first-character check) and the number words.
DIGIT_SCAN = re.compile(rf"[\d{_SYMBOL_CHARS}{_VULGAR}\u2212][\d,.]*")
WORD_SCAN = re.compile(rf"\b(?:an?[ \t]+(?={by_first_letter(_A_BEFORE, either_case=False)}\b)"
                       rf"|{by_first_letter(_STARTERS, either_case=False)}\b)")
# One scan over the text as written: for a text whose lower-cased form changes its length ("İ").
PREFILTER = re.compile(
    rf"[{_SYMBOL_CHARS}{_VULGAR}]|[-+](?=\.?\d)|\u2212|(?<![\w.,])\.(?=\d)"
    rf"|\b(?:(?<![.,])\d|[Aa]n?[ \t]+(?={by_first_letter(_A_BEFORE, either_case=False)}\b)"
    rf"|{by_first_letter([*_STARTERS, *(w.upper() for w in _WORDS)])}\b)"
)


@cache
def _core_after_separator() -> regex.Pattern[str]:
    """CORE for the second end of a range, which may follow a hyphen ("600-nine hundred").

    Compiled on first use: half the cost of CORE, and most texts never need it."""
    return regex.compile(_CORE_SOURCE.replace("(?<![\\w-])", "(?<![\\w])"), regex.VERBOSE | regex.IGNORECASE)


_WORD_TOKEN = regex.compile(
    rf"(?P<a>\ban?\b)|(?P<and>\band\b)|(?P<of>\bof\b)|(?P<point>\bpoint\b)|(?P<o>\b(?:o|oh)\b)"
    rf"|(?P<w>{alternation([*_WORDS, *_FRACTIONS])}\b)",
    regex.IGNORECASE,
)

_SCALE_AFTER = regex.compile(
    rf"""
    (?:(?P<att>{alternation(list(_SCALE_ATTACHED))})(?![\w])       # 2.3mn, 34.5k, 4.4bn (case as written)
      | [ \t]++(?P<sp>(?i:{alternation(list(_SCALE_SPACED))}))\b     # 1.5 million, 2.5 Million
      | -(?P<hy>(?i:{alternation(_SCALE_HYPHEN)}))\b)                # 41-thousand: some agencies join the
    """,                                                               # scale word with a hyphen
    regex.VERBOSE,
)

_RANGE_SEP = regex.compile(
    rf"""[ \t]*+(?P<sep>-|–|—|~|to|through|thru|and)[ \t]*+(?=[\d{_SYMBOL_CHARS}a-zA-Z])""", regex.VERBOSE
)
_HEDGE_AFTER = regex.compile(
    rf"""[ \t]++(?P<hedge>(?>{alternation(list(LEXICON.hedges_after))}))(?![\w])
    (?![ \t]*+(?:[\d{_SYMBOL_CHARS}]|{_NUMBER_WORD}|than\b))  # not "5000 or less than 6000", "233 and more
                                                      # than 900": the hedge opens a second figure
    """, regex.VERBOSE | regex.IGNORECASE
)


_HEDGE_BEFORE = regex.compile(
    rf"""(?:^|(?<=[^\w])|(?=[<>]))(?P<hedge>{_greedy(alternation(list(LEXICON.hedges)))})[ \t]*\Z""",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE)
_RANGE_OPEN_BEFORE = regex.compile(r"(?:^|(?<=\W))(?P<w>between|from)[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_CHANGE_FROM = regex.compile(  # "revised up from", "rose from": "from X to Y" is a change, not a range
    rf"(?:^|(?<=\W))(?:{alternation(sorted(LEXICON.change_words))})[ \t]++from[ \t]+\Z",
    regex.IGNORECASE | regex.REVERSE)
_ALL_BUT_BEFORE = regex.compile(r"\ball[ \t]+but[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)

_UNITS = LEXICON.units
_UNIT_AFTER = regex.compile(
    rf"""
    (?P<pct>[ \t]?%)
  | (?P<age>-year-old|[ \t-]years?[ \t-]old|-month-old|[ \t]months[ \t]old)\b
  | (?P<ord>st|nd|rd|th)\b
  | (?P<time>:\d\d|[ \t]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|o'clock\b))
  | (?:[ \t]and[ \t]an?[ \t](?:half|quarter))?(?:[ \t]|-|[ \t]-[ \t])(?P<unit>{alternation(list(_UNITS))})(?![\w])
  | [ \t]++(?P<curw>{alternation(list(_CURRENCY_WORDS))})\b
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_MONTH_ALT = alternation(list(LEXICON.months))
_MONTH_BEFORE = regex.compile(rf"(?:^|(?<=\W))(?P<m>{_MONTH_ALT})\.?[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_MONTH_AFTER = regex.compile(rf"[ \t]++(?:of[ \t]+)?(?P<m>{_MONTH_ALT})\b\.?", regex.IGNORECASE)
_DATE_TAIL = regex.compile(r"(?:(?:st|nd|rd|th)?(?:[ \t]*+(?:and|-|–|to)[ \t]*+\d{1,2}\b)?)(?:,?[ \t]++\d{4}\b)?")
_AGE_BEFORE = regex.compile(r"[A-Z][\w.'-]*,[ \t]+\Z", regex.REVERSE)
_PER_BEFORE = regex.compile(r"\b(?:per|every|out[ \t]+of|in[ \t]+every)[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_AGED_BEFORE = regex.compile(r"\b(?:aged|ages|age[ \t]+of)[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_LABEL_BEFORE = regex.compile(r"(?<=[\w,;:)][ \t]+)(?P<w>[A-Z][a-zA-Z]+)[ \t]\Z", regex.REVERSE)
_LOWER_WORD_AFTER = regex.compile(  # "told Reuters 12 people": a count, not "Hangar 12 in the north"
    rf"[ \t]++(?!{alternation(LEXICON.function_words_of('preposition', 'conjunction'))}\b)[a-z]")
_AGE_END = regex.compile(r"[ \t]*[,;.)]")
_NEXT_WORD = regex.compile(r"[ \t]++([a-z]++)")
_BOUNDS_GAP = regex.compile(r"[ \t]*+(?:,[ \t]*+)?(?:(?:and|but)[ \t]++)?", regex.IGNORECASE)
# Between a count and a name with a numeral, a gapped clause: "Suzu has recorded 100 deaths and
# Wajima 90", "Wajima City has 69 dead, Suzu City 38": the verb and noun of the first clause are
# left out of the next, so "Wajima 90" is a count, not a label like "Hangar 12".
_GAPPED = regex.compile(r"(?:[ \t]++[a-z]++){0,2}(?:[ \t]*+[,;](?:[ \t]++and)?|[ \t]++and)[ \t]++(?:[A-Z][\w'\u2019-]*+[ \t]++){0,3}+")
_LABEL_HYPHEN_BEFORE = regex.compile(r"[A-Za-z]-\Z|#\Z|\bNo\.[ \t]?\Z", regex.REVERSE)

# What follows a numeral decides which of the anchored "after" patterns can match there: one
# cheap token (the letters after any blanks, or the one character there) gates them all, so that
# "1,200 people" runs none of them. Each gate is a superset of what its pattern accepts (the same
# tokenizer applied to the pattern's words, case-folded); the tests compare with the ungated run.
_AFTER_TOKEN = re.compile(r"[ \t]*+([A-Za-z]*+)(.?)", re.DOTALL)


def _after(text: str, pos: int) -> str | None:
    """The gate token after ``pos``: "people" in "1,200 people", "%" in "5 %", "" at the end;
    None (no gate: every pattern runs) where a character outside ASCII comes next ("5\u00a0km")."""
    m = _AFTER_TOKEN.match(text, pos, pos + 64)
    word, nxt = m.group(1, 2)  # type: ignore[union-attr]  # the pattern matches the empty string
    if nxt > "\x7f":
        return None
    return word.lower() if word else nxt


def _tokens(phrases: Iterable[str]) -> frozenset[str | None]:
    return frozenset(_after(" " + p, 0) for p in phrases)


_SCALE_GATE = _tokens({*_SCALE_ATTACHED, *_SCALE_SPACED}) | {"-"}
_RANGE_GATE = ("to", "through", "thru", "and", "-", "\u2013", "\u2014", "~")  # _RANGE_SEP: as prefixes
_UNIT_GATE = _tokens(_UNITS) | _tokens(_CURRENCY_WORDS) | {
    "%", "-", ":", "year", "years", "months", "st", "nd", "rd", "th", "a", "p", "am", "pm", "gmt", "o", "and"}
_MONTH_GATE = _tokens(LEXICON.months) | {"of"}
_HEDGE_AFTER_GATE = _tokens(LEXICON.hedges_after)


_QUALIFIER_OF = {
    "more_than": Qualifier.MORE_THAN,
    "at_least": Qualifier.AT_LEAST,
    "less_than": Qualifier.LESS_THAN,
    "at_most": Qualifier.AT_MOST,
    "approximate": Qualifier.APPROXIMATE,
}
_NOT_LABEL_WORDS = frozenset(  # capitalised words before a numeral that make no label ("The 12", "Said 12")
    w.lower() for w in (*LEXICON.months, *LEXICON.weekdays, *LEXICON.function_words, *LEXICON.attribution_verbs,
                        *(word for h in LEXICON.hedges for word in h.split()),
                        *(cue for cue in LEXICON.metric_cues if " " not in cue))
)


_NEW = object.__new__
_SET = object.__setattr__


def _new_figure(low: int | Decimal | None, high: int | Decimal | None, approximate: bool, vague: bool,
                qualifier: Qualifier, kind: FigureKind, text: str, start: int, end: int,
                hedge: str | None = None, currency: str | None = None, unit: str | None = None) -> Figure:
    """A :class:`Figure` built without pydantic's validation, for the grammar's hot path.

    Validating costs 5–6 µs a figure, a tenth of :func:`find_figures`. The grammar keeps the
    record's invariants itself (span, low <= high, signs, whole numbers as ints: normalised
    here as the validator would); ``tests/test_numbers.py`` re-validates every figure the
    tables, the seeds and the soup produce and checks that validation changes nothing.
    This is what ``model_construct`` does, without its per-field default handling. It relies on
    pydantic v2 keeping a model's state in these four attributes; the tests above would fail first.
    """
    if type(low) is Decimal and low == low.to_integral_value():
        low = int(low)
    if type(high) is Decimal and high == high.to_integral_value():
        high = int(high)
    fig = _NEW(Figure)
    _SET(fig, "__dict__", {"low": low, "high": high, "approximate": approximate, "vague": vague,
                           "qualifier": qualifier, "kind": kind, "text": text, "start": start, "end": end,
                           "hedge": hedge, "currency": currency, "unit": unit})
    _SET(fig, "__pydantic_fields_set__", _FIELDS_SET.copy())
    _SET(fig, "__pydantic_extra__", None)
    _SET(fig, "__pydantic_private__", None)
    return fig


_FIGURE_FIELDS = tuple(Figure.model_fields)
_FIELDS_SET = set(_FIGURE_FIELDS)


@dataclass(slots=True)
class _Num:
    """A numeral read so far: value, span, currency."""

    value: int | Decimal
    start: int
    end: int
    currency: str | None
    vague: tuple[int, int | None] | None = None
    words: bool = False
    scaled: bool = False
    mult: int = 1
    kind: FigureKind | None = None  # a kind the numeral's own shape decides ("3/4", "1e6", "192.168.1.2")
    neg: bool = False
    approx: bool = False  # approximate by its own word ("a couple of")
    collective: bool = False  # "a pair", "a couple": the noun comes after "of"


Token = tuple[str, int, int]  # a word of a run of number words, with its span


def _decimals(tokens: list[Token], j: int, n: int) -> tuple[str, int]:
    """The digits after "point" at token j: "nine nine" -> "99", "ninety-nine" -> "99"; and the end token."""
    digits = ""
    k = j
    while k < n:
        w = tokens[k][0].lower()
        if w in ("o", "oh"):
            digits += "0"
        elif w in _WORDS and _WORDS[w][1] == "unit":
            digits += str(_WORDS[w][0])
        else:
            break
        k += 1
    stop = j  # the decimals end before a scale word: "two point two million" is 2.2 million
    while stop < n and _WORDS.get(tokens[stop][0].lower(), (0, ""))[1] != "scale":  # ("point two hundred
        # thirty-six" stays .236)
        stop += 1
    whole = _cardinals(tokens, j, stop, decimals=False)
    if whole and whole[0][1] == j and (whole[0][2] - j > 1 or (j < n and _WORDS.get(
            tokens[j][0].lower(), (0, "unit"))[1] in ("teen", "tens"))) and whole[0][2] >= k:
        return str(whole[0][0]), whole[0][2]
    return digits, k


def _cardinals(tokens: list[Token], i: int = 0, n: int | None = None,
               decimals: bool = True) -> list[tuple[int | Decimal, int, int]]:
    """Split tokens[i:n] of a run of number words into numbers: (value, first token, end token).

    >>> toks = [(w, 0, 0) for w in "one hundred and five".split()]
    >>> _cardinals(toks)
    [(105, 0, 4)]
    >>> [v for v, _, _ in _cardinals([(w, 0, 0) for w in "one one".split()])]
    [1, 1]
    >>> [v for v, _, _ in _cardinals([(w, 0, 0) for w in "three hundred and two dozen".split()])]
    [324]
    """
    end = len(tokens) if n is None else n
    out: list[tuple[int | Decimal, int, int]] = []
    while i < end:
        total = current = since_hundred = 0
        last: str | None = None
        prev_scale = 0
        j = used = i
        fraction: str | None = None
        post_scale = 0  # a scale word after the decimals
        while j < end:
            word = tokens[j][0].lower()
            if word == "point":
                if decimals and used > i and last in ("unit", "teen", "tens", "hundred", "scale"):
                    digits, k = _decimals(tokens, j + 1, end)
                    if digits:
                        fraction, used = digits, k
                        after = _WORDS.get(tokens[k][0].lower()) if k < end else None
                        if after is not None and after[1] == "scale" \
                                and (not prev_scale or after[0] < prev_scale):
                            post_scale, used = after[0], k + 1  # "two point two million"
                break
            if word in ("a", "an"):
                nxt = _WORDS.get(tokens[j + 1][0].lower()) if j + 1 < end else None
                if last is not None or nxt is None or nxt[1] not in ("hundred", "scale", "dozen"):
                    break
                current, last = 1, "a"
                j += 1
                continue
            if word == "and":
                if last not in ("hundred", "scale") or j + 1 >= end:
                    break
                nxt = _WORDS.get(tokens[j + 1][0].lower())
                if nxt is None or nxt[1] not in ("unit", "teen", "tens"):
                    break
                j += 1
                continue
            entry = _WORDS.get(word)
            if entry is None:  # "o", "of", an ordinal
                break
            value, role = entry
            if role in ("unit", "teen"):
                if last in ("unit", "teen") or (last == "tens" and role == "teen"):
                    break
                current += value
                since_hundred += value
            elif role == "tens":
                if last in ("unit", "teen", "tens"):
                    break
                current += value
                since_hundred += value
            elif role == "hundred":
                if last in ("hundred",) or current >= 100:
                    break
                current = (current or 1) * 100
                since_hundred = 0
            elif role == "dozen":
                if last == "dozen":
                    break
                if current >= 100 and since_hundred:  # "three hundred and two dozen" = 324
                    current += since_hundred * 11
                else:
                    current = (current or 1) * 12
                since_hundred = 0
            else:  # scale
                if prev_scale and value >= prev_scale:
                    break
                total += (current or 1) * value
                current = since_hundred = 0
                prev_scale = value
            last = role
            j += 1
            used = j
        if used == i:  # a lone "a"/"and" or an unreadable word: skip it
            i += 1
            continue
        number: int | Decimal = total + current
        if fraction is not None and post_scale:
            number = total + Decimal(f"{current}.{fraction}") * post_scale
            if number == number.to_integral_value():
                number = int(number)
        elif fraction is not None:
            number = Decimal(f"{number}.{fraction}")
        out.append((number, i, used))
        i = used
    return out


_NOUN_AFTER = regex.compile(  # "a third attack": an ordinal before its noun, not "a third of"
    rf"[ \t-]++(?!{alternation(LEXICON.function_words_of('article', 'preposition', 'conjunction', 'auxiliary'))}\b)[a-z]")


def _compounds(cardinal: int | Decimal, ordinal: int) -> bool:
    """Whether a cardinal and an ordinal make one compound ordinal ("thirty" + "fifth" = 35th)."""
    return isinstance(cardinal, int) and cardinal > 0 and cardinal % 10 ** len(str(ordinal)) == 0


def _exact(value: Fraction) -> int | Decimal:
    return value.numerator if value.denominator == 1 else Decimal(value.numerator) / Decimal(value.denominator)


def _fraction_at(text: str, tokens: list[Token], i: int, d: int,
                 plain: list[tuple[int | Decimal, int, int]]) -> tuple[int | Decimal, int, int, FigureKind | None] | None:
    """The fraction (or word ordinal) whose ordinal word is tokens[d]: value, first and end token, kind.

    The longest compound denominator that leaves a numerator wins ("one hundred thirty-fifths" =
    100/35, "twenty twenty-fifths" = 20/25); a hyphen or "and" binds the numerator ("ninety-five
    hundred fifths" = 9500/5, "one hundred and thirty fifths" = 130/5); "and" before a proper
    fraction makes a mixed number ("one hundred and three quarters" = 100.75), scaled by the
    scale word before or after it ("six million and two thirds", "five and a half million").
    """
    def low(k: int) -> str:
        return tokens[k][0].lower()

    def single(a: int, b: int) -> int | Decimal | None:
        got = _cardinals(tokens, a, b)
        return got[0][0] if len(got) == 1 and got[0][1] == a and got[0][2] == b else None

    word = low(d)
    ordinal, _, plural, use = _FRACTIONS[word]
    den = ordinal  # grows with a compound: "thirty-fifths"
    last = plain[-1] if plain and plain[-1][2] == d else None
    numerator: int | Decimal | None = None
    num_start = d
    whole: tuple[int | Decimal, int, int] | None = None  # value, first token, end token of a mixed number's whole part
    if last is not None:
        v, a, _ = last
        for k in range(a, d):  # compound denominators, longest first
            if _WORDS.get(low(k), (0, ""))[1] not in ("unit", "teen", "tens"):
                continue
            if k > a and (low(k - 1) == "and" or "-" in text[tokens[k - 1][2]:tokens[k][1]]):
                continue
            cv = single(k, d)
            if cv is None or not _compounds(cv, den):
                continue
            if k > a:
                numerator, num_start = single(a, k), a
            elif a > i and low(a - 1) in ("a", "an"):
                numerator, num_start = 1, a - 1
            elif len(plain) >= 2 and plain[-2][2] == a:
                numerator, num_start = plain[-2][0], plain[-2][1]
            if numerator is not None:
                den += int(cv)
                break
        if numerator is None:
            if use == "compound":  # "twenty-first": an ordinal, not 20/1
                return (v + den, a, d + 1, FigureKind.ORDINAL) if _compounds(v, den) else None
            numerator, num_start = v, a
            ands = [q for q in range(a, d) if low(q) == "and"]
            if ands:  # "one hundred and three quarters" = 100 + 3/4; "one hundred and thirty fifths" = 130/5
                q = ands[-1]
                left, right = single(a, q), single(q + 1, d)
                if left is not None and right is not None and right < den:
                    whole = (left, a, q)
                    numerator, num_start = right, q + 1
            elif a > i and low(a - 1) == "and" and len(plain) >= 2 and plain[-2][2] == a - 1 and v < den:
                whole = (plain[-2][0], plain[-2][1], plain[-2][2])  # "twenty and three fifths"
    elif d > i and low(d - 1) in ("a", "an"):
        numerator, num_start = 1, d - 1  # "a half", "one and a half"
        if d - 2 > i and low(d - 2) == "and" and plain and plain[-1][2] == d - 2:
            whole = (plain[-1][0], plain[-1][1], plain[-1][2])
    elif use == "fraction" and not plural:
        numerator = 1  # "more than half", "quarter million" (a bare "quarter" needs its scale word: below)
    elif not plural and use == "any":
        return den, d, d + 1, FigureKind.ORDINAL  # "the tenth"
    else:
        return None
    if not plural and numerator != 1:  # "the one hundred thirty-fifth": an ordinal
        if last is not None and _compounds(last[0], ordinal):
            return last[0] + ordinal, last[1], d + 1, FigureKind.ORDINAL
        return None
    if not plural and use == "any" and _NOUN_AFTER.match(text, tokens[d][2], tokens[d][2] + 30):
        return den, d if last is None else last[1], d + 1, FigureKind.ORDINAL  # "a third attack"
    # a scale word after it: "half a million", "two thirds of a million", "five and a half million"
    end = d + 1
    scale = 0
    j = end
    if j < len(tokens) and low(j) == "of":
        j += 1
    if j < len(tokens) and low(j) in ("a", "an"):
        j += 1
    if j < len(tokens) and _WORDS.get(low(j), (0, ""))[1] in ("scale", "hundred", "dozen"):
        scale, end = _WORDS[low(j)][0], j + 1
    if word == "quarter" and numerator == 1 and last is None and not scale and num_start == d:
        return None
    frac = Fraction(numerator) / den
    if whole is not None:
        wv, start, wend = whole
        w_role = _WORDS.get(low(wend - 1), (0, ""))
        w_scale = w_role[0] if w_role[1] == "scale" else 0
        if scale:
            value = Fraction(wv) + frac * scale if w_scale > scale else (Fraction(wv) + frac) * scale
        else:
            value = Fraction(wv) + frac * (w_scale or 1)
    else:
        start = num_start
        value = frac * (scale or 1)
    return _exact(value), start, end, None


def _read_words(text: str, tokens: list[Token]) -> list[tuple[int | Decimal, int, int, FigureKind | None]]:
    """The numbers of a run of number words, fractions and word ordinals included."""
    out: list[tuple[int | Decimal, int, int, FigureKind | None]] = []
    n = len(tokens)
    i = 0
    while i < n:
        d = i
        while d < n and tokens[d][0].lower() not in _FRACTIONS:
            d += 1
        plain = _cardinals(tokens, i, d)
        if d == n:
            out += [(v, a, b, None) for v, a, b in plain]
            break
        got = _fraction_at(text, tokens, i, d, plain)
        if got is None:
            out += [(v, a, b, None) for v, a, b in plain]
            i = d + 1
            continue
        out += [(v, a, b, None) for v, a, b in plain if b <= got[1]]
        out.append(got)
        i = got[2]
    return out


def _digits_value(digits: str, frac: str | None) -> int | Decimal | None:
    raw = digits.replace(",", "")
    if len(raw) > MAX_DIGITS:
        return None
    if frac:
        if len(frac) > MAX_DIGITS:
            return None
        try:
            return Decimal(f"{raw}.{frac}")
        except InvalidOperation:  # pragma: no cover - guarded by the pattern
            return None
    return int(raw)


_CHAIN = regex.compile(r"(?:[ \t]++(?P<and>and[ \t]++)?(?=[\w])|(?P<hy>-)(?=\d))", regex.IGNORECASE)  # "35-thousand-418"
_AND_FRACTION = regex.compile(
    rf"[ \t]++and[ \t]++(?P<n>an?|{alternation([w for w, (v, role) in _WORDS.items() if role == 'unit' and v > 0])})"
    rf"[ \t-]++(?P<d>{_DEN_WORD})",
    regex.IGNORECASE)


def _scale(text: str, num: _Num, depth: int = 0, after: str | None = None) -> None:
    """Apply the scale words after the numeral ("2.3mn", "1.5 million", "13 lakh crore"), and the
    parts that follow a scaled numeral ("4 thousand 3 hundred and 21", "3 million and a half").

    ``after`` is the gate token at ``num.end`` if the caller has it (see :func:`_after`)."""
    if num.vague is not None or (num.kind is not None and num.kind is not FigureKind.MEASURE) or num.neg:
        return
    spaced = hyphened = False
    while True:
        m = None if after is not None and after not in _SCALE_GATE \
            else _SCALE_AFTER.match(text, num.end, num.end + 24)
        after = None
        if m is None:
            break
        attached = m.group("att")
        if attached is not None:
            if num.words or num.scaled:
                break
            mult = _SCALE_ATTACHED[attached]
        else:
            hyphen = m.group("hy")
            word = (hyphen or m.group("sp")).lower()
            mult = _SCALE_SPACED[word]
            if (num.words and not num.scaled and word in _WORDS) or (num.scaled and mult <= num.mult) \
                    or (hyphen is not None and num.scaled):
                break  # "three hundred" is one run of words; "lakh crore" only multiplies up
            spaced = True
            hyphened = hyphen is not None
        value = num.value * mult
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        num.value = value
        num.end = m.end()
        num.scaled = True
        num.mult = num.mult * mult if num.mult > 1 else mult
    if num.kind is not None or depth > 4:
        return
    frac = _AND_FRACTION.match(text, num.end, num.end + 40) if text.startswith(" and", num.end) else None
    if frac is not None:  # "3 million and a half", "2 and a quarter"
        word = frac.group("n").lower()
        n = 1 if word in ("a", "an") else _WORDS[word][0]
        den, _, plural, use = _FRACTIONS[frac.group("d").lower()]
        if use != "compound" and n < den and (plural or n == 1):
            num.value = _exact(Fraction(num.value) + Fraction(n, den) * (num.mult if num.scaled else 1))
            num.end = frac.end()
            if not num.scaled:
                _scale(text, num, depth + 1)  # "3 and a half million"
        return
    if spaced and not num.words:  # "4 thousand 3 hundred and 21", "6 crore and two hundred"
        chain = _CHAIN.match(text, num.end, num.end + 8)
        m2 = CORE.match(text, chain.end(), chain.end() + MAX_NUMERAL) if chain else None
        if chain is None or m2 is None or m2.group("vague") is not None or m2.group("neg") is not None:
            return
        parts = _read_core(text, m2)
        if not parts or parts[0].start != chain.end() or parts[0].kind is not None or parts[0].currency:
            return
        part = parts[0]
        _scale(text, part, depth + 1)
        joined = chain.group("and") is not None or (chain.group("hy") is not None and hyphened)
        if (part.scaled or joined) and isinstance(part.value, int) and 0 < part.value < num.mult:
            num.value += part.value
            num.end = part.end


def _signed(nums: list[_Num], neg: bool) -> list[_Num]:
    """Apply a minus sign ("-1", "minus five") to the first numeral: a signed number is a measure."""
    if neg and nums:
        first = nums[0]
        first.value = -first.value
        first.neg = True
        first.kind = FigureKind.MEASURE
    return nums


_PARTS = (("sdate", FigureKind.DATE), ("phone", FigureKind.ORDINAL), ("dotted", FigureKind.ORDINAL),
          ("list", FigureKind.ORDINAL))
_PART_SEPARATOR = regex.compile(r"[-/., ]")
_NO_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")  # "1 234 567"


def _read_core(text: str, m: regex.Match[str]) -> list[_Num]:
    """The numerals of one core match (a run of words may hold several)."""
    start = m.start()
    if m.lastgroup in ("digits", "frac"):  # the common case, 1,200 or 2.3: no group after them matched
        digits, frac, cur, neg_sign = m.group("digits", "frac", "cur", "neg")
        if digits is not None:
            value = _digits_value(digits.translate(_NO_SPACES) if len(digits) > 3 else digits, frac)
            return _signed([_Num(value, start, m.end(), cur)], neg_sign is not None) if value is not None else []
    last = m.lastgroup
    if last == "words" or last == "vague" or last == "coll":  # no need for the whole group dict
        return _read_word_core(text, m, last)
    g = m.groupdict()
    cur = g["cur"]
    neg = g["neg"] is not None
    digits = g["digits"]
    for group, part_kind in _PARTS:  # "3/4/2020", "192.168.1.2", "nrs. 22,24,26", "+1-222-2222": each part
        parts = g[group]
        if parts is not None:
            pos = m.start(group)
            out = []
            for part in _PART_SEPARATOR.split(parts):
                out.append(_Num(int(part), pos, pos + len(part), None, kind=part_kind))
                pos += len(part) + 1
            return out
    if digits is not None or g["frac"] is not None or g["vulgar"] is not None:
        if digits is None:
            value = _digits_value("0", g["frac"]) if g["frac"] is not None else 0
        else:
            value = _digits_value(digits.translate(_NO_SPACES), g["frac"])
        if value is None:
            return []
        exact = Fraction(value)
        try:
            if g["vulgar"] is not None:
                exact += Fraction(Decimal(str(unicodedata.numeric(g["vulgar"]))))
                exact = Fraction(round(exact * 720), 720)  # ⅓ is read as 0.333...; thirds, sixths and eighths are exact
            elif g["exp"] is not None:
                exact *= Fraction(10) ** int(g["exp"])
            elif g["pow"] is not None:
                power = int(g["pow"]) * (-1) ** g["psign"].count("-")
                if exact == 0 and power < 0:
                    return []
                exact **= power
            elif g["den"] is not None:
                exact /= int(g["den"])
            elif g["mden"] is not None:
                exact += Fraction(int(g["mnum"]), int(g["mden"]))
            else:  # ".08"
                return _signed([_Num(value, start, m.end(), cur)], neg)
        except ZeroDivisionError:  # "3/0": not a number
            return []
        out_value = _exact(exact)
        if isinstance(out_value, Decimal):
            out_value = +out_value  # round to the context's 28 digits
        return _signed([_Num(out_value, start, m.end(), cur, kind=FigureKind.MEASURE)], neg)
    return _read_word_core(text, m, "words")  # pragma: no cover - the lastgroup dispatch above takes it


def _read_word_core(text: str, m: regex.Match[str], last: str) -> list[_Num]:
    """The numerals of a core match of words, a vague amount or a collective (``last``: which)."""
    start = m.start()
    if last == "vague":
        vtext = " ".join(m.group("vague").lower().split())
        low, high = LEXICON.vague[vtext]
        return [_Num(low, m.start("vague"), m.end("vague"), None, vague=(low, high))]
    cur, neg_sign = m.group("cur", "neg")
    neg = neg_sign is not None
    if last == "coll":  # "a couple of" = 2; "a couple of thousand" reads its scale word next
        count, approx = _COLLECTIVES[m.group("coll").split()[-1].lower()]
        of = _OF_SCALE.match(text, m.end(), m.end() + 40)
        return [_Num(count, start, of.end() if of else m.end(), cur, approx=approx, collective=of is None)]
    words = m.group("words")
    wstart = m.start("words")
    single = _WORDS.get(words.lower())
    if single is not None and single[1] in ("unit", "teen", "tens"):  # "two", "Fifteen": one word
        return _signed([_Num(single[0], start if (cur or neg) else wstart, m.end("words"), cur, words=True)], neg)
    tokens = [(t.group(), wstart + t.start(), wstart + t.end())
              for t in _WORD_TOKEN.finditer(words)]
    nums = []
    for value, a, b, word_kind in _read_words(text, tokens):
        s = tokens[a][1]
        e = tokens[b - 1][2]
        nums.append(_Num(value, start if (a == 0 and (cur or neg)) else s, e, cur if a == 0 else None,
                         words=True, kind=word_kind))
    return _signed(nums, neg and bool(nums) and nums[0].start == start)


_OF_SCALE = regex.compile(rf"[ \t]++of(?=[ \t]++{_MULTIPLIER_WORD})", regex.IGNORECASE)  # "a couple of| thousand"
_WORD_RANGE_GAP = regex.compile(r"[ \t]*+(?P<sep>and|to|-|–|—)[ \t]*+\Z", regex.IGNORECASE)


def _word_ranges(text: str, nums: list[_Num]) -> dict[int, int]:
    """Pairs of word numerals in one run that make a range ("between ten and twenty"): start -> start."""
    out: dict[int, int] = {}
    for a, b in pairwise(nums):
        gap = _WORD_RANGE_GAP.match(text, a.end, b.start)
        if gap is None or a.value >= b.value or a.start in out.values() or a.value == 0 \
                or a.kind in _FIXED_KINDS or b.kind in _FIXED_KINDS:
            continue
        if gap.group("sep").lower() == "and":
            opener = _RANGE_OPEN_BEFORE.search(text[max(0, a.start - 24): a.start])
            if opener is None or opener.group("w").lower() != "between":
                continue
        out[a.start] = b.start
    return out


_FIXED_KINDS = (FigureKind.ORDINAL, FigureKind.DATE)
_OVER = regex.compile(r"[ \t]++over[ \t]++(?=[\w.])", regex.IGNORECASE)
_HEDGE_LAST = frozenset(h.split()[-1].lower() for h in LEXICON.hedges)
_HEDGE_ONE_WORD = frozenset(h.lower() for h in LEXICON.hedges if len(h.split()) == 1)
_HEDGE_PENULT: dict[str, tuple[str, ...]] = {  # "to" -> ("up", "close", "equal", ...): the word before it
    last: tuple(sorted({h.lower().split()[-2] for h in LEXICON.hedges
                        if len(h.split()) > 1 and h.split()[-1].lower() == last}))
    for last in _HEDGE_LAST}


def _hedge_may_end(before: str, last: str) -> bool:
    """Whether a hedge may end the window: a cheap gate before _HEDGE_BEFORE ("of", "to" are common)."""
    if last in _HEDGE_ONE_WORD:
        return True
    parts = before.rsplit(None, 2)
    return len(parts) >= 2 and parts[-2].casefold().endswith(_HEDGE_PENULT[last])


def _last_word(before: str) -> str:
    """The last word of a window, lower-cased (a cheap gate before the window patterns).

    A word starts after any blank ("\\n\\nOver 1,500" at the start of a line) and without the
    quote or bracket that opens it ('held "between 200 and 250"'); its trailing punctuation stays.
    """
    parts = before.rsplit(None, 1)
    return parts[-1].lstrip(_OPENERS).lower() if parts else ""


_OPENERS = "\"'(\u201c\u2018["


def _kind_around(text: str, first: _Num, num: _Num, prev: Figure | None,
                 tok: str | None = None) -> tuple[FigureKind, str | None, int, int]:
    """What the words around a numeral make of it, the unit, and the new start and end.

    ``first`` is the numeral that opens the expression (its left context is read),
    ``num`` the one that closes it (its right context is read), ``prev`` the figure before it,
    ``tok`` the gate token at ``num.end`` when ``first`` is ``num`` (see :func:`_after`).
    """
    start, end = first.start, num.end
    before = text[max(0, first.start - 24): first.start]
    parts = before.rsplit(None, 1)
    word = parts[-1].lstrip(_OPENERS) if parts else ""  # as _last_word, in its case as written
    last = word.lower()
    if num.collective:
        after = _UNIT_AFTER.match(text, end + 3, end + 43)  # "a couple| of| days"
    else:
        after = _UNIT_AFTER.match(text, end, end + 40) if tok is None or tok in _UNIT_GATE else None
    if num.vague is None and not num.words:
        mb = _MONTH_BEFORE.search(before) if last.rstrip(".") in _MONTHS else None
        if mb is not None and not num.scaled and num.value <= 31:
            tail = _DATE_TAIL.match(text, first.end, first.end + 20)
            return FigureKind.DATE, None, start - (len(before) - mb.start()), tail.end() if tail else end
        month_after = _MONTH_AFTER.match(text, first.end, first.end + 20) \
            if tok is None or tok in _MONTH_GATE else None
        if month_after is not None and not first.scaled and 1 <= first.value <= 31:
            return FigureKind.DATE, None, start, month_after.end()
    if after is not None:
        if after.group("pct") is not None:
            return FigureKind.PERCENT, "%", start, end
        if after.group("age") is not None:
            return FigureKind.AGE, "years", start, end
        if after.group("ord") is not None and not num.words:
            return FigureKind.ORDINAL, None, start, after.end()
        if after.group("time") is not None and not num.words:
            return FigureKind.TIME, None, start, after.end()
        if after.group("unit") is not None:
            unit = " ".join(after.group("unit").lower().split())
            kind = _UNITS.get(unit) or _UNITS.get(after.group("unit"), "measure")
            if unit not in LEXICON.hyphen_units or "-" in text[end:after.start("unit")]:
                return FigureKind(kind), unit, start, end
        if after.group("curw") is not None:
            return FigureKind.MONEY, " ".join(after.group("curw").lower().split()), start, end
    if last in ("aged", "ages", "of") and _AGED_BEFORE.search(before):
        return FigureKind.AGE, "years", start, end
    if last in ("per", "every", "of") and _PER_BEFORE.search(before):
        return FigureKind.MEASURE, "rate", start, end
    if num.vague is None and not num.words and isinstance(num.value, int):
        if last.endswith(",") and _AGE_BEFORE.search(before) and num.value <= 120 and _AGE_END.match(text, end, end + 3):
            return FigureKind.AGE, "years", start, end
        c = before[-1:]
        if (c == "-" or c == "#" or (c in (".", " ") and "No." in before[-4:])) and _LABEL_HYPHEN_BEFORE.search(before):
            return FigureKind.ORDINAL, None, start, end
        lab = _LABEL_BEFORE.search(before) if "A" <= word[:1] <= "Z" and before.rstrip()[-1:].isalpha() else None
        if lab is not None and lab.group("w").lower() not in _NOT_LABEL_WORDS and not num.scaled \
                and num.currency is None and not _LOWER_WORD_AFTER.match(text, end, end + 10) \
                and not (prev is not None and prev.kind is FigureKind.COUNT and _GAPPED.fullmatch(
                    text, prev.end, start - len(before) + lab.start("w"))):
            return FigureKind.ORDINAL, None, start, end
        if num.end - num.start >= _ID_DIGITS and not num.scaled and num.currency is None \
                and text[num.start:num.end].isdigit():
            return FigureKind.ORDINAL, None, start, end  # "Kharagpur 8972073925": a phone number, an ID
        if 1800 <= num.value <= 2100 and num.end - num.start == 4 and text[num.start:num.end].isdigit():
            nxt = _NEXT_WORD.match(text, end, end + 30)
            if nxt is None or nxt.group(1) not in LEXICON.count_nouns:
                return FigureKind.DATE, None, start, end
        if end < len(text) and text[end].isalpha():
            return FigureKind.MEASURE, None, start, end
    if first.currency is not None or num.currency is not None:
        return FigureKind.MONEY, None, start, end
    return FigureKind.COUNT, None, start, end


def _figure(text: str, lo: _Num, hi: _Num | None, hedge: str | None, hedge_q: str | None,
            kind: FigureKind, unit: str | None, start: int, end: int) -> Figure:
    if hi is None and hedge_q is None and kind is FigureKind.COUNT and lo.vague is None and type(lo.value) is int:
        fig = _NEW(Figure)  # the common case, an exact count ("1,200 people"): _new_figure without its checks
        _SET(fig, "__dict__", {"low": lo.value, "high": lo.value, "approximate": False, "vague": False,
                               "qualifier": Qualifier.EXACT, "kind": kind, "text": text[start:end], "start": start,
                               "end": end, "hedge": hedge, "currency": lo.currency, "unit": unit})
        _SET(fig, "__pydantic_fields_set__", _FIELDS_SET.copy())
        _SET(fig, "__pydantic_extra__", None)
        _SET(fig, "__pydantic_private__", None)
        return fig
    currency = lo.currency or (hi.currency if hi else None)
    if kind is FigureKind.MONEY:
        # a name several currencies share ("pesos", code "-") is money of no one known currency
        currency = _SYMBOLS.get(currency.upper() if currency else "") or _CURRENCY_WORDS.get(unit or "")
        currency = None if currency == "-" else currency
    if lo.vague is not None:
        return _new_figure(lo.vague[0], lo.vague[1], True, True, Qualifier.VAGUE, kind, text[start:end], start, end,
                           hedge, currency, unit)
    low: int | Decimal | None = lo.value
    high: int | Decimal | None = lo.value
    qualifier = Qualifier.EXACT
    approximate = False
    if hi is not None:
        high = hi.value
        qualifier = Qualifier.RANGE
    if hedge_q is not None:
        q = _QUALIFIER_OF[hedge_q]
        if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            high = None
        elif q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
            low = None
        else:
            approximate = True
        if hi is None:
            qualifier = q
    if kind is FigureKind.COUNT and (isinstance(low, Decimal) or isinstance(high, Decimal)):
        kind = FigureKind.MEASURE
    return _new_figure(low, high, approximate, False, qualifier, kind, text[start:end], start, end, hedge, currency,
                       unit)


def find_figures(text: str) -> list[Figure]:
    """Every numeric expression in ``text``, in order, with its span and kind.

    Never raises on a ``str``; a non-``str`` gets a :class:`TypeError`.

    >>> [(f.text, f.low, f.high) for f in find_figures("between 10 and 15 people, and 2-3 more")]
    [('10 and 15', 10, 15), ('2-3', 2, 3)]
    >>> [(f.text, f.vague) for f in find_figures("hundreds of thousands of people")]
    [('hundreds of thousands', True)]
    """
    if not isinstance(text, str):
        raise InputTypeError(f"find_figures expects a str, got {type(text).__name__}")
    out: list[Figure] = []
    pos = 0
    n = len(text)
    low = text.lower()
    two_scans = len(low) == n
    dnext = wnext = dend = wend = -1
    while pos < n:
        if two_scans:
            if dnext < pos:
                dh = DIGIT_SCAN.search(low, pos)
                dnext, dend = (dh.start(), dh.end()) if dh else (n, n)
            if wnext < pos:
                wh = WORD_SCAN.search(low, pos)
                wnext, wend = (wh.start(), wh.end()) if wh else (n, n)
            if dnext < wnext:
                start, skip = dnext, dend
                while start > pos and low[start - 1] in "-+.":  # "-5", ".08", "-.5"
                    start -= 1
            else:
                start, skip = wnext, wnext + 1
            if start >= n:
                break
        else:
            hit = PREFILTER.search(text, pos)
            if hit is None:
                break
            start, skip = hit.start(), hit.end()
        plain = _plain_end(text, start, dend) if two_scans and start == dnext else -1
        single = _single_word(text, low, start, wend) if two_scans and start == wnext else None
        if plain > 0:  # "1,200", "2950": what CORE and _read_core would make of it, without them
            digits = text[start:plain]
            nums = [_Num(int(digits.replace(",", "")) if "," in digits else int(digits), start, plain, None)]
            pos = max(plain, pos + 1)
        elif single is not None:  # "two people": likewise
            nums = [_Num(single, start, wend, None, words=True)]
            pos = max(wend, pos + 1)
        else:
            m = CORE.match(text, start, start + MAX_NUMERAL)
            if m is None and two_scans and start < dnext < n and dnext < wnext:  # "UH-1Y", "+44 20": not a sign
                m = CORE.match(text, dnext, dnext + MAX_NUMERAL)
            if m is None:
                pos = max(skip, pos + 1)
                continue
            nums = _read_core(text, m)
            pos = max(m.end(), pos + 1)
            if not nums:
                continue
        joined = _word_ranges(text, nums) if len(nums) > 1 else _NO_RANGES
        for idx, num in enumerate(nums):
            if joined and num.start in joined.values():
                continue  # the upper end of a range of words, read with its lower end
            if num.kind in _FIXED_KINDS:  # a label, a word ordinal, a date written 3/4/2020
                out.append(_new_figure(num.value, num.value, False, False, Qualifier.EXACT, num.kind,
                                       text[num.start:num.end], num.start, num.end))
                pos = max(pos, num.end)
                continue
            if num.words and num.value == 1 and num.end - num.start == 3 and _pronoun_one(text, num.start, num.end):
                continue  # "one of the dead", "no one", "one another": a pronoun, not a count
            tpos = num.end
            tok = _after(text, tpos)
            if tok is None or tok in _SCALE_GATE or tok.startswith("and"):  # else _scale finds nothing
                _scale(text, num, after=tok)
            if num.end != tpos:
                tpos = num.end
                tok = _after(text, tpos)
            hedge = hedge_q = None
            range_open = None
            if idx == 0:
                before = text[max(0, num.start - 40): num.start]
                parts = before.rsplit(None, 1)  # _last_word, inline (every figure pays it)
                last = parts[-1].lstrip(_OPENERS).lower() if parts else ""
                if last == "but" and _ALL_BUT_BEFORE.search(before):
                    before = last = ""
                hm = _HEDGE_BEFORE.search(before) if ((last in _HEDGE_LAST and _hedge_may_end(before, last))
                                                      or before[-1:] in "<>=") else None
                if hm is not None:
                    hedge = hm.group("hedge")
                    hedge_q = LEXICON.hedges[" ".join(hedge.lower().split())]
                    if hedge_q == "none":  # "has gone up to 278": the value reached, no bound
                        hedge = hedge_q = None
                rm = _RANGE_OPEN_BEFORE.search(before) if last in ("between", "from") else None
                if rm is not None:
                    range_open = rm.group("w").lower()
                    if range_open == "from" and _CHANGE_FROM.search(before):
                        range_open = "change"  # "revised up from 12,873 to 14,014": two values
            if num.approx and hedge_q is None:
                hedge_q = "approximate"  # "a couple of"
            hi: _Num | None = None
            if num.start in joined:
                hi = next(x for x in nums if x.start == joined[num.start])
                _scale(text, hi)
            elif idx == len(nums) - 1 and num.vague is None:
                sep = _RANGE_SEP.match(text, num.end, num.end + 20) \
                    if tok is None or tok.startswith(_RANGE_GATE) else None
                if sep is not None:
                    word = sep.group("sep")
                    # "10 to 15", "from 10 to 15", "about 300 to 400"; not "up to 5 to ..." nor "more than 2 to 3"
                    ok = word in ("-", "–", "—", "~", "through", "thru") \
                        or (word == "to" and hedge_q in (None, "approximate") and range_open != "change") \
                        or (word == "and" and range_open == "between")
                    m2 = _core_after_separator().match(text, sep.end(), sep.end() + MAX_NUMERAL) if ok else None
                    if m2 is not None and m2.group("vague") is None:
                        nums2 = _read_core(text, m2)
                        if nums2 and nums2[0].start == sep.end() and nums2[0].kind not in _FIXED_KINDS:
                            cand = nums2[0]
                            _scale(text, cand)
                            if cand.mult > 1 and num.mult == 1 and num.value * cand.mult <= cand.value:
                                num.value = num.value * cand.mult  # "3 to 5 million"
                            if num.value <= cand.value and (word != "to" or range_open or
                                                            _UNIT_AFTER.match(text, cand.end, cand.end + 40) is None):
                                hi = cand
                                if num.currency and not cand.currency:
                                    cand.currency = num.currency
                                pos = max(pos, cand.end)
            if hi is None and num.vague is None and idx == len(nums) - 1 and text.startswith(" over", num.end):
                _over(text, num)  # "one over three", "2000 over 3"
            if hi is None and num.end != tpos:  # "one over three"
                tpos = num.end
                tok = _after(text, tpos)
            kind, unit, start, end = _kind_around(text, num, hi if hi is not None else num, out[-1] if out else None,
                                                  tok if hi is None else None)
            if kind in (FigureKind.DATE, FigureKind.TIME):
                hi = None
            if num.neg or (hi is not None and hi.neg):
                kind = kind if kind in (FigureKind.PERCENT, FigureKind.MEASURE) else FigureKind.MEASURE
            elif num.kind is FigureKind.MEASURE and kind in (FigureKind.COUNT, FigureKind.ORDINAL, FigureKind.AGE,
                                                               FigureKind.DATE):
                kind = FigureKind.MEASURE  # "3/4", "1.3e6"
            if hedge_q in (None, "approximate") and hi is None and num.vague is None \
                    and (end != tpos or tok is None or tok in _HEDGE_AFTER_GATE):
                after_hedge = _HEDGE_AFTER.match(text, end, end + 30)
                if after_hedge is not None:  # "200 or more"
                    hedge = after_hedge.group("hedge")
                    hedge_q = LEXICON.hedges_after[" ".join(hedge.lower().split())]
            fig = _figure(text, num, hi, hedge, hedge_q, kind, unit, start, end)
            if out and fig.hedge is not None and fig.kind in _BOUNDED_KINDS and out[-1].kind is fig.kind:
                merged = _join_bounds(text, out[-1], fig)
                if merged is not None:
                    out[-1] = merged
                    pos = max(pos, fig.end)
                    continue
            out.append(fig)
            pos = max(pos, fig.end)
    return out


_BOUNDED_KINDS = (FigureKind.COUNT, FigureKind.MEASURE)
_NO_RANGES: dict[int, int] = {}
_PLAIN = re.compile(r"(?:\d{1,3}(?:,\d{3})++|\d{1,18})[,.]?")
_PLAIN_BEFORE = frozenset(" \t\n\r(\"'[\u201c\u2018")  # where CORE's "not inside a word or number" holds
_PLAIN_AFTER = frozenset("abcdfghijklmnopqrstuvwyzABCDFGHIJKLMNOPQRSTUVWYZ"  # not e/E (1e6) nor x/X (2x10^3)
                         "\n\r)];:!?%'\",.-\u2013\u2014\u2019\u201d")  # no suffix of CORE starts with these
_PLAIN_AFTER_BLANK = frozenset("abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWYZ(\"'$-\u201c\u2018")  # not x/X


_SINGLE = {w: v for w, (v, role) in _WORDS.items() if role in ("unit", "teen", "tens")}
_RUN_GOES_ON = frozenset({*_WORDS, *_FRACTIONS, "and", "point", "o", "oh"})  # what may follow a word of a run
_SINGLE_AFTER = frozenset(",.;:)!?'\"\u2019\u201d")
_SINGLE_BEFORE = frozenset(" \t\n\r(\"'[\u201c\u2018,;:.!?)/\u2013\u2014")


def _single_word(text: str, low: str, start: int, end: int) -> int | None:
    """The value of a lone number word at ``start`` ("two people", "Fifteen,"), or None.

    Lone: "one" to "ninety" (number_words.tsv units, teens and tens) that no other word of a
    run of number words, hyphen or "and" follows, and no hyphen precedes; CORE would read it
    as the whole "words" group. Any other shape goes through CORE (the tests compare both).
    """
    value = _SINGLE.get(low[start:end])
    if value is None or (start and text[start - 1] not in _SINGLE_BEFORE):  # CORE: not after a word or "-"
        return None
    c = text[end:end + 1]
    if not c or c in _SINGLE_AFTER:
        return value
    if c == " " or c == "\t":
        tok = _after(text, end)
        if tok and tok.isalpha() and tok not in _RUN_GOES_ON:
            return value
    return None


def _plain_end(text: str, start: int, dend: int) -> int:
    """The end of a plain numeral at ``start`` ("1,200 people", "2950."), or -1.

    Plain: the digit scan's run is digits in threes or one run of at most 18 digits, between
    characters that no other branch or suffix of CORE reads (a blank and a letter, a newline,
    closing punctuation). CORE would read it as its "digits" group and nothing else; any other
    shape returns -1 and goes through CORE. ``tests/test_numbers.py`` compares both paths.
    """
    if start and text[start - 1] not in _PLAIN_BEFORE:
        return -1
    m = _PLAIN.fullmatch(text, start, dend)
    if m is None:
        return -1
    e = dend - 1 if text[dend - 1] in ",." else dend
    if e - start > 23:  # more than MAX_DIGITS digits in threes ("123,456,789,012,345,678" has 18)
        return -1
    c = text[e:e + 1]
    if not c or c in _PLAIN_AFTER:
        return e
    if c == " " or c == "\t":  # not "1 234" nor "2 1/4" nor "2 x 10^3"
        return e if text[e + 1:e + 2] in _PLAIN_AFTER_BLANK else -1
    return -1
_ONE_PRONOUN_AFTER = regex.compile(r"[ \t]++(?:of|another)\b", regex.IGNORECASE)


def _pronoun_one(text: str, start: int, end: int) -> bool:
    """Whether a lone "one" is the pronoun rather than the numeral.

    "one of the dead was a woman" picks a member out (a count says "one person", "two of them"),
    "one another" is reciprocal, "no one" is "nobody". What the grammar cannot see ("one person
    said": a speaker; "one side") is left to extraction. After an ordinal, "one" stands for the
    noun ("the first one that killed more than 100"): a count of one would say "the first victim".
    """
    if _ONE_PRONOUN_AFTER.match(text, end, end + 12):
        return True
    if text[max(0, start - 3):start].lower() in ("no ", "no-") and (start < 4 or not text[start - 4].isalnum()):
        return True
    parts = text[max(0, start - 16):start].rsplit(None, 1)
    return text[start - 1:start] == " " and bool(parts) and parts[-1].lower() in _ORDINAL_WORDS


_ORDINAL_WORDS = frozenset({*(w for w, (_, _, plural, use) in _FRACTIONS.items() if use != "fraction" and not plural),
                            "last", "next"})  # "the first one", "the last one"; not "half one" (a time)


def _over(text: str, num: _Num) -> None:
    """Read "X over Y" as a fraction when Y is a bare number ("1 over 3"; not "2 over 3 years")."""
    ov = _OVER.match(text, num.end, num.end + 16)
    m2 = _core_after_separator().match(text, ov.end(), ov.end() + MAX_NUMERAL) if ov else None
    if ov is None or m2 is None or m2.group("vague") is not None or m2.group("neg") is not None:
        return
    dens = _read_core(text, m2)
    if not dens or dens[0].start != ov.end() or dens[0].kind is not None or dens[0].value == 0:
        return
    den = dens[0]
    _scale(text, den)
    nxt = _NEXT_WORD.match(text, den.end, den.end + 30)
    if _UNIT_AFTER.match(text, den.end, den.end + 40) is not None or (
            nxt is not None and nxt.group(1) in LEXICON.count_nouns):
        return
    num.value = _exact(Fraction(num.value) / Fraction(den.value))
    num.kind = FigureKind.MEASURE
    num.end = den.end


def _join_bounds(text: str, a: Figure, b: Figure) -> Figure | None:
    """Two half-open bounds that make one interval: "above 1,000 and below 1,500" -> 1,000 to 1,500."""
    lo = hi = None
    if a.low is not None and a.high is None and b.low is None and b.high is not None:
        lo, hi = a.low, b.high
    elif a.high is not None and a.low is None and b.low is not None and b.high is None:
        lo, hi = b.low, a.high
    if lo is None or hi is None or lo >= hi or not a.hedge or not b.hedge:
        return None
    gap_start = a.end
    gap_end = text.rfind(b.hedge, max(gap_start, b.start - len(b.hedge) - 3), b.start)
    if gap_end < gap_start or gap_end - gap_start > 12:
        return None
    if not _BOUNDS_GAP.fullmatch(text, gap_start, gap_end):
        return None
    return _new_figure(lo, hi, False, False, Qualifier.RANGE, a.kind, text[a.start:b.end], a.start, b.end, a.hedge,
                       a.currency, a.unit)


def parse_number(text: str) -> Figure | None:
    """The figure that ``text`` as a whole expresses, or None.

    >>> parse_number("one hundred and five").low
    105
    >>> parse_number("at least 20,000").qualifier.value
    'at_least'
    """
    figs = find_figures(text)
    return figs[0] if len(figs) == 1 else None
