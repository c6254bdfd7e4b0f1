"""The incident an article is about, and the day it happened.

News reports an incident's toll for days after it: "the toll from Friday's
quake rose to 1,480, officials said on Sunday". Every toll of that incident
keeps the incident's date, whatever day the figure was announced, so the
article's incident date is read once, from the whole text, and claims with no
date of their own take it (see :mod:`reconcile.extraction`).

The incident's day is the day-precision event date (not the day a figure was
announced or tallied: see :mod:`reconcile.dates`) that the article ties most
closely to what happened, scored on grammatical grounds:

- +2 for a date in a sentence that says something happened: an incident noun
  ("crush", "quake", "attack") or an incident verb ("struck", "sank") or a
  verb of dying ("killed", "died");
- +1 for a date that names the event ("Friday's accident", "the Jan. 1 quake"),
  but -3 when the event it names is not the one the headline names (the
  headline "Iran attack" is not "the 1 April strike" that it avenged; two words
  of violence, or a blast, name one act unless the sentence says one answers the
  other: "Kabul airport attack" and "Thursday's suicide bombing");
- +1 for a date in a sentence that names the incident the headline names;
- nothing from a sentence that dates itself relatively ("a year after the
  blast") or tallies ("the toll rose to 2,012 on Sunday": the day of a count);
- a date must score 2 or more: a text that never says on what day something
  happened has no incident date;
- nothing from a sentence that brings in another incident than the headline's
  with an indefinite noun phrase ("On Saturday, an Israeli strike killed 11" in
  an article about a stampede);
- nothing from a picture's caption ("PHOTO: Mourners ..., Oct. 30"): the day
  of the picture;
- 0 for a date in a short line with no verb (a dateline, a live blog's
  timestamp), which only a text with no better date uses;
- nothing from a sentence with a modal ("mediators met on Sunday on a truce that
  would see 40 hostages freed"): it says what may happen, not what happened;
- nothing from a sentence that tallies ("the toll rose to 2,012 on Sunday":
  the day of a count), unless the date names the event ("the toll from
  Friday's quake");
- 0 for a date that modifies a verb of saying ("Early on Wednesday, the chief
  told reporters that 30 had died"): the day of the telling;
- never a date more than :data:`INCIDENT_WINDOW_DAYS` before publication, and
  nothing at all when the opening looks back ("a year after the blast"): such an
  article is about an older event and dates its figures in their own sentences.

Ties go to the earlier day: reports follow their incident.


>>> import datetime as dt
>>> from reconcile.sentences import split_sentences
>>> from reconcile.dates import find_dates
>>> text = "Quake kills 73\\n\\nThe toll rose on Wednesday. The quake struck on Monday, killing dozens."
>>> sents = split_sentences(text)
>>> incident_date(sents, [find_dates(s.text, dt.date(2024, 1, 3)) for s in sents], dt.date(2024, 1, 3)).label
'2024-01-01'
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

import regex

from .attribution import SAYING
from .dates import DateMention
from .lexicon import LEXICON, alternation, greedy, holds_any, plain_case
from .records import DatePeriod, Precision
from .sentences import Sentence

__all__ = ["INCIDENT_NOUN", "INCIDENT_WINDOW_DAYS", "MODAL", "NEW_INCIDENT", "dated_events", "incident_date", "incident_nouns", "named_event"]

INCIDENT_WINDOW_DAYS = 14
"""A date more than this many days before publication is another, older event: news of an
incident's toll comes within two weeks of it; a later article (a review, an anniversary) dates its
figures in their own sentences."""

_NOUN = rf"(?P<noun>{alternation(LEXICON.events_of('disaster', 'violence', 'occasion'))})(?:e?s)?\b"
# literal alternations: the standard library's engine scans them several times faster than `regex`
INCIDENT_NOUN = re.compile(greedy(rf"\b{_NOUN}"))  # on lower-cased text
_HAPPENING = ("killed", "injured", "hostages_taken", "hostages_released", "prisoners_released")
_FRONTED = regex.compile(r"(?:[ \t]++(?:morning|afternoon|evening|night))?[ \t]*+,")  # "Early on Sunday, ..."
MODAL = regex.compile(r"\b(?:[Ww]ould|[Ww]ill|[Cc]ould|may|[Mm]ight|[Cc]an|[Nn]eeds?|[Mm]ust|[Ss]hall)\b")
"""A modal: the clause says what may happen, not what happened. ("May" with a capital is the month:
"Cox's Bazar, May 14 - Cyclone Mocha crashed ashore on Sunday" says what happened.)"""
NEW_INCIDENT = regex.compile(  # an indefinite noun phrase brings in a new incident: "an Israeli strike"
    rf"\b(?:a|an|another)[ \t]++(?:[\w-]++[ \t]++)?{_NOUN}", regex.IGNORECASE)
_HAPPENED = re.compile(greedy(
    rf"""\b(?:{alternation([*LEXICON.incident_verbs,
                            *(c for c, (m, _) in LEXICON.metric_cues.items() if m in _HAPPENING)])})\b"""))
_CONTENT_WORD = re.compile(r"\b[a-z]{4,}\b")
_SHORT_LINE_WORDS = 12
_NEAR = 300
"""Characters read around a date: keeps the scoring linear on a text with no sentence stops."""
_CAPTION = regex.compile(r"\W*+(?:photo|picture|caption|file\s++photo|image)\b", regex.IGNORECASE)
OPENING = 3
"""The headline and the first sentences: where an article says what it is about."""
_TALLY = regex.compile(
    r"\b(?:tolls?|rose|risen|climbed|stood|stands|lowered|raised|revised|increased|reached|tally|count)\b",
    regex.IGNORECASE)
_TALLY_WORDS = ("toll", "rose", "risen", "climbed", "stood", "stands", "lowered", "raised", "revised", "increased",
                "reached", "tally", "count")
"""One of these is in every match of _TALLY (lower case): a sentence with none is not read with it."""
_RELATIVE = re.compile(  # the standard engine: `regex` tries every word start of a long opening here
    r"\b(?:a|one|two|three|\d+)\s+years?\s+(?:after|on|later|since|ago)\b|\banniversary\b", re.IGNORECASE)
_RELATIVE_WORDS = ("year", "anniversary")
"""One of these is in every match of _RELATIVE (lower case): a sentence with none is not read with it."""
_KIND = {w: k for w, (k, _) in LEXICON.events.items()}


def incident_nouns(headline: str) -> frozenset[str]:
    """The event nouns of a headline ("Quake kills 73" -> {"quake"}): what the article is about."""
    return frozenset(m.group("noun") for m in INCIDENT_NOUN.finditer(headline.lower()))


def _same_event(noun: str, nouns: frozenset[str]) -> bool:
    """One noun of the headline's, a compound of one ("earthquake" and "quake", "airstrike" and
    "strike"), or two names of a disaster ("shipwreck", "sinking"): disasters do not answer one
    another, while violence often answers an earlier act ("retaliation for the 1 April strike")."""
    kind = _KIND.get(_base(noun))
    return any(noun.endswith(n) or n.endswith(noun) or (kind == "disaster" and _KIND.get(_base(n)) == kind)
               for n in nouns)


_ANSWERS = regex.compile(r"\b(?:retaliat\w*+|respon(?:se|ding|ded)|reprisals?|revenge|aveng\w*+|in[ \t]++return)\b",
                         regex.IGNORECASE)
"""A word by which one act answers another: "retaliation for the 1 April strike"."""


def _names_other(noun: str, nouns: frozenset[str], sentence: str) -> bool:
    """Whether a dated event noun ("Thursday's suicide bombing") names another incident than the
    headline's. Two words of violence name one act ("attack" and "bombing") unless the sentence says
    that one answers the other ("retaliation for the 1 April strike"): news retells an act in
    several words, and an earlier act enters a story as the cause of the present one."""
    if _same_event(noun, nouns):
        return False
    if _violent(noun) and any(_violent(n) for n in nouns):
        return _ANSWERS.search(sentence) is not None
    return True


_BLASTS = frozenset({"blast", "explosion"})
"""Disasters that violence also causes: a bombing is a blast ("Lanka blasts toll" and "the Easter
Sunday serial bombings" name one act)."""


def _violent(noun: str) -> bool:
    return _KIND.get(_base(noun)) == "violence" or _base(noun) in _BLASTS


def _compound(noun: str, nouns: frozenset[str]) -> bool:
    """The headline's noun or a compound of it ("earthquake" and "quake", "wildfires" and "fire")."""
    noun = _base(noun)
    return any(noun.endswith(_base(n)) or _base(n).endswith(noun) for n in nouns)


def _base(noun: str) -> str:
    return noun if noun in _KIND else noun.rstrip("s")


def _dateline(sentence: str) -> bool:
    """A short line of names and numbers: a dateline, a byline or a live blog's timestamp
    ("The Korea Morning Post | Live | Monday, October 31, 2022"); a sentence has lower-case words."""
    return len(sentence.split()) <= _SHORT_LINE_WORDS and _CONTENT_WORD.search(sentence) is None


def _looks_back(s: str) -> bool:
    """Whether a sentence dates itself from an older event: "a year after the blast", "the anniversary"."""
    low = s.lower()
    return holds_any(low, plain_case(s, low), _RELATIVE_WORDS) and _RELATIVE.search(s) is not None


def incident_date(sentences: list[Sentence], dates_of: list[list[DateMention]],
                  published: dt.date | None) -> DatePeriod | None:
    """The day of the incident the article is about, or None when the text names none."""
    if not sentences:
        return None
    nouns = incident_nouns(sentences[0].text)
    if any(_looks_back(sent.text) for sent in sentences[:OPENING]):
        return None  # "a year after the blast": the article looks back on an older event
    total: dict[dt.date, int] = {}
    latest = published or max((d.period.start for ds in dates_of for d in ds if d.period is not None), default=None)
    late_named = bool(nouns) and latest is not None and not any(
        d.event is not None and d.period is not None and 0 <= (latest - d.period.start).days <= INCIDENT_WINDOW_DAYS
        for ds in dates_of for d in ds)
    for sent, dates in zip(sentences, dates_of, strict=False):
        # a possessive date names its event wherever it stands: "since Friday night's quake"
        usable = [d for d in dates if (d.role == "event" or (d.role == "scope" and d.possessive)) and d.period is not None
                  and d.period.precision is Precision.DAY and d.period.start == d.period.end
                  and (latest is None or 0 <= (latest - d.period.start).days <= INCIDENT_WINDOW_DAYS
                       # when no day of the window names an event, a date that names the headline's own
                       # event ("two weeks after the February 6 quakes") is its day however long after
                       # it the article comes
                       or (late_named and 0 <= (latest - d.period.start).days and d.event is not None
                           and _same_event(d.event, nouns)))]
        if not usable:
            continue
        s = sent.text
        low = s.lower()
        plain = plain_case(s, low)
        if (holds_any(low, plain, _RELATIVE_WORDS) and _RELATIVE.search(s)) or _CAPTION.match(s):
            continue
        dateline = _dateline(s)
        quotes: list[int] | None = None  # where the sentence's quotation marks stand, read once if needed
        tally = holds_any(low, plain, _TALLY_WORDS) and _TALLY.search(s) is not None
        fresh = [m.group("noun").lower() for m in NEW_INCIDENT.finditer(s)]
        if nouns and fresh and not any(_same_event(n, nouns) for n in fresh):
            continue  # "On Saturday, an Israeli strike on a tent killed 11": another incident than the headline's
        named = {m.group("noun") for m in INCIDENT_NOUN.finditer(low)}
        base = 0 if dateline or tally or MODAL.search(s) else (
            (2 if named or _HAPPENED.search(low) else 0) + (1 if any(_compound(n, nouns) for n in named) else 0))
        for d in usable:
            p = d.period
            assert p is not None
            if quotes is None:
                quotes = [m.start() for m in _QUOTE.finditer(s)]
            if _quoted(quotes, d.start):
                continue  # '"They saved lives last night," he said': the speaker's day, not the text's
            score = base
            saying = SAYING.search(low, d.end, d.end + _NEAR) if score else None  # bounded: linear
            lo = max(0, d.start - _NEAR)
            if saying is not None and _FRONTED.match(s, d.end, saying.start()) \
                    and not _HAPPENED.search(low, lo, saying.start()) \
                    and not INCIDENT_NOUN.search(low, lo, saying.start()):
                score = 0  # "Early on Wednesday, the chief told reporters that 30 had died": the day of the telling
            if d.possessive and not dateline:
                other = d.event is not None and nouns and _names_other(d.event, nouns, s)
                score = -1 if other else max(score, 2) + 1
            if score >= 2:
                total[p.start] = max(total.get(p.start, 0), score)
    if not total:
        return None
    day = max(total, key=lambda k: (total[k], -k.toordinal()))
    return DatePeriod.of(day)


_QUOTE = re.compile('["“”]')


def _quoted(quotes: list[int], at: int) -> bool:
    """Whether ``at`` lies inside a quotation: an odd number of quotation marks (at ``quotes``, in
    order) stand before it; looked up by bisection, so a sentence of many dates stays linear."""
    return bisect_left(quotes, at) % 2 == 1


def dated_events(dates_of: list[list[DateMention]]) -> dict[str, DatePeriod]:
    """The events the article names by their date: "the Oct. 7 attack", "Friday's quake", "the
    Earthquake of Jan. 1" -> {"attack": ..., "quake": ...}; the first naming of a noun wins."""
    out: dict[str, DatePeriod] = {}
    for dates in dates_of:
        for d in dates:
            if d.event is not None and d.period is not None:
                out.setdefault(_base(d.event), d.period)
    return out


_DEFINITE_EVENT = regex.compile(  # "in the attack", "in its attack", "in Hamas's surprise attack"
    rf"\b(?:the|its|their|this|that|[\p{{Lu}}][\w-]*+(?:'s|’s))[ \t]++(?:[\w-]++[ \t]++){{0,2}}?{_NOUN}",
    regex.IGNORECASE)


def named_event(sentence: str, lo: int, hi: int, dated: dict[str, DatePeriod]) -> DatePeriod | None:
    """The date of an event that the span [lo, hi) names with a definite noun phrase ("1,400 were
    killed in the surprise attack"), when the article dates that event elsewhere."""
    if not dated:
        return None
    for m in _DEFINITE_EVENT.finditer(sentence, lo, hi):
        got = dated.get(_base(m.group("noun").lower()))
        if got is not None:
            return got
    return None
