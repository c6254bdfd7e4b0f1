"""Extraction over many articles: in order, on every core, in bounded memory.

:func:`extract_stream` takes the stream of :func:`reconcile.read_articles`
(articles and unreadable-article errors) and gives one :class:`Outcome` per
item, in input order: the article's claims (passed through ``render``, so a
worker can hand back JSON lines rather than records), or the error that stopped
it. With ``jobs > 1`` the articles go in chunks to ``jobs`` worker processes,
through a pipe each way; only a few chunks per worker are in flight, so
memory does not grow with the input, and the result is the serial one. A small
input (less text than ``min_parallel_chars``, by default
:data:`MIN_PARALLEL_CHARS`) never starts the pool.

>>> from reconcile import Article
>>> items = [Article(id="a", text="Fifteen people were killed."), Article(id="b", text="No figure.")]
>>> [(o.item.id, [c.figure.low for c in o.rows or []]) for o in extract_stream(items)]
[('a', [15]), ('b', [])]
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeAlias, TypeVar, overload

from .errors import ReconcileError
from .extraction import extract
from .inputs import ArticleError
from .records import Article, Claim

__all__ = ["Outcome", "default_jobs", "extract_stream"]

T = TypeVar("T")
_Context: TypeAlias = "multiprocessing.context.ForkContext | multiprocessing.context.DefaultContext"

MIN_PARALLEL_CHARS = 200_000
"""Below this much text (about 0.2 s of extraction) a pool costs more than it saves."""
CHUNK_CHARS = 64_000
"""Text per task sent to a worker: large enough that the messages cost little, small enough to keep order cheap."""
CHUNK_ARTICLES = 256
IN_FLIGHT_PER_JOB = 3
"""Chunks sent and not yet given back, per worker: few enough that memory stays flat, enough that a
worker goes on while the parent waits for the oldest chunk (input order)."""
QUEUED_PER_WORKER = 2
"""Chunks a worker holds: the one it extracts and the next, so that it never waits for the parent;
no more, so that at the end of the input no worker still holds a queue while the other has none."""


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


def _context() -> _Context:
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


class _Worker:
    """A process that extracts the chunks sent to it, one after the other, with a pipe each way.

    The parent talks to it from its own thread alone (no feeder or manager threads to contend
    with for the interpreter), and its pipes are widened where the system allows, so that a
    worker hands back a chunk and reads the next one without waiting for the parent.
    """

    def __init__(self, ctx: _Context, render: Callable[[Claim], Any], others: list[Connection]) -> None:
        tasks_in, self.tasks = ctx.Pipe(duplex=False)
        self.results, results_out = ctx.Pipe(duplex=False)
        self.room = _widen(self.tasks)  # bytes the parent may queue without blocking
        _widen(results_out)
        # a forked child has a copy of every pipe open in the parent; it closes the parent's ends, so
        # that it sees the end of its tasks when the parent closes them (and no worker keeps another's open)
        inherited = [*others, self.tasks, self.results] if ctx.get_start_method() == "fork" else []
        self.process = ctx.Process(target=_serve, args=(tasks_in, results_out, render, inherited), daemon=True)
        self.process.start()
        tasks_in.close()  # the worker's ends: a dead worker then reads as the end of its results pipe
        results_out.close()
        self.sent: deque[_Task] = deque()  # sent and not yet answered, in the order sent

    def takes(self, task: _Task) -> bool:
        """Whether the task can be queued now without the parent blocking on a full pipe."""
        if not self.sent:
            return True  # the worker is reading: a send of any size goes through
        return (len(self.sent) < QUEUED_PER_WORKER
                and sum(len(t.data) for t in self.sent) + len(task.data) + _PIPE_SLACK <= self.room)

    def send(self, task: _Task) -> None:
        try:
            self.tasks.send_bytes(task.data)
        except OSError as e:  # not a BrokenPipeError for the caller: that is a closed stdout
            raise self._died(self.sent[0] if self.sent else task) from e
        self.sent.append(task)

    def receive(self) -> None:
        """The answer to the oldest task sent (it is ready to read)."""
        task = self.sent.popleft()
        try:
            task.results = pickle.loads(self.results.recv_bytes())
        except (EOFError, OSError) as e:
            raise self._died(task) from e

    def _died(self, task: _Task) -> ReconcileError:
        self.process.join(1)
        ids = ", ".join(a.id for a in task.chunk if isinstance(a, Article))
        return ReconcileError(f"a worker process died (exit code {self.process.exitcode}) while extracting "
                              f"articles {ids}; run again with --jobs 1 to see which article")

    def stop(self) -> None:
        """End the worker: at once when it still has work (the caller stopped early), else by an empty task."""
        if self.sent:
            self.process.terminate()
        else:
            with contextlib.suppress(OSError):  # a worker that died has nothing to be told
                self.tasks.send_bytes(b"")
        self.process.join()
        self.tasks.close()
        self.results.close()


@dataclass(slots=True)
class _Task:
    chunk: list[Article | ArticleError]
    data: bytes  # the chunk's articles, pickled
    results: list[tuple[Any, str | None]] | None = None


def _widen(conn: Connection) -> int:
    """Make a pipe hold up to 1 MiB where the system allows it (Linux); the bytes it holds."""
    if sys.platform == "linux":
        import fcntl

        with contextlib.suppress(OSError):
            return int(fcntl.fcntl(conn.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES))
        with contextlib.suppress(OSError):
            return int(fcntl.fcntl(conn.fileno(), _F_GETPIPE_SZ))
    return _PIPE_BUF  # pragma: no cover - not Linux: only what POSIX promises


_F_SETPIPE_SZ = 1031
_F_GETPIPE_SZ = 1032
_PIPE_BYTES = 1 << 20
_PIPE_BUF = 512
_PIPE_SLACK = 8192  # the messages' length headers, and the page the worker is part-way through


def _serve(tasks: Connection, results: Connection, render: Callable[[Claim], Any], inherited: list[Connection]
           ) -> None:
    """A worker's life: extract each chunk read from ``tasks`` and send back its rows, until the pipe ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends the workers
    for conn in inherited:
        conn.close()
    with contextlib.suppress(EOFError, BrokenPipeError):  # the parent is gone: nobody to answer
        while data := tasks.recv_bytes():  # an empty task: the end
            results.send_bytes(pickle.dumps(_chunk(pickle.loads(data), render), pickle.HIGHEST_PROTOCOL))


def _pooled(head: list[Article | ArticleError], rest: Iterator[Article | ArticleError],
            render: Callable[[Claim], T], jobs: int) -> Iterator[Outcome[T]]:
    ctx = _context()
    workers: list[_Worker] = []
    try:
        for _ in range(jobs):
            workers.append(_Worker(ctx, render, [c for w in workers for c in (w.tasks, w.results)]))
        by_pipe = {w.results: w for w in workers}
        window: deque[_Task] = deque()  # tasks in input order, until their outcomes are given

        def collect(timeout: float | None) -> None:
            busy = [w.results for w in workers if w.sent]
            for conn in wait(busy, timeout) if busy else ():
                by_pipe[conn].receive()  # type: ignore[index]

        def ready() -> Iterator[Outcome[T]]:
            while window and window[0].results is not None:
                task = window.popleft()
                results = iter(task.results or ())
                for item in task.chunk:
                    if isinstance(item, Article):
                        rows, error = next(results)
                        yield Outcome(item, rows, error)
                    else:
                        yield Outcome(item)

        for chunk in _chunks(head, rest):
            articles = [a for a in chunk if isinstance(a, Article)]
            task = _Task(chunk, pickle.dumps(articles, pickle.HIGHEST_PROTOCOL))
            while True:
                collect(0)
                yield from ready()
                free = [w for w in workers if w.takes(task)]
                if free and len(window) < jobs * IN_FLIGHT_PER_JOB:
                    break
                collect(None)
            min(free, key=lambda w: len(w.sent)).send(task)
            window.append(task)
        while window:
            collect(None)
            yield from ready()
    finally:  # also when the caller stops early (a bad article without --keep-going)
        for w in workers:
            w.stop()
