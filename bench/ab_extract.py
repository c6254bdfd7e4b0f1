"""Extraction of two checkouts in one process, interleaved: a speed change measured on a busy machine.

    python bench/ab_extract.py BASE_CHECKOUT [NEW_CHECKOUT] [--mb 1] [--rounds 6]

Each checkout's ``reconcile`` package is copied under another name (``reconcile_a``, ``reconcile_b``;
the package imports itself relatively) into a temporary folder, and ``extract`` is timed (CPU seconds)
on the same news text as ``bench/run.py`` (the seed and development articles, repeated) with each,
round by round, the first of a round alternating. Both see the same neighbours, so their ratio holds
where the CPU seconds of runs made apart move by 20% with another process's work. NEW_CHECKOUT is
this checkout by default. Prints each round, the best of each, and the per-round ratios.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from _ab import ab_parser, two_packages
from _corpus import DEV, ROOT


def _articles(mod: Any, n_bytes: int) -> tuple[list[Any], int]:
    """bench/run.py's news text, as ``mod``'s articles."""
    base = [a for d in (ROOT / "seeds", DEV) if d.exists() for a in mod.read_articles(d) if isinstance(a, mod.Article)]
    out: list[Any] = []
    size = i = 0
    while size < n_bytes:
        a = base[i % len(base)]
        out.append(a.model_copy(update={"id": f"{a.id}-{i}", "published": a.published or dt.date(2024, 5, 8)}))
        size += len(a.text.encode("utf-8"))
        i += 1
    return out, size


def main() -> None:
    ap = ab_parser(__doc__, ROOT)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    with two_packages(args.base, args.new, "ab_extract_") as mods:
        texts = [_articles(m, int(args.mb * 1_000_000)) for m in mods]
        size = texts[0][1]
        for m, (arts, _) in zip(mods, texts, strict=True):
            m.extract(arts[0])  # first calls compile patterns and load the gazetteer: not throughput
        cpu: list[list[float]] = [[], []]
        found = [0, 0]
        for r in range(args.rounds):
            for k in ((0, 1) if r % 2 == 0 else (1, 0)):
                c0 = time.process_time()
                found[k] = sum(len(mods[k].extract(a)) for a in texts[k][0])
                cpu[k].append(time.process_time() - c0)
    print(f"{size / 1e6:.2f} MB of news text, {args.rounds} rounds (CPU s); claims: base {found[0]}, new {found[1]}")
    for label, times in (("base", cpu[0]), ("new", cpu[1])):
        print(f"{label:5} {' '.join(f'{t:.3f}' for t in times)}   best {min(times):.3f} s "
              f"({size / 1e6 / min(times):.3f} MB/CPU s)")
    ratios = sorted(a / b for a, b in zip(cpu[0], cpu[1], strict=True))
    print(f"new is {min(cpu[0]) / min(cpu[1]):.3f}x base (best of each); per round "
          f"{' '.join(f'{x:.3f}' for x in ratios)}, median {ratios[len(ratios) // 2]:.3f}")


if __name__ == "__main__":
    main()
