"""Date phrases in a sentence, resolved against the publication date.

Candidate phrases are found with one precompiled pattern; month-name phrases
are read by ``dateparser`` (imported lazily, called only on those phrases, and
cached); weekdays and relative words are resolved here: "on Sunday" is the
last Sunday on or before publication, a date without a year is the latest one
not after publication.

>>> import datetime as dt
>>> [(d.text, d.period.label) for d in find_dates("on Sunday, and on Oct. 7", dt.date(2024, 5, 8))]
[('Sunday', '2024-05-05'), ('Oct. 7', '2023-10-07')]
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from .lexicon import LEXICON, alternation, by_first_letter, folded
from .records import DatePeriod, Precision
from .sentences import Sentence

Role = Literal["event", "report", "scope"]
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")

_MONTHS = LEXICON.months
_WEEKDAYS = LEXICON.weekdays
_MONTH = alternation(list(_MONTHS))
_WEEKDAY = alternation(list(_WEEKDAYS))
_EVENT_NOUNS = alternation(LEXICON.events_of("disaster", "violence", "campaign"))
_INCIDENT_VERBS = alternation(sorted(LEXICON.incident_verbs))
_FEW_WORDS = sorted((w for w, (v, role) in LEXICON.number_words.items() if 1 <= v <= 19 and role in ("unit", "teen")),
                    key=lambda w: (-len(w), w))
_FEW = "a|" + alternation(_FEW_WORDS)  # "a week after", "twelve days after": counts of days a text gives
_FEW_VALUE = {w: LEXICON.number_words[w][0] for w in _FEW_WORDS} | {"a": 1}

DATE_PATTERN = regex.compile(
    rf"""
    (?P<md>(?P<md_m>{_MONTH})\.?[ \t]++(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b
        (?:[ \t]*+(?:and|-|–|to)[ \t]*+\d{{1,2}}\b)?(?:,?[ \t]++(?P<md_y>(?:1[89]|20)\d\d)\b)?
        (?:[ \t]++(?P<md_rel>last|this)[ \t]++year\b)?)
  | (?P<dm>(?P<dm_d>\d{{1,2}})[ \t]++(?P<dm_m>{_MONTH})\b(?:,?[ \t]++(?P<dm_y>(?:1[89]|20)\d\d)\b)?)
  | (?P<my>(?P<my_m>{_MONTH})[ \t]++(?P<my_y>(?:1[89]|20)\d\d)\b)
  | (?P<mo>(?P<mo_m>{_MONTH})\b                                 # "in March": the name first, then what stands before it
        (?<=\b(?i:in|since|by|from|of|during|until|last|this|early|late|mid|mid-|through|before|after)[ \t]++(?:{_MONTH})))
  | (?P<wd>(?P<wd_n>{_WEEKDAY})\b                               # "Friday's quake", "Friday night's quake"
        (?:[ \t]++(?:night|morning|evening|afternoon)(?=['’]s\b))?+(?P<poss>'s|’s)?)
  | (?P<ago>(?<!\bfor[ \t]++)(?<![\w.,])(?P<ago_n>\d{{1,2}}|(?i:{_FEW}))[ \t]++(?P<ago_u>days?|weeks?)[ \t]++  # "eight days ago",
        (?:ago\b|(?P<ago_after>after|since)(?=[ \t]++(?i:the|an?)[ \t]++(?:[\w'’-]++[ \t]++){{0,3}}?  # "A week after the floods, ...",
            (?:(?i:{_EVENT_NOUNS})s?,|(?P<ago_clause>(?:(?i:{_EVENT_NOUNS})s?|(?i:{_INCIDENT_VERBS}))\b[^,.;:!?"“”\n]{{0,80}}+,)))))
            # "Five days after a hillside fell on X, ...": only fronted (see _mentions)
  | (?P<rel>(?:[yY]esterday|[tT]oday|[tT]onight|[lL]ast[ \t]++night|[tT]his[ \t]++week|[lL]ast[ \t]++week   # either case first:
        |[tT]his[ \t]++(?:morning|afternoon|evening)(?:['’]s(?=[ \t]))?   # "this morning's quake": today
        |[lL]ast[ \t]++month|[tT]his[ \t]++month|[lL]ast[ \t]++year|[tT]his[ \t]++year              # "Last year" opens sentences
        |[eE]arlier[ \t]++this[ \t]++(?:week|month|year)))\b
  | (?P<yr>(?P<yr_y>(?:1[89]|20)\d\d)\b                     # a bare year: the digits first (cheap), then their context
        (?: (?<=\b(?i:the|a|an|its|this)[ \t]++\d{{4}})            # "the 2016 Kumamoto quakes": a year naming an event
            (?=(?:[ \t]++\p{{Lu}}[\p{{L}}'’-]*+){{0,2}}(?:[ \t]++\p{{Ll}}++)?[ \t]++(?i:{_EVENT_NOUNS})s?\b)  # "the 2004 Beslan school siege"
          | (?<=\b(?i:{_EVENT_NOUNS})s?[ \t]++of[ \t]++\d{{4}})       # "the Sewol ferry disaster of 2014"
          | (?<=\b(?i:in|since|by|until|from|during|before|after|year|start[ \t]++of|end[ \t]++of)[ \t]++\d{{4}})  # "In 2013,"
            (?![ \t]*+(?:people|persons|[a-z]+s\b))))
    """,
    regex.VERBOSE,
)
_REPORT_BEFORE = regex.compile(
    r"\b(?:said|says|told\s+\w+|told\s+reporters|reported|announced|published|released|issued|gave|given|stated|informed"
    r"|(?:a|its|the|their)\s+(?:report|statement|study|survey|update|briefing)|as\s+of|confirmed|added|estimated|tallied|updated)\s+(?:on\s+|in\s+|late\s+|early\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
# what every date phrase holds: a year, a month or weekday name, or a relative word
_GATE = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|" + by_first_letter([*_MONTHS, *_WEEKDAYS, "yesterday", "today", "tonight", "last week",
                                                   "last month", "last year", "last night", "this week", "this month",
                                                   "this year", "earlier this", "days", "weeks", "day", "week", "this morning",
                                                   "this afternoon", "this evening"]) + r")"
)
_TALLY_VERBS = "rose|risen|climbed|reached|stood|stands|passed|topped|tops|increased|jumped|hit|exceeded|crossed"
"""The verbs by which a toll reaches a figure ("rose to", "has crossed")."""
_TALLY_BEFORE = regex.compile(  # "the toll rose to 2,012 on Sunday": the day of the tally
    rf"\b(?:{_TALLY_VERBS})\s+"
    r"(?:[a-z]+\s+){0,3}[\d,.]+(?:\s+(?:people|deaths|dead))?\s+(?:on|by|as\s+of)?\s*\Z"
    r"|\b(?:to|at|from)\s+[\d,.]+\s+(?:(?:early|late)\s+)?(?:on|by|as\s+of)\s*\Z",
    regex.IGNORECASE | regex.REVERSE,
)
_BY_BEFORE = regex.compile(  # "by Sunday", "as of 11 p.m. on Sunday": the day of a tally
    r"""\b(?:by|as\s+of)
        (?:\s+\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|gmt|local\s+time)?)?  # a time of day
        (?:\s+(?:on|late|early))?[ \t]+\Z""",
    regex.IGNORECASE | regex.REVERSE | regex.VERBOSE)
_DATELINE_AFTER = regex.compile(r"[ \t]*+(?:\([^)\n]{1,40}\))?[ \t]*+\.?[-–—]")  # "ABUJA, Oct. 14 (PAW) -", "5 February 2024.-"
_FROM_BEFORE = regex.compile(r"\bfrom[ \t]+\Z", regex.IGNORECASE | regex.REVERSE)
_UNTIL_AFTER = regex.compile(r"[ \t]++(?:until|till|to|through)\b", regex.IGNORECASE)
_WHEN_AFTER = regex.compile(r",?[ \t]++when\b")
_ACCORDING_BEFORE = regex.compile(  # "according to state media on", "according to the ministry's figures on"
    r"\baccording[ \t]++to\b[^.;:!?\"“”\n,]{1,50}?[ \t](?:on|late[ \t]++on|early[ \t]++on)[ \t]++\Z",
    regex.IGNORECASE)
_OPENING_MARKS = " \t\"'“‘-–—•*"
_THAT_AFTER = regex.compile(r"(?:[ \t]++(?:morning|afternoon|evening|night))?[ \t]++that\b")
_TOLD_BEFORE = regex.compile(  # "told the United Nations in a letter on Sunday [that ...]": the verb the date modifies
    rf"""\b(?:{alternation(sorted(LEXICON.attribution_verbs))})\b
        [^.;:!?"“”\n]{{0,60}}+\Z""",  # bounded: no sentence stop or quotation between the verb and the date
    regex.IGNORECASE | regex.VERBOSE)
_LEAD_WORDS = regex.compile(r"(?:\bon|\bthe|\blate|\bearly|\bthis)[ \t]++\Z")
_EVENT_NOUN_AFTER = regex.compile(  # "the April 25 earthquake", "an April 1 air strike"
    rf"(?:[ \t]++[a-z]++)?[ \t]++(?P<noun>{alternation(LEXICON.events_of('disaster', 'violence', 'occasion'))})(?:e?s)?\b",
    regex.IGNORECASE)
_EVENT_NOUN_BEFORE = regex.compile(  # "the Noto Earthquake of Jan. 1", "Iran's attack on Sunday"
    rf"\b(?P<noun>{alternation(LEXICON.events_of('disaster', 'violence', 'occasion'))})(?:e?s)?[ \t]++(?:of|on)[ \t]++\Z",
    regex.IGNORECASE | regex.REVERSE)
_EVENT_NP_BEFORE = regex.compile(  # an event noun, then places and names only, then "on": "the stampede at X in Y on"
    rf"\b(?P<noun>{alternation(LEXICON.events_of('disaster', 'violence'))})(?:e?s)?"
    rf"(?:[ \t]++(?:in|at|near)[ \t]++(?:the[ \t]++)?\p{{Lu}}[\w'’-]*+(?:[ \t]++[\w'’-]++){{0,3}}?){{0,2}}[ \t]++on[ \t]++\Z",
    regex.IGNORECASE)  # searched forward in a window of 90 characters: bounded
_TALLY_VERB_AFTER = regex.compile(
    r"(?:[ \t]++(?:night|morning|evening|afternoon))?,?[ \t]++(?:has[ \t]++|had[ \t]++|have[ \t]++)?"
    rf"(?:{_TALLY_VERBS})\b")
_SCOPE_BEFORE = regex.compile(
    r"\b(?:since|before|until|through|(?:start|end|beginning)\s+of)\s+(?:the\s+)?\Z", regex.IGNORECASE | regex.REVERSE)


# Where a date phrase can start, read with the standard engine many times faster than DATE_PATTERN
# scans a sentence: the first word of each of DATE_PATTERN's branches (case-sensitive, as there): a
# month's or weekday's name, a relative phrase; one or two digits before a month's name; a year's
# first two digits; any other character than ASCII (a digit of another script) or an ASCII digit
# before one.
_NAMES = sorted({*_MONTHS, *_WEEKDAYS}, key=lambda w: (w[0], -len(w), w))
_MONTHS_SORTED = "|".join(re.escape(w) for w in sorted(_MONTHS))
_RELATIVE_START = (r"[yY]esterday|[tT]oday|[tT]onight|[lL]ast[ \t]+(?:night|week|month|year)"
                   r"|[tT]his[ \t]+(?:week|month|year|morning|afternoon|evening)|[eE]arlier[ \t]+this")
_COUNT_AGO = r"\b(?:[0-9][0-9]?|(?i:" + _FEW + r"))[ \t]+(?:days?|weeks?)[ \t]+(?:ago|after|since)\b"  # "eight days ago"
_PHRASE_START = re.compile(
    "|".join(re.escape(w) for w in _NAMES)
    + "|" + _RELATIVE_START
    + r"|[0-9][0-9]?[ \t]+(?:" + _MONTHS_SORTED + r")"
    + "|" + _COUNT_AGO
    + r"|1[89]|20|[0-9]?[^\x00-\x7f]")

# The same starts in a whole article at once (find_dates_in): each branch of _PHRASE_START that opens
# with a capital, a digit or a character outside ASCII, as its first character with the rest looked
# ahead at, so that every place where _PHRASE_START matches is one match (none hides another). The
# engine skips to those characters quickly (no branch opens with a common lower-case letter); the
# relative phrases, which do, are found with str.find on their first words and checked with
# _PHRASE_START there, and so are the counts of days ("eight days ago", from the word before "day" or
# "week"). tests/test_fast_paths.py compares the starts with _PHRASE_START at every place.
_START_CHAR = re.compile(
    "|".join(f"{re.escape(first)}(?=" + "|".join(re.escape(w[1:]) for w in _NAMES if w[0] == first) + ")"
             for first in dict.fromkeys(w[0] for w in _NAMES))
    + r"|1(?=[89])|2(?=0)|[0-9](?=[0-9]?[ \t]+(?:" + _MONTHS_SORTED + r")|[^\x00-\x7f])|[^\x00-\x7f]")
_RELATIVE_FIRST = tuple(form for w in ("yesterday", "today", "tonight", "last", "this", "earlier")
                        for form in (w, w.capitalize()))  # the first words of _RELATIVE_START, either case first


def _phrase_starts(text: str) -> list[int]:
    """Every place in ``text`` where _PHRASE_START matches, in order."""
    starts = [m.start() for m in _START_CHAR.finditer(text)]
    more = False
    for word in _RELATIVE_FIRST:
        i = text.find(word)
        while i >= 0:
            if _PHRASE_START.match(text, i):
                starts.append(i)
                more = True
            i = text.find(word, i + 1)
    for unit in ("day", "week"):  # _COUNT_AGO: a word (its whole run of word characters), blanks, the unit
        i = text.find(unit)
        while i >= 0:
            j = i
            while j and text[j - 1] in " \t":
                j -= 1
            k = j
            while k and (text[k - 1].isalnum() or text[k - 1] == "_"):  # what \w is to the standard engine
                k -= 1
            if k < j < i and _PHRASE_START.match(text, k):
                starts.append(k)
                more = True
            i = text.find(unit, i + 1)
    return sorted(set(starts)) if more else starts


def _date_phrases(sentence: str) -> list[regex.Match[str]]:
    """The matches of DATE_PATTERN.finditer(sentence), tried only where a phrase can start."""
    out: list[regex.Match[str]] = []
    # the timeout guards the pattern alone (matches are collected first, then read), and grows with
    # the text: a long text with no sentence stops is slow, not pathological
    timeout = 5.0 + len(sentence) / 100_000
    pos = 0
    while (start := _PHRASE_START.search(sentence, pos)) is not None:
        m = DATE_PATTERN.match(sentence, start.start(), timeout=timeout)
        if m is None:
            pos = start.start() + 1
        else:
            out.append(m)
            pos = m.end()  # as finditer: the next phrase starts after this one (none is empty)
    return out


def _date_phrases_at(sentence: str, starts: Iterable[int]) -> list[regex.Match[str]]:
    """_date_phrases(sentence), DATE_PATTERN tried at ``starts``: the places in the sentence where
    _PHRASE_START matches, and maybe others (where DATE_PATTERN matches no more than _PHRASE_START)."""
    out: list[regex.Match[str]] = []
    timeout = 5.0 + len(sentence) / 100_000
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = DATE_PATTERN.match(sentence, start, timeout=timeout)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


@dataclass(frozen=True)
class DateMention:
    """A date phrase: offsets in the sentence, its role and its resolved period (None if unknown)."""

    start: int
    end: int
    text: str
    period: DatePeriod | None
    role: Role
    possessive: bool
    event: str | None = None
    """The event noun the date names, lower case ("the April 25 earthquake" -> "earthquake")."""


@lru_cache(maxsize=4096)
def _dateparse(phrase: str, base: dt.date) -> dt.date | None:
    """dateparser on one normalised phrase; cached because news repeats its dates."""
    import dateparser  # lazily: importing it costs more than the rest of the package

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            got = dateparser.parse(phrase, languages=["en"], settings=settings)
        except Exception:  # a phrase dateparser cannot read is an unknown date, never a crash
            return None
    return got.date() if got is not None else None


def _calendar_date(month: int, day: int, year: str | None, base: dt.date | None) -> dt.date | None:
    """The date that dateparser makes of "day month [year]" (below), read without it when the calendar
    has that day: the day of the year given, else the latest one not after ``base``. None for a day the
    calendar lacks (Feb. 29 out of a leap year, a 31st of a short month) or a year in other digits:
    dateparser reads those as before. Measured identical to dateparser (1.2 ms a phrase, cached only per
    publication date) on every day of the year against 130 publication dates of 2019, 2023 and 2024,
    and with 11 years from 1850 to 2099; tests/test_fast_paths.py checks a sample."""
    try:
        if year is not None:
            return dt.date(int(year), month, day) if year.isascii() else None
        if base is None:
            return None
        got = dt.date(base.year, month, day)
        return got if got <= base else got.replace(year=base.year - 1)
    except ValueError:
        return None


def _month_day(month: str, day: int | None, year: str | None, base: dt.date | None) -> tuple[dt.date, Precision] | None:
    mnum = _MONTHS[month]
    if day is not None and not 1 <= day <= 31:
        return None  # "Sept. 99" is no date
    precision = Precision.DAY if day is not None else Precision.MONTH
    if year is None and base is None:
        return None
    day_of_calendar = _calendar_date(mnum, day or 1, year, base)
    if day_of_calendar is not None:
        return day_of_calendar, precision
    anchor = base or dt.date(int(year or 2000), 1, 1)
    name = _MONTH_NAMES[mnum - 1]
    phrase = f"{day or 1} {name}" + (f" {year}" if year else "")
    parsed = _dateparse(phrase, anchor)
    if parsed is None:
        return None
    if year is None and base is not None and parsed > base:
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:
            return None
    return parsed, precision


_period = lru_cache(maxsize=4096)(DatePeriod.of)
"""DatePeriod.of, cached: the news names the same days again and again (the publication day, "on
Sunday", "Oct. 7"), and a period is immutable."""


def _resolve(m: regex.Match[str], base: dt.date | None) -> DatePeriod | None:
    try:
        if m.group("md"):
            year = m.group("md_y")
            if year is None and m.group("md_rel") and base is not None:  # "Oct. 7 last year"
                year = str(base.year - (1 if m.group("md_rel") == "last" else 0))
            r = _month_day(m.group("md_m"), int(m.group("md_d")), year, base)
        elif m.group("dm"):
            r = _month_day(m.group("dm_m"), int(m.group("dm_d")), m.group("dm_y"), base)
        elif m.group("my"):
            r = _month_day(m.group("my_m"), None, m.group("my_y"), base)
        elif m.group("mo"):
            r = _month_day(m.group("mo_m"), None, None, base)
        elif m.group("yr"):
            return _period(dt.date(int(m.group("yr_y")), 1, 1), Precision.YEAR)
        elif m.group("ago"):
            if base is None:
                return None
            n = m.group("ago_n")
            count = int(n) if n.isdigit() else _FEW_VALUE[folded(n)]  # "ſeven": as the pattern matched it
            return _period(base - dt.timedelta(days=count * (7 if m.group("ago_u").startswith("week") else 1)))
        elif m.group("wd"):
            if base is None:
                return None
            back = (base.weekday() - _WEEKDAYS[m.group("wd_n")]) % 7
            return _period(base - dt.timedelta(days=back))
        else:
            if base is None:
                return None
            word = " ".join(m.group("rel").lower().split())
            if word == "yesterday":
                return _period(base - dt.timedelta(days=1))
            if word in ("today", "tonight") or word.startswith(("this morning", "this afternoon", "this evening")):
                return _period(base)
            if word == "last night":
                return _period(base - dt.timedelta(days=1))
            if word in ("this week", "earlier this week"):
                return DatePeriod(start=base - dt.timedelta(days=base.weekday()), end=base)
            if word == "last week":
                monday = base - dt.timedelta(days=base.weekday() + 7)
                return DatePeriod(start=monday, end=monday + dt.timedelta(days=6))
            if word in ("this month", "earlier this month"):
                return _period(base, Precision.MONTH)
            if word == "last month":
                return _period(base.replace(day=1) - dt.timedelta(days=1), Precision.MONTH)
            if word == "last year":
                return _period(base.replace(year=base.year - 1, day=1), Precision.YEAR)
            return _period(base, Precision.YEAR)
    except (ValueError, OverflowError):
        return None
    if r is None:
        return None
    return _period(r[0], r[1])


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Every date phrase of ``sentence`` with its role (event, report or scope) and period.

    A phrase after "said", "published", "by" is the date of the report, one after
    "since" the start of a scope; the others date the event.
    """
    if _GATE.search(sentence) is None:
        return []
    return _mentions(sentence, _date_phrases(sentence), published)


def find_dates_in(text: str, sentences: Sequence[Sentence], published: dt.date | None) -> list[list[DateMention]]:
    """:func:`find_dates` of each of the sentences of ``text``, with one scan of the text for where a
    phrase can start (instead of one a sentence): most sentences hold no start and are not read again."""
    starts = _phrase_starts(text)
    out: list[list[DateMention]] = []
    for sent in sentences:
        lo = bisect_left(starts, sent.start)
        hi = bisect_left(starts, sent.end, lo)
        if lo == hi:
            out.append([])
            continue
        phrases = _date_phrases_at(sent.text, [p - sent.start for p in starts[lo:hi]])
        # as find_dates: a sentence without _GATE's words holds no date (a phrase glued to a word does not count)
        out.append(_mentions(sent.text, phrases, published) if phrases and _GATE.search(sent.text) else [])
    return out


def _mentions(sentence: str, phrases: list[regex.Match[str]], published: dt.date | None) -> list[DateMention]:
    """The date phrases of a sentence (its matches of DATE_PATTERN), with their roles and periods."""
    out: list[DateMention] = []
    for m in phrases:
        if m.group("ago_clause") is not None and (
                sentence[:m.start()].strip(_OPENING_MARKS) or m.group("ago_u").lower().startswith("week")):
            # a clause "N days after a quake struck X," counts from now only when it opens the sentence and
            # frames it; inside one ("struck on Tuesday, 17 days after the deadliest disaster in decades,")
            # it counts from the verb's own day. A count of weeks ("a week after the explosion at the
            # hospital, ...") is a round figure, not a day.
            continue
        raw = sentence[max(0, m.start() - 30): m.start()]
        before = _LEAD_WORDS.sub("", raw)
        role: Role = "event"
        if _DATELINE_AFTER.match(sentence, m.end(), m.end() + 60) and m.start() < 40:
            role = "report"  # "ABUJA, Oct. 14 (Pan-African Wire) -": the dateline
        elif (_SCOPE_BEFORE.search(before) and not _WHEN_AFTER.match(sentence, m.end(), m.end() + 20)) or (
                _FROM_BEFORE.search(before) and _UNTIL_AFTER.match(sentence, m.end(), m.end() + 20)):
            role = "scope"  # "since 2014", "from 2014 until the blast"
        names_after = _EVENT_NOUN_AFTER.match(sentence, m.end(), m.end() + 24)
        if role == "event" and not (m.group("poss") or names_after) and (
                _REPORT_BEFORE.search(before) or _BY_BEFORE.search(raw) or _TALLY_BEFORE.search(raw)):
            # a date that names its event is no adverb of the verb before it: "killed by Tuesday's strike"
            role = "report"
        elif role == "event" and not (m.group("poss") or names_after) \
                and "ccording" in (before70 := sentence[max(0, m.start() - 70): m.start()]) \
                and _ACCORDING_BEFORE.search(before70):
            role = "report"  # "according to state media on Friday, May 19": the day of the report
        elif role == "event" and _THAT_AFTER.match(sentence, m.end(), m.end() + 24) \
                and _TOLD_BEFORE.search(sentence[max(0, m.start() - 80): m.start()]):
            # a date between a verb of saying and its that-clause modifies the saying: "told the
            # United Nations in a letter on Sunday that 2,000 were buried", "said in a statement on Friday that"
            role = "report"
        named = names_after or (
            _EVENT_NOUN_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) if raw[-3:] in ("of ", "on ") else None)
        if named is None and raw[-3:] == "on " and _TALLY_VERB_AFTER.match(sentence, m.end(), m.end() + 24):
            # inside a subject before its tally verb, the date is the event's: "The death toll in the
            # stampede at the satsang in Sikandrarao on Tuesday has risen to 121"
            named = _EVENT_NP_BEFORE.search(sentence, max(0, m.start() - 90), m.start())
        # "Five days after a hillside fell, ...": a phrase that dates its event from now names it, as "Friday's quake"
        possessive = bool(m.group("poss") or m.group("ago_after")) or named is not None
        event = named.group("noun").lower() if named is not None else None
        period = _resolve(m, published)
        if out and out[-1].role != role and sentence[out[-1].end:m.start()] in (", ", " ") \
                and out[-1].period == period:
            role = out[-1].role  # "on Friday, May 19": one date told twice has one role
        out.append(DateMention(m.start(), m.end(), m.group(), period, role, possessive, event))
    return out
