"""Shortcuts of grouping (reading a claim's scope) find exactly what the patterns they stand in for find.

- a word list's alternation grouped by first letter (:func:`reconcile.scope._by_letter`) matches
  where and what the plain alternation (:func:`reconcile.lexicon.alternation`) matches;
- a gate (a pattern not run on a sentence that holds none of its words) never skips a sentence
  the pattern matches;
- patterns rewritten for speed match as they did (their former text is kept here).

Texts are made of the patterns' own words, in any case, with the characters whose case folding
is irregular (the generator of ``tests/test_fast_paths.py``).
"""

from __future__ import annotations

import itertools
import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from reconcile import lexicon, scope, stories
from reconcile.lexicon import LEXICON, alternation

from .test_fast_paths import _texts

_LISTS = {
    "events": [*LEXICON.events_of("disaster", "violence", "campaign")],
    "all events": list(LEXICON.events),
    "locative": list(LEXICON.places_of("locative")),
    "modifier": list(LEXICON.places_of("modifier")),
    "running": [*LEXICON.events_of("campaign"), *LEXICON.total_cues],
    "scope words": scope._words_of("population", "state", "fate", "kind"),
    "tally": list(scope._TALLY_WORDS),
    "odd": ["a b", "ab", "A", "-x", "x-y", "é", "Éa", "ſa", "sa", "s"],
}


def _pair(words: list[str]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return (regex.compile(rf"(?<![\w-])(?i:{alternation(words)})s?(?![\w-])"),
            regex.compile(rf"(?<![\w-])(?i:{scope._by_letter(words)})s?(?![\w-])"))


@pytest.mark.parametrize("name", sorted(_LISTS))
@given(data=st.data())
def test_grouped_alternation_matches_as_the_alternation(name: str, data: st.DataObject) -> None:
    words = _LISTS[name]
    text = data.draw(_texts([*words, "the", "and", "s"]))
    plain, grouped = _pair(words)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_grouped_alternation_on_every_word() -> None:
    for words in _LISTS.values():
        plain, grouped = _pair(words)
        for w in words:
            for text in (w, w.upper(), f"x {w.title()}s y", f"{w}{w}", f"-{w}"):
                assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


_GATED = [
    (scope._RUNNING, scope._RUNNING_GATE),
    (scope._CAMPAIGN, scope._CAMPAIGN_GATE),
    (scope._EVENT_NOUN, scope._EVENT_GATE),
    (scope._NEW_EVENT, scope._NEW_EVENT_GATE),
    (scope._PERFECT, scope._PERFECT_GATE),
    (scope._TOLL, scope._TOLL_GATE),
    (scope._SINCE_START, scope._SINCE_GATE),
    (scope._INCLUDING, scope._INCLUDING_GATE),
    (scope._NUMBER_OF, scope._NUMBER_OF_GATE),
    (scope._FACILITY_WORD, scope._FACILITY_GATE),
    (scope._LEAVING, scope._LEAVING_GATE),
    (scope._MORE_AFTER, scope._MORE_GATE),
    (scope._ADDED, scope._ADDED_GATE),
    (scope._RISE_BY, scope._RISE_BY_GATE),
    (scope._THAN, scope._THAN_GATE),
    (scope._TALLY, scope._TALLY_GATE),
]


def _vocabulary(pattern: regex.Pattern[str]) -> list[str]:
    words_of_pattern = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)  # "\bsince" is "since"
    return sorted(set(re.findall(r"[a-z]{2,}", words_of_pattern)) | {"a", "7", "the", "people"})


@pytest.mark.parametrize("pattern,words", _GATED, ids=[w[0] for _, w in _GATED])
def test_every_match_of_a_gated_pattern_holds_one_of_its_words(pattern: regex.Pattern[str],
                                                              words: tuple[str, ...]) -> None:
    """Every phrase of up to three of the pattern's own words in three cases, with blanks about it."""
    assert words and all(w == w.lower() and w.isascii() for w in words)
    vocabulary = _vocabulary(pattern)
    for n in (1, 2, 3):
        for phrase in itertools.product(vocabulary, repeat=n):
            text = " ".join(phrase)
            for t in (text, text.upper(), text.title(), text + " ", " " + text):
                if pattern.search(t):
                    low = t.lower()
                    assert lexicon.holds_any(low, lexicon.plain_case(t, low), words), t


@pytest.mark.parametrize("pattern,words", _GATED, ids=[w[0] for _, w in _GATED])
@given(data=st.data())
def test_a_gate_never_skips_a_match(pattern: regex.Pattern[str], words: tuple[str, ...], data: st.DataObject) -> None:
    text = data.draw(_texts(_vocabulary(pattern)))
    low = text.lower()
    assert lexicon.holds_any(low, lexicon.plain_case(text, low), words) or not pattern.search(text)


_TALLY_BEFORE = regex.compile(  # scope._TALLY as it was, branch by branch
    r"""\b(?:tolls?|tally|number|count|figure)\b
    | \b(?:rose|risen|rises|climbed|climbs|reached|reaches|jumped|passed|passes|stood|stands|revised|lowered|raised|cut|put|gone\s++up|went\s++up)\b
    | \b(?:announced|confirmed|updated)\b
    | \bas\s++of\b | \bfrom\s++\S++\s++on\b | \b(?:up|down)\s++from\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
_CLAUSE_END_BEFORE = regex.compile(  # scope._CLAUSE_END as it was: the look behind "as" before it
    r"""[;:!?()\[\]—–]|(?<!\b\p{Lu})\.|,\s|\s-\s|\b(?:but|while|whereas|when|after|because|though|although|amid)\b
      | (?<!\b(?:described|listed|classified|counted|identified|registered|recorded|reported|confirmed
                |considered|regarded|treated|admitted|designated)\s++)\bas\b""",
    regex.VERBOSE)


@given(_texts([*scope._TALLY_WORDS, "from", "on", "down", "up", "as", "of", "tolls", "the"]))
def test_tally_is_found_where_it_was(text: str) -> None:
    """The tally pattern is read for its presence: present where it was, in every window."""
    for lo, hi in ((0, len(text)), (1, len(text) - 1), (len(text) // 2, len(text))):
        assert (scope._TALLY.search(text, lo, hi) is None) == (_TALLY_BEFORE.search(text, lo, hi) is None)


@given(_texts(["as", "described", "listed", "treated", "but", "when", "while", "amid", ";", "(", "-", "killed",
               "were", "as as"]))
def test_clause_ends_are_where_they_were(text: str) -> None:
    for lo, hi in ((0, len(text)), (2, len(text)), (0, len(text) - 2)):
        assert [m.span() for m in scope._CLAUSE_END.finditer(text, lo, hi)] == \
            [m.span() for m in _CLAUSE_END_BEFORE.finditer(text, lo, hi)]


def test_clause_ends_on_the_cases_that_named_them() -> None:
    for text in ("36 were described as serious", "36 were described  as serious, as reported", "as", "was as",
                 "identified\tas x as y", "x as (y)"):
        assert [m.span() for m in scope._CLAUSE_END.finditer(text)] == [m.span() for m in _CLAUSE_END_BEFORE.finditer(text)]


def _cues_by_holds_any(s: str) -> tuple[bool, ...]:
    """A sentence's gates as scope._cues read them before: each gate tested on the whole sentence."""
    low = s.lower()
    plain = lexicon.plain_case(s, low)
    return tuple(lexicon.holds_any(low, plain, gate) for gate in scope._GATES)


def _cue_bits(s: str) -> tuple[bool, ...]:
    c = scope._cues.__wrapped__(s)
    return (c.running, c.campaign, c.since, c.including, c.event, c.new_event, c.perfect, c.toll, c.number_of,
            c.facility, c.leaving, c.more, c.added, c.rise_by, c.than, c.tally)


_GATE_WORDS = sorted({w for gate in scope._GATES for w in gate})


@given(_texts([*_GATE_WORDS, "the", "killed", "x" * 45]))
def test_cues_a_word_at_a_time_are_the_cues_of_the_sentence(text: str) -> None:
    assert _cue_bits(text) == _cues_by_holds_any(text)


def test_cues_on_every_gate_word() -> None:
    for w in _GATE_WORDS:
        for text in (w, w.upper(), f"x {w.title()}s, y", f"un{w}ed", f"({w})", "a" * 50 + w, f"{w}\u2028{w}",
                     f"K{w}", f"ſ{w}"):
            assert _cue_bits(text) == _cues_by_holds_any(text), text


@given(st.text(alphabet=' \t\n\u2028\u3000\x1c:-–—"“•(aB.', max_size=12))
def test_a_name_opens_its_sentence_as_before(text: str) -> None:
    """stories._opens reads back from the name what the sentence's prefix, stripped, ended with."""
    for at in range(len(text) + 1):
        before = at == 0 or text[:at].rstrip()[-1:] in stories._OPENERS
        assert stories._opens(text, at) == before, (text, at)


@given(st.text(alphabet="0123456789,. a१٢", max_size=14))
def test_a_year_holds_its_first_two_digits(text: str) -> None:
    """scope._YEAR is not run on a sentence without "18", "19" or "20": it has no match there."""
    assert scope._cues.__wrapped__(text).year or scope._YEAR.search(text) is None
