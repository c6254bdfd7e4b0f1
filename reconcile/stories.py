"""Stories: articles about one event or one war, found by the similarity of their salient terms.

An article's **signature** (:func:`article_signature`) is small and picklable: its id, its
publication day and its salient terms with a weight. The terms are the proper names of its
claims' sentences and of the article (:attr:`Claim.names`, the headline's first), and the event
nouns it uses ("quake", "shipwreck", "shooting"); each is folded for case, diacritics and a
possessive ending, and a place is replaced by its gazetteer key, so "Valparaíso" and
"Valparaiso", "Kyiv" and "Kiev" are one term.

:func:`assign_stories` links two articles when the cosine of their term vectors, weighted by
how rare each term is among the articles (``log(1 + N / df)``), times a factor for the distance
of their dates, reaches :data:`LINK_SIMILARITY`; a story is a connected set of linked articles.
Candidate pairs come from an inverted index of terms, never from all pairs: a term shared by
more than :data:`TERM_ARTICLE_LIMIT` articles proposes no pair (it still weighs in the cosine).
The result depends only on the set of signatures, not on their order: the story id is the
smallest article id of the story.

>>> from reconcile import extract
>>> a = extract("Quake in Nepal\\n\\nThe quake killed 1,100 people in Nepal.", id="a", published="2015-04-26")
>>> b = extract("Nepal quake toll\\n\\nThe toll from the Nepal quake rose to 4,010.", id="b", published="2015-04-27")
>>> c = extract("Storm in Texas\\n\\nThe storm killed 12 people in Texas.", id="c", published="2015-04-27")
>>> story_keys(a + b + c)
{'a': 'a', 'b': 'a', 'c': 'c'}
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import regex

from .gazetteer import fold, lookup
from .lexicon import LEXICON
from .records import Claim
from .scope import _by_letter  # the event nouns' alternation grouped by first letter (the same matches)

__all__ = ["LINK_SIMILARITY", "TERM_ARTICLE_LIMIT", "Signature", "article_signature", "assign_stories",
           "story_keys"]

LINK_SIMILARITY = 0.2
"""Two articles whose weighted term cosine (times the date factor) reaches this are one story."""
TERM_ARTICLE_LIMIT = 500
"""A term in more articles than this proposes no pair: it names no particular story."""
TERMS_KEPT = 24
"""The heaviest terms of an article that its signature keeps."""
SAME_TIME_DAYS = 365
"""Articles this many days apart or less are contemporaries: the date costs their link nothing."""
DATE_DECAY_DAYS = 730
"""Beyond :data:`SAME_TIME_DAYS`, the link weakens by a factor e every this many days (a war of
2014 and a war of 2023 in one place are two stories)."""

Signature = tuple[str, int | None, tuple[tuple[str, float], ...]]
"""(article id, publication day as a proleptic ordinal or None, ((term, weight), ...))."""

_NAME = regex.compile(  # a run of capitalised words, the possessive kept off
    r"\b\p{Lu}[\p{L}'’-]*+(?:[ \t]++\p{Lu}[\p{L}'’-]*+)*+"
)
_EVENT = regex.compile(rf"\b{_by_letter(list(LEXICON.events))}(?:e?s)?\b", regex.IGNORECASE)  # by first letter: 19 -> 11 µs a sentence
_OPENERS = frozenset(':-–—"“•(')
_SKIP = frozenset(w.casefold() for w in (*LEXICON.not_names, *LEXICON.months, *LEXICON.weekdays,
                                         *LEXICON.function_words, *LEXICON.number_words))


@lru_cache(maxsize=65536)
def _terms(name: str) -> tuple[str, ...]:
    """A run of capitalised words as story terms: the whole run if a gazetteer knows it ("South
    Korea"), else each word; a place as its gazetteer key; no function word, month or number.
    (Cached: the names of a story, its places, people and bodies, come back in article after article.)"""
    words = [w for w in fold(name).split() if w not in _SKIP and len(w) > 2 and not w.endswith("-")]
    if not words:
        return ()
    whole = " ".join(words)
    places = lookup(whole)
    if places or len(words) == 1:
        return (places[0].key if places else whole,)
    out = []
    for w in words:
        p = lookup(w)
        out.append(p[0].key if p else w)
    return tuple(out)


def _opens(sentence: str, at: int) -> bool:
    """Whether a name at ``at`` opens the sentence or a part of it (after a colon, a dash, a quote ...):
    the last character before it that is not blank is one of :data:`_OPENERS` (read back from
    ``at``, not by copying the sentence up to it)."""
    if at == 0:
        return True
    j = at - 1
    while j >= 0 and sentence[j].isspace():
        j -= 1
    return j >= 0 and sentence[j] in _OPENERS


def _singular(noun: str) -> str:
    """ "quakes" -> "quake", "crashes" -> "crash": the event nouns' plurals, for a term."""
    if noun.endswith(("shes", "ches", "sses")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def article_signature(claims: Sequence[Claim]) -> Signature:
    """The light signature of one article's claims (every claim of the same article).

    Weights: the article's own names (headline first) count by rank, the names and event
    nouns of its claims' sentences by how often they occur; terms are capped at
    :data:`TERMS_KEPT`.

    >>> from reconcile import extract
    >>> sig = article_signature(extract("Quake in Nepal\\n\\nThe quake killed 1,100 people in Nepal.", id="a"))
    >>> sig[0], sig[1], [t for t, _ in sig[2]]
    ('a', None, ['cc:NP', 'quake'])
    """
    if not claims:
        raise ValueError("an article signature needs the claims of one article")
    art = claims[0].article_id
    counts: dict[str, float] = defaultdict(float)
    inside: dict[str, float] = defaultdict(float)  # names seen inside a sentence, not only at its start
    opening: dict[str, float] = defaultdict(float)
    sentences = sorted({c.sentence for c in claims})
    for sentence in sentences:
        for m in _NAME.finditer(sentence):
            first = _opens(sentence, m.start())
            for t in _terms(m.group()):
                (opening if first else inside)[t] += 1
    for rank, name in enumerate(claims[0].names):
        for t in _terms(name):
            if t in inside or t not in opening or ":" in t or " " in name:  # not a capitalised sentence opener
                counts[t] += 2.0 / (1 + rank) ** 0.5
    for t, k in (*inside.items(), *opening.items()):
        if t in counts or t in inside or ":" in t:  # a sentence's first word is a name only if known as one
            counts[t] += k
    for sentence in sentences:
        for m in _EVENT.finditer(sentence):
            counts[_singular(fold(m.group()))] += 1
    weights = {t: 1 + math.log(k) if k >= 1 else k for t, k in counts.items()}
    kept = sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:TERMS_KEPT]
    day = next((c.published for c in claims if c.published is not None), None)
    return art, day.toordinal() if day else None, tuple(sorted((t, round(w, 4)) for t, w in kept))


def _date_factor(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 1.0
    gap = abs(a - b) - SAME_TIME_DAYS
    return 1.0 if gap <= 0 else math.exp(-gap / DATE_DECAY_DAYS)


def assign_stories(signatures: Iterable[Signature] | Mapping[str, Signature]) -> dict[str, str]:
    """Article id -> story id (the smallest article id of its story), from the signatures alone.

    ``signatures`` are :func:`article_signature` values, or a mapping of article id to them.
    """
    values = signatures.values() if isinstance(signatures, Mapping) else signatures
    sigs = {s[0]: s for s in values}
    ids = sorted(sigs)
    n = len(ids)
    df: Counter[str] = Counter(t for s in sigs.values() for t, _ in s[2])
    idf = {t: math.log(1 + n / k) for t, k in df.items()}
    vec: dict[str, dict[str, float]] = {}
    for a in ids:
        v = {t: w * idf[t] for t, w in sigs[a][2] if df[t] > 1}  # a term of one article links nothing
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[a] = {t: x / norm for t, x in v.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        for t, _ in sigs[a][2]:
            index[t].append(a)
    scores: dict[tuple[str, str], float] = {}
    for t in sorted(index):
        arts = index[t]
        if len(arts) > TERM_ARTICLE_LIMIT:
            continue
        for i, x in enumerate(arts):
            for y in arts[i + 1:]:
                if (x, y) in scores:
                    continue
                vx, vy = vec[x], vec[y]
                small, big = (vx, vy) if len(vx) <= len(vy) else (vy, vx)
                cos = sum(w * big.get(u, 0.0) for u, w in small.items())
                scores[(x, y)] = cos * _date_factor(sigs[x][1], sigs[y][1])
    # average linkage over the candidate pairs, strongest first: two stories merge when their
    # articles are similar on average, so one article that mentions another story's names
    # (a victim's nationality, an earlier war) does not chain the two stories together
    members: dict[str, list[str]] = {a: [a] for a in ids}
    root = {a: a for a in ids}
    for (x, y), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < LINK_SIMILARITY:
            break
        rx, ry = root[x], root[y]
        if rx == ry:
            continue
        mx, my = members[rx], members[ry]
        total = sum(scores.get((u, v) if u < v else (v, u), 0.0) for u in mx for v in my)
        if total / (len(mx) * len(my)) < LINK_SIMILARITY:
            continue
        keep, gone = (rx, ry) if rx < ry else (ry, rx)
        members[keep] = sorted(mx + my)
        for a in members.pop(gone):
            root[a] = keep
    return {a: root[a] for a in ids}


def story_keys(claims: Iterable[Claim]) -> dict[str, str]:
    """Article id -> story id for a set of claims: :func:`article_signature` per article, then
    :func:`assign_stories`."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    return assign_stories(article_signature(sorted(cs, key=lambda c: c.id)) for cs in by_article.values())


def similarities(signatures: Iterable[Signature]) -> Mapping[tuple[str, str], float]:
    """Every pair's linking score (cosine times date factor), for inspection on small sets."""
    sigs = sorted(signatures)
    n = len(sigs)
    df: Counter[str] = Counter(t for s in sigs for t, _ in s[2])
    out: dict[tuple[str, str], float] = {}
    vec = []
    for s in sigs:
        v = {t: w * math.log(1 + n / df[t]) for t, w in s[2] if df[t] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec.append({t: x / norm for t, x in v.items()})
    for i, a in enumerate(sigs):
        for j in range(i + 1, n):
            b = sigs[j]
            cos = sum(w * vec[j].get(u, 0.0) for u, w in vec[i].items())
            out[(a[0], b[0])] = cos * _date_factor(a[1], b[1])
    return out

