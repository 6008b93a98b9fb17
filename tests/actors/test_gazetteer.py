"""The offline gazetteer: names to places, ambiguity resolved by the actors' countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors.gazetteer import (
    Gazetteer,
    Place,
    benchmark_tables,
    load_gazetteer,
    load_regions,
    place_key,
    read_regions,
)
from newsevents.actors.lexicon import REGION_COLUMNS, load_lexicon
from newsevents.errors import DataError


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


# --- countries, regions, alternate names -------------------------------------------------


def test_gazetteer_country_name_is_a_country_place_at_its_capital() -> None:
    place = load_gazetteer().lookup("Afghanistan")
    assert place is not None
    assert (place.kind, place.country, place.geonames_id) == ("country", "AFG", 1149361)
    assert (place.lat, place.lon) == pytest.approx((34.5, 69.2), abs=0.1)  # Kabul


def test_gazetteer_country_name_outranks_a_city_of_that_name() -> None:
    place = load_gazetteer().lookup("Lebanon", countries=["USA"])
    assert place is not None
    assert (place.kind, place.country) == ("country", "LBN")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Crimea", "UKR"), ("Donbas", "UKR"), ("Tigray", "ETH"), ("Darfur", "SDN"), ("Gaza Strip", "PSE"),
     ("Kashmir", "IND"), ("West Bank", "PSE"), ("Nagorno-Karabakh", "AZE"), ("Texas", "USA")],
)  # fmt: skip
def test_gazetteer_region_has_country_and_coordinates(name: str, country: str) -> None:
    place = load_gazetteer().lookup(name)
    assert place is not None
    assert (place.kind, place.country) == ("region", country)
    assert place.lat is not None
    assert place.lon is not None


def test_gazetteer_region_word_prefers_the_region_over_the_city() -> None:
    gazetteer = load_gazetteer()
    city, province = gazetteer.lookup("Idlib"), gazetteer.lookup("Idlib province")
    assert city is not None
    assert province is not None
    assert (city.kind, province.kind) == ("city", "region")


@pytest.mark.parametrize(
    ("name", "canonical"), [("Kiev", "Kyiv"), ("Katmandu", "Kathmandu"), ("Ar Ramadi", "Ramadi")]
)
def test_gazetteer_alternate_names_find_the_city(name: str, canonical: str) -> None:
    place = load_gazetteer().lookup(name)
    assert place is not None
    assert place.name == canonical


def test_gazetteer_alternate_name_yields_to_a_primary_name() -> None:
    city = Place("Mosul", "IRQ", None, 36.3, 43.1, 1, 1_000_000)
    other = Place("Mosel", "DEU", None, 50.0, 7.0, 2, 20_000)
    gazetteer = Gazetteer([city, other], [("Mosel", city)])
    assert gazetteer.lookup("Mosel") == other


def test_gazetteer_location_keeps_the_name_as_written() -> None:
    place = load_gazetteer().lookup("Kiev")
    assert place is not None
    assert place.location("Kiev").name == "Kiev"
    assert place.location().name == "Kyiv"


# --- regions table -----------------------------------------------------------------------


def test_gazetteer_every_lexicon_region_is_located_in_its_country() -> None:
    gazetteer = load_gazetteer()
    missing = []
    for form in load_lexicon().countries:
        if form.kind == "region":
            place = gazetteer.lookup(form.text, countries=[form.iso3])
            if place is None or place.country != form.iso3 or place.lat is None:
                missing.append(form.text)
    assert missing == []


def test_gazetteer_regions_table_is_large_and_unique() -> None:
    regions = load_regions()
    names = [place_key(n) for r in regions for n in (r.name, *r.aliases)]
    assert len(regions) >= 150
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_gazetteer_region_names_are_not_other_countries_forms() -> None:
    lexicon = load_lexicon()
    clashes = [r.name for r in load_regions() if (lexicon.country(r.name) or r.country) != r.country]
    assert clashes == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Atlantis\t\tATL\t\tninety\t0\t", "lat/lon"), ("Atlantis\t\tatl\t\t10\t0\t", "ISO3"),
     ("Atlantis\t\tGRC\t\t95\t0\t", "out of range")],
)  # fmt: skip
def test_gazetteer_broken_region_row_raises_data_error(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "regions.tsv"
    path.write_text("# note\n" + "\t".join(REGION_COLUMNS) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=reason) as caught:
        read_regions(path)
    assert "line 3" in str(caught.value)


def test_gazetteer_benchmark_reports_every_table() -> None:
    figures = benchmark_tables()
    assert set(figures) == {"lexicon_s", "leaders_s", "gazetteer_s", "total_s", "peak_mib"}
    assert all(value > 0 for value in figures.values())
