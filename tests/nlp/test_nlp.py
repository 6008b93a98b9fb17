"""The nlp stage: one pipeline per process, an EntityRuler before the NER."""

from __future__ import annotations

import pytest

from newsevents.errors import ModelError
from newsevents.nlp import DEFAULT_MODEL, load_pipeline, parse, resolve_model_name
from newsevents.pipeline import Pipeline


def test_nlp_pipeline_is_loaded_once(pipeline: Pipeline) -> None:
    assert Pipeline().nlp is pipeline.nlp


def test_nlp_ruler_runs_before_ner(pipeline: Pipeline) -> None:
    names = pipeline.nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")


@pytest.mark.parametrize(
    ("text", "entity", "label", "code"),
    [
        ("Azerbaijan and Armenia fought a war.", "Azerbaijan", "GPE", "AZE"),
        ("Azerbaijan and Armenia fought a war.", "Armenia", "GPE", "ARM"),
        ("The Azerbaijani Defense Ministry said so.", "Azerbaijani", "NORP", "AZE"),
        ("Armenia ignores four UN Security Council resolutions.", "UN Security Council", "ORG", "IGOUNO"),
        ("The OSCE Minsk Group acted as mediator.", "OSCE Minsk Group", "ORG", "IGOOSC"),
    ],
)
def test_nlp_ruler_codes_entities(pipeline: Pipeline, text: str, entity: str, label: str, code: str) -> None:
    doc = pipeline.nlp(text)
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert (entity, label, code) in found


def test_nlp_parse_gives_one_doc_per_paragraph(pipeline: Pipeline) -> None:
    docs = parse(pipeline.nlp, ["First paragraph here.", "Second one. With two sentences."], batch_size=2)
    assert [len(list(d.sents)) for d in docs] == [1, 2]


def test_nlp_default_model_name_resolves_to_an_installed_package() -> None:
    assert resolve_model_name(DEFAULT_MODEL) in {DEFAULT_MODEL, "en_core_web_sm"}
    assert resolve_model_name("custom_model") == "custom_model"


def test_nlp_missing_model_is_a_coded_error() -> None:
    with pytest.raises(ModelError, match=r"\[E401\].*no_such_model"):
        load_pipeline("no_such_model")
