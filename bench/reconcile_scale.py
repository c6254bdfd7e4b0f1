"""Reconciling synthetic claims: time and peak memory from 10k to 1M claims, and the growth.

    python bench/reconcile_scale.py [--stream] [10000 100000 1000000]

Targets (issue 13): 1,000,000 claims in < 30 s and < 2 GB peak on one core; growth from 10k to
1M no worse than n log n (a fitted exponent of time against n close to 1).
Each size runs in a fresh process so the peak resident memory is its own; the time includes
reading the gazetteers on first use (about 2-3 s), as a command-line run would. The last line
is the exponent of a least-squares fit of log(time) on log(n).

Without ``--stream``: ``reconcile(claims)`` on a list of the claims made beforehand (their memory
is shown apart). With ``--stream``: :func:`reconcile.compact.reconcile_groups` reads the claims
from a generator as they are made, one story's records in memory at a time (as ``reconcile
compare`` does); making the claims costs ~40 µs each, measured in the same process by a first
pass that only makes them, and taken off the time shown.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

from reconcile import Attribution, Claim, DatePeriod, Figure, Metric, reconcile

METRICS = [Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.DISPLACED, Metric.HOSTAGES_TAKEN]
PLACES = [None, "North", "South", "East", "West"]


def synthetic(n: int, seed: int = 1) -> list[Claim]:
    """n claims: stories of 20 articles, each article 5 claims about its story's events."""
    return list(synthetic_stream(n, seed))


def synthetic_stream(n: int, seed: int = 1) -> Iterator[Claim]:
    """The claims of :func:`synthetic`, made one at a time."""
    rnd = random.Random(seed)
    for i in range(n):
        art = i // 5
        story = art // 20
        day = dt.date(2000, 1, 1) + dt.timedelta(days=story * 3 + rnd.randint(0, 2))
        v = rnd.randint(1, 50_000)
        text = f"{v:,}"
        sentence = f"{text} people were killed in the region, officials said."
        yield Claim(
            id=f"a{art}:{i}", article_id=f"a{art}",
            figure=Figure(low=v, high=v, text=text, start=0, end=len(text)),
            metric=rnd.choice(METRICS), who="people", place=rnd.choice(PLACES),
            source=Attribution(text="officials", issuer=f"issuer{rnd.randint(0, 9)}"),
            published=day + dt.timedelta(days=rnd.randint(0, 5)),
            event_date=DatePeriod.of(day), event_date_from="sentence",
            sentence=sentence, sentence_start=0, names=(f"Story{story}", f"Place{story}"),
        )


def run_one(n: int, stream: bool = False) -> None:
    if stream:
        from reconcile.compact import reconcile_groups

        c0 = time.process_time()
        for _ in synthetic_stream(n):  # the cost of making the claims, taken off below
            pass
        making = time.process_time() - c0
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        groups = rels = 0
        for g in reconcile_groups(synthetic_stream(n)):
            groups += 1
            rels += len(g.relations)
        cpu = time.process_time() - c0 - making
        t = time.perf_counter() - t0 - making
        what = "before reading"
    else:
        claims = synthetic(n)
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        report = reconcile(claims)
        t, cpu = time.perf_counter() - t0, time.process_time() - c0
        groups, rels = len(report.groups), sum(len(g.relations) for g in report.groups)
        what = "the claims alone"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>9,} claims  {t:7.2f} s  {cpu:7.2f} CPU s  peak {peak_mb:7.0f} MB ({what} {base_mb:5.0f} MB)  "
          f"({groups:,} groups, {rels:,} relations)", flush=True)
    print(json.dumps({"n": n, "seconds": t, "cpu_seconds": cpu, "peak_mb": peak_mb}), flush=True)


def growth(points: list[tuple[int, float]]) -> float:
    """The exponent k of time ~ n**k, by least squares on the logarithms (1.0 is linear).

    >>> round(growth([(10, 1.0), (100, 10.0), (1000, 100.0)]), 2)
    1.0
    """
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    args = sys.argv[1:]
    stream = "--stream" in args
    args = [a for a in args if a != "--stream"]
    if len(args) > 1 and args[0] == "--one":
        run_one(int(args[1]), stream)
        return
    sizes = [int(a) for a in args] or [10_000, 100_000, 1_000_000]
    points: list[tuple[int, float]] = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), *(["--stream"] if stream else [])],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                points.append((rec["n"], rec["cpu_seconds"]))
            else:
                print(line, flush=True)
    if len(points) > 1:
        print(f"growth: CPU time ~ n^{growth(points):.2f} from {points[0][0]:,} to {points[-1][0]:,} claims")


if __name__ == "__main__":
    main()
