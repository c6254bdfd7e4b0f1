"""Grouping the claims that speak of one quantity, and labelling how reports relate.

Grouping is by blocking keys, never by comparing all pairs:

0. the story: articles that share two or more salient names (places, people,
   organisations) in the sentences of their claims, linked through an index of
   names (a name in more than :data:`STORY_NAME_LIMIT` articles links nothing);
1. the metric;
2. the era: reports of one metric sorted by reported date, cut where more than
   :data:`ERA_GAP_DAYS` pass without a report (Gaza's toll of 2014 is not the
   toll of the war that began in 2023);
3. the anchor: the event date (dates within :data:`INCIDENT_DAYS` of each
   other are one incident), or ``total`` for a running total with no event of
   its own ("has killed 34,789 in the war"); an undated event toll joins the
   event its own article dates, else the latest event reported before it;
4. the place ("in India", "Nepal's") and the counted population (soldiers,
   firefighters, militants ...): claims that name none join the most named one;
5. for static quantities (population, things counted): the counted noun, and
   values within a factor of :data:`STATIC_RATIO`.

Each pair of claims from different articles gets a label: ``consistent``
(the intervals overlap), ``update`` (the later report is materially higher, or
lower for a count that can shrink, such as hostages still held) or
``conflict`` (a later, lower figure for a count that cannot shrink, or two
figures of one moment that do not overlap). "About X" is widened by
:data:`APPROX_TOLERANCE` either side.

>>> from reconcile import extract
>>> a = extract("Israel's offensive has killed 34,789 Palestinians in the war, the ministry said.",
...             id="a", published="2024-05-07")
>>> b = extract("Israel has killed more than 34,500 Palestinians in its war, officials said.",
...             id="b", published="2024-05-08")
>>> report = reconcile(a + b)
>>> [(r.relation, r.explanation) for r in report.groups[0].relations]  # doctest: +NORMALIZE_WHITESPACE
[('consistent', '34,789 (ministry, 7 May 2024) and more than 34,500 (officials, 8 May 2024) agree:
the bound holds for the point figure.')]
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import regex

from .errors import InputTypeError
from .lexicon import LEXICON, alternation, without_possessive
from .records import Claim, Figure, Group, Metric, Relation, RelationLabel, Report, Summary, TimelineEntry

__all__ = ["APPROX_TOLERANCE", "ERA_GAP_DAYS", "reconcile", "relate"]

APPROX_TOLERANCE = 0.10
"""An approximate figure ("about 1,200") stands for the interval ±10% around it."""
ERA_GAP_DAYS = 3 * 365
"""Reports of one metric more than three years apart with none between are another quantity."""
STATIC_RATIO = 1.5
"""Two figures of a static quantity (a population) more than 1.5 times apart are two quantities."""
GROWTH_RATIO = 1.5
"""A later figure 1.5 times an earlier lower bound is an update, not merely consistent."""
INCIDENT_DAYS = 0
"""Event dates of one metric in one story this many days apart or less are one incident (0: the same day)."""
STORY_NAME_LIMIT = 200
"""A name shared by more articles than this is too common to link stories."""
ALL_PAIRS_LIMIT = 80
"""Groups larger than this relate each report to the previous one only (a chain), not all pairs."""

_SHRINKABLE = frozenset({Metric.HOSTAGES_HELD, Metric.MISSING, Metric.DISPLACED, Metric.POPULATION,
                         Metric.DETAINED, Metric.OTHER})
_STATIC = frozenset({Metric.POPULATION, Metric.OTHER, Metric.MONEY, Metric.MUNITIONS})
_STOCK = frozenset({Metric.HOSTAGES_HELD, Metric.POPULATION, Metric.DISPLACED})
_TOLL = regex.compile(r"\btolls?\b|\bnumber\s++of\s++(?:dead|deaths|victims)\b", regex.IGNORECASE)
_EVENT_NOUN = regex.compile(  # an incident named in the sentence: its toll is not a running total
    rf"\b{alternation(LEXICON.events_of('disaster', 'violence'))}s?\b", regex.IGNORECASE)
_PERFECT_TOTAL = regex.compile(
    r"\b(?:has|have)\s++(?:now\s++)?(?:killed|been\s++killed|died|displaced|abducted|detained)\b", regex.IGNORECASE)
_RUNNING_TOTAL = regex.compile(  # "in the war", "so far", "since 2014"; not "since Sunday", "since dawn"
    rf"\b{alternation([*LEXICON.events_of('campaign'), *LEXICON.total_cues])}\b"
    rf"|\bsince\b(?!\s++(?:{alternation(list(LEXICON.weekdays))}|yesterday|dawn|morning|last\s++night))",
    regex.IGNORECASE,
)


def _value(v: int | Decimal | None) -> float | None:
    return None if v is None else float(v)


_SCALED_DECIMAL = regex.compile(
    r"\d\.(\d++)\s*+(k|m|mn|bn|b|million|billion|thousand|trillion)\b", regex.IGNORECASE)
_SCALE_OF = {k.lower(): v for k, (v, _) in LEXICON.scales.items()}


def _rounding(f: Figure) -> float:
    """Half the last written unit of a scaled decimal: "4.6k" stands for 4,550 to 4,650."""
    m = _SCALED_DECIMAL.search(f.text)
    if m is None:
        return 0.0
    scale = _SCALE_OF.get(m.group(2).lower(), 1)
    return float(0.5 * scale * 10.0 ** -len(m.group(1)))


def _interval(c: Claim) -> tuple[float, float]:
    f = c.figure
    lo = _value(f.low)
    hi = _value(f.high)
    r = _rounding(f)
    lo_f = 0.0 if lo is None else max(0.0, lo - r)
    hi_f = float("inf") if hi is None else hi + r
    if f.approximate and not f.vague:
        lo_f *= 1 - APPROX_TOLERANCE
        hi_f *= 1 + APPROX_TOLERANCE
    return lo_f, hi_f


def _date(c: Claim) -> dt.date | None:
    """When the report was made: the publication date, else the tally date the text gives."""
    if c.published is not None:
        return c.published
    return c.reported_date.start if c.reported_date else None


@lru_cache(maxsize=65536)
def _fmt_date(d: dt.date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else "date unknown"


def describe(c: Claim) -> str:
    """The figure as a reader would say it: "more than 34,500", "about 1,200", "10 to 15"."""
    f = c.figure
    if f.hedge:
        return f"{' '.join(f.hedge.split()).lower()} {f.text}"
    return f.text


def _who_said(c: Claim) -> str:
    if c.source is not None:
        return c.source.issuer
    return c.publisher or f"article {c.article_id}"


def relate(a: Claim, b: Claim) -> Relation:
    """The relation of two reports of one quantity; ``a`` and ``b`` are put in date order.

    >>> from reconcile import extract
    >>> x = extract("More than 1,400 people were killed on Oct. 7.", id="x", published="2023-11-06")[0]
    >>> y = extract("Hamas killed about 1,200 people on Oct. 7.", id="y", published="2024-05-07")[0]
    >>> relate(y, x).relation
    'conflict'
    """
    return _relate(a, b, _facts(a), _facts(b))


_Facts = tuple[dt.date | None, tuple[float, float], str, str]


def _facts(c: Claim) -> _Facts:
    """What a relation needs of a claim, computed once per claim: date, interval, wording, issuer."""
    return _date(c), _interval(c), describe(c), _who_said(c)


def _relate(a: Claim, b: Claim, fa_: _Facts, fb_: _Facts) -> Relation:
    da, db = fa_[0], fb_[0]
    if da is not None and db is not None and (db, b.id) < (da, a.id):
        a, b, fa_, fb_, da, db = b, a, fb_, fa_, db, da
    order_known = da is not None and db is not None and da != db
    lo_a, hi_a = fa_[1]
    lo_b, hi_b = fb_[1]
    overlap = max(lo_a, lo_b) <= min(hi_a, hi_b)
    head = f"{fa_[2]} ({fa_[3]}, {_fmt_date(da)}) and {fb_[2]} ({fb_[3]}, {_fmt_date(db)})"
    label: RelationLabel
    if not order_known:
        when = "the order of the reports is unknown" if da is None or db is None else "same day"
        if overlap:
            label, why = "consistent", f"agree: both can hold at once ({when})."
        else:
            label, why = "conflict", f"cannot both hold: the figures do not overlap ({when})."
    elif overlap:
        fa, fb = a.figure, b.figure
        if fa.high is None and fa.low is not None and fb.low is not None and \
                float(fb.low) >= GROWTH_RATIO * float(fa.low):
            label, why = "update", "the earlier figure was a lower bound and the later one is far higher: it grew."
        elif fa.point is not None and fb.point is not None and fa.point == fb.point:
            label, why = "consistent", "agree: the same figure."
        elif (fa.point is not None and fb.point is None) or (fb.point is not None and fa.point is None):
            label, why = "consistent", "agree: the bound holds for the point figure."
        else:
            label, why = "consistent", "agree: both can hold at once."
    elif lo_b > hi_a:
        label, why = "update", "the later figure lies wholly above the earlier one: the count grew."
    elif a.metric in _SHRINKABLE:
        label, why = "update", f"the later figure is lower: a count of {a.metric.value.replace('_', ' ')} can fall."
    else:
        label, why = "conflict", "the later figure is lower for a count that cannot shrink: a downward revision."
    sep = " " if why.startswith(("agree", "cannot")) else ": "
    return Relation(a=a.id, b=b.id, relation=label, order_known=order_known, explanation=f"{head}{sep}{why}")


def _local(c: Claim, before: int = 80, after: int = 40) -> str:
    """The words around a claim's figure in its sentence."""
    a = c.figure.start - c.sentence_start
    b = c.figure.end - c.sentence_start
    return c.sentence[max(0, a - before): b + after]


def _is_running_total(c: Claim) -> bool:
    """A stock, or the total of a war or campaign ("the insurgency has killed 20,000")."""
    return c.metric in _STOCK or bool(_RUNNING_TOTAL.search(_local(c)))


def _eras(claims: list[Claim]) -> list[list[Claim]]:
    dated = sorted((c for c in claims if _date(c) is not None), key=lambda c: (_date(c), c.id))
    undated = [c for c in claims if _date(c) is None]
    eras: list[list[Claim]] = []
    last: dt.date | None = None
    for c in dated:
        d = _date(c)
        assert d is not None
        if last is None or (d - last).days > ERA_GAP_DAYS:
            eras.append([])
        eras[-1].append(c)
        last = d
    if undated:
        if eras:
            eras[-1].extend(undated)
        else:
            eras.append(undated)
    return eras


def _anchors(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Anchor every claim of one block to an incident, the running total, or itself.

    Day-precision event dates closer than :data:`INCIDENT_DAYS` make one
    incident. An undated claim goes, in this order: to the running total if its
    words say so ("has killed", "in the war", "since"); to the incident its own
    article dates most often; to the latest incident before it was reported; to
    the running total if it is a toll; else it stands alone. An incident is
    joined only where the places agree.
    """
    out: dict[str, list[Claim]] = defaultdict(list)
    days = sorted({c.event_date.start for c in claims if c.event_date is not None
                   and c.event_date.start == c.event_date.end and c.event_date_from != "lead"})
    window: dict[dt.date, str] = {}
    first: dt.date | None = None
    last: dt.date | None = None
    for d in days:
        if first is None or last is None or (d - last).days > INCIDENT_DAYS:
            first = d
        window[d] = first.isoformat()
        last = d
    pending: list[Claim] = []
    anchor_of: dict[str, str] = {}
    for c in claims:
        ev = c.event_date if c.event_date_from != "lead" else None
        if ev is None:
            pending.append(c)
            continue
        inside = [d for d in days if ev.start <= d <= ev.end]
        if not inside and ev.start != ev.end and any(abs((d - ev.start).days) <= 366 for d in days):
            pending.append(c)  # "in September" near a dated incident: placed like an undated claim
            continue
        key = window[inside[0]] if inside else ev.label
        anchor_of[c.id] = key
        out[key].append(c)
    places: dict[str, Counter[str]] = defaultdict(Counter)
    by_article: dict[str, Counter[str]] = defaultdict(Counter)
    incidents = sorted(set(window.values()))
    for c in claims:
        got = anchor_of.get(c.id)
        if got is not None and got in incidents:
            by_article[c.article_id][got] += 1
            if c.place:
                places[got][c.place.lower()] += 1

    def fits(c: Claim, key: str) -> bool:
        if not c.place or not places[key]:
            return True
        return places[key].most_common(1)[0][0] == c.place.lower()

    for c in pending:
        if _is_running_total(c):
            out["total"].append(c)
            continue
        if _PERFECT_TOTAL.search(_local(c)) and not incidents:
            out["total"].append(c)  # "have been killed" with no incident to count for: a running total
            continue
        toll = bool(_TOLL.search(_local(c, 60, 10))) and not _EVENT_NOUN.search(c.sentence)
        own = [k for k in sorted(by_article.get(c.article_id, Counter()), reverse=True)
               if not toll or fits(c, k)]  # the most recent incident its article dates
        rd = _date(c)
        earlier = [k for k in incidents if (rd is None or k <= rd.isoformat()) and (not toll or fits(c, k))]
        size = Counter(k for k in anchor_of.values() if k in earlier)
        if own:
            out[own[0]].append(c)
        elif earlier:
            out[max(earlier, key=lambda k: (size[k], k))].append(c)  # the main incident
        elif toll:
            out["total"].append(c)
        else:
            out[f"alone:{c.id}"].append(c)
    return out


def _split_by(claims: list[Claim], key_of: dict[str, str | None]) -> list[list[Claim]]:
    """Split on a key; claims with no key join the most common key."""
    named = Counter(k for c in claims if (k := key_of[c.id]) is not None)
    if len(named) <= 1:
        return [claims]
    top = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    parts: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        parts[key_of[c.id] or top].append(c)
    return [parts[k] for k in sorted(parts)]


def _partition(claims: list[Claim], key_of: dict[str, str]) -> list[list[Claim]]:
    """Split on a key that every claim has."""
    parts: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        parts[key_of[c.id]].append(c)
    return [parts[k] for k in sorted(parts)]


_LOCATIVE = regex.compile(
    rf"\b(?i:{alternation(LEXICON.places_of('locative'))})\s++(?:the\s++)?(?:[a-z]++\s++)?(\p{{Lu}}[\w'’-]*+)"
    r"(?:\s++and\s++(?:the\s++)?(\p{Lu}[\w'’-]*+))?"
)


def _located(claims: list[Claim]) -> set[str]:
    """Names that some sentence puts something "in": "in Nepal" is a place, "Maria's toll" a storm."""
    out: set[str] = set()
    for sentence in {c.sentence for c in claims}:
        for m in _LOCATIVE.finditer(sentence):
            for word in (m.group(1), m.group(2)):  # "in Nepal and India": both are places
                if word:
                    out.add(without_possessive(word).lower())
    return out


_IN_PLACE = regex.compile(r"(\p{Lu}[\w'’-]*+)\s++in\s++(?:the\s++)?(?:[a-z]++\s++)?(\p{Lu}[\w'’-]*+)")


def _nested(claims: list[Claim], known: set[str]) -> dict[str, str]:
    """Places that a sentence puts inside another ("Derna in eastern Libya"): inner -> outer."""
    out: dict[str, str] = {}
    for sentence in {c.sentence for c in claims}:
        for m in _IN_PLACE.finditer(sentence):
            inner, outer = m.group(1).lower(), m.group(2).lower()
            if inner in known and outer in known and inner != outer:
                out.setdefault(inner, outer)
    for inner in list(out):  # follow chains: district in city in country
        seen = {inner}
        while out[inner] in out and out[out[inner]] not in seen:
            seen.add(out[inner])
            out[inner] = out[out[inner]]
    return out


def _place_key(c: Claim, known: set[str]) -> str | None:
    """The claim's place if two claims name it, else the article's first name that is such a place."""
    if c.place and c.place.lower() in known:
        return c.place.lower()
    for name in c.names:
        first = name.split()[0].lower()
        if first in known:
            return first
    return None


def _population(c: Claim) -> str:
    if not c.who:
        return "general"
    words = c.who.lower().split()
    for w in reversed(words):
        if w in LEXICON.populations:
            return LEXICON.populations[w]
    if words[-1] in _FOREIGN_HEADS and _DEMONYM.search(c.who):
        return "foreigners"  # "two Filipino workers" in Beirut
    return "general"


_FOREIGN_HEADS = frozenset({"workers", "nationals", "citizens", "tourists", "migrants", "students", "pilgrims", "refugees"})
_DEMONYM = regex.compile(r"\b\p{Lu}\p{Ll}+(?:ino|ina|ese|ian|ish|i)\b")


def _head(c: Claim) -> str | None:
    if not c.who:
        return None
    return c.who.lower().split()[-1].rstrip(",")


def _split_values(claims: list[Claim]) -> list[list[Claim]]:
    def rep(c: Claim) -> float:
        lo, hi = c.figure.low, c.figure.high
        return float(lo if lo is not None else hi if hi is not None else 0)

    ordered = sorted(claims, key=lambda c: (rep(c), c.id))
    out: list[list[Claim]] = []
    for c in ordered:
        if out and rep(c) <= STATIC_RATIO * max(rep(out[-1][0]), 1.0):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def stories(claims: Iterable[Claim]) -> dict[str, str]:
    """Article id -> story id: articles that share two of their most frequent names are one story.

    An article with a single name links through it.

    The names come with each claim (:attr:`Claim.names`, read from the whole
    article at extraction).
    """
    salient: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        salient[c.article_id].update(c.names)
    index: dict[str, list[str]] = defaultdict(list)
    for art in sorted(salient):
        for name in salient[art]:
            index[name].append(art)
    parent = {a: a for a in sorted(salient)}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    shared: Counter[tuple[str, str]] = Counter()
    for arts in index.values():
        if len(arts) > STORY_NAME_LIMIT:
            continue
        for i, x in enumerate(arts):
            for y in arts[i + 1:]:
                shared[(x, y)] += 1
    for (x, y), k in sorted(shared.items()):
        if k >= min(2, len(salient[x]), len(salient[y])):  # two names, or all of a short list
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    return {a: find(a) for a in sorted(salient)}


def _groups_of_block(metric: Metric, claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    found: list[tuple[str, list[Claim]]] = []
    for era in _eras(claims):
        for anchor, members in sorted(_anchors(era).items()):
            named = Counter(c.place.lower() for c in members if c.place)
            located = _located(members)
            salient = {n.split()[0].lower() for c in members for n in c.names}
            known = {p for p, k in named.items()
                     if (k >= 2 or all(x in salient for x in p.split("+")))
                     and all(x in located for x in p.split("+"))}
            within = _nested(members, known)
            place_of = {c.id: within.get(k, k) if (k := _place_key(c, known)) else None for c in members}
            parts = [p for v in _partition(members, {c.id: str(c.figure.vague) for c in members})
                     for p in _split_by(v, {c.id: place_of[c.id] for c in v})]
            for part in parts:
                for sub in _partition(part, {c.id: _population(c) for c in part}):
                    if metric in _STATIC:
                        if metric is Metric.OTHER:  # things counted (houses destroyed) may grow: the noun decides
                            found.extend((anchor, h) for h in _partition(sub, {c.id: _head(c) or "" for c in sub}))
                        else:
                            found.extend((anchor, v) for v in _split_values(sub))
                    else:
                        found.append((anchor, sub))
    return found


def _summary(members: list[Claim]) -> Summary:
    timeline_claims = sorted(members, key=lambda c: (_date(c) or dt.date.max, c.id))
    timeline = [
        TimelineEntry(date=c.reported_date.label if c.reported_date else None, claim_id=c.id,
                      article_id=c.article_id, figure=describe(c), low=c.figure.low, high=c.figure.high,
                      issuer=c.source.issuer if c.source else None, outlet=c.publisher)
        for c in timeline_claims
    ]
    dates = [d for c in members if (d := _date(c)) is not None]
    latest_date = max(dates) if dates else None
    latest = [c for c in members if _date(c) == latest_date] if latest_date else list(members)
    lows = [c.figure.low for c in latest if c.figure.low is not None]
    highs = [c.figure.high for c in latest]
    low = min(lows) if lows else None
    high = None if any(h is None for h in highs) or not highs else max(h for h in highs if h is not None)

    def conservative(c: Claim) -> tuple[float, str]:
        v = c.figure.low if c.figure.low is not None else c.figure.high
        return (float(v) if v is not None else float("inf"), c.id)

    most = min(latest, key=conservative)
    latest_claim = max(latest, key=lambda c: c.id)
    by_issuer: dict[str, Claim] = {}
    for c in timeline_claims:
        by_issuer[_who_said(c)] = c
    # one issuer printed by several outlets counts once; an article's own voice (a headline)
    # restating what it attributes in its body is that attribution, not another report
    by_article: dict[str, set[str]] = defaultdict(set)
    for c in members:
        if c.source is not None:
            by_article[c.article_id].add(c.source.issuer.lower())
    independent: set[str] = set()
    for c in members:
        independent |= by_article.get(c.article_id) or {(c.publisher or c.article_id).lower()}
    return Summary(low=low, high=high, most_conservative=most.id, latest=latest_claim.id,
                   latest_by_issuer={k: v.id for k, v in sorted(by_issuer.items())},
                   independent_reports=len(independent), timeline=timeline)


def _relations(members: list[Claim]) -> list[Relation]:
    ordered = sorted(members, key=lambda c: (_date(c) or dt.date.max, c.id))
    facts = {c.id: _facts(c) for c in ordered}
    out: list[Relation] = []
    if len(ordered) <= ALL_PAIRS_LIMIT:
        for i, x in enumerate(ordered):
            for y in ordered[i + 1:]:
                if x.article_id != y.article_id:
                    out.append(_relate(x, y, facts[x.id], facts[y.id]))
    else:
        prev: Claim | None = None
        for c in ordered:
            if prev is not None and prev.article_id != c.article_id:
                out.append(_relate(prev, c, facts[prev.id], facts[c.id]))
            prev = c
    return sorted(out, key=lambda r: (r.a, r.b))


def reconcile(claims: Iterable[Claim]) -> Report:
    """Group claims about the same quantity and relate the reports in each group.

    The result does not depend on the order of ``claims``; reconciling a
    report's own claims again gives the same report; an empty input gives an
    empty report.
    """
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small records: the cyclic collector would rescan them all
    try:
        return _reconcile(claims)
    finally:
        if enabled:
            gc.enable()


def _reconcile(claims: Iterable[Claim]) -> Report:
    unique: dict[str, Claim] = {}
    for c in claims:
        if not isinstance(c, Claim):
            raise InputTypeError(f"reconcile expects Claim records, got {type(c).__name__}")
        unique.setdefault(c.id, c)
    ordered = sorted(unique.values(), key=lambda c: (c.article_id, c.figure.start, c.id))
    story_of = stories(ordered)
    blocks: dict[tuple[str, Metric], list[Claim]] = defaultdict(list)
    for c in ordered:
        blocks[(story_of[c.article_id], c.metric)].append(c)
    groups: list[Group] = []
    for story, metric in sorted(blocks):
        for anchor, members in _groups_of_block(metric, blocks[(story, metric)]):
            members = sorted(members, key=lambda c: c.id)
            kind: Literal["cumulative", "event"] = "cumulative" if anchor == "total" or metric in _STOCK else "event"
            place = Counter(c.place for c in members if c.place).most_common(1)
            label = " ".join(x for x in (metric.value, place[0][0] if place else "",
                                         "running total" if anchor == "total" else anchor) if x)
            groups.append(Group(
                id=f"{metric.value}:{members[0].id}",
                kind=kind,
                metric=metric,
                label=label,
                claim_ids=[c.id for c in members],
                relations=_relations(members),
                summary=_summary(members),
            ))
    groups.sort(key=lambda g: g.id)
    return Report(claims=ordered, groups=groups)
