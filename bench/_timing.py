"""The one timing helper of the benchmarks: the best of a few runs."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(f: Callable[[], object], repeat: int = 3,
            clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest time of ``repeat`` calls of ``f``, in seconds: wall time, or CPU time with
    ``clock=time.process_time`` (a shared machine's neighbours do not count)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        f()
        best = min(best, clock() - t0)
    return best
