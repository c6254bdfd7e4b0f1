"""Shortcuts of the extraction stages find exactly what the patterns they stand in for find.

Each fast path (a scan of the lower-cased sentence, a pattern tried only where a match can start)
is compared with its pattern on text made of the pattern's own words, in any case, with the
characters whose case folding is irregular.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from reconcile import Article, Claim, attribution, dates, extraction, incident, lexicon, read_articles
from reconcile.lexicon import LEXICON
from reconcile.sentences import split_sentences

_ALL = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
_IRREGULAR = ["ı", "ſ", "İ", "K", "ß", "Σ", "ς", "٣", "\u2028", "\x1c", "’", "-", "_"]


def _case(draw: st.DrawFn, word: str) -> str:
    how = draw(st.sampled_from(["lower", "upper", "title", "as is", "irregular"]))
    if how == "irregular":
        return word.replace("s", "ſ").replace("i", "ı").replace("k", "K").replace("I", "İ")
    return {"lower": word.lower(), "upper": word.upper(), "title": word.title()}.get(how, word)


@st.composite
def _texts(draw: st.DrawFn, words: list[str]) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["word", "word", "digits", "char", "space"]))
        if kind == "word":
            pieces.append(_case(draw, draw(st.sampled_from(words))))
        elif kind == "digits":
            pieces.append(draw(st.from_regex(r"[0-9]{1,5}", fullmatch=True)))
        elif kind == "char":
            pieces.append(draw(st.sampled_from(_IRREGULAR)))
        else:
            pieces.append(draw(st.sampled_from([" ", "  ", "\t", "\n", ", ", ". ", "-"])))
    return "".join(p if i == 0 else draw(st.sampled_from(["", " ", " "])) + p for i, p in enumerate(pieces))


def _cues_by_pattern(s: str) -> list[tuple[int, int, str, str]] | str:
    # the reference: every match of the case-insensitive cue pattern, looked up folded ("homeleſs")
    try:
        return [(m.start(), m.end(), *extraction._CUES[extraction._cue_key(m.group("cue"))])
                for m in extraction._CUE.finditer(s)]
    except KeyError as e:
        return f"KeyError {e}"


def _cues_fast(s: str) -> list[tuple[int, int, str, str]] | str:
    try:
        return extraction._cues_in(s, s.lower())
    except KeyError as e:
        return f"KeyError {e}"


def test_cue_letters_fold_as_the_cue_scan_expects() -> None:
    """Every character that IGNORECASE pairs with a cue letter lower-cases to it, or is set apart."""
    letters = {c for cue in extraction._CUES for c in cue if not c.isspace()}
    assert all(c.isascii() and c.islower() for c in letters)  # the scan reads lower-cased text
    for c in sorted(letters):
        for x in set(re.findall(re.escape(c), _ALL, re.IGNORECASE)):
            assert x.lower() == c or x in lexicon.FOLDED_APART or len(x.lower()) != 1, (c, x)
    word = set(re.findall(r"[\w-]", _ALL))
    for x in (x for x in _ALL if x.lower() != x and len(x.lower()) == 1):  # what lower-casing changes
        lx = x.lower()
        assert (x in word) == (lx in word) and x.isspace() == lx.isspace(), hex(ord(x))


@given(_texts([*sorted(extraction._CUES), "the", "were", "of", "homes"]))
def test_cue_scan_finds_what_the_cue_pattern_finds(text: str) -> None:
    assert _cues_fast(text) == _cues_by_pattern(text)


def test_cue_scan_on_irregular_case() -> None:
    for text in ("KILLED and İnjured", "kılled, homeleſs", "Killed", "killed\u2028wounded", "the Injured-"):
        assert _cues_fast(text) == _cues_by_pattern(text)


_DATE_WORDS = [*LEXICON.months, *LEXICON.weekdays, "yesterday", "today", "tonight", "last", "this", "earlier",
               "week", "month", "year", "night", "in", "since", "the", "of", "on", "'s", "quake", "st", "and",
               "to", "people", "2014", "1999", "20", "2"]


@given(_texts(_DATE_WORDS))
def test_date_phrases_are_those_of_the_date_pattern(text: str) -> None:
    def spans(ms: list[regex.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in ms]

    assert spans(dates._date_phrases(text)) == spans(list(dates.DATE_PATTERN.finditer(text)))


def test_date_phrases_start_anywhere_a_date_can() -> None:
    for text in ("123 May", "x12 June 2020", "the1999 quake", "1٣ May", "٣ May", "NotSunday", "in March",
                 "Oct. 7 last year", "12\tMay", "in 2014 and 20190", "since 2019"):
        assert [m.span() for m in dates._date_phrases(text)] == [m.span() for m in dates.DATE_PATTERN.finditer(text)]


_GATED = [
    (extraction._CUMULATIVE, extraction._CUMULATIVE_WORDS),
    (extraction._RUNNING, extraction._RUNNING_WORDS),
    (extraction._RELATIVE_TIME, extraction._RELATIVE_TIME_WORDS),
    (extraction._PAST_MARKER, extraction._PAST_MARKER_WORDS),
    (incident._TALLY, incident._TALLY_WORDS),
    (extraction._HOSTAGE_WORD, extraction._HOSTAGE_WORDS),
    (extraction._CAMPAIGN_NOUN, extraction._CAMPAIGN_WORDS),
    (incident._RELATIVE, incident._RELATIVE_WORDS),
    (extraction._REFER_BEFORE, extraction._REFER_WORDS),
    (extraction._SUBJECT_OF, extraction._SUBJECT_WORDS),
]


@pytest.mark.parametrize("pattern,words", _GATED, ids=[w[0] for _, w in _GATED])
def test_every_match_of_a_gated_pattern_holds_one_of_its_words(pattern: regex.Pattern[str],
                                                              words: tuple[str, ...]) -> None:
    """Every phrase of up to three of the pattern's own words (and a few others) in three cases, and with a blank after it."""
    words_of_pattern = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)  # "\banniversary" is "anniversary"
    vocabulary = sorted(set(re.findall(r"[a-z]{2,}", words_of_pattern)) | {"a", "2", "killed", "the"})
    assert all(w == w.lower() for w in words)
    for n in (1, 2, 3):
        for phrase in itertools.product(vocabulary, repeat=n):
            text = " ".join(phrase)
            for t in (text, text.upper(), text.title(), text + " "):  # a blank ends a window read before a figure
                if pattern.search(t):
                    low = t.lower()
                    assert lexicon.holds_any(low, lexicon.plain_case(t, low), words), t


def test_a_gate_reads_irregular_case_with_the_pattern() -> None:
    for text in ("TOLLS", "ſo far", "İn total", "a year aſo"):
        low = text.lower()
        got = lexicon.holds_any(low, lexicon.plain_case(text, low), extraction._CUMULATIVE_WORDS)
        assert got or not extraction._CUMULATIVE.search(text)
    assert not lexicon.plain_case("ſo far", "ſo far") and lexicon.plain_case("So far", "so far")



_TALLY_GATE = re.compile(f"{attribution._TALLY_GATE_POSSESSIVE.pattern}|{attribution._TALLY_GATE_DATA.pattern}",
                         re.IGNORECASE)  # the one pattern the two halves were


@given(_texts([*attribution._DATA_NOUNS, *attribution._POSSESSIVE_NOUNS, "from", "by", "of", "compiled", "'s", "’s",
               "official", "Gaza", "released", "the"]))
def test_tally_gate_is_the_tally_pattern(text: str) -> None:
    assert attribution._tally_gate(text, text.lower()) == bool(_TALLY_GATE.search(text))


def test_tally_gate_on_irregular_case() -> None:
    for text in ("FIGURES FROM Gaza", "Gaza'S TALLY", "ſtatistics from X", "ſtatiſtics by", "Xfigures from", "Gaza’s count"):
        assert attribution._tally_gate(text, text.lower()) == bool(_TALLY_GATE.search(text)), text


_NAME_BY_BOUNDARY = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+)*")  # as it was


@given(_texts(["Nepal", "Puerto Rico", "Zoë", "ÉCOLE", "Ørsted", "x", "aB", "_Gaza", "Gaza's", "O’Neil", "1A", "ßa"]))
def test_names_are_read_as_with_a_word_boundary(text: str) -> None:
    assert extraction._NAME.findall(text) == _NAME_BY_BOUNDARY.findall(text)


def _by_dateparser(month: int, day: int, year: str | None, base: dt.date | None) -> dt.date | None:
    """What dates._month_day made of a phrase with dateparser alone (before _calendar_date)."""
    parsed = dates._dateparse(f"{day} {dates._MONTH_NAMES[month - 1]}" + (f" {year}" if year else ""),
                              base or dt.date(int(year or 2000), 1, 1))
    if parsed is not None and year is None and base is not None and parsed > base:
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:
            return None
    return parsed


@pytest.mark.parametrize("base", [dt.date(2024, 2, 29), dt.date(2023, 3, 1), dt.date(2024, 12, 31), None],
                         ids=str)
def test_calendar_dates_are_those_of_dateparser(base: dt.date | None) -> None:
    for month in range(1, 13):
        for day in (1, 7, 28, 29, 30, 31):
            for year in ((None, "2016") if base is not None else ("1999", "2024")):
                got = dates._calendar_date(month, day, year, base)
                if got is not None:
                    assert got == _by_dateparser(month, day, year, base), (month, day, year, base)
                elif year is not None or base is not None:  # a day the calendar lacks
                    with pytest.raises(ValueError):
                        dt.date(int(year) if year else base.year, month, day)  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "metric"), [
    ("Forty people were left homeleſs after the flood.", "displaced"),  # long s: the engine folds it to s
    ("Forty people were kılled in the flood.", "killed"),  # dotless i
    ("FORTY PEOPLE WERE KİLLED IN THE FLOOD.", "killed"),  # dotted capital I
])
def test_a_cue_spelled_with_a_folding_letter_is_read_not_a_crash(text: str, metric: str) -> None:
    """The case-insensitive cue pattern matches 'homeleſs' as 'homeless'; its lexicon key is looked up
    folded the same way (this raised KeyError)."""
    (claim,) = extraction.extract(text, id="t", published="2025-03-07")
    assert claim.metric.value == metric


@pytest.mark.parametrize(("sentence", "name"), [
    ("the Noto quake killed 200", "Noto"), ("the Notox quake", "Noto"), ("in Noto, the quake hit", "Noto"),
    ("Noto Peninsula Earthquake struck", "Noto"), ("Noto and the Noto quake", "Noto"), ("Turkey-Syria quake", "Syria"),
    ("Syria's quake", "Syria"), ("", "Noto"),
])
def test_event_name_by_find_is_the_pattern_per_call(sentence: str, name: str) -> None:
    """scope._is_event_name finds whole-word occurrences by str.find; the pattern it replaces was built per call."""
    from reconcile import scope

    by_pattern = any(scope._EVENT_AFTER.match(sentence, m.end())
                     for m in regex.finditer(rf"\b{regex.escape(name)}\b", sentence))
    assert scope._is_event_name(sentence, name) == by_pattern


# -- one pass over an article where there was one a sentence -----------------------------------------------

_CORPORA = [Path(__file__).resolve().parent.parent / "seeds",
            Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"]  # dev: where present


def _corpus_articles() -> list[Article]:
    return [a for d in _CORPORA if d.exists() for a in read_articles(d) if isinstance(a, Article)]


def _phrase_starts_by_pattern(text: str) -> list[int]:
    return [p for p in range(len(text) + 1) if dates._PHRASE_START.match(text, p)]


@given(_texts([*_DATE_WORDS, "٣", "1٣", "Mayor", "thisweek", "last  night", "earlier\tthis", "é", "’", "days", "week",
               "ago", "after", "eight", "A", "x1", "Twelve", "ſeven"]))
def test_phrase_starts_of_a_text_are_those_of_the_pattern(text: str) -> None:
    assert dates._phrase_starts(text) == _phrase_starts_by_pattern(text)


@given(_texts([*_DATE_WORDS, "٣", "1٣", "XMay", "Oct.", "said", "by", "from", "until", "quake", "\n", ". "]))
def test_dates_of_a_text_are_those_of_its_sentences(text: str) -> None:
    sents = split_sentences(text)
    for published in (dt.date(2024, 5, 8), None):
        assert dates.find_dates_in(text, sents, published) == [dates.find_dates(s.text, published) for s in sents]


_DATE_TEXTS = [
    "XMay 3 was the day. On May 3, 2024 it hit.", "today 2014 and Sunday", "It ended 5\u00a0\nMarch 3. Then 1٣ May",
    "yesterday’s quake\nlast  night in 2019. This week: earlier this month, on 12 June", "in1999 the2014 quake",
    "Monday. Tuesday! 20 May? 2020.", "Eight days ago, and 12 days ago; x2 days ago. A week after the floods, 3 weeks since",
    "a  day ago today. for 12 days after Monday. Seven days ago", "Yesterday and Last night, This week",
]


def test_dates_of_a_few_texts_are_those_of_their_sentences() -> None:
    for text in [*_DATE_TEXTS, "ſeven days ago"]:  # (dates._resolve cannot read "ſeven" yet: starts only)
        assert dates._phrase_starts(text) == _phrase_starts_by_pattern(text), text
    for text in _DATE_TEXTS:
        sents = split_sentences(text)
        assert dates.find_dates_in(text, sents, dt.date(2024, 5, 8)) == [
            dates.find_dates(s.text, dt.date(2024, 5, 8)) for s in sents], text


def test_dates_of_the_corpora_are_those_of_their_sentences() -> None:
    for a in _corpus_articles():
        assert dates._phrase_starts(a.text) == _phrase_starts_by_pattern(a.text), a.id
        sents = split_sentences(a.text)
        assert dates.find_dates_in(a.text, sents, a.published) == [dates.find_dates(s.text, a.published) for s in sents]


def test_claims_built_without_validation_are_valid() -> None:
    """extraction builds its claims with records.trusted: each is what validation makes of its values."""
    fields = list(Claim.model_fields)
    for a in _corpus_articles():
        for c in extraction.extract(a):
            assert list(c.__dict__) == fields
            again = Claim.model_validate(dict(c.__dict__))
            assert again == c and again.model_dump_json() == c.model_dump_json()
            assert again.model_fields_set == c.model_fields_set


def test_a_count_of_days_in_folded_letters_is_read_not_a_crash() -> None:
    """The case-insensitive "days ago" pattern may match "ſeven" (the engine folds ſ and ı): its value
    is looked up folded, as the cues are (it raised KeyError); a form the start scan skips is no date."""
    for word, days in (("ſeven", 7), ("fıve", 5), ("FİVE", 5), ("Seven", 7)):
        got = dates.find_dates(f"The quake struck {word} days ago.", dt.date(2024, 1, 10))
        starts = [d.period.start for d in got if d.period]
        assert starts in ([], [dt.date(2024, 1, 10) - dt.timedelta(days=days)]), word
    assert dates.find_dates("The quake struck ſeven days ago.", dt.date(2024, 1, 10))
