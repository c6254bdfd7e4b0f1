"""``reconcile extract --jobs N`` against ``--jobs 1`` on the same corpus: speed-up and identical output.

    python bench/parallel.py [MB] [--jobs 2] [--repeat 3]     (default: 10 MB)

Best of ``--repeat`` runs each, interleaved, the load average printed before and after (the
target, 1.7x with two jobs, needs two idle cores), and with each run the CPU seconds other
processes took meanwhile (from /proc/stat; more than a few tenths and the run measures them). Each round also runs N independent
``--jobs 1`` processes at once, each on its Nth of the corpus (cut at line ends): what N
processes that share nothing and pass no messages achieve here, their start and import
included. ``--jobs N`` cannot beat that; the gap between the two is what the pool costs.
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
from pathlib import Path

from _jsonl import MB, load, machine_cpu, run_cli, run_clis, write_corpus


def split(corpus: Path, n: int) -> list[Path]:
    """The corpus cut into ``n`` files of about equal bytes, at line ends."""
    data = corpus.read_bytes()
    parts: list[Path] = []
    start = 0
    for i in range(1, n + 1):
        end = len(data) if i == n else data.index(b"\n", len(data) * i // n) + 1
        part = corpus.with_name(f"{corpus.stem}-part{i}.jsonl")
        part.write_bytes(data[start:end])
        parts.append(part)
        start = end
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mb", nargs="?", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, int(args.mb * MB))
        parts = split(corpus, args.jobs)
        size = corpus.stat().st_size / MB
        print(f"{size:.1f} MB, {n:,} articles; load before: {load()}")
        best: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def keep(name: str, seconds: float, used: float, busy: float) -> None:
            best[name] = min(best.get(name, seconds), seconds)
            cpu[name] = min(cpu.get(name, used), used)
            # what other processes used of the cores meanwhile: a run they took much from is not a figure of the pool
            others = max(0.0, busy - used)
            print(f"  {name:18} {seconds:6.2f} s  {size / seconds:5.2f} MB/s  CPU {used:6.2f} s  "
                  f"others' CPU meanwhile {others:5.2f} s  (load {load()})", flush=True)

        for _ in range(args.repeat):
            for jobs in (1, args.jobs):
                out = Path(tmp) / f"claims-{jobs}.jsonl"
                busy = machine_cpu()
                seconds, _, _, used = run_cli(["extract", str(corpus), "-o", str(out), "--quiet", "--jobs", str(jobs)])
                keep(f"--jobs {jobs}", seconds, used, machine_cpu() - busy)
            busy = machine_cpu()
            seconds, used = run_clis([["extract", str(p), "-o", str(p.with_suffix(".out")), "--quiet", "--jobs", "1"]
                                      for p in parts])
            keep(f"{args.jobs} x --jobs 1 on 1/{args.jobs}", seconds, used, machine_cpu() - busy)
        same = filecmp.cmp(Path(tmp) / "claims-1.jsonl", Path(tmp) / f"claims-{args.jobs}.jsonl", shallow=False)
        split_same = b"".join(p.with_suffix(".out").read_bytes() for p in parts) == (
            Path(tmp) / "claims-1.jsonl").read_bytes()
    one, many, apart = best["--jobs 1"], best[f"--jobs {args.jobs}"], best[f"{args.jobs} x --jobs 1 on 1/{args.jobs}"]
    print(f"best: --jobs 1 {one:.2f} s, --jobs {args.jobs} {many:.2f} s, speed-up {one / many:.2f}x; "
          f"output identical: {same}; load after: {load()}")
    print(f"ceiling: {args.jobs} independent processes on the parts {apart:.2f} s, {one / apart:.2f}x "
          f"(their outputs joined identical: {split_same}); --jobs {args.jobs} reaches {apart / many:.0%} of it")
    # On a busy machine the wall-clock ratio says more about the neighbours than about the pool; the CPU
    # the pool spends beyond the serial run bounds what idle cores would give.
    print(f"CPU: --jobs 1 {cpu['--jobs 1']:.2f} s, --jobs {args.jobs} {cpu[f'--jobs {args.jobs}']:.2f} s "
          f"(all processes); on {args.jobs} idle cores at most "
          f"{args.jobs * cpu['--jobs 1'] / cpu[f'--jobs {args.jobs}']:.2f}x")


if __name__ == "__main__":
    main()
