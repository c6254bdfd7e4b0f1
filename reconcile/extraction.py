"""From an article to the claims a fact-checker would underline.

text -> sentences and figures (one pass each) -> for every count: the metric
from the cue words around it, the counted noun phrase, the attribution and the
dates -> :class:`~reconcile.records.Claim`.

>>> claims = extract("Medics said one Palestinian was killed on Tuesday.", id="a", published="2024-05-08")
>>> [(c.figure.low, c.metric.value, c.source.text, c.event_date.label) for c in claims]
[(1, 'killed', 'Medics', '2024-05-07')]
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any, Literal

import regex

from . import attribution as attr
from .dates import DateMention, find_dates_in
from .errors import InputTypeError
from .incident import INCIDENT_NOUN, MODAL, NEW_INCIDENT, dated_events, incident_date, named_event
from .lexicon import (
    ABBREVIATION,
    BORDER_AFTER,
    LEXICON,
    alternation,
    folded,
    greedy,
    holds_any,
    plain_case,
    without_possessive,
)
from .numbers import find_figures
from .records import Article, Attribution, Claim, DatePeriod, Figure, FigureKind, Metric, Precision, trusted
from .sentences import Sentence, split_sentences

__all__ = ["extract"]

log = logging.getLogger("reconcile")

_CUES = LEXICON.metric_cues
# a literal alternation: the standard library's engine scans it several times faster than `regex`
_CUE = re.compile(rf"(?<![\w-])(?P<cue>{greedy(alternation(list(_CUES)))})(?![\w-])", re.IGNORECASE)
_QUOTE_INTRO = regex.compile(r"\b(?:said|says|told\s++\w++|added|stated)[ \t]*+:[ \t]*+\S")
_FROM_FIGURE = regex.compile(r"\bfrom[ \t]++\Z", regex.IGNORECASE)
_HOSTAGE_METRICS = frozenset({Metric.HOSTAGES_TAKEN, Metric.HOSTAGES_HELD, Metric.HOSTAGES_RELEASED})
_TAKEN = r"hostages?|captives?|captors?|abduct\w*+|kidnap\w*+"
_TAKEN_WORD = regex.compile(rf"\b(?:{_TAKEN})\b", regex.IGNORECASE)  # someone was taken
_HOSTAGE_WORD = regex.compile(  # the story has hostages; "captivity" alone also holds prisoners of war
    rf"\b(?:{_TAKEN}|captivity)\b", regex.IGNORECASE)
_FREED = regex.compile(r"\b(?:freed|frees|freeing|released|releases|releasing|set[ \t]++free)\b", regex.IGNORECASE)
_RESCUED = regex.compile(r"\b(?:rescu\w*+|survivors?|pulled\s++(?:alive|out))\b", regex.IGNORECASE)
_PRISONER = regex.compile(rf"\b{alternation(list(LEXICON.prisoner_words))}\b", regex.IGNORECASE)
_WORD = regex.compile(rf"{ABBREVIATION}|[A-Za-z][\w'’-]*+|[^\s\w]")  # "U.S." is one word, as "American" is
_REFER_BEFORE = regex.compile(
    r"""(?:\b(?:up|down)?\s*from(?:\s+(?:a|its|the)\s+(?:peak|high|low)\s+of)?   # "down from a peak of 34,000"
      | \b(?:put|puts|putting|set|sets|raised|lowered|revised|corrected|cut)\s+(?:the\s+|its\s+|their\s+)?
           (?:figure|number|count|total|tally|toll)(?:\s+\w+)?\s+(?:at|to)
      | \b(?:bringing|brings|brought|taking|takes|took|pushing|raising)\s+(?:the\s+|its\s+|their\s+)?
           (?:\w+\s+)?(?:figure|number|count|total|tally|toll)\s+to         # "bringing the total to 82"
      | \b(?:it|they)\s+(?:rose|jumped|climbed|fell|dropped|increased|grew|reached|stood|stands)\s+(?:to\s+|at\s+)?  # "it jumped to 332"
      | \b(?:its|their|his|her|the\s+official)\s+(?:figure|count|total|tally)\s+of        # "its count of 64", not "a total of"
      | \b(?:figure|number|count|total|tally)\s+(?:was|is|stood|stands|at)
           (?:\s+(?:probably|likely|closer\s+to|nearer|now|actually))*)\s*\Z""",
    regex.IGNORECASE | regex.VERBOSE | regex.REVERSE)
_THE_FIGURE_OF = regex.compile(  # "the earlier figure of 174": a figure said to be revised counts what the revision counts
    r"\bthe\s+(?:earlier|previous|initial|original|new|latest|revised|higher|lower)\s+(?:figure|tally|count)\s+of\s*+\Z",
    regex.IGNORECASE)
_FIGURE_WORDS = ("figure", "tally", "count")
"""One of these is in every match of _THE_FIGURE_OF (lower case)."""
_REFER_WORDS = ("from", "figure", "number", "count", "total", "tally", "toll", "rose", "jumped", "climbed", "fell",
                "dropped", "increased", "grew", "reached", "stood", "stands")
"""One of these is in every match of _REFER_BEFORE (lower case): a window with none is not read with it."""
_PREDICATE_BEFORE = regex.compile(  # the verb that gives a subject its figure: "rose to", "stood at", "were"
    r"""(?:\b(?:(?:has|have|had)\s++)?(?:rose|risen|rises|climbed|climbs|reached|reaches|jumped|jumps|increased|grew|hit|hits
           |stood|stands|was|were|is|are|falls|drops
           |became|become|dropped|fell|fallen|declined|decreased|shrank|shrunk
           |held|holds|contained|contains|listed|lists)                 # "the list of people unaccounted for held 159 names"
        (?:\s++(?:to|at))?|\b(?:to|now|at))\s*+\Z""",          # headlines: "corrects bodies to 78", "toll now 126"
    regex.IGNORECASE | regex.VERBOSE | regex.REVERSE)
_SUBJECT_OF = regex.compile(  # "the number of people who died", "the list of people whose whereabouts were unknown"
    r"\b(?:number|list|count|total|tally)[ \t]++of\b(?!.*\b(?:number|list|count|total|tally)[ \t]++of\b)",
    regex.IGNORECASE | regex.DOTALL)
_COUNT_NOUN = regex.compile(r"[ \t]++(?:figure|count|tally|toll|number|total)[ \t]*+", regex.IGNORECASE)
_PARTITIVE = regex.compile(r"\bof[ \t]++(?:the|those|these)[ \t]++\Z", regex.IGNORECASE | regex.REVERSE)
_OF_BEFORE = regex.compile(r"\bof[ \t]++(?:the[ \t]++|all[ \t]++)?\Z", regex.IGNORECASE)
_PARTICIPLE_CUE = regex.compile(r"[A-Za-z]+ed|taken|held|hurt", regex.IGNORECASE)  # a cue that can describe a noun
_NOUNISH = r"(?:[a-z][a-z-]{0,30}s|people|children|men|women)"  # a plural noun after a count
_PLURAL_NOUN_AFTER = regex.compile(
    rf"[ \t]++(?!(?:{alternation(list(LEXICON.function_words))}|this|was|has|is|us)\b){_NOUNISH}\b")
_PLURAL_NOUN_BEFORE = regex.compile(
    rf"\b(?!(?:{alternation(list(LEXICON.function_words))}|this|was|has|is|us)\b)(?:{_NOUNISH}|[A-Z][a-z]++s)[ \t]++\Z")
_PASSIVE_CUE = regex.compile(r"(?:were|was)\s", regex.IGNORECASE)  # "61 were killed in India and 25 in Tibet"
_OF_THEM = regex.compile(r"\s++of\s++(?:them|whom|those)\b", regex.IGNORECASE)
# Parts of a whole: a list's members count what its head counts.
_PARTS_OPENING = regex.compile(  # "Of the dead, 97 were women", "Of the 137 still held, 117 are men"
    r"^\W*+(?:of|among)[ \t]++(?:the|those|these|them)\b(?P<np>[^,;:.]{0,80}+),", regex.IGNORECASE)
# "Of those," has an empty noun phrase: the whole is the figure before
_REFERRING_NP = regex.compile(r"[ \t]*+(?:total|figure|number|count|toll)?[ \t]*+", regex.IGNORECASE)
_PARTS_INTRO = regex.compile(  # "they included five Iranians", "24 captives - 13 Israelis", "among them 30 children"
    r"\b(?:include|includes|included|including|among[ \t]++them|among[ \t]++whom|of[ \t]++whom|such[ \t]++as)\b"
    r"|[:–—]|[ \t]-[ \t]",
    regex.IGNORECASE)
_GAPPED_NAME = regex.compile(  # a gapped clause: its subject's name, then the figure ("..., and Wajima 90")
    r"""(?:,|;|\band\b)[ \t]*+(?:the[ \t]++(?:town|city|village|district|province|prefecture|state)[ \t]++of[ \t]++)?
        (?:\p{Lu}[\w'’-]*+[ \t]*+){1,3}\Z""", regex.VERBOSE)
_NOUN_AFTER_FIGURE = regex.compile(r"[ \t]++(?!each\b|in\b|at\b|on\b|and\b)[a-z]")
_REPORTED_BARE = regex.compile(
    rf"\b(?:has|have|had)[ \t]++(?:{alternation(list(LEXICON.attribution_verbs))})[ \t]*+\Z", regex.IGNORECASE)
_SEPARATOR_END = regex.compile(r"(?:,|;|\band\b)[ \t]*+\Z")
_PERSON_AFTER = regex.compile(r"[ \t]++(?:person|persons|people)\b")  # "..., and Hakui City one person": the generic head
_CONTRAST = regex.compile(r"(?:,|\band\b|\bbut\b)[ \t]*+(?:(?:and|but)[ \t]++)?not[ \t]++(?:the[ \t]++)?\Z",
                          regex.IGNORECASE)  # "to 78, and not 79", "78, not the 79 announced"
_GAPPED_PLACE = regex.compile(r"[ \t]++(?:each[ \t]++)?(?:in|at)[ \t]++\p{Lu}")  # "..., five in Nanao"
_LIST_GAP = regex.compile(  # what stands between two members: the last member's noun and a separator
    r"[^,;:.()\"“”]{0,40}?(?:,|\band\b|\bor\b)[ \t]*+\Z", regex.IGNORECASE)
_AUX_BEFORE = regex.compile(
    r"\b(?:were|was|are|is|be|been|being|remain|remained|remains|still|had|have|has|got)\s+(?:\w+\s+)?\Z",
    regex.IGNORECASE | regex.REVERSE)
_BY_AFTER = regex.compile(r"\s++by\b")
_PARTITIVE_AFTER = regex.compile(r"[ \t]++of[ \t]++(?:the|them|those|whom)\b", regex.IGNORECASE)  # "18 of the dead"
_PUNCT = regex.compile(r"[,;:()\"“”—]")
_DET_OR_AND = regex.compile(r"\b(?:the|and|or|but)\b", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[;:()\"“”—]")
_DYING = frozenset({"died", "succumbed", "succumb", "succumbs", "perished"})
_WEAK_CUES = frozenset({"hostages", "hostage", "captives", "residents", "inhabitants", "population", "patients"})
_NOT_SPEAKER_NOUN = frozenset({"was", "were", "is", "are", "had", "has", "have", "and", "of", "or", "more"})
_PAST_MARKER = regex.compile(
    r"\b(?:at\s++the\s++time|previously|initially|originally|back\s++in|had\s++been|had\s++\w+ed)\b",
    regex.IGNORECASE,
)
_CHANGE_BEFORE = regex.compile(  # a revision or a fall; a rise of a toll ("rose by 193 in the past 24 hours")
    r"\b(?:down|decreased|fell|dropped|revised|lowered|raised)\s+by\s+\Z",  # counts those newly dead
    regex.IGNORECASE | regex.REVERSE,
)
_NEGATED = regex.compile(r"\b(?:not|none\s+of|no)\s+\Z", regex.IGNORECASE | regex.REVERSE)
_TOOK_BEFORE = regex.compile(
    r"\b(?:took|taken|take|takes|taking|seized|abducted|kidnapped|captured|grabbed|snatched)[ \t]++\Z",
    regex.IGNORECASE | regex.REVERSE)
_ALL_BUT = regex.compile(r"\ball\s+but\s+\Z", regex.IGNORECASE | regex.REVERSE)
_WHO_SKIP = frozenset({"more", "other", "excess", "additional", "of", "the", "its", "their", "his",
                       "her", "them", "those", "these", "whom", "were", "had", "have", "been"})
_WHO_STOP = frozenset({"were", "was", "are", "is", "had", "have", "has", "be", "been", "who", "that", "which",
                       "in", "on", "at", "from", "to", "by", "with", "and", "as", "after", "when", "while",
                       "but", "or", "for", "since", "into", "onto", "across", "during", "over", "under",
                       "remain", "remained", "would", "will", "could", "still", "said", "died", "killed",
                       "injured", "wounded", "freed", "released", "left", "including", "than", "it", "they",
                       "out", "per", "a", "an", "the", "this", "say", "says"})
_CUMULATIVE = regex.compile(
    r"\b(?:toll|tolls|has\s++killed|have\s++killed|have\s++been\s++killed|has\s++risen|so\s++far|in\s++total"
    r"|rose|climbed|risen|bringing|brings|tops|topped|stands|stood)\b",
    regex.IGNORECASE,
)
_EVENT_METRICS = frozenset({Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.HOSTAGES_TAKEN,
                            Metric.HOSTAGES_RELEASED, Metric.PRISONERS_RELEASED, Metric.EVACUATED,
                            Metric.DETAINED})
_RUNNING = regex.compile(
    r"\b(?:has|have)\s++(?:now\s++)?(?:been\s++)?\w+ed\b|\bsince\b|\bso\s++far\b|\bin\s++total\b",
    regex.IGNORECASE,
)
_RUNNING_NEAR = regex.compile(  # a running total said next to its figure ("41,000 have been killed")
    rf"\b(?:has|have)\s++(?:now\s++)?(?:been\s++)?\w+ed\b|\b{alternation(list(LEXICON.total_cues))}\b",
    regex.IGNORECASE,
)
_EVENT_KINDS = ("disaster", "violence", "campaign")
OPENING = 4
"""The headline and the first sentences: where an article says what it is about."""
_CAMPAIGN_NOUN = regex.compile(rf"\b(?:{alternation(LEXICON.events_of('campaign'))})s?\b", regex.IGNORECASE)
_CAMPAIGN = regex.compile(  # a running total of a long event: "the war has killed", "since October 7"
    rf"\b(?:{alternation(LEXICON.events_of('campaign'))})s?\b|\bsince\b", regex.IGNORECASE)
_SENTENCE_FLAGS: dict[str, tuple[re.Pattern[str] | regex.Pattern[str], bool]] = {  # pattern, reads lower case
    "names_incident": (INCIDENT_NOUN, True),
    "other_incident": (NEW_INCIDENT, False),  # "a strike on an apartment killed seven": another incident
}
_STOCK_METRICS = frozenset({Metric.HOSTAGES_HELD, Metric.POPULATION})
# what an incident's date dates: its toll, who was taken or freed, what was fired; not a count of the missing,
# the detained or the displaced, which is a state on the day it is reported
_INCIDENT_METRICS = (_EVENT_METRICS | {Metric.MUNITIONS, Metric.OTHER}) - {Metric.MISSING, Metric.DETAINED}
_CLAIM_KINDS = frozenset({FigureKind.COUNT, FigureKind.MONEY})
_NOT_PLACES = frozenset(w.lower() for w in (*LEXICON.months, *LEXICON.weekdays)) | frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "all", "one"}) | frozenset(
    w for e in LEXICON.events for w in (e, e + "s"))  # a headline's "Quake toll reaches 157": no place "Quake"
_PLACE_WORD = rf"(?P<p>(?>{ABBREVIATION}|[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+)?))"  # "U.S." is one name
_BORDER_AFTER = regex.compile(BORDER_AFTER)
_LOCATIVE = alternation(LEXICON.places_of("locative"))  # "in", "across"
_PLACE_MODIFIER = rf"(?:{alternation(LEXICON.places_of('modifier'))}[ \t]++)?"  # "in southern Gaza"
_PLACE_AFTER = regex.compile(
    rf"""\b{_LOCATIVE}[ \t]++(?:the[ \t]++)?{_PLACE_MODIFIER}{_PLACE_WORD}""",
    regex.VERBOSE,
)
_PLACE_BEFORE = regex.compile(
    rf"""(?:\b(?i:{_LOCATIVE})[ \t]++(?:the[ \t]++)?{_PLACE_MODIFIER}{_PLACE_WORD}
      | {_PLACE_WORD}(?:'s|’s)
      | {_PLACE_WORD}[ \t]++(?i:{alternation([*LEXICON.events_of(*_EVENT_KINDS, place=True), "death toll", "toll"])})s?\b)""",
    regex.VERBOSE,
)


def _window_holds(s: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """Whether ``s[lo:hi]`` may match an IGNORECASE pattern whose every match holds one of ``words``."""
    window = s[lo:hi]
    low = window.lower()
    return holds_any(low, plain_case(window, low), words)


def _words_between(s: str) -> int:
    return len(_WORD.findall(s))


def _first_word(sentence: str, at: int) -> str:
    """The word that starts at ``at`` (a cue's first word)."""
    m = _WORD.match(sentence, at)
    return m.group() if m is not None else ""


def _metric(sentence: str, a: int, b: int, prev_end: int, next_start: int,
            cues: list[tuple[int, int, str, str]], prev_metric: Metric | None, hedge_start: int) -> Metric:
    """The metric of the figure at [a, b) of the sentence, from the cue words around it.

    In order: a verb right before the figure ("killed seven"); a predicate after
    its noun ("34,789 Palestinians were killed"), preferring one with an
    auxiliary; a cue before it in its stretch of the sentence; a cue after it;
    a figure that refers back ("from 137", "put the figure at 276", "634 of
    them") takes the metric of the one before; a cue farther away in the
    sentence, within its clause.
    """
    lo = max(0, hedge_start - 48)
    refer = _REFER_BEFORE.search(sentence, lo, hedge_start) if _window_holds(sentence, lo, hedge_start, _REFER_WORDS) \
        else None
    if refer is not None:
        inside = [m for c0, c1, m, pos in cues if refer.start() <= c0 and c1 <= hedge_start]
        if inside:
            return Metric(inside[-1])  # "put the number abducted at 129"
    if prev_metric is not None and (refer is not None or _OF_THEM.match(sentence, b, b + 30)):
        return prev_metric
    if prev_metric is not None and _window_holds(sentence, lo, hedge_start, _FIGURE_WORDS) \
            and _THE_FIGURE_OF.search(sentence, lo, hedge_start) \
            and not any(c0 >= b and _words_between(sentence[b:c0]) <= 1 for c0, _, _, _ in cues):
        return prev_metric  # "the earlier figure of 174 had included duplicates" (not "the tally of 199 hostages")
    pred = _PREDICATE_BEFORE.search(sentence, max(0, hedge_start - 40), hedge_start)
    if pred is not None:  # "The number of people who died ... has reached 156", "those unaccounted for were 222"
        subj = _SUBJECT_OF.search(sentence, max(prev_end, pred.start() - 200), pred.start())
        subject = subj.start() if subj is not None else -1
        lo = subject if subject >= 0 else max(prev_end, pred.start() - 30)
        subj_cues = [(c0, c1, m) for c0, c1, m, pos in cues if lo <= c0 and c1 <= pred.start()]
        if subject >= 0 and subj_cues and not _CLAUSE_END.search(sentence, lo, pred.start()):
            return Metric(subj_cues[0][2])
        if subject < 0 and subj_cues and (subj_cues[-1][1] >= pred.start() - 2 or _COUNT_NOUN.fullmatch(
                sentence, subj_cues[-1][1], pred.start())):
            return Metric(subj_cues[-1][2])  # "toll now 126", "Hostage figure rises to 240"
    limit = next_start
    if next_start < len(sentence) and _CONTRAST.search(sentence, max(b, next_start - 16), next_start):
        limit = len(sentence)  # "42 foreigners, not 39, had died": the predicate after the corrected figure is both's
    elif next_start < len(sentence) and _OF_BEFORE.search(sentence, max(b, next_start - 12), next_start):
        limit = len(sentence)  # "Two of 17 kidnapped missionaries freed": the whole is inside the part's phrase
    after = [(c0, m) for c0, c1, m, pos in cues
             if c0 >= b and c0 < limit and pos in ("after", "both") and not _modifier(sentence, c0, c1)]
    before = [(c1, m) for c0, c1, m, pos in cues if c1 <= hedge_start and c0 >= prev_end
              and (pos in ("before", "both") or _PASSIVE_CUE.match(sentence, c0, c0 + 10))]
    near_after = min(after, default=None)
    near_before = max(before, default=None)
    if near_before is not None and _words_between(sentence[near_before[0]:hedge_start]) <= 2 \
            and not _PUNCT.search(sentence, near_before[0], hedge_start) \
            and not _DET_OR_AND.search(sentence, near_before[0], hedge_start):
        return Metric(near_before[1])  # "killed seven ...", "freed 105"
    close = [(c0, m) for c0, m in after if _words_between(sentence[b:c0]) <= 6]
    if close:
        with_aux = [(c0, m) for c0, m in close
                    if _AUX_BEFORE.search(sentence, max(0, c0 - 20), c0) or _PASSIVE_CUE.match(sentence, c0, c0 + 10)]
        strong = [(c0, m) for c0, m in close if sentence[c0:c0 + 12].lower().split()[0] not in _WEAK_CUES]
        # "two more of the injured died": the set a figure is drawn from gives way to the predicate after it
        if not with_aux and len(close) > 1 and _PARTITIVE.search(sentence, max(0, close[0][0] - 12), close[0][0]):
            close = close[1:]
            strong = [c for c in strong if c in close]
        if len(close) > 1 and close[0][1] == Metric.INJURED.value:
            # "three more injured passengers succumbed": the hurt who then died; the verb of dying is the
            # predicate, "injured" says who they were
            died = [m for c0, m in close[1:] if sentence[c0:c0 + 12].lower().split()[0].strip(",;:.") in _DYING]
            if died:
                return Metric(died[0])
        # (the whole of a partitive keeps the participle that describes it: "Two of 17 kidnapped
        # missionaries freed" counts 17 kidnapped, two freed)
        c0 = close[0][0]
        first = _first_word(sentence, c0)
        if not with_aux and _PARTICIPLE_CUE.fullmatch(first) \
                and not _OF_BEFORE.search(sentence, max(0, hedge_start - 12), hedge_start):
            c1 = c0 + len(first)
            if len(close) > 1 and _PLURAL_NOUN_AFTER.match(sentence, c1):
                # "Two of 17 kidnapped missionaries freed": a participle before its noun describes it;
                # the verb after is the predicate
                return Metric(close[1][1])
            if _PLURAL_NOUN_BEFORE.search(sentence, max(0, c0 - 30), c0):
                # "Two of the 17 missionaries kidnapped in Haiti last month have been released": a
                # participle after its noun is a reduced relative; a finite verb later in the clause rules
                finite = [(d0, m) for d0, d1, m, pos in cues if c1 < d0 < limit and pos in ("after", "both")
                          and _AUX_BEFORE.search(sentence, max(0, d0 - 20), d0)
                          and not _PUNCT.search(sentence, c1, d0) and _words_between(sentence[c1:d0]) <= 14]
                if finite:
                    return Metric(finite[0][1])
        return Metric((with_aux or strong or close)[0][1])  # "105 hostages freed": the verb, not the noun
    if near_before is not None and _words_between(sentence[near_before[0]:a]) <= 8:
        return Metric(near_before[1])
    if near_after is not None:
        return Metric(near_after[1])
    if near_before is not None:
        return Metric(near_before[1])
    far_after = [(c0, m) for c0, c1, m, pos in cues if c0 >= b and pos in ("after", "both")
                 and not _CLAUSE_END.search(sentence, b, c0)]
    if far_after:
        return Metric(min(far_after)[1])
    far_before = [(c1, m) for c0, c1, m, pos in cues if c1 <= a and pos in ("before", "both")
                  and _words_between(sentence[c1:a]) <= 15]
    if far_before:
        return Metric(max(far_before)[1])
    return Metric.OTHER


def _counted_metric(s: str) -> Metric | None:
    """The metric of a count a sentence names without a figure: "the list of people missing" (missing),
    "the number of dead" (killed): read in the noun phrase after "number of", up to its verb."""
    low = s.lower()
    m = _SUBJECT_OF.search(s) if holds_any(low, plain_case(s, low), _SUBJECT_WORDS) else None  # the last count named
    if m is None:
        return None
    np_end = _phrase_end(s, m.end(), m.end() + 60)
    cue = _CUE.search(s, m.end(), np_end)
    found = _CUES.get(_cue_key(cue.group("cue"))) if cue is not None else None
    return Metric(found[0]) if found is not None else None


EARLIER_CLAIMS = 200
"""How many of the article's earlier claims a compared count looks back over."""
_COMPARED = regex.compile(  # "..., two more than the military's figure": compared with another count
    r"[^.;:]{0,40}?\b(?:more|fewer|less|higher|lower)[ \t]++than[ \t]++(?:the[ \t]++)?[^.;:,]{0,30}?"
    r"\b(?:figure|count|tally|toll|number|total)\b", regex.IGNORECASE)


def _closest(recent: Sequence[Claim], fig: Figure) -> Metric | None:
    """The metric of the recent claim nearest in value to ``fig`` (within a factor of 1.5), if any:
    "Gaza's health ministry says 118 people were killed and 760 wounded. The ministry raised its count
    from 116" revises the 118."""
    v = fig.low if fig.low is not None else fig.high
    if v is None or v <= 0:
        return None
    best: tuple[float, Metric] | None = None
    for c in recent:
        w = c.figure.low if c.figure.low is not None else c.figure.high
        if w is None or w <= 0 or c.metric is Metric.OTHER:
            continue
        ratio = max(float(v), float(w)) / min(float(v), float(w))
        if ratio <= 1.5 and (best is None or ratio < best[0]):
            best = (ratio, c.metric)
    return best[1] if best is not None else None


def _gapped_counts(figures: list[Figure], text: str) -> list[Figure]:
    """The counts, with a name's number in a gapped list read as a count, not a label.

    The figure grammar reads "Wajima 90" as a label ("Route 90"); after a count,
    in "Suzu has recorded 100 deaths and Wajima 90", it is a gapped clause whose
    verb and noun are the first clause's.
    """
    out: list[Figure] = []
    for f in figures:
        if f.kind is FigureKind.ORDINAL:
            if not (out and out[-1].kind is FigureKind.COUNT and f.start - out[-1].end <= 200
                    and f.text.replace(",", "").isdigit()
                    and not any(ch.isdigit() for ch in text[out[-1].end:f.start])  # "from Camp 1 and Camp 2"
                    and _GAPPED_NAME.search(text, max(out[-1].end, f.start - 60), f.start)
                    and not _NOUN_AFTER_FIGURE.match(text, f.end)):
                continue
            f = f.model_copy(update={"kind": FigureKind.COUNT})
        out.append(f)
    return out


_PAST = regex.compile(r"\b(?:was|were|had)\b", regex.IGNORECASE)


_PHRASE_BREAK = regex.compile(r"[,;:()—–]|[ \t]-[ \t]")


def _phrase_end(s: str, b: int, limit: int) -> int:
    """Where the figure's own phrase ends: the next comma, colon, bracket or dash, within ``limit``."""
    m = _PHRASE_BREAK.search(s, b, min(len(s), limit))
    return m.start() if m is not None else min(len(s), limit)


_SINCE_INCIDENT = regex.compile(  # "since the start of the attack": the incident itself, not a campaign
    rf"[ \t]++(?:the[ \t]++)?(?:(?:start|beginning|onset)[ \t]++of[ \t]++(?:the[ \t]++)?)?(?:[\w-]++[ \t]++)?"
    rf"(?:{alternation(LEXICON.events_of('disaster', 'violence'))})\b(?!s)",  # singular: "the strikes" are many
    regex.IGNORECASE)


def _campaign_near(s: str, a: int, b: int) -> bool:
    """Whether the figure's clause (or the 80 characters before it) reads as a running total of a long
    event: "the war has killed", "since October" - not "Israel's war cabinet met" in another clause, nor
    "since the start of the attack" (the incident itself)."""
    lo, hi = max(0, _clause_start(s, a) - 80), _clause_end(s, b)
    for m in _CAMPAIGN.finditer(s, lo, hi):
        if m.group().lower() != "since" or not _SINCE_INCIDENT.match(s, m.end(), m.end() + 60):
            return True
    return False


def _past_clause(s: str, a: int, b: int) -> bool:
    """Whether the figure's clause tells what happened (a past tense, no modal): "137 officers were
    sent", not "1.4 million would need food"; a count of other things dates to the incident only then."""
    lo, hi = _clause_start(s, a), _clause_end(s, b)
    return bool(_PAST.search(s, lo, hi)) and not MODAL.search(s, lo, hi)


def _whole_of(s: str, a: int, b: int, hedge_start: int, prev_end: int, k: int, prev_metric: Metric | None,
              last_metric: Metric | None, opening: regex.Match[str] | None, opening_metric: Metric | None,
              part_run: bool, cues: list[tuple[int, int, str, str]]) -> tuple[Metric | None, bool]:
    """The metric of the whole that a figure with no cue of its own is a part of, and whether it is one.

    A part counts what its whole counts: "Of the dead, 97 were women and 56 men"
    (killed), "killed 112, among them 30 children, 21 women" (killed), "26
    foreigners were killed. They included five Iranians, four Russians" (killed),
    "24 captives - 13 Israelis, 10 Thais" (the captives' metric). A gapped
    clause repeats the verb and noun of the one before it: "Suzu has recorded 100
    deaths and Wajima 90", "Twenty died in Anamizu, five in Nanao".
    """
    if opening is not None and a >= opening.end() and opening_metric is not None:
        return opening_metric, True
    between = s[prev_end:hedge_start] if k else s[:hedge_start]
    intros = list(_PARTS_INTRO.finditer(between))
    intro = intros[-1] if intros else None  # the last one: the list starts after it
    head = prev_metric if k else last_metric
    if not k and intro is not None:  # "portraits of the dead, among them the 10 firefighters": the noun before
        named = [m for c0, c1, m, pos in cues if c1 <= intro.start() and pos in ("after", "both")]
        head = Metric(named[-1]) if named else head
    if head is None or head is Metric.OTHER:
        return None, False
    if (intro is not None and len(between[intro.end():].split()) <= 1) or (
            part_run and k and _LIST_GAP.fullmatch(between)):
        return head, True
    if not k and _REPORTED_BARE.search(between) and not _NOUN_AFTER_FIGURE.match(s, b):
        return head, True  # "... 100 deaths. Anamizu has reported 20": a bare numeral takes the noun before it
    if k and _CONTRAST.search(between) and _who(s, b) is None:
        return head, False  # "corrected the number of bodies to 78, and not 79": two values of one count
    if k and ((_GAPPED_NAME.search(between) and (not _NOUN_AFTER_FIGURE.match(s, b) or _PERSON_AFTER.match(s, b)))
              or (_SEPARATOR_END.search(between) and _GAPPED_PLACE.match(s, b))):
        return head, True  # "Suzu 100 deaths and Wajima 90", "Twenty died in Anamizu, five in Nanao"
    return None, False


def _modifier(sentence: str, c0: int, c1: int) -> bool:
    """A participle that describes a noun ("schoolgirls kidnapped by Boko Haram"), not the predicate."""
    if " " in sentence[c0:c1]:
        return False
    return bool(_BY_AFTER.match(sentence, c1, c1 + 12)) and not _AUX_BEFORE.search(sentence, max(0, c0 - 20), c0)


def _who(sentence: str, b: int) -> str | None:
    """The counted noun phrase after a figure ("34,789 Palestinians" -> "Palestinians")."""
    words: list[str] = []
    for m in _WORD.finditer(sentence, b, min(len(sentence), b + 80)):  # bounded
        w = m.group()
        lw = w.lower()
        if not w[0].isalpha():
            if words or w not in ("-",):
                break
            continue
        if not words and lw in _WHO_SKIP:
            continue
        if lw in _WHO_STOP or (lw in LEXICON.metric_cues and _CUES[lw][1] != "after"):
            break
        if lw in LEXICON.attribution_verbs:
            break  # "not the 120 announced on Sunday": a reduced relative clause, not the counted noun
        if lw in LEXICON.number_words:
            break
        words.append(w)
        if len(words) >= 5 or (lw in LEXICON.count_nouns and len(words) > 0):
            break
    while words and words[-1].lower() in _WHO_SKIP:
        words.pop()
    return " ".join(words) or None


WINDOW = 300
BACKREF_SENTENCES = 12
"""How many sentences back "the official said" looks for the speaker it refers to."""
MAX_SENTENCE = 2000
"""A longer sentence is kept, as a claim's evidence, as the 2,000 characters around its figure."""
"""Characters read on either side of a figure: keeps every step bounded, so extraction is linear."""
# A place fronted at a sentence's start ("In Syria, ...", "In the northern city of Hakui, ...", "In Syria
# the picture is murkier."): the place of the sentence's figures that name none of their own, and the
# frame of the rest of its paragraph: a later sentence that names no place speaks of it ("the White
# Helmets said at least 1,020 had died there"). A place where someone speaks frames nothing ("In
# Geneva, a U.N. spokesman said ...": the clause is the saying).
_FRONTED_PLACE = regex.compile(
    rf"""^(?:In|At|Across|Near|On|Inside|Throughout)[ \t]++(?:the[ \t]++)?
      (?: (?:[a-z]++[ \t]++){{0,3}}+(?:of[ \t]++)?{_PLACE_WORD}(?=[ \t]*+,)    # "In the northern city of Hakui,"
        | {_PLACE_MODIFIER}{_PLACE_WORD}(?=[ \t]++[a-z]))                    # "In Syria the picture", not "In return Israel freed"
    """, regex.VERBOSE)
_FRAME_SPEAKS = 60
"""Characters after a fronted place within which a verb of saying makes it the place of speaking."""


_RELATIVE_TIME = regex.compile(r"\b(?:a|one|two|three|\d+)\s++years?\s++(?:after|on|later|since)\b|\bago\b|\banniversary\b",
                                regex.IGNORECASE)


_CLAUSE_MARK = regex.compile(r"[;:(\"“”—]|,(?!\d)|(?<!\d),")  # a comma between digits ("70,457") is no break


def _clause_end(sentence: str, a: int) -> int:
    limit = min(len(sentence), a + WINDOW)
    m = _CLAUSE_MARK.search(sentence, a, limit)
    return m.start() if m is not None else limit


def _clause_start(sentence: str, a: int) -> int:
    floor = max(0, a - WINDOW)
    m = _CLAUSE_MARK_BACK.search(sentence, floor, a)
    return m.start() + 1 if m is not None else floor


_CLAUSE_MARK_BACK = regex.compile(_CLAUSE_MARK.pattern, regex.REVERSE)


_AND_PLACE = regex.compile(r"\s++and\s++(?:the\s++)?(\p{Lu}[\w'’-]*+)")


def _place_of(m: regex.Match[str] | None) -> str | None:
    """The place a match names; two places joined ("in Turkey and Syria", "Turkey-Syria quake")
    name their combined area, "Syria+Turkey", another quantity than either alone."""
    if m is None:
        return None
    p = m.group("p")
    if _BORDER_AFTER.match(m.string, m.end("p"), m.end("p") + 12):
        return None
    words = p.split()
    first = without_possessive(words[0])
    if first.lower() in _NOT_PLACES:
        return None
    if len(words) == 2 and first == words[0] and words[1].lower() not in _NOT_PLACES \
            and words[1].lower() not in _GENERIC_PLACE and "-" not in first:
        return without_possessive(p)  # a name of two words: "Al Haouz", "San Juan" (not "Wajima City")
    parts = [x for x in first.split("-") if x[:1].isupper()]
    also = _AND_PLACE.match(m.string, m.end("p"), m.end("p") + 40)
    if also is not None and also.group(1).lower() not in _NOT_PLACES:
        parts.append(also.group(1))
    if len(parts) > 1:
        return "+".join(sorted(dict.fromkeys(parts)))
    return first


# Every match of _PLACE_AFTER and _PLACE_BEFORE holds _PLACE_WORD's capital (an ASCII one, matched with
# case): a window without one is not read with them (about half the windows a figure reads)
_CAPITAL = re.compile(r"[A-Z]")


def _place(sentence: str, a: int, b: int, prev_end: int, next_start: int) -> str | None:
    """Where the counted thing happened, from "in X" after the figure or "in X"/"X's" before it."""
    stop = _PUNCT.search(sentence, b, min(next_start, b + WINDOW))
    hi = min(stop.start() if stop else next_start, b + WINDOW)
    for m in _PLACE_AFTER.finditer(sentence, b, hi) if _CAPITAL.search(sentence, b, hi) else ():
        got = _place_of(m)
        if got:
            return got
    lo = max(prev_end, _clause_start(sentence, a), a - WINDOW)
    found = [_place_of(m) for m in _PLACE_BEFORE.finditer(sentence, lo, a)] if _CAPITAL.search(sentence, lo, a) else []
    found = [f for f in found if f]
    if not found:
        start = _clause_start(sentence, a)
        if _WHERE.match(sentence, start, a):
            # a relative "where" takes the place it follows: "in Al Haouz province, where 290 were killed"
            found = [f for m in _PLACE_BEFORE.finditer(sentence, max(0, start - WINDOW), start) if (f := _place_of(m))]
    if not found:
        found = [f for f in [_place_of(_FRONTED_PLACE.match(sentence, 0, min(a, WINDOW)))] if f]
    return found[-1] if found else None


_GENERIC_PLACE = frozenset(LEXICON.places_of("generic"))  # "Wajima City": the name is "Wajima"
_WHERE = regex.compile(r"[ \t]*+where\b")


_LEADING_ZERO = regex.compile(r"0\d")
_AFTER_LEADING_ZERO = regex.compile(r"(?<![\d.,])0\d++[ \t]\Z")


def _keep(fig: Figure, metric: Metric, who: str | None, sentence: str, a: int) -> bool:
    """Whether a figure is a claim (a count someone would reconcile)."""
    if fig.kind is FigureKind.MONEY:
        return True
    if fig.low == 1 and _NEGATED.search(sentence, max(0, a - 10), a):
        return False  # "not one of them", "no one"; "to 78, and not 79 as announced" is a corrected count
    if _CHANGE_BEFORE.search(sentence, max(0, a - 30), a):
        return False  # "revising the toll down by one": a difference, not a count
    rest = sentence[a:a + 120].split(None, 4)
    if len(rest) >= 3 and rest[2].lower().strip(",") in LEXICON.attribution_verbs \
            and rest[0][-1:].isalnum() and rest[1].isalpha() and rest[1].lower() not in _NOT_SPEAKER_NOUN \
            and rest[1].lower() not in _CUES:  # "202 deaths confirmed as of 2 p.m.": a death confirms nothing
        return False  # "One person said", "Two officials told": speakers, not a count
    if fig.low == 1 and _NOT_A_COUNT.match(sentence, a):
        return False  # "one of its dead citizens", "the first one": a pronoun, not a count
    if fig.text.isdigit() and len(fig.text) >= 5:
        return False  # "(12841)", "8972073925": a number or an identifier; counts this large carry separators
    if _LEADING_ZERO.match(fig.text) or _AFTER_LEADING_ZERO.search(sentence, max(0, a - 12), a):
        return False  # "0800 720 627": no count is written with a leading zero; what follows it is the same number
    end = a + fig.end - fig.start
    if sentence[end:end + 1] == ")" and _LABEL_IN_BRACKETS.search(sentence, max(0, a - 40), a):
        return False  # "AUGUSTA, Maine (Coastal 6) -": a name with a number
    if "age" in sentence[max(0, a - 24):a] and _AGE_RANGE_BEFORE.search(sentence, max(0, a - 24), a):
        return False  # "the dead ranged in age from 14 to 76"
    head = who.split()[-1].lower() if who else None
    if sentence[max(0, a - 4):a].lower() == "the " and fig.low is not None and fig.low <= 3 \
            and head in LEXICON.thing_nouns:
        return False  # "the two cities", "the two sides": a definite reference, not a count
    if fig.low == 1 and fig.high == 1 and who and not _one_person(who.split()[-1]):
        return False  # "one shelter is accommodating 600": one thing, not a count of people
    if metric is not Metric.OTHER:
        return True
    if fig.vague:
        return False
    if fig.low == 1 and fig.high == 1:
        return False
    if head is None:
        value = fig.low if fig.low is not None else fig.high
        return value is not None and value >= 1000
    if head in LEXICON.noncount_nouns:
        return False
    if head in LEXICON.count_nouns or head.rstrip("s") + "s" in LEXICON.count_nouns:
        return True
    value = fig.low if fig.low is not None else fig.high
    if value is not None and value >= 1000 and not head.endswith("s"):
        return True  # "eight million affected"
    before = sentence[max(0, a - 6):a].lower()
    if before.endswith("the ") and fig.low is not None and fig.low <= 3:
        return False
    return head.endswith("s") and not head.endswith("ss")


_LABEL_IN_BRACKETS = regex.compile(r"\([ \t]*+(?:\p{Lu}[\w.&'’-]*+[ \t]++){1,3}\Z")
_AGE_RANGE_BEFORE = regex.compile(r"\b(?:in[ \t]++age|ages?)[ \t]++(?:from[ \t]++)?\Z", regex.IGNORECASE)
_PEOPLE_SINGULAR = frozenset({"person", "man", "woman", "child", "people"})


def _one_person(head: str) -> bool:
    """Whether a singular head noun names a person ("one soldier", "one Filipino"), not a thing."""
    h = head.lower()
    if h in _PEOPLE_SINGULAR or head[:1].isupper():
        return True  # a demonym or a name: "one Filipino"
    plural = h + "es" if h.endswith(("s", "sh", "ch", "x")) else h + "s"
    return plural in LEXICON.count_nouns and plural not in LEXICON.thing_nouns


_NOT_A_COUNT = regex.compile(r"(?i:one)[ \t]++of\b|(?i:one)\b(?<=\b(?:first|last|only|another|each|any|no|same)[ \t]++one)")
_RELATIVE_WORD = r"(?:(?:in|during|at|on|after)[ \t]++which|which|when|that|where|killing|leaving)"
"""What opens a clause hung on the noun before it: "..., which killed 50", "..., in which 330 died", "..., killing 12"."""
_DATED_EVENT = regex.compile(  # "the 2016 Kumamoto quakes, which killed 50": the figure's clause modifies the event
    rf"""(?:[ \t]++[\w'’-]++){{0,3}}?[ \t]++{alternation(LEXICON.events_of('disaster', 'violence', 'campaign'))}s?\b
         (?:[ \t]++(?:of|in)[ \t]++[\w'’ -]{{1,30}}?)?          # "disaster of 2014", "a 1981 disaster in Bihar"
         ,?[ \t]++{_RELATIVE_WORD}\b""",
    regex.IGNORECASE | regex.VERBOSE)
_EVENT_OF_DATE = regex.compile(
    rf"""\b{alternation(LEXICON.events_of('disaster', 'violence', 'campaign'))}s?[ \t]++(?:of|in)[ \t]++\Z""",
    regex.IGNORECASE | regex.VERBOSE | regex.REVERSE)
_RELATIVE_AFTER = regex.compile(rf",?[ \t]++{_RELATIVE_WORD}\b", regex.IGNORECASE)


def _named_event(dates: list[DateMention], sentence: str, a: int) -> DatePeriod | None:
    """The date of an event the figure's relative clause describes: "since the 2016 Kumamoto
    quakes, which killed 50", "the Sewol ferry disaster of 2014 that claimed 304 lives", "the 1991
    Gulf War, when Iraq fired 42 Scuds". The clause modifies the dated event noun, so the figure is
    that event's count, whatever role the date plays in the main clause ("since ...")."""
    for d in reversed(dates):
        if d.end > a or d.period is None:
            continue
        if a - d.end > 160:
            break  # the dates are in text order: every earlier one is farther still
        if _CLAUSE_STOP.search(sentence, d.end, a):
            return None
        m = _DATED_EVENT.match(sentence, d.end, a)
        if m is None and _EVENT_OF_DATE.search(sentence, max(0, d.start - 30), d.start):
            m = _RELATIVE_AFTER.match(sentence, d.end, a)
        if m is not None:
            return d.period
    return None


_CLAUSE_OR_VERB = regex.compile(  # between a figure and a date: a clause break, or a verb of its own
    r"[,;:()]|\b(?:was|were|is|are|been|be|had|has|have|died|killed)\b", regex.IGNORECASE)
_CLAUSE_STOP = regex.compile(r"[;:]|\.\s")


def _event_date(dates: list[DateMention], sentence: str, a: int, cumulative: bool,
                relative: bool, speech: Sequence[attr.Found] = ()) -> DatePeriod | None:
    """The event date of the figure at ``a``: the nearest event date of its clause, else of its sentence.

    A running total ("the toll rose to 154 on Friday") keeps only a date that
    names its event ("Tuesday's explosion"); a figure in a clause that dates
    itself relatively ("a year after ... killing 200") keeps none from another clause.
    A date before a verb of saying whose reported clause holds the figure dates
    the saying, not the event ("Early on Sunday, the chief told a briefing that
    151 people had died"), and so does one after the figure when the figure is
    the verb's object ("The railways had announced 288 deaths on Saturday").
    """
    named = _named_event(dates, sentence, a)
    if named is not None:
        return named
    usable = [d for d in dates if d.role == "event" and d.period is not None
              and not any((d.end <= f.start and f.end <= a)
                          or (0 <= a - f.end <= 16 and a < d.start and not _CLAUSE_OR_VERB.search(sentence, a, d.start))
                          for f in speech)]
    if cumulative:
        usable = [d for d in usable if d.possessive]
    if not usable:
        return None
    when = [d for d in usable if d.start > a and " when " in sentence[a:d.start]]
    if when:  # "mourning on Thursday for the 16 people killed when a missile hit ... on Tuesday"
        return when[0].period
    lo, hi = _clause_start(sentence, a), _clause_end(sentence, a)
    same = [d for d in usable if lo <= d.start and d.end <= hi]
    if same:
        usable = same
    elif relative:
        return None
    best = min(usable, key=lambda d: abs(d.start - a) + (0 if d.start >= a else 5))
    return best.period


def extract(article: Article | str, **meta: Any) -> list[Claim]:
    """The numeric claims of one article, in text order.

    ``article`` is an :class:`Article` or the text itself with keyword metadata
    (``id``, ``published``, ``publisher``, ``title``, ``url``). An article
    without a publication date still yields claims; its relative dates stay
    unresolved (None) and a warning is logged.
    """
    enabled = gc.isenabled()
    gc.disable()  # an article of thousands of claims: the cyclic collector would rescan them all
    try:
        return _extract(article, **meta)
    finally:
        if enabled:
            gc.enable()


def _extract(article: Article | str, **meta: Any) -> list[Claim]:
    if isinstance(article, str):
        article = Article(id=meta.pop("id", "article"), text=article, **meta)
    elif not isinstance(article, Article):
        raise InputTypeError(f"extract expects an Article or a str, got {type(article).__name__}")
    elif meta:
        article = article.model_copy(update=meta)
    text = article.text
    published = article.published
    if published is None:
        log.warning("article %s has no publication date: relative dates stay unresolved", article.id)
    elif published > dt.date.today() + dt.timedelta(days=1):
        log.warning("article %s is dated %s, in the future: its relative dates resolve against it",
                    article.id, published.isoformat())
    figures = _gapped_counts([f for f in find_figures(text) if f.kind in _CLAIM_KINDS or f.kind is FigureKind.ORDINAL],
                             text)
    if not figures:
        return []
    sentences = split_sentences(text)
    names = _story_names(text)
    dates_of = find_dates_in(text, sentences, published)  # once per sentence
    incident = incident_date(sentences, dates_of, published)
    dated = dated_events(dates_of)
    war = any(_names_campaign(sent.text) for sent in sentences[:OPENING])
    low = text.lower()
    plain_text = plain_case(text, low)
    hostage_story = holds_any(low, plain_text, _HOSTAGE_WORDS) and _HOSTAGE_WORD.search(text) is not None
    # prisoners and no one taken ("prisoners of war ... freed from captivity"): whoever is released is a prisoner
    prisoner_story = holds_any(low, plain_text, _PRISONER_WORDS) and _PRISONER.search(text) is not None \
        and (not hostage_story or _TAKEN_WORD.search(text) is None)
    lead = (-1, incident) if incident is not None else _lead_date(sentences, dates_of)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        i = bisect_left(starts, f.start + 1) - 1
        if i < 0 or f.end > sentences[i].end:
            continue  # a figure across a sentence break: not a claim
        by_sentence.setdefault(i, []).append(f)
    claims: list[Claim] = []
    read: dict[int, list[tuple[attr.Found, Attribution]]] = {}

    def attributions(j: int) -> list[tuple[attr.Found, Attribution]]:
        if j not in read:
            read[j] = attr.find_attributions(sentences[j].text)
        return read[j]

    def named_before(i: int, ref: str = "") -> Attribution | None:
        """The last speaker named in the sentences before i that the back-reference ``ref`` can
        mean: "the agency" means the last named speaker with "agency" in its name, "he" any
        (read only when a claim refers back)."""
        noun = attr.backreference_noun(ref)
        for j in range(i - 1, max(-1, i - 1 - BACKREF_SENTENCES), -1):
            if noun is None and j < i - 1 and sentences[j].paragraph != sentences[i].paragraph:
                break  # a pronoun refers to a speaker of its own paragraph or of the sentence right before
            for _, a in reversed(attributions(j)):
                if not attr.is_backreference(a.text) and (noun is None or noun in a.issuer.lower()) \
                        and attr.refers_to(ref, a):
                    return a
        return None

    last_metric: Metric | None = None
    last_claims: tuple[int, list[Claim]] = (-2, [])  # the paragraph, and the claims of its last sentence with figures
    last_event: tuple[int, DatePeriod] | None = None
    last_source: tuple[int, Attribution] | None = None  # the speaker of the paragraph's last figures
    frame: tuple[int, str] | None = None  # the paragraph, and the place its opening sentence frames it with
    reported_default = DatePeriod.of(published) if published else None
    for i, sent in enumerate(sentences):
        figs = by_sentence.get(i)
        dates = dates_of[i]
        if frame is not None and frame[0] != sent.paragraph:
            frame = None
        fronted = _FRONTED_PLACE.match(sent.text, 0, WINDOW) if sent.text[:1].isupper() else None
        framed = _place_of(fronted)
        if fronted is not None and framed is not None:
            tail = sent.text[fronted.end(): fronted.end() + _FRAME_SPEAKS]
            frame = None if attr.FINITE_SAYING.search(tail) else (sent.paragraph, framed)
        if figs:
            context = last_event if last_event is not None and last_event[0] == sent.paragraph else lead
            speaking = last_source[1] if last_source is not None and last_source[0] == sent.paragraph else None
            new = _claims_of(article, sent, figs, attributions(i), dates, partial(named_before, i), context,
                             reported_default, last_metric, names, war, hostage_story,
                             speaking, incident, dated,
                             prisoner_story, frame[1] if frame is not None else None,
                             last_claims[1] if last_claims[0] == sent.paragraph else (), claims)
            claims.extend(new)
            if new:
                last_metric = new[-1].metric
                last_claims = (sent.paragraph, new)
                # the speaker is quoted on when the text already refers back to them ("..., it said.")
                # or introduces a quotation ("Spokesman X said:")
                sourced = _quoted_on(new, sent.text)
                last_source = (sent.paragraph, sourced[-1]) if sourced else None
        else:
            # "The list of people missing has shrunk sharply. ... it stood at 40": a count named with no
            # figure is what a figure that refers back ("it", "the figure") counts
            named = _counted_metric(sent.text)
            if named is not None:
                last_metric = named
            if last_source is not None and attr.SAYING.search(sent.text):
                last_source = None  # someone speaks now
        ev_dates = [d for d in dates if d.role == "event" and d.period is not None
                    and d.period.precision is Precision.DAY and d.period.start == d.period.end]
        if ev_dates:  # "Early on Sunday, the chief told...": the day of telling dates no event
            last_said = max((m.start() for m in attr.SAYING.finditer(sent.text)), default=-1)
            ev_dates = [d for d in ev_dates if d.end > last_said]
        ev = [d.period for d in ev_dates if d.period is not None]
        if ev:
            last_event = (sent.paragraph, ev[-1])
        elif last_event is not None and sent.paragraph != last_event[0]:
            last_event = None
    return claims


# capitalised words, Latin letters with their accents: the standard engine scans this class quickly
# when the pattern opens with it, so the word boundary before the capital is read after it ("not a
# word character before it": the capital is one)
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ](?<!\w.)[a-zß-öø-ÿ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+)*")
_MONTHS_DAYS = frozenset(w.lower() for w in (*LEXICON.months, *LEXICON.weekdays))
NAMES_KEPT = 8


def article_names(text: str) -> tuple[str, ...]:
    """The article's most frequent proper names ("Puerto Rico", "Boko Haram"), most frequent first.

    >>> article_names("Nepal was hit. In Nepal and India, rescuers dug.")
    ('Nepal', 'India')
    """
    counts: dict[str, int] = {}
    for found, times in Counter(_NAME.findall(text)).items():  # each distinct run of words read once
        name = _name_of(found)
        if name:
            counts[name] = counts.get(name, 0) + times
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(n for n, _ in ranked[:NAMES_KEPT])


@lru_cache(maxsize=8192)
def _name_of(found: str) -> str:
    """The name a run of capitalised words makes ("Gaza's" -> "Gaza"; "" for "Monday", "The"): cached,
    since the news names the same places, people and groups again and again."""
    words = [without_possessive(w) for w in found.split()]
    return " ".join(w for w in words if w not in LEXICON.not_names and w.lower() not in _MONTHS_DAYS)


def _story_names(text: str) -> tuple[str, ...]:
    """The headline's names, then the article's most frequent ones."""
    head = article_names(text.split("\n", 1)[0])
    return tuple(dict.fromkeys(head + article_names(text)))


def _lead_date(sentences: list[Sentence], dates_of: list[list[DateMention]]) -> tuple[int, DatePeriod] | None:
    """The first day-precision event date of the article's opening sentences: its main event.

    Paragraph -1 marks it as valid anywhere in the article.
    """
    for sent, dates in zip(sentences[:4], dates_of, strict=False):
        if _CUMULATIVE.search(sent.text) or _RELATIVE_TIME.search(sent.text):
            continue  # "the toll climbed past 4,000 on Monday", "a year after the blast": not the event's day
        for d in dates:
            p = d.period
            if d.role == "event" and p is not None and p.precision is Precision.DAY and p.start == p.end:
                return (-1, p)
    return None


def _claims_of(article: Article, sent: Sentence, figs: list[Figure],
               found: list[tuple[attr.Found, Attribution]], dates: list[DateMention],
               named_before: Callable[[str], Attribution | None], last_event: tuple[int, DatePeriod] | None,
               reported_default: DatePeriod | None, last_metric: Metric | None,
               names: tuple[str, ...], war: bool = False,
               hostage_story: bool = True, speaking: Attribution | None = None,
               incident_day: DatePeriod | None = None,
               dated: dict[str, DatePeriod] | None = None,
               prisoner_story: bool = False, frame_place: str | None = None,
               recent: Sequence[Claim] = (), earlier: Sequence[Claim] = ()) -> list[Claim]:
    """The claims of one sentence.

    ``last_event`` is the date that an undated toll of an event takes: the last
    event date of the paragraph, or (paragraph -1) the article's incident
    (``incident_day``) or opening date. The incident's toll keeps the incident's
    date even when the sentence tallies it ("the toll rose to 155"); a running
    total of a campaign ("the war has killed", "since October") keeps none, and
    so does a tally in an article about a war (``war``: its opening names one)
    unless its sentence names the incident; ``dated`` holds the events the
    article dates by name ("the Oct. 7 attack").
    Hostage metrics need a story in which someone was taken (``hostage_story``); in a story
    of prisoners in which no one was taken (``prisoner_story``) a release is a prisoner's.
    A sentence with no attribution of its own continues the paragraph's last
    speaker (``speaking``) when the text was already quoting them on ("..., it
    said. The number of injuries stood at 149") or introduced a quotation
    ("Spokesman X said: ...").
    A figure that refers back ("raised its count from 116") refers to the claim of the paragraph's
    last sentence (``recent``) closest to it in value, when one is; a figure compared with another's
    count ("two more than the military's figure") counts what the article's earlier figure nearest it
    in value (``earlier``) counts.
    """
    s = sent.text
    low = s.lower()
    all_cues = _cues_in(s, low)
    cue_starts = [c[0] for c in all_cues]
    plain = plain_case(s, low)
    cumulative = holds_any(low, plain, _CUMULATIVE_WORDS) and bool(_CUMULATIVE.search(s))
    running = holds_any(low, plain, _RUNNING_WORDS) and bool(_RUNNING.search(s))
    relative = holds_any(low, plain, _RELATIVE_TIME_WORDS) and bool(_RELATIVE_TIME.search(s))
    # "at the time", "had been freed": an earlier event than the lead's
    past = holds_any(low, plain, _PAST_MARKER_WORDS) and bool(_PAST_MARKER.search(s))
    flags: dict[str, bool] = {}  # read on first use: most sentences never need them

    def has(name: str) -> bool:
        if name not in flags:
            pattern, lower = _SENTENCE_FLAGS[name]
            flags[name] = pattern.search(low if lower else s) is not None
        return flags[name]

    speech_all = [f for f, _ in found if f.covers == "after"]
    speech_starts = [f.start for f in speech_all]
    date_starts = [d.start for d in dates]
    found_starts = [f.start for f, _ in found]
    out: list[Claim] = []
    prev_metric: Metric | None = None
    opening = _PARTS_OPENING.match(s)
    opening_metric = None
    if opening is not None:
        inside = [m for c0, c1, m, _ in all_cues if opening.start("np") <= c0 and c1 <= opening.end("np")]
        opening_metric = Metric(inside[-1]) if inside else None
        if opening_metric is None and _REFERRING_NP.fullmatch(opening.group("np")):
            opening_metric = last_metric  # "Of the total, only 32 have been identified", "Of those, 88 bodies"
    part_run = False
    for k, fig in enumerate(figs):
        a, b = fig.start - sent.start, fig.end - sent.start
        prev_end = figs[k - 1].end - sent.start if k else 0
        next_start = figs[k + 1].start - sent.start if k + 1 < len(figs) else len(s)
        hedge_start = a
        if fig.hedge:
            hs = s.rfind(fig.hedge, max(0, a - len(fig.hedge) - 4), a)
            hedge_start = hs if hs >= 0 else a
        cues = all_cues[bisect_left(cue_starts, a - WINDOW): bisect_left(cue_starts, b + WINDOW)]
        near_dates = dates[bisect_left(date_starts, a - WINDOW): bisect_left(date_starts, b + WINDOW)]
        if fig.kind is FigureKind.MONEY:
            metric = Metric.MONEY
        else:
            antecedent = prev_metric or (_closest(recent, fig) if recent and not k else None) or last_metric
            metric = _metric(s, a, b, prev_end, next_start, cues, antecedent, hedge_start)
        if metric is Metric.OTHER and fig.kind is FigureKind.COUNT and earlier \
                and _COMPARED.match(s, b, min(len(s), b + 120)):
            # "its own list now holds 242 names, two more than the military's figure": compared with
            # another's count, it counts what that count counts (the article's earlier figure nearest it)
            metric = _closest(earlier[-EARLIER_CLAIMS:], fig) or metric  # bounded: linear on hostile text
        if metric is Metric.OTHER and fig.kind is FigureKind.COUNT:
            whole, part = _whole_of(s, a, b, hedge_start, prev_end, k, prev_metric, last_metric, opening, opening_metric,
                                    part_run, cues)
            if whole is not None:
                metric = whole
            part_run = part
        else:
            # "18 of the dead were Guatemalan, seven Honduran": a partitive is a part as "Of the dead, 18
            # were" is, and the members after it gap its "of the dead were"
            part_run = fig.kind is FigureKind.COUNT and _PARTITIVE_AFTER.match(s, b) is not None
        if opening is not None and a < opening.end() and metric is not Metric.OTHER:
            opening_metric = metric  # "Of the 73 dead, ...": the whole's own figure
        who = _who(s, b)
        if metric is Metric.HOSTAGES_HELD and _TOOK_BEFORE.search(s, max(0, hedge_start - 24), hedge_start):
            metric = Metric.HOSTAGES_TAKEN  # "took 199 hostages": the verb says what happened, not the noun
        if metric is Metric.HOSTAGES_RELEASED and _ALL_BUT.search(s, max(0, a - 12), a):
            metric = Metric.HOSTAGES_HELD  # "all but eight of the girls had been freed"
        head = who.split()[-1].lower() if who else ""
        if head in LEXICON.thing_nouns and metric in _EVENT_METRICS | {Metric.POPULATION}:
            metric = Metric.OTHER  # "77,000 apartments" are damaged, not killed
        place = _place(s, a, b, prev_end, next_start) or frame_place
        if metric is Metric.HOSTAGES_RELEASED and (
                prisoner_story or _PRISONER.search(s, max(prev_end, a - 20), _phrase_end(s, b, b + 50))
                or (_PRISONER.search(s, max(prev_end, a - 80), a) and not _HOSTAGE_WORD.search(s))):
            metric = Metric.PRISONERS_RELEASED  # "prisoners of war swapped, with 95 freed on each side"
        if metric in _HOSTAGE_METRICS and not hostage_story and not _FREED.search(s, max(0, a - 60), min(len(s), b + 60)):
            # no one was taken hostage in this story: "104 were rescued" are survivors, "seized 30 rifles" things
            metric = Metric.EVACUATED if _RESCUED.search(s, max(0, a - 60), min(len(s), b + 60)) else Metric.OTHER
        prev_metric = metric
        if not _keep(fig, metric, who, s, a):
            continue
        source = attr.choose(found, a, b, found_starts)
        if source is None and not found and speaking is not None:
            source = speaking  # a speaker quoted on: "..., it said. The number of injuries stood at 149."
        named = named_before(source.text) if source is not None and attr.is_backreference(source.text) else None
        if source is not None and named is not None:
            source = Attribution(text=source.text, issuer=named.issuer, relay=source.relay)
        # a running total is read near the figure: "recovered 15 bodies on Monday, bringing the toll to 102"
        tally = (cumulative and bool(_CUMULATIVE.search(s, max(0, a - 60), min(len(s), b + 20)))) or (
            running and bool(_RUNNING_NEAR.search(s, max(0, a - 40), min(len(s), b + 35)))) or bool(
            _FROM_FIGURE.search(s, max(0, hedge_start - 12), hedge_start))  # "(up) from 92 on Friday": an earlier tally
        speech = speech_all[bisect_left(speech_starts, a - WINDOW): bisect_left(speech_starts, a)]  # windowed
        event = None if metric in _STOCK_METRICS else _event_date(near_dates, s, a, tally, relative, speech)
        event_from: Literal["sentence", "paragraph", "lead"] | None = "sentence" if event else None
        if event is None and metric in _INCIDENT_METRICS and dated and has("names_incident"):
            event = named_event(s, _clause_start(s, a), _clause_end(s, b), dated)  # "killed in the surprise attack"
            event_from = "sentence" if event else None
        if event is None and metric in _INCIDENT_METRICS and last_event is not None and (
                metric is not Metric.OTHER or _past_clause(s, a, b)):
            if last_event[0] == sent.paragraph and not tally and not running:
                event, event_from = last_event[1], "paragraph"  # the paragraph's own day
            elif incident_day is not None or last_event[0] == -1:
                if incident_day is not None and not relative and not _campaign_near(s, a, b) and not has("other_incident") \
                        and (not war or not (tally or running) or has("names_incident")):
                    event, event_from = incident_day, "lead"  # the incident the article is about
                elif incident_day is None and not tally and not running and not past:
                    event, event_from = last_event[1], "lead"  # the article's opening date
        if event_from != "sentence" and out and out[-1].metric is metric and out[-1].event_date is not None \
                and _FROM_FIGURE.search(s, max(0, hedge_start - 12), hedge_start):
            # "lowered its estimate of the number killed to about 1,200 from more than 1,400": the
            # earlier value of the same count is of the same event
            event, event_from = out[-1].event_date, out[-1].event_date_from
        reports = [d.period for d in near_dates if d.role == "report" and d.period is not None]
        # a run-on "sentence" (a text with no stops) keeps a window around the figure as its evidence,
        # so that output stays linear in the input
        cut = 0 if len(s) <= MAX_SENTENCE else max(0, a - MAX_SENTENCE // 2)
        evidence = s if len(s) <= MAX_SENTENCE else s[cut: b + MAX_SENTENCE // 2]
        reported = reports[0] if reports else reported_default
        # every value is checked already (the figure lies in the evidence at sentence_start by the
        # cut above): built without re-validation; tests/test_fast_paths.py re-validates every claim
        # of the corpora and compares
        out.append(trusted(Claim, {
            "id": f"{article.id}:{fig.start}",
            "article_id": article.id,
            "figure": fig,
            "metric": metric,
            "who": who,
            "place": place,
            "source": source,
            "publisher": article.publisher,
            "published": article.published,
            "event_date": event,
            "event_date_from": event_from,
            "reported_date": reported,
            "sentence": evidence,
            "sentence_start": sent.start + cut,
            "names": names,
        }))
    return out


# The cue scan, on the lower-cased sentence with a case-sensitive copy of _CUE whose branches are
# grouped by their first letter: the standard engine then tries one group at a position instead of
# every branch, several times faster than _CUE's IGNORECASE scan. Every cue is lower-case letters and
# spaces, so both find the same cues at the same places wherever lower-casing keeps each character in
# place ("İ" becomes two) and IGNORECASE pairs a cue letter with no other character than the ones that
# lower-case to it (lexicon.plain_case); on any other sentence _CUE itself reads it.
# tests/test_fast_paths.py checks both conditions on every code point.


def _first_letter_groups(phrases: list[str]) -> str:
    """_CUE's alternation (longest first) with its branches grouped by first letter, in their order."""
    groups: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        branch = r"\s+".join(re.escape(w) for w in p.split())  # as lexicon.alternation spells it
        groups.setdefault(p[0], []).append(branch[len(re.escape(p[0])):])
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items()) + ")"


_CUE_LOWER = re.compile(rf"(?<![\w-])(?P<cue>{_first_letter_groups([c.lower() for c in _CUES])})(?![\w-])")


def _cues_in(s: str, low: str) -> list[tuple[int, int, str, str]]:
    """Every cue of the sentence ``s`` (``low`` is ``s.lower()``): start, end, metric, side it covers."""
    if plain_case(s, low):
        return [(m.start(), m.end(), *_CUES[" ".join(m.group("cue").split())]) for m in _CUE_LOWER.finditer(low)]
    found = ((m, _CUES.get(_cue_key(m.group("cue")))) for m in _CUE.finditer(s))
    return [(m.start(), m.end(), *cue) for m, cue in found if cue is not None]


def _cue_key(text: str) -> str:
    """The lexicon key of a cue the case-insensitive pattern matched: "homeleſs" and "kılled" are matched
    as "homeless" and "killed" (the engine folds ſ and ı), so they are looked up folded."""
    return " ".join(folded(text).split())


def _quoted_on(claims: list[Claim], sentence: str) -> list[Attribution]:
    """The sources of a sentence's claims that the text quotes on: a back-reference, or any speaker
    when the sentence introduces a quotation (read once a sentence, not once a claim: a run-on
    sentence of thousands of claims would be read thousands of times)."""
    intro: bool | None = None
    out: list[Attribution] = []
    for c in claims:
        if c.source is None:
            continue
        if not attr.is_backreference(c.source.text):
            if intro is None:
                intro = _QUOTE_INTRO.search(sentence) is not None
            if not intro:
                continue
        out.append(c.source)
    return out


# Words one of which every match of a sentence pattern holds: a sentence whose lower-cased copy holds
# none of them does not match, and is not read with the pattern (most sentences hold none).
# tests/test_fast_paths.py checks each list against the words of its pattern.
_CUMULATIVE_WORDS = ("toll", "killed", "risen", "far", "total", "rose", "climbed", "bring", "top", "stand", "stood")
_RUNNING_WORDS = ("has", "have", "since", "far", "total")
_RELATIVE_TIME_WORDS = ("year", "ago", "anniversary")
_PAST_MARKER_WORDS = ("time", "previously", "initially", "originally", "back", "had")
_HOSTAGE_WORDS = ("hostage", "captiv", "captor", "abduct", "kidnap")
_PRISONER_WORDS = tuple(sorted(LEXICON.prisoner_words))
"""Every match of _PRISONER holds one of these (lower case): an article with none is not scanned with it."""
_SUBJECT_WORDS = ("number", "list", "count", "total", "tally")
_CAMPAIGN_WORDS = tuple(sorted({w.split()[0].lower() for w in LEXICON.events_of("campaign")}))


def _names_campaign(s: str) -> bool:
    """Whether a sentence names a long event ("the war", "the offensive"): _CAMPAIGN_NOUN, gated."""
    low = s.lower()
    return holds_any(low, plain_case(s, low), _CAMPAIGN_WORDS) and _CAMPAIGN_NOUN.search(s) is not None
