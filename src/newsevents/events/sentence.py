"""How a whole sentence tells what kind of ACLED event it reports, beside its trigger words.

Two readings: the sentence classifier, read with the paragraph around the sentence
(``sentence_label``), and a few sub-event types a sentence defines by its verb and what the verb
acts on (``sentence_cue``: weapons seized, property looted, a grenade thrown).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from newsevents.events.classifier import acled_classifier
from newsevents.events.triggers import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: ACLED's name for looting and property destruction (its events' implied agent is not the police).
LOOTING = "Looting/property destruction"
#: Things a weapons seizure seizes, and property a looter destroys.
WEAPON_NOUNS = frozenset(
    "weapon arm ammunition ammo explosive gun firearm pistol rifle kalashnikov grenade mine landmine bomb "
    "ied device cache arsenal munition bullet round rocket shell mortar detonator".split()
)
PROPERTY_NOUNS = frozenset(
    "house home shop store car vehicle building church mosque temple school office property market "
    "hut farm crop warehouse business".split()
)
#: ACLED sub-event types a sentence's verb and what it acts on define (see ``sentence_cue``):
#: (verbs, nouns one of its subject or objects must be (None: any), sub-event type).
VERB_CUES: tuple[tuple[frozenset[str], frozenset[str] | None, str], ...] = (
    (
        frozenset(
            "seize confiscate discover find recover uncover defuse dismantle impound intercept".split()
        ),
        WEAPON_NOUNS,
        "Disrupted weapons use",
    ),
    (
        frozenset("throw hurl lob toss launch explode detonate".split()),
        frozenset(["grenade"]),
        "Grenade",
    ),
    (frozenset("loot ransack plunder pillage vandalise vandalize".split()), None, LOOTING),
    (frozenset("burn torch raze bulldoze demolish".split()), PROPERTY_NOUNS, LOOTING),
)
#: Acts of force whose object, a kind of place or of people, tells ACLED's type (``attack_cue``).
ATTACK_VERBS = frozenset("attack raid storm ambush assault".split())
#: What an attack on the armed is made on: fighting them is a battle.
MILITARY_NOUNS = frozenset(
    "base airbase post checkpoint barracks outpost garrison convoy patrol position headquarters".split()
)
#: Where unarmed people are, and who they are: an attack on them is violence against civilians.
CIVILIAN_NOUNS = frozenset(
    "village mosque church temple synagogue market school teahouse cafe restaurant hotel bus home house "
    "hospital wedding funeral farmer villager worshipper civilian passenger pilgrim shopper student "
    "herder fisherman".split()
)
#: Words of rape, ACLED's sexual violence, as a verb or a noun (the tagger may lemmatise "raped" as "rap").
RAPE_WORDS = frozenset("rape raped rapes raping molest molested molesting".split())
#: Words that a side gave ground up without a fight: it left, handed it over, or met no resistance.
HANDOVER = re.compile(
    r"\b(?:pulled out|pulled back|withdrew|withdrawn|withdrawal|vacated|handed over|handed control|handover"
    r"|hand over|unopposed|without (?:any |a )?(?:resistance|fight|fighting|battle)"
    r"|(?:not|no|never) (?:encounter|meet|met|face)\w* (?:any )?resistance)\b",
    re.IGNORECASE,
)
#: Kinds of ground a force can take ("captured five villages", "seized control of the base").
TERRITORY_NOUNS = frozenset(
    "village town city area district neighbourhood neighborhood port base camp region territory hill "
    "checkpoint post outpost airport airbase road highway crossing province stronghold position bridge "
    "island control".split()
)
#: Who moves or changes sides as an armed force ("troops withdrew", "members of the militia defected").
FORCE_NOUNS = frozenset(
    "troop force soldier fighter army militia rebel militant insurgent coalition commander unit battalion "
    "brigade gunman jihadist mujahideen guerrilla peacekeeper contingent".split()
)
#: Verbs by which a side comes to hold ground (or gives it), and verbs of a force that moves away or
#: changes sides: with no other side taking the ground, a change to the group's activity.
TRANSFER_VERBS = frozenset("enter take seize capture occupy hand".split())
MOVE_VERBS = frozenset("withdraw redeploy relocate defect".split())
#: ACLED's names of the two: ground changing hands without fighting, and a group's change.
TRANSFER = "Non-violent transfer of territory"
CHANGE = "Change to group/activity"
#: How much the paragraph's ACLED label probabilities weigh beside the sentence's own.
PARAGRAPH_WEIGHT = 0.5


def sentence_cue(sent: Span) -> str | None:
    """Return the ACLED sub-event type a sentence's own words define, else None (see ``VERB_CUES``).

    Some types are defined by an act on a kind of thing, which the words show plainly: "police
    seized eight guns" (weapons seized: disrupted weapons use), "shops were looted", "gunmen
    burned dozens of homes" (looting or property destruction), "a grenade was hurled at the bus"
    (grenade). Ground taken or handed over that its holder left, or without a fight, changed
    hands without violence ("rebels entered the town after the army pulled out"); a force that
    withdraws, redeploys or defects, with no one said to take its place, changes its activity.
    A negated verb cues nothing.
    """
    if HANDOVER.search(sent.text) and any(_takes(v) for v in sent if v.pos_ == "VERB"):
        return TRANSFER
    for verb in sent:
        if verb.pos_ == "VERB" and not is_negated(verb) and _moves(verb):
            return CHANGE
        if verb.lower_ in RAPE_WORDS and verb.pos_ in {"VERB", "NOUN"} and not is_negated(verb):
            return "Sexual violence"
        if verb.pos_ != "VERB" or is_negated(verb):
            continue
        lemma = verb.lemma_.lower()
        for verbs, things, sub_event_type in VERB_CUES:
            if lemma in verbs and (things is None or acted_on(verb) & things):
                return sub_event_type
        attacked = attack_cue(verb)
        if attacked is not None:
            return attacked
    return None


def _takes(verb: Token) -> bool:
    """Return True for a verb that takes or hands over ground: a kind of place, control, or a named place."""
    if verb.lemma_.lower() not in TRANSFER_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    named = any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objects)
    return named or bool(acted_on(verb, subject=False) & TERRITORY_NOUNS)


def _moves(verb: Token) -> bool:
    """Return True for a force that moves away, redeploys or changes sides ("troops pulled out")."""
    lemma = verb.lemma_.lower()
    if lemma not in MOVE_VERBS and not (lemma == "pull" and any(c.lower_ == "out" for c in verb.children)):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [p for s in subjects for prep in s.children if prep.lower_ == "of" for p in prep.children]
    return any(s.lemma_.lower() in FORCE_NOUNS for s in subjects)


def attack_cue(verb: Token) -> str | None:
    """Return the ACLED type an attack's object gives it, else None.

    "Militants stormed an army checkpoint" is a battle (armed clash); "gunmen opened fire
    inside a mosque", "raiders attacked the village" are attacks on civilians. The object of
    "opened fire" is what the fire is opened on, at or inside.
    """
    if verb.lemma_.lower() in ATTACK_VERBS:
        things = acted_on(verb, subject=False)
    elif verb.lemma_.lower() == "open" and any(
        c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children
    ):
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "at", "inside", "into"}]
        things = {p.lemma_.lower() for prep in preps for p in prep.children if p.dep_ == "pobj"}
    else:
        return None
    if things & MILITARY_NOUNS:
        return "Armed clash"
    if things & CIVILIAN_NOUNS:
        return "Attack"
    return None


def acted_on(verb: Token, *, subject: bool = True) -> set[str]:
    """Return the lemmas of what a verb acts on: objects (and subject), their conjuncts, "caches of arms"."""
    deps = {"dobj", "nsubjpass", "nsubj"} if subject else {"dobj", "nsubjpass"}
    objects = [c for c in verb.children if c.dep_ in deps]
    objects += [conj for o in objects for conj in o.conjuncts]
    objects += [p for o in objects for prep in o.children if prep.lower_ == "of" for p in prep.children]
    return {o.lemma_.lower() for o in objects}


def sentence_label(text: str, context: Mapping[str, float] | None) -> tuple[str, float]:
    """Return the ACLED label of a sentence read with its paragraph, and its probability.

    The sentence's and the paragraph's label probabilities are averaged, so a sentence whose
    paragraph tells the same story ("... opened fire on the convoy. Two soldiers died.") is
    typed with more confidence, and one that only echoes a word of the story with less.
    """
    probs = acled_classifier().probabilities(text)
    if context is not None:
        weight = PARAGRAPH_WEIGHT
        probs = {label: (1 - weight) * p + weight * context[label] for label, p in probs.items()}
    label = max(probs, key=probs.__getitem__)
    return label, probs[label]
