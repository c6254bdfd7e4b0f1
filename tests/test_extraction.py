"""Extraction: a table of sentences in the shapes of news copy, and the round trip of rendered claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given

from reconcile import Article, Claim, extract
from reconcile.sentences import split_sentences
from reconcile.strategies import articles

PUB = dt.date(2024, 5, 8)  # a Wednesday


@dataclass(frozen=True)
class Row:
    text: str
    figure: str
    low: int | None
    high: int | None
    metric: str
    source: str | None
    event_date: str | None
    why: str


ROWS = [
    Row("Israel's offensive has killed 34,789 Palestinians, according to the Gaza Health Ministry.",
        "34,789", 34789, 34789, "killed", "the Gaza Health Ministry", None, "verb before, 'according to', running total"),
    Row("34,789 Palestinians were killed, the ministry said.", "34,789", 34789, 34789, "killed", "the ministry", None,
        "passive after the noun, sentence-final attribution"),
    Row("The death toll rose to 798, officials said.", "798", 798, 798, "killed", "officials", None, "toll rose to"),
    Row("Medics said one Palestinian was killed on Tuesday.", "one", 1, 1, "killed", "Medics", "2024-05-07",
        "'X said', weekday before publication"),
    Row("A rocket attack killed four soldiers on Sunday.", "four", 4, 4, "killed", None, "2024-05-05",
        "the article's own voice"),
    Row("Hamas attacked on Oct. 7, killing about 1,200 people and abducting about 250 others, of whom 133 "
        "are believed to remain in captivity.", "133", 133, 133, "hostages_held", None, None,
        "held hostages are a stock, not an event"),
    Row("Hamas attacked on Oct. 7, killing about 1,200 people and abducting about 250 others.", "250", 250, 250,
        "hostages_taken", None, "2023-10-07", "'abducting' governs the figure; date without a year"),
    Row("The shipment had consisted of more than 3,500 heavy-duty bombs, the official said.", "3,500", 3500, None,
        "munitions", "the official", None, "munitions noun after the figure"),
    Row("Gaza is home to 2.3mn people.", "2.3mn", 2300000, 2300000, "population", None, None, "home to"),
    Row("More than 2.2 million people have been displaced.", "2.2 million", 2200000, None, "displaced", None, None,
        "displaced"),
    Row("Israel released 240 Palestinians it was holding in its jails.", "240", 240, 240, "prisoners_released",
        None, None, "released prisoners, not hostages"),
    Row("A cease-fire saw 105 hostages freed in November.", "105", 105, 105, "hostages_released", None, "2023-11",
        "'in November' is the latest November before publication"),
    Row("At least 70 people died, police said.", "70", 70, None, "killed", "police", None, "'died'"),
    Row("More than 2,000 people were injured, Dhakal told AFP.", "2,000", 2000, None, "injured", "Dhakal", None,
        "'told AFP'"),
    Row("\"I handled 30 bodies in two weeks,\" said Ángel Rivera, a funeral director.", "30", 30, 30, "killed",
        "Ángel Rivera", None, "quote with an inverted attribution"),
    Row("Borno's education commissioner initially put the number abducted at 129.", "129", 129, 129,
        "hostages_taken", "Borno's education commissioner", None, "'put the number abducted at'"),
    Row("In neighbouring India, at least 34 people were killed.", "34", 34, None, "killed", None, None,
        "place before a comma"),
    Row("One person said the group had tried to get its militants out.", "One", None, None, "-", None, None,
        "a speaker, not a count"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.why for r in ROWS])
def test_table(row: Row) -> None:
    claims = [c for c in extract(row.text, id="t", published=PUB) if c.figure.text == row.figure]
    if row.metric == "-":
        assert claims == []
        return
    assert claims, extract(row.text, id="t", published=PUB)
    c = claims[0]
    assert (c.figure.low, c.figure.high, c.metric.value) == (row.low, row.high, row.metric)
    assert (c.source.text if c.source else None) == row.source
    assert (c.event_date.label if c.event_date else None) == row.event_date
    assert row.text[c.sentence_start:].startswith(c.sentence)


def test_backreference_resolves_to_the_named_speaker() -> None:
    text = ("A senior U.S. administration official said Washington had paused a shipment. "
            "The shipment had consisted of more than 3,500 bombs, the official said.")
    c = extract(text, id="t", published=PUB)[0]
    assert c.source is not None and c.source.text == "the official"
    assert c.source.issuer == "senior U.S. administration official"


def test_relay_is_kept_apart() -> None:
    c = extract("The governor told Reuters 12 people were killed.", id="t", published=PUB)[0]
    assert c.source is not None and c.source.issuer == "governor" and c.source.relay == "Reuters"


def test_no_publication_date_still_yields_claims(caplog: pytest.LogCaptureFixture) -> None:
    claims = extract("Fifteen people were killed on Thursday.", id="t")
    assert [c.figure.low for c in claims] == [15]
    assert claims[0].event_date is None
    assert "no publication date" in caplog.text


def test_empty_text_gives_no_claims() -> None:
    assert extract("", id="t") == []


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        extract(42)  # type: ignore[arg-type]


SENTENCES = [
    ("The U.S. said 3 died. Gen. Ryder agreed.", ["The U.S. said 3 died.", "Gen. Ryder agreed."], "abbreviations"),
    ("Headline without a stop\nBody text here.", ["Headline without a stop", "Body text here."], "headlines"),
    ("Photo caption: a man.\n\nNext paragraph.", ["Photo caption: a man.", "Next paragraph."], "paragraphs"),
    ("On Oct. 7 Hamas attacked. Dr. Smith said so.", ["On Oct. 7 Hamas attacked.", "Dr. Smith said so."], "months"),
]


@pytest.mark.parametrize("text,want,why", SENTENCES, ids=[s[2] for s in SENTENCES])
def test_sentences(text: str, want: list[str], why: str) -> None:
    assert [s.text for s in split_sentences(text)] == want


@given(articles())
def test_rendered_claims_extract_back(pair: tuple[Article, list[Claim]]) -> None:
    article, expected = pair
    got = extract(article)
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert (g.figure.start, g.figure.low, g.figure.high) == (e.figure.start, e.figure.low, e.figure.high)
        assert g.metric == e.metric
        assert (g.source.text if g.source else None) == (e.source.text if e.source else None)
        assert g.event_date == e.event_date
