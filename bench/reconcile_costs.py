"""The floor of reconciling: what any implementation of the current output contract must pay per claim.

    python bench/reconcile_costs.py [N]

On the synthetic claims of ``bench/reconcile_scale.py`` (N, by default 20,000), this counts what
the output holds per claim (relations, groups, timeline entries) and measures the cheapest way
this code base has to make each piece of it: a :class:`Relation` built by ``records.trusted``
with its explanation string, a :class:`Group` with its :class:`Summary` and timeline built the
same way, a claim packed to a row of plain values and spilled with :mod:`marshal` (a million
claims as records are some 4 GB, over the 2 GB of issue 13), and the reading of each sentence's
words once (lower-cased, split, each word looked up in a dict: cheaper than any `regex` scan).
Only the making of each output record is counted, from values ready at hand: not the deciding
of which claims are one quantity, nor which label a relation has, nor the story links. The sum is thus a floor, below what any pure-Python implementation of this output
can reach, not an estimate of one; the whole cost of ``reconcile_groups`` is shown beside it.

Also shown, apart: the JSON lines a ``reconcile compare`` run reads and writes (a claim read
with ``Claim.model_validate_json`` and written with ``model_dump_json``, a group written with
``model_dump_json``), and the one-off load of the gazetteers. Issue 13's target, a million
claims in 30 s on one core, is 30 µs a claim. Times are CPU times, best of a few runs.
"""

from __future__ import annotations

import datetime as dt
import gc
import marshal
import sys
import time
from collections.abc import Callable

import regex
from _timing import best_of
from reconcile_scale import synthetic

from reconcile.compact import pack, reconcile_groups, unpack
from reconcile.records import Claim, Group, Relation, Summary, TimelineEntry, trusted

TARGET_US = 30.0
"""Issue 13: 1,000,000 claims in 30 s."""


def best_cpu(f: Callable[[], object], repeat: int = 5) -> float:
    gc.disable()  # as reconcile_groups runs
    try:
        return best_of(f, repeat, clock=time.process_time)
    finally:
        gc.enable()


def _fmt_date(d: dt.date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else "date unknown"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    claims = synthetic(n)
    by_id = {c.id: c for c in claims}

    t0 = time.process_time()
    from reconcile import gazetteer
    gazetteer.lookup("Nepal")
    gazetteer.lookup("Xanadu Flats")  # the city aliases too
    load = time.process_time() - t0

    whole = best_cpu(lambda: sum(1 for _ in reconcile_groups(iter(claims))), repeat=3)
    groups = list(reconcile_groups(iter(claims)))
    relations = [(r, by_id[r.a], by_id[r.b]) for g in groups for r in g.relations]
    entries = [t for g in groups for t in g.summary.timeline]
    sentences = sorted({(c.article_id, c.sentence_start): c.sentence for c in claims}.items())
    texts = [s for _, s in sentences]

    rows: list[tuple[str, float, float]] = []  # (step, count a claim, µs each)

    # --- the grouping floor: reconcile_groups' own output ------------------------------------------
    # a relation from two claims' ready descriptions ("34,789 (ministry, 7 May 2024)"): an f-string
    # for the explanation and a record built without validation, as reconciliation._relate does
    described = {c.id: f"{c.figure.text} ({c.source.issuer if c.source else c.article_id}, "
                       f"{_fmt_date(c.published)})" for c in claims}
    pairs = [(a.id, b.id, described[a.id], described[b.id]) for _, a, b in relations]
    why = "agree: both can hold at once."

    def make_relations() -> None:
        for a, b, da, db in pairs:
            trusted(Relation, {"a": a, "b": b, "relation": "consistent", "order_known": True,
                               "explanation": f"{da} and {db} {why}"})

    t = best_cpu(make_relations)
    rows.append(("relation (trusted record + explanation)", len(relations) / n, t / len(relations) * 1e6))

    # a timeline entry per report, from its claim's fields (as reconciliation._summary makes it)
    reports = [by_id[e.claim_id] for e in entries]

    def make_entries() -> None:
        for c in reports:
            trusted(TimelineEntry, {"date": c.reported_date.label if c.reported_date else None, "claim_id": c.id,
                                    "article_id": c.article_id, "figure": c.figure.text, "low": c.figure.low,
                                    "high": c.figure.high, "issuer": c.source.issuer if c.source else None,
                                    "outlet": c.publisher})

    t = best_cpu(make_entries)
    rows.append(("timeline entry (trusted record)", len(entries) / n, t / len(entries) * 1e6))

    # a group and its summary from values ready at hand (ids, label, why, lists already made)
    fields = [(dict(g.summary.__dict__), dict(g.__dict__)) for g in groups]

    def make_groups() -> None:
        for s, g in fields:
            summary = trusted(Summary, {**s, "latest_by_issuer": dict(s["latest_by_issuer"])})
            trusted(Group, {**g, "summary": summary})

    t = best_cpu(make_groups)
    rows.append(("group + summary (trusted records)", len(groups) / n, t / len(groups) * 1e6))

    # a claim packed to a row of plain values: what holding a million claims in 2 GB needs (as records
    # they are some 4 GB); spilled with marshal an article at a time and read back
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    runs = list(by_article.values())
    t = best_cpu(lambda: [[pack(c) for c in run] for run in runs])
    rows.append(("pack (a claim as a row of plain values)", 1.0, t / n * 1e6))
    packed = [[pack(c) for c in run] for run in runs]
    t = best_cpu(lambda: [marshal.loads(marshal.dumps(rs)) for rs in packed])
    rows.append(("marshal.dumps + marshal.loads of the row", 1.0, t / n * 1e6))

    # the sentence read once, for all its claims: lower-cased, split into words, each word looked up
    # in a dict of cue words (the cheapest reading of a sentence's words: a regex scan of a word
    # list costs more, shown below)
    from reconcile.scope import _patterns, scope_words
    cue_words = {w: role for (w, role) in scope_words()}
    t = best_cpu(lambda: [[cue_words.get(w) for w in s.lower().split()] for s in texts])
    rows.append(("a sentence's words read once (split + dict)", len(texts) / n, t / len(texts) * 1e6))

    # beyond the floor, for scale: what the current path pays for the same pieces
    beyond: list[tuple[str, float, float]] = []
    words = _patterns()
    t = best_cpu(lambda: [words.search(s) for s in texts])
    beyond.append(("a regex search of the scope words, a sentence", len(texts) / n, t / len(texts) * 1e6))
    blobs = [marshal.dumps(rs) for rs in packed]
    t = best_cpu(lambda: [[unpack(r) for r in marshal.loads(b)] for b in blobs]) - \
        best_cpu(lambda: [marshal.loads(b) for b in blobs])
    beyond.append(("unpack: a row rebuilt as Claim records", 1.0, t / n * 1e6))
    from reconcile.stories import _EVENT, _NAME
    t = best_cpu(lambda: [(_EVENT.findall(s), _NAME.findall(s)) for s in texts])
    beyond.append(("the signature's two scans of a sentence", len(texts) / n, t / len(texts) * 1e6))

    floor = sum(k * us for _, k, us in rows)

    # --- the JSON lines of a command-line run ---------------------------------------------------
    io: list[tuple[str, float, float]] = []
    lines = [c.model_dump_json() for c in claims]
    t = best_cpu(lambda: [Claim.model_validate_json(s) for s in lines])
    io.append(("read a claim (Claim.model_validate_json)", 1.0, t / n * 1e6))
    t = best_cpu(lambda: [c.model_dump_json() for c in claims])
    io.append(("write a claim (model_dump_json)", 1.0, t / n * 1e6))
    t = best_cpu(lambda: [g.model_dump_json() for g in groups])
    io.append(("write a group (model_dump_json)", len(groups) / n, t / len(groups) * 1e6))
    with_io = floor + sum(k * us for _, k, us in io)

    # for scale: one search of a short pattern, the least a pattern call costs
    short = regex.compile(r"\bsince\b", regex.IGNORECASE)
    one_search = best_cpu(lambda: [short.search(s) for s in texts]) / len(texts) * 1e6

    print(f"{n:,} synthetic claims: {len(groups):,} groups, {len(relations):,} relations, "
          f"{len(entries):,} timeline entries, {len(texts):,} sentences ({n / len(texts):.2f} claims a sentence)")
    print(f"{'step':<46}{'a claim':>9}{'µs each':>10}{'µs a claim':>12}")
    for name, k, us in rows:
        print(f"{name:<46}{k:>9.2f}{us:>10.2f}{k * us:>12.2f}")
    print(f"{'floor of reconcile_groups (sum)':<65}{floor:>12.2f}")
    print(f"{'left of the 30 µs target':<65}{TARGET_US - floor:>12.2f}")
    for name, k, us in io:
        print(f"{name:<46}{k:>9.2f}{us:>10.2f}{k * us:>12.2f}")
    print(f"{'floor with the JSON lines read and written':<65}{with_io:>12.2f}")
    print(f"{'left of the 30 µs target':<65}{TARGET_US - with_io:>12.2f}")
    print("beyond the floor, as the current path pays them:")
    for name, k, us in beyond:
        print(f"{name:<46}{k:>9.2f}{us:>10.2f}{k * us:>12.2f}")
    print(f"gazetteers' load, once: {load:.2f} CPU s ({load * 1e6 / 1_000_000:.2f} µs a claim at 1,000,000)")
    print(f"one search of a short pattern on a sentence: {one_search:.2f} µs")
    print(f"reconcile_groups now: {whole / n * 1e6:.1f} µs a claim ({whole:.2f} CPU s; the gazetteers loaded)")


if __name__ == "__main__":
    main()
