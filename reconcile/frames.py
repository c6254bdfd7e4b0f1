"""Claims and reports as pandas DataFrames (extra ``reconcile[pandas]``).

One row per claim, or per relation, with flat columns: the contract's claim
columns (:data:`reconcile.output.CLAIM_COLUMNS`) plus the dates as timestamps,
and for a report the group each claim belongs to. Bounds are nullable
integers (``Int64``) when every bound is whole, floats otherwise; the date
labels keep their precision ("2023-11") and ``event_start``/``event_end``
give the period as timestamps.

>>> from reconcile import extract
>>> df = claims_to_pandas(extract("Fifteen people were killed, officials said.", id="a"))
>>> df[["id", "low", "metric", "source"]].to_dict("records")
[{'id': 'a:0', 'low': 15, 'metric': 'killed', 'source': 'officials'}]
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Literal

from .errors import ReconcileError
from .output import CLAIM_COLUMNS, flat_claim
from .records import Claim, Report

__all__ = ["MissingExtraError", "claims_to_pandas", "report_to_pandas"]

_CLAIM_EXTRA = ("place", "published", "event_start", "event_end", "event_date_from", "sentence_start")
GROUP_COLUMNS = ("group_id", "group_kind", "group_metric", "group_label", "group_size")
RELATION_COLUMNS = ("group_id", "group_kind", "group_metric", "group_label", "a", "b", "relation",
                    "order_known", "explanation", "a_article_id", "a_text", "a_low", "a_high", "a_issuer",
                    "a_event_date", "b_article_id", "b_text", "b_low", "b_high", "b_issuer", "b_event_date")


class MissingExtraError(ReconcileError, ImportError):
    """An optional feature was asked for without the extra that provides it."""


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as e:
        raise MissingExtraError(f'this needs pandas, which is not installed ({e}); '
                                'install it with: pip install "reconcile[pandas]"') from e


def _claim_row(c: Claim) -> dict[str, Any]:
    row = flat_claim(c)
    row.update(place=c.place, published=c.published,
               event_start=c.event_date.start if c.event_date else None,
               event_end=c.event_date.end if c.event_date else None,
               event_date_from=c.event_date_from, sentence_start=c.sentence_start)
    return row


def _frame(pd: Any, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    df = pd.DataFrame.from_records(rows, columns=list(columns))
    for col in columns:
        if col.endswith(("low", "high")):
            whole = all(isinstance(r[col], int | None) for r in rows)  # before pandas makes them floats
            df[col] = df[col].astype("Int64" if whole else "Float64")
        elif col in ("published", "event_start", "event_end"):
            df[col] = pd.to_datetime(df[col])
        elif col in ("approximate", "vague", "order_known"):
            df[col] = df[col].astype("boolean")
        elif col in ("start", "end", "sentence_start", "group_size"):
            df[col] = df[col].astype("Int64")
    return df


def claims_to_pandas(claims: Iterable[Claim]) -> Any:
    """A ``pandas.DataFrame`` with one row per claim (needs ``reconcile[pandas]``)."""
    pd = _pandas()
    return _frame(pd, [_claim_row(c) for c in claims], (*CLAIM_COLUMNS, *_CLAIM_EXTRA))


def report_to_pandas(report: Report, what: Literal["claims", "relations"] = "claims") -> Any:
    """A ``pandas.DataFrame`` of a report: one row per claim with its group's columns first, or one
    row per relation with both claims' figures (needs ``reconcile[pandas]``)."""
    if what not in ("claims", "relations"):
        raise ValueError(f'what must be "claims" or "relations", got {what!r}')
    pd = _pandas()
    by_id = {c.id: c for c in report.claims}
    rows: list[dict[str, Any]] = []
    for g in report.groups:
        group = {"group_id": g.id, "group_kind": g.kind, "group_metric": g.metric.value, "group_label": g.label}
        if what == "claims":
            rows += [{**group, "group_size": len(g.claim_ids), **_claim_row(by_id[i])}
                     for i in g.claim_ids if i in by_id]
            continue
        for r in g.relations:
            row: dict[str, Any] = {**group, "a": r.a, "b": r.b, "relation": r.relation,
                                   "order_known": r.order_known, "explanation": r.explanation}
            for side, cid in (("a", r.a), ("b", r.b)):
                c = by_id.get(cid)
                flat = flat_claim(c) if c else {}
                for k in ("article_id", "text", "low", "high", "issuer", "event_date"):
                    row[f"{side}_{k}"] = flat.get(k)
            rows.append(row)
    if what == "claims":
        return _frame(pd, rows, (*GROUP_COLUMNS, *CLAIM_COLUMNS, *_CLAIM_EXTRA))
    return _frame(pd, rows, RELATION_COLUMNS)
