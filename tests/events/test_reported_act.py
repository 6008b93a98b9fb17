"""Which verb of a reporting sentence tells of the act, and how a paragraph informs a sentence's type."""

from __future__ import annotations

import pytest

from newsevents.events.classifier import acled_classifier
from newsevents.events.sentence import sentence_cue, sentence_label
from newsevents.events.triggers import reported_act
from newsevents.model import Event, Page, content_id
from newsevents.nlp import parse
from newsevents.pipeline import Pipeline


def code_text(pipeline: Pipeline, text: str) -> list[Event]:
    """Return the events the pipeline codes from one paragraph we wrote."""
    page = Page(id=content_id(text), input_id="test", text=text, format="body")
    return list(pipeline.process(page).events)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Police said gunmen had opened fire on the bus.", "opened"),
        ("The ministry said rebels attacked a convoy near the border.", "attacked"),
        ("Three guards were killed at the gate, the army said.", "killed"),
        ("A helicopter is said to have dropped barrels on the town.", "dropped"),
        ("Officials said the rebels would attack the town.", "said"),
        ("The army did not say that troops shelled the village.", "say"),
        ("The minister said talks must resume.", "said"),
        ("Protesters marched through the capital.", "marched"),
    ],
)
def test_reported_act_finds_the_clause_that_tells_of_a_done_act(
    pipeline: Pipeline, text: str, verb: str
) -> None:
    (doc,) = parse(pipeline.nlp, [text])
    assert reported_act(next(iter(doc.sents)).root).text == verb


def test_a_paragraph_that_tells_the_same_story_weighs_in_the_sentence_label() -> None:
    sentence = "Two civilians died in the attack."
    alone, p_alone = sentence_label(sentence, None)
    story = "Militants fired mortar shells at the market on Tuesday. Two civilians died in the attack."
    context = acled_classifier().probabilities(story)
    label, p = sentence_label(sentence, context)
    assert label == max(context, key=context.__getitem__)
    assert p == pytest.approx(0.5 * acled_classifier().probabilities(sentence)[label] + 0.5 * context[label])
    assert (label, p) != (alone, p_alone)


def test_a_perfect_infinitive_describing_a_noun_is_no_event(pipeline: Pipeline) -> None:
    text = "Iran was the first state to have signed a treaty with the new government in Kabul."
    assert not code_text(pipeline, text)
    text = "A helicopter is said to have dropped barrels of chlorine on the town of Saraqib."
    events = code_text(pipeline, text)
    assert [e.root_code for e in events] == ["20"]


def test_who_claims_responsibility_for_an_attack_is_its_source(pipeline: Pipeline) -> None:
    text = "The Islamic State group claimed responsibility for the bombing of a Shiite mosque in Kunduz."
    force = [e for e in code_text(pipeline, text) if e.root_code in {"18", "19", "20"}]
    assert [(e.source.code[3:], e.modality) for e in force] == [("INS", "asserted")]
    text = "No group has claimed responsibility for the bombing of a Shiite mosque in Kunduz."
    assert not [e for e in code_text(pipeline, text) if e.root_code in {"18", "19", "20"}]


def test_a_speaker_saying_another_actor_must_act_demands_it(pipeline: Pipeline) -> None:
    text = "The Kenyan government declared on Tuesday that Uganda must reopen the border crossing."
    demands = [e for e in code_text(pipeline, text) if e.root_code == "10"]
    assert [(e.source.code[:3], e.target.code[:3] if e.target else None) for e in demands] == [("KEN", "UGA")]


def test_a_denied_statement_of_what_must_happen_is_no_demand(pipeline: Pipeline) -> None:
    text = "The Kenyan government did not say that Uganda must reopen the border crossing."
    assert not [e for e in code_text(pipeline, text) if e.root_code == "10"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Police seized six rifles and 300 rounds of ammunition in a raid in Mombasa.",
            "Disrupted weapons use",
        ),
        (
            "Two caches of arms were discovered by soldiers near the border town of Kidal.",
            "Disrupted weapons use",
        ),
        (
            "Dozens of shops were looted in the market town of Mbale overnight.",
            "Looting/property destruction",
        ),
        ("Unknown attackers burned several houses in the village of Kuda.", "Looting/property destruction"),
    ],
)
def test_an_act_on_a_kind_of_thing_cues_its_acled_type(
    pipeline: Pipeline, text: str, sub_event_type: str
) -> None:
    events = code_text(pipeline, text)
    assert [e.acled.sub_event_type if e.acled else None for e in events] == [sub_event_type]
    assert events[0].source.agent != "COP" or sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    "text",
    [
        "Police did not seize any weapons during the search in Mombasa.",
        "Firefighters found the source of the blaze in the market of Mbale.",
        "The minister burned the midnight oil over the budget in Kampala.",
    ],
)
def test_no_cue_without_its_act_on_its_thing(text: str, pipeline: Pipeline) -> None:
    (doc,) = parse(pipeline.nlp, [text])
    assert sentence_cue(next(iter(doc.sents))) is None


def test_a_thrown_or_exploding_grenade_cues_grenade(pipeline: Pipeline) -> None:
    text = "A hand grenade exploded at the entrance to a school in Lima."
    events = code_text(pipeline, text)
    assert [e.acled.sub_event_type if e.acled else None for e in events] == ["Grenade"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran threatened to close the Strait of Hormuz to American ships.", ("IRN", "130", "USA")),
        ("Kenya refused to admit the Ethiopian delegation.", ("KEN", "120", "ETH")),
    ],
)
def test_a_threat_or_refusal_frames_whatever_act_follows(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    events = code_text(pipeline, text)
    coded = [(e.source.code[:3], e.code, e.target.code[:3] if e.target else None) for e in events]
    assert coded == [expected]


def test_force_that_names_its_victims_but_no_one_acting_is_by_unidentified_men(pipeline: Pipeline) -> None:
    text = "At least four Somali civilians were killed in a suicide car bombing in central Mogadishu."
    events = code_text(pipeline, text)
    assert [(e.source.agent, e.target.agent if e.target else None) for e in events] == [("UAF", "CVL")]
    assert events[0].acled is not None
    assert events[0].acled.sub_event_type == "Suicide bomb"
    assert events[0].root_code == "18"


def test_force_with_no_one_acting_and_no_victim_named_is_no_event(pipeline: Pipeline) -> None:
    assert not code_text(pipeline, "The old bridge was destroyed during the floods last spring.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Government forces killed dozens of villagers with poison gas near Hama.", "2041"),
        ("Nigerian army aircraft bombed the rebels' bases near Lake Chad.", "195"),
    ],
)
def test_the_weapon_named_makes_a_general_act_of_force_specific(
    pipeline: Pipeline, text: str, code: str
) -> None:
    assert code in {e.code for e in code_text(pipeline, text)}


def test_a_death_toll_with_no_kind_of_act_is_no_event(pipeline: Pipeline) -> None:
    text = "More than 30,000 Liberians were killed and thousands displaced as a result of the fighting."
    assert not [e for e in code_text(pipeline, text) if e.source.agent == "UAF"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Malian government forces captured three villages near Gao on Monday.",
            "Government regains territory",
        ),
        (
            "Al-Shabaab fighters captured two villages outside Kismayo.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_ground_taken_needs_no_named_opponent(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    events = [e for e in code_text(pipeline, text) if e.code.startswith("192")]
    assert [e.acled.sub_event_type if e.acled else None for e in events] == [sub_event_type]


def test_ground_only_tried_for_is_not_taken(pipeline: Pipeline) -> None:
    text = "Malian government forces tried to capture three villages near Gao on Monday."
    assert not [e for e in code_text(pipeline, text) if e.code.startswith("192")]


def test_a_protest_placed_by_its_verb_is_a_protest_there(pipeline: Pipeline) -> None:
    events = code_text(pipeline, "Anti-government protests spread across Hong Kong on Sunday.")
    assert [(e.source.code, e.root_code, e.target.code if e.target else None) for e in events] == [
        ("HKGCVL", "14", "HKGGOV")
    ]


def test_anti_government_protests_take_their_place_from_the_story(pipeline: Pipeline) -> None:
    text = (
        "Hong Kong police fired tear gas at students in Mong Kok on Monday. "
        "The anti-government protests continued."
    )
    protests = [e for e in code_text(pipeline, text) if e.root_code == "14"]
    assert [(e.source.code, e.target.code if e.target else None) for e in protests] == [("HKGCVL", "HKGGOV")]


def test_a_specific_act_with_no_one_named_acting_needs_no_cue_words(pipeline: Pipeline) -> None:
    text = "An Azerbaijani opposition activist has been detained in central Baku."
    events = code_text(pipeline, text)
    assert [(e.source.agent, e.root_code) for e in events] == [("COP", "17")]
    assert events[0].acled is not None
    assert events[0].acled.sub_event_type == "Arrests"


def test_a_summit_that_names_its_sides_is_coded_even_as_the_purpose_of_a_meeting(pipeline: Pipeline) -> None:
    text = "The delegations met in Geneva for the first summit between Ghana and Togo."
    assert ("GHA", "TGO") in {
        (e.source.code[:3], e.target.code[:3] if e.target else None) for e in code_text(pipeline, text)
    }
    text = "The African Union appealed for a ceasefire between Sudan and Chad."
    assert not [e for e in code_text(pipeline, text) if e.source.code[:3] == "SDN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey warned that it would respond if Greek ships entered the disputed waters.", ("TUR", "GRC")),
        (
            "Kenya's envoy criticised Uganda and warned that the Kenyan government would act "
            "if Somalia moved troops.",
            ("KEN", "SOM"),
        ),
    ],
)
def test_a_warning_of_what_the_speaker_s_side_will_do_is_a_threat(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    threats = [e for e in code_text(pipeline, text) if e.code == "130"]
    assert [(e.source.code[:3], e.target.code[:3] if e.target else None) for e in threats] == [expected]


def test_a_warning_about_others_or_an_uncoded_condition_is_no_threat(pipeline: Pipeline) -> None:
    assert not code_text(pipeline, "Analysts in Kenya warned that prices would rise.")
    text = "China warned that it would take strong countermeasures if the speaker visited the island."
    assert not [e for e in code_text(pipeline, text) if e.code == "130"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan said that Israel's decision was illegal.", ("JOR", "111", "ISR")),
        ("The Kenyan opposition alleged that Uganda's election was irregular.", ("KEN", "112", "UGA")),
    ],
)
def test_saying_an_actor_s_act_was_wrong_criticises_the_actor(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    events = code_text(pipeline, text)
    assert [(e.source.code[:3], e.code, e.target.code[:3] if e.target else None) for e in events] == [
        expected
    ]


def test_saying_an_actor_s_act_was_not_wrong_is_no_criticism(pipeline: Pipeline) -> None:
    assert not code_text(pipeline, "Jordan said that Israel's decision was not illegal.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile called the Peruvian decision illegal.", [("CHL", "111", "PER")]),
        ("Ghana described Togo's move as a provocation.", [("GHA", "111", "TGO")]),
        ("Kenya branded the Somali raid a crime.", [("KEN", "111", "SOM")]),
        ("Brazil called the Argentine proposal historic.", [("BRA", "051", "ARG")]),
        ("Peru viewed Chile's move as a measure contradicting the treaty.", [("PER", "111", "CHL")]),
        # naming is never an appeal, and an unjudged or denied name is no event
        ("Chile called the Peruvian plan a first step.", []),
        ("Chile did not call the Peruvian decision illegal.", []),
    ],
)
def test_naming_an_actor_s_act_judges_the_actor(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    events = code_text(pipeline, text)
    assert [(e.source.code[:3], e.code, e.target.code[:3] if e.target else None) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Fighters ambushed a military convoy on the road to Gao.", "Armed clash"),
        ("Gunmen opened fire inside a mosque in the city of Kano.", "Attack"),
        ("Masked men opened fire on shoppers at a market in Jos.", "Attack"),
        ("A woman was raped by two men near the bus station of Goma.", "Sexual violence"),
    ],
)
def test_what_an_attack_falls_on_cues_its_acled_type(
    pipeline: Pipeline, text: str, sub_event_type: str
) -> None:
    events = code_text(pipeline, text)
    assert [e.acled.sub_event_type if e.acled else None for e in events] == [sub_event_type]


def test_an_attack_on_what_the_sentence_does_not_place_cues_nothing(pipeline: Pipeline) -> None:
    (doc,) = parse(pipeline.nlp, ["Critics attacked the plan in the newspapers of Nairobi."])
    assert sentence_cue(next(iter(doc.sents))) is None


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Rebel fighters entered the town of Kuda without any resistance.",
            "Non-violent transfer of territory",
        ),
        (
            "The army handed control of the garrison back to the police of Kenya.",
            "Non-violent transfer of territory",
        ),
        ("Two rebel commanders defected to the army of Chad with their men.", "Change to group/activity"),
    ],
)
def test_ground_left_or_handed_over_and_forces_moving_cue_strategic_types(
    pipeline: Pipeline, text: str, sub_event_type: str
) -> None:
    events = code_text(pipeline, text)
    assert sub_event_type in [e.acled.sub_event_type for e in events if e.acled]


def test_ground_taken_after_its_holders_pulled_out_is_a_non_violent_transfer(pipeline: Pipeline) -> None:
    text = "Syrian rebels have taken control of the town of Idlib after government forces pulled out."
    events = code_text(pipeline, text)
    assert [e.acled.sub_event_type for e in events if e.code.startswith("192") and e.acled] == [
        "Non-violent transfer of territory"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister withdrew the bill after the protests in Nairobi.",
        "Rebels handed over two hostages to the Red Cross in the town of Kuda without a fight.",
    ],
)
def test_a_bill_withdrawn_or_people_handed_over_cue_no_strategic_type(pipeline: Pipeline, text: str) -> None:
    (doc,) = parse(pipeline.nlp, [text])
    assert sentence_cue(next(iter(doc.sents))) is None
