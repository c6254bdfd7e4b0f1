"""find_figures throughput on news text, and on 1 MB of hostile input.

    python bench/figures.py [MB]
Targets (issue 2): >= 10 MB/s of news text on one core; each 1 MB hostile input < 1 s.
"""

from __future__ import annotations

import sys

from _corpus import news_of_size
from _timing import best_of

from reconcile import find_figures


def timed(text: str, repeat: int = 3) -> float:
    return best_of(lambda: find_figures(text), repeat)


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    text = news_of_size(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1e6
    t = timed(text, repeat=2)
    print(f"news text      {size:6.1f} MB  {t:6.2f} s  {size / t:6.1f} MB/s  ({len(find_figures(text))} figures)")
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
