"""atheris harness for find_figures and extract (opt-in; see fuzz/README.md)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from reconcile import extract, find_figures, reconcile


def test_one(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
    claims = extract(text, id="fuzz", published="2024-01-01")
    for c in claims:
        assert c.sentence[c.figure.start - c.sentence_start: c.figure.end - c.sentence_start] == c.figure.text
    report = reconcile(claims)
    assert reconcile(report.claims) == report


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
