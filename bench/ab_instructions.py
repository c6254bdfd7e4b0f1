"""Instructions that extraction executes, two checkouts side by side: a speed change measured where CPU
seconds are too noisy (a shared machine), with valgrind's callgrind.

    python bench/ab_instructions.py BASE_CHECKOUT [NEW_CHECKOUT] [--passes 2 6]

Each checkout runs, in its own process under callgrind (PYTHONHASHSEED=0), ``extract`` on the distinct
seed and development articles (as bench/run.py repeats them) once to warm up, then N more times, for
each N of ``--passes``; the difference of the instruction counts of two runs over the difference of their
passes is the count of one pass, without the interpreter's start, the imports and the first calls. Counts
move by about 0.5% from run to run (the start is not quite the same); a pass takes ~15 s under callgrind,
so the defaults take a few minutes. Instructions are not seconds (a cache miss costs more than an add),
but for the interpreted steps of extraction their ratio follows that of CPU time. NEW_CHECKOUT is this
checkout by default. Needs valgrind (skipped with a note when it is not installed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _corpus import DEV, ROOT

_CHILD = """
import datetime as dt, sys
from pathlib import Path
sys.path.insert(0, {checkout!r})
import reconcile
from reconcile import Article, extract, read_articles
assert reconcile.__file__.startswith({checkout!r}), reconcile.__file__
dirs = [Path(d) for d in {dirs!r}]
arts = [a for d in dirs if d.exists() for a in read_articles(d) if isinstance(a, Article)]
arts = [a.model_copy(update={{"id": f"{{a.id}}-{{i}}", "published": a.published or dt.date(2024, 5, 8)}})
        for i, a in enumerate(arts)]
for _ in range(1 + {passes}):
    for a in arts:
        extract(a)
print(len(arts))
"""


def _instructions(checkout: Path, passes: int, script: Path) -> int:
    script.write_text(_CHILD.format(checkout=str(checkout.resolve()), passes=passes,
                                    dirs=[str(ROOT / "seeds"), str(DEV)]))
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                           str(script)], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    got = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or got is None:
        sys.exit(f"bench/ab_instructions.py: the run of {checkout} failed:\n{done.stderr[-2000:]}")
    return int(got.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=ROOT)
    ap.add_argument("--passes", type=int, nargs=2, default=(2, 6), metavar=("FEW", "MANY"))
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed")
        return
    few, many = args.passes
    with tempfile.TemporaryDirectory(prefix="ab_instructions_") as tmp:
        jobs = [(c, p) for c in (args.base, args.new) for p in (few, many)]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = list(pool.map(lambda k: _instructions(*jobs[k], Path(tmp) / f"child{k}.py"), range(len(jobs))))
    per_pass = [(counts[1] - counts[0]) / (many - few), (counts[3] - counts[2]) / (many - few)]
    for label, checkout, n in (("base", args.base, per_pass[0]), ("new", args.new, per_pass[1])):
        print(f"{label:5} {n / 1e6:9.1f} M instructions a pass   ({checkout})")
    print(f"new executes {per_pass[1] / per_pass[0]:.3f}x the instructions of base "
          f"({(per_pass[1] / per_pass[0] - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    main()
