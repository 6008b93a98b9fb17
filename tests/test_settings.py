"""Settings: defaults < file < environment < overrides, validated once, all documented."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsevents.errors import SettingsError
from newsevents.settings import SETTINGS_DOC, Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_settings_layers_in_order(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"batch_size": 8, "db_path": "file.duckdb"}))
    settings = load_settings(
        path=path, environ={"NEWSEVENTS_BATCH_SIZE": "16"}, overrides={"db_path": "cli.duckdb"}
    )
    assert (settings.batch_size, settings.db_path) == (16, "cli.duckdb")


def test_settings_defaults_without_layers() -> None:
    assert load_settings(environ={}) == Settings()


def test_settings_tuple_from_environment() -> None:
    settings = load_settings(environ={"NEWSEVENTS_EVENT_LANGUAGES": "en, de"})
    assert settings.event_languages == ("en", "de")


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"colour": "blue"}, "E101"), ({"batch_size": "lots"}, "E102"), ({"min_confidence": "high"}, "E102")],
)
def test_settings_bad_values_are_coded_errors(overrides: dict[str, str], code: str) -> None:
    with pytest.raises(SettingsError, match=rf"\[{code}\]"):
        load_settings(environ={}, overrides=overrides)


def test_settings_bad_file_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("[1, 2]")
    with pytest.raises(SettingsError, match=r"\[E103\].*JSON object"):
        load_settings(path=path, environ={})


def test_settings_every_setting_is_documented() -> None:
    names = {f.name for f in dataclasses.fields(Settings)}
    assert names == set(SETTINGS_DOC)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in names)
