"""The compact path (reconcile.compact): the same groups and output as reconcile(), from claims read once."""

from __future__ import annotations

import datetime as dt
import gc
import io
import random
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile import Claim, extract, reconcile
from reconcile.compact import compare, pack, reconcile_groups, unpack
from reconcile.errors import InputTypeError
from reconcile.output import FORMATS, write_report
from reconcile.records import (
    Attribution,
    DatePeriod,
    Figure,
    FigureKind,
    Group,
    Metric,
    Precision,
    Qualifier,
)
from reconcile.strategies import claim_sets


def _sorted(groups: list[Group]) -> list[Group]:
    return sorted(groups, key=lambda g: g.id)


def test_a_packed_claim_comes_back_equal_with_every_field(seed_claims: list[Claim]) -> None:
    s = "Donors pledged $1.25 million to $2.5 million, reports CNN."
    full = Claim(
        id="m:0", article_id="m", metric=Metric.MONEY, who="donors", place="Gaza",
        figure=Figure(low=Decimal("1.25"), high=Decimal("2.5"), kind=FigureKind.MONEY, qualifier=Qualifier.RANGE,
                      approximate=True, text="1.25", start=30, end=34, hedge="about", currency="USD", unit="million"),
        source=Attribution(text="CNN", issuer="CNN", relay="CNN"), publisher="P", published=dt.date(2020, 1, 2),
        event_date=DatePeriod.of(dt.date(2019, 12, 5), Precision.MONTH), event_date_from="paragraph",
        reported_date=DatePeriod.of(dt.date(2019, 12, 5), Precision.YEAR), sentence=s, sentence_start=14,
        names=("Gaza", "CNN"))
    assert type(full.figure.low) is Decimal
    for c in [*seed_claims, full]:
        back = unpack(pack(c))
        assert back == c
        assert back.model_dump_json() == c.model_dump_json()
        assert type(back.figure.low) is type(c.figure.low) and type(back.figure.high) is type(c.figure.high)
        assert set(back.__dict__) == set(Claim.model_fields)  # a new field of Claim must be packed too
        assert Claim.model_validate(back.model_dump()) == back  # still a valid record


def test_the_groups_are_reconciles(seed_claims: list[Claim]) -> None:
    expected = reconcile(seed_claims).groups
    assert len(expected) > 10
    assert _sorted(list(reconcile_groups(iter(seed_claims)))) == expected


def test_scattered_articles_and_repeated_ids(seed_claims: list[Claim]) -> None:
    """Claims of an article need not come together; a repeated id keeps its first claim."""
    shuffled = list(seed_claims)
    random.Random(7).shuffle(shuffled)
    other = extract("Forty people were killed.", id=seed_claims[0].article_id)[0]
    repeated = [seed_claims[0], other.model_copy(update={"id": seed_claims[0].id}), *shuffled]
    assert other != seed_claims[0]
    assert _sorted(list(reconcile_groups(repeated))) == reconcile(repeated).groups


@given(claim_sets(), st.randoms())
def test_any_order_gives_reconciles_groups(pair: tuple[list[Claim], dict[frozenset[str], str]],
                                           rnd: random.Random) -> None:
    claims, _ = pair
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert _sorted(list(reconcile_groups(shuffled))) == reconcile(claims).groups


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_writes_what_write_report_writes(seed_claims: list[Claim], fmt: str) -> None:
    expected = io.StringIO()
    write_report(reconcile(seed_claims), fmt, expected)
    got = io.StringIO()
    compare(iter(seed_claims), fmt).write(got)
    assert got.getvalue() == expected.getvalue()
    assert len(expected.getvalue()) > 1000


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_of_nothing(fmt: str) -> None:
    expected = io.StringIO()
    write_report(reconcile([]), fmt, expected)
    got = io.StringIO()
    compare(iter([]), fmt).write(got)
    assert got.getvalue() == expected.getvalue()


def _story_claims(stories: int, per_story: int) -> Iterator[Claim]:
    """Claims made one at a time: each story's articles share its names, 4 claims an article."""
    for i in range(stories * per_story):
        art, story = i // 4, i // per_story
        text = f"{1000 + i:,}"
        yield Claim(id=f"s{story}a{art}:{i}", article_id=f"s{story}a{art}", metric=Metric.KILLED,
                    figure=Figure(low=1000 + i, high=1000 + i, text=text, start=0, end=len(text)),
                    published=dt.date(2020, 1, 1) + dt.timedelta(days=story), sentence=f"{text} people were killed.",
                    sentence_start=0, names=(f"Zorvan{story}", f"Quelby{story}"))


def test_one_storys_records_at_a_time() -> None:
    """While groups are handed out, the records alive are one story's, not the stream's."""
    stories, per_story = 12, 40
    def alive() -> int:
        return sum(1 for o in gc.get_objects() if type(o) is Claim)

    before = alive()  # other tests' claims (a module fixture)
    live: list[int] = []
    groups = 0
    for _ in reconcile_groups(_story_claims(stories, per_story)):
        groups += 1
        live.append(alive() - before)
    assert groups >= stories
    assert max(live) <= per_story < stories * per_story
    assert max(live) > 0  # the story's records are there: the count can see them


def test_only_claims_are_read() -> None:
    with pytest.raises(InputTypeError):
        list(reconcile_groups(["a claim"]))  # type: ignore[list-item]
    with pytest.raises(ValueError, match="unknown format"):
        compare([], "xml")


def test_the_facility_prefilter_names_the_facility_patterns_nouns() -> None:
    """scope.read searches _FACILITY only where _FACILITY_WORD is found: the two must name the same nouns."""
    from reconcile.scope import _FACILITY, _FACILITY_WORD, read

    assert _FACILITY_WORD.pattern in _FACILITY.pattern
    c = extract("Al-Awda Hospital received three dead, officials said.", id="h")[0]
    assert read(c).parts == ("at Al-Awda facility",)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("terminal", [False, True])
def test_compare_in_a_pool_writes_what_one_process_writes(seed_claims: list[Claim], fmt: str, terminal: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories grouped by two worker processes, several stories a batch or one: the same bytes, the same held groups."""
    import reconcile.compact as compact

    claims = [c.model_copy(update={"id": f"{c.id}#{k}", "article_id": f"{c.article_id}#{k}"})
              for k in range(3) for c in seed_claims]  # three copies: more stories than one batch
    serial = compact.compare(iter(claims), fmt, terminal=terminal)
    for batch_bytes in (1, 10**9):
        monkeypatch.setattr(compact, "BATCH_BYTES", batch_bytes)
        pooled = compact.compare(iter(claims), fmt, terminal=terminal, jobs=2, min_parallel_claims=0)
        assert [g.id for g in pooled._held] == [g.id for g in serial._held]
        got, want = io.StringIO(), io.StringIO()
        pooled.write(got)
        compact.compare(iter(claims), fmt, terminal=terminal).write(want)
        assert got.getvalue() == want.getvalue()
    serial.write(io.StringIO())
