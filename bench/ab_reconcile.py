"""Grouping with two checkouts in one process, interleaved, and whether their groups are the same bytes.

    python bench/ab_reconcile.py BASE_CHECKOUT [NEW_CHECKOUT] [--n 100000] [--rounds 4] [--only TASK]

As ``bench/ab_extract.py`` does for extraction: each checkout's ``reconcile`` package is copied
under another name (``reconcile_a``, ``reconcile_b``) and :func:`reconcile.compact.reconcile_groups`
is timed (CPU seconds, the gazetteers loaded beforehand) on the synthetic claims of
``bench/reconcile_scale.py`` with each, round by round, the first of a round alternating. Also
timed apart: reading every claim's scope (``scope.read``, as grouping calls it) and signing
every article (``stories.article_signature``). Prints the sha256 of every group's
``model_dump_json`` in order, for each checkout: the same digest is the same output.
NEW_CHECKOUT is this checkout by default.

A checkout against itself (2026-12-01, 10k claims): scope.read 1.05, article_signature 1.01,
but reconcile_groups 1.15, the second package the slower (its records and caches are made after
the first's): time the whole of grouping in fresh processes instead (``bench/reconcile_scale.py``
run with each checkout on PYTHONPATH, in turn).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _ab import ab_parser, two_packages
from reconcile_scale import synthetic

ROOT = Path(__file__).resolve().parent.parent


def _cpu(f: Callable[[], object]) -> float:
    gc.collect()
    c0 = time.process_time()
    f()
    return time.process_time() - c0


def _reads(mod: Any, claims: list[Any]) -> Callable[[], object]:
    """Every claim's scope read as grouping reads it (its neighbours in its sentence as ``others``)."""
    by_sentence: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.article_id, c.sentence_start)].append(c)
    jobs = []
    for group in by_sentence.values():
        group.sort(key=lambda c: (c.figure.start, c.figure.end, c.id))
        for i, c in enumerate(group):
            near = (group[i - 1] if i else None, group[i + 1] if i + 1 < len(group) else None)
            jobs.append((c, [(x.figure.start - x.sentence_start, x.figure.end - x.sentence_start)
                             for x in near if x is not None]))
    read = mod.scope.read

    def run() -> None:
        for c, others in jobs:
            read(c, others)
    return run


def _signs(mod: Any, claims: list[Any]) -> Callable[[], object]:
    by_article: dict[str, list[Any]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    runs = [sorted(cs, key=lambda c: c.id) for cs in by_article.values()]
    sign = mod.stories.article_signature
    return lambda: [sign(r) for r in runs]


def main() -> None:
    ap = ab_parser(__doc__, ROOT)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--only", choices=["reconcile_groups", "scope.read", "article_signature"], default=None,
                    help="time this task only")
    args = ap.parse_args()
    with two_packages(args.base, args.new, "ab_reconcile_") as mods:
        for m in mods:
            importlib.import_module(f"{m.__name__}.compact")
            m.gazetteer.lookup("Xanadu Flats")  # every table read: not throughput
        rows = [c.model_dump() for c in synthetic(args.n)]
        claims = [[m.Claim.model_validate(r) for r in rows] for m in mods]
        del rows
        digests = []
        for m, cs in zip(mods, claims, strict=True):
            h = hashlib.sha256()
            for g in m.compact.reconcile_groups(iter(cs)):
                h.update(g.model_dump_json().encode("utf-8"))
                h.update(b"\n")
            digests.append(h.hexdigest())
        tasks = {
            "reconcile_groups": [lambda m=m, cs=cs: sum(1 for _ in m.compact.reconcile_groups(iter(cs)))
                                 for m, cs in zip(mods, claims, strict=True)],
            "scope.read": [_reads(m, cs) for m, cs in zip(mods, claims, strict=True)],
            "article_signature": [_signs(m, cs) for m, cs in zip(mods, claims, strict=True)],
        }
        if args.only:
            tasks = {args.only: tasks[args.only]}
        best = {k: [float("inf"), float("inf")] for k in tasks}
        for r in range(args.rounds):
            order = (0, 1) if r % 2 == 0 else (1, 0)
            line = []
            for task, fs in tasks.items():
                t = [0.0, 0.0]
                for i in order:
                    t[i] = _cpu(fs[i])
                    best[task][i] = min(best[task][i], t[i])
                line.append(f"{task} {t[0]:.2f} / {t[1]:.2f}")
            print(f"round {r + 1}: " + ";  ".join(line), flush=True)
        print(f"{args.n:,} claims, CPU s best of {args.rounds}, base / new (ratio new/base):")
        for task, (a, b) in best.items():
            print(f"  {task:<18} {a:8.2f} / {b:8.2f}  ({b / a:.3f}; {a / args.n * 1e6:.1f} / {b / args.n * 1e6:.1f} µs a claim)")
        print(f"sha256 of the groups: base {digests[0]}\n                      new  {digests[1]}"
              f"\n{'identical' if digests[0] == digests[1] else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
