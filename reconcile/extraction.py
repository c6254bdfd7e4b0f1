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
import logging
from bisect import bisect_left
from typing import Any

import regex

from . import attribution as attr
from .dates import DateMention, find_dates
from .errors import InputTypeError
from .lexicon import LEXICON, alternation
from .numbers import find_figures
from .records import Article, Attribution, Claim, DatePeriod, Figure, FigureKind, Metric
from .sentences import Sentence, split_sentences

__all__ = ["extract"]

log = logging.getLogger("reconcile")

_CUES = LEXICON.metric_cues
_CUE = regex.compile(rf"(?<![\w-])(?P<cue>{alternation(list(_CUES))})(?![\w-])", regex.IGNORECASE)
_PRISONER = regex.compile(rf"\b{alternation(list(LEXICON.prisoner_words))}\b", regex.IGNORECASE)
_WORD = regex.compile(r"[A-Za-z][\w'’-]*+|[^\s\w]")
_FROM_BEFORE = regex.compile(r"\b(?:up|down)?\s*+from\s*+\Z", regex.IGNORECASE)
_WHO_SKIP = frozenset({"more", "other", "others", "excess", "additional", "of", "the", "its", "their", "his",
                       "her", "them", "those", "these", "whom", "were", "had", "have", "been"})
_WHO_STOP = frozenset({"were", "was", "are", "is", "had", "have", "has", "be", "been", "who", "that", "which",
                       "in", "on", "at", "from", "to", "by", "with", "and", "as", "after", "when", "while",
                       "but", "or", "for", "since", "into", "onto", "across", "during", "over", "under",
                       "remain", "remained", "would", "will", "could", "still", "said", "died", "killed",
                       "injured", "wounded", "freed", "released", "left", "including", "than", "it", "they",
                       "out", "per", "a", "an", "the", "this", "said", "say", "says"})
_CUMULATIVE = regex.compile(
    r"\b(?:toll|tolls|has\s++killed|have\s++killed|have\s++been\s++killed|has\s++risen|so\s++far|in\s++total"
    r"|rose|climbed|risen|bringing|brings|tops|topped|stands|stood)\b",
    regex.IGNORECASE,
)
_EVENT_METRICS = frozenset({Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.HOSTAGES_TAKEN,
                            Metric.HOSTAGES_RELEASED, Metric.PRISONERS_RELEASED, Metric.EVACUATED,
                            Metric.DETAINED})
_STOCK_METRICS = frozenset({Metric.HOSTAGES_HELD, Metric.POPULATION})
_CLAIM_KINDS = frozenset({FigureKind.COUNT, FigureKind.MONEY})
_NOT_PLACES = frozenset(w.lower() for w in (*LEXICON.months, *LEXICON.weekdays)) | frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "all", "one"})
_PLACE_WORD = r"(?P<p>[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+)?)"
_PLACE_AFTER = regex.compile(
    rf"""\b(?:in|across|at|near|inside|throughout)[ \t]++(?:the[ \t]++)?
        (?:(?:neighbouring|neighboring|devastated|southern|northern|eastern|western|central|besieged)[ \t]++)?
        {_PLACE_WORD}""",
    regex.VERBOSE,
)
_PLACE_BEFORE = regex.compile(
    rf"""(?:\b(?:in|across|at|near|through|inside|throughout)[ \t]++(?:the[ \t]++)?
          (?:(?:neighbouring|neighboring|devastated|southern|northern|eastern|western|central)[ \t]++)?{_PLACE_WORD}
      | {_PLACE_WORD}(?:'s|’s)
      | {_PLACE_WORD}[ \t]++(?:quake|earthquake|death[ \t]++toll|toll|blast|explosion|attack|war|floods?|storm|hurricane))""",
    regex.VERBOSE,
)


def _words_between(s: str) -> int:
    return len(_WORD.findall(s))


def _metric(sentence: str, a: int, b: int, prev_end: int, next_start: int,
            cues: list[tuple[int, int, str, str]], prev_metric: Metric | None) -> Metric:
    """The metric of the figure at [a, b) of the sentence, from the cue words around it."""
    after = [(c0, m) for c0, c1, m, pos in cues if c0 >= b and c0 < next_start and pos in ("after", "both")]
    before = [(c1, m) for c0, c1, m, pos in cues if c1 <= a and c0 >= prev_end and pos in ("before", "both")]
    near_after = min(after, default=None)
    near_before = max(before, default=None)
    if near_before is not None and _words_between(sentence[near_before[0]:a]) <= 2:
        return Metric(near_before[1])  # "killed seven ...", "freed 105"
    if near_after is not None and _words_between(sentence[b:near_after[0]]) <= 6:
        return Metric(near_after[1])
    if near_before is not None and _words_between(sentence[near_before[0]:a]) <= 8:
        return Metric(near_before[1])
    if near_after is not None:
        return Metric(near_after[1])
    if near_before is not None:
        return Metric(near_before[1])
    if prev_metric is not None and _FROM_BEFORE.search(sentence, max(0, a - 12), a):
        return prev_metric
    far_before = [(c1, m) for c0, c1, m, pos in cues if c1 <= a and pos in ("before", "both")]
    far_after = [(c0, m) for c0, c1, m, pos in cues if c0 >= b and pos in ("after", "both")]
    if far_after:
        return Metric(min(far_after)[1])
    if far_before:
        return Metric(max(far_before)[1])
    return Metric.OTHER


def _who(sentence: str, b: int) -> str | None:
    """The counted noun phrase after a figure ("34,789 Palestinians" -> "Palestinians")."""
    words: list[str] = []
    for m in _WORD.finditer(sentence, b, min(len(sentence), b + 80)):
        w = m.group()
        lw = w.lower()
        if not w[0].isalpha():
            if words or w not in ("-",):
                break
            continue
        if not words and lw in _WHO_SKIP:
            continue
        if lw in _WHO_STOP or lw in LEXICON.metric_cues and _CUES[lw][1] != "after":
            break
        if lw in LEXICON.number_words:
            break
        words.append(w)
        if len(words) >= 5:
            break
    while words and words[-1].lower() in _WHO_SKIP:
        words.pop()
    return " ".join(words) or None


def _place_of(m: regex.Match[str] | None) -> str | None:
    if m is None:
        return None
    p = m.group("p")
    first = p.split()[0].replace("’", "'")
    first = first[:-2] if first.endswith("'s") else first
    if first.lower() in _NOT_PLACES:
        return None
    return first


def _place(sentence: str, a: int, b: int, prev_end: int, next_start: int) -> str | None:
    """Where the counted thing happened, from "in X" after the figure or "in X"/"X's" before it."""
    for m in _PLACE_AFTER.finditer(sentence, b, next_start):
        got = _place_of(m)
        if got:
            return got
    found = [_place_of(m) for m in _PLACE_BEFORE.finditer(sentence, prev_end, a)]
    found = [f for f in found if f]
    return found[-1] if found else None


def _keep(fig: Figure, metric: Metric, who: str | None, sentence: str, a: int) -> bool:
    """Whether a figure is a claim (a count someone would reconcile)."""
    if fig.kind is FigureKind.MONEY:
        return True
    rest = sentence[a:].split(None, 4)
    if len(rest) >= 3 and rest[2].lower().strip(",") in LEXICON.attribution_verbs:
        return False  # "One person said", "Two officials told": speakers, not a count
    if metric is not Metric.OTHER:
        return True
    if fig.vague:
        return False
    if fig.low == 1 and fig.high == 1:
        return False
    head = who.split()[-1].lower() if who else None
    if head is None:
        value = fig.low if fig.low is not None else fig.high
        return value is not None and value >= 1000
    if head in LEXICON.noncount_nouns:
        return False
    if head in LEXICON.count_nouns or head.rstrip("s") + "s" in LEXICON.count_nouns:
        return True
    before = sentence[max(0, a - 6):a].lower()
    if before.endswith("the ") and fig.low is not None and fig.low <= 3:
        return False
    return head.endswith("s") and not head.endswith("ss")


def _event_date(dates: list[DateMention], a: int, cumulative: bool) -> DatePeriod | None:
    usable = [d for d in dates if d.role == "event" and d.period is not None]
    if cumulative:
        usable = [d for d in usable if d.possessive]
    if not usable:
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
    figures = [f for f in find_figures(text) if f.kind in _CLAIM_KINDS]
    if not figures:
        return []
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        i = bisect_left(starts, f.start + 1) - 1
        if i < 0 or f.end > sentences[i].end:
            continue  # a figure across a sentence break: not a claim
        by_sentence.setdefault(i, []).append(f)
    claims: list[Claim] = []
    last_named: Attribution | None = None
    last_event: tuple[int, DatePeriod] | None = None
    reported_default = DatePeriod.of(published) if published else None
    for i, sent in enumerate(sentences):
        figs = by_sentence.get(i)
        found = attr.find_attributions(sent.text) if (figs or "said" in sent.text) else []
        dates = find_dates(sent.text, published) if figs or _has_digit_or_day(sent.text) else []
        if figs:
            claims.extend(_claims_of(article, sent, figs, found, dates, last_named, last_event,
                                     reported_default))
        for _, a in found:
            if not attr.is_backreference(a.text):
                last_named = a
        ev = [d for d in dates if d.role == "event" and d.period is not None]
        if ev:
            last_event = (sent.paragraph, ev[-1].period)  # type: ignore[assignment]
        elif last_event is not None and sent.paragraph > last_event[0] + 1:
            last_event = None
    return claims


def _has_digit_or_day(s: str) -> bool:
    return any(ch.isdigit() for ch in s) or "day" in s or "yesterday" in s


def _claims_of(article: Article, sent: Sentence, figs: list[Figure],
               found: list[tuple[attr.Found, Attribution]], dates: list[DateMention],
               last_named: Attribution | None, last_event: tuple[int, DatePeriod] | None,
               reported_default: DatePeriod | None) -> list[Claim]:
    s = sent.text
    cues = [(m.start(), m.end(), *_CUES[" ".join(m.group("cue").lower().split())])
            for m in _CUE.finditer(s)]
    cumulative = bool(_CUMULATIVE.search(s))
    out: list[Claim] = []
    prev_metric: Metric | None = None
    for k, fig in enumerate(figs):
        a, b = fig.start - sent.start, fig.end - sent.start
        prev_end = figs[k - 1].end - sent.start if k else 0
        next_start = figs[k + 1].start - sent.start if k + 1 < len(figs) else len(s)
        if fig.kind is FigureKind.MONEY:
            metric = Metric.MONEY
        else:
            metric = _metric(s, a, b, prev_end, next_start, cues, prev_metric)
        who = _who(s, b)
        place = _place(s, a, b, prev_end, next_start)
        if metric is Metric.HOSTAGES_RELEASED and _PRISONER.search(s, max(prev_end, a - 20), min(len(s), b + 50)):
            metric = Metric.PRISONERS_RELEASED
        prev_metric = metric
        if not _keep(fig, metric, who, s, a):
            continue
        source = attr.choose(found, a, b)
        if source is not None and attr.is_backreference(source.text) and last_named is not None:
            source = Attribution(text=source.text, issuer=last_named.issuer, relay=source.relay)
        event = None if metric in _STOCK_METRICS else _event_date(dates, a, cumulative)
        if event is None and metric in _EVENT_METRICS and not cumulative and last_event is not None \
                and last_event[0] >= sent.paragraph - 1:
            event = last_event[1]
        reports = [d.period for d in dates if d.role == "report" and d.period is not None]
        reported = reports[0] if reports else reported_default
        out.append(Claim(
            id=f"{article.id}:{fig.start}",
            article_id=article.id,
            figure=fig,
            metric=metric,
            who=who,
            place=place,
            source=source,
            publisher=article.publisher,
            event_date=event,
            reported_date=reported,
            sentence=s,
            sentence_start=sent.start,
        ))
    return out


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A publication date from ISO text (helper for the readers)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
