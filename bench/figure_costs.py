"""Where find_figures spends its time on news text: the evidence behind the throughput figure.

    python bench/figure_costs.py [MB]

Prints the numerals per MB of the bench corpus, the cost of the two start scans, how many
numerals take the plain-digits path (no CORE match) and how many of the anchored "after"
patterns the gate token lets run, the per-numeral costs of the pieces every numeral pays
(the numeral pattern, the unit pattern, the gate token, a validated and an unchecked Figure),
next to the whole per-numeral cost. 4 MB/s (issue 13) leaves 0.25 s per MB for scans and
numerals together. Times are CPU times, best of a few runs (the machine is shared).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from _corpus import news_of_size
from _timing import best_of

from reconcile import numbers
from reconcile.records import Figure


def best_cpu(f: Callable[[], object], repeat: int = 5) -> float:
    return best_of(f, repeat, clock=time.process_time)


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    text = news_of_size(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1e6
    low = text.lower()
    figs = numbers.find_figures(text)
    n = len(figs)
    whole = best_cpu(lambda: numbers.find_figures(text))
    scans = best_cpu(lambda: (list(numbers.DIGIT_SCAN.finditer(low)), list(numbers.WORD_SCAN.finditer(low))))
    plain = sum(1 for d in numbers.DIGIT_SCAN.finditer(low) if numbers._plain_end(text, d.start(), d.end()) > 0)
    toks = [numbers._after(text, f.end) for f in figs]
    gates = (numbers._SCALE_GATE, numbers._UNIT_GATE, numbers._MONTH_GATE, numbers._HEDGE_AFTER_GATE)
    ran = sum(1 for t in toks for g in gates if t is None or t in g) + sum(
        1 for t in toks if t is None or t.startswith(numbers._RANGE_GATE))
    core = best_cpu(lambda: [numbers.CORE.match(text, f.start, f.start + numbers.MAX_NUMERAL) for f in figs])
    unit = best_cpu(lambda: [numbers._UNIT_AFTER.match(text, f.end, f.end + 40) for f in figs])
    token = best_cpu(lambda: [numbers._after(text, f.end) for f in figs])
    fields = [f.model_dump() for f in figs]
    validated = best_cpu(lambda: [Figure(**d) for d in fields])
    unchecked = best_cpu(lambda: [numbers._new_figure(**d) for d in fields])
    us = 1e6 / n
    print(f"corpus            {size:.1f} MB, {n} figures, {n / size:,.0f} per MB")
    print(f"find_figures      {whole / size:.3f} s/MB  ({size / whole:.1f} MB/s), {whole * us:.1f} µs a figure in all")
    print(f"start scans       {scans / size:.3f} s/MB  (both scans over the whole text)")
    print(f"plain digits      {plain} numerals ({plain / n:.0%} of the figures) read without CORE")
    print(f"after patterns    {ran} of {5 * n} anchored matches let through by the gate token ({ran / (5 * n):.0%})")
    print(f"numeral pattern   {core * us:.1f} µs a figure (one anchored match)")
    print(f"unit pattern      {unit * us:.1f} µs a figure (one anchored match); gate token {token * us:.1f} µs")
    print(f"Figure validated  {validated * us:.1f} µs;  unchecked (what find_figures uses) {unchecked * us:.1f} µs")
    budget = (0.25 - scans / size) / (n / size) * 1e6
    print(f"4 MB/s budget     {budget:.1f} µs a figure after the scans, at this density")


if __name__ == "__main__":
    main()
