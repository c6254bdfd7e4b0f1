"""A bounded, hypothesis-driven fuzz test: news-like soup never breaks an entry point.

Runs in CI with a fixed budget (the `ci` hypothesis profile); atheris fuzzing is opt-in (fuzz/).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import Claim, extract, find_figures, reconcile

from .test_numbers import assert_valid

PIECES = st.sampled_from([
    "more than", "about", "at least", "up to", "between", "and", "to", "-", "–", ",", ".", " ", "\n",
    "one", "hundred", "thousand", "million", "dozen", "dozens", "1,200", "2.3mn", "$4.4 billion", "34,789",
    "killed", "were killed", "injured", "freed", "hostages", "people", "said", "according to", "the ministry",
    "Oct. 7", "on Sunday", "in 2009", "\"", "“", "”", "(", ")", "Gen.", "U.S.", "per cent", "-year-old",
    "all but", "of them", "toll", "rose to", "Nepal's", "in India", "\x00", "\r\n", "½", "٣",
])
GRAMMAR = st.sampled_from([  # the fraction, sign and notation grammar, in pieces
    "a", "an", "and", "of", "half", "halves", "quarter", "quarters", "third", "thirds", "fifths", "first",
    "firsts", "second", "seconds", "hundredth", "twenty", "twenty-", "one", "two", "hundred", "thousand",
    "million", "dozen", "lakh", "crore", "over", "minus", "negative", "-", "−", "+", "/", "^", "e", "x10^",
    ".", ",", "0", "1", "7", "22", "192", "2000", "1 234", "⅔", "¾", "M", "mil", "bn", " ", "  ", "more than",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60).map(" ".join), st.none() | st.dates())
def test_news_soup(text: str, published: object) -> None:
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text
        assert_valid(f)
    claims = extract(text, id="fuzz", published=published)
    for c in claims:
        assert c.sentence[c.figure.start - c.sentence_start: c.figure.end - c.sentence_start] == c.figure.text
        assert Claim.model_validate(dict(c.__dict__)) == c  # built without validation: still what it would make
    report = reconcile(claims)
    assert reconcile(report.claims) == report


@settings(max_examples=150, deadline=None)
@given(st.lists(GRAMMAR, max_size=30).map("".join) | st.lists(GRAMMAR, max_size=30).map(" ".join))
def test_grammar_soup(text: str) -> None:
    """Fractions, signs and notation in any order: no exception, spans inside the text, valid figures."""
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text
        assert_valid(f)  # low <= high, signs only on measures, whole numbers as ints


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    for c in extract(text, id="any"):
        assert 0 <= c.figure.start < c.figure.end <= len(text)
        assert Claim.model_validate(dict(c.__dict__)) == c  # built without validation: still what it would make


def test_regression_range_with_scaled_decimal() -> None:
    """Found by test_news_soup: a range whose upper end is a scaled decimal ("one to 2.3mn")."""
    claims = extract("one to 2.3mn killed", id="r")
    assert reconcile(claims).claims == claims
