"""How much two processes can gain on this machine: the ceiling for ``reconcile extract --jobs 2``.

    python bench/cores.py [--seconds 3] [--repeat 3]

A pool cannot be faster than the cores let independent processes be. This runs the same work
alone and then in N processes at once (N = the cores this process may use), each process on its
own, with nothing shared and no messages, and prints the speed-up N processes give together:

- a pure-Python loop (the interpreter alone: the machine's ceiling for any CPU-bound Python);
- ``reconcile.extract`` on the bench news text (the ceiling for ``--jobs N``; its caches and
  regex working set are each process's own).

On a machine whose N cores are N full cores the speed-up is close to N. On a virtual machine whose
cores share a physical core (hyper-threads) or a busy host, it is less: ``--jobs 2`` can at best
reach the second figure. Run it on an idle machine; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time
from collections.abc import Callable

from _corpus import news_texts


def _loop(seconds: float) -> int:
    """Pure-Python work: count iterations of a small arithmetic loop for ``seconds`` of CPU time."""
    end = time.process_time() + seconds
    n = 0
    while time.process_time() < end:
        for i in range(1000):
            n += i * i % 7
    return n


def _extract(seconds: float) -> int:
    """Extraction work: articles extracted for ``seconds`` of CPU time."""
    from reconcile import Article, extract

    texts = news_texts()
    end = time.process_time() + seconds
    n = 0
    while time.process_time() < end:
        t = texts[n % len(texts)]
        extract(Article(id=f"a{n}", text=t, published="2024-05-08"))
        n += 1
    return n


def _rate(work: Callable[[float], int], seconds: float, out: multiprocessing.Queue[float]) -> None:
    t0 = time.perf_counter()
    done = work(seconds)
    out.put(done / (time.perf_counter() - t0))  # units a wall second


def _together(work: Callable[[float], int], seconds: float, n: int) -> float:
    """Units a wall second of n processes running ``work`` at once, summed."""
    ctx = multiprocessing.get_context("fork")
    out: multiprocessing.Queue[float] = ctx.Queue()
    procs = [ctx.Process(target=_rate, args=(work, seconds, out)) for _ in range(n)]
    for p in procs:
        p.start()
    rates = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return sum(rates)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    print(f"{n} cores; load before: {_load()}")
    _extract(0.2)  # the word lists and grammar loaded before the fork
    for name, work in (("pure-Python loop", _loop), ("reconcile.extract", _extract)):
        alone = max(_together(work, args.seconds, 1) for _ in range(args.repeat))
        many = max(_together(work, args.seconds, n) for _ in range(args.repeat))
        print(f"{name:18}  1 process {alone:10.1f}/s   {n} at once {many:10.1f}/s   speed-up {many / alone:4.2f}x",
              flush=True)
    print(f"load after: {_load()}")


if __name__ == "__main__":
    main()
