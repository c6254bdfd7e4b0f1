"""Peak memory of ``reconcile extract`` is flat in the size of the corpus.

    python bench/memory.py [MB ...] [--jobs N]     (default: 10 200, --jobs 2)

Writes a JSONL corpus of each size (the seed and dev articles repeated under
new ids, in a temporary directory), runs ``reconcile extract FILE -o
/dev/null --quiet --jobs N`` on it, and prints the time, the throughput, the
peak resident memory of the largest process (``wait4``) and of the whole
process tree (sampled with psutil when it is installed), and each peak as a
ratio to the smallest size's. Flat means within 20%.

1 GB takes a quarter of an hour on two cores at ~1 MB/s a core; pass 1000
to measure it.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _jsonl import MB, load, run_cli, write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=float, default=[10.0, 200.0], help="corpus sizes in MB")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    print(f"load before: {load()}; --jobs {args.jobs}")
    print(f"{'MB':>7} {'articles':>9} {'seconds':>8} {'MB/s':>6} {'peak MB':>8} {'ratio':>6} {'tree MB':>8} {'ratio':>6}")
    base: tuple[int, int] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(args.sizes):
            path = Path(tmp) / "corpus.jsonl"
            n = write_corpus(path, int(size * MB))
            real = path.stat().st_size / MB
            seconds, peak, tree, _ = run_cli(["extract", str(path), "-o", "/dev/null", "--quiet",
                                           "--jobs", str(args.jobs)])
            path.unlink()
            base = base or (peak, tree or 1)
            print(f"{real:7.1f} {n:9,} {seconds:8.1f} {real / seconds:6.2f} {peak / MB:8.1f} {peak / base[0]:6.2f} "
                  f"{tree / MB:8.1f} {tree / base[1]:6.2f}", flush=True)
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
