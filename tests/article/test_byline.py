"""Bylines: names split, desks and agencies dropped, prose that starts with "By" refused."""

from __future__ import annotations

import pytest

from newsevents.article.byline import parse_byline, split_authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Rashid Shirinov", ("Rashid Shirinov",)),
        ("By Maria Santos and John Okafor", ("Maria Santos", "John Okafor")),
        ("By Anna Lindqvist, Erik Berg and Sofia Nyman", ("Anna Lindqvist", "Erik Berg", "Sofia Nyman")),
        ("By Anna Lindqvist, Erik Berg, and Sofia Nyman", ("Anna Lindqvist", "Erik Berg", "Sofia Nyman")),
        ("By Ivana Horvat & Luka Novak", ("Ivana Horvat", "Luka Novak")),
        ("Author: Amadou Diallo", ("Amadou Diallo",)),
        ("Authors: Amadou Diallo; Awa Traoré", ("Amadou Diallo", "Awa Traoré")),
        ("Written by Rania Haddad", ("Rania Haddad",)),
        ("By JOHN SMITH", ("John Smith",)),
        ("By Jane Doe in Kyiv", ("Jane Doe",)),
        ("By John Smith, Reuters", ("John Smith",)),
        ("By Spencer S. Hsu, The Washington Post", ("Spencer S. Hsu",)),
        ("By Staff Reporter", ()),
        ("Von Klaus Becker", ("Klaus Becker",)),
        ("Автор: Иван Петров", ("Иван Петров",)),
        ("By Monday, Russia and Ukraine had agreed to a truce.", ()),
        ("By 2020 the port had doubled its capacity.", ()),
        ("Azerbaijan and the UK discussed cooperation.", ()),
    ],
)
def test_byline_parse_byline(line: str, authors: tuple[str, ...]) -> None:
    assert parse_byline(line) == authors


def test_byline_split_authors_rejects_site_name() -> None:
    assert split_authors("Jane Roe and Daily Planet", reject=["Daily Planet"]) == ("Jane Roe",)
