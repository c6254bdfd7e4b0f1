"""The figure grammar: a table of typed examples, known gaps as strict xfails, and properties."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile import Figure, FigureKind, find_figures, numbers, parse_number
from reconcile.strategies import figure_texts, number_to_words

from .conftest import SEEDS


def assert_valid(fig: Figure) -> None:
    """find_figures builds figures without pydantic's validation: validating one changes nothing."""
    again = Figure.model_validate(fig.model_dump())
    assert again.model_dump_json() == fig.model_dump_json(), (fig, again)
    assert again == fig and again.model_fields_set == fig.model_fields_set
    assert hash(again) == hash(fig) and pickle.loads(pickle.dumps(fig)) == fig
    assert fig.model_copy(update={"unit": "x"}).unit == "x" and fig.unit == again.unit


@dataclass(frozen=True)
class Row:
    text: str
    surface: str
    low: int | Decimal | None
    high: int | Decimal | None
    kind: FigureKind
    why: str
    approximate: bool = False


ROWS = [
    Row("34,789 Palestinians", "34,789", 34789, 34789, FigureKind.COUNT, "digit groups"),
    Row("2950 people", "2950", 2950, 2950, FigureKind.COUNT, "digits without separators"),
    Row("home to 2.3mn people", "2.3mn", 2300000, 2300000, FigureKind.COUNT, "FT house style 'mn'"),
    Row("4.4bn", "4.4bn", 4400000000, 4400000000, FigureKind.COUNT, "attached 'bn'"),
    Row("1.5 million people", "1.5 million", 1500000, 1500000, FigureKind.COUNT, "spaced scale word"),
    Row("2.2m displaced", "2.2m", 2200000, 2200000, FigureKind.COUNT, "attached 'm' is million in news copy"),
    Row("34.5k", "34.5k", 34500, 34500, FigureKind.COUNT, "attached 'k'"),
    Row("$4.4 billion", "$4.4 billion", 4400000000, 4400000000, FigureKind.MONEY, "currency keeps its symbol"),
    Row("£1.2bn", "£1.2bn", 1200000000, 1200000000, FigureKind.MONEY, "pounds"),
    Row("Fifteen people", "Fifteen", 15, 15, FigureKind.COUNT, "a capitalised word"),
    Row("one hundred and five", "one hundred and five", 105, 105, FigureKind.COUNT, "British 'and'"),
    Row("twenty-five", "twenty-five", 25, 25, FigureKind.COUNT, "hyphenated tens"),
    Row("a dozen", "a dozen", 12, 12, FigureKind.COUNT, "'a' counts one dozen"),
    Row("a hundred people", "a hundred", 100, 100, FigureKind.COUNT, "'a hundred'"),
    Row("one million", "one million", 1000000, 1000000, FigureKind.COUNT, "words with a scale"),
    Row("two thousand", "two thousand", 2000, 2000, FigureKind.COUNT, "words with 'thousand'"),
    Row("1 million", "1 million", 1000000, 1000000, FigureKind.COUNT, "digit with a scale word"),
    Row("2.5 Million People Displaced", "2.5 Million", 2500000, 2500000, FigureKind.COUNT,
        "a title-case scale word (crashed before; found by atheris)"),
    Row("3 BILLION", "3 BILLION", 3000000000, 3000000000, FigureKind.COUNT, "an upper-case scale word"),
    Row("3 thousand", "3 thousand", 3000, 3000, FigureKind.COUNT, "digit with 'thousand'"),
    Row("10 to 15", "10 to 15", 10, 15, FigureKind.COUNT, "range with 'to'"),
    Row("10-15", "10-15", 10, 15, FigureKind.COUNT, "range with a hyphen"),
    Row("10–15", "10–15", 10, 15, FigureKind.COUNT, "range with an en dash"),
    Row("between 10 and 15", "10 and 15", 10, 15, FigureKind.COUNT, "'between X and Y'"),
    Row("from 10 to 15", "10 to 15", 10, 15, FigureKind.COUNT, "'from X to Y'"),
    Row("the toll was revised up from 12,873 to 14,014", "12,873", 12873, 12873, FigureKind.COUNT,
        "'from X to Y' after a word of change ('revised up', 'rose') is two values, not a range"),
    Row("The toll rose from 10 to 15.", "10", 10, 10, FigureKind.COUNT,
        "a verb of change before 'from': the first value alone"),
    Row("About 300 to 400 people", "300 to 400", 300, 400, FigureKind.COUNT, "a hedged range", True),
    Row("3 to 5 million", "3 to 5 million", 3000000, 5000000, FigureKind.COUNT, "the scale applies to both ends"),
    Row("$3 billion to $5 billion", "$3 billion to $5 billion", 3000000000, 5000000000, FigureKind.MONEY,
        "a money range"),
    Row("more than 34,500", "34,500", 34500, None, FigureKind.COUNT, "lower bound, open above"),
    Row("over 200", "200", 200, None, FigureKind.COUNT, "'over'"),
    Row("at least 78", "78", 78, None, FigureKind.COUNT, "'at least'"),
    Row("no fewer than 9", "9", 9, None, FigureKind.COUNT, "'no fewer than'"),
    Row("the toll exceeded 10,000", "10,000", 10000, None, FigureKind.COUNT, "verb hedge 'exceeded'"),
    Row("tops 4,000", "4,000", 4000, None, FigureKind.COUNT, "headline 'tops'"),
    Row("climbed past 4,000", "4,000", 4000, None, FigureKind.COUNT, "'past'"),
    Row("upwards of 6,500", "6,500", 6500, None, FigureKind.COUNT, "'upwards of'"),
    Row("in excess of 70", "70", 70, None, FigureKind.COUNT, "'in excess of'"),
    Row("up to 300,000", "300,000", None, 300000, FigureKind.COUNT, "upper bound"),
    Row("as many as 180", "180", None, 180, FigureKind.COUNT, "'as many as'"),
    Row("fewer than 50", "50", None, 50, FigureKind.COUNT, "'fewer than'"),
    Row("about 1,200", "1,200", 1200, 1200, FigureKind.COUNT, "'about' is a hedged point", True),
    Row("nearly 4,000", "4,000", 4000, 4000, FigureKind.COUNT, "GUIDELINES: 'nearly' is approximate", True),
    Row("some 1,000 climbers", "1,000", 1000, 1000, FigureKind.COUNT, "'some' before a numeral", True),
    Row("an estimated 4,645", "4,645", 4645, 4645, FigureKind.COUNT, "'an estimated'", True),
    Row("about two dozen", "two dozen", 24, 24, FigureKind.COUNT, "'two dozen' with a hedge", True),
    Row("hundreds of thousands", "hundreds of thousands", 200000, 999999, FigureKind.COUNT, "vague", True),
    Row("dozens of houses", "dozens", 24, 99, FigureKind.COUNT, "vague 'dozens'", True),
    Row("seven-month-long war", "seven", 7, 7, FigureKind.DURATION, "a duration is no count"),
    Row("for two weeks", "two", 2, 2, FigureKind.DURATION, "a duration"),
    Row("10 days ago", "10", 10, 10, FigureKind.DURATION, "a duration"),
    Row("eight-year siege", "eight", 8, 8, FigureKind.DURATION, "an adjective duration"),
    Row("Emad Joudat, 55, a resident", "55", 55, 55, FigureKind.AGE, "an age after a name"),
    Row("three-year-old Alexandra", "three", 3, 3, FigureKind.AGE, "'-year-old'"),
    Row("aged 16 to 18", "16 to 18", 16, 18, FigureKind.AGE, "an age range"),
    Row("2,000-pound bombs", "2,000", 2000, 2000, FigureKind.MEASURE, "a weight"),
    Row("907 kilograms", "907", 907, 907, FigureKind.MEASURE, "a weight"),
    Row("20 km (12 miles)", "20", 20, 20, FigureKind.MEASURE, "a length"),
    Row("7.8-magnitude quake", "7.8", Decimal("7.8"), Decimal("7.8"), FigureKind.MEASURE, "a magnitude"),
    Row("20 per cent", "20", 20, 20, FigureKind.PERCENT, "a percentage"),
    Row("90% of its value", "90", 90, 90, FigureKind.PERCENT, "a percent sign"),
    Row("on the 17th day", "17th", 17, 17, FigureKind.ORDINAL, "an ordinal"),
    Row("on Oct. 7", "Oct. 7", 7, 7, FigureKind.DATE, "a month and a day"),
    Row("November 2 and 3", "November 2 and 3", 2, 2, FigureKind.DATE, "two days of a month"),
    Row("in 2009", "2009", 2009, 2009, FigureKind.DATE, "a year"),
    Row("at 3 p.m.", "3 p.m.", 3, 3, FigureKind.TIME, "a time"),
    Row("at Hangar 12, where", "12", 12, 12, FigureKind.ORDINAL, "a name with a number is a label"),
    Row("sat in Hangar 12 from 2014", "12", 12, 12, FigureKind.ORDINAL,
        "a label followed by a preposition is still a label (function_words.tsv)"),
    Row("told Reuters 12 were killed", "12", 12, 12, FigureKind.COUNT,
        "a numeral followed by an auxiliary is a subject, not a label"),
    Row("a three-fold rise", "three", 3, 3, FigureKind.MEASURE, "a hyphenated 'fold' is a unit (units.tsv 'hyphen')"),
    Row("rose 3 points", "3", 3, 3, FigureKind.COUNT, "'points' after a space is no unit: only '3-point' is"),
    Row("a UH-1Y helicopter", "1", 1, 1, FigureKind.ORDINAL, "part of a model name"),
    Row("14.3 deaths per 1,000 people", "1,000", 1000, 1000, FigureKind.MEASURE, "the base of a rate"),
    Row("the two and a half years", "two and a half", Decimal("2.5"), Decimal("2.5"), FigureKind.DURATION,
        "'and a half' is part of the number before a unit"),
    # fractions and mixed numbers: a fraction is a measure, a whole result stays a count
    Row("half a million people", "half a million", 500000, 500000, FigureKind.COUNT,
        "'half a million' is 500,000, not 'a million'"),
    Row("a quarter of a million refugees", "a quarter of a million", 250000, 250000, FigureKind.COUNT,
        "a fraction of a scale word"),
    Row("one and a half million displaced", "one and a half million", 1500000, 1500000, FigureKind.COUNT,
        "a mixed number before a scale word"),
    Row("3 million and a half", "3 million and a half", 3500000, 3500000, FigureKind.COUNT,
        "'and a half' after a scaled numeral scales with it"),
    Row("two-thirds of the dead", "two-thirds", Decimal(2) / 3, Decimal(2) / 3, FigureKind.MEASURE,
        "a share is a measure, not a count of two"),
    Row("a third of the dead", "a third", Decimal(1) / 3, Decimal(1) / 3, FigureKind.MEASURE,
        "'a third of' is a share"),
    Row("a third night in the open", "third", 3, 3, FigureKind.ORDINAL,
        "'a third' before its noun is an ordinal"),
    Row("more than half of those killed", "half", Decimal("0.5"), None, FigureKind.MEASURE,
        "a hedged share"),
    Row("one hundred and three quarters", "one hundred and three quarters", Decimal("100.75"),
        Decimal("100.75"), FigureKind.MEASURE, "'and' before a proper fraction makes a mixed number"),
    Row("one hundred thirty-fifths", "one hundred thirty-fifths", Decimal(100) / 35, Decimal(100) / 35,
        FigureKind.MEASURE, "the longest compound ordinal that leaves a numerator is the denominator"),
    Row("half a dozen bodies", "half a dozen", 6, 6, FigureKind.COUNT, "half of a dozen"),
    Row("3 dozen eggs", "3 dozen", 36, 36, FigureKind.COUNT, "digits before 'dozen'"),
    Row("3/4 of the town", "3/4", Decimal("0.75"), Decimal("0.75"), FigureKind.MEASURE, "a digit fraction"),
    Row("2 1/4 miles", "2 1/4", Decimal("2.25"), Decimal("2.25"), FigureKind.MEASURE, "a mixed digit fraction"),
    Row("¾ of it", "¾", Decimal("0.75"), Decimal("0.75"), FigureKind.MEASURE, "a vulgar fraction"),
    Row("one over three", "one over three", Decimal(1) / 3, Decimal(1) / 3, FigureKind.MEASURE, "'over' between bare numbers"),
    Row("$2000 over 3 years", "$2000", 2000, 2000, FigureKind.MONEY, "'over' before a duration is no fraction"),
    # signs, notation, other groupings
    Row("a low of -30", "-30", -30, -30, FigureKind.MEASURE, "a signed number is a measure"),
    Row("minus five point five", "minus five point five", Decimal("-5.5"), Decimal("-5.5"), FigureKind.MEASURE,
        "a spelled-out sign"),
    Row("the 10 -15 range", "10 -15", 10, 15, FigureKind.COUNT, "a hyphen after a number and a space is a range"),
    Row("1.3e6", "1.3e6", 1300000, 1300000, FigureKind.MEASURE, "scientific notation"),
    Row("6.23x10^-4", "6.23x10^-4", Decimal("0.000623"), Decimal("0.000623"), FigureKind.MEASURE, "a power of ten"),
    Row("1 234 567 people", "1 234 567", 1234567, 1234567, FigureKind.COUNT, "thousands grouped by spaces"),
    Row("40\u202f000 people", "40\u202f000", 40000, 40000, FigureKind.COUNT, "a narrow no-break space"),
    Row("12,34,567 voters", "12,34,567", 1234567, 1234567, FigureKind.COUNT, "Indian digit grouping"),
    Row("13 lakh people", "13 lakh", 1300000, 1300000, FigureKind.COUNT, "an Indian scale word"),
    Row("$10M", "$10M", 10000000, 10000000, FigureKind.MONEY, "an upper-case 'M'"),
    Row("4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21", 4321, 4321, FigureKind.COUNT,
        "digits with scale words in a chain"),
    Row(".08 of a point", ".08", Decimal("0.08"), Decimal("0.08"), FigureKind.MEASURE, "a decimal without its 0"),
    Row("192.168.1.2", "168", 168, 168, FigureKind.ORDINAL, "a dotted address is four labels"),
    Row("exercises 22,24,26", "24", 24, 24, FigureKind.ORDINAL, "a comma list of small numbers is labels"),
    Row("call +44 20 7946 0958", "7946", 7946, 7946, FigureKind.ORDINAL, "a phone number is labels"),
    Row("on 5/17/2018", "17", 17, 17, FigureKind.DATE, "a date written with slashes"),
    Row("the twenty-first century", "twenty-first", 21, 21, FigureKind.ORDINAL, "a compound word ordinal"),
    Row("twenty seconds", "twenty", 20, 20, FigureKind.DURATION, "'seconds' is a unit, not twenty-second"),
    Row("the one hundred thirty-fifth anniversary", "one hundred thirty-fifth", 135, 135, FigureKind.ORDINAL,
        "a singular compound ordinal after a number is an ordinal, not a count of 130 (found in review)"),
    # issue 10 item 5: figure grammar seen on real copy
    Row("The toll reached 41-thousand on Monday.", "41-thousand", 41000, 41000, FigureKind.COUNT,
        "a hyphen joins digits to a scale word as a space does (agency style); was the range 41 to 1,000"),
    Row("the toll rose to 35-thousand-418.", "35-thousand-418", 35418, 35418, FigureKind.COUNT,
        "after a hyphenated scale word a hyphen joins the smaller part"),
    Row("some 2-million people fled", "2-million", 2000000, 2000000, FigureKind.COUNT,
        "'million' joined by a hyphen, with a hedge", True),
    Row("a 3-thousand-year-old temple", "3-thousand", 3000, 3000, FigureKind.AGE,
        "a hyphenated scale word, then the unit after it"),
    Row("a 5-km walk", "5", 5, 5, FigureKind.MEASURE, "a hyphen before a unit abbreviation is no scale word"),
    Row("a 3-year-old girl", "3", 3, 3, FigureKind.AGE, "a hyphen before 'year-old' is no scale word"),
    Row("two point two million people", "two point two million", 2200000, 2200000, FigureKind.COUNT,
        "spelled decimals end before a scale word, which multiplies them (was 2.2000000)"),
    Row("one point five billion dollars", "one point five billion", 1500000000, 1500000000, FigureKind.MONEY,
        "spelled decimals before a scale word, with a currency word"),
    Row("one point two five million", "one point two five million", 1250000, 1250000, FigureKind.COUNT,
        "several spelled decimal digits before a scale word"),
    Row("one point two hundred thirty-six", "one point two hundred thirty-six", Decimal("1.236"), Decimal("1.236"),
        FigureKind.MEASURE, "'hundred' stays in the decimals: the cardinal after 'point' is read whole (text2num)"),
    Row("a couple of soldiers were hurt", "a couple", 2, 2, FigureKind.COUNT,
        "'a couple of' is two, loosely: approximate", True),
    Row("a pair of hikers", "a pair", 2, 2, FigureKind.COUNT, "'a pair of' is exactly two"),
    Row("A couple of thousand people", "A couple of thousand", 2000, 2000, FigureKind.COUNT,
        "'a couple of' before a scale word multiplies it", True),
    Row("a couple hundred homes", "a couple hundred", 200, 200, FigureKind.COUNT,
        "'a couple' directly before a scale word (US)", True),
    Row("a couple of days later", "a couple", 2, 2, FigureKind.DURATION,
        "the unit after 'of' makes a duration", True),
    Row("Suzu has recorded 100 deaths and Wajima 90, the two cities", "90", 90, 90, FigureKind.COUNT,
        "a gapped clause after a count ('and Wajima 90') is a count, not a label like 'Hangar 12'"),
    Row("Wajima City has 69 dead, Suzu City 38, Anamizu Town nine", "38", 38, 38, FigureKind.COUNT,
        "a gapped list after a comma, with a two-word name"),
    Row("Police said 12 people died at Gate 5, officials said", "5", 5, 5, FigureKind.ORDINAL,
        "a label after a count but not in a gapped list stays a label"),
    Row("the toll has gone up to 278 on Tuesday", "278", 278, 278, FigureKind.COUNT,
        "'up' is the particle of a past verb of change, 'to 278' the value reached: no upper bound"),
    Row("The toll could go up to 10,000", "10,000", None, 10000, FigureKind.COUNT,
        "a modal with the base form: 'up to' is an upper bound"),
    Row("risen to 233 and more than 900 people", "233", 233, 233, FigureKind.COUNT,
        "'and more' before 'than' opens the next figure's hedge; was 233 or more"),
    Row("so far.\n\nOver 1,500 aftershocks", "1,500", 1500, None, FigureKind.COUNT,
        "a hedge at the start of a line (the last word was read up to a space only)"),
    Row('its allies held "between 200 and 250" people', "200 and 250", 200, 250, FigureKind.COUNT,
        "'between' after an opening quote still opens a range"),
    Row("A 475-member special team", "475", 475, 475, FigureKind.COUNT,
        "a team of 475 members is a count of members, not a measure (two dev2 articles)"),
    Row("one man was killed", "one", 1, 1, FigureKind.COUNT, "'man' is a count noun, not a unit"),
    Row("Helplines: Kharagpur 8972073925 | Balasore", "8972073925", 8972073925, 8972073925, FigureKind.ORDINAL,
        "nine or more ungrouped digits are a phone number or an identifier"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.why for r in ROWS])
def test_table(row: Row) -> None:
    figs = [f for f in find_figures(row.text) if f.text == row.surface]
    assert figs, f"{row.surface!r} not found in {row.text!r}: {find_figures(row.text)}"
    f = figs[0]
    assert (f.low, f.high, f.kind) == (row.low, row.high, row.kind)
    assert f.approximate == row.approximate
    assert row.text[f.start:f.end] == f.text
    for fig in find_figures(row.text):
        assert_valid(fig)


def test_seed_figures_pass_validation() -> None:
    """Every figure of the seed articles re-validates to itself (the unchecked path keeps the invariants)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    figs = [f for t in texts for f in find_figures(t)]
    assert len(figs) > 50
    for fig in figs:
        assert_valid(fig)


CURRENCIES = [
    ("$4.4 billion", "USD", None, "a symbol before the digits"),
    ("US$12mn", "USD", None, "the longest symbol wins"),
    ("£1.2bn", "GBP", None, "pounds by symbol"),
    ("₹500 crore", "INR", None, "a rupee sign and an Indian scale"),
    ("5 million pounds sterling", "GBP", "pounds sterling", "a two-word currency after the number (was no currency)"),
    ("20 million US dollars", "USD", "us dollars", "a qualified currency word"),
    ("40 million euros", "EUR", "euros", "a currency word after a scale"),
    ("50.9 billion reais", "BRL", "reais", "Brazil's currency (was a count of reais)"),
    ("3.5 million Mexican pesos", "MXN", "mexican pesos", "a country's name makes a shared currency name one currency"),
    ("3.5 million pesos", None, "pesos", "money, though 'pesos' alone names no one currency"),
]


@pytest.mark.parametrize("text,iso,unit,why", CURRENCIES, ids=[c[3] for c in CURRENCIES])
def test_currencies(text: str, iso: str | None, unit: str | None, why: str) -> None:
    """Currencies come from data/currencies.tsv: a symbol before the digits or a word after the number."""
    figs = find_figures(f"It cost {text} in all.")
    assert len(figs) == 1, figs
    assert (figs[0].kind, figs[0].currency, figs[0].unit) == (FigureKind.MONEY, iso, unit)


GAPS = [
    Row("between nine hundred and nine hundred forty-two", "nine hundred", 900, 942, FigureKind.COUNT,
        "'nine hundred and nine' reads as 909: a range of words with a British 'and' is ambiguous"),
    Row("twenty and three and three fifths", "twenty and three and three fifths", Decimal("23.6"), Decimal("23.6"),
        FigureKind.MEASURE, "'twenty and three' is not read as 23, so the fraction is 3 3/5"),
    Row("5m people", "5m", 5000000, 5000000, FigureKind.COUNT, "fine; but '5 m' (metres) is read as a count",),
    Row("two point five hundred people", "two point five hundred", 250, 250, FigureKind.COUNT,
        "read as 2.500: the words after 'point' are one cardinal ('point two hundred thirty-six' = .236)"),
    Row("Its Arrow 2 and Arrow 3 systems", "3", 3, 3, FigureKind.ORDINAL,
        "a name repeated with a second numeral is a label too; a lower-case word after it makes a count"),
    Row("The Coromandel Express (12841) derailed", "12841", 12841, 12841, FigureKind.ORDINAL,
        "a bare number in brackets after a name is its number; read as a count"),
]


@pytest.mark.parametrize(
    "row",
    [pytest.param(GAPS[0], marks=pytest.mark.xfail(strict=True, reason=GAPS[0].why)),
     pytest.param(GAPS[1], marks=pytest.mark.xfail(strict=True, reason=GAPS[1].why)),
     GAPS[2],
     *(pytest.param(g, marks=pytest.mark.xfail(strict=True, reason=g.why)) for g in GAPS[3:])],
    ids=[g.why[:40] for g in GAPS],
)
def test_known_gaps(row: Row) -> None:
    test_table(row)


NOT_FIGURES = [
    ("the first time", "'first' and 'second' alone are no figures"),
    ("the second attack", "'second' alone is an ordinal adjective, read by no rule"),
    ("He scores between the posts", "'scores' is a vague amount only before 'of'"),
    ("the first quarter", "'quarter' is a share, never an ordinal; alone it needs a scale word (found in review)"),
    ("Tokyo said one of its dead citizens was a woman", "'one of' picks a member out: a pronoun, not a count"),
    ("what could prove one of the deadliest shipwrecks", "'one of the' before a superlative"),
    ("No one was hurt", "'no one' is 'nobody'"),
    ("the quake is the first one that killed more than", "'one' after an ordinal stands for the noun"),
    ("the last one was found", "after 'last', likewise"),
    ("the sides blamed one another", "'one another' is reciprocal"),
    ("the couple were hurt", "'couple' is a number only in 'a couple of' or before a scale word"),
    ("a pair", "'a pair' alone names no number"),
    ("", "empty text"),
]


@pytest.mark.parametrize("text,why", NOT_FIGURES)
def test_not_figures(text: str, why: str) -> None:
    assert find_figures(text) == []


ONES_LEFT_TO_EXTRACTION = [
    ("One person said the shelter was full", "a speaker: extraction drops a figure before 'NOUN said'"),
    ("on one side of the border", "a count of one side: extraction drops counts of one with no metric"),
    ("Twenty-one of the schoolgirls were freed", "only a lone 'one' is the pronoun; 'twenty-one of' is a count"),
]


@pytest.mark.parametrize("text,why", ONES_LEFT_TO_EXTRACTION, ids=[o[1][:40] for o in ONES_LEFT_TO_EXTRACTION])
def test_ones_the_grammar_keeps(text: str, why: str) -> None:
    """A "one" whose use depends on the verb or the noun stays a count here; extraction decides."""
    figs = find_figures(text)
    assert len(figs) == 1 and figs[0].kind is FigureKind.COUNT and figs[0].text.lower().endswith("one"), figs


def test_one_one_one_is_three_numbers() -> None:
    assert [f.low for f in find_figures("one one one")] == [1, 1, 1]


def test_type_error_names_what_was_expected() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        find_figures(b"12 people")  # type: ignore[arg-type]


def test_parse_number_whole_input() -> None:
    fig = parse_number("at least 20,000")
    assert fig is not None and fig.low == 20000 and fig.high is None
    assert parse_number("10 and 12") is None


@given(st.integers(min_value=0, max_value=999_999_999))
def test_words_round_trip(n: int) -> None:
    text = number_to_words(n)
    figs = find_figures(f"They counted {text} people.")
    assert len(figs) == 1 and figs[0].low == n == figs[0].high


DENOMINATORS = {"thirds": 3, "quarters": 4, "fifths": 5, "eighths": 8, "tenths": 10, "twelfths": 12,
                "twentieths": 20, "hundredths": 100, "thousandths": 1000}


def _exact(value: Fraction) -> int | Decimal:
    return value.numerator if value.denominator == 1 else Decimal(value.numerator) / Decimal(value.denominator)


@given(st.integers(min_value=2, max_value=99), st.sampled_from(sorted(DENOMINATORS)))
def test_fraction_words(n: int, den: str) -> None:
    """'N <ordinal>s' is N over the ordinal, whatever N is in words (numerators of two or more)."""
    text = f"{number_to_words(n)} {den}"
    figs = find_figures(f"It was {text} of the total.")
    assert len(figs) == 1 and figs[0].text == text, figs
    assert figs[0].low == figs[0].high == _exact(Fraction(n, DENOMINATORS[den]))


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("a half", Fraction(1, 2)),
       ("a quarter", Fraction(1, 4)), ("three quarters", Fraction(3, 4)), ("two thirds", Fraction(2, 3))]),
       st.sampled_from([("million", 10**6), ("billion", 10**9), ("thousand", 1000)]))
def test_mixed_numbers_before_a_scale(whole: int, part: tuple[str, Fraction], scale: tuple[str, int]) -> None:
    """'<whole> and <fraction> <scale>' is (whole + fraction) times the scale."""
    text = f"{number_to_words(whole)} and {part[0]} {scale[0]}"
    figs = find_figures(f"some {text} people")
    assert len(figs) == 1 and figs[0].text == text, figs
    assert figs[0].low == _exact((whole + part[1]) * scale[1])


@given(st.integers(min_value=1, max_value=10**9))
def test_signed_digits(n: int) -> None:
    """A minus sign before digits makes a negative measure, never a count."""
    figs = find_figures(f"a low of -{n:,} was recorded")
    assert len(figs) == 1 and figs[0].low == figs[0].high == -n and figs[0].kind is FigureKind.MEASURE


@given(figure_texts())
def test_generated_expressions(pair: tuple[str, object]) -> None:
    text, expected = pair
    figs = find_figures(text)
    assert len(figs) == 1, (text, figs)
    f = figs[0]
    assert (f.low, f.high) == (expected.low, expected.high)  # type: ignore[attr-defined]
    assert f.approximate == expected.approximate  # type: ignore[attr-defined]
    assert f.start < expected.end and expected.start < f.end  # type: ignore[attr-defined]


@given(st.text())
def test_never_raises_and_spans_inside(text: str) -> None:
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert_valid(f)


def _ungated(text: str) -> list[Figure]:
    """find_figures with its shortcuts off: every numeral through CORE, every "after" pattern run."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(numbers, "_plain_end", lambda *_: -1)
        mp.setattr(numbers, "_single_word", lambda *_: None)
        mp.setattr(numbers, "_after", lambda *_: None)
        return find_figures(text)


_SHORTCUT_SOUP = ("0123456789 ,.-–$£%kmbnKMBexX/^½\u00a0\t\nabcdefghiklmnoprstuvwy()'\"")
_SHORTCUT_WORDS = ["1,200", "2950", "12", "people", "years", "year-old", "to", "and", "or more", "million", "mn",
                   "th", "st", "%", "p.m.", "km", "May", "of", "Hangar", "dollars", "point", "two", "a couple of",
                   "between", "1 234", "2 1/4", "1e6", "x 10^3", "-", "ſt", "K", "\u00a0", "Twenty", "seven", "hundred",
                   "fifths", "half", "oh", "minus", "tens of thousands", "dozens", ",", "."]


@given(st.one_of(st.text(alphabet=_SHORTCUT_SOUP, max_size=60),
                 st.lists(st.sampled_from(_SHORTCUT_WORDS), max_size=12).map(" ".join),
                 st.lists(st.sampled_from(_SHORTCUT_WORDS), max_size=12).map("".join)))
def test_shortcuts_change_nothing(text: str) -> None:
    """The plain-digits path and the gates of the "after" patterns only skip work (issue 13 item 5)."""
    assert find_figures(text) == _ungated(text)


def test_shortcuts_change_nothing_on_the_seeds() -> None:
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert find_figures(text) == _ungated(text), p.name


@given(st.text(alphabet="0123456789 ,.-–$£kmbn", max_size=200))
def test_numeric_soup(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text
        assert_valid(f)
