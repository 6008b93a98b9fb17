"""Code the events of a parsed article: triggers, actors, dates, places, types.

One :class:`EventCoder` per process holds the read-only tables; :meth:`code_article`
keeps per-article memory (people, the last dyad) in a fresh ActorCoder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from newsevents.actors.coder import PRONOUN_KINDS, SETTLEMENT_NOUNS, ActorCoder, DocActors
from newsevents.actors.gazetteer import Gazetteer, load_gazetteer
from newsevents.actors.lexicon import Lexicon, load_lexicon
from newsevents.events.acled import SUB_EVENT_CODES, acled_type, refine_acled, worded_acled
from newsevents.events.classifier import NO_ACLED, acled_classifier, cameo_classifier
from newsevents.events.codebook import Codebook, load_codebook
from newsevents.events.dates import EventDate, from_publication, published_date, resolve_expression
from newsevents.events.frames import FRAME_MODALITY, load_frames
from newsevents.events.location import EventLocator, compound_name
from newsevents.events.patterns import PatternTable, load_patterns
from newsevents.events.sentence import (
    HANDOVER,
    LOOTING,
    TERRITORY_NOUNS,
    TRANSFER,
    acted_on,
    sentence_cue,
    sentence_label,
)
from newsevents.events.triggers import (
    ALLEGATION_VERBS,
    DEMAND_VERBS,
    DENIAL_VERBS,
    EASED_AT_HOME,
    FORCE_ROOTS,
    INTENT_VERBS,
    NONSTATE,
    SPEECH_VERBS,
    Trigger,
    auxiliaries,
    borne_by_people,
    censure_trigger,
    condition_clause,
    demand_trigger,
    demanded_by,
    find_triggers,
    framing_trigger,
    is_negated,
    modality_of,
    plea_trigger,
    reported_act,
    sentence_trigger,
    unsafe_trigger,
    verb_chain,
    warning_trigger,
    with_implied_source,
)
from newsevents.model import Acled, Actor, Article, Event, Location, Plover, event_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Roots whose events may stand without a target (a denial, a protest, a mobilisation).
TARGETLESS_ROOTS = frozenset({"01", "14", "15"})
#: Every root: with ``targetless`` on, an event whose target is not named is kept with target null.
ALL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))
#: Verbs that turn a future use of force by their subject into a threat.
THREAT_FRAMES = frozenset(["say", "vow", "warn", "threaten", "pledge", "promise", "declare", "announce"])
#: How sure the sentence classifier must be before its ACLED sub-event type replaces the rules' one,
#: and before a coded act of force or coercion may stand without a named target.
ACLED_TYPE_MIN = 0.6
#: The same for a sentence read with its paragraph: two readings that agree are surer than one.
ACLED_CONTEXT_MIN = 0.45
#: How sure the CAMEO root classifier must be to code a sentence the trigger table found nothing in.
CAMEO_ROOT_MIN = 0.4
#: Roots whose events take an ACLED type from the sentence classifier.
ACLED_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
#: General codes of force that the ACLED sub-event type may make specific (190 -> 195 air strike).
GENERAL_FORCE = frozenset({"180", "183", "190", "193"})
#: Main verbs of sentences that speak of an act without reporting it.
NOT_ACTS = (
    SPEECH_VERBS
    | DENIAL_VERBS
    | ALLEGATION_VERBS
    | INTENT_VERBS
    | DEMAND_VERBS
    | frozenset("examine inspect review study document verify investigate probe recall remember".split())
)

#: Subject pronouns: a clause's subject that refers back to an actor ("warned that it would").
SUBJECT_PRONOUNS = frozenset(PRONOUN_KINDS)
#: Verbs by which a party commits itself to an act it has not yet done ("agreed to", "said it would").
COMMIT_VERBS = THREAT_FRAMES | {"agree", "decide", "offer"}
#: Who acts in a sentence-level event whose sentence names no one: protesters are civilians,
#: arrests and dispersals are the police's, other force (and looting) is unidentified armed men's.
IMPLIED_AGENTS = {"14": "CVL", "17": "COP"}
#: Agents of state forces, for ACLED's state/non-state distinctions.
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: ACLED's two types of ground taken by force: by the state's forces, or by others.
CAPTURE_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
#: ACLED event types of crowds, between which a sentence's cue words decide.
CROWD_TYPES = frozenset({"Protests", "Riots"})
#: Agents who, named without a country, belong to the country they act in: parties, opposition,
#: people, unions, students, rebels (not rights groups, media or businesses, often foreign).
DOMESTIC_AGENTS = frozenset({"OPP", "PTY", "CVL", "LAB", "EDU", "REB", "INS", "SEP", "RAD"})


@dataclass(frozen=True)
class Sentence:
    """Where a trigger is: its article, sentence, the paragraph's actors and the article's dates."""

    article: Article
    sent: Span
    index: int
    found: DocActors
    published: dt.date | None
    dominant: str | None
    dateline: Location | None = None
    #: The ACLED sub-event type the sentence classifier gives the sentence, when it is sure.
    acled: str | None = None
    #: The ACLED classifier's label probabilities for the whole paragraph (None for a one-sentence one).
    context: Mapping[str, float] | None = None


class _Coded(NamedTuple):
    """An event with the token index of its trigger, while a sentence is being coded."""

    event: Event
    trigger_index: int


@dataclass(frozen=True)
class CodedArticle:
    """The events and actor mentions of one article."""

    events: tuple[Event, ...]
    actors: tuple[Actor, ...]


class EventCoder:
    """Turns parsed paragraphs into CAMEO events; shares its tables across articles."""

    def __init__(
        self,
        *,
        patterns: PatternTable | None = None,
        codebook: Codebook | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        targetless: bool = False,
    ) -> None:
        self.patterns = patterns or load_patterns()
        self.codebook = codebook or load_codebook()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or load_gazetteer()
        self.frames = load_frames()
        self.targetless_roots = ALL_ROOTS if targetless else TARGETLESS_ROOTS
        self.locator = EventLocator(self.gazetteer, self.lexicon)

    def code_article(self, article: Article, docs: Sequence[Doc]) -> CodedArticle:
        """Return the events and actors of ``article``, whose paragraphs were parsed into ``docs``."""
        published = published_date(article.published)
        actor_coder = ActorCoder(self.lexicon, self.gazetteer, on=published)
        events: list[Event] = []
        mentions: list[Actor] = []
        dateline = self.locator.dateline(article.paragraphs[0]) if article.paragraphs else None
        offset = index = 0
        for paragraph, doc in zip(article.paragraphs, docs, strict=True):
            # the parser may have been given the paragraph without its dateline
            found = actor_coder.code(doc, offset + max(paragraph.find(doc.text), 0))
            mentions += found.mentions()
            sents = list(doc.sents)
            context = acled_classifier().probabilities(doc.text) if len(sents) > 1 else None
            for sent in sents:
                where = Sentence(
                    article,
                    sent,
                    index,
                    found,
                    published,
                    actor_coder.memory.dominant(),
                    dateline,
                    context=context,
                )
                new = self._sentence_events(where)
                for event in new:
                    if event.target is not None and not event.negated:
                        actor_coder.memory.note_dyad(event.source, event.target)
                events += new
                index += 1
            offset += len(paragraph) + 2
        mentions.sort(key=lambda a: a.start or 0)
        return CodedArticle(tuple(deduplicate(events)), tuple(mentions))

    def _sentence_events(self, where: Sentence) -> list[Event]:
        """Return the events of one sentence; a frame verb's own event gives way to the framed one."""
        label, probability = sentence_label(where.sent.text, where.context)
        least = ACLED_TYPE_MIN if where.context is None else ACLED_CONTEXT_MIN
        if label != NO_ACLED and probability >= least:
            where = replace(where, acled=label)
        coded_triggers = find_triggers(where.sent, self.patterns, where.found)
        coded = [self._events(t, where) for t in coded_triggers]
        absorbed = {frame for events, frame in coded if frame is not None and events}
        out = [c.event for events, _ in coded for c in events if c.trigger_index not in absorbed]
        for framed in (demand_trigger, framing_trigger):
            trigger = None if out else framed(where.sent, where.found)
            if trigger is not None:
                out += [c.event for c in self._events(trigger, where)[0]]
        taken = {t.token.i for t in coded_triggers}
        for spoken in (warning_trigger, censure_trigger, unsafe_trigger):
            trigger = spoken(where.sent, where.found, taken)
            if trigger is not None:
                out += [c.event for c in self._events(trigger, where)[0]]
        plea = plea_trigger(where.sent, where.found)
        if plea is not None:
            out += [c.event for c in self._events(plea, where)[0]]
        if out:
            return out
        alone = self._lone_act(coded_triggers, where)
        if alone or not self._reports_act(reported_act(where.sent.root)):
            return alone
        out = self._unclaimed_force(coded_triggers, where)
        if out:
            return out
        cued = where.acled or sentence_cue(where.sent)
        if cued is not None:
            return self._classified_events(replace(where, acled=cued), cued)
        return self._root_events(where)

    def _lone_act(self, triggers: Sequence[Trigger], where: Sentence) -> list[Event]:
        """Return the act of the one party a sentence names, when the sentence gives no other event.

        "Papandreou demanded immediate elections", "the rebels dismissed the appeal": the act
        is plain and its target is not named, and PLOVER codes it with none. Only an asserted
        (or committed to, ``_committed``), unnegated act whose subject is the source of an active
        verb, or of the verb its complement completes, stands, the verb nearest
        the sentence's root first; and only where the sentence names no party of another
        country (nor a place abroad): there that party is the act's target the parse missed,
        and a reading without it would be wrong. Acts of force and protest are left to their own
        rules (``_targetless``): force falls on someone, and where the parse finds no one, only
        a sure sentence classifier lets it stand.
        """
        for found in sorted(triggers, key=lambda t: len(list(t.token.ancestors))):
            trigger = _without_own_side(found)
            if trigger.targets or not trigger.sources or not _active_subject(trigger.token, where.found):
                continue
            if _unnamed_parties(trigger.token):
                continue  # "urged all sides to engage in dialogue": a target, though unnamed
            coded, _ = self._events(trigger, where, alone=True)
            event = coded[0].event if coded else None
            if (
                event is not None
                and (event.target is None or not event.target.text)  # none named; an implied one may be
                and (event.modality == "asserted" or (event.modality == "intended" and _committed(trigger)))
                and not event.negated
                and event.root_code not in ACLED_ROOTS
                and not self._names_another(where, event.source)
            ):
                return [event]
        return []

    def _names_another(self, where: Sentence, source: Actor) -> bool:
        """Return True when a sentence names a party, or a place, of another country than ``source``.

        A name the tagger missed counts when the gazetteer knows it as the object of a
        preposition ("withdrew from Khan Younis", tagged a person); an agent named without a
        country ("insurgents") does not where the sentence places it in the source's country.
        """
        start, end = where.sent.start, where.sent.end
        found = where.found
        places = {c for i, c in found.place_countries.items() if start <= i < end}
        if places - {source.country}:
            return True
        # an agent named without a country is of the place the sentence names in the source's own
        # country ("battles raged in Baghdad between insurgents and security forces")
        home = source.country in places
        for i, actors in found.by_head.items():
            if start <= i < end and any(
                not _same_side(source, actor) and (_placed(actor) or not home) for actor in actors
            ):
                return True
        for token in where.sent:
            if token.dep_ == "pobj" and token.pos_ == "PROPN" and token.i not in found.by_head:
                place = self.gazetteer.lookup(compound_name(token))
                if place is not None and place.country != source.country:
                    return True
        return False

    def _root_events(self, where: Sentence) -> list[Event]:
        """Return the event the CAMEO root classifier reads in a sentence whose actors the parse names.

        Only a sentence that names who acts (its subject or ``by`` agent) and, outside the
        roots that may stand alone, on whom (its object) gets one; the code is the root's.
        """
        root, probability = cameo_classifier().predict(where.sent.text)
        if root == NO_ACLED or probability < CAMEO_ROOT_MIN:
            return []
        return self._whole_sentence_event(where, f"{root}0", None)

    def _reports_act(self, root: Token) -> bool:
        """Return True when a sentence's main verb reports an act, not words, a denial or a probe.

        "denied that its forces had shelled the town", "investigators examined the site of the
        air strike": the sentence is about force, but no act of force is reported.
        """
        if root.pos_ not in {"VERB", "AUX"}:
            return True  # a headline fragment: "Car bomb kills six in Mogadishu"
        if is_negated(root) or root.lemma_.lower() in NOT_ACTS:
            return False
        pattern = self.patterns.match_verb(root)
        return pattern is None or pattern.code[:2] in ACLED_ROOTS

    def _classified_events(self, where: Sentence, sub_event_type: str) -> list[Event]:
        """Return the event the classifier reads in a sentence the trigger table found nothing in.

        "A roadside bomb killed three soldiers near Kandahar": no pattern row gives the bomb a
        source, but the sentence is an ACLED event; its source is whoever the sentence names
        as acting, else unidentified armed men (or civilians, for a protest) of the place.
        """
        code = SUB_EVENT_CODES[sub_event_type]
        implied = "UAF" if sub_event_type == LOOTING else IMPLIED_AGENTS.get(code[:2], "UAF")
        return self._whole_sentence_event(where, code, implied)

    def _whole_sentence_event(self, where: Sentence, code: str, implied_agent: str | None) -> list[Event]:
        """Return the first event of ``code`` whose roles the whole sentence fills (see sentence_trigger)."""
        trigger = sentence_trigger(where.sent, code, where.found, implied_agent)
        coded, _ = self._events(trigger, where)
        return [c.event for c in coded[:1]]

    def _reading(self, trigger: Trigger) -> tuple[str, str, bool, int | None]:
        """Return the trigger's code, modality, negation and the frame verb that decided them."""
        modality, negated = modality_of(trigger)
        code = trigger.pattern.code
        for verb in verb_chain(trigger.governor)[1:]:
            frame = self.frames.frame_of(verb.lemma_)
            framed = self.frames.code_for(frame, code) if frame else None
            if frame and framed:
                modality = FRAME_MODALITY[self.frames.resolve(frame, code)]
                return framed, modality, negated, verb.i
            if frame and self.frames.resolve(frame, code) == "intent":
                # "is prepared to impose martial law": an intent the table leaves the code of
                modality = "intended"
                break
        if modality != "asserted" and code[:2] >= "15" and _announced(trigger) and not negated:
            code, modality = self.frames.code_for("threat", code) or "138", "asserted"
        elif modality == "intended" and not negated and _ultimatum(trigger):
            code, modality = self.frames.code_for("threat", code) or "130", "asserted"
        elif modality == "intended":
            code = self.frames.code_for("intent", code) or code
        return code, modality, negated, None

    def _events(
        self, trigger: Trigger, where: Sentence, *, alone: bool = False
    ) -> tuple[list[_Coded], int | None]:
        """Return the events one trigger gives (one per source-target pair) and its frame verb.

        ``alone``: the trigger's event may stand without a target whatever its code (``_lone_act``).
        """
        code, modality, negated, frame = self._reading(trigger)
        code = _specific(code, where.acled or self._weapon(code, where))
        date = event_date(
            trigger,
            where.sent,
            where.published,
            future=modality == "intended",
            event_nouns=self.patterns.nouns,
        )
        out = []
        for source, target in actor_pairs(trigger, self.lexicon, code):
            if target is None and code[:2] in FORCE_ROOTS:
                target = _unknown_town_state(trigger, where, source)
            if target is None and source.country:
                target = _implied_target(source, code, trigger.pattern.code)
            if target is None and not (alone or self._targetless(code, where, trigger)):
                continue
            location = self.locator.locate(trigger, where.found, source, target, fallback=where.dateline)
            if location is None and trigger.whole:
                hints = [a.country for a in (source, target) if a is not None and a.country]
                location = self.locator.sentence_place(where.sent, where.found, hints)
            source, target = place_agents(
                source, target, place=location.country if location else None, dominant=where.dominant
            )
            source = _protesters(source, code)
            if code.startswith("14") and target is not None and target.kind == "state" and not target.agent:
                # "marched against Britain's decision": a protest is against the government
                target = replace(target, agent="GOV", code=f"{target.country}GOV")
            if target is None:  # a source placed only now ("protesters" in Yangon)
                target = _implied_target(source, code, trigger.pattern.code)
            if target is not None and source.agent in DOMESTIC_AGENTS:
                # "the party will boycott Algeria's elections": a party placed in the state it names
                target = _own_government(source, target, self.lexicon, code)
            if _at_home(code, source, target) and target is not None:
                # "the junta imposed a curfew in Yangon": force at home falls on the people
                target = replace(target, agent="CVL", code=f"{target.country}CVL")
            if not _known(source, code, where) or (
                target
                and same_actor(source, target)
                and not _rivals(source, target, code)
                and not _dissent(source, target, code)
            ):
                continue
            event = self._event(where, trigger, code, source, target, date, modality, negated, location)
            if event.acled is None and not negated and _agreed(trigger, frame):
                event = replace(event, acled=acled_type("Agreement"))
            out.append(_Coded(event, trigger.token.i))
        if modality == "demanded" and not negated:
            out += self._demands(trigger, where, code, date, [c.event.source for c in out] or trigger.sources)
        return out, frame

    def _demands(
        self, trigger: Trigger, where: Sentence, code: str, date: EventDate, demanded_of: list[Actor]
    ) -> list[_Coded]:
        """Return the demand events "X said Y must Z" makes: X demands (10x) of Y."""
        demand = self.frames.code_for("demand", code) or "100"
        out = []
        for speaker in demanded_by(trigger, where.found):
            for target in dict.fromkeys(demanded_of):
                if not same_actor(speaker, target):
                    event = self._event(
                        where, trigger, demand, speaker, target, date, "asserted", False, None
                    )
                    out.append(_Coded(event, -1))
        return out

    def _event(
        self,
        where: Sentence,
        trigger: Trigger,
        code: str,
        source: Actor,
        target: Actor | None,
        date: EventDate,
        modality: str,
        negated: bool,
        location: Location | None,
    ) -> Event:
        """Return one Event with its codebook facts filled in."""
        info = self.codebook.get(code)
        state = source.kind == "state" and (source.agent in STATE_AGENTS or source.agent is None)
        confidence = event_confidence(trigger, target is not None, modality)
        return Event(
            id=event_id(where.article.id, where.index, code, source.code, target.code if target else None),
            article_id=where.article.id,
            sentence_index=where.index,
            sentence=where.sent.text.strip(),
            trigger=trigger_text(trigger.token),
            code=code,
            base_code=code[:3],
            root_code=code[:2],
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover=Plover(info.plover_type, info.plover_mode or None),
            source=source,
            target=target,
            date=date.value,
            date_precision=date.precision,
            date_basis=date.basis,
            historical=date.historical,
            negated=negated,
            modality=modality,  # type: ignore[arg-type]
            acled=None if modality == "intended" else self._acled(code, state, where, target),
            location=location,
            confidence=confidence,
        )

    def _targetless(self, code: str, where: Sentence, trigger: Trigger) -> bool:
        """Return True when an event of ``code`` may stand without a target in this sentence.

        Statements, protests and shows of force may; force and coercion may where the
        classifier reads the sentence as an ACLED event ("militants detonated a car bomb in Kabul");
        so may ground taken that the sentence names only by its kind (``_takes_ground``).
        """
        if code[:2] in self.targetless_roots or _typed(code, where, ACLED_ROOTS):
            return True
        return _takes_ground(code, trigger)

    def _unclaimed_force(self, triggers: Sequence[Trigger], where: Sentence) -> list[Event]:
        """Return the event of an act of force whose trigger names a victim but no one acting.

        "Three civilians were killed in a suicide car bombing": the trigger says force was used
        on someone; its source is the agent the sentence implies (unidentified armed men; the
        police for an arrest). The act's kind must be known: from a specific code ("detained",
        "abducted"), the sentence's cue words (``acled_cues.tsv``) or the classifier; "20,000 were
        killed in the war" says no kind of act and is a toll, no event.
        """
        for trigger in triggers:
            code = trigger.pattern.code
            if code[:2] not in FORCE_ROOTS or trigger.sources or not trigger.targets:
                continue
            if modality_of(trigger) != ("asserted", False):
                continue
            agent = trigger.targets[0].agent
            acled = worded_acled(code, where.sent.text, agent)
            if acled is None and code not in GENERAL_FORCE:  # "was detained": the code says what it was
                acled = self.codebook.acled(code, state_actor=False)
            sub_event_type = where.acled or (acled.sub_event_type if acled else None)
            if sub_event_type is None:
                continue
            implied = with_implied_source(trigger, IMPLIED_AGENTS.get(code[:2], "UAF"), where.found)
            coded, _ = self._events(implied, replace(where, acled=sub_event_type))
            if coded:
                return [coded[0].event]
        return []

    def _weapon(self, code: str, where: Sentence) -> str | None:
        """Return the ACLED type the sentence's weapon words give a general act of force, if any.

        "killed thousands with poison gas" (chemical weapon), "aircraft bombed the bases"
        (air/drone strike): the weapon, named in the sentence, decides the kind of attack.
        """
        if code not in GENERAL_FORCE:
            return None
        acled = refine_acled(None, code, where.sent.text, None)
        if acled is None or acled.event_type != "Explosions/Remote violence":
            return None
        return acled.sub_event_type

    def _acled(self, code: str, state: bool, where: Sentence, target: Actor | None) -> Acled | None:
        """Return the event's ACLED type: the classifier's for force and protest, else the rules'."""
        agent = target.agent if target else None
        if code.startswith("192") and HANDOVER.search(where.sent.text):
            # "took control of the town after the army pulled out": ground left, not fought for
            return acled_type(TRANSFER)
        default = refine_acled(self.codebook.acled(code, state_actor=state), code, where.sent.text, agent)
        if where.acled is not None and (default is not None or code[:2] in ACLED_ROOTS):
            read = acled_type(where.acled)
            worded = worded_acled(code, where.sent.text, agent)
            if worded is not None and {worded.event_type, read.event_type} <= CROWD_TYPES:
                # "clashes with protesters", "rioters threw fireworks": the words say which
                # kind of crowd event it was more surely than the classifier
                return worded
            if read.sub_event_type in CAPTURE_TYPES and code.startswith("192"):
                # who took the ground decides which of the two it was
                return acled_type(CAPTURE_TYPES[0] if state else CAPTURE_TYPES[1])
            return read
        return default


def _takes_ground(code: str, trigger: Trigger) -> bool:
    """Return True for a capture of ground the sentence names only by its kind.

    "Government forces captured five villages", "rebels seized a military base": the event
    is the territory changing hands (ACLED's territory types); no opponent need be named.
    """
    if not code.startswith("192") or trigger.governor.dep_ == "xcomp":  # "tried to regain control"
        return False
    return bool(acted_on(trigger.governor, subject=False) & TERRITORY_NOUNS)


def actor_pairs(trigger: Trigger, lexicon: Lexicon, code: str) -> list[tuple[Actor, Actor | None]]:
    """Return the (source, target) pairs of a trigger; mutual triggers act both ways."""
    pairs: list[tuple[Actor, Actor | None]]
    if trigger.mutual:
        sides = trigger.sources + trigger.targets
        pairs = [(a, b) for a in sides for b in sides if a is not b]
    else:
        targets: list[Actor | None] = list(trigger.targets) or [None]
        sources = [_protesters(s, code) for s in trigger.sources]
        # a side of one's own country only where every source is of that one country
        at_home = len({s.country for s in sources}) == 1
        pairs = [
            (s, t if t is None or not at_home else _home_side(s, t, lexicon, code))
            for s in sources
            for t in targets
        ]
        pairs = [
            (s if t is None or not same_actor(s, t) else _state_at_home(s, t, lexicon), t) for s, t in pairs
        ]
    return [(s, t) for s, t in pairs if t is None or not same_actor(s, t) or _dissent(s, t, code)]


def _protesters(source: Actor, code: str) -> Actor:
    """Return a people that protests as its civilians ("thousands of Nigerians rallied" -> NGACVL)."""
    if code.startswith("14") and source.kind == "state" and source.agent is None and source.country:
        return replace(source, agent="CVL", code=f"{source.country}CVL")
    return source


def _home_side(source: Actor, target: Actor, lexicon: Lexicon, code: str) -> Actor:
    """Return the side of its own country an actor acts on when it names only the country.

    The state's coercion or assault at home, and the easing of it, falls on the people ("the
    junta imposed a curfew in Myanmar" -> MMRCVL); a party's or people's act falls on the
    government (see :func:`_own_government`).
    """
    if (
        borne_by_people(code)
        and source.agent in STATE_AGENTS
        and source.country is not None
        and target.kind == "state"
        and target.agent is None
        and target.country == source.country
    ):
        return replace(target, agent="CVL", code=f"{target.country}CVL")
    return _own_government(source, target, lexicon, code)


def _state_at_home(source: Actor, target: Actor, lexicon: Lexicon) -> Actor:
    """Return the government a state named as a country is when it acts on its own people or groups.

    "Kenya arrested dozens of Kenyan protesters", "Croatia is investigating Croatian extremists":
    not one actor on both sides, but the government (KENGOV) on its people (KENCVL).
    """
    if (
        source.kind != "state"
        or source.agent is not None
        or target.agent is None
        or target.agent in STATE_AGENTS
        or lexicon.country(source.text) is None
        or lexicon.is_demonym(source.text)  # "Sudanese army aircraft": the army acts, not the state
        or lexicon.region(source.text) is not None
    ):
        return source
    return replace(source, agent="GOV", code=f"{source.country}GOV")


def _own_government(source: Actor, target: Actor, lexicon: Lexicon, code: str) -> Actor:
    """Return the government a country's own party, rebels or people act on when they name the state.

    "Kenyan opposition parties boycotted Kenya's election": the opposition acts on the
    government (KENOPP -> KENGOV), not on itself. A place in the country ("in Sinjar") or a
    people ("Yazidi men") is not the state named.
    """
    if (
        code[:2] in FORCE_ROOTS  # force at home is read by the place (_domestic_targets, _at_home)
        or target.kind != "state"
        or target.agent is not None
        or source.agent is None
        or source.agent in STATE_AGENTS
        or source.country != target.country
        or target.name is None  # a place's state ("visit to Sinjar"), not the state named
        or lexicon.country(target.text) is None
        or lexicon.region(target.text) is not None
    ):
        return target
    return replace(target, agent="GOV", code=f"{target.country}GOV")


def place_agents(
    source: Actor, target: Actor | None, *, place: str | None, dominant: str | None
) -> tuple[Actor, Actor | None]:
    """Give agents named without a country ("protesters", "gunmen") a country.

    The country of the event's place comes first ("gunmen kidnapped two Americans in Kaduna" ->
    NGAUAF), then the other side's, read as a domestic event ("Iranian police arrested
    protesters" -> IRNCOP -> IRNCVL), then the article's most-mentioned state.
    """

    def placed(actor: Actor, other: Actor | None) -> Actor:
        if actor.country is not None or actor.kind in {"igo", "ngo"} or actor.agent is None:
            return actor
        country = place or (other.country if other is not None else None) or dominant
        if country is None:
            return actor
        return replace(actor, country=country, code=country + actor.agent)

    return placed(source, target), (placed(target, source) if target is not None else None)


def _specific(code: str, sub_event_type: str | None) -> str:
    """Return the more specific code the sentence's ACLED type gives a general act of force.

    "Indian jets struck a camp" matches the general 190; read as an air strike it is 195, and
    "killed thousands with poison gas" is the chemical attack 2041, not the general 180.
    """
    if sub_event_type is None or code not in GENERAL_FORCE:
        return code
    specific = SUB_EVENT_CODES[sub_event_type]
    weapon = acled_type(sub_event_type).event_type == "Explosions/Remote violence"
    return specific if specific[:2] == code[:2] or weapon else code


def _known(source: Actor, code: str, where: Sentence) -> bool:
    """Return True for a source an event can stand on: a state, an IGO or NGO, or a named group.

    An agent whose country nothing tells ("police seized weapons in a raid") is kept, as GDELT
    keeps a bare ``COP``, for force in a sentence the classifier reads as an ACLED event.
    """
    if source.country is not None or source.kind in {"igo", "ngo"} or source.code.startswith(("IGO", "NGO")):
        return True  # the last: a person in an organisation's office ("Secretary-General Kofi Annan")
    return source.agent is not None and _typed(code, where, FORCE_ROOTS)


def _typed(code: str, where: Sentence, roots: frozenset[str]) -> bool:
    """Return True for an event of one of ``roots``, or of the code that stands for the sentence's ACLED type.

    A sentence the classifier or its cue words type ("rebels entered the town unopposed": a
    non-violent transfer of territory) gets that type's code (``SUB_EVENT_CODES``), whose event
    stands as a typed act of force does.
    """
    if where.acled is None:
        return False
    return code[:2] in roots or code == SUB_EVENT_CODES.get(where.acled)


def _at_home(code: str, source: Actor, target: Actor | None) -> bool:
    """Return True for coercion or assault whose target is only the source's own country."""
    if target is None or target.agent is not None or target.country is None:
        return False
    return code[:2] in {"17", "18"} and same_actor(source, target)


def same_actor(a: Actor, b: Actor) -> bool:
    """Return True for the same party: the same code, or the same country where one agent is unknown."""
    if a.code == b.code:
        return True
    return (
        a.country is not None
        and a.country == b.country
        and (a.agent == b.agent or None in (a.agent, b.agent))
    )


def trigger_text(token: Token) -> str:
    """Return the words that carry the event: the trigger with its particle or negation."""
    words = [token] + [c for c in token.children if c.dep_ in {"prt", "neg"}]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def event_confidence(trigger: Trigger, has_target: bool, modality: str) -> float:
    """Return a confidence that ranks a sentence's events: main-clause verbs with both roles first.

    Roles read straight off the parse beat borrowed ones, a verb beats an event noun, the main
    clause beats an embedded one, and an asserted event beats a planned or reported one.
    """
    score = 0.45 + 0.15 * trigger.direct + 0.2 * has_target - 0.1 * (modality != "asserted")
    score += 0.1 if trigger.token.pos_ in {"VERB", "AUX"} else 0.0
    score += 0.1 if verb_chain(trigger.governor)[-1].dep_ == "ROOT" else 0.0
    score -= 0.05 if _background(trigger.governor) else 0.0
    return round(min(score, 1.0), 2)


def _unknown_town_state(trigger: Trigger, where: Sentence, source: Actor) -> Actor | None:
    """Return the state of a town the gazetteer does not know that force is used on, if the sentence says.

    "According to Ukrainian officials, Russian troops shelled the town of Vuhledar": the town
    is framed as a settlement but unknown; the one other state the sentence names is where
    it lies. A sentence that names no other state, or several, says nothing.
    """
    objects = [c for c in trigger.token.children if c.dep_ == "dobj"]
    framed = [
        o
        for o in objects
        if o.lemma_.lower() in SETTLEMENT_NOUNS
        and any(
            p.lower_ == "of"
            and any(n.pos_ == "PROPN" and n.i not in where.found.place_countries for n in p.children)
            for p in o.children
        )
    ]
    if not framed or source.country is None:
        return None
    start, end = where.sent.start, where.sent.end
    others = {
        actor.country
        for i, actors in where.found.by_head.items()
        if start <= i < end
        for actor in actors
        if actor.kind == "state" and actor.country and actor.country != source.country
    }
    if len(others) != 1:
        return None
    country = others.pop()
    return Actor(text="", code=country, kind="state", country=country, name="implied: the state of the town")


#: Subordinators of a clause that tells what came before the sentence's news ("a day after X").
BACKGROUND_MARKS = frozenset({"after", "since"})


def _background(verb: Token) -> bool:
    """Return True for a verb in a clause of what happened before ("after a jet shot down a helicopter").

    "Italy suspended air links one day after a Serbian jet shot down a helicopter": the news is
    the main clause's; the earlier act is its background and ranks below it.
    """
    top = verb_chain(verb)[-1]
    return top.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in top.children
    )


def _implied_target(source: Actor, code: str, act: str) -> Actor | None:
    """Return whom a protest, a people's demand or a state's restriction is addressed to when none is named.

    "thousands marched in Yangon", "the opposition parties demanded early elections": a
    crowd or a domestic party that names no addressee protests against, or asks of, its own
    government. A government's own demands name no such addressee. "The junta imposed a state of
    emergency", "lifted the curfew": a state restricts, or frees, its own people, also when it
    only says it will (``act``: the code of the act itself, before a frame made it an intent).
    """
    if source.country is None:
        return None
    if (
        act.startswith(("172", EASED_AT_HOME))
        and source.kind == "state"
        and source.agent in {*STATE_AGENTS, None}
    ):
        # "the government imposed a state of emergency": on its own people
        return Actor(
            text="",
            code=f"{source.country}CVL",
            kind="state",
            country=source.country,
            agent="CVL",
            name="implied: the people a state restricts",
        )
    if code.startswith("14"):
        name = "implied: the government protested against"
    elif code.startswith("10") and source.agent in DOMESTIC_AGENTS:
        name = "implied: the government asked"
    else:
        return None
    return Actor(
        text="", code=f"{source.country}GOV", kind="state", country=source.country, agent="GOV", name=name
    )


#: Modifiers of a subject that name who it is ("Georgia's opposition", "Kenyan officials").
SUBJECT_MODIFIERS = frozenset({"compound", "amod", "poss", "appos"})


#: Nouns that stand for the parties to a conflict without naming them ("all sides", "both parties").
PARTY_NOUNS = frozenset({"side", "party", "faction"})


def _unnamed_parties(verb: Token) -> bool:
    """Return True when a verb's clause addresses the parties of a conflict without naming them."""
    return any(
        t.lemma_.lower() in PARTY_NOUNS
        and any(c.lower_ in {"all", "both", "two", "warring", "rival"} for c in t.children)
        for t in verb.subtree
    )


def _active_subject(verb: Token, found: DocActors) -> bool:
    """Return True for a main or complement verb in the active voice whose subject is an actor.

    "the rebels dismissed the appeal", "Georgia's opposition parties demanded" are; "the citizens
    detained abroad" (a participle) and "those who were detained" (passive) are not: there the
    named party is acted on. Nor is "analysts in Kenya warned": the actor only places the subject.
    """
    if verb.pos_ != "VERB" or verb.dep_ in {"relcl", "acl", "amod"}:
        return False
    verb = _controller(verb)
    if verb.dep_ in {"relcl", "acl", "amod"}:
        return False
    return any(
        child.dep_ == "nsubj"
        and any(
            t.i in found.by_head
            for t in (child, *child.children)
            if t is child or t.dep_ in SUBJECT_MODIFIERS
        )
        for child in verb.children
    )


def _controller(verb: Token) -> Token:
    """Return the verb whose subject does what a complement verb says ("he is ready to lift" -> is).

    A complement ("agreed to lift", "is prepared to impose") has no subject of its own: it is
    the subject of the verb, or of the adjective's copula, it completes.
    """
    top = verb_chain(verb)[-1]
    if top.dep_ == "acomp" and top.pos_ == "ADJ" and top.head.pos_ in {"AUX", "VERB"}:
        return top.head
    return top


def _without_own_side(trigger: Trigger) -> Trigger:
    """Return the trigger without the targets that are its sources' own side, which no event takes.

    "their forces completed their withdrawal from the Bosnian town": the town is the forces'
    own country, not a party acted on; the act has no target. A subject pronoun pointing back
    to the source ("China warned that it would ...") is kept: that is the warned clause's
    subject read as the target, and the parse missed the real one.
    """
    targets = [
        t
        for t in trigger.targets
        if t.text.lower() in SUBJECT_PRONOUNS or not any(same_actor(s, t) for s in trigger.sources)
    ]
    return trigger if len(targets) == len(trigger.targets) else replace(trigger, targets=targets)


def _committed(trigger: Trigger) -> bool:
    """Return True when a planned act is one its party committed itself to, not only wished for.

    "agreed to postpone the march", "said it is prepared to impose martial law" commit the
    party; "has been eager to withdraw" only tells a wish, no event.
    """
    controller = _controller(trigger.governor)
    words = [*verb_chain(trigger.governor), controller]
    if controller.dep_ == "ccomp":
        words.append(controller.head)
    return any(word.lemma_.lower() in COMMIT_VERBS for word in words)


def _placed(actor: Actor) -> bool:
    """Return True for an actor of a known country or an organisation; "insurgents" named without a
    country are of none yet (``place_agents`` places them by the event's place)."""
    return actor.country is not None or actor.kind in {"igo", "ngo"} or actor.code.startswith(("IGO", "NGO"))


def _same_side(source: Actor, other: Actor) -> bool:
    """Return True when ``other`` is of the source's country (or, for an organisation, is it)."""
    if source.country is not None:
        return other.country == source.country
    return other.code[:6] == source.code[:6]


def _announced(trigger: Trigger) -> bool:
    """Return True when force is announced for the future: "X said it would keep hitting Y" is a threat.

    So is "announced that it is prepared to impose martial law": the complement's copula is the
    announced clause.
    """
    top = _controller(trigger.governor)
    return top.dep_ in {"ccomp", "xcomp"} and top.head.lemma_.lower() in THREAT_FRAMES


def _rivals(source: Actor, target: Actor, code: str) -> bool:
    """Return True for two armed groups of one country fighting each other, named apart.

    "Kurdish fighters clashed with the Raqqa Thowar Brigade": both are SYRREB once placed, yet
    two sides, as GDELT keeps such events; one group named twice is still one actor.
    """
    return (
        code[:2] in FORCE_ROOTS
        and source.agent in NONSTATE
        and target.agent in NONSTATE
        and source.start != target.start
        and (source.name is None or source.name != target.name)
    )


def _dissent(source: Actor, target: Actor, code: str) -> bool:
    """Return True for one named person of a government criticising another named one.

    "The president's aide Jane Doe said the president's order was wrong": both are the same
    government (one code), yet the aide disapproves of the president (CAMEO 11), and the
    dissent inside a government is the news. A person set against his own title, or any
    other act within one government, is still one actor.
    """
    return (
        code[:2] == "11"
        and source.kind == "person"
        and target.kind == "person"
        and source.name is not None
        and target.name is not None
        and source.name.split()[-1] != target.name.split()[-1]
    )


def _agreed(trigger: Trigger, frame: int | None) -> bool:
    """Return True for what two sides agree together ("the government and the rebels agreed to
    resume talks"): ACLED's agreement, whatever CAMEO intent code the agreed act takes."""
    if not trigger.mutual:
        return False
    verb = trigger.token if frame is None else trigger.token.doc[frame]
    return verb.lemma_.lower() == "agree"


def _ultimatum(trigger: Trigger) -> bool:
    """Return True when an announced act has a condition that the other side must meet.

    "Nigeria will withdraw its troops unless the president arranges a ceasefire": an act
    promised unless another gives way is a threat, not an intention.
    """
    return any(condition_clause(verb, {"unless"}) is not None for verb in verb_chain(trigger.governor))


def event_date(
    trigger: Trigger,
    sent: Span,
    published: dt.date | None,
    *,
    future: bool = False,
    event_nouns: frozenset[str] = frozenset(),
) -> EventDate:
    """Return the event's date: a time expression governed by the trigger, else the publication day.

    An undated action in the past perfect ("had been holding talks") is background: historical,
    with no date rather than the publication day.
    """
    heads = {trigger.token.i, trigger.governor.i}
    loose: EventDate | None = None
    for ent in sent.ents:
        if ent.label_ != "DATE" or _describes_noun(ent.root, heads):
            continue
        resolved = resolve_expression(ent.text, published, future=future)
        if resolved is None:
            continue
        if _owner(ent.root, heads, event_nouns):
            return resolved
        loose = loose or (resolved if _unowned(ent.root) else None)
    if loose is None and _past_perfect(trigger.governor):
        return EventDate(None, "unknown", "text", historical=True)
    return loose or from_publication(published)


def _past_perfect(verb: Token) -> bool:
    """Return True for "had fought", "had been holding": an action before the story's own past."""
    return "had" in auxiliaries(verb, passive=True) and verb.tag_ in {"VBN", "VBG"}


def _describes_noun(token: Token, heads: set[int]) -> bool:
    """Return True for a date that names a thing rather than the event's time ("the 2015 deal")."""
    return token.dep_ in {"compound", "amod", "nummod", "poss", "nmod"} and token.head.i not in heads


def _owner(token: Token, heads: set[int], event_nouns: frozenset[str]) -> bool:
    """Return True when one of ``heads`` governs ``token`` before any other verb does.

    A clause that describes an event noun belongs to it ("a war that ended ... in 1994").
    """
    for ancestor in token.ancestors:
        if ancestor.i in heads:
            return True
        describes_event = ancestor.dep_ in {"relcl", "acl"} and ancestor.head.lemma_.lower() in event_nouns
        if ancestor.pos_ == "VERB" and not describes_event:
            return False
    return False


def _unowned(token: Token) -> bool:
    """Return True for a date attached to a reporting verb ("said on Tuesday")."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.lemma_.lower() in {"say", "tell", "announce", "report", "state"}


def deduplicate(events: list[Event]) -> list[Event]:
    """Return events with repeated reports of the same event in one article merged (first kept)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for event in events:
        key = (
            event.code,
            _side(event.source, event.target),
            _side(event.target, event.source),
            event.date,
            event.negated,
            event.modality,
        )
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def _side(actor: Actor | None, other: Actor | None) -> str | None:
    """Return the dedup key of one side: its country, with the agent for domestic dyads."""
    if actor is None:
        return None
    base = actor.country or actor.code
    if other is not None and other.country == actor.country:
        return actor.code
    return base
