"""Two checkouts' ``reconcile`` imported side by side in one process (for the A/B benchmarks)."""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def two_packages(base: Path, new: Path, prefix: str) -> Iterator[list[Any]]:
    """The ``reconcile`` packages of ``base`` and ``new``, copied under other names (``reconcile_a``,
    ``reconcile_b``: the package imports itself relatively) into a temporary folder and imported."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        for name, checkout in (("reconcile_a", base), ("reconcile_b", new)):
            shutil.copytree(checkout / "reconcile", tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        sys.path.insert(0, str(tmp))
        yield [importlib.import_module(n) for n in ("reconcile_a", "reconcile_b")]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ab_parser(doc: str | None, default_new: Path) -> argparse.ArgumentParser:
    """The arguments every A/B script takes: the base checkout and the new one (``default_new``)."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=default_new)
    return ap
