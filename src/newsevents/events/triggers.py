"""Find event triggers in a sentence and the actors that fill their source and target roles.

A trigger is a verb or an event noun from the pattern table. Roles come from the
dependency parse:

- verbs: the subject is the source (conjoined subjects of a symmetric verb act on each
  other); a passive subject is the target and the ``by`` agent the source; the target is
  the direct object or the pattern's preposition; clauses without a subject ("agreed to
  withdraw", "discussed ... and exchanged views") take it from the verb that governs them;
- nouns: the possessor, a ``by`` phrase or a modifying demonym is the source ("Russia's
  invasion", "US sanctions"), ``between A and B`` names both sides, the pattern says whether
  ``of X`` is source or target, and a light verb ("held talks", "signed a ceasefire") lends
  its subject.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsevents.actors.coder import DocActors
from newsevents.events.patterns import (
    STATIVE_PASSIVES,
    Pattern,
    PatternTable,
    passive_subjects,
    verb_particles,
)
from newsevents.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Words that judge something wrong: "said that X's request was inappropriate" criticises X.
CENSURE_WORDS = frozenset(
    "illegal unlawful inappropriate unacceptable wrong irregular outrageous provocative irresponsible "
    "reckless unjustified baseless absurd shameful disgraceful hypocritical illegitimate unconstitutional "
    "sham farce travesty mistake violation abuse lie disgrace provocation aggression interference "
    "betrayal insult blunder crime dangerous destabilizing destabilising hostile unfriendly adverse "
    "contradict violate undermine breach flout".split()
)
#: Words that judge something good: "called the agreement historic" praises its parties.
PRAISE_WORDS = frozenset(
    "historic courageous brave wise positive constructive welcome breakthrough milestone landmark "
    "achievement encouraging commendable".split()
)
#: Verbs that name or judge their object by a second phrase: "called X a sham", "described X as
#: illegal", "viewed X as a provocation". They are statements about X, never appeals or options.
NAMING_VERBS = frozenset(
    "call describe brand label term dub view regard see consider deem characterize characterise".split()
)
#: Verbs whose object noun is the event itself ("held talks", "signed a ceasefire").
LIGHT_VERBS = frozenset(
    "hold have conduct sign reach launch stage make pay carry begin start continue wage "
    "resume join organize organise declare announce agree call impose order mount open broker lay complete "
    "finish accelerate speed step intensify escalate conclude undertake".split()
)
#: Verbs whose subject takes part in the event noun after "in" ("were engaged in ethnic cleansing").
PARTAKING_VERBS = frozenset(["engage", "involve", "participate", "take"])
#: Verbs whose subject is the target of the event noun they take ("the US faced criticism").
RECEIVER_VERBS = frozenset(["face", "receive", "draw", "suffer", "endure", "attract"])
#: Roots of coercion and force, whose target may be given only as a place ("shelled villages in X").
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: Codes of restrictions eased (curfew, state of emergency, ban, censorship), which a state eases
#: at home for its people ("lifted the state of emergency in Darfur" -> SDNCVL).
EASED_AT_HOME = "081"
#: Roots whose target may be named only as the place acted on: force and coercion, and aid,
#: concessions and cuts in relations or aid ("provided food to villages in Chad"). Not talks,
#: meetings or agreements, whose place is only where they are held.
PLACED_ROOTS = FORCE_ROOTS | {"07", "08", "16"}
#: Prepositions that name where something is.
PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "around"})
#: Objects that make a verb of force figurative: titles won, hopes dashed, ideas attacked.
FIGURATIVE_OBJECTS = frozenset(
    "medal title championship trophy cup crown record hope hopes idea ideas proposal bill plan motion "
    "suggestion notion argument claim rumour rumor imagination heart hearts attention vote votes".split()
)
#: Verbs whose "of"/"for" object is an alleged act, not an event that happened.
ALLEGATION_VERBS = frozenset("accuse blame suspect charge convict indict allege".split())
#: Verbs whose clause is a denied or alleged act.
DENIAL_VERBS = frozenset("deny allege dispute".split())
#: Verbs that put the clause they govern into another modality.
INTENT_VERBS = frozenset(
    [
        "plan",
        "intend",
        "want",
        "seek",
        "hope",
        "expect",
        "aim",
        "prepare",
        "schedule",
        "due",
        "set",
        "vow",
        "pledge",
    ]
)
DEMAND_VERBS = frozenset(["urge", "call", "demand", "ask", "press", "request"])
#: Verbs whose "for" names what is asked for ("appealed for a ceasefire between X and Y").
APPEAL_VERBS = frozenset("appeal plead push lobby campaign pray hope wish".split())
REPORT_VERBS = frozenset(["say", "tell", "claim", "report", "allege", "add", "state", "announce", "insist"])
#: Verbs through which one actor demands something of another ("X said Y must ...").
SPEECH_VERBS = REPORT_VERBS | frozenset("stress reiterate warn write declare remind argue".split())
HYPOTHETICAL_AUX = frozenset(["would", "could", "may", "might"])
#: Auxiliaries of obligation: "Israel must halt ..." is demanded of Israel, not done by it.
OBLIGATION_AUX = frozenset(["must", "should"])
FUTURE_AUX = frozenset(("will", "shall", "'ll"))
#: Prepositions that make an event noun the topic of another event ("talks on cooperation").
TOPIC_PREPS = frozenset(["on", "about", "over", "regarding", "concerning"])
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])
#: Agents of armed groups outside the state.
NONSTATE = frozenset({"REB", "INS", "UAF", "RAD", "SEP", "CRM"})


@dataclass
class Trigger:
    """An event trigger with the actors found for its roles."""

    token: Token
    pattern: Pattern
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    mutual: bool = False
    direct: bool = True
    #: The event was read in the whole sentence (a classifier's), not in this one word.
    whole: bool = False

    @property
    def governor(self) -> Token:
        """Return the verb that carries tense, negation and modality for this trigger."""
        token = self.token
        if token.pos_ in {"VERB", "AUX"}:
            return token
        for ancestor in token.ancestors:
            if ancestor.pos_ in {"VERB", "AUX"}:
                return ancestor
        return token


def find_triggers(sent: Span, table: PatternTable, actors: DocActors) -> list[Trigger]:
    """Return the triggers of ``sent`` with their source and target actors resolved."""
    verb_ids: set[int] = set()
    found: list[Trigger] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
            if _alleged(token) or _describes(token):
                continue
            named = _named(token)
            if named is not None:  # "called the move a sham": a judgement, not an appeal
                judgement = _judgement(token, *named, actors)
                if judgement is not None:
                    verb_ids.add(token.i)
                    found.append(judgement)
                continue
            pattern = table.match_verb(token)
            if pattern is not None and pattern.code[:2] in FORCE_ROOTS and _figurative(token):
                continue
            if pattern is not None and pattern.code[:2] == "14" and _shows(token):
                continue
            if pattern is not None:
                verb_ids.add(token.i)
                found.append(_verb_trigger(token, pattern, actors))
            elif (moved := _peacekeepers_moved(token, actors)) is not None:
                verb_ids.add(token.i)
                found.append(moved)
            elif (entered := _entered_held_place(token, actors)) is not None:
                verb_ids.add(token.i)
                found.append(entered)
            elif (gathered := _crowd_gathered(token, actors)) is not None:
                verb_ids.add(token.i)
                found.append(gathered)
    for token in sent:
        if token.pos_ in {"NOUN", "PROPN"} and not _absorbed(token, verb_ids) and not _alleged(token):
            if _described(token):
                continue
            pattern = table.match_noun(token)
            if pattern is not None:
                found.append(_noun_trigger(token, pattern, actors))
    return found


#: What a crowd demonstrates when it demonstrates in protest ("demonstrated their support for").
DEMONSTRATED_STANCES = frozenset("support solidarity opposition anger outrage discontent rejection".split())


def _shows(verb: Token) -> bool:
    """Return True for "demonstrate" in its sense of showing ("demonstrated the effectiveness of
    the forces", "demonstrated that ..."); a crowd demonstrating its support still protests."""
    if verb.lemma_.lower() != "demonstrate":
        return False
    shown = _children(verb, {"dobj", "ccomp"})
    return bool(shown) and not any(t.lemma_.lower() in DEMONSTRATED_STANCES for t in shown)


#: Words that make an organisation's forces peacekeepers ("UN peacekeepers", "NATO peacekeeping troops").
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "peacekeepers"})
#: Verbs of peacekeepers coming to a place (CAMEO 074, they protect it) or leaving it (1661,
#: they are withdrawn from it). Any verb of motion with the particle "out" leaves ("shipped out of").
PEACEKEEPER_MOVES = {"arrive": "074", "land": "074", "deploy": "074", "leave": "1661", "depart": "1661"}
#: Where a move names its place: prepositions of arrival, of departure.
ARRIVAL_PREPS = frozenset({"in", "to", "into", "at"})
DEPARTURE_PREPS = frozenset({"from", "of"})


def _peacekeepers_moved(verb: Token, actors: DocActors) -> Trigger | None:
    """Return the trigger of peacekeepers arriving in or leaving a place that no pattern codes.

    "NATO peacekeeping troops arrived in Bosnia" protects Bosnia (074); "UN peacekeepers were
    shipped out of Gorazde" withdraws them from it (1661). The organisation is the source, the
    place's state the target; forces that are no peacekeepers only move.
    """
    code = "1661" if "out" in verb_particles(verb) else PEACEKEEPER_MOVES.get(verb.lemma_.lower())
    subject = _children(verb, {"nsubj", "nsubjpass"})
    if code is None or not subject or is_negated(verb):
        return None
    if not any(t.lemma_.lower() in PEACEKEEPING_WORDS for s in subject for t in s.subtree):
        return None
    sources = [a for a in _actors(subject, actors) if a.kind == "igo"]
    if not sources:
        return None
    if code == "074":
        places = _prep_objects(verb, ARRIVAL_PREPS)
    else:
        out = [g for c in _children(verb, {"prep", "prt"}) if c.lower_ == "out" for g in c.children]
        places = _prep_objects(verb, DEPARTURE_PREPS) + _children(verb, {"dobj"})
        places += [t for g in out if g.dep_ == "prep" for t in g.children if t.dep_ == "pobj"]
    targets = _place_actors(places, actors, sources) or [
        a for a in _actors(places, actors) if a.kind == "state" and a not in sources
    ]
    return _coded_verb(verb, code, sources, targets, direct=True) if targets else None


#: Verbs of a crowd coming together, and the crowds whose coming together is a demonstration.
GATHERING_VERBS = frozenset("gather assemble converge congregate mass throng".split())
PROTESTER_WORDS = frozenset("protester protestor demonstrator marcher".split())


def _crowd_gathered(verb: Token, actors: DocActors) -> Trigger | None:
    """Return the demonstration (141) of protesters who gather, a verb no pattern codes.

    "Hundreds of demonstrators gathered outside the parliament": protesters coming together
    demonstrate; "officials gathered evidence" (an object) and "students gathered" are no protest.
    """
    if verb.lemma_.lower() not in GATHERING_VERBS or _children(verb, {"dobj"}) or is_negated(verb):
        return None
    subject = _children(verb, {"nsubj"})
    crowd = [
        t for s in subject for t in (s, *(g for p in s.children if p.lower_ == "of" for g in p.children))
    ]
    if not any(t.lemma_.lower() in PROTESTER_WORDS for t in crowd):
        return None
    return _coded_verb(verb, "141", _actors(subject, actors), [], direct=True)


#: Participles that say who holds a place: "a rebel-held town", "the government-controlled city".
HOLDING_WORDS = frozenset({"hold", "control", "run", "occupy"})
#: Verbs of forces moving into a place; into a place another side holds, they take it (CAMEO 192).
ENTRY_VERBS = frozenset({"enter", "penetrate"})
#: Nouns for a share of a place ("parts of a town", "the outskirts of the city"): the place is their "of"
#: object.
PART_NOUNS = frozenset("part parts outskirts edge edges side sides quarter quarters centre center".split())


def _place_holders(places: list[Token], actors: DocActors, sources: list[Actor]) -> list[Actor]:
    """Return who holds the places, as a hyphenated modifier names them: "a rebel-held town"
    (the rebels), "Kurdish-controlled areas"; "parts of a rebel-held town" looks into the "of" phrase.
    """
    places = places + [p for t in places if t.lemma_.lower() in PART_NOUNS for p in _prep_objects(t, {"of"})]
    holders = [
        holder
        for place in places
        for held in _children(place, {"amod", "compound"})
        if held.lemma_.lower() in HOLDING_WORDS and held.tag_ == "VBN"
        for holder in held.children
        if holder.dep_ in {"npadvmod", "compound", "nsubj", "amod", "nmod"} and holder.i < held.i
    ]
    return [a for a in _actors(holders, actors) if a not in sources]


def _entered_held_place(verb: Token, actors: DocActors) -> Trigger | None:
    """Return the trigger of forces entering a place another side holds, which no pattern codes.

    "Government troops entered the rebel-held town" occupies it (CAMEO 192) and acts on its
    holders; entering a place nobody is said to hold ("entered the country") is no event.
    """
    if verb.lemma_.lower() not in ENTRY_VERBS or is_negated(verb):
        return None
    sources, direct = subjects(verb, actors)
    targets = _place_holders(_children(verb, {"dobj"}) + _prep_objects(verb, {"into"}), actors, sources)
    if not sources or not targets:
        return None
    return _coded_verb(verb, "192", sources, targets, direct=direct)


def _named(verb: Token) -> tuple[Token, Token] | None:
    """Return (what is named, what it is called) for a naming verb used to judge, else None.

    "called the decision illegal" (object + predicate), "branded the sanctions a crime" (two
    objects), "described Washington's move as a violation" ("as" on the verb or the object).
    """
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    objects = _children(verb, {"dobj"})
    predicates = _children(verb, {"oprd"})
    if not objects:
        # "called the American decision historic" is often parsed with the object as a
        # compound of the predicate
        objects = [c for p in predicates for c in p.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not objects:
            return None
    named = objects[0]
    # "... the proposal historic": a predicate adjective may be parsed as the object's modifier
    after = [c for c in named.children if c.dep_ == "amod" and c.i > named.i]
    called = predicates + objects[1:] + after + _prep_objects(verb, {"as"}) + _prep_objects(named, {"as"})
    return (named, called[0]) if called else None


def _judgement(verb: Token, named: Token, called: Token, actors: DocActors) -> Trigger | None:
    """Return the criticism (111) or praise (051) that naming ``named`` as ``called`` makes, if any."""
    # "a sham", "an illegal move", "a measure contradicting the law", "a step that violates it"
    words = {called.lemma_.lower()} | {
        c.lemma_.lower() for c in called.children if c.dep_ in {"amod", "compound", "acl", "relcl"}
    }
    if words & CENSURE_WORDS:
        code = "111"
    elif words & PRAISE_WORDS:
        code = "051"
    else:
        return None
    if is_negated(verb):
        return None
    sources, direct = subjects(verb, actors)
    targets = [a for a in actors.at(named) if a not in sources]
    if not sources or not targets:
        return None
    return _coded_verb(verb, code, sources, targets, direct=direct)


def is_negated(token: Token) -> bool:
    """Return True when a word carries its own negation ("did not attack", "no longer")."""
    return any(c.dep_ == "neg" for c in token.children)


def auxiliaries(verb: Token, *, passive: bool = False) -> set[str]:
    """Return the auxiliaries of a verb, lower-cased ("would", "to", "have"; "was" with ``passive``)."""
    deps = {"aux", "auxpass"} if passive else {"aux"}
    return {c.lower_ for c in verb.children if c.dep_ in deps}


def _perfect_infinitive(verb: Token) -> bool:
    """Return True for "to have <done>" outside a raising verb's clause ("states to have signed")."""
    return {"to", "have"} <= auxiliaries(verb) and verb.dep_ != "xcomp"


def _describes(verb: Token) -> bool:
    """Return True for a verb that describes a noun rather than reports an act.

    "the besieged city" (a participle modifier) and "the only states to have signed treaties
    with Israel" (a perfect infinitive outside a raising verb's clause) name what someone is,
    not what happened in the story. "X is said to have fired" (an xcomp) is still reported.
    """
    return verb.dep_ == "amod" or _perfect_infinitive(verb) or _nominal(verb)


#: Roles of a participle that names people ("evacuated the wounded", "the injured were treated").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _nominal(verb: Token) -> bool:
    """Return True for a participle used as a noun with its article: "the wounded", "the detained"
    name people, not an act of the story."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in NOMINAL_DEPS
        and any(c.dep_ == "det" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "dobj"} for c in verb.children)
    )


def _described(noun: Token) -> bool:
    """Return True for an event noun inside a describing verb's clause ("states to have signed treaties")."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and _perfect_infinitive(verb)


def _claimed(noun: Token) -> bool:
    """Return True for an act someone claims as theirs: "X claimed responsibility for the bombing"."""
    owned = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and owned.lemma_.lower() in {"responsibility", "credit"}
        and owned.head.pos_ == "VERB"
    )


def _figurative(token: Token) -> bool:
    """Return True for a verb of force used figuratively ("captured the gold medal", "shot down hopes")."""
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in FIGURATIVE_OBJECTS for c in token.children
    )


def _alleged(token: Token) -> bool:
    """Return True for an act that is only alleged or denied, which CAMEO does not code as an event.

    "accused X of killing civilians", "blamed Y for the attack", "denied that its forces had
    shelled the town": the accusation or denial is the event, not the act.
    """
    head = token.head
    if token.dep_ in {"pcomp", "pobj"} and head.lower_ in {"of", "for"}:
        governors = (head.head, head.head.head)  # "accused X of killing" or "accused [X of killing]"
        return any(g.lemma_.lower() in ALLEGATION_VERBS for g in governors)
    return token.dep_ == "ccomp" and head.lemma_.lower() in DENIAL_VERBS


def _absorbed(token: Token, verb_ids: set[int]) -> bool:
    """Return True for an event noun that is only the object or topic of another event."""
    if (token.dep_ == "dobj" and token.head.i in verb_ids) or token.dep_ == "compound":
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.i in verb_ids:
        # "called for the release of the hostages": the release is what is demanded; but "met for
        # the first summit between the two countries" names its own sides
        sides = any(c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in token.children)
        return not sides or token.head.head.lemma_.lower() in DEMAND_VERBS | APPEAL_VERBS
    return token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS


def _children(token: Token, deps: AbstractSet[str]) -> list[Token]:
    """Return the children of ``token`` with one of ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: AbstractSet[str]) -> list[Token]:
    """Return the objects of the prepositions ``preps`` that hang from ``token``."""
    return [
        pobj
        for prep in token.children
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps
        for pobj in [c for c in prep.children if c.dep_ == "pobj"] or _stranded_object(prep)
    ]


def _stranded_object(prep: Token) -> list[Token]:
    """Return the object the parser took from a preposition for the subject of the clause after
    it: "granted asylum to [five officers] holed up in the embassy" reads "five officers holed
    up" as a clause; the officers are still the object of "to"."""
    after = prep.i + 1
    return [
        t for t in prep.sent if t.dep_ in {"nsubj", "nsubjpass"} and t.left_edge.i == after and t.head.i > t.i
    ][:1]


def _actors(tokens: list[Token], actors: DocActors) -> list[Actor]:
    """Return the actors of several phrases, without repeats."""
    out: list[Actor] = []
    for token in tokens:
        out += [a for a in actors.at(token) if a not in out]
    return out


def subjects(verb: Token, actors: DocActors, *, hops: int = 3) -> tuple[list[Actor], bool]:
    """Return the actors of the subject of ``verb`` (inherited from governing verbs) and if direct."""
    node = verb
    for hop in range(hops + 1):
        subj = _children(node, {"nsubj"})
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
            return actors.at(node.head), hop == 0
        if subj:
            return _actors(subj, actors), hop == 0
        if node.dep_ == "relcl":
            return actors.at(node.head), False
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head
        elif node.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "acomp"} or node.head is node:
            break
        node = node.head
    return [], False


def _holders(patients: list[Token], actors: DocActors) -> list[Actor]:
    """Return who held the patients ("hostages who had been held by the Taliban were released")."""
    return _actors(
        [
            pobj
            for patient in patients
            for clause in _children(patient, {"relcl", "acl"})
            for pobj in _prep_objects(clause, {"by"})
        ],
        actors,
    )


def _verb_trigger(token: Token, pattern: Pattern, actors: DocActors) -> Trigger:
    """Return a verb trigger with its roles."""
    trigger = Trigger(token, pattern)
    passive = passive_subjects(token)
    if passive and token.lemma_.lower() in STATIVE_PASSIVES and (held := _prep_objects(token, {"to"})):
        # "Israel is opposed to French mediation": a state of mind, whose holder is the subject
        trigger.sources, trigger.targets = _actors(passive, actors), _actors(held, actors)
        return trigger
    if passive:
        trigger.targets = _actors(passive, actors)
        trigger.sources = _actors(_prep_objects(token, {"by"}), actors) or _holders(passive, actors)
        return trigger
    if token.tag_ == "VBG" and token.dep_ in {"pcomp", "pobj"} and (by := _prep_objects(token, {"by"})):
        # "killed in shelling by Syrian forces": a gerund's by-phrase is its agent, and the
        # passive subject of the clause it explains is its target
        clause = token.head.head
        trigger.sources = _actors(by, actors)
        trigger.targets = _actors(
            _children(clause, {"nsubjpass"}) or _children(clause.head, {"nsubjpass"}), actors
        )
        return trigger
    trigger.sources, trigger.direct = subjects(token, actors)
    trigger.targets = _target(token, pattern, actors, trigger.sources)
    subj = _children(token, {"nsubj"})
    if (
        pattern.symmetric
        and len(trigger.sources) >= 2
        and (not trigger.targets or (subj and subj[0].conjuncts))
    ):
        trigger.mutual, trigger.targets = True, []
    if not trigger.sources and not subj and not _children(token, {"csubj", "expl"}):
        trigger.sources = _nearest_before(token, actors, exclude=trigger.targets)
        trigger.direct = False
    if not trigger.sources and subj and pattern.code.startswith("14"):
        # "thousands marched in London": a crowd that protests is civilians of the place
        trigger.sources, trigger.direct = [_implied(subj[0], "CVL", actors)], False
    return trigger


def with_implied_source(trigger: Trigger, agent: str, actors: DocActors) -> Trigger:
    """Return a copy of ``trigger`` whose source is the agent the sentence implies ("were killed" -> UAF)."""
    return replace(trigger, sources=[_implied(trigger.token, agent, actors)], direct=False)


def _implied(token: Token, agent: str, actors: DocActors) -> Actor:
    """Return an agent-only actor the sentence implies, placed later by the event's place."""
    start = token.idx + actors.offset
    return Actor(
        text=token.text, code=agent, kind="group", agent=agent, start=start, end=start + len(token.text)
    )


def _target(token: Token, pattern: Pattern, actors: DocActors, sources: list[Actor]) -> list[Actor]:
    """Return the target actors of a verb: its object or the pattern's preposition."""
    # "arrested and beat protesters": verbs joined by "and" share the object of the last one
    objects = (
        _children(token, {"dobj", "dative"})
        or [o for conj in token.conjuncts if conj.i > token.i for o in _children(conj, {"dobj"})]
        or _shifted_objects(token)
    )
    preps = {pattern.target} if pattern.target and pattern.target != "dobj" else set()
    order: list[list[Token]] = []
    if preps:
        order.append(_prep_objects(token, preps) + [t for o in objects for t in _prep_objects(o, preps)])
        # "shared intelligence on troop movements with Ukraine": the parser hangs the preposition
        # on the object's topic
        order.append(
            [t for o in objects for p in _prep_objects(o, TOPIC_PREPS) for t in _prep_objects(p, preps)]
        )
    # "kidnapped up to 16 advisers": the object hangs from a particle
    particle_objects = [t for prt in _children(token, {"prt"}) for t in _prep_objects(prt, {"to"})]
    order += [objects, _prep_objects(token, {"with", "against", "on", "to"}), particle_objects]
    for clause in _children(token, {"xcomp", "ccomp"}):
        # "demanded that Israel halt ..." names the target as the clause's subject;
        # "threatened to retaliate against Japan" names it in the clause's object.
        order += [
            _children(clause, {"nsubj"}),
            [clause],
            _children(clause, {"dobj"}),
            _prep_objects(clause, {"against", "on", "with", "to"}),
        ]
    for tokens in order:
        found = [a for a in _actors(tokens, actors) if a not in sources]
        found = found or _place_actors(tokens, actors, sources)
        if found:
            return found
    if pattern.code[:2] in PLACED_ROOTS or pattern.code.startswith(EASED_AT_HOME):
        # "struck targets in the Gaza Strip", "pounded the city of Mariupol", "suspended aid
        # deliveries in Iraq": the place's state.
        places = _prep_objects(token, PLACE_PREPS) + [
            t for o in objects for t in _prep_objects(o, PLACE_PREPS | {"of"})
        ]
        # "seized control of the city of Kunduz", "a camp at Balakot in Pakistan": one more level down
        places += [t for p in places for t in _prep_objects(p, PLACE_PREPS | {"of"})]
        # "in Montenegro province", "in Idlib city": the name modifies a settlement noun
        places += [c for p in places for c in p.children if c.dep_ == "compound"]
        found = _place_actors(places, actors, sources) or _domestic_targets(
            pattern.code, places, actors, sources
        )
        if not found and pattern.code[:2] in FORCE_ROOTS and token.dep_ == "conj":
            # "shot down two Syrian warplanes and struck a military airport": the second act of
            # force falls on the side the first named
            found = [a for a in _actors(_children(token.head, {"dobj"}), actors) if a not in sources]
        return found
    return []


def _shifted_objects(verb: Token) -> list[Token]:
    """Return an object moved after its "as" phrase ("denounced as a crime Serbia's crackdown").

    The parser reads such an object into the "as" phrase, as an apposition or as a noun with its
    possessor ("as [a crime Croatia's] expulsion"): the act judged is the one someone owns.
    """
    return [
        t
        for p in _prep_objects(verb, {"as"})
        for t in p.subtree
        if t.dep_ == "appos" or any(c.dep_ == "poss" for c in t.children)
    ]


def _domestic_targets(code: str, places: list[Token], actors: DocActors, sources: list[Actor]) -> list[Actor]:
    """Return who suffers force used at home, where the sentence names only the place.

    Coercion and assault in one's own country fall on its people ("imposed a curfew in
    Yangon" -> MMRCVL), and so does easing them ("lifted the curfew in Yangon"); a non-state
    group that takes a town takes it from the state's forces ("the Taliban seized control of
    Kunduz" -> AFGMIL).
    """
    if borne_by_people(code):
        agent = "CVL"
    elif code.startswith("192") and sources and all(s.agent in NONSTATE for s in sources):
        agent = "MIL"
    else:
        return []
    for token in places:
        place = _place_state(token, actors)
        if place is not None and place.country is not None:
            return [replace(place, code=place.country + agent, agent=agent)]
    return []


def _place_actors(tokens: list[Token], actors: DocActors, sources: list[Actor]) -> list[Actor]:
    """Return the states of places named as targets ("visit to London" -> GBR)."""
    out: list[Actor] = []
    for token in tokens:
        actor = _place_state(token, actors)
        if actor is not None and all(actor.country != s.country for s in sources):
            out.append(actor)
    return out


def borne_by_people(code: str) -> bool:
    """Return True for coercion and assault, and the easing of restrictions: done by a state at
    home, they fall on its people."""
    return code[:2] in {"17", "18"} or code.startswith(EASED_AT_HOME)


def _place_state(token: Token, actors: DocActors) -> Actor | None:
    """Return the state of the place ``token`` names, a city's or a region's or a country's.

    A country named as the place ("struck targets in Syria") is coded as a state, not a place.
    """
    states = [a for a in actors.by_head.get(token.i, []) if a.kind == "state" and a.agent is None]
    return actors.place_actor(token) or (states[0] if states else None)


def _nearest_before(token: Token, actors: DocActors, exclude: list[Actor]) -> list[Actor]:
    """Return the actor named nearest before ``token`` in its sentence (a last resort for a source).

    Actors conjoined with it come along: "... - Egypt and Jordan - also criticised" is both.
    """
    for left in reversed(range(token.sent.start, token.i)):
        found = [a for a in actors.by_head.get(left, []) if a not in exclude]
        if found:
            near = token.doc[left]
            joined = sorted((near, *near.conjuncts), key=lambda t: t.i)
            return [a for t in joined for a in actors.by_head.get(t.i, [])[:1] if a not in exclude]
    return []


def _carrier(token: Token) -> Token:
    """Return the noun that carries an event noun measured by "of" ("ten days of war games": days)."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in {"NOUN", "NUM"}:
        token = token.head.head
    return token


def _noun_trigger(token: Token, pattern: Pattern, actors: DocActors) -> Trigger:
    """Return an event-noun trigger with its roles."""
    trigger = Trigger(token, pattern)
    between = _actors(_prep_objects(token, {"between", "among"}), actors)
    if len(between) >= 2:
        trigger.sources, trigger.mutual = between, True
        return trigger
    sources = _actors(_children(token, {"poss"}) + _prep_objects(token, {"by"}), actors)
    of_objects = _prep_objects(token, {"of"})
    if pattern.of_role == "source":
        sources += [a for a in _actors(of_objects, actors) if a not in sources]
    for child in _children(token, {"amod", "compound", "nmod"}):
        for modifier in (child, *child.conjuncts):  # "international and Palestinian criticism"
            sources += [a for a in actors.by_head.get(modifier.i, []) if a not in sources]
    if not sources and token.dep_ in {"appos", "compound"}:
        sources = list(actors.by_head.get(token.head.i, []))
    carrier = _carrier(token)
    if not sources and carrier.dep_ == "dobj" and carrier.head.lemma_.lower() in LIGHT_VERBS:
        # "held talks", "launched ten days of war games": the light verb's subject acts
        sources, trigger.direct = subjects(carrier.head, actors)
        trigger.mutual = pattern.symmetric and len(sources) >= 2
    if not sources and _claimed(token):
        sources, trigger.direct = subjects(token.head.head.head, actors)
    targets: list[Actor] = []
    verb = token.head.head
    if not sources and token.dep_ == "pobj" and token.head.lower_ in {"on", "for"} and verb.pos_ == "VERB":
        # "arrived in Kyiv on an unannounced visit", "travelled to Doha for talks"
        sources, trigger.direct = subjects(verb, actors)
        targets = _place_actors(_prep_objects(verb, {"in", "to"}), actors, sources)
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "during"} and verb.pos_ == "VERB":
        if verb.lemma_.lower() in PARTAKING_VERBS and not sources:
            # "Serb forces were engaged in ethnic cleansing": who takes part acts
            sources = _actors(_children(verb, {"nsubjpass", "nsubj"}), actors)
            targets = _actors(_prep_objects(verb, {"against"}), actors)
        else:
            # "a soldier was killed in shelling by X": the victims of the verb are the event's target
            targets = [a for a in _actors(_children(verb, {"nsubjpass"}), actors) if a not in sources]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIVER_VERBS:
        targets = subjects(token.head, actors)[0]
    if pattern.of_role == "target" and not targets:
        targets = _actors(of_objects, actors)
    if pattern.target and not targets:
        preps = {pattern.target}
        targets = _actors(_prep_objects(token, preps), actors) or _place_actors(
            _prep_objects(token, preps), actors, sources
        )
        if not targets and token.dep_ == "dobj":
            targets = _actors(_prep_objects(token.head, preps), actors)
        if not targets and pattern.of_role != "target":
            # "the withdrawal of some forces from Panama", "a suspension of air links with Serbia":
            # the parser hangs the place left, or the partner, on what the "of" names
            targets = _actors([g for o in of_objects for g in _prep_objects(o, preps)], actors)
    if not targets:
        # "investigations against 28 officials", "a campaign against the rebels": whatever the
        # noun's own preposition, the one it is directed against is its target
        targets = _actors(_prep_objects(token, {"against"}), actors)
        if not targets and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            targets = _actors(_prep_objects(token.head, {"against"}), actors)
    if not sources and pattern.code.startswith("14") and (_placed(token, actors) or _anti_government(token)):
        # "protests in Tehran": the protesters are civilians, placed later by the event's place
        sources = [_implied(token, "CVL", actors)]
        trigger.direct = False
    trigger.sources = sources
    trigger.targets = [t for t in targets if t not in sources]
    return trigger


def verb_chain(token: Token, hops: int = 4) -> list[Token]:
    """Return ``token`` and the verbs above it linked by xcomp ("would keep attacking" -> attack, keep)."""
    chain = [token]
    while chain[-1].dep_ == "xcomp" and chain[-1].head is not chain[-1] and len(chain) <= hops:
        chain.append(chain[-1].head)
    return chain


def _anti_government(token: Token) -> bool:
    """Return True for a protest its modifier sets against a government ("anti-government protests")."""
    words = " ".join(t.lower_ for t in token.lefts if t.dep_ in {"amod", "compound"})
    return any(w in words.replace(" - ", "-") for w in ("anti-government", "antigovernment", "anti-regime"))


def _placed(token: Token, actors: DocActors) -> bool:
    """Return True when an event noun says where it happened ("protests in 100 cities across Iran").

    The place may hang from the verb the noun is the subject of: "protests spread across Hong
    Kong", "clashes erupted in Tripoli".
    """
    scope = list(token.subtree)
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        scope += [g for c in token.head.children if c.dep_ == "prep" for g in c.children]
    return any(
        t.i in actors.places or any(a.kind == "state" for a in actors.by_head.get(t.i, []))
        for t in scope
        if t.dep_ == "pobj" and t.head.lower_ in {"in", "across", "at", "throughout", "outside", "against"}
    )


def demanded_by(trigger: Trigger, actors: DocActors) -> list[Actor]:
    """Return who demands the trigger's event: "X said (that) Y must Z" -> X, else nobody."""
    chain = verb_chain(trigger.governor)
    aux = {c.lower_ for verb in chain for c in verb.children if c.dep_ == "aux"}
    top = chain[-1]
    demander = _demand_clause(top)
    if demander is not None:  # "reiterated its demand that Israel ease ..."
        return subjects(demander, actors)[0]
    if not aux & OBLIGATION_AUX or top.dep_ != "ccomp" or top.head.lemma_.lower() not in SPEECH_VERBS:
        return []
    return subjects(top.head, actors)[0]


#: Nouns that, as a verb's object, make its that-clause a demand ("renewed its call that X leave").
DEMAND_NOUNS = frozenset("demand call appeal request plea ultimatum reminder".split())


def _demand_clause(clause: Token) -> Token | None:
    """Return the verb whose demand a that-clause states ("reiterated its demand that Israel ease"):
    the clause hangs from the verb whose object is a demand, or from that object itself."""
    head = clause.head
    if clause.dep_ == "ccomp" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS for c in head.children
    ):
        return head
    if clause.dep_ == "acl" and head.dep_ == "dobj" and head.lemma_.lower() in DEMAND_NOUNS:
        return head.head
    return None


def modality_of(trigger: Trigger) -> tuple[str, bool]:
    """Return the trigger's modality and whether it is negated."""
    chain = verb_chain(trigger.governor)
    children = [c for verb in chain for c in verb.children]
    negated = any(c.dep_ == "neg" for c in children)
    aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children):
        return "hypothetical", negated
    for verb in chain[1:]:
        lemma = verb.lemma_.lower()
        if lemma in INTENT_VERBS or lemma == "be":
            return "intended", negated
        if lemma in DEMAND_VERBS:
            return "demanded", negated
    top = chain[-1]
    head = top.head
    reported = top.dep_ == "ccomp" and head.lemma_.lower() in REPORT_VERBS
    if top.dep_ in {"ccomp", "advcl"} and head is not top:
        # "did not say that X attacked": a denied report; an adverbial clause keeps its own polarity
        negated = negated or (top.dep_ == "ccomp" and is_negated(head))
        lemma = head.lemma_.lower()
        if lemma in INTENT_VERBS:
            return "intended", negated
        if lemma in DEMAND_VERBS:
            return "demanded", negated
    if _demand_clause(top) is not None:
        return "demanded", negated
    if aux & OBLIGATION_AUX:
        return "demanded", negated
    if aux & (HYPOTHETICAL_AUX - {"would"}) or ("would" in aux and not reported):
        return "hypothetical", negated
    if aux & FUTURE_AUX or "would" in aux:
        return "intended", negated
    return "asserted", negated


#: Reporting verbs whose clause may report a real act ("police said gunmen had opened fire").
ACT_REPORT_VERBS = frozenset(["say", "report", "tell", "add", "state", "claim", "confirm"])
#: Tags of a clause verb that tells of something done: past tense, past participle.
DONE_TAGS = frozenset(["VBD", "VBN"])


def reported_act(verb: Token) -> Token:
    """Return the verb of the act a reporting sentence tells of, else ``verb`` itself.

    "Police said militants lobbed a grenade" and "Six soldiers were killed, the army said" report
    an act in their clause; "officials said they would retaliate" and "did not say that ..." do
    not (future, modal, negated), so the reporting verb stays.
    """
    while verb.lemma_.lower() in ACT_REPORT_VERBS and not is_negated(verb):
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        # "a helicopter is said to have dropped containers": the act is the passive's xcomp
        if not clauses and any(c.dep_ == "auxpass" for c in verb.children):
            clauses = [c for c in verb.children if c.dep_ == "xcomp"]
        if not clauses or not _done(clauses[0]):
            break
        verb = clauses[0]
    return verb


def _done(verb: Token) -> bool:
    """Return True when a clause verb tells of something done: past, not negated, no modal or future."""
    aux = auxiliaries(verb, passive=True)
    if is_negated(verb) or aux & (HYPOTHETICAL_AUX | FUTURE_AUX | OBLIGATION_AUX):
        return False
    return verb.tag_ in DONE_TAGS or bool(aux & {"has", "have", "had"})


def _coded_verb(
    verb: Token, code: str, sources: list[Actor], targets: list[Actor], *, direct: bool
) -> Trigger:
    """Return a trigger on ``verb`` coded ``code`` by a rule, not by a row of the pattern table."""
    pattern = Pattern(verb.pos_, verb.lemma_.lower(), None, None, None, code, False, None)
    return Trigger(verb, pattern, sources, targets, direct=direct)


def demand_trigger(sent: Span, actors: DocActors) -> Trigger | None:
    """Return a demand trigger for "X said (that) Y must Z" whose Z no pattern codes, else None.

    "The ministry declared that China must drop its barriers": whatever Z is, the speaker demands
    it of Y (CAMEO 10). A denied or hedged statement ("did not say", "might say") is none.
    """
    root = sent.root
    if root.lemma_.lower() not in SPEECH_VERBS or is_negated(root) or auxiliaries(root):
        return None
    for clause in _children(root, {"ccomp"}):
        if not auxiliaries(clause) & OBLIGATION_AUX or is_negated(clause):
            continue
        sources, direct = subjects(root, actors)
        targets = [a for a in _actors(_children(clause, {"nsubj", "nsubjpass"}), actors) if a not in sources]
        if sources and targets:
            return _coded_verb(root, "100", sources, targets, direct=direct)
    return None


#: Verbs that frame an act in their infinitive as a threat or a refusal, whatever the act is:
#: "threatened to ban opposition candidates" (CAMEO 130), "refused to extradite the suspects" (120).
FRAMING_CODES = {"threaten": "130", "refuse": "120", "decline": "120"}


def framing_trigger(sent: Span, actors: DocActors) -> Trigger | None:
    """Return a threat or refusal trigger for "X threatened/refused to <act> Y" that no pattern coded.

    The target is an actor the framed act falls on (its object or the object of its
    preposition); without one, there is no trigger.
    """
    for verb in sent:
        code = FRAMING_CODES.get(verb.lemma_.lower())
        if code is None or verb.pos_ != "VERB" or is_negated(verb):
            continue
        for act in _children(verb, {"xcomp"}):
            sources, direct = subjects(verb, actors)
            objects = _children(act, {"dobj"}) + _prep_objects(act, {"from", "against", "on", "to", "with"})
            targets = [a for a in _actors(objects, actors) if a not in sources]
            if sources and targets:
                return _coded_verb(verb, code, sources, targets, direct=direct)
    return None


def warning_trigger(sent: Span, actors: DocActors, taken: AbstractSet[int] = frozenset()) -> Trigger | None:
    """Return a threat trigger for "X warned that it would <act> if Y ..." that no pattern coded.

    A warning whose clause says what the speaker's own side will do is a threat (CAMEO 130) to
    the actor of its condition, else to the other actor the clause names: "China warned that its
    government would not sit on its hands if Hong Kong's unrest grew". A clause holding a coded
    trigger (``taken``: token indices) is read by the frames instead.
    """
    for verb in sent:
        if verb.lemma_.lower() not in {"warn", "caution"} or is_negated(verb):
            continue
        sources, direct = subjects(verb, actors)
        countries = {a.country for a in sources if a.country}
        for clause in _children(verb, {"ccomp"}):
            own = [a for a in subjects(clause, actors)[0] if a.country in countries]
            if not countries or not auxiliaries(clause) & (FUTURE_AUX | {"would"}) or not own:
                continue
            if any(t.i in taken for t in clause.subtree):
                continue
            others = _conditioned(clause, actors)
            if others is None:
                others = [
                    a
                    for t in clause.subtree
                    for a in actors.by_head.get(t.i, [])
                    if a.country not in countries
                ]
            if others:
                return _coded_verb(verb, "130", sources, others[:1], direct=direct)
    return None


def censure_trigger(sent: Span, actors: DocActors, taken: AbstractSet[int] = frozenset()) -> Trigger | None:
    """Return a criticism trigger for "X said (that) Y's <thing> was <wrong>" that no pattern coded.

    The speaker disapproves (CAMEO 111) of the actor the judged clause is about: its subject, or
    the owner of its subject ("Trump's request"); alleging it is an accusation (112).
    """
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in SPEECH_VERBS | {"allege"} or is_negated(verb):
            continue
        for clause in _children(verb, {"ccomp"}):
            if clause.i in taken or is_negated(clause):
                continue
            judged = [c for c in clause.children if c.dep_ in {"acomp", "attr"}]
            judged += [conj for j in judged for conj in j.conjuncts]
            code = "112" if lemma == "allege" else "111"
            if clause.lemma_ == "be" and any(j.lemma_.lower() in CENSURE_WORDS for j in judged):
                subject = _children(clause, {"nsubj"})
                about = _actors(subject, actors) or _actors(
                    [p for s in subject for p in _children(s, {"poss"})], actors
                )
            else:  # "said the footage reveals unlawful killings by the security forces"
                about, code = _wrongdoers(clause, actors), "112"
            sources, direct = subjects(verb, actors)
            targets = [a for a in about if a not in sources]
            if sources and targets:
                return _coded_verb(verb, code, sources, targets, direct=direct)
    return None


#: Verbs of standing surety; "could not guarantee the safety of X's aircraft" is a threat to X.
GUARANTEE_VERBS = frozenset({"guarantee", "ensure", "assure"})
#: What such a verb may fail to guarantee.
SAFETY_WORDS = frozenset({"safety", "security"})


def unsafe_trigger(sent: Span, actors: DocActors, taken: AbstractSet[int] = frozenset()) -> Trigger | None:
    """Return a threat trigger for "X said it could not guarantee the safety of Y's forces".

    Refusing to answer for another state's aircraft, ships or troops warns of force against
    them (CAMEO 138); the speaker is the subject of the clause, the target whoever the safety
    is of, when that is another country. The statement is the event, so it sits on the speech verb.
    """
    for verb in sent:
        said = verb.head
        if verb.lemma_.lower() not in GUARANTEE_VERBS or not is_negated(verb) or verb.dep_ != "ccomp":
            continue
        if said.lemma_.lower() not in SPEECH_VERBS or is_negated(said) or said.i in taken:
            continue
        guarded = [o for o in _children(verb, {"dobj"}) if o.lemma_.lower() in SAFETY_WORDS]
        sources, direct = subjects(verb, actors)
        countries = {a.country or a.code for a in sources}
        whose = [p for g in guarded for p in _prep_objects(g, {"of", "for"})]
        targets = [a for a in _actors(whose, actors) if (a.country or a.code) not in countries]
        if sources and targets:
            return _coded_verb(said, "138", sources, targets, direct=direct)
    return None


def _wrongdoers(clause: Token, actors: DocActors) -> list[Actor]:
    """Return who a clause says did wrong: the agents of acts a censure word qualifies.

    "... reveal unlawful killings by Iranian police", "... document Russia's illegal
    deportations": saying so accuses the agent (CAMEO 112), named by "by" or as possessor.
    """
    return _actors(
        [
            agent
            for act in clause.subtree
            if act.pos_ == "NOUN"
            and any(c.dep_ == "amod" and c.lemma_.lower() in CENSURE_WORDS for c in act.children)
            for agent in _prep_objects(act, {"by"}) + _children(act, {"poss"})
        ],
        actors,
    )


#: Words of a plea that admits the act it names ("pleaded guilty to ...").
PLEA_WORDS = frozenset({"guilty"})


def plea_trigger(sent: Span, actors: DocActors) -> Trigger | None:
    """Return an admission trigger for "X pleaded guilty to <act> Y" (CAMEO 015, X acknowledges
    responsibility towards Y).

    The target is whom the admitted act falls on: its object or preposition's object, or
    those of the act it frames ("to threatening to kill the senator"). The parser may hang
    "guilty" on a date right after the verb ("pleaded guilty Monday"), so a grandchild counts.
    """
    for verb in sent:
        if verb.lemma_.lower() != "plead" or is_negated(verb):
            continue
        near = [g for c in verb.children for g in (c, *c.children) if c.dep_ != "prep"]
        if not any(t.lower_ in PLEA_WORDS for t in near):
            continue
        acts = [c for prep in verb.subtree if prep.lower_ == "to" for c in _children(prep, {"pcomp", "pobj"})]
        acts += [x for act in acts for x in _children(act, {"xcomp"})]
        objects = [o for act in acts for o in _children(act, {"dobj"})]
        objects += [o for act in acts for o in _prep_objects(act, {"on", "against", "to", "with"})]
        sources, direct = subjects(verb, actors)
        targets = [a for a in _actors(objects, actors) if a not in sources]
        if sources:
            return _coded_verb(verb, "015", sources, targets, direct=direct)
    return None


def _conditioned(clause: Token, actors: DocActors) -> list[Actor] | None:
    """Return who acts in the condition of a warning ("... if Pelosi visits Taiwan" -> Pelosi).

    None when the warning states no condition; an empty list when its actor is not one we code.
    """
    condition = condition_clause(clause, {"if", "unless", "should"})
    return None if condition is None else subjects(condition, actors)[0]


def condition_clause(verb: Token, marks: AbstractSet[str]) -> Token | None:
    """Return the adverbial clause of ``verb`` that one of ``marks`` opens ("... unless X yields")."""
    for condition in _children(verb, {"advcl"}):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in condition.children):
            return condition
    return None


def sentence_trigger(sent: Span, code: str, actors: DocActors, implied_agent: str | None) -> Trigger:
    """Return a trigger for an event the classifier read in the whole sentence, not in one word.

    The main verb stands as the trigger. The source is a ``by`` agent or an active subject that
    names an actor, else an agent the sentence implies ("gunmen" unnamed: ``implied_agent``);
    the target is a passive subject or an object that names an actor. With no ``implied_agent``
    a sentence that names no acting actor gets no source.
    """
    root = reported_act(sent.root)
    trigger = _coded_verb(root, code, [], [], direct=False)
    trigger.whole = True
    verbs = [t for t in root.subtree if t.pos_ in {"VERB", "AUX"}] or [root]
    for verb in verbs:
        agents = _actors(_prep_objects(verb, {"by"}), actors) or _actors(_children(verb, {"nsubj"}), actors)
        if agents and not trigger.sources:
            trigger.sources = agents
        patients = _actors(_children(verb, {"nsubjpass", "dobj"}), actors)
        if patients and not trigger.targets:
            trigger.targets = [a for a in patients if a not in trigger.sources]
    if not trigger.sources and implied_agent is not None:
        trigger.sources = [_implied(root, implied_agent, actors)]
    return trigger
