"""The offline gazetteer: names to places, ambiguity resolved by the actors' countries."""

from __future__ import annotations

import pytest

from newsevents.actors.gazetteer import Gazetteer, Place, load_gazetteer


def test_gazetteer_prefers_the_actors_country() -> None:
    gazetteer = load_gazetteer()
    london_gb = gazetteer.lookup("London", countries=["GBR"])
    london_ca = gazetteer.lookup("London", countries=["CAN"])
    assert london_gb is not None
    assert london_ca is not None
    assert (london_gb.country, london_ca.country) == ("GBR", "CAN")
    assert london_gb.lat == pytest.approx(51.5, abs=0.1)


def test_gazetteer_without_hint_takes_the_largest_place() -> None:
    place = load_gazetteer().lookup("london")
    assert place is not None
    assert place.country == "GBR"


def test_gazetteer_unknown_name_is_none() -> None:
    assert load_gazetteer().lookup("Nowhereville-on-Sea") is None


def test_gazetteer_location_carries_coordinates() -> None:
    place = Place("Baku", "AZE", "09", 40.4, 49.9, 587084, 1_000_000)
    location = Gazetteer([place]).lookup("BAKU").location()  # type: ignore[union-attr]
    assert (location.name, location.country, location.lat, location.lon) == ("Baku", "AZE", 40.4, 49.9)
