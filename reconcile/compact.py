"""Reconciling a stream of claims in bounded memory: compact rows, one story's records at a time.

:func:`reconcile.reconciliation.reconcile` holds every :class:`Claim` record at once (about 4 KB
each with its sentence) and returns them in its report. Here claims are read once, as they come:

1. each claim is packed into a row of plain values (strings, ints, ordinals of dates) and spilled,
   an article's rows together, to a temporary file; what stays in memory is the claim's id (a
   repeated id is dropped, the first kept, as :func:`reconcile` does) and, per article, where its
   rows lie and its story signature (:func:`reconcile.stories.article_signature`, computed when the
   article's claims have all come: an article's claims come together from ``extract``; an article
   whose claims come in several runs is signed at the end, from its rows);
2. every article gets its story from the signatures alone (:func:`reconcile.stories.assign_stories`);
3. story by story, its rows are read back and rebuilt as records without validation (they were
   valid records when packed), grouped by :func:`reconcile.reconciliation.reconcile_story`, and
   dropped.

Peak memory is then the ids and signatures plus one story's records, and the groups are the
same as :func:`reconcile`'s. :func:`reconcile_groups` yields them story by story;
:func:`compare` renders them for ``reconcile compare`` (the same bytes as
:func:`reconcile.output.write_report` of :func:`reconcile`'s report), spilling each rendered
group to a temporary file and writing them in the order of their ids at the end.

>>> from reconcile import extract, reconcile
>>> claims = extract("Quake in Nepal\\n\\nThe quake killed 1,100 people.", id="a", published="2015-04-26")
>>> claims += extract("Nepal quake\\n\\nThe toll from the quake rose to 4,010.", id="b", published="2015-04-27")
>>> [g.id for g in reconcile_groups(iter(claims))] == [g.id for g in reconcile(claims).groups]
True
"""

from __future__ import annotations

import datetime as dt
import gc
import marshal
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any, TextIO

from .errors import InputTypeError, ReconcileError
from .output import FORMATS, claim_text, console_for, group_text, json_array, report_head, write_report
from .parallel import IN_FLIGHT_PER_JOB, _context
from .reconciliation import reconcile_story
from .records import (
    Attribution,
    Claim,
    DatePeriod,
    Figure,
    FigureKind,
    Group,
    Metric,
    Precision,
    Qualifier,
    Report,
    trusted,
)
from .stories import Signature, article_signature, assign_stories

__all__ = ["Compared", "compare", "pack", "reconcile_groups", "unpack"]

# --- packing: a claim as a row of plain values, and back ------------------------------------------------

_METRIC = {m.value: m for m in Metric}
_QUALIFIER = {q.value: q for q in Qualifier}
_KIND = {k.value: k for k in FigureKind}
_PRECISION = {p.value: p for p in Precision}
_Bound = int | Decimal | None


def _bound(v: _Bound) -> int | str | None:
    return str(v) if isinstance(v, Decimal) else v  # marshal has no Decimal; a bound is never a str


def _unbound(v: int | str | None) -> _Bound:
    return Decimal(v) if isinstance(v, str) else v


def _period(p: DatePeriod | None) -> tuple[int, int, str] | None:
    return None if p is None else (p.start.toordinal(), p.end.toordinal(), p.precision.value)


@lru_cache(maxsize=4096)
def _unperiod(t: tuple[int, int, str] | None) -> DatePeriod | None:
    """A period back from its ordinals. Periods, days and sources repeat and records are
    immutable: claims read back share them (a third of the cost of reading a claim back)."""
    if t is None:
        return None
    return trusted(DatePeriod, {"start": dt.date.fromordinal(t[0]), "end": dt.date.fromordinal(t[1]),
                                "precision": _PRECISION[t[2]]})


@lru_cache(maxsize=4096)
def _day(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


@lru_cache(maxsize=4096)
def _source(t: tuple[str, str, str | None] | None) -> Attribution | None:
    return None if t is None else trusted(Attribution, {"text": t[0], "issuer": t[1], "relay": t[2]})


def pack(c: Claim) -> tuple[Any, ...]:
    """A claim as a tuple of plain values that :mod:`marshal` writes (every field, in order)."""
    f = c.figure
    s = c.source
    return (c.id, c.article_id,
            (_bound(f.low), _bound(f.high), f.approximate, f.vague, f.qualifier.value, f.kind.value, f.text,
             f.start, f.end, f.hedge, f.currency, f.unit),
            c.metric.value, c.who, c.place, None if s is None else (s.text, s.issuer, s.relay), c.publisher,
            None if c.published is None else c.published.toordinal(), _period(c.event_date), c.event_date_from,
            _period(c.reported_date), c.sentence, c.sentence_start, c.names)


def unpack(row: tuple[Any, ...]) -> Claim:
    """The claim :func:`pack` packed, equal to it, built without validation."""
    (cid, article_id, fig, metric, who, place, source, publisher, published, event_date, event_date_from,
     reported_date, sentence, sentence_start, names) = row
    figure = trusted(Figure, {
        "low": _unbound(fig[0]), "high": _unbound(fig[1]), "approximate": fig[2], "vague": fig[3],
        "qualifier": _QUALIFIER[fig[4]], "kind": _KIND[fig[5]], "text": fig[6], "start": fig[7], "end": fig[8],
        "hedge": fig[9], "currency": fig[10], "unit": fig[11]})
    return trusted(Claim, {
        "id": cid, "article_id": article_id, "figure": figure, "metric": _METRIC[metric], "who": who,
        "place": place,
        "source": _source(source), "publisher": publisher, "published": _day(published),
        "event_date": _unperiod(event_date), "event_date_from": event_date_from,
        "reported_date": _unperiod(reported_date), "sentence": sentence, "sentence_start": sentence_start,
        "names": names})


class _Spill:
    """Bytes appended to a temporary file and read back by place."""

    def __init__(self) -> None:
        self._fh: IO[bytes] = tempfile.TemporaryFile()
        self._end = 0
        self._at_end = True

    def put(self, data: bytes) -> tuple[int, int]:
        if not self._at_end:
            self._fh.seek(self._end)
            self._at_end = True
        self._fh.write(data)
        where = (self._end, len(data))
        self._end += len(data)
        return where

    def get(self, where: tuple[int, int]) -> bytes:
        self._at_end = False
        self._fh.seek(where[0])
        return self._fh.read(where[1])

    def close(self) -> None:
        self._fh.close()


class _Store:
    """The claims of a stream, packed and spilled an article at a time, with each article's signature."""

    def __init__(self) -> None:
        self.spill = _Spill()
        self.chunks: dict[str, list[tuple[int, int]]] = {}
        self.signatures: dict[str, Signature] = {}
        self.count = 0
        self._seen: set[str] = set()
        self._split: set[str] = set()

    def read(self, claims: Iterable[Claim]) -> None:
        article: str | None = None
        run: list[Claim] = []
        seen = self._seen
        for c in claims:
            if not isinstance(c, Claim):
                raise InputTypeError(f"reconcile expects Claim records, got {type(c).__name__}")
            if c.id in seen:
                continue  # the first of a repeated id is kept, as reconcile() keeps it
            seen.add(c.id)
            if c.article_id != article:
                if run:
                    self._flush(run)
                article, run = c.article_id, []
            run.append(c)
        if run:
            self._flush(run)
        self.count = len(seen)
        self._seen = set()
        for a in sorted(self._split):  # an article whose claims came in several runs: signed from all of them
            self.signatures[a] = article_signature(sorted(self.load(a), key=lambda c: c.id))
        self._split = set()

    def _flush(self, run: list[Claim]) -> None:
        a = run[0].article_id
        where = self.spill.put(marshal.dumps([pack(c) for c in run]))
        if a in self.chunks:
            self.chunks[a].append(where)
            self._split.add(a)
        else:
            self.chunks[a] = [where]
            self.signatures[a] = article_signature(sorted(run, key=lambda c: c.id))

    def load(self, article: str) -> list[Claim]:
        return [unpack(row) for where in self.chunks[article] for row in marshal.loads(self.spill.get(where))]


def _members(store: _Store) -> list[list[str]]:
    """The articles of each story (by id), stories by their id (the smallest article id of each)."""
    story_of = assign_stories(store.signatures.values())
    store.signatures = {}
    members: dict[str, list[str]] = {}
    for a in sorted(story_of):
        members.setdefault(story_of[a], []).append(a)
    return [members[story] for story in sorted(members)]


def _grouped(records: list[Claim]) -> list[Group]:
    """One story's groups, by id (``records`` are put in reconcile()'s order)."""
    records.sort(key=lambda c: (c.article_id, c.figure.start, c.id))
    groups = reconcile_story(records)
    groups.sort(key=lambda g: g.id)
    return groups


def _stories(claims: Iterable[Claim]) -> Iterator[tuple[list[Claim], list[Group]]]:
    """Each story's claims (in reconcile()'s order) and groups (by id), stories by their id."""
    store = _Store()
    enabled = gc.isenabled()
    try:
        store.read(claims)  # the collector as the caller has it: the claims may be extracted as they come
        gc.disable()  # as in reconcile(): many small records and no cycles, which the collector would rescan
        for articles in _members(store):
            records = [c for a in articles for c in store.load(a)]
            groups = _grouped(records)
            if enabled:
                gc.enable()  # the caller's code between stories runs as it would
            yield records, groups
            gc.disable()
    finally:
        store.spill.close()
        if enabled:
            gc.enable()


def reconcile_groups(claims: Iterable[Claim]) -> Iterator[Group]:
    """The groups of :func:`reconcile` (the same records), story by story, reading ``claims`` once.

    Groups come ordered by id within a story, stories in the order of their ids (the smallest
    article id of each); :func:`reconcile` orders all groups by id. Nothing is yielded before
    the last claim has been read (stories need every article).
    """
    for _, groups in _stories(claims):
        yield from groups


class Compared:
    """What :func:`compare` found, ready to write: the rendered groups (and claims) in a temporary file."""

    def __init__(self, fmt: str, spill: _Spill, claims: list[tuple[str, tuple[int, int]]],
                 groups: list[tuple[str, tuple[int, int]]], held: list[Group]) -> None:
        self.fmt = fmt
        self._spill = spill
        self._claims = claims
        self._groups = groups
        self._held = held

    def _texts(self, index: list[tuple[str, tuple[int, int]]]) -> Iterator[str]:
        for _, where in sorted(index):  # by article id (claims) or group id
            yield self._spill.get(where).decode("utf-8")

    def write(self, out: TextIO) -> None:
        """Write the report to ``out``, byte for byte as :func:`reconcile.output.write_report` would."""
        try:
            if self.fmt == "json":
                out.write('{\n  "claims": ')
                json_array(out, self._texts(self._claims))
                out.write(',\n  "groups": ')
                json_array(out, self._texts(self._groups))
                out.write("\n}\n")
            elif self.fmt == "table" and console_for(out).is_terminal:
                write_report(Report.model_construct(claims=[], groups=self._held), "table", out)
            elif self.fmt in ("markdown", "table") and not self._groups:
                write_report(Report.model_construct(claims=[], groups=[]), self.fmt, out)
            else:
                out.write(report_head(self.fmt))
                for text in self._texts(self._groups):
                    out.write(text)
        finally:
            self._spill.close()


def compare(claims: Iterable[Claim], fmt: str, terminal: bool = False, jobs: int = 1,
            min_parallel_claims: int | None = None) -> Compared:
    """Reconcile ``claims`` (read once) and render the report in one of
    :data:`reconcile.output.FORMATS`; :meth:`Compared.write` writes it. A ``table`` for a
    ``terminal`` keeps its groups (not their claims) until then, to draw them at its width.

    With ``jobs > 1``, stories are grouped and rendered by that many processes, a batch of
    stories a task (:data:`BATCH_BYTES`), when there are ``min_parallel_claims`` claims or
    more (by default :data:`MIN_PARALLEL_CLAIMS`); the report is the same, byte for byte.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, got {jobs}")
    spill = _Spill()
    claim_index: list[tuple[str, tuple[int, int]]] = []
    group_index: list[tuple[str, tuple[int, int]]] = []
    held: list[Group] = []
    try:
        for claim_texts, group_texts, held_here in _rendered(claims, fmt, terminal, jobs, min_parallel_claims):
            for a, text in claim_texts:
                claim_index.append((a, spill.put(text.encode("utf-8"))))
            for gid, text in group_texts:
                group_index.append((gid, spill.put(text.encode("utf-8"))))
            held.extend(held_here)
    except BaseException:
        spill.close()
        raise
    return Compared(fmt, spill, claim_index, group_index, held)


_Rendered = tuple[list[tuple[str, str]], list[tuple[str, str]], list[Group]]
"""One story rendered: (article id, its claims' text) for json, (group id, its text), groups held for a terminal."""
MIN_PARALLEL_CLAIMS = 20_000
"""Below this many claims (about 5 s of grouping) :func:`compare` groups in its own process."""
BATCH_BYTES = 1_000_000
"""Packed rows of the stories sent to a worker in one task (some 2,000 claims): enough that the
messages cost little, few enough that a batch's groups are back soon."""


def _render(records: list[Claim], groups: list[Group], fmt: str, terminal: bool) -> _Rendered:
    claim_texts = list(_article_claims(records)) if fmt == "json" else []
    group_texts: list[tuple[str, str]] = []
    held: list[Group] = []
    by_id = {c.id: c for c in records} if fmt in ("jsonl", "csv") else {}
    for g in groups:
        if fmt == "table" and terminal:
            if len(g.claim_ids) >= 2:
                held.append(g)
            continue
        rendered = group_text(g, fmt, by_id)
        if rendered is not None:
            group_texts.append((g.id, rendered))
    return claim_texts, group_texts, held


def _render_batch(stories: list[list[bytes]], fmt: str, terminal: bool) -> list[_Rendered]:
    """In a worker: each story of the batch (its articles' packed rows) grouped and rendered."""
    enabled = gc.isenabled()
    gc.disable()  # as in reconcile(): many small records and no cycles
    try:
        out = []
        for chunks in stories:
            records = [unpack(row) for data in chunks for row in marshal.loads(data)]
            out.append(_render(records, _grouped(records), fmt, terminal))
        return out
    finally:
        if enabled:
            gc.enable()


def _rendered(claims: Iterable[Claim], fmt: str, terminal: bool, jobs: int,
              min_parallel_claims: int | None) -> Iterator[_Rendered]:
    """Each story rendered, stories by their id: grouped here, or by ``jobs`` workers."""
    store = _Store()
    try:
        store.read(claims)
        floor = MIN_PARALLEL_CLAIMS if min_parallel_claims is None else min_parallel_claims
        if jobs == 1 or store.count < floor:
            enabled = gc.isenabled()
            gc.disable()
            try:
                for articles in _members(store):
                    records = [c for a in articles for c in store.load(a)]
                    yield _render(records, _grouped(records), fmt, terminal)
            finally:
                if enabled:
                    gc.enable()
            return
        yield from _pooled(store, _members(store), fmt, terminal, jobs)
    finally:
        store.spill.close()


def _pooled(store: _Store, stories: list[list[str]], fmt: str, terminal: bool, jobs: int) -> Iterator[_Rendered]:
    """Batches of stories grouped by a pool of ``jobs`` processes, their results in story order."""
    def batches() -> Iterator[list[list[bytes]]]:
        batch: list[list[bytes]] = []
        size = 0
        for articles in stories:
            chunks = [store.spill.get(where) for a in articles for where in store.chunks[a]]
            batch.append(chunks)
            size += sum(map(len, chunks))
            if size >= BATCH_BYTES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    window: deque[Future[list[_Rendered]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    try:
        def drain() -> list[_Rendered]:
            try:
                return window.popleft().result()
            except BrokenProcessPool as e:
                raise ReconcileError(f"a worker process died while grouping stories ({e}); "
                                     "run again with --jobs 1") from e

        for batch in batches():
            window.append(pool.submit(_render_batch, batch, fmt, terminal))
            while len(window) >= jobs * IN_FLIGHT_PER_JOB:
                yield from drain()
        while window:
            yield from drain()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _article_claims(records: list[Claim]) -> Iterator[tuple[str, str]]:
    """Each article's claims as one piece of the "claims" array (records come in (article, start, id) order)."""
    article = ""
    texts: list[str] = []
    for c in records:
        if c.article_id != article:
            if texts:
                yield article, ",\n".join(texts)
            article, texts = c.article_id, []
        texts.append(claim_text(c))
    if texts:
        yield article, ",\n".join(texts)
