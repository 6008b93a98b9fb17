"""The language of an article body (ISO 639-1), guessed by py3langid among the languages of the news.

py3langid knows 97 languages, several of which no news page is written in (Latin, Volapük,
Esperanto ...); on short English texts ("Russia annexed Crimea in March 2014.") it may pick one
of them. Choosing only among the languages news is published in removes that failure.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

#: How much of the body is enough to tell its language.
_SAMPLE_CHARS = 3000

#: Languages news is published in, that py3langid can tell apart (ISO 639-1).
NEWS_LANGUAGES = (
    "af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu he hi hr hu hy id is it "
    "ja ka kk km kn ko ku ky lo lt lv mk ml mn mr ms mt nb ne nl nn no pa pl ps pt ro ru si sk sl sq "
    "sr sv sw ta te th tl tr ug uk ur vi xh zh zu"
).split()


@functools.cache
def _identifier() -> Any:
    """Return a py3langid identifier restricted to the languages of the news (loaded once)."""
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in NEWS_LANGUAGES if code in known])
    return identifier


def detect_language(paragraphs: Sequence[str]) -> str | None:
    """Return the ISO 639-1 code of the body's language, or None when there is no text."""
    sample = "\n".join(paragraphs)[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
