"""reconcile: typed, sourced, dated numeric claims from news, lined up across articles.

>>> from reconcile import extract, reconcile
>>> claims = extract("Fifteen people were killed on Thursday, officials said.", id="a", published="2014-07-24")
>>> [(c.figure.low, c.metric.value, c.source.text, c.event_date.label) for c in claims]
[(15, 'killed', 'officials', '2014-07-24')]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import DecodeError, InputError, InputTypeError, ReconcileError
from .extraction import extract
from .frames import claims_to_pandas
from .inputs import ArticleError, read_articles
from .numbers import find_figures, parse_number
from .reconciliation import reconcile, relate
from .records import (
    Article,
    Attribution,
    Claim,
    DatePeriod,
    Figure,
    FigureKind,
    Group,
    Metric,
    Precision,
    Qualifier,
    Relation,
    Report,
    Summary,
    TimelineEntry,
)

__all__ = [
    "Article",
    "ArticleError",
    "Attribution",
    "Claim",
    "DatePeriod",
    "DecodeError",
    "Figure",
    "FigureKind",
    "Group",
    "InputError",
    "InputTypeError",
    "Metric",
    "Precision",
    "Qualifier",
    "ReconcileError",
    "Relation",
    "Report",
    "Summary",
    "TimelineEntry",
    "__version__",
    "claims_to_pandas",
    "extract",
    "find_figures",
    "parse_number",
    "read_articles",
    "reconcile",
    "relate",
]
