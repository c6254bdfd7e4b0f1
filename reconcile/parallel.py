"""Extraction over many articles: in order, on every core, in bounded memory.

:func:`extract_stream` takes the stream of :func:`reconcile.read_articles`
(articles and unreadable-article errors) and gives one :class:`Outcome` per
item, in input order: the article's claims (passed through ``render``, so a
worker can hand back JSON lines rather than records), or the error that stopped
it. With ``jobs > 1`` the articles go in chunks to a process pool
(:mod:`concurrent.futures`); only a few chunks per worker are in flight, so
memory does not grow with the input, and the result is the serial one. A small
input (less text than ``min_parallel_chars``, by default
:data:`MIN_PARALLEL_CHARS`) never starts the pool.

>>> from reconcile import Article
>>> items = [Article(id="a", text="Fifteen people were killed."), Article(id="b", text="No figure.")]
>>> [(o.item.id, [c.figure.low for c in o.rows or []]) for o in extract_stream(items)]
[('a', [15]), ('b', [])]
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from .errors import ReconcileError
from .extraction import extract
from .inputs import ArticleError
from .records import Article, Claim

__all__ = ["Outcome", "default_jobs", "extract_stream"]

T = TypeVar("T")

MIN_PARALLEL_CHARS = 200_000
"""Below this much text (about 0.2 s of extraction) a pool costs more than it saves."""
CHUNK_CHARS = 64_000
"""Text per task sent to a worker: large enough that the messages cost little, small enough to keep order cheap."""
CHUNK_ARTICLES = 256
IN_FLIGHT_PER_JOB = 3
"""Chunks queued per worker: enough that no worker waits, few enough that memory stays flat."""


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """One input item and what became of it: ``rows`` (rendered claims), or ``error``, or neither for a bad item."""

    item: Article | ArticleError
    rows: list[T] | None = None
    error: str | None = None


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - not Linux


def _identity(c: Claim) -> Claim:
    return c


def _one(article: Article, render: Callable[[Claim], T]) -> tuple[list[T] | None, str | None]:
    try:
        return [render(c) for c in extract(article)], None
    except Exception as e:  # a bug must name its article, not lose the batch
        return None, f"article {article.id}: {type(e).__name__}: {e}"


def _chunk(articles: list[Article], render: Callable[[Claim], T]) -> list[tuple[list[T] | None, str | None]]:
    return [_one(a, render) for a in articles]


def _context() -> multiprocessing.context.BaseContext:
    # fork where it is safe (Linux): the workers inherit the loaded word lists and compiled grammar
    # instead of importing them again (0.3 s each); the caller starts no thread before the pool.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover - not Linux


@overload
def extract_stream(items: Iterable[Article | ArticleError], *, jobs: int = 1,
                   min_parallel_chars: int | None = None) -> Iterator[Outcome[Claim]]: ...


@overload
def extract_stream(items: Iterable[Article | ArticleError], render: Callable[[Claim], T], *, jobs: int = 1,
                   min_parallel_chars: int | None = None) -> Iterator[Outcome[T]]: ...


def extract_stream(items: Iterable[Article | ArticleError], render: Callable[[Claim], Any] = _identity,
                   *, jobs: int = 1, min_parallel_chars: int | None = None) -> Iterator[Outcome[Any]]:
    """One :class:`Outcome` per item of ``items``, in order; claims extracted by ``jobs`` processes.

    ``render`` turns each claim into what the caller keeps; with ``jobs > 1`` it runs in the
    workers and must pickle (a module-level function). An exception while extracting one
    article becomes that outcome's ``error``; the other articles go on.
    """
    if jobs < 1:
        raise ReconcileError(f"jobs must be 1 or more, got {jobs}")
    if min_parallel_chars is None:
        min_parallel_chars = MIN_PARALLEL_CHARS
    it = iter(items)
    head: list[Article | ArticleError] = []
    if jobs > 1:
        size = 0
        for item in it:
            head.append(item)
            if isinstance(item, Article):
                size += len(item.text)
                if size >= min_parallel_chars:
                    break
        else:
            jobs = 1  # the whole input fits in the first look: not worth a pool
    if jobs == 1:
        for item in itertools.chain(head, it):
            if isinstance(item, Article):
                rows, error = _one(item, render)
                yield Outcome(item, rows, error)
            else:
                yield Outcome(item)
        return
    yield from _pooled(head, it, render, jobs)


def _chunks(head: list[Article | ArticleError], rest: Iterator[Article | ArticleError]
            ) -> Iterator[list[Article | ArticleError]]:
    chunk: list[Article | ArticleError] = []
    size = 0
    for source in (head, rest):
        for item in source:
            chunk.append(item)
            if isinstance(item, Article):
                size += len(item.text) + 200
            if size >= CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES:
                yield chunk
                chunk, size = [], 0
    if chunk:
        yield chunk


def _pooled(head: list[Article | ArticleError], rest: Iterator[Article | ArticleError],
            render: Callable[[Claim], T], jobs: int) -> Iterator[Outcome[T]]:
    window: deque[tuple[list[Article | ArticleError], Future[list[tuple[list[T] | None, str | None]]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    try:
        def drain_one() -> Iterator[Outcome[T]]:
            chunk, future = window.popleft()
            try:
                results = iter(future.result())
            except BrokenProcessPool as e:
                ids = ", ".join(a.id for a in chunk if isinstance(a, Article))
                raise ReconcileError(f"a worker process died while extracting articles {ids} ({e}); "
                                     "run again with --jobs 1 to see which article") from e
            for item in chunk:
                if isinstance(item, Article):
                    rows, error = next(results)
                    yield Outcome(item, rows, error)
                else:
                    yield Outcome(item)

        for chunk in _chunks(head, rest):
            articles = [a for a in chunk if isinstance(a, Article)]
            window.append((chunk, pool.submit(_chunk, articles, render)))
            while len(window) >= jobs * IN_FLIGHT_PER_JOB:
                yield from drain_one()
        while window:
            yield from drain_one()
    finally:  # also when the caller stops early (a bad article without --keep-going)
        pool.shutdown(wait=True, cancel_futures=True)
