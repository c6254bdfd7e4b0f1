"""``reconcile extract --jobs N`` against ``--jobs 1`` on the same corpus: speed-up and identical output.

    python bench/parallel.py [MB] [--jobs 2] [--repeat 3]     (default: 10 MB)

Best of ``--repeat`` runs each, the load average printed before and after
(the target, 1.7x with two jobs, needs two idle cores).
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
from pathlib import Path

from _jsonl import MB, load, run_cli, write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mb", nargs="?", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, int(args.mb * MB))
        size = corpus.stat().st_size / MB
        print(f"{size:.1f} MB, {n:,} articles; load before: {load()}")
        best: dict[int, float] = {}
        cpu: dict[int, float] = {}
        for _ in range(args.repeat):
            for jobs in (1, args.jobs):
                out = Path(tmp) / f"claims-{jobs}.jsonl"
                seconds, _, _, used = run_cli(["extract", str(corpus), "-o", str(out), "--quiet", "--jobs", str(jobs)])
                best[jobs] = min(best.get(jobs, seconds), seconds)
                cpu[jobs] = min(cpu.get(jobs, used), used)
                print(f"  --jobs {jobs}: {seconds:6.2f} s  {size / seconds:5.2f} MB/s  CPU {used:6.2f} s", flush=True)
        same = filecmp.cmp(Path(tmp) / "claims-1.jsonl", Path(tmp) / f"claims-{args.jobs}.jsonl", shallow=False)
    print(f"best: --jobs 1 {best[1]:.2f} s, --jobs {args.jobs} {best[args.jobs]:.2f} s, "
          f"speed-up {best[1] / best[args.jobs]:.2f}x; output identical: {same}; load after: {load()}")
    # On a busy machine the wall-clock ratio says more about the neighbours than about the pool; the CPU
    # the pool spends beyond the serial run bounds what idle cores would give.
    print(f"CPU: --jobs 1 {cpu[1]:.2f} s, --jobs {args.jobs} {cpu[args.jobs]:.2f} s (all processes); "
          f"on {args.jobs} idle cores at most {args.jobs * cpu[1] / cpu[args.jobs]:.2f}x")


if __name__ == "__main__":
    main()
