"""Grouping the claims that speak of one quantity, and labelling how reports relate.

Three steps, each a pure function, so that a cluster can run them (``reconcile.dask``):

1. **stories** (:mod:`reconcile.stories`): :func:`article_signature` sums up one article's
   claims in a small picklable value (its id, day and weighted salient terms);
   :func:`assign_stories` maps every article id to a story id from the signatures alone
   (an inverted index of terms, idf-weighted cosine, average linkage; deterministic and
   independent of input order); :func:`story_keys` does both for a set of claims;
2. **quantities per story**: :func:`reconcile_story` groups the claims of one story, and needs
   nothing from any other story. Group ids are content-derived (the metric and the smallest
   claim id of the group), so separate machines give identical groups;
3. :func:`reconcile` = 1, then 2 for each story, groups sorted by id.

A quantity (one group) is: story + metric family (hostages taken and held are one family,
as are displaced and evacuated; population and other things) + anchor + scope, where

- the **anchor** is the incident a claim counts: in a story of one event (a quake, a crash)
  every count is that event's however its reports date it, unless a clause dates another
  event it names ("a powerful new earthquake struck on Tuesday"); in a story that speaks of a
  campaign (a war) the running total ("since 7 October", "in the war") is apart from its
  incidents, each dated by its own words; an event dated two years or more before the story
  is an earlier event of its own ("the 2016 Kumamoto quakes, which killed 276"); stocks
  (people in shelters, hostages still held) are a level at a time;
- the **scope** (:mod:`reconcile.scope`, places through :mod:`reconcile.gazetteer`): the place
  relative to the whole's (the place named by the articles' largest figures): a broader place
  is the same, a narrower one a part ("40 in Wajima" of "73 dead"), a place beside it another
  quantity (India beside Nepal); the population or state counted when it is smaller than the
  whole (2,360 children of 5,791 dead); for things, their kind and fate (cruise or ballistic
  missiles, launched or intercepted).

A part keeps a ``part_of`` link to its whole, with ``checks`` where a part is reported above
its whole; every group says in ``why`` what makes its claims one quantity. One figure repeated
in one article (headline, lead, body) is one report: the first mention, with the others as
its ``mentions``. Relations are between reports of different articles: ``consistent`` (the
intervals overlap), ``update`` (the later report is materially higher, or lower for a count
that can shrink, such as hostages still held; of two figures of a growing count with no date
to order them, the higher is read as the later; of a count that rises and falls, such as the
missing, two figures at an unknown time are two moments of it) or ``conflict`` (a later, lower figure for a
count that cannot shrink, or two figures of one moment that do not overlap). "About X" is
widened by :data:`APPROX_TOLERANCE` either side.

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
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import Literal

import regex

from .errors import InputTypeError
from .gazetteer import CITY, COUNTRY, REGION, Place, contains, fold, lookup, plain, resolve
from .lexicon import LEXICON
from .records import (
    Claim,
    DatePeriod,
    Figure,
    Group,
    Metric,
    Precision,
    Relation,
    RelationLabel,
    Report,
    Summary,
    TimelineEntry,
    trusted,
)
from .scope import Reading, located_names, read, scope_words
from .stories import article_signature, assign_stories, story_keys

__all__ = ["APPROX_TOLERANCE", "ERA_GAP_DAYS", "article_signature", "assign_stories", "reconcile",
           "reconcile_story", "relate", "story_keys"]
# article_signature, assign_stories and story_keys live in reconcile.stories; they are named here
# because reconciling is the three steps together (see the module docstring)

APPROX_TOLERANCE = 0.10
"""An approximate figure ("about 1,200") stands for the interval ±10% around it."""
ERA_GAP_DAYS = 3 * 365
"""Reports of one metric more than three years apart with none between are another quantity."""
STATIC_RATIO = 1.5
"""Two figures of a static quantity (a population) more than 1.5 times apart are two quantities."""
GROWTH_RATIO = 1.5
"""A later figure 1.5 times an earlier lower bound is an update, not merely consistent."""
INCIDENT_DAYS = 0
"""In a story of a campaign (a war), event dates this many days apart or less are one incident (0: the same day)."""
SALVO_DAYS = 1
"""Munitions (missiles, drones) dated a day apart are one attack: an overnight salvo has two dates."""
DISASTER_DAYS = 7
"""In a story of one disaster, event dates within a week of the one before are one incident: a fire
burns for days and reports date its toll by them; a second quake weeks later is another incident."""

EARLIER_DAYS = 60
"""A count dated this many days before the story's first report, in a place apart from the story's,
is an earlier event of its own."""
PART_RATIO = 0.75
"""A figure under three quarters of its article's largest for the same quantity, with a narrower
place, is a part ("of the 73 dead, 40 were in Wajima"); a live blog's earlier toll is not."""
ALL_PAIRS_LIMIT = 80
"""Groups larger than this relate each report to the previous one only (a chain), not all pairs."""

_ADDEND = regex.compile(  # from after the first figure to "N more": "... in the fires and six more"
    r"""[^.;:!?]*?\band\s++\S++\s++more\b.{0,6}""", regex.IGNORECASE | regex.DOTALL)
_BODIES = regex.compile(r"\b(?:bodies|corpses|remains)\b", regex.IGNORECASE)
_OCCASIONS = frozenset({Metric.HOSTAGES_RELEASED, Metric.PRISONERS_RELEASED})
_SHRINKABLE = frozenset({Metric.HOSTAGES_HELD, Metric.MISSING, Metric.DISPLACED, Metric.POPULATION,
                         Metric.DETAINED, Metric.OTHER})
_LEFT_OVER = frozenset({Metric.MISSING, Metric.DISPLACED, Metric.EVACUATED})
_TOLLS = frozenset({Metric.KILLED, Metric.INJURED})
_VENUES = frozenset(LEXICON.places_of("venue"))
_CONDITIONS = frozenset({"serious", "minor", "hospitalised"})
"""States that are a condition at a time (scope_words.tsv): the count of those in it is a level."""
_LEVELS = _CONDITIONS | {"remaining", "unidentified"}
"""States whose count rises and falls (patients still in hospital, bodies not yet identified): a
later, lower figure is the level moving on, not a revision."""
"""Metrics that by their meaning count what remains: "still missing" is all of the missing."""
_STOCK = frozenset({Metric.HOSTAGES_HELD, Metric.POPULATION, Metric.DISPLACED})
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


_Facts = tuple[dt.date | None, tuple[float, float], str, str, str]


def _facts(c: Claim) -> _Facts:
    """What a relation needs of a claim, computed once per claim: date, interval, wording, issuer,
    and the three as an explanation names the report ("34,789 (ministry, 7 May 2024)")."""
    d, said, who = _date(c), describe(c), _who_said(c)
    return d, _interval(c), said, who, f"{said} ({who}, {_fmt_date(d)})"


def _relate(a: Claim, b: Claim, fa_: _Facts, fb_: _Facts, level: bool = False) -> Relation:
    da, db = fa_[0], fb_[0]
    if da is not None and db is not None and (db, b.id) < (da, a.id):
        a, b, fa_, fb_, da, db = b, a, fb_, fa_, db, da
    order_known = da is not None and db is not None and da != db
    shrinks = level or a.metric in _SHRINKABLE  # a level: hostages held, the missing, patients in hospital
    lo_a, hi_a = fa_[1]
    lo_b, hi_b = fb_[1]
    overlap = max(lo_a, lo_b) <= min(hi_a, hi_b)
    head = f"{fa_[4]} and {fb_[4]}"
    label: RelationLabel
    if not order_known:
        when = "the order of the reports is unknown" if da is None or db is None else "same day"
        if overlap:
            label, why = "consistent", f"agree: both can hold at once ({when})."
        elif (da is None or db is None) and not shrinks:
            # a count that only grows: of two figures with no date to order them, the higher is read
            # as the later (an update), not as a contradiction
            if lo_a > hi_b:
                a, b, fa_, fb_, da, db = b, a, fb_, fa_, db, da
                head = f"{fa_[4]} and {fb_[4]}"
            label, why = "update", f"the higher figure is read as the later: a count of this kind only grows ({when})."
        elif da is None or db is None:
            # a count that rises and falls (missing, displaced, hostages held): two figures at
            # unknown times are two moments of it, not a contradiction
            label, why = "update", f"a count of {a.metric.value.replace('_', ' ')} changes over time ({when})."
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
    elif shrinks:
        label, why = "update", f"the later figure is lower: a count of {a.metric.value.replace('_', ' ')} can fall."
    else:
        label, why = "conflict", "the later figure is lower for a count that cannot shrink: a downward revision."
    sep = " " if why.startswith(("agree", "cannot")) else ": "
    # built without validation: every field is a str or a bool computed here (a tenth of reconcile's time)
    return trusted(Relation, {"a": a.id, "b": b.id, "relation": label, "order_known": order_known,
                              "explanation": f"{head}{sep}{why}"})


# --- rows: what grouping reads of each claim ---------------------------------------------------

_FAMILY = {Metric.HOSTAGES_TAKEN: "hostages", Metric.HOSTAGES_HELD: "hostages", Metric.DISPLACED: "displaced",
           Metric.EVACUATED: "displaced", Metric.POPULATION: "other", Metric.OTHER: "other"}
"""Metrics that news uses for one quantity ("199 hostages held" the week of the abduction is the
count taken; "displaced" and "evacuated" people in shelters) are grouped together; the scope
(a "still held" count, a kind of thing) then tells their quantities apart."""
LEAD_CHARS = 400
"""Claims whose sentence starts this early in the article are its headline and lead."""


@dataclass(slots=True)
class _Row:
    """A claim with what grouping reads of it; ``place`` is resolved against the story."""

    c: Claim
    r: Reading
    family: str
    lead: bool
    place: Place | None = None
    place_key: str = ""


def _rows(claims: list[Claim]) -> list[_Row]:
    """One row per claim; its scope is read between the figures before and after it in its sentence."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.article_id, c.sentence_start)].append(c)
    out = []
    for group in by_sentence.values():
        group.sort(key=lambda c: (c.figure.start, c.figure.end, c.id))
        for i, c in enumerate(group):  # the neighbours only: a sentence of 5,000 figures stays linear
            others = [(x.figure.start - x.sentence_start, x.figure.end - x.sentence_start)
                      for x in (group[i - 1] if i else None, group[i + 1] if i + 1 < len(group) else None)
                      if x is not None]
            out.append(_Row(c=c, r=read(c, others), family=_FAMILY.get(c.metric, c.metric.value),
                            lead=c.sentence_start < LEAD_CHARS))
        _elided(out[len(out) - len(group):])
        _coordinated(out[len(out) - len(group):])
    out.sort(key=lambda row: (row.c.article_id, row.c.figure.start, row.c.id))
    return out


_AND_BEFORE = regex.compile(r"\band\s++$")
_LISTED = regex.compile(r"\b(?:including|among\s++them|of\s++whom|of\s++them)\b", regex.IGNORECASE)
_PARTICIPLE = regex.compile(r"\p{Ll}{1,20}?(?:ed|t)")  # "eight hurt", "19 kidnapped": no noun of its own


@lru_cache(maxsize=1)
def _populations() -> frozenset[str]:
    """The classes of population of the scope words (read once, not once a sentence)."""
    return frozenset(v for (_, role), v in scope_words().items() if role == "population")


def _elided(rows: list[_Row]) -> None:
    """A figure whose noun is elided after "and" counts who the figure before it counts ("30 Thai
    nationals were killed ... and 19 are believed kidnapped", "two Filipino workers were killed and
    eight hurt"): it takes that figure's nationality and populations."""
    populations = _populations()
    for prev, row in pairwise(rows):
        who = row.c.who
        if row.r.nationality or set(row.r.parts) & populations or (who and not _PARTICIPLE.fullmatch(who)):
            continue
        inherited = tuple(p for p in prev.r.parts if p in populations)
        if not (prev.r.nationality or inherited):
            continue
        a = row.c.figure.start - row.c.sentence_start
        p = prev.c.figure.start - prev.c.sentence_start
        if _AND_BEFORE.search(row.c.sentence, max(0, a - 8), a) is None or \
                _LISTED.search(row.c.sentence, max(0, p - 20), p) is not None:
            continue  # "..., including 2,360 children, and 16,297 are injured": the list item is no antecedent
        row.r = replace(row.r, nationality=prev.r.nationality or row.r.nationality,
                        parts=tuple(sorted({*row.r.parts, *inherited})))


_CLAUSE_STOP = regex.compile(r"[;:—]|\.\s")


def _coordinated(rows: list[_Row]) -> None:
    """A figure coordinated with a running total of its sentence is a running total of the same
    span ("5,791 Palestinians are killed since 7 October, including 2,360 children, and 16,297 are
    injured"): coordinated clauses share the first one's time frame. The antecedent is the last
    figure before "and" that is not an item of a list ("including 2,360 children")."""
    for i, row in enumerate(rows):
        if row.r.running or i == 0:
            continue
        s = row.c.sentence
        a = row.c.figure.start - row.c.sentence_start
        if _AND_BEFORE.search(s, max(0, a - 8), a) is None:
            continue
        for prev in reversed(rows[:i]):
            p = prev.c.figure.start - prev.c.sentence_start
            if _LISTED.search(s, max(0, p - 20), p) is None:
                break
        else:
            continue
        if prev.r.running and _CLAUSE_STOP.search(s, p, a) is None:
            row.r = replace(row.r, running=True, campaign=row.r.campaign or prev.r.campaign)


def _countries(rows: list[_Row]) -> list[str]:
    """The story's countries, most named first: where its places lie when a name is ambiguous."""
    named: Counter[str] = Counter()
    seen_articles: set[str] = set()
    for row in rows:
        names = [row.r.place] if row.r.place else []
        if row.c.article_id not in seen_articles:
            seen_articles.add(row.c.article_id)
            names.extend(row.c.names)
        for name in names:  # countries and regions only: a city's name is too often a city abroad too
            found = {p.country for p in lookup(name) if p.country and p.level <= REGION}
            if len(found) == 1:
                named[found.pop()] += 1
    return [c for c, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))]


_PLUS = regex.compile(r"\s*+\+\s*+")  # "Turkey+Syria": the places a clause names together


def _resolve_places(rows: list[_Row], countries: list[str]) -> None:
    """Each row's place through the gazetteer, in the story's countries (:func:`_countries`, which
    reads the places as written, not as resolved); a name no gazetteer has counts when some
    sentence of the story puts something "in" or "at" it."""
    # without "City", "Town" ...: "Suzu City 38" is the Suzu that another sentence puts deaths "in"
    located = {plain(n) for n in located_names({row.c.sentence for row in rows})}
    for row in rows:
        name = row.r.place
        if not name:
            continue
        names = [n for n in _PLUS.split(name) if n]
        keys = []
        for n in names:
            p = resolve(n, countries)
            if p is not None and p.level == CITY and countries and p.country not in countries:
                p = None  # a city of the same name abroad ("Noto" in Sicily for a story in Japan)
            if p is None and n.split()[-1].lower() in _VENUES:
                continue  # "at Just-In-Time Recreation", "Schemengees Bar": a building, not a territory
            if p is None and plain(n) in located:
                p = Place(key=f"n:{plain(n)}", name=n, level=CITY + 1, country=None)
            if p is not None:
                keys.append(p)
        if len(keys) == 1:
            row.place = keys[0]
        elif len(keys) > 1:  # "in Turkey and Syria": the union is a place of its own
            row.place = Place(key="+".join(sorted(p.key for p in keys)), name=" and ".join(p.name for p in keys),
                              level=min(p.level for p in keys), country=None)


# --- anchors: which incident, or the running total ------------------------------------------------

def _eras(rows: list[_Row]) -> list[list[_Row]]:
    dated = sorted((r for r in rows if _date(r.c) is not None), key=lambda r: (_date(r.c), r.c.id))
    undated = [r for r in rows if _date(r.c) is None]
    eras: list[list[_Row]] = []
    last: dt.date | None = None
    for row in dated:
        d = _date(row.c)
        assert d is not None
        if last is None or (d - last).days > ERA_GAP_DAYS:
            eras.append([])
        eras[-1].append(row)
        last = d
    if undated:
        if eras:
            eras[-1].extend(undated)
        else:
            eras.append(undated)
    return eras


def _desc(key: str) -> tuple[int, ...]:
    """A sort key that puts later ISO dates first."""
    return tuple(-ord(ch) for ch in key)


def _is_stock(row: _Row) -> bool:
    """A count of what is there at a time: people displaced, a population, hostages still held.

    Hostages taken and hostages held are one family (news says "199 hostages held in Gaza" the
    week of the abduction): there, only words of what remains ("still held", "leaving 223",
    "remain") make the count a stock.
    """
    if row.family == "hostages":
        return "remaining" in row.r.parts
    return row.c.metric in _STOCK


def _event_day(row: _Row, campaign: bool) -> dt.date | None:
    """The day of the incident a claim counts, when its own words date the event (not the count).

    In a story of one disaster, a date read from the paragraph rather than the claim's own
    sentence dates an incident only if the clause names one (a live blog's time stamps do not).
    """
    ev = row.c.event_date
    if ev is None or row.c.event_date_from == "lead" or row.r.tally or row.r.total_here:
        return None
    if not campaign and row.c.event_date_from == "paragraph" and not row.r.event:
        return None
    return ev.start if ev.start == ev.end else None


def _related(a: Place | None, b: Place | None) -> bool:
    """Whether two places can be the scope of one incident: unknown, equal, or one inside the other."""
    return a is None or b is None or a.key == b.key or contains(a, b) or contains(b, a)


def _anchors(rows: list[_Row], release_leads: frozenset[str] = frozenset()) -> dict[str, list[_Row]]:
    """Anchor each row to an incident (its day), another earlier event (its year), or the total.

    A row dated by its own words belongs to that day's incident. Then two modes:

    - a story that speaks of a campaign ("the war", "since 7 October") keeps its running total
      apart from its incidents: an undated row whose words make it a total or a toll goes to the
      total; another joins the incident its own article dates in a place that fits, else the
      incident its article's lead dates, else the story's main incident;
    - a story of one event (a quake, a crash) has one toll, however its reports date it: an
      undated row joins the incident its own article dates, else the main incident.
    """
    out: dict[str, list[_Row]] = defaultdict(list)
    days: dict[str, dt.date] = {}
    pending: list[_Row] = []
    # an event dated (by the figure's clause, or by its own sentence) two years or more before
    # the story's first report is an earlier event: "since the 2016 Kumamoto quakes, which killed 276"
    first_day = min((d for row in rows if (d := _date(row.c)) is not None), default=None)
    first_year = first_day.year if first_day else None
    weight: Counter[str] = Counter(row.place.key for row in rows if row.place is not None)
    placed = {row.place.key: row.place for row in rows if row.place is not None}
    home = placed[min(weight, key=lambda k: (-weight[k], k))] if weight else None
    past: dict[str, str] = {}
    months_before: dict[str, DatePeriod] = {}  # dated by its own sentence months before the first report
    for row in rows:
        ev = row.c.event_date if row.c.event_date_from in ("sentence", "paragraph") else None
        if first_day is None or first_year is None:
            continue
        if ev is not None and (first_day - ev.end).days > EARLIER_DAYS:
            if row.place is not None and (
                    home is None or weight[row.place.key] == 1 or not _related(row.place, home)):
                # "earlier this year, 94 people died near Cutro": dated months before the story, elsewhere
                past[row.c.id] = f"past:{ev.label}"
                continue
            if row.c.event_date_from == "sentence":
                months_before[row.c.id] = ev  # an earlier event if the story's own is later still: see below
        if row.r.named_year is not None and row.r.named_year < first_year - 1:
            past[row.c.id] = f"past:{row.r.named_year}"
        elif ev is not None and ev.end.year < first_year - 1:
            past[row.c.id] = f"past:{ev.start.year}"
    articles = {row.c.article_id for row in rows}
    speaking = {row.c.article_id for row in rows if row.r.campaign and row.c.id not in past}
    campaign = len(speaking) >= min(2, len(articles))  # one aside about a war does not make a war story
    # releases and exchanges happen on days of their own, whatever the story
    campaign = campaign or all(row.c.metric in _OCCASIONS for row in rows)
    if not campaign:
        # a story of one event (a quake, a strike) counts nothing its own sentence dates months
        # before the story's own event: "the deadliest since April 2022, when a missile killed 63"
        # (a review of a hurricane's toll, months on, dates its figures by the hurricane's months)
        own_days = [row.c.event_date.start for row in rows if row.c.event_date is not None
                    and row.c.event_date.precision is not Precision.YEAR  # "this year's hajj" says little
                    and row.c.id not in months_before and row.c.id not in past]
        # (with no finer date of its own, the story's event is no later than its first report)
        earliest = min(own_days) if own_days else first_day
        if earliest is not None:
            past.update({cid: f"past:{ev.label}" for cid, ev in months_before.items()
                         if cid not in past and (earliest - ev.end).days > EARLIER_DAYS})
        # a running total of a campaign, undated, is more than the story's one dated event: "at least
        # 1,400 pupils have been kidnapped from Nigerian schools since 2014" beside one school's abduction
        # (with no event dated, the counts are all of one running total, however they are worded)
        if own_days:
            past.update({row.c.id: "total" for row in rows
                         if row.r.campaign and row.c.event_date is None and row.c.id not in past})
        _one_event(rows, past, out)
        return out
    # a salvo of missiles and drones is launched overnight: reports date it by either day
    window_days = SALVO_DAYS if rows and rows[0].family == "munitions" else INCIDENT_DAYS
    for row in rows:
        if row.c.id in past:
            out[past[row.c.id]].append(row)
            continue
        d = _event_day(row, campaign)
        if d is None or _is_stock(row):  # "253 abducted on Oct. 7, around 130 of whom remain": a level now
            pending.append(row)
            continue
        days[row.c.id] = d
    window: dict[dt.date, str] = {}
    first: dt.date | None = None
    last: dt.date | None = None
    fresh = {days[row.c.id] for row in rows if row.c.id in days and row.r.new_event}
    for d in sorted(set(days.values())):
        if first is None or last is None or (d - last).days > window_days or (d in fresh and d != last):
            first = d
        window[d] = first.isoformat()
        last = d
    by_article: dict[str, Counter[str]] = defaultdict(Counter)
    places: dict[str, list[Place]] = defaultdict(list)
    for row in rows:
        if row.c.id in days:
            key = window[days[row.c.id]]
            out[key].append(row)
            by_article[row.c.article_id][key] += 1
            if row.place is not None:
                places[key].append(row.place)
    size = Counter(window[d] for d in days.values())
    nouns: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.c.id in days:
            nouns[window[days[row.c.id]]].update(row.r.events)

    def fits(row: _Row, key: str) -> bool:
        reported = _date(row.c)
        if reported is not None and key > (reported + dt.timedelta(days=1)).isoformat():
            return False  # no report counts an incident that happens after it
        ev = row.c.event_date
        if ev is not None and row.c.event_date_from == "sentence" and not (
                ev.start.isoformat() <= key[:10] <= ev.end.isoformat()):
            return False  # "four hostages had been released in October": not the November truce's
        return row.place is None or not places[key] or any(_related(row.place, p) for p in places[key])

    def best(keys: Iterable[str]) -> str | None:
        return min(keys, key=lambda k: (-size[k], k), default=None)  # the most reported, then the first

    main = best(size)
    for row in pending:
        if main is not None and not fits(row, main):
            main_here = best(k for k in size if fits(row, k))
        else:
            main_here = main
        mine = by_article.get(row.c.article_id, Counter())
        # the incident its article dates most often, else the latest: an article reports the latest news
        own = min((k for k in mine if fits(row, k)), key=lambda k: (-mine[k], _desc(k)), default=None)
        if _is_stock(row):
            key = "total"  # a stock (people displaced, hostages still held) is a level at a time, not an incident's count
        elif row.family == "hostages" and row.r.running and not row.r.total_here:
            # hostages are taken in an abduction: a growing count of hostages held ("the hostage
            # count rises to 240", "has reached 222") is the count of those taken in it, as
            # confirmed so far; a running total needs its own words in the figure's clause ("has
            # abducted 2,000 since the start of 2014"), and what remains after releases is a level
            key = own or main_here or "total"
        elif campaign:
            # the lead's date is the day of what the lead counts: when the lead counts only a
            # release, the abduction its article recalls is not dated by it
            lead = row.c.event_date if row.c.event_date_from == "lead" and (
                row.c.article_id not in release_leads or row.c.metric in _OCCASIONS) else None
            lead_key = window.get(lead.start) if lead is not None and lead.start == lead.end else None
            if row.r.running or (row.r.perfect and not row.r.event and not row.r.new_event
                                 and row.c.metric in _TOLLS):
                # "more than 21,500 have been wounded": in a war story, an undated toll in the
                # perfect that names no incident counts the war up to now
                key = "total"
            elif lead_key is not None and fits(row, lead_key):
                # the incident its article's lead dates, when reports date it by their own words:
                # an article's lead says what it is about, before any other day its body dates
                key = lead_key
            elif own:
                key = own  # an article about an incident: its toll is that incident's
            elif row.r.toll and not row.r.event:
                key = "total"
            elif lead is not None and lead.start == lead.end:
                key = window.get(lead.start, lead.start.isoformat())
            elif row.r.event and not row.lead:
                # "the number killed in the attack": the incident whose reports name the same event;
                # "13 were killed when a strike hit a house", deep in an article, with none such: its own
                # (in a headline or lead, the incident is the article's own, reported elsewhere too)
                named = [k for k in size if fits(row, k) and set(row.r.events) & nouns[k]]
                key = best(named) or f"alone:{row.c.id}"
            else:  # the latest incident before the report: an article reports the latest news
                key = max((k for k in size if fits(row, k)), default="total")
        else:
            key = own or main_here or "total"
        out[key].append(row)
    return out


def _one_event(rows: list[_Row], past: dict[str, str], out: dict[str, list[_Row]]) -> None:
    """Anchors in a story of one event (a quake, a crash, a shooting): one toll, however its
    reports date it ("rose to 126 on Saturday", "when the president visited on Oct. 3").

    Days on which a clause dates an event it names ("a magnitude 7.3 earthquake struck on
    Tuesday", "the April 25 earthquake killed 8,151") are clustered a week at a time; when
    there are several clusters, the one most reported is the story's event and each other is
    an incident of its own, which also takes the undated counts of an article that reports it.
    Stocks (people in shelters) are a level at a time, apart from the event's counts.
    """
    day_of = {row.c.id: d for row in rows if row.c.id not in past and (d := _event_day(row, False)) is not None}
    eventful = sorted({d for row in rows if (d := day_of.get(row.c.id)) is not None
                       and (row.r.event or row.r.new_event)})
    cluster: dict[dt.date, dt.date] = {}
    start: dt.date | None = None
    last: dt.date | None = None
    for d in eventful:
        if start is None or last is None or (d - last).days > DISASTER_DAYS:
            start = d
        cluster[d] = start
        last = d
    size = Counter(cluster[d] for row in rows if (d := day_of.get(row.c.id)) is not None and d in cluster)
    new = {cluster[d] for row in rows if row.r.new_event and (d := day_of.get(row.c.id)) in cluster}
    old = [k for k in size if k not in new]  # "a second quake" is never the story's own event
    main = min(old, key=lambda k: (-size[k], k)) if old else None

    def incident(d: dt.date | None) -> str | None:
        if d is None:
            return None
        for day, start in cluster.items():
            if start != main and abs((d - day).days) <= 1:
                return start.isoformat()
        return None

    by_article: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        key = incident(day_of.get(row.c.id))
        if key is not None:
            by_article[row.c.article_id][key] += 1
    values: dict[str, set[float]] = defaultdict(set)  # per article, the figures not told as bodies
    for row in rows:
        if not row.c.figure.vague and not _BODIES.search(row.c.who or ""):
            values[row.c.article_id].add(_rep(row))
    for row in rows:
        d = day_of.get(row.c.id)
        mine = by_article.get(row.c.article_id)
        if row.c.id in past:
            out[past[row.c.id]].append(row)
        elif (key := incident(d)) is not None:
            out[key].append(row)
        elif _is_stock(row):  # "200 patients fled on Tuesday": a move on a day; else the level
            out[d.isoformat() if d is not None else "total"].append(row)
        elif d is None and mine:
            out[min(mine, key=lambda k: (-mine[k], _desc(k)))].append(row)
        elif d is None and _BODIES.search(row.c.who or "") and not (
                row.lead or row.r.toll or row.r.tally or row.r.running or row.r.perfect or row.place is not None) \
                and _rep(row) not in values.get(row.c.article_id, ()):
            # "police said 180 bodies had been pulled from around its base", "I handled 30 bodies":
            # bodies one team found are the toll only when the words say so ("so far", "across"), or
            # when their article gives its toll the same figure ("Of the 231 bodies, 178 were handed over")
            out[f"alone:{row.c.id}"].append(row)
        else:
            out["main"].append(row)


# --- scope: place, parts, kind --------------------------------------------------------------------

def _article_tops(rows: list[_Row]) -> dict[str, float]:
    """The largest figure each article gives for this quantity: its whole. An exact figure outranks a
    range ("13 injured" over an early "50 to 60 injured"): a range is an estimate, not the settled whole;
    a bound ("at least 65") is a whole as a figure is."""
    top: dict[str, float] = {}
    exact: dict[str, float] = {}
    for row in rows:
        if not row.c.figure.vague:
            top[row.c.article_id] = max(top.get(row.c.article_id, 0.0), _rep(row))
            f = row.c.figure
            if f.low is None or f.high is None or f.low == f.high:  # not "50 to 60"
                exact[row.c.article_id] = max(exact.get(row.c.article_id, 0.0), _rep(row))
    return top | exact


def _main_place(rows: list[_Row], tops: dict[str, float]) -> Place | None:
    """The place of the whole: the place named by the largest figures of the articles (their
    tolls), headlines and leads counting most; else the place most named.

    On a tie the narrower place wins when it lies inside the broader ("Ishikawa" over "Japan"):
    the national toll of a local event is the local toll.
    """
    def pick(candidates: list[_Row]) -> Place | None:
        weight: Counter[str] = Counter()
        places: dict[str, Place] = {}
        for row in candidates:
            if row.place is not None:
                weight[row.place.key] += 3 if row.lead else 1
                places[row.place.key] = row.place
        if not weight:
            return None
        score = {k: w + sum(weight[o] for o in weight if contains(places[o], places[k]) and places[k].level <= REGION)
                 for k, w in weight.items()}
        return places[max(score, key=lambda k: (score[k], -places[k].level, k))]

    whole = [row for row in rows if not row.c.figure.vague and _rep(row) >= PART_RATIO * tops[row.c.article_id]]
    return pick(whole) if whole else pick(rows)


def _nationality_is_local(nat: str, main: Place | None, countries: list[str]) -> bool:
    """"Palestinians" in a story set in the Palestinian territories are everyone counted, not a part."""
    import pycountry

    codes = {main.country} if main is not None and main.country else set()
    codes.update(countries[:1])
    for code in codes:
        c = pycountry.countries.get(alpha_2=code)
        if c is None:
            continue
        for name in {c.name, getattr(c, "common_name", c.name)}:
            stem = fold(name).split(",")[0]
            if stem[:4] == nat[:4]:
                return True
    return False


_Key = tuple[str, str, tuple[str, ...], str, str, bool]
"""(anchor, place key or "" for the main place, parts, kind, fate, vague)."""


def _parts(rows: list[_Row], main: Place | None, countries: list[str],
           whole_words: set[str] | frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """The parts each row counts, kept only where they are smaller than the whole.

    A population or state is a part when the rows of the same incident without it reach
    higher ("2,360 children" beside "5,791 killed"); when it is as large as anything said
    without it, it is who the whole story counts ("276 girls" abducted from a girls' school).
    """
    raw: dict[str, set[str]] = {}
    # an exchange's two sides ("230 Ukrainians" freed, "248 Russian servicemen" returned) are two
    # quantities: neither nationality is everyone the story counts
    sides = len({row.r.nationality for row in rows if row.r.nationality and not row.c.figure.vague
                 and row.c.metric in _OCCASIONS}) > 1
    for row in rows:
        parts = set(row.r.parts)
        if row.c.metric in _LEFT_OVER:
            # "22 people remain unaccounted for", "20,000 remain in shelters": the level itself
            parts.discard("remaining")
        if parts & _CONDITIONS:
            parts.discard("remaining")  # "33 still in serious condition", "382 still being treated": "still" adds nothing
        nat = row.r.nationality
        # a nationality told as a part ("Of the dead, 323 were Egyptians") is one, wherever the story is
        if nat and (sides or row.r.partitive or not _nationality_is_local(nat, main, countries)):
            parts.add(f"nationality:{nat}")
            parts.discard("foreigners")  # "five Iranian nationals" are "five Iranians": the nationality says it
        raw[row.c.id] = parts
    # two counts of one kind in one sentence, not a revision ("one was killed in the building
    # while a strike also killed two on a motorcycle", "50 directly and 276 in all"): the
    # smaller is a part beside the larger (a list by place is told apart by its places)
    by_sentence: dict[tuple[str, int], list[_Row]] = defaultdict(list)
    for row in rows:
        if not row.c.figure.vague:
            by_sentence[(row.c.article_id, row.c.sentence_start)].append(row)
    for same_sentence in by_sentence.values():
        kinds: dict[tuple[str | None, str | None], list[_Row]] = defaultdict(list)
        for row in same_sentence:  # drones beside missiles are no part of them
            kinds[(row.r.kind, row.r.fate)].append(row)
        _siblings(list(kinds.values()), raw)
        # "40 people who died in the fires and six more who died in hospital": the count before
        # "N more" is the first addend of a sum, a part as much as the increment is
        ordered = sorted(same_sentence, key=lambda row: row.c.figure.start)
        for first, then in pairwise(ordered):
            if "increment" in then.r.parts and not raw[first.c.id] and first.r.kind == then.r.kind \
                    and not first.r.tally and not first.r.running and _ADDEND.fullmatch(
                        first.c.sentence, first.c.figure.end - first.c.sentence_start,
                        then.c.figure.end - then.c.sentence_start + 6) is not None:
                raw[first.c.id].add("first addend")
    drop: set[str] = set(whole_words)
    for token in {t for parts in raw.values() for t in parts}:
        if sides and token.startswith("nationality:"):
            continue
        with_t = [_rep(row) for row in rows if token in raw[row.c.id] and not row.c.figure.vague]
        without = [_rep(row) for row in rows if token not in raw[row.c.id] and not row.c.figure.vague]
        if with_t and (not without or max(with_t) >= max(without)):
            drop.add(token)
    return {cid: tuple(sorted(parts - drop)) for cid, parts in raw.items()}


def _siblings(groups: list[list[_Row]], raw: dict[str, set[str]]) -> None:
    """Mark the smaller of two unplaced counts of one kind in one sentence that is no revision."""
    for group in groups:
        values = {_rep(row) for row in group}
        if len(values) > 1 and not any(row.r.tally or row.place is not None for row in group):
            top = max(values)
            for row in group:
                if _rep(row) < top and not raw[row.c.id]:
                    raw[row.c.id].add("beside a larger count")


def _whole_words(buckets: dict[str, list[_Row]]) -> set[str]:
    """Populations that some incident of the family counts as its whole: a count with the word is
    as large as every count of that incident without it ("276 girls" and "276" abducted). Such
    a word is who the story counts, not a part, in every incident ("197 girls remain")."""
    out: set[str] = set()
    populations = _populations()
    for anchor, rows in buckets.items():
        if anchor.startswith("past:"):
            continue  # another event's words say nothing of this story's
        tokens = {t for row in rows for t in row.r.parts if t in populations}
        for token in tokens:
            with_t = [_rep(row) for row in rows if token in row.r.parts and not row.c.figure.vague]
            without = [_rep(row) for row in rows if token not in row.r.parts and not row.c.figure.vague]
            if with_t and without and max(with_t) >= max(without):
                out.add(token)
    return out


def _rep(row: _Row) -> float:
    lo, hi = row.c.figure.low, row.c.figure.high
    return float(lo if lo is not None else hi if hi is not None else 0)


def _scope_key(row: _Row, anchor: str, main: Place | None, parts: tuple[str, ...], top: float,
               unplaced_top: float | None = None, site: bool = False) -> _Key:
    """The quantity key of a row. Its place is the whole's when it names none, the whole's place
    or a broader one; a place inside the whole's (or any place when the whole names none) is a
    part when its figure is well below its article's whole ("40 in Wajima" of "73 dead"); a
    place beside the whole's (India beside Nepal) is a quantity of its own.

    ``unplaced_top`` is the largest figure its article gives the quantity with no narrower place:
    a city's figure as large as that is the whole told with its site ("the toll stands at 121" and
    "in Hathras, where 121 were killed"), since a part cannot be as large as its whole."""
    p = row.place
    small = row.c.figure.vague or _rep(row) < PART_RATIO * top
    if p is None or _is_whole(p, main):
        place = ""
    elif "+" not in p.key and (main is None or contains(main, p) or p.country is None
                               or (p.country == main.country and p.level > main.level)):
        # inside the whole's place, or a place no gazetteer knows: a part when its figure is small;
        # a city is a part of a whole that is a country (a city's toll, the national toll) unless
        # its article gives the whole no larger
        city_of_country = main is not None and main.level == COUNTRY and p.level == CITY and p.country == main.country \
            and (unplaced_top is None or _rep(row) < unplaced_top) and not site
        place = p.key if small or city_of_country else ""
    else:
        place = p.key
    kind = row.r.kind or "" if row.family in ("other", "munitions", "money") else ""
    if row.family == "other" and not kind:
        anchor = f"{anchor}:alone:{row.c.id}"  # a count of things that names no thing lines up with nothing
    return anchor, place, parts, kind, row.r.fate or "", row.c.figure.vague


def _is_whole(p: Place, main: Place | None) -> bool:
    """Whether a row's place is the whole's: the whole's own, or a broader one."""
    return main is not None and (p.key == main.key or contains(p, main))


def _unplaced_tops(rows: list[_Row], main: Place | None, parts: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """Per article, the largest exact figure of the whole: no part, and no place or the whole's own."""
    out: dict[str, float] = {}
    for row in rows:
        if row.c.figure.vague or parts[row.c.id] or not (row.place is None or _is_whole(row.place, main)):
            continue
        out[row.c.article_id] = max(out.get(row.c.article_id, 0.0), _rep(row))
    return out


def _split_values(rows: list[_Row]) -> list[list[_Row]]:
    """Figures of a static quantity (a population, a sum) more than :data:`STATIC_RATIO` apart are two."""
    rep = _rep
    ordered = sorted(rows, key=lambda row: (rep(row), row.c.id))
    out: list[list[_Row]] = []
    for row in ordered:
        if out and rep(row) <= STATIC_RATIO * max(rep(out[-1][0]), 1.0):
            out[-1].append(row)
        else:
            out.append([row])
    return out


@dataclass(slots=True)
class _Quantity:
    key: _Key
    family: str
    rows: list[_Row]
    main: Place | None


def _at_one_site(rows: list[_Row]) -> bool:
    """Whether the story's event happened at one site (a stampede, an attack on a hall): the event
    noun its claims name most. Its city is where it happened, no part of a national toll."""
    named: Counter[str] = Counter(e for row in rows for e in row.r.events)
    if not named:
        return False
    top = max(named.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return top in LEXICON.site_events


def _quantities(rows: list[_Row], countries: list[str]) -> list[_Quantity]:
    found: list[_Quantity] = []
    by_family: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        by_family[row.family].append(row)
    lead_metrics: dict[str, set[Metric]] = defaultdict(set)
    for row in rows:
        if row.lead:
            lead_metrics[row.c.article_id].add(row.c.metric)
    release_leads = frozenset(a for a, ms in lead_metrics.items() if ms <= _OCCASIONS)
    site = _at_one_site(rows)
    for family in sorted(by_family):
        for era_no, era in enumerate(_eras(by_family[family])):
            anchors = _anchors(era, release_leads)
            whole_words = _whole_words(anchors)
            for anchor, members in sorted(anchors.items()):
                tops = _article_tops(members)
                main = _main_place(members, tops)
                parts = _parts(members, main, countries, whole_words)
                unplaced = _unplaced_tops(members, main, parts)
                keyed: dict[_Key, list[_Row]] = defaultdict(list)
                for row in members:
                    keyed[_scope_key(row, f"{era_no}:{anchor}", main, parts[row.c.id],
                                     tops.get(row.c.article_id, 0.0), unplaced.get(row.c.article_id),
                                     site)].append(row)
                for key in sorted(keyed):
                    group = keyed[key]
                    static = family in ("money", "munitions") or all(
                        r.c.metric is Metric.POPULATION for r in group)
                    for part in (_split_values(group) if static else [group]):
                        found.append(_Quantity(key=key, family=family, rows=part, main=main))
    return found


# --- one story --------------------------------------------------------------------------------------

def _reports(members: list[Claim]) -> tuple[list[Claim], dict[str, list[str]]]:
    """One report per article per figure: the first mention, with the repeats as its mentions."""
    first: dict[tuple[str, object, object], Claim] = {}
    mentions: dict[str, list[str]] = {}
    for c in sorted(members, key=lambda c: (c.article_id, c.figure.start, c.id)):
        k = (c.article_id, c.figure.low, c.figure.high)
        if k in first:
            mentions.setdefault(first[k].id, []).append(c.id)
        else:
            first[k] = c
    return sorted(first.values(), key=lambda c: c.id), mentions


def _story_label(claims: list[Claim]) -> str:
    names: Counter[str] = Counter()
    seen: set[str] = set()
    for c in claims:
        if c.article_id not in seen:
            seen.add(c.article_id)
            names.update(dict.fromkeys(c.names[:4], 1))
    top = [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    return ", ".join(top) if top else "no names"


def _describe_anchor(anchor: str) -> str:
    a = anchor.split(":", 1)[1]
    if a == "total":
        return "the running total"
    if a.startswith("main"):
        return "the story's one event, however its reports date it"
    if a.startswith("past:"):
        return f"an earlier event of {a[5:]}"
    return f"the incident of {a}"


def _why(q: _Quantity, story: str, n_articles: int) -> str:
    anchor, place, parts, kind, fate, _ = q.key
    metric = q.rows[0].c.metric.value.replace("_", " ")
    where = next((r.place.name for r in q.rows if r.place is not None and r.place.key == place), place) if place \
        else (f"{q.main.name} (the place its headlines give)" if q.main else "no place named")
    bits = [f"{metric} in the story of {story} ({n_articles} article{'s' if n_articles != 1 else ''})",
            f"place: {where}"]
    if parts:
        bits.append("counting only " + ", ".join(p.replace("nationality:", "") for p in parts))
    if kind:
        bits.append(f"things counted: {kind}")
    if fate:
        bits.append(f"fate: {fate}")
    bits.append(f"period: {_describe_anchor(anchor)}")
    return "; ".join(bits) + "."


def reconcile_story(claims: Iterable[Claim]) -> list[Group]:
    """The groups of one story's claims, independent of every other story.

    Each claim gets a quantity: its metric, its anchor (the incident its words date, another
    earlier event, or the running total), its place relative to the place the story's headlines
    give (a broader place is the same, a narrower one is a part), the parts of the population or
    states it counts, and for things their kind and fate. Claims of one quantity form a group;
    a part keeps a ``part_of`` link to its whole.
    """
    ordered = sorted({c.id: c for c in claims}.values(), key=lambda c: (c.article_id, c.figure.start, c.id))
    if not ordered:
        return []
    rows = _rows(ordered)
    countries = _countries(rows)
    _resolve_places(rows, countries)
    story = _story_label(ordered)
    quantities = _quantities(rows, countries)
    ids: dict[tuple[str, _Key], str] = {}
    groups: list[tuple[_Quantity, Group]] = []
    for q in quantities:
        members = sorted((r.c for r in q.rows), key=lambda c: c.id)
        metric = Counter(c.metric for c in members).most_common(1)[0][0]
        reports, mentions = _reports(members)
        anchor = q.key[0].split(":", 1)[1]
        kind: Literal["cumulative", "event"] = "cumulative" if anchor == "total" or metric in _STOCK else "event"
        place = q.main.name if not q.key[1] and q.main else next(
            (r.place.name for r in q.rows if r.place is not None and r.place.key == q.key[1]), "")
        label = " ".join(x for x in (metric.value, place, " ".join(p.replace("nationality:", "") for p in q.key[2]),
                                     q.key[3], q.key[4],
                                     "running total" if anchor == "total" else "" if anchor == "main" else anchor) if x)
        gid = f"{metric.value}:{members[0].id}"
        ids.setdefault((q.family, q.key), gid)
        groups.append((q, Group(
            id=gid, kind=kind, metric=metric, label=label, claim_ids=[c.id for c in members],
            relations=_relations(reports, mentions, members, level=bool(set(q.key[2]) & _LEVELS)), summary=_summary(reports),
            why=_why(q, story, len({c.article_id for c in members})), story=ordered[0].article_id,
            mentions=mentions)))
    out: list[Group] = []
    for q, g in groups:
        anchor, place, parts, thing, fate, vague = q.key
        whole = None
        if parts:
            whole = ids.get((q.family, (anchor, place, (), thing, fate, vague)))
        if whole is None and (parts or place):
            whole = ids.get((q.family, (anchor, "", (), thing, fate, vague)))
        if whole is not None and whole != g.id:
            w = next(x for _, x in groups if x.id == whole)
            checks = _part_checks(g, w)
            g = g.model_copy(update={"part_of": whole, "checks": checks})
        out.append(g)
    return out


def _part_checks(part: Group, whole: Group) -> list[str]:
    """A part reported above its whole by the same article is worth a look."""
    out = []
    whole_high: dict[str, float] = {}
    for t in whole.summary.timeline:
        if t.high is not None:
            whole_high[t.article_id] = max(whole_high.get(t.article_id, 0.0), float(t.high))
    for t in part.summary.timeline:
        h = whole_high.get(t.article_id)
        if t.low is not None and h is not None and float(t.low) > h:
            out.append(f"{t.figure} ({t.article_id}) exceeds the whole's {h:,.0f} in the same article.")
    return out


def _summary(members: list[Claim]) -> Summary:
    timeline_claims = sorted(members, key=lambda c: (_date(c) or dt.date.max, c.id))
    timeline = [
        trusted(TimelineEntry, {"date": c.reported_date.label if c.reported_date else None, "claim_id": c.id,
                                "article_id": c.article_id, "figure": describe(c), "low": c.figure.low,
                                "high": c.figure.high, "issuer": c.source.issuer if c.source else None,
                                "outlet": c.publisher})
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


def _relations(members: list[Claim], mentions: dict[str, list[str]] | None = None,
               claims: list[Claim] | None = None, level: bool = False) -> list[Relation]:
    """The relations of a group's reports (every pair from different articles, or consecutive pairs
    in a group of more than :data:`ALL_PAIRS_LIMIT`), and the same for their repeats: a figure
    repeated in headline, lead and body is one report, and each of its mentions stands in the
    relation its report does to the other article's claim and its mentions."""
    ordered = sorted(members, key=lambda c: (_date(c) or dt.date.max, c.id))
    facts = {c.id: _facts(c) for c in ordered}
    out: list[Relation] = []
    pairs: list[tuple[Claim, Claim]] = []
    if len(ordered) <= ALL_PAIRS_LIMIT:
        for i, x in enumerate(ordered):
            for y in ordered[i + 1:]:
                if x.article_id != y.article_id:
                    pairs.append((x, y))
    else:
        prev: Claim | None = None
        for c in ordered:
            if prev is not None and prev.article_id != c.article_id:
                pairs.append((prev, c))
            prev = c
    by_id = {c.id: c for c in claims or ()}
    for x, y in pairs:
        out.append(_relate(x, y, facts[x.id], facts[y.id], level))
        if not mentions or (x.id not in mentions and y.id not in mentions):
            continue
        xs = [x, *(by_id[m] for m in mentions.get(x.id, ()))]
        ys = [y, *(by_id[m] for m in mentions.get(y.id, ()))]
        for mx in xs:
            for my in ys:
                if mx is not x or my is not y:
                    for m in (mx, my):
                        if m.id not in facts:
                            facts[m.id] = _facts(m)
                    out.append(_relate(mx, my, facts[mx.id], facts[my.id], level))
    return sorted(out, key=attrgetter("a", "b"))


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
    story_of = story_keys(ordered)
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for c in ordered:
        by_story[story_of[c.article_id]].append(c)
    groups: list[Group] = []
    for story in sorted(by_story):
        groups.extend(reconcile_story(by_story[story]))
    groups.sort(key=lambda g: g.id)
    return Report(claims=ordered, groups=groups)
