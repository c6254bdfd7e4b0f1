"""A JSONL corpus of a given size for the CLI benchmarks: the seed (and dev) articles repeated under new ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from _corpus import DEV, ROOT

from reconcile import Article, read_articles

MB = 1_000_000


def write_corpus(path: Path, n_bytes: int) -> int:
    """Write at least ``n_bytes`` of JSONL articles to ``path``; returns the number of articles."""
    sources = [ROOT / "seeds"] + ([DEV] if DEV.exists() else [])
    articles = [a for s in sources for a in read_articles(s) if isinstance(a, Article)]
    lines = [{"text": a.text, "published": a.published.isoformat() if a.published else None,
              "publisher": a.publisher, "title": a.title} for a in articles]
    size = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < n_bytes:
            line = json.dumps({"id": f"a{n}", **lines[n % len(lines)]}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (psutil), 0 when psutil is missing."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - optional
        return 0
    try:
        p = psutil.Process(pid)
        return int(sum(q.memory_info().rss for q in [p, *p.children(recursive=True)]))
    except psutil.Error:
        return 0


def run_cli(args: list[str]) -> tuple[float, int, int, float]:
    """Run ``python -m reconcile ARGS``: seconds, peak RSS of its largest process (bytes, from wait4),
    the peak of the sum over its process tree (sampled every 50 ms with psutil; 0 without it), and
    the CPU seconds of the process and the workers it waited for (user + system, from wait4)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "reconcile", *args], stdout=subprocess.DEVNULL)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(0.05):
            peak_tree = max(peak_tree, _tree_rss(proc.pid))

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    done.set()
    t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"reconcile {' '.join(args)} exited {proc.returncode}")
    return seconds, usage.ru_maxrss * 1024, peak_tree, usage.ru_utime + usage.ru_stime


def run_clis(commands: list[list[str]]) -> tuple[float, float]:
    """Run several ``python -m reconcile`` commands at once: seconds until the last ends, and their CPU seconds
    summed (with the workers they waited for)."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "reconcile", *args], stdout=subprocess.DEVNULL)
             for args in commands]
    used = 0.0
    for proc, args in zip(procs, commands, strict=True):
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"reconcile {' '.join(args)} exited {os.waitstatus_to_exitcode(status)}")
        used += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - t0, used


def machine_cpu() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, /proc/stat; 0 elsewhere): the
    difference over a run less the run's own CPU is what other processes took from it."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fh.readline().split()[1:9])
    except (OSError, ValueError):  # pragma: no cover - not Linux
        return 0.0
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())
