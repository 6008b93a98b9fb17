"""ACLED sub-event types refined by the sentence's cues."""

from __future__ import annotations

import pytest

from newsevents.errors import DataError
from newsevents.events.acled import COLUMNS, load_cues, parse_cues, refine_acled
from newsevents.model import Acled

DEFAULT = Acled("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("code", "sentence", "target_agent", "sub_event_type"),
    [
        ("190", "Militants attacked the checkpoint with grenades.", None, "Grenade"),
        ("183", "A suicide bomber blew himself up at the market.", None, "Suicide bomb"),
        ("190", "Warplanes struck rebel positions overnight.", None, "Air/drone strike"),
        ("190", "Government forces shelled the town.", None, "Shelling/artillery/missile attack"),
        ("183", "A roadside bomb hit the convoy.", None, "Remote explosive/landmine/IED"),
        ("175", "Police fired tear gas at the protesters.", "CVL", "Protest with intervention"),
        ("175", "Security forces shot dead three protesters.", "CVL", "Excessive force against protesters"),
        ("141", "Thousands rallied peacefully in the capital.", None, "Peaceful protest"),
        ("190", "Rebels and soldiers exchanged fire.", None, "Armed clash"),
        ("190", "Demonstrators clashed with police outside parliament.", "COP", "Violent demonstration"),
        ("175", "Police fired tear gas as rioters threw stones.", "CVL", "Violent demonstration"),
        ("173", "Police detained dozens of protesters at the march.", "CVL", "Protest with intervention"),
        (
            "141",
            "Four protesters died from gunfire during the demonstration.",
            None,
            "Excessive force against protesters",
        ),
        ("190", "Gunmen stormed the university campus.", "EDU", "Attack"),
        ("181", "Gunmen kidnapped two farmers.", "CVL", "Abduction/forced disappearance"),
        ("180", "Rebel fighters killed dozens of government troops.", "MIL", "Armed clash"),
        ("183", "A grenade was hurled at the shop, killing a civilian.", "CVL", "Grenade"),
        (
            "154",
            "The army set up an observation post near the border.",
            None,
            "Headquarters or base established",
        ),
        ("190", "Rebels attacked the convoy with bombs and rifles.", "MIL", "Armed clash"),
        ("190", "An angry mob attacked two men accused of theft.", "CVL", "Mob violence"),
    ],
)
def test_acled_cues_choose_the_sub_event_type(
    code: str, sentence: str, target_agent: str | None, sub_event_type: str
) -> None:
    default = DEFAULT if code.startswith(("18", "19", "15")) else Acled("Protests", "Peaceful protest")
    refined = refine_acled(default, code, sentence, target_agent)
    assert refined is not None
    assert refined.sub_event_type == sub_event_type


def test_acled_cues_leave_uncovered_codes_alone() -> None:
    assert refine_acled(None, "040", "The ministers met with grenades on the agenda.", None) is None


def test_acled_cues_table_loads() -> None:
    assert len(load_cues()) >= 10


def test_acled_cues_bad_type_names_its_line() -> None:
    text = "\t".join(COLUMNS) + "\n19\tgrenade\t-\tBattles\tGrenade\n"
    with pytest.raises(DataError, match=r"\[E501\].* line 2:"):
        parse_cues(text)
