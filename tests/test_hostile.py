"""Hostile input: nothing crashes, nothing hangs. (Timings at scale are in bench/hostile.py.)"""

from __future__ import annotations

import time

import pytest

from reconcile import extract, find_figures, reconcile

HOSTILE = [
    ("1," * 50_000, "a hundred thousand commas between digits"),
    ("more than " * 20_000 + "5", "repeated hedges"),
    ("9" * 100_000, "a 100,000-digit run"),
    ("one " * 8_000, "one one one ..."),
    ("\x00\x01\x02 12 people \x7f" * 5_000, "control characters"),
    ("\"" * 50_000 + "12 died", "deeply nested quotes"),
    ("a" * 200_000, "a long line with no numbers"),
    ("Oct. " * 20_000 + "7", "repeated month abbreviations"),
    ("between " * 20_000 + "10 and 12", "repeated range openers"),
]


@pytest.mark.parametrize("text,why", HOSTILE, ids=[h[1] for h in HOSTILE])
def test_hostile_input_is_fast(text: str, why: str) -> None:
    t0 = time.perf_counter()
    figs = find_figures(text)
    claims = extract(text, id="h", published="2024-01-01")
    reconcile(claims)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10.0, f"{why}: {elapsed:.2f}s"
    for f in figs:
        assert text[f.start:f.end] == f.text


def test_digit_run_is_not_a_count() -> None:
    assert find_figures("9" * 100_000) == []


def test_run_on_sentence_keeps_a_window_as_evidence() -> None:
    """Output stays linear: a 'sentence' of 100 KB is kept as the 2,000 characters around each figure."""
    text = "Officials said 12 people were killed on Tuesday and " * 2_000
    claims = extract(text, id="h", published="2024-01-01")
    assert len(claims) == 2_000
    for c in claims[:50] + claims[-50:]:
        assert len(c.sentence) <= 2_100
        assert text[c.sentence_start: c.sentence_start + len(c.sentence)] == c.sentence
