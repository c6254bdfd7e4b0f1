"""Reconciling synthetic claims: time and peak memory from 10k to 1M claims, and the growth.

    python bench/reconcile_scale.py [--stream] [--one-template] [10000 100000 1000000]

Targets (issue 13): 1,000,000 claims in < 30 s and < 2 GB peak on one core; growth from 10k to
1M no worse than n log n (a fitted exponent of time against n close to 1).
Each size runs in a fresh process so the peak resident memory is its own; the time includes
reading the gazetteers on first use (about 2-3 s), as a command-line run would. The last line
is the exponent of a least-squares fit of log(time) on log(n).

Without ``--stream``: ``reconcile(claims)`` on a list of the claims made beforehand (their memory
is shown apart). With ``--stream``: :func:`reconcile.compact.reconcile_groups` reads the claims
from a generator as they are made, one story's records in memory at a time (as ``reconcile
compare`` does); making the claims costs ~40 µs each, measured in the same process by a first
pass that only makes them, and taken off the time shown.

The claims (:func:`synthetic_stream`) come in sentences of several templates, as news words them
(since 2026-12-01); ``--one-template`` makes them as before, every claim from one sentence
("N people were killed in the region, officials said.") that holds none of the words a claim's
scope is read from.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

from reconcile import Attribution, Claim, DatePeriod, Figure, Metric, reconcile

METRICS = [Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.DISPLACED, Metric.HOSTAGES_TAKEN]
PLACES = [None, "North", "South", "East", "West"]

# Sentences as news words them: a figure or two, a place, a source, and now and then the words that
# a claim's scope is read from ("since the war began", "the toll", "including ... children", "a
# second quake"). Each template: its text, and per figure its metric and who it counts.
TEMPLATES: list[tuple[str, tuple[tuple[Metric, str | None], ...]]] = [
    ("{0} people were killed in {place} on {day}, {source} said.", ((Metric.KILLED, "people"),)),
    ("The death toll from the {event} in {place} rose to {0} on {day}, according to {source}.",
     ((Metric.KILLED, None),)),
    ("{Source} said {0} people were killed and {1} injured when the {event} hit {place} early on {day}.",
     ((Metric.KILLED, "people"), (Metric.INJURED, None))),
    ("At least {0} people have been killed in {place} since the war began, including {1} children, {source} said.",
     ((Metric.KILLED, "people"), (Metric.KILLED, "children"))),
    ("{0} people remain missing after the {event}, and rescuers are still searching near {place}, {source} told reporters.",
     ((Metric.MISSING, "people"),)),
    ("The {event} has displaced some {0} residents across {place} so far, {source} said in a statement on {day}.",
     ((Metric.DISPLACED, "residents"),)),
    ("More than {0} people were wounded in the {event} on {day}, {1} of them seriously, {source} said.",
     ((Metric.INJURED, "people"), (Metric.INJURED, None))),
    ("Gunmen seized {0} hostages from a school in {place} and a second group was taken near the border, "
     "{source} said.", ((Metric.HOSTAGES_TAKEN, "hostages"),)),
    ("{Source} put the number of people killed at {0}, up from {1} a day earlier, as aid reached {place}.",
     ((Metric.KILLED, None), (Metric.KILLED, None))),
    ("Hospitals in {place} received {0} injured people overnight, {source} said, warning the toll could rise.",
     ((Metric.INJURED, "people"),)),
]
EVENTS = ["earthquake", "attack", "flood", "fire", "storm", "blast", "landslide", "strike"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["officials", "the health ministry", "police", "the United Nations", "state media", "the civil defence agency",
           "a hospital director", "the army", "the governor", "local authorities"]
TOWN_ENDINGS = ["abad", "pur", "ville", "burg", "ovo", "kent", "ton", "grad", "stan", "field"]


def _letters(k: int) -> str:
    """A capitalised made-up word for k ("Aaa", "Baa" ...): with an ending, a town no gazetteer knows."""
    out = ""
    for _ in range(3):
        k, r = divmod(k, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    while k:
        k, r = divmod(k, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    return out.capitalize()


def synthetic(n: int, seed: int = 1) -> list[Claim]:
    """n claims: stories of 20 articles, each article 5 claims about its story's events."""
    return list(synthetic_stream(n, seed))


def synthetic_stream(n: int, seed: int = 1) -> Iterator[Claim]:
    """The claims of :func:`synthetic`, made one at a time: an article's sentences follow one
    another, each from one of :data:`TEMPLATES`, with the story's place and event and a source
    each; a sentence of two figures gives two claims (about 1.3 a sentence; the corpora 1.46)."""
    rnd = random.Random(seed)
    i = 0
    while i < n:
        art = i // 5
        story = art // 20
        day = dt.date(2000, 1, 1) + dt.timedelta(days=story * 3 + rnd.randint(0, 2))
        published = day + dt.timedelta(days=rnd.randint(0, 5))
        town = _letters(story) + TOWN_ENDINGS[story % len(TOWN_ENDINGS)]  # its story's own, as Place{story} was
        event = EVENTS[story % len(EVENTS)]
        at = 0
        while i < n and i // 5 == art:
            template, figures = rnd.choice(TEMPLATES)
            while len(figures) > n - i:  # the last claim: a sentence of one figure
                template, figures = rnd.choice(TEMPLATES)
            source = rnd.choice(SOURCES)
            values = [rnd.randint(1, 50_000) for _ in figures]
            if len(values) > 1:  # the second figure is a part, or the earlier count
                values[1] = max(1, values[0] // rnd.randint(2, 5))
            texts = [f"{v:,}" for v in values]
            fields = {"place": town, "event": event, "day": rnd.choice(DAYS), "source": source,
                      "Source": source[0].upper() + source[1:]}
            sentence = template.format(*texts, *([""] * (2 - len(texts))), **fields)
            sentence = sentence[0].upper() + sentence[1:]
            issuer = f"{source}{rnd.randint(0, 3)}"
            place = rnd.choice(PLACES) or (town if "{place}" in template else None)
            spans: list[tuple[int, int]] = []
            for k, text in enumerate(texts):  # each figure's place in the sentence
                marker = template.index(f"{{{k}}}")
                start = len(template[:marker].format(*texts, *([""] * (2 - len(texts))), **fields))
                spans.append((start, start + len(text)))
            for (metric, who), v, text, (a, b) in zip(figures, values, texts, spans, strict=True):
                yield Claim(
                    id=f"a{art}:{i}", article_id=f"a{art}",
                    figure=Figure(low=v, high=v, text=text, start=at + a, end=at + b),
                    metric=metric, who=who, place=place,
                    source=Attribution(text=source, issuer=issuer),
                    published=published, event_date=DatePeriod.of(day), event_date_from="sentence",
                    sentence=sentence, sentence_start=at, names=(f"Story{story}", town),
                )
                i += 1
            at += len(sentence) + 1


def one_template_stream(n: int, seed: int = 1) -> Iterator[Claim]:
    """The generator before 2026-12-01: one sentence template, every claim at offset 0 (``--one-template``)."""
    rnd = random.Random(seed)
    for i in range(n):
        art = i // 5
        story = art // 20
        day = dt.date(2000, 1, 1) + dt.timedelta(days=story * 3 + rnd.randint(0, 2))
        v = rnd.randint(1, 50_000)
        text = f"{v:,}"
        sentence = f"{text} people were killed in the region, officials said."
        yield Claim(
            id=f"a{art}:{i}", article_id=f"a{art}",
            figure=Figure(low=v, high=v, text=text, start=0, end=len(text)),
            metric=rnd.choice(METRICS), who="people", place=rnd.choice(PLACES),
            source=Attribution(text="officials", issuer=f"issuer{rnd.randint(0, 9)}"),
            published=day + dt.timedelta(days=rnd.randint(0, 5)),
            event_date=DatePeriod.of(day), event_date_from="sentence",
            sentence=sentence, sentence_start=0, names=(f"Story{story}", f"Place{story}"),
        )


def run_one(n: int, stream: bool = False, one_template: bool = False) -> None:
    make = one_template_stream if one_template else synthetic_stream
    if stream:
        from reconcile.compact import reconcile_groups

        c0 = time.process_time()
        for _ in make(n):  # the cost of making the claims, taken off below
            pass
        making = time.process_time() - c0
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        groups = rels = 0
        for g in reconcile_groups(make(n)):
            groups += 1
            rels += len(g.relations)
        cpu = time.process_time() - c0 - making
        t = time.perf_counter() - t0 - making
        what = "before reading"
    else:
        claims = list(make(n))
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        report = reconcile(claims)
        t, cpu = time.perf_counter() - t0, time.process_time() - c0
        groups, rels = len(report.groups), sum(len(g.relations) for g in report.groups)
        what = "the claims alone"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>9,} claims  {t:7.2f} s  {cpu:7.2f} CPU s  peak {peak_mb:7.0f} MB ({what} {base_mb:5.0f} MB)  "
          f"({groups:,} groups, {rels:,} relations)", flush=True)
    print(json.dumps({"n": n, "seconds": t, "cpu_seconds": cpu, "peak_mb": peak_mb}), flush=True)


def growth(points: list[tuple[int, float]]) -> float:
    """The exponent k of time ~ n**k, by least squares on the logarithms (1.0 is linear).

    >>> round(growth([(10, 1.0), (100, 10.0), (1000, 100.0)]), 2)
    1.0
    """
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    args = sys.argv[1:]
    stream = "--stream" in args
    one_template = "--one-template" in args
    flags = [f for f in ("--stream", "--one-template") if f in args]
    args = [a for a in args if a not in flags]
    if len(args) > 1 and args[0] == "--one":
        run_one(int(args[1]), stream, one_template)
        return
    sizes = [int(a) for a in args] or [10_000, 100_000, 1_000_000]
    points: list[tuple[int, float]] = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), *flags],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                points.append((rec["n"], rec["cpu_seconds"]))
            else:
                print(line, flush=True)
    if len(points) > 1:
        print(f"growth: CPU time ~ n^{growth(points):.2f} from {points[0][0]:,} to {points[-1][0]:,} claims")


if __name__ == "__main__":
    main()
