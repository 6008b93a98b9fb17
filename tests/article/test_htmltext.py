"""The HTML renderer: pages we wrote, rendered to text dumps the way a scraper saves them."""

from __future__ import annotations

from newsevents.article.htmltext import render_text

_PAGE = (
    "<html><head><title>T</title><style>p{color:red}</style></head><body>"
    "<header><img class='site-logo' src='/logo.png' alt='Daily Planet'>"
    "<nav><ul><li>Home</li><li>World</li></ul></nav></header>"
    "<div hidden>Secret menu</div><div style='display: none'>Hidden banner</div>"
    "<h1>Talks held in <em>London</em></h1><p>By Jane Roe</p>"
    "<p>First paragraph with <a href='#'>a link</a> inside.</p><script>var x = 1;</script>"
    "<footer>Copyright 2016</footer></body></html>"
)


def test_htmltext_blocks_become_lines_and_inline_text_joins() -> None:
    lines = render_text(_PAGE).splitlines()
    assert "Talks held in London" in lines
    assert "First paragraph with a link inside." in lines
    assert "By Jane Roe" in lines


def test_htmltext_keeps_menus_logo_and_footer() -> None:
    text = render_text(_PAGE)
    for kept in ("Daily Planet", "Home", "World", "Copyright 2016"):
        assert kept in text


def test_htmltext_drops_scripts_styles_and_hidden_elements() -> None:
    text = render_text(_PAGE)
    for dropped in ("var x", "color:red", "Secret menu", "Hidden banner"):
        assert dropped not in text


def test_htmltext_empty_or_textless_page() -> None:
    assert render_text("") == ""
    assert render_text("<html><body><script>x()</script></body></html>").strip() == ""
