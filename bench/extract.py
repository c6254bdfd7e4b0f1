"""Whole-extraction throughput (seeds repeated to 5 MB) and the import time of reconcile.

    python bench/extract.py [MB]
Targets (issue 3): >= 1 MB/s on one core; `import reconcile` < 0.3 s.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

from _corpus import ROOT

from reconcile import Article, extract, read_articles


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    seeds = [a for a in read_articles(ROOT / "seeds") if isinstance(a, Article)]
    articles: list[Article] = []
    size = 0
    i = 0
    while size < mb * 1_000_000:
        a = seeds[i % len(seeds)]
        articles.append(a.model_copy(update={"id": f"{a.id}-{i}", "published": a.published or dt.date(2024, 5, 8)}))
        size += len(a.text.encode("utf-8"))
        i += 1
    t0 = time.perf_counter()
    n = sum(len(extract(a)) for a in articles)
    t = time.perf_counter() - t0
    print(f"extract  {size / 1e6:5.1f} MB in {len(articles)} articles  {t:6.2f} s  {size / 1e6 / t:5.2f} MB/s  "
          f"({n} claims)")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import reconcile"], check=True)
        times.append(time.perf_counter() - t0)
    base = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t0)
    print(f"import reconcile  {min(times):.3f} s (interpreter start alone {min(base):.3f} s; "
          f"import itself {min(times) - min(base):.3f} s)")


if __name__ == "__main__":
    main()
