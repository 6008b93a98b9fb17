"""Bare article text: paragraphs only, metadata from the container."""

from __future__ import annotations

import pytest

from newsevents.article.body import parse_body, split_paragraphs


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One.\n\nTwo.\n\n\nThree.", ("One.", "Two.", "Three.")),
        ("One.\nTwo.\nThree.", ("One.", "Two.", "Three.")),
        ("One line\nwrapped.\n\nTwo.", ("One line wrapped.", "Two.")),
        ("  \n\n", ()),
    ],
)
def test_body_split_paragraphs(text: str, paragraphs: tuple[str, ...]) -> None:
    assert split_paragraphs(text) == paragraphs


def test_body_meta_fields() -> None:
    meta = {"title": "Talks held", "published": "2016-09-09T16:15:00+04:00", "publisher": "Daily Planet"}
    draft = parse_body("By Jane Roe\n\nAzerbaijan and the UK held talks.", meta)
    assert (draft.title, draft.publisher) == ("Talks held", "Daily Planet")
    assert draft.published is not None
    assert draft.published.iso == "2016-09-09T16:15:00+04:00"
    assert draft.paragraphs == (
        "By Jane Roe",
        "Azerbaijan and the UK held talks.",
    )  # no boilerplate detection


@pytest.mark.parametrize(
    ("published", "warning"),
    [("soon", "cannot read the published value 'soon'"), (None, "no publication date found")],
)
def test_body_published_warnings(published: str | None, warning: str) -> None:
    meta = {"published": published} if published else {}
    draft = parse_body("Text.", meta)
    assert draft.published is None
    assert warning in draft.warnings
