"""Timeline charts: offline interactive HTML, and a clear error where matplotlib is missing."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.store.plot import SERIES, html_page, write_plot

ROWS = [
    {"period": "2020-09", "events": 5, "verbal_coop": 1, "material_coop": 0, "verbal_conflict": 1,
     "material_conflict": 3, "goldstein_sum": -21.0, "goldstein_mean": -4.2, "mentions": 9},
    {"period": "2020-10", "events": 2, "verbal_coop": 2, "material_coop": 0, "verbal_conflict": 0,
     "material_conflict": 0, "goldstein_sum": 7.0, "goldstein_mean": 3.5, "mentions": 2},
]  # fmt: skip


def test_plot_html_draws_one_line_per_quad_class() -> None:
    page = html_page(ROWS, "AZE and ARM")
    for name, _label, _colour in SERIES:
        assert f'id="line-{name}"' in page
    assert page.count("<rect x=") == len(ROWS) + len(SERIES)  # Goldstein bars and legend keys


def test_plot_html_is_self_contained() -> None:
    page = html_page(ROWS, "A </script> title")
    assert not re.search(r"(src|href)=", page)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    data = re.search(r'<script type="application/json" id="series-data">(.*?)</script>', page, re.S)
    assert data is not None
    assert [row["period"] for row in json.loads(data.group(1))["rows"]] == ["2020-09", "2020-10"]
    assert "A </script> title" not in page


def test_plot_writes_html_file(tmp_path: Path) -> None:
    path = write_plot(ROWS, tmp_path / "chart.HTML", title="t")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_plot_png_without_matplotlib_is_e622(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails as if not installed
    with pytest.raises(StoreError) as info:
        write_plot(ROWS, tmp_path / "chart.png", title="t")
    assert info.value.code == "E622"
    assert "pip install matplotlib" in str(info.value)
    assert not (tmp_path / "chart.png").exists()


@pytest.mark.parametrize(("name", "rows"), [("chart.svg", ROWS), ("chart.html", [])])
def test_plot_bad_target_or_no_rows_is_e621(tmp_path: Path, name: str, rows: list[dict[str, object]]) -> None:
    with pytest.raises(StoreError) as info:
        write_plot(rows, tmp_path / name, title="t")
    assert info.value.code == "E621"


def test_plot_png_is_written_with_matplotlib(tmp_path: Path) -> None:
    pytest.importorskip(
        "matplotlib", reason="matplotlib is a declared dependency; this guards a partial install"
    )
    from newsevents.store.plot import write_plot

    rows = [
        {
            "period": "2019-01",
            "events": 3,
            "verbal_coop": 1,
            "material_coop": 0,
            "verbal_conflict": 1,
            "material_conflict": 1,
            "goldstein_sum": -2.0,
            "goldstein_mean": -0.7,
        },
        {
            "period": "2019-02",
            "events": 1,
            "verbal_coop": 0,
            "material_coop": 1,
            "verbal_conflict": 0,
            "material_conflict": 0,
            "goldstein_sum": 7.0,
            "goldstein_mean": 7.0,
        },
    ]
    path = tmp_path / "timeline.png"
    write_plot(rows, path, title="Events per month")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
