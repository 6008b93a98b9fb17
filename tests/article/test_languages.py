"""Pages in other languages and bad pages: an article with title, date and body, or a clear problem."""

from __future__ import annotations

import pytest

from newsevents.article import extract_article
from newsevents.errors import ArticleError
from newsevents.model import Page

_PAGES = {
    "de": (
        "Regierung beschließt neues Klimagesetz",
        "12. März 2024",
        "Die Bundesregierung hat am Dienstag in Berlin ein neues Klimagesetz beschlossen, das die Ziele"
        " für das Jahr 2030 deutlich verschärft. Die Opposition kritisierte den Entwurf als unzureichend"
        " und kündigte Widerstand im Bundestag an.",
    ),
    "ru": (
        "Правительство одобрило новый закон о климате",
        "12 марта 2024",
        "Правительство во вторник в Москве одобрило новый закон о климате, который заметно ужесточает"
        " цели на 2030 год. Оппозиция назвала проект недостаточным и пообещала добиваться поправок в"
        " парламенте страны.",
    ),
    "ar": (
        "الحكومة تقر قانونا جديدا للمناخ",
        "2024-03-12",
        "أقرت الحكومة يوم الثلاثاء في العاصمة قانونا جديدا للمناخ يشدد بشكل واضح الأهداف المحددة لعام"
        " 2030. وانتقدت المعارضة المشروع ووصفته بأنه غير كاف وتعهدت بالسعي إلى تعديله في البرلمان.",
    ),
    "zh": (
        "政府批准新的气候法",
        "2024年3月12日",
        "政府周二在首都批准了一项新的气候法，该法大幅收紧了二零三零年的目标。反对派批评该草案不够充分，"
        "并表示将在议会中寻求修改。许多环保组织对这一决定表示欢迎，但认为执行仍然是关键。",
    ),
}


def _html(title: str, date: str, body: str) -> str:
    """Return a small page in any language with a headline, a dateline and the body twice over."""
    return (
        f"<html><head><title>{title} | Site</title></head><body><article><h1>{title}</h1>"
        f"<p class='date'>{date}</p><p>{body}</p><p>{body[::-1]}</p></article></body></html>"
    )


@pytest.mark.parametrize("language", sorted(_PAGES))
def test_languages_html_title_date_body(language: str) -> None:
    title, date, body = _PAGES[language]
    page = Page(id="x", input_id=f"{language}.html", text=_html(title, date, body), format="html")
    article = extract_article(page)
    assert article.title == title
    assert (article.published or "").startswith("2024-03-12")
    assert any(body[:20] in p for p in article.paragraphs)
    assert article.language == language


@pytest.mark.parametrize("language", sorted(_PAGES))
def test_languages_text_dump_title_date_body(language: str) -> None:
    title, date, body = _PAGES[language]
    dump = f"Site\n\n{title}\n\n{date}\n\n{body}\n\n{body[::-1]}\n"
    article = extract_article(Page(id="x", input_id=f"{language}.txt", text=dump, format="text"))
    assert article.title == title
    assert (article.published or "").startswith("2024-03-12")
    assert any(body[:20] in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><script>app()</script></body></html>",
        "<html><body><div id='cookie-banner'><p>We use cookies to improve your experience.</p>"
        "<button>Accept all cookies</button><button>Manage preferences</button></div></body></html>",
        "<html><body>\x00\x01\x02</body></html>",
    ],
)
def test_languages_no_article_is_a_problem_naming_the_input(html: str) -> None:
    page = Page(id="x", input_id="bad.html", text=html, format="html")
    with pytest.raises(ArticleError, match=r"\[E30[12]\] bad\.html"):
        extract_article(page)
