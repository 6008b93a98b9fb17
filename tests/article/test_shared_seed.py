"""The shared seed page against its hand-coded gold (needs the sibling ../shared/ folder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.article import extract_article
from newsevents.model import Article, Page, content_id

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed() -> tuple[Article, dict[str, Any]]:
    """Return the seed page's article and the article part of its gold."""
    gold_path = SHARED / "gold" / "seed.json"
    if not gold_path.is_file():
        pytest.skip("../shared/ is absent: the shared gold suite needs the sibling shared/ folder")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    page_path = SHARED.parent / gold["file"]
    text = page_path.read_text(encoding="utf-8")
    page = Page(
        id=content_id(text), input_id=str(page_path), text=text, format="text", source_path=str(page_path)
    )
    return extract_article(page), gold["article"]


@pytest.mark.parametrize("field", ["publisher", "title", "published", "page_date", "authors", "language"])
def test_shared_seed_field(seed: tuple[Article, dict[str, Any]], field: str) -> None:
    article, gold = seed
    value = getattr(article, field)
    assert (list(value) if isinstance(value, tuple) else value) == gold[field]


def test_shared_seed_offset_kept(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    assert gold["published_keeps_offset"] is True
    assert article.published is not None
    assert article.published.endswith("+04:00")
    assert article.published_precision == "minute"


def test_shared_seed_body_ends(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    assert article.paragraphs[0].startswith(gold["body_starts_with"])
    assert article.paragraphs[-1].endswith(gold["body_ends_with"])
    for boiler in gold["not_in_body"]:
        assert boiler not in article.text


@pytest.mark.xfail(
    strict=True,
    reason="gold/seed.json says 9 paragraphs, but the seed file has 8 blank-line-separated body paragraphs "
    "between the byline and the '---' rule; reported to the lead, to be settled in the gold",
)
def test_shared_seed_paragraph_count(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    assert len(article.paragraphs) == gold["paragraphs"]


def test_shared_seed_paragraphs_are_the_body_blocks(seed: tuple[Article, dict[str, Any]]) -> None:
    article, _gold = seed
    text = (SHARED.parent / json.loads((SHARED / "gold" / "seed.json").read_text())["file"]).read_text(
        encoding="utf-8"
    )
    body = text.split("By Rashid Shirinov", 1)[1].split("\n---", 1)[0]
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    assert list(article.paragraphs) == blocks
