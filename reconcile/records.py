"""Typed, frozen records that keep their evidence.

Data flows one way: an :class:`Article` gives :class:`Figure` values (numbers
with their span), figures become :class:`Claim` records (metric, who, source,
dates, sentence), claims are reconciled into a :class:`Report` of
:class:`Group` values with :class:`Relation` labels.

>>> f = Figure(low=10, high=15, qualifier="range", text="10 to 15", start=0, end=8)
>>> (f.low, f.high, f.kind.value)
(10, 15, 'count')
>>> Figure.model_validate_json(f.model_dump_json()) == f
True
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10

    class StrEnum(str, Enum):
        """A str-valued Enum (the standard library has one from 3.11)."""

        def __str__(self) -> str:
            return str(self.value)


_M = TypeVar("_M", bound=BaseModel)
_NEW = object.__new__
_SET = object.__setattr__


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """A record of ``cls`` from ``values`` that are already valid, every field given: what
    ``model_construct`` does, without its per-field default and alias handling (a fifth of its
    cost). For records built by hand from checked parts (relations, timelines) and records read
    back from their own packed values (:mod:`reconcile.compact`). It relies on pydantic v2 keeping
    a model's state in these four attributes; ``tests/test_compact.py`` checks the round trip."""
    obj = _NEW(cls)
    _SET(obj, "__dict__", values)
    _SET(obj, "__pydantic_fields_set__", set(values))
    _SET(obj, "__pydantic_extra__", None)
    _SET(obj, "__pydantic_private__", None)
    return obj


class Frozen(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Qualifier(StrEnum):
    """How the text hedges a figure."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class FigureKind(StrEnum):
    """What a numeric expression is; only counts and money become claims."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    ORDINAL = "ordinal"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    AGE = "age"
    MEASURE = "measure"


class Metric(StrEnum):
    """The metric vocabulary of the annotation GUIDELINES."""

    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    HOSTAGES_TAKEN = "hostages_taken"
    HOSTAGES_HELD = "hostages_held"
    HOSTAGES_RELEASED = "hostages_released"
    PRISONERS_RELEASED = "prisoners_released"
    DETAINED = "detained"
    DISPLACED = "displaced"
    EVACUATED = "evacuated"
    POPULATION = "population"
    MUNITIONS = "munitions"
    MONEY = "money"
    OTHER = "other"


class Precision(StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Article(Frozen):
    """One news article, as read.

    >>> Article(id="a1", text="Fifteen people were killed.", published="2014-07-24").published
    datetime.date(2014, 7, 24)
    """

    id: Annotated[str, Field(min_length=1)]
    text: str
    published: dt.date | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None


class Figure(Frozen):
    """A numeric expression in a text, read as an interval.

    ``low``/``high`` are ints for counts (and whole amounts of money), a
    ``Decimal`` only for a fractional amount or percentage. ``None`` is an open
    bound ("more than 10": low 10, high None). ``start``/``end`` are code-point
    offsets of the numeral(s) in the text; ``hedge`` holds the hedge words
    ("more than") that stand before it.
    """

    low: int | Decimal | None = None
    high: int | Decimal | None = None
    approximate: bool = False
    vague: bool = False
    qualifier: Qualifier = Qualifier.EXACT
    kind: FigureKind = FigureKind.COUNT
    text: Annotated[str, Field(min_length=1)]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    hedge: str | None = None
    currency: str | None = None
    unit: str | None = None

    @field_validator("low", "high")
    @classmethod
    def _whole_numbers_are_ints(cls, v: int | Decimal | None) -> int | Decimal | None:
        if isinstance(v, Decimal) and v == v.to_integral_value():
            return int(v)
        return v

    @model_validator(mode="after")
    def _check(self) -> Figure:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}-{self.end} does not fit the text {self.text!r}"
            )
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        for v in (self.low, self.high):
            if v is not None and v < 0 and self.kind not in (FigureKind.MEASURE, FigureKind.PERCENT):
                raise ValueError(f"negative bound {v}: only a measure or a percentage is signed")
            if self.kind is FigureKind.COUNT and isinstance(v, Decimal):
                raise ValueError(f"a count must be whole, got {v}")
        return self

    @property
    def point(self) -> int | Decimal | None:
        """The single value when low == high, else None."""
        return self.low if self.low is not None and self.low == self.high else None


class DatePeriod(Frozen):
    """A date or span of dates with the precision the text gave.

    >>> DatePeriod.of(dt.date(2023, 11, 1), Precision.MONTH).label
    '2023-11'
    """

    start: dt.date
    end: dt.date
    precision: Precision = Precision.DAY

    @model_validator(mode="after")
    def _order(self) -> DatePeriod:
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self

    @classmethod
    def of(cls, day: dt.date, precision: Precision = Precision.DAY) -> DatePeriod:
        """The whole day, month or year that contains ``day``."""
        if precision is Precision.DAY:
            return cls(start=day, end=day, precision=precision)
        if precision is Precision.MONTH:
            first = day.replace(day=1)
            nxt = (first + dt.timedelta(days=32)).replace(day=1)
            return cls(start=first, end=nxt - dt.timedelta(days=1), precision=precision)
        return cls(start=dt.date(day.year, 1, 1), end=dt.date(day.year, 12, 31), precision=precision)

    @property
    def label(self) -> str:
        """ISO text at the period's precision: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.precision is Precision.DAY and self.start == self.end:
            return self.start.isoformat()
        if self.precision is not Precision.YEAR and (self.start.year, self.start.month) == (
            self.end.year,
            self.end.month,
        ):
            return self.start.strftime("%Y-%m")
        return str(self.start.year)


class Attribution(Frozen):
    """Who the text says gave a figure, kept apart from the outlet that printed it.

    ``text`` is the attribution as written ("the official", "Gaza's Health
    Ministry"); ``issuer`` is a normalised name, resolved back to a named
    speaker where the text refers to one ("the official" -> "a senior U.S.
    administration official"); ``relay`` names who passed it on ("reports CNN").
    """

    text: Annotated[str, Field(min_length=1)]
    issuer: Annotated[str, Field(min_length=1)]
    relay: str | None = None


class Claim(Frozen):
    """A sourced, dated numeric claim with its evidence."""

    id: Annotated[str, Field(min_length=1)]
    article_id: Annotated[str, Field(min_length=1)]
    figure: Figure
    metric: Metric
    who: str | None = None
    place: str | None = None
    source: Attribution | None = None
    publisher: str | None = None
    published: dt.date | None = None
    event_date: DatePeriod | None = None
    event_date_from: Literal["sentence", "paragraph", "lead"] | None = None
    """Where the event date was read: the claim's sentence, an earlier sentence of its
    paragraph, or the article's opening (its main event)."""
    reported_date: DatePeriod | None = None
    sentence: str
    """The sentence the figure stands in (non-empty; checked with the evidence, since a
    length constraint would count the characters of a long sentence for every claim)."""
    sentence_start: Annotated[int, Field(ge=0)]
    names: tuple[str, ...] = ()
    """The article's most frequent proper names: what story the claim belongs to."""

    @model_validator(mode="after")
    def _evidence(self) -> Claim:
        a = self.figure.start - self.sentence_start
        b = self.figure.end - self.sentence_start
        if not self.sentence:
            raise ValueError("the sentence is empty")
        if a < 0 or b > len(self.sentence) or self.sentence[a:b] != self.figure.text:
            raise ValueError(
                f"figure {self.figure.text!r} at {self.figure.start}-{self.figure.end} "
                "is not in the sentence at that place"
            )
        return self

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end


RelationLabel = Literal["consistent", "update", "conflict"]


class Relation(Frozen):
    """How two reports of one quantity from different articles relate; ``a`` is the earlier."""

    a: str
    b: str
    relation: RelationLabel
    order_known: bool = True
    explanation: str


class TimelineEntry(Frozen):
    """One report in a group's timeline."""

    date: str | None
    claim_id: str
    article_id: str
    figure: str
    low: int | Decimal | None
    high: int | Decimal | None
    issuer: str | None
    outlet: str | None


class Summary(Frozen):
    """What a group's reports say together; every number comes from a claim."""

    low: int | Decimal | None
    high: int | Decimal | None
    most_conservative: str
    latest: str
    latest_by_issuer: dict[str, str]
    independent_reports: Annotated[int, Field(ge=0)]
    timeline: list[TimelineEntry]


class Group(Frozen):
    """Claims that speak of one real-world quantity.

    ``claim_ids`` holds every claim of the quantity; ``mentions`` maps each report (the
    first mention of one figure in one article) to the repeats of that figure in the same
    article (headline, lead and body), which are kept as evidence but make no report of their
    own. ``part_of`` is the id of the group this quantity is a part of (a city's toll under the
    national toll, the children among all the dead), and ``why`` says in words what makes the
    claims one quantity (story, metric, scope, period), for a reader to audit.
    """

    id: str
    kind: Literal["cumulative", "event"]
    metric: Metric
    label: str
    claim_ids: list[str]
    relations: list[Relation]
    summary: Summary
    why: str = ""
    story: str = ""
    part_of: str | None = None
    mentions: dict[str, list[str]] = Field(default_factory=dict)
    checks: list[str] = Field(default_factory=list)
    """Findings about the quantity against its parts: a part reported above its whole."""


class Report(Frozen):
    """The result of reconciling claims."""

    claims: list[Claim]
    groups: list[Group]

    def to_pandas(self, what: Literal["claims", "relations"] = "claims") -> Any:
        """One row per claim (or relation), flat columns; needs ``pip install "reconcile[pandas]"``."""
        from .frames import report_to_pandas

        return report_to_pandas(self, what)
