"""Where find_figures spends its time on news text: the evidence behind the throughput figure.

    python bench/figure_costs.py [MB]

Prints the numerals per MB of the bench corpus, the cost of the two start scans, and the
per-numeral costs of the pieces every numeral pays (the numeral pattern, the unit pattern,
a validated and an unchecked Figure), next to the whole per-numeral cost. 10 MB/s leaves
0.1 s per MB for scans and numerals together.
"""

from __future__ import annotations

import sys

from _corpus import news_of_size
from _timing import best_of

from reconcile import numbers
from reconcile.records import Figure


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    text = news_of_size(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1e6
    low = text.lower()
    figs = numbers.find_figures(text)
    n = len(figs)
    whole = best_of(lambda: numbers.find_figures(text), 5)
    scans = best_of(lambda: (list(numbers.DIGIT_SCAN.finditer(low)), list(numbers.WORD_SCAN.finditer(low))))
    core = best_of(lambda: [numbers.CORE.match(text, f.start, f.start + numbers.MAX_NUMERAL) for f in figs])
    unit = best_of(lambda: [numbers._UNIT_AFTER.match(text, f.end, f.end + 40) for f in figs])
    fields = [f.model_dump() for f in figs]
    validated = best_of(lambda: [Figure(**d) for d in fields])
    unchecked = best_of(lambda: [numbers._new_figure(**d) for d in fields])
    us = 1e6 / n
    print(f"corpus            {size:.1f} MB, {n} figures, {n / size:,.0f} per MB")
    print(f"find_figures      {whole / size:.3f} s/MB  ({size / whole:.1f} MB/s), {whole * us:.1f} µs a figure in all")
    print(f"start scans       {scans / size:.3f} s/MB  (both scans over the whole text)")
    print(f"numeral pattern   {core * us:.1f} µs a figure (one anchored match)")
    print(f"unit pattern      {unit * us:.1f} µs a figure (one anchored match)")
    print(f"Figure validated  {validated * us:.1f} µs;  unchecked (what find_figures uses) {unchecked * us:.1f} µs")
    budget = (0.1 - scans / size) / (n / size) * 1e6
    print(f"10 MB/s budget    {budget:.1f} µs a figure after the scans, at this density")


if __name__ == "__main__":
    main()
