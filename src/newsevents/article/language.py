"""The language of an article body (ISO 639-1), guessed by py3langid."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import py3langid

logger = logging.getLogger(__name__)

#: How much of the body is enough to tell its language.
_SAMPLE_CHARS = 3000


def detect_language(paragraphs: Sequence[str]) -> str | None:
    """Return the ISO 639-1 code of the body's language, or None when there is no text."""
    sample = "\n".join(paragraphs)[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
