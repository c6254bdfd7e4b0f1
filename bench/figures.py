"""find_figures throughput on news text, and on 1 MB of hostile input.

    python bench/figures.py [MB] [ROUNDS]
Targets (issue 13 item 5): >= 4 MB/s of news text on one core; each 1 MB hostile input < 1 s.

The machine is shared: the load average is printed, and the news text is timed ROUNDS times
(default 5), best of both the wall clock and the process's CPU time (the CPU time is what a
core of its own would give; the wall time on a busy machine is longer).
"""

from __future__ import annotations

import os
import sys
import time

from _corpus import news_of_size
from _timing import best_of

from reconcile import find_figures


def timed(text: str, repeat: int = 3) -> float:
    return best_of(lambda: find_figures(text), repeat)


def cpu_and_wall(text: str, rounds: int) -> tuple[float, float]:
    """The best CPU time and the best wall time of ``rounds`` runs, in seconds."""
    cpu = wall = float("inf")
    for _ in range(rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        find_figures(text)
        cpu, wall = min(cpu, time.process_time() - c0), min(wall, time.perf_counter() - w0)
    return cpu, wall


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    text = news_of_size(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1e6
    find_figures(text[:10_000])  # compile the patterns first used on demand
    load = os.getloadavg()[0]
    cpu, wall = cpu_and_wall(text, rounds)
    print(f"news text      {size:6.1f} MB  best of {rounds}: {size / cpu:5.2f} MB/s CPU, {size / wall:5.2f} MB/s wall "
          f"({len(find_figures(text))} figures; load {load:.1f} on {os.cpu_count()} cores)")
    one_mb = 1_000_000
    hostile = {
        "1,1,1,...": "1," * (one_mb // 2),
        "more than more than ...": ("more than " * (one_mb // 10)) + "5",
        "100,000-digit run": ("9" * 100_000 + " ") * 10,
        "one one one ...": "one " * (one_mb // 4),
        "a million commas": "," * one_mb,
        "no newline, no digits": "word " * (one_mb // 5),
    }
    for name, h in hostile.items():
        t = timed(h, repeat=1)
        flag = "ok" if t < 1.0 else "SLOW"
        print(f"hostile 1 MB   {name:26} {t:6.3f} s  {flag}")


if __name__ == "__main__":
    main()
