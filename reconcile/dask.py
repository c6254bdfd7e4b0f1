"""Extraction and reconciliation on a Dask cluster (the ``reconcile[dask]`` extra).

The work is the same pure functions as on one machine, wired to a :class:`dask.bag.Bag`:

* :func:`extract_bag`: a bag of articles (:class:`~reconcile.records.Article`
  records or JSON-like dicts) -> a bag of :class:`~reconcile.records.Claim`
  records, one article at a time, in input order;
* :func:`reconcile_bag`: a bag of claims -> a bag of
  :class:`~reconcile.records.Group` records. Claims are grouped by article
  (a shuffle), each article is summed up in a small signature that is
  gathered on the client, the client assigns every article to a story, and the
  claims are grouped again by story (a second shuffle); each story is
  reconciled on a worker, independently of the others;
* :func:`reconcile_report`: the whole :class:`~reconcile.records.Report`
  gathered on the client, equal to ``reconcile(claims)`` on one machine.

The per-partition functions :func:`extract_partition`, :func:`signatures_of`
and :func:`reconcile_stories`, and the client step :func:`assign_stories`, take
and return plain Python values, so another engine (Spark's ``mapPartitions``)
can run the same steps: see the page "Running on a cluster" (``docs/cluster.md``).

Shuffles use dask's task-based method, which works on any cluster; the
disk-based one needs the workers to share a file system.

Without the extra, importing this module works and every function that needs
dask raises an :class:`ImportError` that says what to install.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from .errors import ReconcileError
from .extraction import extract
from .inputs import ArticleError, article_from_mapping
from .reconciliation import article_signature, reconcile_story
from .reconciliation import assign_stories as _assign_stories
from .records import Article, Claim, Group, Report
from .stories import Signature

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = [
    "assign_stories",
    "extract_bag",
    "extract_partition",
    "reconcile_bag",
    "reconcile_report",
    "reconcile_stories",
    "signatures_of",
]

INSTALL_HINT = 'reconcile.dask needs dask: pip install "reconcile[dask]" (dask[bag] and distributed)'


def _dask() -> Any:
    """The dask package, with its bag module loaded; an ImportError that says what to install without it."""
    try:
        import dask
        import dask.bag
    except ImportError as e:
        raise ImportError(INSTALL_HINT) from e
    return dask


# -- extraction ------------------------------------------------------------------------------------------


def _article(item: object) -> Article:
    """An Article from a bag item; anything else fails loudly with the article's id where there is one."""
    if isinstance(item, Article):
        return item
    if isinstance(item, ArticleError):  # from read_articles: an unreadable article is never dropped
        raise item.as_error()
    if isinstance(item, Mapping):
        where = f"<bag item id={item.get('id')!r}>" if isinstance(item.get("id"), str) else "<bag item>"
        return article_from_mapping(dict(item), path=where)
    raise ReconcileError(f"expected an Article or a dict in the bag, got {type(item).__name__}")


def extract_partition(articles: Iterable[object]) -> Iterator[Claim]:
    """The claims of every article of one partition, in order (usable as Spark's ``mapPartitions``).

    An item that is not an article, or an article whose extraction fails, raises
    a :class:`~reconcile.errors.ReconcileError` that names the article: a batch
    never silently drops one.
    """
    for item in articles:
        article = _article(item)
        try:
            claims = extract(article)
        except Exception as e:  # a bug must name its article, not lose the batch
            raise ReconcileError(f"article {article.id}: {type(e).__name__}: {e}") from e
        yield from claims


def extract_bag(articles: Bag) -> Bag:
    """A bag of claims from a bag of articles (``Article`` records or dicts with the JSONL fields).

    Lazy, like every bag: nothing runs until it is computed or written. Claims
    keep the order of the articles and, within one, the order of the text.
    """
    _dask()
    bag: Any = articles  # dask's Bag methods carry no annotations
    return cast("Bag", bag.map_partitions(_extract_list))


def _extract_list(articles: Iterable[object]) -> list[Claim]:
    return list(extract_partition(articles))


# -- reconciliation --------------------------------------------------------------------------------------
#
# The story step needs every article at once (two articles are one story when they share names), but
# only through a small signature of each; the groups of one story need only that story's claims.


def _article_id(c: Claim) -> str:
    if not isinstance(c, Claim):
        raise ReconcileError(f"reconcile_bag expects Claim records, got {type(c).__name__}")
    return c.article_id


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per id, in the order that ``reconcile`` sorts them (a duplicate id is one claim)."""
    seen: dict[str, Claim] = {}
    for c in claims:
        seen.setdefault(c.id, c)
    return sorted(seen.values(), key=lambda c: (c.article_id, c.figure.start, c.id))


def signatures_of(articles: Iterable[tuple[str, Iterable[Claim]]]) -> Iterator[tuple[str, Signature]]:
    """``(article_id, signature)`` for every ``(article_id, claims of that article)`` pair."""
    for article_id, claims in articles:
        yield article_id, article_signature(_unique(claims))


def reconcile_stories(stories: Iterable[tuple[str, Iterable[Claim]]]) -> Iterator[Group]:
    """The groups of every ``(story_id, all claims of that story)`` pair, each story on its own."""
    for _, claims in stories:
        yield from reconcile_story(claims)  # it keeps one claim per id and sorts them itself


def _as_story(item: tuple[str, list[Claim]], story_of: Mapping[str, str]) -> tuple[str, list[Claim]]:
    return story_of[item[0]], item[1]


def _groups_of(item: tuple[str, list[tuple[str, list[Claim]]]]) -> list[Group]:
    story, per_article = item
    return list(reconcile_stories([(story, [c for _, cs in per_article for c in cs])]))


def _first(item: tuple[str, list[Claim]]) -> str:
    return item[0]


def reconcile_bag(claims: Bag) -> Bag:
    """A bag of the groups of a bag of claims; the same groups as ``reconcile`` on one machine.

    Computes the per-article signatures now (one small value per article,
    gathered on the client) and keeps the claims grouped by article on the
    cluster (``persist``) so that extraction is not run twice; the groups
    themselves are computed when the returned bag is.
    """
    return _reconcile(claims)[1]


def reconcile_report(claims: Bag) -> Report:
    """The whole report on the client: equal to ``reconcile(claims.compute())`` on one machine.

    Holds every claim on the client; for a corpus too big for that, write the
    bag of :func:`reconcile_bag` out instead (``.map(Group.model_dump_json).to_textfiles(...)``).
    """
    by_article, groups = _reconcile(claims)
    dask = _dask()
    per_article, all_groups = dask.compute(by_article, groups)
    all_claims = [c for _, cs in per_article for c in cs]
    return Report(claims=_unique(all_claims), groups=sorted(all_groups, key=lambda g: g.id))


def _reconcile(claims: Bag) -> tuple[Bag, Bag]:
    """The claims grouped by article (persisted) and the lazy bag of groups."""
    dask = _dask()
    bag: Any = claims  # dask's Bag methods carry no annotations
    by_article = bag.groupby(_article_id, shuffle="tasks").persist()
    story_of = assign_stories(dict(by_article.map_partitions(_signature_list).compute()))
    # one node of the graph for the whole map, not a copy of it in every task
    shared = dask.delayed(story_of, pure=False, traverse=False)
    groups = (by_article.map(_as_story, story_of=shared)
              .groupby(_first, shuffle="tasks")
              .map(_groups_of)
              .flatten())
    return by_article, groups


def _signature_list(articles: Iterable[tuple[str, Iterable[Claim]]]) -> list[tuple[str, Signature]]:
    return list(signatures_of(articles))


def assign_stories(signatures: Mapping[str, Signature]) -> dict[str, str]:
    """Article id -> story id, from every article's signature: the one step that sees every article.

    Runs on the client (the driver); its input is one small value per article
    (:func:`reconcile.stories.assign_stories` on the values).
    """
    return _assign_stories(signatures)
