"""How a whole sentence tells what kind of ACLED event it reports, beside its trigger words.

Two readings: the sentence classifier, read with the paragraph around the sentence
(``sentence_label``), and a few sub-event types a sentence defines by its verb and what the verb
acts on (``sentence_cue``: weapons seized, property looted, a grenade thrown).
"""

from __future__ import annotations

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
#: How much the paragraph's ACLED label probabilities weigh beside the sentence's own.
PARAGRAPH_WEIGHT = 0.5


def sentence_cue(sent: Span) -> str | None:
    """Return the ACLED sub-event type a sentence's own words define, else None (see ``VERB_CUES``).

    Some types are defined by an act on a kind of thing, which the words show plainly: "police
    seized eight guns" (weapons seized: disrupted weapons use), "shops were looted", "gunmen
    burned dozens of homes" (looting or property destruction), "a grenade was hurled at the bus"
    (grenade). A negated verb cues nothing.
    """
    for verb in sent:
        if verb.pos_ != "VERB" or is_negated(verb):
            continue
        lemma = verb.lemma_.lower()
        for verbs, things, sub_event_type in VERB_CUES:
            if lemma in verbs and (things is None or acted_on(verb) & things):
                return sub_event_type
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
