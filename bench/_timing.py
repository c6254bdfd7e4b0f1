"""The one timing helper of the benchmarks: the best of a few runs."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(f: Callable[[], object], repeat: int = 3) -> float:
    """The shortest wall time of ``repeat`` calls of ``f``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best
