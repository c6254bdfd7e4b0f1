"""Reconciling synthetic claims: time and peak memory from 10k to 1M claims, and the growth.

    python bench/reconcile_scale.py [10000 100000 1000000]

Targets (issue 13): 1,000,000 claims in < 30 s and < 2 GB peak on one core; growth from 10k to
1M no worse than n log n (a fitted exponent of time against n close to 1).
Each size runs in a fresh process so the peak resident memory is its own; the time includes
reading the gazetteers on first use (about 2-3 s), as a command-line run would. The last line
is the exponent of a least-squares fit of log(time) on log(n).
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

from reconcile import Attribution, Claim, DatePeriod, Figure, Metric, reconcile

METRICS = [Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.DISPLACED, Metric.HOSTAGES_TAKEN]
PLACES = [None, "North", "South", "East", "West"]


def synthetic(n: int, seed: int = 1) -> list[Claim]:
    """n claims: stories of 20 articles, each article 5 claims about its story's events."""
    rnd = random.Random(seed)
    out: list[Claim] = []
    for i in range(n):
        art = i // 5
        story = art // 20
        day = dt.date(2000, 1, 1) + dt.timedelta(days=story * 3 + rnd.randint(0, 2))
        v = rnd.randint(1, 50_000)
        text = f"{v:,}"
        sentence = f"{text} people were killed in the region, officials said."
        out.append(Claim(
            id=f"a{art}:{i}", article_id=f"a{art}",
            figure=Figure(low=v, high=v, text=text, start=0, end=len(text)),
            metric=rnd.choice(METRICS), who="people", place=rnd.choice(PLACES),
            source=Attribution(text="officials", issuer=f"issuer{rnd.randint(0, 9)}"),
            published=day + dt.timedelta(days=rnd.randint(0, 5)),
            event_date=DatePeriod.of(day), event_date_from="sentence",
            sentence=sentence, sentence_start=0, names=(f"Story{story}", f"Place{story}"),
        ))
    return out


def run_one(n: int) -> None:
    claims = synthetic(n)
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    report = reconcile(claims)
    t = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rels = sum(len(g.relations) for g in report.groups)
    print(f"{n:>9,} claims  {t:7.2f} s  peak {peak_mb:7.0f} MB (the claims alone {base_mb:5.0f} MB)  "
          f"({len(report.groups):,} groups, {rels:,} relations)", flush=True)
    print(json.dumps({"n": n, "seconds": t, "peak_mb": peak_mb}), flush=True)


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
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        run_one(int(sys.argv[2]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    points: list[tuple[int, float]] = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True, capture_output=True,
                             text=True).stdout
        for line in out.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                points.append((rec["n"], rec["seconds"]))
            else:
                print(line, flush=True)
    if len(points) > 1:
        print(f"growth: time ~ n^{growth(points):.2f} from {points[0][0]:,} to {points[-1][0]:,} claims")


if __name__ == "__main__":
    main()
