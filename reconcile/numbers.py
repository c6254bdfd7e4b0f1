"""The figure grammar: every numeric expression in a text, read as an interval.

One left-to-right pass with a precompiled pattern finds the numeral cores
(digits, number words, vague amounts); short anchored patterns then read what
stands around each core (a hedge before it, a scale word, a range, a unit, a
month name), so that each character is looked at a bounded number of times.

>>> [(f.text, f.low, f.high, f.qualifier.value) for f in find_figures("killing more than 1,100 people")]
[('1,100', 1100, None, 'more_than')]
>>> [(f.text, f.low, f.high) for f in find_figures("home to 2.3mn people")]
[('2.3mn', 2300000, 2300000)]
>>> [(f.text, f.kind.value) for f in find_figures("Emad Joudat, 55, said on Oct. 7")]
[('55', 'age'), ('Oct. 7', 'date')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise

import regex

from .errors import InputTypeError
from .lexicon import LEXICON, alternation, by_first_letter
from .lexicon import greedy as _greedy
from .records import Figure, FigureKind, Qualifier

__all__ = ["find_figures", "parse_number"]

MAX_DIGITS = 18  # a longer run of digits is an identifier, not a count
MAX_NUMERAL = 1000  # characters one numeral may span; every anchored match is bounded (the regex
# module's match() otherwise scans to the end of the text for a required literal: quadratic)
_TIMEOUT = 5.0  # seconds; a pattern that runs longer on one slice is a bug, not a hang

_WORDS = LEXICON.number_words
_SCALE_ATTACHED = {k: v for k, (v, sp) in LEXICON.scales.items() if sp in ("attached", "either")}
_SCALE_SPACED = {k.lower(): v for k, (v, sp) in LEXICON.scales.items() if sp in ("spaced", "either")}
_MONTHS = {k.lower(): v for k, v in LEXICON.months.items()}

_NUMBER_WORD = alternation([w for w in _WORDS]) + r"\b"
_NUMBER_WORDS = rf"""
    (?:an?\s++(?=(?:hundred|thousand|million|billion|dozen)\b))?   # "a hundred", "a dozen"
    {_NUMBER_WORD}
    (?:(?:\s++and\s++|[ \t-]++|\s*+-\s*+)(?:{_NUMBER_WORD}|(?:point|o|oh)\b))*+  # "one hundred and five", "twelve point nine nine"
"""

_CORE_SOURCE = rf"""
    (?P<cur>US\$|A\$|C\$|\$|£|€|¥)?                          # a currency symbol
    (?:
        (?<![\w.,])                                          # not inside a word or a number
        (?P<digits>\d{{1,3}}(?:,\d{{3}})++(?![\d])|\d++)     # 1,200 or 2950
        (?:\.(?P<frac>\d++))?                                # 2.3
        (?!\.\d|,\d)                                         # not a version, an address or a list
      | (?<![\w-])(?P<vague>{alternation(list(LEXICON.vague))})\b
      | (?<![\w-])(?P<words>{_NUMBER_WORDS})(?![\w])
    )
    """
CORE = regex.compile(_CORE_SOURCE, regex.VERBOSE | regex.IGNORECASE)
# where a numeral may start: scanned first, because one literal alternation is much faster to
# search for than CORE with its lookbehinds; CORE is then matched only at these places
# Where a numeral may start. The standard library's engine scans this plain literal
# alternation (no nested quantifiers: linear) about four times faster than `regex` does,
# and CORE is then matched only at these places.
PREFILTER = re.compile(
    r"[$£€¥]|\b(?:(?<![.,])\d|[Aa]n?[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b)"
    rf"|{by_first_letter([*_WORDS, *LEXICON.vague, *(w.upper() for w in _WORDS)])}\b)"
)
# the second end of a range may follow a hyphen directly ("600-nine hundred")
CORE_AFTER_SEPARATOR = regex.compile(_CORE_SOURCE.replace("(?<![\\w-])", "(?<![\\w])"),
                                     regex.VERBOSE | regex.IGNORECASE)

_WORD_TOKEN = regex.compile(
    rf"(?P<a>\ban?\b)|(?P<and>\band\b)|(?P<point>\bpoint\b)|(?P<o>\b(?:o|oh)\b)|(?P<w>{_NUMBER_WORD})",
    regex.IGNORECASE,
)

_SCALE_AFTER = regex.compile(
    rf"""
    (?:(?P<att>{alternation(list(_SCALE_ATTACHED))})(?![\w])       # 2.3mn, 34.5k, 4.4bn (case as written)
      | [ \t]++(?P<sp>(?i:{alternation(list(_SCALE_SPACED))}))\b)  # 1.5 million, 2.5 Million
    """,
    regex.VERBOSE,
)

_RANGE_SEP = regex.compile(
    r"""[ \t]*+(?P<sep>-|–|—|~|to|through|thru|and)[ \t]*+(?=[\d$£€¥a-zA-Z])""", regex.VERBOSE
)
_HEDGE_AFTER = regex.compile(
    rf"""[ \t]++(?P<hedge>{alternation(list(LEXICON.hedges_after))})(?![\w])""", regex.VERBOSE | regex.IGNORECASE
)


_HEDGE_BEFORE = regex.compile(
    rf"""(?:^|(?<=[^\w])|(?=[<>]))(?P<hedge>{_greedy(alternation(list(LEXICON.hedges)))})[ \t]*\Z""",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE)
_RANGE_OPEN_BEFORE = regex.compile(r"(?:^|(?<=\W))(?P<w>between|from)[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_ALL_BUT_BEFORE = regex.compile(r"\ball[ \t]+but[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)

_UNITS = LEXICON.units
_UNIT_AFTER = regex.compile(
    rf"""
    (?P<pct>[ \t]?%)
  | (?P<age>-year-old|[ \t-]years?[ \t-]old|-month-old|[ \t]months[ \t]old)\b
  | (?P<ord>st|nd|rd|th)\b
  | (?P<time>:\d\d|[ \t]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|o'clock\b))
  | (?:[ \t]and[ \t]an?[ \t](?:half|quarter))?(?:[ \t]|-|[ \t]-[ \t])(?P<unit>{alternation(list(_UNITS))})(?![\w])
  | (?P<curw>[ \t]++(?:US[ \t]+)?(?:dollars|pounds[ \t]sterling|euros|yuan|rupees|naira|shekels))\b
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
_LOWER_WORD_AFTER = regex.compile(r"[ \t]++(?!(?:and|or|to|in|on|at|of)\b)[a-z]")  # "told Reuters 12 people": a count, not "Hangar 12"
_AGE_END = regex.compile(r"[ \t]*[,;.)]")
_NEXT_WORD = regex.compile(r"[ \t]++([a-z]++)")
_BOUNDS_GAP = regex.compile(r"[ \t]*+(?:,[ \t]*+)?(?:(?:and|but)[ \t]++)?", regex.IGNORECASE)
_LABEL_HYPHEN_BEFORE = regex.compile(r"[A-Za-z]-\Z|#\Z|\bNo\.[ \t]?\Z", regex.REVERSE)

_CURRENCY_CODES = {"$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {"dollars": "USD", "pounds": "GBP", "euros": "EUR", "yuan": "CNY", "rupees": "INR",
                   "naira": "NGN", "shekels": "ILS"}
_QUALIFIER_OF = {
    "more_than": Qualifier.MORE_THAN,
    "at_least": Qualifier.AT_LEAST,
    "less_than": Qualifier.LESS_THAN,
    "at_most": Qualifier.AT_MOST,
    "approximate": Qualifier.APPROXIMATE,
}
_NOT_LABEL_WORDS = frozenset(
    w.lower() for w in (*LEXICON.months, *LEXICON.weekdays, "The", "A", "An", "Some", "About",
                        "Another", "Only", "All", "Of", "And", "But", "Nearly", "Almost", "Over",
                        "More", "At", "Up", "Around", "Roughly", "Just", "To", "Least", "Than",
                        "Between", "From", "Under", "Fewer", "With", "For", "In", "On", "By",
                        "Were", "Was", "Had", "Has", "Have", "Killed", "Said", "Says", "Told")
) | frozenset(h.lower() for h in LEXICON.hedges)


@dataclass
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


def _decimals(tokens: list[tuple[str, int, int]], j: int) -> tuple[str, int]:
    """The digits after "point" at token j: "nine nine" -> "99", "ninety-nine" -> "99"; and the end token."""
    digits = ""
    k = j
    while k < len(tokens):
        w = tokens[k][0].lower()
        if w in ("o", "oh"):
            digits += "0"
        elif w in _WORDS and _WORDS[w][1] == "unit":
            digits += str(_WORDS[w][0])
        else:
            break
        k += 1
    whole = _words_value(tokens[j:], decimals=False)
    if whole and whole[0][1] == 0 and (whole[0][2] > 1 or (j < len(tokens) and _WORDS.get(
            tokens[j][0].lower(), (0, "unit"))[1] in ("teen", "tens"))) and whole[0][2] >= k - j:
        return str(whole[0][0]), j + whole[0][2]
    return digits, k


def _words_value(tokens: list[tuple[str, int, int]], decimals: bool = True) -> list[tuple[int | Decimal, int, int]]:
    """Split a run of number words into numbers: (value, first token, end token).

    >>> toks = [(w, 0, 0) for w in "one hundred and five".split()]
    >>> _words_value(toks)
    [(105, 0, 4)]
    >>> [v for v, _, _ in _words_value([(w, 0, 0) for w in "one one".split()])]
    [1, 1]
    """
    out: list[tuple[int | Decimal, int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        total = current = 0
        last: str | None = None
        prev_scale = 0
        j = i
        used = i
        fraction: str | None = None
        while j < n:
            word = tokens[j][0].lower()
            if word == "point":
                if decimals and used > i and last in ("unit", "teen", "tens", "hundred", "scale"):
                    digits, k = _decimals(tokens, j + 1)
                    if digits:
                        fraction, used = digits, k
                break
            if word in ("o", "oh"):
                break
            if word in ("a", "an"):
                if last is not None:
                    break
                current, last = 1, "a"
                j += 1
                continue
            if word == "and":
                if last not in ("hundred", "scale") or j + 1 >= n:
                    break
                nxt = _WORDS.get(tokens[j + 1][0].lower())
                if nxt is None or nxt[1] not in ("unit", "teen", "tens"):
                    break
                j += 1
                continue
            value, role = _WORDS[word]
            if role in ("unit", "teen"):
                if last in ("unit", "teen") or (last == "tens" and role == "teen"):
                    break
                current += value
            elif role == "tens":
                if last in ("unit", "teen", "tens"):
                    break
                current += value
            elif role == "hundred":
                if last in ("hundred",) or current >= 100:
                    break
                current = (current or 1) * 100
            elif role == "dozen":
                if last == "dozen":
                    break
                current = (current or 1) * 12
            else:  # scale
                if prev_scale and value >= prev_scale:
                    break
                total += (current or 1) * value
                current = 0
                prev_scale = value
            last = role
            j += 1
            used = j
        if used == i:  # a lone "a"/"and" or an unreadable word: skip it
            i += 1
            continue
        number: int | Decimal = total + current
        if fraction is not None:
            number = Decimal(f"{number}.{fraction}")
        out.append((number, i, used))
        i = used
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


def _scale(text: str, num: _Num) -> None:
    """Apply a scale word after the numeral ("2.3mn", "1.5 million")."""
    if num.vague is not None:
        return
    m = _SCALE_AFTER.match(text, num.end, num.end + 24)
    if m is None:
        return
    attached = m.group("att")
    if attached is not None:
        if num.words:
            return
        mult = _SCALE_ATTACHED[attached]
    else:
        word = m.group("sp").lower()
        mult = _SCALE_SPACED[word]
        if num.words and word in ("thousand", "million", "billion", "trillion", "hundred"):
            return  # already part of the words
    value = num.value * mult
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    num.value = value
    num.end = m.end()
    num.scaled = True
    num.mult = mult


def _read_core(text: str, m: regex.Match[str]) -> list[_Num]:
    """The numerals of one core match (a run of words may hold several)."""
    cur = m.group("cur")
    start = m.start()
    if m.group("digits") is not None:
        value = _digits_value(m.group("digits"), m.group("frac"))
        if value is None:
            return []
        return [_Num(value, start, m.end(), cur)]
    if m.group("vague") is not None:
        vtext = m.group("vague").lower()
        vtext = " ".join(vtext.split())
        low, high = LEXICON.vague[vtext]
        return [_Num(low, m.start("vague"), m.end("vague"), None, vague=(low, high))]
    wstart = m.start("words")
    tokens = [(t.group(), wstart + t.start(), wstart + t.end())
              for t in _WORD_TOKEN.finditer(m.group("words"))]
    nums = []
    for value, a, b in _words_value(tokens):
        s = tokens[a][1]
        e = tokens[b - 1][2]
        nums.append(_Num(value, start if (a == 0 and cur) else s, e, cur if a == 0 else None,
                         words=True))
    return nums


_WORD_RANGE_GAP = regex.compile(r"[ \t]*+(?P<sep>and|to|-|–|—)[ \t]*+\Z", regex.IGNORECASE)


def _word_ranges(text: str, nums: list[_Num]) -> dict[int, int]:
    """Pairs of word numerals in one run that make a range ("between ten and twenty"): start -> start."""
    out: dict[int, int] = {}
    for a, b in pairwise(nums):
        gap = _WORD_RANGE_GAP.match(text, a.end, b.start)
        if gap is None or a.value >= b.value or a.start in out.values():
            continue
        if gap.group("sep").lower() == "and":
            opener = _RANGE_OPEN_BEFORE.search(text[max(0, a.start - 24): a.start])
            if opener is None or opener.group("w").lower() != "between":
                continue
        out[a.start] = b.start
    return out


_HEDGE_LAST = frozenset(h.split()[-1].lower() for h in LEXICON.hedges)


def _last_word(before: str) -> str:
    """The last word of a window, lower-cased (a cheap gate before the window patterns)."""
    stripped = before.rstrip()
    return stripped[stripped.rfind(" ") + 1:].lower()


def _kind_around(text: str, first: _Num, num: _Num) -> tuple[FigureKind, str | None, int, int]:
    """What the words around a numeral make of it, the unit, and the new start and end.

    ``first`` is the numeral that opens the expression (its left context is read),
    ``num`` the one that closes it (its right context is read).
    """
    start, end = first.start, num.end
    before = text[max(0, first.start - 24): first.start]
    last = _last_word(before)
    after = _UNIT_AFTER.match(text, end, end + 40)
    if num.vague is None and not num.words:
        mb = _MONTH_BEFORE.search(before) if last.rstrip(".") in _MONTHS else None
        if mb is not None and not num.scaled and num.value <= 31:
            tail = _DATE_TAIL.match(text, first.end, first.end + 20)
            return FigureKind.DATE, None, start - (len(before) - mb.start()), tail.end() if tail else end
        month_after = _MONTH_AFTER.match(text, first.end, first.end + 20)
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
            sep = text[end:after.start("unit")]
            if unit in ("times", "fold", "point", "points", "way", "phase", "sided") and "-" not in sep and unit != "times":
                pass
            else:
                return FigureKind(kind), unit, start, end
        if after.group("curw") is not None:
            return FigureKind.MONEY, after.group("curw").split()[-1].lower(), start, end
    if last in ("aged", "ages", "of") and _AGED_BEFORE.search(before):
        return FigureKind.AGE, "years", start, end
    if last in ("per", "every", "of") and _PER_BEFORE.search(before):
        return FigureKind.MEASURE, "rate", start, end
    if num.vague is None and not num.words and isinstance(num.value, int):
        if last.endswith(",") and _AGE_BEFORE.search(before) and num.value <= 120 and _AGE_END.match(text, end, end + 3):
            return FigureKind.AGE, "years", start, end
        if before[-1:] in ("-", "#", ".", " ") and _LABEL_HYPHEN_BEFORE.search(before):
            return FigureKind.ORDINAL, None, start, end
        lab = _LABEL_BEFORE.search(before) if before.rstrip()[-1:].isalpha() else None
        if lab is not None and lab.group("w").lower() not in _NOT_LABEL_WORDS and not num.scaled \
                and num.currency is None and not _LOWER_WORD_AFTER.match(text, end, end + 10):
            return FigureKind.ORDINAL, None, start, end
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
    currency = lo.currency or (hi.currency if hi else None)
    if kind is FigureKind.MONEY:
        currency = _CURRENCY_CODES.get(currency or "", None) or _CURRENCY_WORDS.get(unit or "", None)
    if lo.vague is not None:
        return Figure(low=lo.vague[0], high=lo.vague[1], approximate=True, vague=True, qualifier=Qualifier.VAGUE,
                      kind=kind, text=text[start:end], start=start, end=end, hedge=hedge,
                      currency=currency, unit=unit)
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
    return Figure(low=low, high=high, approximate=approximate, vague=False, qualifier=qualifier,
                  kind=kind, text=text[start:end], start=start, end=end, hedge=hedge,
                  currency=currency, unit=unit)


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
    while pos < n:
        hit = PREFILTER.search(text, pos)
        if hit is None:
            break
        m = CORE.match(text, hit.start(), hit.start() + MAX_NUMERAL, timeout=_TIMEOUT)
        if m is None:
            pos = hit.end()
            continue
        nums = _read_core(text, m)
        pos = max(m.end(), pos + 1)
        if not nums:
            continue
        joined = _word_ranges(text, nums)
        for idx, num in enumerate(nums):
            if num.start in joined.values():
                continue  # the upper end of a range of words, read with its lower end
            _scale(text, num)
            hedge = hedge_q = None
            range_open = None
            if idx == 0:
                before = text[max(0, num.start - 40): num.start]
                last = _last_word(before)
                if last == "but" and _ALL_BUT_BEFORE.search(before):
                    before = last = ""
                hm = _HEDGE_BEFORE.search(before) if (last in _HEDGE_LAST or before[-1:] in "<>=") else None
                if hm is not None:
                    hedge = hm.group("hedge")
                    hedge_q = LEXICON.hedges[" ".join(hedge.lower().split())]
                rm = _RANGE_OPEN_BEFORE.search(before) if last in ("between", "from") else None
                if rm is not None:
                    range_open = rm.group("w").lower()
            hi: _Num | None = None
            if num.start in joined:
                hi = next(x for x in nums if x.start == joined[num.start])
                _scale(text, hi)
            elif idx == len(nums) - 1 and num.vague is None:
                sep = _RANGE_SEP.match(text, num.end, num.end + 20)
                if sep is not None:
                    word = sep.group("sep")
                    # "10 to 15", "from 10 to 15", "about 300 to 400"; not "up to 5 to ..." nor "more than 2 to 3"
                    ok = word in ("-", "–", "—", "~", "through", "thru") \
                        or (word == "to" and hedge_q in (None, "approximate")) \
                        or (word == "and" and range_open == "between")
                    m2 = CORE_AFTER_SEPARATOR.match(text, sep.end(), sep.end() + MAX_NUMERAL, timeout=_TIMEOUT) if ok else None
                    if m2 is not None and m2.group("vague") is None:
                        nums2 = _read_core(text, m2)
                        if nums2 and nums2[0].start == sep.end():
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
            kind, unit, start, end = _kind_around(text, num, hi if hi is not None else num)
            if kind in (FigureKind.DATE, FigureKind.TIME):
                hi = None
            if hedge_q is None and hi is None and num.vague is None:
                after_hedge = _HEDGE_AFTER.match(text, end, end + 30)
                if after_hedge is not None:  # "200 or more"
                    hedge = after_hedge.group("hedge")
                    hedge_q = LEXICON.hedges_after[" ".join(hedge.lower().split())]
            fig = _figure(text, num, hi, hedge, hedge_q, kind, unit, start, end)
            if out and fig.kind is FigureKind.COUNT and out[-1].kind is FigureKind.COUNT:
                merged = _join_bounds(text, out[-1], fig)
                if merged is not None:
                    out[-1] = merged
                    pos = max(pos, fig.end)
                    continue
            out.append(fig)
            pos = max(pos, fig.end)
    return out


def _join_bounds(text: str, a: Figure, b: Figure) -> Figure | None:
    """Two half-open bounds that make one interval: "above 1,000 and below 1,500" -> 1,000 to 1,500."""
    lo = hi = None
    if a.low is not None and a.high is None and b.low is None and b.high is not None:
        lo, hi = a.low, b.high
    elif a.high is not None and a.low is None and b.low is not None and b.high is None:
        lo, hi = b.low, a.high
    if lo is None or hi is None or lo > hi or not a.hedge or not b.hedge:
        return None
    gap_start = a.end
    gap_end = text.rfind(b.hedge, max(gap_start, b.start - len(b.hedge) - 3), b.start)
    if gap_end < gap_start or gap_end - gap_start > 12:
        return None
    if not _BOUNDS_GAP.fullmatch(text, gap_start, gap_end):
        return None
    return Figure(low=lo, high=hi, approximate=False, vague=False, qualifier=Qualifier.RANGE, kind=a.kind,
                  text=text[a.start:b.end], start=a.start, end=b.end, hedge=a.hedge, currency=a.currency,
                  unit=a.unit)


def parse_number(text: str) -> Figure | None:
    """The figure that ``text`` as a whole expresses, or None.

    >>> parse_number("one hundred and five").low
    105
    >>> parse_number("at least 20,000").qualifier.value
    'at_least'
    """
    figs = find_figures(text)
    return figs[0] if len(figs) == 1 else None
