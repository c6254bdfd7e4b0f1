"""Records: constraints live in the types, and every record survives a JSON round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from reconcile import Article, Claim, DatePeriod, Figure, Precision


def test_low_above_high_is_rejected() -> None:
    with pytest.raises(ValidationError, match="above high"):
        Figure(low=15, high=10, text="15", start=0, end=2)


def test_span_must_fit_the_text() -> None:
    with pytest.raises(ValidationError, match="does not fit"):
        Figure(low=1, high=1, text="one", start=0, end=5)


def test_counts_are_whole() -> None:
    with pytest.raises(ValidationError, match="whole"):
        Figure(low=Decimal("1.5"), high=Decimal("1.5"), text="1.5", start=0, end=3)


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Article(id="a", text="x", colour="red")  # type: ignore[call-arg]


def test_records_are_frozen() -> None:
    a = Article(id="a", text="x")
    with pytest.raises(ValidationError):
        a.id = "b"  # type: ignore[misc]


def test_metric_must_be_in_the_vocabulary(  ) -> None:
    fig = Figure(low=1, high=1, text="1", start=0, end=1)
    with pytest.raises(ValidationError):
        Claim(id="a:0", article_id="a", figure=fig, metric="casualties", sentence="1 died", sentence_start=0)  # type: ignore[arg-type]


def test_claim_evidence_must_hold() -> None:
    fig = Figure(low=1, high=1, text="1", start=3, end=4)
    with pytest.raises(ValidationError, match="not in the sentence"):
        Claim(id="a:3", article_id="a", figure=fig, metric="killed", sentence="Two died", sentence_start=0)


def test_date_period_labels() -> None:
    assert DatePeriod.of(dt.date(2023, 11, 2)).label == "2023-11-02"
    assert DatePeriod.of(dt.date(2023, 11, 2), Precision.MONTH).label == "2023-11"
    assert DatePeriod.of(dt.date(2009, 5, 1), Precision.YEAR).label == "2009"


@given(st.from_type(Claim))
def test_claim_round_trip(claim: Claim) -> None:
    assert Claim.model_validate_json(claim.model_dump_json()) == claim


@given(st.from_type(Figure))
def test_figure_round_trip(fig: Figure) -> None:
    assert Figure.model_validate_json(fig.model_dump_json()) == fig
    if fig.low is not None and fig.high is not None:
        assert fig.low <= fig.high


@given(st.from_type(Article))
def test_article_round_trip(article: Article) -> None:
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_money_round_trip_keeps_decimals() -> None:
    f = Figure(low=Decimal("2.5"), high=Decimal("2.5"), kind="percent", text="2.5", start=0, end=3)
    assert Figure.model_validate_json(f.model_dump_json()) == f
