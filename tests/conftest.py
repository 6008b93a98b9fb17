"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_REASON = "../shared/ is absent: the shared gold suite needs the sibling shared/ folder"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """Return one pipeline (model and tables loaded) for the whole session."""
    pipe = Pipeline()
    pipe.nlp  # noqa: B018 - load once, up front
    return pipe


@pytest.fixture(scope="session")
def shared() -> Path:
    """Return the shared/ folder or skip the test with the reason."""
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    return SHARED
