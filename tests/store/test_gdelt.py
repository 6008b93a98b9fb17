"""GDELT 2.0 event tables: 61 columns in GDELT's order and meaning, and import of such files."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.store import Store, open_store
from newsevents.store.gdelt import export_columns
from newsevents.store.schema import gdelt_columns


@pytest.fixture
def exported(filled: Store, tmp_path: Path) -> list[dict[str, str]]:
    """The GDELT rows of the hand-built results, as dicts by column name."""
    filled.dedup()
    path = tmp_path / "events.tsv"
    assert filled.export_gdelt(path) == 2
    names = [c.name for c in gdelt_columns()]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(names, line.split("\t"), strict=True)) for line in lines]


def test_gdelt_has_61_columns_in_order() -> None:
    names = [c.name for c in gdelt_columns()]
    assert len(names) == 61
    assert names[:6] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code"]
    assert names[25:35] == [
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]  # fmt: skip
    assert names[-2:] == ["DATEADDED", "SOURCEURL"]
    assert list(export_columns()) == names


def test_gdelt_export_row_values(exported: list[dict[str, str]]) -> None:
    row = next(r for r in exported if r["EventCode"] == "042")
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20160909",
        "201609",
        "2016",
        "2016.6932",
    )
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "AZEMIL", "ZAKIR HASANOV", "AZE", "MIL",
    )  # fmt: skip
    assert (row["Actor2Code"], row["Actor2Type1Code"], row["IsRootEvent"]) == ("GBRGOV", "GOV", "1")
    assert (row["EventBaseCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == (
        "042", "04", "1", "1.0",
    )  # fmt: skip
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == ("1", "1", "1", "")
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == (
        "4", "Baku, Azerbaijan", "AJ",
    )  # fmt: skip
    assert (row["ActionGeo_FeatureID"], row["Actor1Geo_Type"]) == ("587084", "0")
    assert (row["DATEADDED"], row["SOURCEURL"]) == ("20160909121500", "https://example.org/baku")


def test_gdelt_export_leaves_out_negated_and_undated(exported: list[dict[str, str]]) -> None:
    assert sorted(r["EventCode"] for r in exported) == ["042", "112"]
    igo = next(r for r in exported if r["EventCode"] == "112")
    assert (igo["Actor2Code"], igo["Actor2KnownGroupCode"], igo["Actor2Type1Code"]) == (
        "IGOUNO",
        "UNO",
        "IGO",
    )


@pytest.mark.parametrize("packing", ["plain", "gz", "zip"])
def test_gdelt_import_round_trip(filled: Store, tmp_path: Path, packing: str) -> None:
    filled.dedup()
    path = tmp_path / "20160909.export.CSV"
    filled.export_gdelt(path)
    if packing == "gz":
        path = path.with_suffix(".CSV.gz")
        path.write_bytes(gzip.compress((tmp_path / "20160909.export.CSV").read_bytes()))
    elif packing == "zip":
        with zipfile.ZipFile(tmp_path / "events.zip", "w") as archive:
            archive.write(path, path.name)
        path = tmp_path / "events.zip"
    with open_store(tmp_path / "other.duckdb") as other:
        assert other.import_gdelt(path) == 2
        assert other.import_gdelt(path) == 0
        ours = filled.series(by="day", claimed=True)
        assert other.series(by="day", dataset="gdelt") == ours


@pytest.mark.parametrize(
    ("content", "code"),
    [("a\tb\n", "E631"), ("\t".join(["x"] * 61) + "\n", "E631"), (None, "E632")],
)
def test_gdelt_import_bad_file(store: Store, tmp_path: Path, content: str | None, code: str) -> None:
    path = tmp_path / "bad.tsv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        store.import_gdelt(path)
    assert info.value.code == code
    assert store.counts(("gdelt_events",)) == {"gdelt_events": 0}
