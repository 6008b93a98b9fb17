"""Boilerplate learnt from repetition across pages of one publisher in a batch."""

from __future__ import annotations

from newsevents.article.boilerplate import BoilerplateMemory

_FOOTER = "Subscribe to our newsletter for the best of Daily Planet every morning."


def _page(n: int) -> list[str]:
    """Return the lines of one page of the same site: a shared footer and its own story."""
    return [f"Story number {n} tells what happened in town {n} on the day.", f"Second line {n}.", _FOOTER]


def test_boilerplate_repeated_line_learnt_per_group() -> None:
    memory = BoilerplateMemory(min_pages=3)
    for n in range(3):
        memory.feed("planet", _page(n))
    assert memory.is_boilerplate("planet", _FOOTER)
    assert not memory.is_boilerplate("other-site", _FOOTER)
    assert memory.clean("planet", _page(4)) == tuple(_page(4)[:2])


def test_boilerplate_not_learnt_below_min_pages() -> None:
    memory = BoilerplateMemory(min_pages=3)
    for n in range(2):
        memory.feed("planet", _page(n))
    assert memory.clean("planet", _page(5)) == tuple(_page(5))


def test_boilerplate_repeated_article_left_whole() -> None:
    memory = BoilerplateMemory(min_pages=2)
    for _ in range(2):
        memory.feed("planet", _page(1))
    assert memory.clean("planet", _page(1)) == tuple(_page(1))


def test_boilerplate_memory_bounded() -> None:
    memory = BoilerplateMemory(min_pages=2, max_lines=10)
    for n in range(50):
        memory.feed("planet", [f"unique line {n}", _FOOTER])
    assert memory.is_boilerplate("planet", _FOOTER)
