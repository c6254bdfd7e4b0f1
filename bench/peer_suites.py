"""Check the figure grammar against other projects' test cases (../shared/peer-suites/*.jsonl).

Not part of the test suite: the cases are third-party data and stay where they are.
Scores, per suite, the share of `number` and `range` items of the `all_mentions`,
`whole_input` and `rewritten_spans` cases that `find_figures` finds with an overlapping
span (whole-input items: any figure) and the right value (low and high for ranges,
ignoring inclusivity).

    python bench/peer_suites.py [PEER_DIR] [-v]
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from reconcile import find_figures

SCOPES = {"all_mentions", "whole_input", "rewritten_spans"}


def _value_ok(fig: object, item: dict[str, object]) -> bool:
    low, high = getattr(fig, "low"), getattr(fig, "high")  # noqa: B009
    if item["kind"] == "range":
        want = (item.get("low"), item.get("high"))
        return (low, high) == want or (float(low or 0), float(high or 0)) == (float(want[0] or 0), float(want[1] or 0))
    value = item.get("value")
    if value is None:
        return False
    # the suites print values rounded to 15 significant digits ("0.666666666666667")
    return low is not None and low == high and math.isclose(float(low), float(value), rel_tol=1e-12, abs_tol=1e-12)  # type: ignore[arg-type]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    root = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "peer-suites"
    if not root.exists():
        print(f"no peer suites at {root}")
        return 0
    for path in sorted(root.glob("*.jsonl")):
        found = defaultdict(int)
        total = defaultdict(int)
        misses: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if case.get("scope") not in SCOPES:
                continue
            text = case["input"]
            figs = find_figures(text)
            for item in case["expected"]:
                if item["kind"] not in ("number", "range"):
                    continue
                total[item["kind"]] += 1
                start, end = item.get("start"), item.get("end")
                ok = False
                for f in figs:
                    overlaps = start is None or end is None or case["scope"] == "whole_input" or (
                        f.start < end and start < f.end)
                    if overlaps and _value_ok(f, item):
                        ok = True
                        break
                found[item["kind"]] += ok
                if not ok and verbose:
                    misses.append(f"  {item['kind']:6} {text!r} want {item.get('value', (item.get('low'), item.get('high')))}"
                                  f" got {[(f.text, f.low, f.high) for f in figs]}")
        n = sum(total.values())
        k = sum(found.values())
        parts = ", ".join(f"{kind} {found[kind]}/{total[kind]}" for kind in sorted(total))
        print(f"{path.stem:28} {100 * k / n if n else 0:5.1f}%  ({parts})")
        if verbose:
            print("\n".join(misses[:400]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
