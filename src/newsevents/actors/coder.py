"""Code the actor mentions of a parsed paragraph, with memory of the article so far.

The coder reads a spaCy ``Doc`` (one paragraph) and gives every noun phrase that
names an actor a CAMEO-style code, keyed by the phrase's head token:

- countries, demonyms, capitals, regions, IGOs and armed groups from the EntityRuler
  (``ent.ent_id_`` carries the code);
- agent nouns and titles with the country that modifies them ("Azerbaijan's Defense
  Minister" -> AZEGOV, "Armenian armed forces" -> ARMMIL, "the press service of the
  Azerbaijani Defense Ministry" -> AZEGOV);
- people by the title next to them ("his British counterpart Michael Fallon" -> GBRGOV),
  remembered by full name and surname for later mentions in the same article;
- plural references to the last two countries ("the parties", "the two countries").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsevents.actors.gazetteer import Gazetteer, load_gazetteer
from newsevents.actors.leaders import Leaders, Officeholder, load_leaders
from newsevents.actors.lexicon import Lexicon, load_lexicon
from newsevents.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Agents that a bare noun ("the police", "the government") may borrow the article's country for.
DOMESTIC_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Plural nouns that refer back to the two actors last named ("the parties", "both sides").
PAIR_NOUNS = frozenset({"party", "side", "country", "nation", "state", "government", "neighbour", "neighbor"})
#: Prepositions after which a capital is a place, not a government ("talks in Moscow").
LOCATIVE_PREPS = frozenset(
    "in at near to from into outside inside across around via through toward towards over throughout "
    "within".split()
)
#: Plural titles that refer back to the two sides of the latest exchange ("the defense ministers").
PAIR_TITLES = frozenset({"minister", "leader", "president", "premier", "delegation", "envoy", "counterpart"})
#: Words that take the office of the person they are compared with.
COUNTERPART_WORDS = frozenset({"counterpart", "counterparts", "opposite number"})
#: Dependencies that lead from an agent noun to the words that give its country.
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod", "appos"})
#: Possessive pronouns that point back to an actor named earlier in the sentence ("its soldiers").
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
#: Actor kinds a third-person subject pronoun can stand for.
PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("state", "igo", "ngo", "group"),
    "they": ("state", "igo", "ngo", "group"),
}
#: Object pronouns resolved within their sentence ("threatened to use live ammunition on them").
OBJECT_PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "him": ("person",),
    "her": ("person",),
    "them": ("state", "igo", "ngo", "group"),
}
#: Opening quotation marks.
QUOTES = frozenset("\"“‘'«")
#: Verbs that introduce what someone said.
REPORT_VERBS = frozenset(
    ["say", "tell", "add", "state", "announce", "declare", "write", "note", "warn", "insist"]
)
#: Nouns for private persons, who are civilians of the country that modifies them ("a Texas man").
PERSON_NOUNS = frozenset({"man", "woman", "men", "women"})
#: Dependencies never crossed when looking for the actor of a phrase.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "conj", "cc", "parataxis"})


@dataclass
class ArticleMemory:
    """What the coder remembers across the paragraphs of one article."""

    persons: dict[str, Actor] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    dyad: tuple[str, str] | None = None
    last: dict[str, Actor] = field(default_factory=dict)
    paragraph_start: list[str] = field(default_factory=list)

    def note_country(self, code: str) -> None:
        """Record a mention of a country or IGO code, most recent last."""
        if code in self.countries:
            self.countries.remove(code)
        self.countries.append(code)
        self.counts[code] += 1

    def note_dyad(self, source: Actor, target: Actor) -> None:
        """Record the two states of the latest event between different states."""
        if source.country and target.country and source.country != target.country:
            self.dyad = (source.country, target.country)

    def last_pair(self, named_before: list[str] | None = None) -> tuple[str, str] | None:
        """Return the two states of the latest event, else the two states named last.

        ``named_before`` are the states of the current paragraph named before the reference;
        states named after it in the paragraph must not count.
        """
        if self.dyad is not None:
            return self.dyad
        earlier = self.paragraph_start if named_before is not None else self.countries
        states = [c for c in [*earlier, *(named_before or [])] if not c.startswith(("IGO", "NGO"))]
        states = list(dict.fromkeys(reversed(states)))[:2]
        return (states[1], states[0]) if len(states) == 2 else None

    def dominant(self) -> str | None:
        """Return the state most often mentioned so far."""
        states = [(n, c) for c, n in self.counts.items() if not c.startswith(("IGO", "NGO"))]
        return max(states)[1] if states else None

    def remember_person(self, name: str, actor: Actor) -> None:
        """Remember a coded person by full name and by surname."""
        self.persons[name.lower()] = actor
        self.persons.setdefault(name.split()[-1].lower(), actor)


@dataclass
class DocActors:
    """The actors of one paragraph, keyed by the head token of their phrase."""

    doc: Doc
    offset: int
    by_head: dict[int, list[Actor]] = field(default_factory=dict)
    places: dict[int, Span] = field(default_factory=dict)
    place_countries: dict[int, str] = field(default_factory=dict)

    def add(self, token: Token, actors: list[Actor]) -> None:
        """Attach actors to the phrase headed by ``token``."""
        self.by_head[token.i] = actors

    def at(self, token: Token, *, depth: int = 3) -> list[Actor]:
        """Return the actors of the phrase headed by ``token`` (nearest first), conjuncts included."""
        found = self._nearest(token, depth)
        for conj in token.conjuncts:
            if conj.i > token.i:
                found += [a for a in self._nearest(conj, depth) if a not in found]
        return found

    def _nearest(self, token: Token, depth: int) -> list[Actor]:
        """Return the actors at ``token`` or at the closest token below it."""
        frontier = [token]
        for _ in range(depth + 1):
            hits = [a for t in frontier for a in self.by_head.get(t.i, [])]
            if hits:
                return hits
            frontier = [c for t in frontier for c in t.children if c.dep_ not in CLAUSE_DEPS]
        return []

    def place_actor(self, token: Token) -> Actor | None:
        """Return the state whose place ``token`` names ("visit to London" -> GBR), if known."""
        country = self.place_countries.get(token.i)
        if country is None:
            return None
        span = self.places[token.i]
        start = span.start_char + self.offset
        return Actor(
            text=span.text,
            code=country,
            kind="state",
            country=country,
            start=start,
            end=start + len(span.text),
        )

    def mentions(self) -> Iterator[Actor]:
        """Yield every coded actor with character offsets in the article text."""
        for actors in self.by_head.values():
            yield from actors


def _code_object_pronoun(token: Token, found: DocActors) -> None:
    """Code an object pronoun as the nearest compatible actor before it in its sentence that is not
    the subject of its own verb ("police fired on students and beat them": the students)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    own = {id(a) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for a in found.at(c)}
    own |= {id(a) for a in found.by_head.get(verb.i, [])}
    kinds = OBJECT_PRONOUN_KINDS[token.lower_]
    for left in reversed(range(token.sent.start, token.i)):
        actors = [a for a in found.by_head.get(left, []) if a.kind in kinds and id(a) not in own]
        if actors:
            _refer(token, found, actors[:1])
            return


def _refer(token: Token, found: DocActors, antecedents: list[Actor]) -> None:
    """Code a pronoun as the actors it refers to, keeping the pronoun's own text and offsets."""
    if antecedents:
        start = token.idx + found.offset
        found.add(
            token,
            [replace(a, text=token.text, start=start, end=start + len(token.text)) for a in antecedents],
        )


def _settle_people(token: Token, found: DocActors) -> None:
    """Give a people named by another state's demonym the state it lives in.

    "Bosnian Serbs", "Kosovo Albanians", "Albanians of southern Serbia": a plural demonym
    modified by (or "of") another state names a people of that state (BIHCVL, XKXCVL,
    SRBCVL), not the state its demonym belongs to.
    """
    actors = found.by_head.get(token.i, [])
    if token.tag_ not in {"NNPS", "NNS"} or len(actors) != 1:
        return
    people = actors[0]
    if people.kind != "state" or people.agent is not None:
        return
    near = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
    near += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for modifier in near:
        home = found.by_head.get(modifier.i, [])
        if len(home) == 1 and home[0].kind == "state" and home[0].agent is None and home[0].country:
            if home[0].country != people.country:
                country = home[0].country
                found.add(token, [replace(people, country=country, code=f"{country}CVL", agent="CVL")])
            return


def _name_modifiers(root: Token) -> list[Token]:
    """Return the titles and modifiers of a name ("Russian President Vladimir Putin"), not its conjuncts."""
    near = [c for c in root.children if c.dep_ in {"compound", "appos", "amod", "nmod"}]
    return near + [g for c in near for g in c.children if g.dep_ in {"compound", "amod", "nmod", "poss"}]


#: Nouns that make their "of" phrase a place name whatever the NER calls it ("the town of Vuhledar").
SETTLEMENT_NOUNS = frozenset(
    "city town village port district province region county state area suburb neighbourhood "
    "neighborhood governorate municipality settlement camp outskirts".split()
)


def _called_place(ent: Span) -> bool:
    """Return True for a name in "the city of X", "the village of X": a place, not an organisation."""
    root = ent.root
    named = root.dep_ == "pobj" and root.head.lower_ == "of"
    return named and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS


#: Geographic features a demonym names rather than modifies ("the Korean peninsula", "the Arabian Sea").
FEATURE_NOUNS = frozenset(
    "peninsula sea gulf strait straits ocean bay channel basin desert plateau highlands lowlands".split()
)


def _names_feature(token: Token) -> bool:
    """Return True for a demonym that is part of a geographic feature's name ("Korean peninsula")."""
    return token.dep_ in {"amod", "compound"} and token.head.lemma_.lower() in FEATURE_NOUNS


#: Nouns a country's name modifies as their subject matter ("a Ukraine specialist", "Iran policy").
TOPIC_NOUNS = frozenset("specialist expert analyst scholar researcher watcher hawk observer policy".split())


def _names_topic(token: Token) -> bool:
    """Return True for a country name that says what a person studies or a policy is about.

    "Alexander Vindman, a Ukraine specialist on the National Security Council" is no Ukrainian;
    a demonym ("a Ukrainian specialist") still says who someone is, and is not read here.
    """
    return token.dep_ == "compound" and token.head.lemma_.lower() in TOPIC_NOUNS


#: Modifiers saying a title is no longer held ("former president", "ex-minister").
FORMER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time"})


def _formerly_titled(ent: Span) -> bool:
    """Return True for a name whose title says the office is no longer held.

    "former prime minister Najib Razak", "Najib Razak, the former prime minister".
    """
    return any(
        _former(child)
        for child in ent.root.children
        if child.dep_ in {"compound", "amod", "appos"} and not ent.start <= child.i < ent.end
    )


def _former(token: Token) -> bool:
    """Return True for a title its modifier says is no longer held ("the former prime minister")."""
    words = [t for t in token.subtree if t.i < token.i and t.dep_ in {"amod", "compound", "advmod"}]
    return any(t.lower_ in FORMER_WORDS for t in words) or token.lower_.startswith("ex-")


#: Nouns whose "of" names the place they are part of ("the outskirts of Mogadishu").
PLACE_PART_NOUNS = SETTLEMENT_NOUNS | frozenset(
    "outskirts streets centre center heart part parts edge suburbs north south east west "
    "northeast northwest southeast southwest capital".split()
)


def _name_ending_at(token: Token) -> Span:
    """Return the name that ends at ``token`` ("Joe Biden" for "Biden" in "the Joe Biden administration")."""
    start = token.i
    while (
        start > token.sent.start
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].dep_ == "compound"
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _titles_a_name(token: Token) -> bool:
    """Return True for a capitalised title that opens a person's name ("Judge Alejandro Rivera").

    Only a title nothing else modifies: in "Arab League Secretary General Chadli Klibi" the
    organisation before the title says whose officer the man is.
    """
    return (
        token.dep_ == "compound"
        and token.head.ent_type_ == "PERSON"
        and token.ent_type_ != "PERSON"
        and all(t.dep_ == "det" for t in token.doc[token.head.left_edge.i : token.i])
    )


def _person_at(token: Token) -> Span:
    """Return the person's name the NER found around ``token`` ("Prosper Avril" in "President Prosper
    Avril"), else the token alone."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ == "PERSON"), None)
    return ent if ent is not None else token.doc[token.i : token.i + 1]


def _in_other_name(ent: Span) -> bool:
    """Return True for a city name that ends a longer proper name ("Real Madrid", "Little Havana").

    The word before it is a proper noun of the same name that is no place or people itself; the
    name may still be a place ("Greater Damascus"), but it is no capital speaking for its state.
    """
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return (
        before.dep_ == "compound"
        and before.head.i == ent.root.i
        and before.pos_ == "PROPN"
        and before.ent_type_ not in {"GPE", "NORP", "LOC"}
    )


def _locative(token: Token) -> bool:
    """Return True where a capital names a place ("in Moscow", "a Moscow court", "the outskirts of
    Mogadishu"), not its government."""
    if token.dep_ in {"compound", "amod", "nmod", "npadvmod", "appos"}:
        return True
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ == "of":
        return bool({preposition.head.lemma_.lower(), preposition.head.lower_} & PLACE_PART_NOUNS)
    return preposition.lower_ in LOCATIVE_PREPS


def _states_before(token: Token, found: DocActors, start: int) -> list[str]:
    """Return the states named from token ``start`` up to ``token``, in order, without repeats."""
    states: list[str] = []
    for head in sorted(h for h in found.by_head if start <= h < token.i):
        for actor in found.by_head[head]:
            if actor.country and actor.kind in {"state", "person"} and actor.country not in states:
                states.append(actor.country)
    return states


def _pair_before(token: Token, found: DocActors, memory: ArticleMemory) -> tuple[str, str] | None:
    """Return the two sides a plural reference names ("the two countries", "both leaders").

    Two states named earlier in the same sentence come first, then the latest event's dyad,
    then the last two states named before the reference (never ones named after it).
    """
    in_sentence = _states_before(token, found, token.sent.start)
    if len(in_sentence) >= 2:
        return in_sentence[-2], in_sentence[-1]
    return memory.last_pair(_states_before(token, found, token.doc[0].i))


#: Verbs and nouns of moving out: what they move is "from" the place it leaves, not its home.
LEAVING_WORDS = frozenset(
    "withdraw withdrawal pull pullout removal remove evacuate evacuation redeploy redeployment".split()
)


def _left(prep: Token) -> bool:
    """Return True for "from X" naming the place a withdrawn force leaves, not the force's country.

    "the withdrawal of some invasion forces from Panama", "pulled its troops from Mali": the
    forces moved are the object of a word of leaving; "troops from Chad" alone are Chad's.
    """
    if prep.lower_ != "from":
        return False
    noun = prep.head
    mover = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
    return noun.dep_ in {"dobj", "pobj"} and mover.lemma_.lower() in LEAVING_WORDS


#: Verbs of giving or gathering information: their "intelligence" is what is passed, no agency.
INFORMATION_VERBS = frozenset(
    "provide share give supply pass offer exchange gather collect receive obtain seek request".split()
)


def _information(token: Token) -> bool:
    """Return True for "intelligence" that is information given or gathered, not a spy agency.

    "providing aerial photographs and other military intelligence to Macedonia" passes
    information; "Pakistani intelligence arrested him" is the agency.
    """
    if token.lemma_.lower() != "intelligence":
        return False
    head = token
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "dobj" and head.head.lemma_.lower() in INFORMATION_VERBS


def _pair_title(token: Token) -> bool:
    """Return True for "the defense ministers", "both leaders": plural titles naming the two sides."""
    determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "predet", "nummod"}}
    return (
        token.tag_ == "NNS"
        and token.lemma_.lower() in PAIR_TITLES
        and bool(determiners & {"the", "both", "two"})
    )


def _speaker(token: Token, found: DocActors) -> list[Actor]:
    """Return who a quoted "we" or "I" is: the subject of the sentence's reporting verb.

    A quotation that runs on into a sentence of its own (“We thank …”) belongs to the speaker
    named in the sentence before it, in the same paragraph.
    """
    sentence = token.sent
    previous = token.doc[sentence.start - 1].sent if sentence.start > 0 else None
    for candidate in (sentence, previous if sentence.text.lstrip()[:1] in QUOTES else None):
        if candidate is None:
            continue
        for verb in candidate:
            if verb.lemma_.lower() in REPORT_VERBS and verb.i != token.head.i:
                for subj in verb.children:
                    if subj.dep_ == "nsubj" and subj.i in found.by_head:
                        return found.by_head[subj.i]
    return []


def _antecedent(pronoun: Token, found: DocActors) -> str | None:
    """Return the country of the actor named nearest before a possessive pronoun in its sentence."""
    for left in reversed(range(pronoun.sent.start, pronoun.i)):
        for actor in found.by_head.get(left, []):
            if actor.country or actor.kind in {"igo", "ngo"}:
                return actor.country or actor.code
    return None


def _ends_alike(entry: str, phrase: str) -> bool:
    """Return True when an agent entry ends where the phrase ends ("armed forces", not "military ...")."""
    last, tail = entry.split()[-1], phrase.split()[-1]
    return tail == last or tail.rstrip("s") == last.rstrip("s")


class ActorCoder:
    """Codes actor mentions paragraph by paragraph for one article."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        leaders: Leaders | None = None,
        *,
        on: dt.date | None = None,
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or load_gazetteer()
        self.leaders = leaders or load_leaders()
        self.on = on
        self.memory = ArticleMemory()

    def code(self, doc: Doc, offset: int = 0) -> DocActors:
        """Return the actors of ``doc``; ``offset`` is the paragraph's start in the article text."""
        found = DocActors(doc, offset)
        self.memory.paragraph_start = list(self.memory.countries)
        for ent in doc.ents:
            self._code_entity(ent, found)
        for token in doc:
            if token.pos_ == "PROPN" and not token.ent_id_ and token.i not in found.by_head:
                self._code_misspelt_country(token, found)
        for head in list(found.by_head):
            _settle_people(doc[head], found)
        for token in doc:
            if token.i not in found.by_head and token.pos_ in {"NOUN", "PROPN"}:
                self._code_agent(token, found)
        for token in doc:
            if token.i not in found.by_head and token.lemma_.lower() in PERSON_NOUNS:
                self._code_resident(token, found)
        for ent in doc.ents:
            if ent.label_ == "PERSON" or self._titled_name(ent, found):
                self._code_person(ent, found)
        for token in doc:
            if token.pos_ == "PROPN" and not token.ent_id_ and token.i not in found.by_head:
                self._code_known_name(token, found)
        for token in doc:
            if token.i not in found.by_head and token.tag_ in {"NNS", "NNPS"}:
                self._code_pair(token, found)
        pronouns = [t for t in doc if t.pos_ == "PRON" and t.dep_ in {"nsubj", "nsubjpass"}]
        for token in sorted(pronouns, key=lambda t: t.lower_ in {"we", "i"}):
            if token.i not in found.by_head:
                self._code_pronoun(token, found)
        for token in doc:
            if token.lower_ in OBJECT_PRONOUN_KINDS and token.dep_ in {"dobj", "pobj", "dative"}:
                _code_object_pronoun(token, found)
        self._remember_last(found)
        return found

    def _code_pronoun(self, token: Token, found: DocActors) -> None:
        """Resolve a subject pronoun to the nearest compatible actor before it (or the speaker, for "we")."""
        word = token.lower_
        if word in {"we", "i"}:
            _refer(token, found, _speaker(token, found))
            return
        kinds = PRONOUN_KINDS.get(word)
        if kinds is None:
            return
        for left in reversed(range(token.doc[0].i, token.i)):
            actors = [a for a in found.by_head.get(left, []) if a.kind in kinds]
            if actors:
                _refer(token, found, actors[:1] if word != "they" else actors)
                return
        earlier = [self.memory.last.get(kind) for kind in kinds]
        _refer(token, found, [a for a in earlier if a is not None][:1])

    def _remember_last(self, found: DocActors) -> None:
        """Remember the last actor of each kind named in the paragraph (for pronouns further on),
        and count the states of titled actors and people towards the article's main state."""
        for head in sorted(found.by_head):
            for actor in found.by_head[head]:
                self.memory.last[actor.kind] = actor
                if actor.country and (actor.agent or actor.kind == "person"):
                    self.memory.counts[actor.country] += 1

    def _actor(self, span: Span, offset: int, **fields: object) -> Actor:
        """Return an Actor for ``span`` with article offsets."""
        start = span.start_char + offset
        return Actor(text=span.text, start=start, end=start + len(span.text), **fields)  # type: ignore[arg-type]

    def _code_entity(self, ent: Span, found: DocActors) -> None:
        """Code a country, capital, region, IGO or group named by the EntityRuler."""
        code = ent.ent_id_
        if not code:
            if ent.label_ in {"GPE", "LOC", "FAC"} or _called_place(ent):
                found.places[ent.root.i] = ent
                place = self.gazetteer.lookup(ent.text)
                if place is not None:
                    found.place_countries[ent.root.i] = place.country
            return
        lex = self.lexicon
        if code.startswith(("IGO", "NGO")):
            kind = "igo" if code.startswith("IGO") else "ngo"
            actor = self._actor(ent, found.offset, code=code, kind=kind, org=code[3:6], name=ent.text)
        elif (group := lex.group(ent.text)) is not None:
            actor = self._actor(
                ent,
                found.offset,
                code=group.code,
                kind="group",
                country=group.country,
                agent=group.agent,
                name=group.name,
            )
        else:
            if lex.is_demonym(ent.text) and _names_feature(ent.root):
                return  # "the Korean peninsula", "the Arabian Sea": part of a place's name, no actor
            if not lex.is_demonym(ent.text) and _names_topic(ent.root):
                return  # "a Ukraine specialist", "our Iran policy": what is studied, no actor
            country = code[:3]
            capital = lex.capital(ent.text) is not None and lex.country(ent.text) is None
            if capital or lex.region(ent.text) is not None:
                found.places[ent.root.i] = ent
                found.place_countries[ent.root.i] = country
                if not capital or _locative(ent.root) or _in_other_name(ent):
                    return  # "Real Madrid", "Little Havana": a club or a quarter, not the government
            agent = "GOV" if capital else None
            actor = self._actor(
                ent,
                found.offset,
                code=country + (agent or ""),
                kind="state",
                country=country,
                agent=agent,
                name=lex.country_name(country),
            )
        noted = actor.code if actor.kind in {"igo", "ngo"} else actor.country
        if noted:  # a group with no country ("ISIS") is no state for unplaced agents to belong to
            self.memory.note_country(noted)
        found.add(ent.root, [actor])

    def _agent_of(self, token: Token) -> tuple[str | None, int]:
        """Return the agent code of the title or noun headed by ``token`` and where its phrase starts."""
        words = [token]
        for child in reversed(list(token.lefts)):
            if child.dep_ in {"compound", "amod"} and not child.ent_id_ and child.lower_ != "led":
                words.insert(0, child)
            else:
                break
        for i in range(len(words)):
            phrase = " ".join(w.text.lower() for w in [*words[i:-1], token])
            lemma_phrase = " ".join([w.text.lower() for w in words[i:-1]] + [token.lemma_.lower()])
            for candidate in (phrase, lemma_phrase):
                if candidate in COUNTERPART_WORDS:
                    return "GOV", words[i].i
                entry = self.lexicon.find_agent(candidate)
                if entry is not None and _ends_alike(entry.text, candidate):
                    return entry.agent, words[i].i
        return None, token.i

    def _countries_of(self, token: Token, found: DocActors, depth: int = 2) -> list[str]:
        """Return the countries (or IGO codes) that modify the noun ``token``, conjuncts included.

        "Iranian and Saudi officials" and "the foreign ministers of Armenia and Azerbaijan" name two.
        """
        pronoun = None
        # the modifier nearest the noun names its state ("a dual Egyptian American citizen": USA)
        for child in sorted(token.children, key=lambda c: (c.i > token.i, abs(c.i - token.i))):
            if child.dep_ in MODIFIER_DEPS:
                named = self._named_countries([child, *child.conjuncts], found) or self._leaders(child, found)
                if named:
                    return named
                if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                    pronoun = child
            if (
                child.dep_ == "prep"
                and child.lower_ in {"of", "from", "in"}
                and depth > 0
                and not _left(child)
            ):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    named = self._named_countries([pobj, *pobj.conjuncts], found)
                    if named or (named := self._countries_of(pobj, found, depth - 1)):
                        return named
        antecedent = _antecedent(pronoun, found) if pronoun is not None else None
        return [antecedent] if antecedent else []

    def _leaders(self, modifier: Token, found: DocActors) -> list[str]:
        """Return the countries a "-led" modifier names as leading ("Vietnamese-led forces" -> VNM)."""
        if modifier.lower_ != "led" or modifier.dep_ != "amod":
            return []
        return self._named_countries([c for c in modifier.children if c.dep_ in MODIFIER_DEPS], found)

    def _named_countries(self, tokens: list[Token], found: DocActors) -> list[str]:
        """Return the countries the tokens name as actors or places ("Delhi police"), in order."""
        out: list[str] = []
        for token in tokens:
            hit = found.by_head.get(token.i, [])
            coded = [a for a in hit if a.country or a.kind in {"igo", "ngo"}]
            country = (coded[0].country or coded[0].code) if coded else found.place_countries.get(token.i)
            if country is None and token.pos_ == "PROPN" and token.ent_type_ not in {"PERSON", "DATE"}:
                place = self.gazetteer.lookup(token.text)
                country = place.country if place is not None else None
            if country is None and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
                # "the Trump administration", "the Sissi government": the leader's own state
                # a military ruler's government is his state's too ("the government of Prosper Avril")
                holder = self.leaders.lookup(_name_ending_at(token).text, self.on) or self.leaders.lookup(
                    _person_at(token).text, self.on
                )
                country = holder.country if holder is not None and holder.agent in {"GOV", "MIL"} else None
            if country and country not in out:
                out.append(country)
        return out

    def _code_agent(self, token: Token, found: DocActors) -> None:
        """Code an agent noun or title with the country that modifies it."""
        agent, start = self._agent_of(token)
        if agent is None or (token.dep_ == "compound" and self._agent_of(token.head)[0] is not None):
            return  # "government" in "Syrian government forces" is part of the larger title
        if _information(token):
            return
        groups = [
            a
            for c in token.children
            if c.dep_ in {"compound", "amod", "poss"}
            for a in found.by_head.get(c.i, [])
            if a.kind == "group" and (a.country or a.name)
        ]
        if groups:
            # "a Hamas delegation", "Taliban fighters", "ISIS forces": the group's own code, not
            # country + agent
            start_char = token.doc[start].idx + found.offset
            end_char = token.idx + len(token.text) + found.offset
            text = token.doc.text[token.doc[start].idx : token.idx + len(token.text)]
            found.add(token, [replace(groups[0], text=text, start=start_char, end=end_char)])
            return
        countries = self._countries_of(token, found)
        span = token.doc[start : token.i + 1]
        pair = _pair_before(token, found, self.memory)
        if not countries and _pair_title(token) and pair:
            countries = list(pair)
        if len(countries) > 1:
            found.add(token, [self._coded(span, found.offset, code, agent) for code in countries])
            return
        country = countries[0] if countries else None
        if _former(token):
            # "Pakistan's former prime minister": of the country still, but no longer its government
            if country is not None:
                found.add(token, [self._coded(span, found.offset, country, None)])
            return
        common = (
            token.text[:1].islower()
            or (span[0].is_sent_start and token.tag_ == "NNS")
            or _titles_a_name(token)  # "Judge Alejandro Rivera": a judge, of a country placed later
        )
        if country is None and agent in DOMESTIC_AGENTS and common:
            country = self.memory.dominant()
        if country is not None:
            found.add(token, [self._coded(span, found.offset, country, agent)])
        elif common:
            found.add(token, [self._actor(span, found.offset, code=agent, kind="group", agent=agent)])

    def _code_resident(self, token: Token, found: DocActors) -> None:
        """Code a private person that a country or place names as a civilian of that country.

        "A New York man", "two Syrian women", "a man from Kandahar": one country modifying the
        noun says whose civilian (CVL) the person is; a bare "a man" stays no actor.
        """
        countries = self._countries_of(token, found)
        if len(countries) != 1 or countries[0].startswith(("IGO", "NGO")):
            return
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in {"det", "nummod", "predet"}]
        span = token.doc[words[0].i : token.i + 1]
        found.add(token, [self._coded(span, found.offset, countries[0], "CVL")])

    def _coded(self, span: Span, offset: int, country: str, agent: str | None) -> Actor:
        """Return an actor for a country or IGO code plus an agent."""
        if country.startswith(("IGO", "NGO")):
            kind = "igo" if country.startswith("IGO") else "ngo"
            return self._actor(span, offset, code=country, kind=kind, org=country[3:6])
        return self._actor(
            span, offset, code=country + (agent or ""), kind="state", country=country, agent=agent
        )

    def _code_person(self, ent: Span, found: DocActors) -> None:
        """Code a person by a title next to the name, an earlier mention, or the dated office table."""
        title = self._title_near(ent.root, found)
        known = self.memory.persons.get(ent.text.lower()) or self.memory.persons.get(ent[-1].lower_)
        holder = self._office_holder(ent)
        if title is not None and title.kind == "group" and (holder or known):
            title = None  # a title without a country says less than the table or an earlier mention
        # A full name in the dated table outranks a title read from a long, often misparsed name chain.
        base = (holder if holder is not None and len(ent) > 1 else None) or title or known or holder
        if base is None:
            return
        actor = replace(
            self._actor(ent, found.offset, code=base.code, kind="person"),
            country=base.country,
            agent=base.agent,
            org=base.org,
            name=known.name if known and not title else ent.text,
        )
        if known is None:
            self.memory.remember_person(ent.text, actor)
        found.add(ent.root, [actor])

    def _office_holder(self, ent: Span) -> Actor | None:
        """Return the actor a name codes to by the table of office holders on the publication day."""
        holder = self.leaders.lookup(ent.text, self.on) or self.leaders.misspelt(ent.text, self.on)
        if holder is None and self.on is not None and _formerly_titled(ent):
            # "former prime minister Najib Razak": no longer its government, one of its elite (CAMEO ELI)
            past = self.leaders.lookup(ent.text)
            if past is not None and past.end is not None and past.end <= self.on:
                return replace(self._code_office(ent, past), code=f"{past.country}ELI", agent="ELI")
        if holder is None:
            return None
        return self._code_office(ent, holder)

    @staticmethod
    def _code_office(ent: Span, holder: Officeholder) -> Actor:
        """Return the actor of a named person in an office of the table."""
        if holder.country.startswith(("IGO", "NGO")):
            return Actor(
                text=ent.text, code=holder.country, kind="person", org=holder.country[3:6], name=holder.name
            )
        agent = holder.agent or None
        return Actor(
            text=ent.text,
            code=holder.country + (agent or ""),
            kind="person",
            country=holder.country,
            agent=agent,
            name=holder.name,
        )

    def _titled_name(self, ent: Span, found: DocActors) -> bool:
        """Return True for a name the NER took for a place or group but a title marks as a person.

        "suspended councillor Tahir Hussain" (tagged GPE) is a person: an unknown place with a
        person's title right before it.
        """
        if ent.label_ not in {"GPE", "ORG", "LOC"} or ent.ent_id_ or ent.root.i in found.place_countries:
            return False
        title = self._title_near(ent.root, found)
        return title is not None and title.kind != "person" and title.agent is not None

    def _code_misspelt_country(self, token: Token, found: DocActors) -> None:
        """Code a one-word country name misspelt by one letter ("rejected an offer from Afganistan").

        The word must be a name on its own (no person's, no part of a longer name), no place the
        gazetteer knows ("Columbia", "Granada") and no office holder's name ("Cameron").
        """
        if token.ent_type_ == "PERSON" or token.dep_ == "compound" or not token.is_title:
            return
        if token.ent_type_ and len(next(e for e in token.doc.ents if e.start <= token.i < e.end)) > 1:
            return
        if self.gazetteer.lookup(token.text) is not None or self.leaders.lookup(token.text) is not None:
            return  # "Columbia" is a place, "Cameron" a person
        country = self.lexicon.misspelt_country(token.text)
        if country is None:
            return
        span = token.doc[token.i : token.i + 1]
        actor = self._actor(
            span,
            found.offset,
            code=country,
            kind="state",
            country=country,
            name=self.lexicon.country_name(country),
        )
        self.memory.note_country(country)
        found.add(token, [actor])

    def _code_known_name(self, token: Token, found: DocActors) -> None:
        """Code a name the NER missed ("Lavrov met ...") when it names a person coded earlier."""
        if token.dep_ == "compound" or token.ent_type_ == "PERSON":
            return
        known = self.memory.persons.get(token.lower_)
        if known is not None:
            span = token.doc[token.i : token.i + 1]
            found.add(
                token,
                [
                    replace(
                        known,
                        text=token.text,
                        start=span.start_char + found.offset,
                        end=span.end_char + found.offset,
                    )
                ],
            )

    def _title_near(self, root: Token, found: DocActors) -> Actor | None:
        """Return the coded title in apposition to, or compounded with, a person's name."""
        near = [found.by_head[child.i][0] for child in _name_modifiers(root) if child.i in found.by_head]
        if near:
            return next((a for a in near if a.agent), near[0])
        node = root
        for _ in range(3):
            if node.dep_ not in {"appos", "compound", "pobj", "prep", "nsubj", "dobj"} or node.head is node:
                break
            node = node.head
            hit = [a for a in found.by_head.get(node.i, []) if a.agent]
            if hit:
                return hit[0]
        return None

    def _code_pair(self, token: Token, found: DocActors) -> None:
        """Code "the parties", "the two countries", "both sides" as the last two actors named."""
        if token.lemma_.lower() not in PAIR_NOUNS:
            return
        named = [a for c in token.children if c.dep_ == "appos" for a in found.at(c)]
        if named:
            found.add(token, named)
            return
        cue = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "predet", "amod"}}
        pair = _pair_before(token, found, self.memory)
        if not cue & {"the", "both", "two"} or pair is None:
            return
        span = token.doc[token.left_edge.i : token.i + 1]
        found.add(token, [self._coded(span, found.offset, code, None) for code in pair])
