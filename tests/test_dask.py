"""reconcile.dask: the cluster result is the single-machine result, and records cross process boundaries.

The cluster rows run on a ``distributed.LocalCluster`` of two worker processes
(one thread each), so every claim and group really is pickled between
processes; they are skipped when the ``reconcile[dask]`` extra is not installed.
The per-partition functions are plain Python and are tested without dask, the
way another engine (Spark's ``mapPartitions``) would call them.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from reconcile import Article, ArticleError, InputError, ReconcileError, extract, read_articles, reconcile
from reconcile.dask import (
    INSTALL_HINT,
    assign_stories,
    extract_bag,
    extract_partition,
    reconcile_report,
    reconcile_stories,
    signatures_of,
)
from reconcile.output import report_dict
from reconcile.records import Claim, Report

from .conftest import SEEDS

# Invented articles: three stories (a flood in Kerala, a quake in Sulawesi, a siege in Marawi) told by
# several articles each, with a rise, a downward revision and an unrelated article, so that the story
# step has several stories to separate and the groups have relations of every kind.
INVENTED = [
    ("kerala-1", "2024-07-01", "Floods in Kerala: 12 people were killed in Kochi on Monday, officials in Kerala said."),
    ("kerala-2", "2024-07-03", "Kerala floods: the toll in Kochi rose to 40 dead, Kerala officials said on Wednesday."),
    ("kerala-3", "2024-07-04", "Rescuers in Kochi, Kerala, said 35 people were killed in the floods."),
    ("sulawesi-1", "2023-02-10", "An earthquake in Sulawesi killed more than 300 people in Palu on Thursday, the agency said."),
    ("sulawesi-2", "2023-02-12", "The earthquake in Sulawesi killed about 1,200 people in Palu on Thursday, the agency said."),
    ("marawi-1", "2017-06-01", "In Marawi, Maute fighters held 200 hostages, the army in Mindanao said."),
    ("marawi-2", "2017-06-20", "In Marawi, Maute fighters still held 150 hostages, the army in Mindanao said."),
    ("alone-1", "2020-01-05", "A bus crash near Lima killed 9 passengers, police said."),
]


def _articles() -> list[Article]:
    seeds = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    return seeds + [Article(id=i, text=t, published=dt.date.fromisoformat(d)) for i, d, t in INVENTED]


ARTICLES = _articles()
SINGLE_CLAIMS = [c for a in ARTICLES for c in extract(a)]
SINGLE = reconcile(SINGLE_CLAIMS)


def _json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, sort_keys=True)


def test_the_corpus_has_several_stories_and_every_relation() -> None:
    # guards the rows below: a corpus of one story would not test the story step
    stories = {g.id for g in SINGLE.groups if len(g.claim_ids) > 1}
    labels = {r.relation for g in SINGLE.groups for r in g.relations}
    articles_in_groups = {c.split(":")[0] for g in SINGLE.groups if len(g.claim_ids) > 1 for c in g.claim_ids}
    assert len(stories) >= 4
    assert labels == {"consistent", "update", "conflict"}
    assert {"kerala-1", "sulawesi-1", "marawi-1"} <= articles_in_groups


# -- the per-partition functions, as another engine calls them --------------------------------------------


def _partitions(items: list[Any], n: int) -> list[list[Any]]:
    return [items[i::n] for i in range(n)]


def _by_key(pairs: Iterator[tuple[str, Any]] | list[tuple[str, Any]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for k, v in pairs:
        out[k].append(v)
    return out


@pytest.mark.parametrize(("n_partitions", "seed", "why"), [
    (1, 0, "one partition: the whole corpus in one call"),
    (3, 1, "articles dealt round-robin: every story spread over partitions"),
    (len(ARTICLES), 2, "one article a partition"),
])
def test_partition_functions_give_the_single_machine_report(n_partitions: int, seed: int, why: str) -> None:
    claims = [c for part in _partitions(ARTICLES, n_partitions) for c in extract_partition(part)]
    random.Random(seed).shuffle(claims)  # a shuffle delivers claims in any order
    by_article = _by_key((c.article_id, c) for c in claims)
    sigs = dict(signatures_of(by_article.items()))
    story_of = assign_stories(sigs)  # the client step between the two shuffles
    by_story = _by_key((story_of[a], c) for a, cs in by_article.items() for c in cs)
    groups = sorted(reconcile_stories(by_story.items()), key=lambda g: g.id)
    assert _json(Report(claims=SINGLE.claims, groups=groups)) == _json(SINGLE), why


def test_extract_partition_keeps_article_and_text_order() -> None:
    assert list(extract_partition(ARTICLES)) == SINGLE_CLAIMS


@pytest.mark.parametrize(("item", "error", "match", "why"), [
    ({"id": "d1"}, InputError, "field text: missing", "a dict without text names the field"),
    ({"id": "d2", "text": "x", "colour": "red"}, InputError, "unknown field", "a stray field is an error, not ignored"),
    ({"id": "d3", "text": "x", "published": "July 4"}, InputError, "not a date", "a bad date names the field"),
    (ArticleError("a.jsonl", 7, "text", "missing"), InputError, r"a\.jsonl:7", "an unreadable article from read_articles"),
    ("Twelve people were killed.", ReconcileError, "got str", "a bare string has no id: not guessed"),
])
def test_a_bad_article_stops_the_batch_with_its_place(item: object, error: type[Exception], match: str,
                                                       why: str) -> None:
    with pytest.raises(error, match=match):
        list(extract_partition([ARTICLES[0], item]))


def test_a_dict_article_is_the_same_as_the_record() -> None:
    a = ARTICLES[-1]
    assert list(extract_partition([a.model_dump(mode="json", exclude_none=True)])) == extract(a)


def test_an_extraction_failure_names_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import reconcile.dask as rd

    def broken(article: Article) -> list[Claim]:
        raise RuntimeError("boom")

    monkeypatch.setattr(rd, "extract", broken)
    with pytest.raises(ReconcileError, match="article kerala-1: RuntimeError: boom"):
        list(extract_partition([a for a in ARTICLES if a.id == "kerala-1"]))


def test_without_dask_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # import dask.bag now raises ImportError
    with pytest.raises(ImportError, match=r"reconcile\[dask\]"):
        extract_bag(object())  # type: ignore[arg-type]
    assert "pip install" in INSTALL_HINT


# -- records cross process boundaries ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "records"), [
    ("articles", ARTICLES),
    ("claims (figures built without validation on the hot path)", SINGLE_CLAIMS),
    ("groups, relations, summaries", SINGLE.groups),
    ("the report", [SINGLE]),
])
def test_records_pickle(name: str, records: list[Any]) -> None:
    for r in records:
        back = pickle.loads(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == r, name
        assert back.model_dump() == r.model_dump(), name


# -- on a local cluster of two worker processes ----------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("dask.bag", reason="the reconcile[dask] extra is not installed")
    distributed = pytest.importorskip("distributed", reason="the reconcile[dask] extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


def test_cluster_gives_the_single_machine_claims_groups_and_relations(client: Any) -> None:
    import dask.bag as db

    bag = db.from_sequence(ARTICLES, npartitions=4)
    claims = extract_bag(bag)
    assert claims.compute() == SINGLE_CLAIMS  # input order, across partitions and workers
    assert _json(reconcile_report(claims)) == _json(SINGLE)


def test_cluster_reads_dicts_and_collapses_repeated_claims(client: Any) -> None:
    import dask.bag as db

    dicts = [a.model_dump(mode="json", exclude_none=True) for a in ARTICLES]
    claims = extract_bag(db.from_sequence(dicts, npartitions=3))
    twice = db.concat([claims, claims.repartition(2)])  # the same claim in two partitions is one claim
    assert _json(reconcile_report(twice)) == _json(SINGLE)


def test_cluster_bad_article_fails_the_compute_with_its_field(client: Any) -> None:
    import dask.bag as db

    bag = db.from_sequence([*ARTICLES[:3], {"id": "no-text"}], npartitions=2)
    with pytest.raises(InputError, match="field text: missing"):
        extract_bag(bag).compute()
