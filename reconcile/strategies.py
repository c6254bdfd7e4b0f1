"""Hypothesis strategies for property-based tests of pipelines built on reconcile.

Every strategy generates data with a known answer:

- :func:`figures` — valid :class:`~reconcile.records.Figure` records (low <= high);
- :func:`figure_texts` — ``(text, expected)`` pairs: an English figure expression
  (digits, separators, words, scale words, hedges, ranges, vague words) and the
  interval it means;
- :func:`claims` — valid :class:`~reconcile.records.Claim` records with evidence;
- :func:`articles` — ``(article, expected_claims)``: synthetic news text built
  from templates of the shapes in GUIDELINES.md, with the claims it contains;
- :func:`claim_sets` — ``(claims, expected_relations)``: one quantity reported
  by several sources over time, with the relation each pair must get.

``st.from_type(Claim)``, ``st.from_type(Figure)``, ``st.from_type(Article)`` work
once the package is installed (a hypothesis entry-point plugin registers them).

>>> from hypothesis import given
>>> @given(figure_texts())
... def test(pair):
...     text, expected = pair
...     assert expected.low is None or expected.high is None or expected.low <= expected.high
>>> test()
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

from .records import (
    Article,
    Attribution,
    Claim,
    DatePeriod,
    Figure,
    FigureKind,
    Metric,
    Precision,
    Qualifier,
)

__all__ = [
    "ExpectedFigure",
    "articles",
    "claim_sets",
    "claims",
    "figure_texts",
    "figures",
    "number_to_words",
]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand")]


def number_to_words(n: int, *, british_and: bool = False) -> str:
    """English words for a non-negative integer.

    >>> number_to_words(105, british_and=True)
    'one hundred and five'
    >>> number_to_words(2_300_021)
    'two million three hundred thousand twenty-one'
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_UNITS[hundreds]} hundred"
        if not rest:
            return head
        return f"{head} {'and ' if british_and else ''}{number_to_words(rest)}"
    for value, word in _SCALES:
        if n >= value:
            top, rest = divmod(n, value)
            head = f"{number_to_words(top, british_and=british_and)} {word}"
            return head if not rest else f"{head} {number_to_words(rest, british_and=british_and)}"
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class ExpectedFigure:
    """What a generated figure expression means, and where its numeral stands in the text."""

    low: int | None
    high: int | None
    approximate: bool
    vague: bool
    start: int
    end: int


_HEDGES: dict[str, str] = {
    "more than": "low", "over": "low", "at least": "low", "upwards of": "low", "in excess of": "low",
    "no fewer than": "low", "up to": "high", "at most": "high", "fewer than": "high", "as many as": "high",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "nearly": "approx",
    "approximately": "approx", "an estimated": "approx",
}
_VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999), "several": (3, 9)}


@st.composite
def _numeral(draw: st.DrawFn, value: int | None = None) -> tuple[str, int]:
    """A numeral for a value: digits, separators, words, or a scale word."""
    n = draw(st.integers(min_value=2, max_value=5_000_000)) if value is None else value
    styles = ["digits", "commas", "words"] + (["scale"] if value is None else [])
    style = draw(st.sampled_from(styles))
    if style == "digits":
        return str(n), n
    if style == "commas":
        return f"{n:,}", n
    if style == "words" and n <= 999_999:
        return number_to_words(n, british_and=draw(st.booleans())), n
    if style == "scale" or (n > 999_999 and value is None):
        unit, word = draw(st.sampled_from([(1000, "thousand"), (1_000_000, "million"), (1_000_000, "mn")]))
        whole = max(1, n // unit)
        if word == "mn":
            return f"{whole}mn", whole * unit
        return f"{whole} {word}", whole * unit
    return f"{n:,}", n


@st.composite
def figure_texts(draw: st.DrawFn) -> tuple[str, ExpectedFigure]:
    """An English figure expression inside a short phrase, and the interval it means."""
    shape = draw(st.sampled_from(["plain", "hedge", "range", "between", "vague"]))
    lead = draw(st.sampled_from(["", "Officials said ", "The toll reached ", "Police counted "]))
    tail = draw(st.sampled_from([" people", " people were killed.", " civilians.", ""]))
    if shape == "vague":
        word = draw(st.sampled_from(sorted(_VAGUE)))
        lo, hi = _VAGUE[word]
        text = f"{lead}{word} of people"
        return text, ExpectedFigure(lo, hi, True, True, len(lead), len(lead) + len(word))
    if shape in ("range", "between"):
        a_text, a = draw(_numeral(draw(st.integers(min_value=2, max_value=900))))
        b_text, b = draw(_numeral(draw(st.integers(min_value=a + 1, max_value=999))))
        if shape == "between" and a % 100 == 0 and not a_text[0].isdigit():
            a_text = str(a)  # "between nine hundred and nine hundred forty-two" reads two ways
        if shape == "between":
            expr, start = f"between {a_text} and {b_text}", len(lead) + len("between ")
            end = start + len(f"{a_text} and {b_text}")
        else:
            words = not (a_text[0].isdigit() and b_text[0].isdigit())
            # "four hundred fifty-four hundred fifty-one" reads two ways: words take " to "
            sep = " to " if words else draw(st.sampled_from([" to ", "-", "–"]))
            expr, start = f"{a_text}{sep}{b_text}", len(lead)
            end = start + len(expr)
        return f"{lead}{expr}{tail}", ExpectedFigure(a, b, False, False, start, end)
    num_text, n = draw(_numeral())
    if shape == "hedge":
        hedge = draw(st.sampled_from(sorted(_HEDGES)))
        kind = _HEDGES[hedge]
        start = len(lead) + len(hedge) + 1
        text = f"{lead}{hedge} {num_text}{tail}"
        low: int | None = None if kind == "high" else n
        high: int | None = None if kind == "low" else n
        return text, ExpectedFigure(low, high, kind == "approx", False, start, start + len(num_text))
    return f"{lead}{num_text}{tail}", ExpectedFigure(n, n, False, False, len(lead), len(lead) + len(num_text))


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """A valid count :class:`Figure` (low <= high; open bounds allowed)."""
    lo = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)))
    hi = draw(st.one_of(st.none(), st.integers(min_value=lo or 0, max_value=10**9 + 1)))
    text = draw(st.text(alphabet="0123456789,", min_size=1, max_size=12))
    start = draw(st.integers(min_value=0, max_value=10_000))
    if lo is not None and hi is not None:
        qualifier = Qualifier.EXACT if lo == hi else Qualifier.RANGE
    elif lo is not None:
        qualifier = Qualifier.MORE_THAN
    elif hi is not None:
        qualifier = Qualifier.AT_MOST
    else:
        qualifier = Qualifier.VAGUE
    return Figure(low=lo, high=hi, approximate=draw(st.booleans()), vague=qualifier is Qualifier.VAGUE,
                  qualifier=qualifier, kind=FigureKind.COUNT, text=text, start=start, end=start + len(text))


_WHO = ["people", "civilians", "residents", "villagers", "passengers", "workers"]
_SOURCES = ["the health ministry", "Police", "Officials", "the Red Cross", "Medics", "the civil defence agency",
            "the United Nations", "the regional governor"]
_PREDICATE = {
    Metric.KILLED: "were killed",
    Metric.INJURED: "were injured",
    Metric.MISSING: "were missing",
    Metric.HOSTAGES_TAKEN: "were abducted",
    Metric.HOSTAGES_RELEASED: "were freed",
    Metric.DISPLACED: "were displaced",
    Metric.EVACUATED: "were evacuated",
    Metric.DETAINED: "were detained",
}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@st.composite
def _sentence_claim(draw: st.DrawFn, article_id: str, published: dt.date, offset: int,
                    value: int | None = None, metric: Metric | None = None) -> tuple[str, Claim]:
    """One sentence in a shape of the GUIDELINES, and the claim it states."""
    metric = metric or draw(st.sampled_from(sorted(_PREDICATE)))
    n = value if value is not None else draw(st.integers(min_value=2, max_value=250_000))
    num = f"{n:,}" if draw(st.booleans()) or n > 99 else number_to_words(n)
    who = draw(st.sampled_from(_WHO))
    source = draw(st.one_of(st.none(), st.sampled_from(_SOURCES)))
    back = draw(st.integers(min_value=0, max_value=6))
    day = published - dt.timedelta(days=back)
    weekday = _WEEKDAYS[day.weekday()]
    pred = _PREDICATE[metric]
    sentence_first = draw(st.booleans())
    if source is None:
        body = f"{num} {who} {pred} on {weekday}."
        fig_at = 0
    elif sentence_first:
        body = f"{num} {who} {pred} on {weekday}, {source} said."
        fig_at = 0
    else:
        body = f"{source} said {num} {who} {pred} on {weekday}."
        fig_at = len(source) + len(" said ")
    if body[0].islower():
        body = body[0].upper() + body[1:]
    fig = Figure(low=n, high=n, text=body[fig_at:fig_at + len(num)], start=offset + fig_at,
                 end=offset + fig_at + len(num))
    attribution = None
    if source is not None:
        written = source[0].upper() + source[1:] if not sentence_first else source
        attribution = Attribution(text=written, issuer=written.removeprefix("the ").removeprefix("The "))
    claim = Claim(id=f"{article_id}:{fig.start}", article_id=article_id, figure=fig, metric=metric,
                  who=who, source=attribution, event_date=DatePeriod.of(day), event_date_from="sentence",
                  reported_date=DatePeriod.of(published), published=published, sentence=body,
                  sentence_start=offset)
    return body, claim


@st.composite
def articles(draw: st.DrawFn, max_claims: int = 4) -> tuple[Article, list[Claim]]:
    """A synthetic news article and the claims it contains (one per sentence, in order)."""
    art_id = draw(st.from_regex(r"[a-z][a-z0-9]{2,8}", fullmatch=True))
    published = draw(st.dates(min_value=dt.date(2000, 1, 8), max_value=dt.date(2030, 12, 31)))
    headline = draw(st.sampled_from(["Storm hits the coast", "Officials count the cost", "Rescue work goes on"]))
    text = headline + "\n\n"
    expected: list[Claim] = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_claims))):
        body, claim = draw(_sentence_claim(art_id, published, len(text)))
        text += body + " "
        expected.append(claim)
    return Article(id=art_id, text=text, published=published), expected


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """A valid :class:`Claim` whose figure stands in its sentence."""
    _, found = draw(articles(max_claims=1))
    return found[0]


@st.composite
def claim_sets(draw: st.DrawFn) -> tuple[list[Claim], dict[frozenset[str], str]]:
    """One quantity reported by several articles over time, and the relation each pair must get.

    The count only grows (an ``update`` between reports a day or more apart), or
    stays the same (``consistent``).
    """
    k = draw(st.integers(min_value=2, max_value=5))
    start = draw(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2029, 1, 1)))
    metric = draw(st.sampled_from([Metric.KILLED, Metric.INJURED]))
    values = sorted(draw(st.lists(st.integers(min_value=10, max_value=90_000), min_size=k, max_size=k)))
    out: list[Claim] = []
    for i, v in enumerate(values):
        published = start + dt.timedelta(days=2 * i + 1)
        art = f"report{i}"
        text = f"Storm hits the coast\n\n{v:,} people were killed when the storm hit, officials said."
        at = text.index(f"{v:,}")
        sent_start = text.index(f"{v:,} people")
        out.append(Claim(
            id=f"{art}:{at}", article_id=art,
            figure=Figure(low=v, high=v, text=f"{v:,}", start=at, end=at + len(f"{v:,}")),
            metric=metric, who="people", source=Attribution(text="officials", issuer="officials"),
            published=published, event_date=DatePeriod.of(start), event_date_from="sentence",
            reported_date=DatePeriod.of(published), sentence=text[sent_start:], sentence_start=sent_start,
            names=("Storm",)))
    expected: dict[frozenset[str], str] = {}
    for i, a in enumerate(out):
        for b in out[i + 1:]:
            same = a.figure.low == b.figure.low
            expected[frozenset((a.id, b.id))] = "consistent" if same else "update"
    return out, expected


def _register() -> None:
    """Register the strategies for ``st.from_type`` (called by the hypothesis plugin)."""
    st.register_type_strategy(Figure, figures())
    st.register_type_strategy(Claim, claims())
    st.register_type_strategy(Article, articles().map(lambda pair: pair[0]))
    st.register_type_strategy(DatePeriod, st.builds(
        lambda d, p: DatePeriod.of(d, p), st.dates(), st.sampled_from(list(Precision))))
